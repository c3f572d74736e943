package loader

// Attacks, threats and control: weapons near a trigger, stated abilities,
// purpose clauses.

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// assaultWordNear reports an attack trigger or a weapon word within a few
// tokens of i in its sentence.
func (d *doc) assaultWordNear(i, lo, hi int) bool {
	for k := max(lo, i-8); k < hi && k <= i+12; k++ {
		t := &d.toks[k]
		if k == i || t.kind != tWord {
			continue
		}
		if v, ok := verbLex[t.lower]; ok && graph.Vocabulary[v.sense.rel] == "ASSAULT" {
			return true
		}
		if n, ok := nounLex[t.lower]; ok && graph.Vocabulary[n.sense.rel] == "ASSAULT" {
			return true
		}
		if modeWords[t.lower] != "" && modeWords[t.lower] != "phone" && modeWords[t.lower] != "video" && modeWords[t.lower] != "in-person" {
			return true
		}
		if t.in(casualtyWords) {
			return true // "eight were killed in Operation Ember": people died in it
		}
	}
	return false
}

// casualtyWords tell of people killed or hurt.
var casualtyWords = set("killed", "killing", "injured", "injuring", "wounded", "wounding", "dead", "died", "deaths", "casualties")

// weaponWords are objects that make launching or firing an attack.
var weaponWords = set("missile", "missiles", "rocket", "rockets", "projectile", "projectiles", "shell",
	"shells", "salvo", "salvos", "barrage", "volley", "mortar", "mortars", "bomb", "bombs", "torpedo",
	"torpedoes", "munitions", "warheads", "shot", "shots", "cannon", "cannons", "bullets", "rounds",
	"flares", "artillery", "grenades", "gas")

// weaponAfter reports a weapon word, and an attack noun, in the few words
// after the verb at i. A drone is a weapon only when no attack noun follows
// ("launched drones at" but "launched drone strikes on").
func (d *doc) weaponAfter(i, hi int) (weapon, attack bool) {
	for k := i + 1; k < hi && k <= i+8; k++ {
		t := &d.toks[k]
		if t.kind == tPunct && !t.isHyphen() && !strings.ContainsAny(t.text, "\"“”") {
			break // (a quoted count, `launched "approximately 100" drones`, goes on)
		}
		if n, ok := nounLex[t.lower]; ok && graph.Vocabulary[n.sense.rel] == "ASSAULT" {
			return weapon, true
		}
		if t.in(weaponWords) || t.is("drone", "drones") {
			weapon = true
		}
	}
	return weapon, false
}

// hostileVerbs are infinitives that make a vow a threat besides attack
// verbs: "vowed to respond", "vowed to crush".
var hostileVerbs = set("respond", "retaliate", "avenge", "punish", "crush", "destroy", "eliminate",
	"annihilate", "fight", "defeat", "expel", "wipe", "hit", "strike", "attack", "blockade", "encircle",
	"isolate", "seize", "invade", "occupy")

// abilityWords, before a hostile infinitive, state a capacity to attack:
// "to improve its ability to blockade the strait".
var abilityWords = set("ability", "capability", "capabilities", "capacity", "readiness", "preparedness")

// abilityThreats adds the threats a sentence states as a capacity: "its
// ability to blockade X" is its owner's threat against X. What one is
// able to do ("its ability to carry out strikes") has not happened.
func (d *doc) abilityThreats(fs []*frame, lo, hi int) []*frame {
	for j := lo + 1; j+2 < hi; j++ {
		if !d.toks[j].in(abilityWords) || !d.toks[j+1].is("to") {
			continue
		}
		end := j + 2
		for end < hi && (d.toks[end].kind != tPunct || d.toks[end].isHyphen()) {
			end++
		}
		for _, f := range fs {
			if f.trigger > j && f.trigger < end {
				f.hypo = true
			}
		}
		if !d.hostileInfinitive(j+1, hi) || d.mAt[j-1] < 0 {
			continue
		}
		owner := d.mentions[d.mAt[j-1]]
		if !owner.poss || !owner.hasActor() {
			continue
		}
		for k := j + 3; k < hi && k <= j+5; k++ {
			if d.toks[k].in(determiners) {
				continue
			}
			if mi := d.mAt[k]; mi >= 0 {
				if m := d.mentions[mi]; m.hasActor() && !m.poss {
					f := &frame{sense: senseThreaten, rel: "THREATENED", label: "threat", trigger: j, sent: d.toks[j].sent, conf: 0.6}
					f.sources = addEnt(f.sources, owner.entities()...)
					f.targets = addEnt(f.targets, m.entities()...)
					fs = append(fs, f)
				}
			}
			break
		}
	}
	return fs
}

// hostileInfinitive reports "to" at k followed by a hostile verb.
func (d *doc) hostileInfinitive(k, hi int) bool {
	if k+1 >= hi || !d.toks[k].is("to") {
		return false
	}
	for k+2 < hi && d.toks[k+1].in(adverbs) {
		k++ // "to either capture or kill", "to swiftly punish"
	}
	t := &d.toks[k+1]
	if t.in(hostileVerbs) {
		return true
	}
	v, ok := verbLex[t.lower]
	return ok && v.form == formBase && graph.Vocabulary[v.sense.rel] == "ASSAULT"
}

// eventSubject returns the event noun heading the subject of the passive
// verb at i: "The truce was brokered by ...", "Talks were hosted by ...".
func (d *doc) eventSubject(i, lo, hi int) *frame {
	for k := i - 1; k >= lo && k >= i-5; k-- {
		t := &d.toks[k]
		if t.in(beForms) || t.in(adverbs) || t.in(hedges) || t.in(auxiliaries) || t.is(",") {
			continue
		}
		n, ok := nounLex[t.lower]
		if !ok || d.mAt[k] >= 0 {
			return nil
		}
		if d.used[k] {
			return d.nounRef[k]
		}
		return d.nounFrame(k, n, lo, hi)
	}
	return nil
}

// objectControl verbs make their object the subject of the infinitive that
// follows: "urged X to", "asked X to", "called on X to".
var objectControl = set("urge", "urged", "urges", "urging", "ask", "asked", "asks", "asking", "press",
	"pressed", "presses", "pressing", "pressure", "pressured", "pressuring", "encourage", "encouraged",
	"encourages", "tell", "told", "tells", "persuade", "persuaded", "invite", "invited", "invites",
	"allow", "allowed", "allows", "force", "forced", "forces", "push", "pushed", "pushing", "order",
	"ordered", "orders", "instruct", "instructed", "request", "requested", "requests", "on", "upon",
	"expect", "expects", "expected", "want", "wants", "wanted")

// controlledSubject returns the object of a control verb when the verb at
// i is its infinitive: the mentions in "urged X and Y to <i>". A capital
// stands for its state.
func (d *doc) controlledSubject(i, lo int) []*mention {
	for i-1 > lo && (d.toks[i-1].in(adverbs) || d.toks[i-1].kind == tPunct && isOpener([]rune(d.toks[i-1].text)[0])) {
		i-- // "to fully collaborate", `to "step back"`
	}
	if i-2 < lo || !d.toks[i-1].is("to") || d.mAt[i-2] < 0 {
		return nil
	}
	m := d.mentions[d.mAt[i-2]]
	if m.poss || m.ent == nil && len(m.group) == 0 || !m.hasActor() && !(m.ent != nil && m.ent.kind == graph.City && d.isCapital(m.ent)) {
		return nil
	}
	ms := d.coordinated(m, lo)
	k := ms[0].first - 1
	for k >= lo && d.toks[k].is("the") {
		k--
	}
	if k < lo || !d.toks[k].in(objectControl) ||
		d.toks[k].is("on", "upon") && (k-1 < lo || !d.toks[k-1].is("called", "calls", "call", "calling")) {
		return nil
	}
	for x, c := range ms {
		if c.ent != nil && c.ent.kind == graph.City {
			if s := d.ents.countryByCode(c.ent.country); s != nil {
				cp := *c
				cp.ent = s
				ms[x] = &cp
			}
		}
	}
	return ms
}

// purposeOf returns the main verb when the verb at i is a purpose
// infinitive after that verb's object ("summoned the envoy of X to
// protest"), or -1.
func (d *doc) purposeOf(i, lo int) int {
	if i-2 < lo || !d.toks[i-1].is("to") {
		return -1
	}
	j := i - 2
	for j > lo && d.mAt[j] < 0 && (d.toks[j].in(dateWords) || d.toks[j].is("on", "last", "this", "next")) {
		j-- // "summoned the envoy on Tuesday to protest"
	}
	if d.mAt[j] < 0 {
		return -1
	}
	ms := d.coordinated(d.mentions[d.mAt[j]], lo)
	k := ms[0].first - 1
	for n := 0; k >= lo && (d.toks[k].in(determiners) || n < 3 && d.isNounModifiee(k) && !pastTense(&d.toks[k])); n++ {
		k-- // "called opposition candidate Faye to congratulate him"
	}
	if k < lo {
		return -1
	}
	if t := &d.toks[k]; !t.in(prepositions) && !t.isVerbForm() && !t.in(lightVerbs) {
		return -1
	}
	if v, ok := patternLex[d.toks[max(k-1, lo)].lower]; ok && k > lo && d.toks[k].in(prepositions) && v.form == formPast {
		return k - 1 // "police broke into the embassy to arrest him": a verb the dictionary knows by its patterns
	}
	return d.previousVerb(k+1, lo)
}

// personAfterBody returns the person a body mention introduces through a
// title ("EU foreign policy chief Kaja Kallas"), or nil.
func (d *doc) personAfterBody(m *mention, hi int) *mention {
	if m.poss || m.ent == nil || m.ent.kind == graph.Person {
		return nil
	}
	title := false
	for k := m.last + 1; k < hi && k <= m.last+5; k++ {
		if mi := d.mAt[k]; mi >= 0 {
			if p := d.mentions[mi]; (title || p.role != nil) && p.ent != nil && p.ent.kind == graph.Person {
				return p
			}
			return nil
		}
		t := &d.toks[k]
		if t.kind != tWord || t.cap && !isTitleWord(t) || t.in(prepositions) || t.isVerbForm() {
			return nil
		}
		title = title || t.in(headTitles)
	}
	return nil
}

// backedAccusations adds, for each report that someone backed an attack
// ("Kurti said Serbia backed the attack"), the speaker's accusation of the
// backer: to say a state stands behind an attack is to blame it. Backing a
// war is a standing alliance, often declared by the ally itself.
func (d *doc) backedAccusations(fs []*frame) []*frame {
	for _, f := range fs {
		if f.claimant == nil || f.class() != "SUPPORT" || f.about == nil || f.about.root().class() != "ASSAULT" || f.about.root().sense == senseWar || f.hypo ||
			len(f.sources) == 0 || slices.Contains(f.sources, f.claimant) || d.sameSide([]*docEntity{f.claimant}, f.sources[0]) {
			continue
		}
		fs = append(fs, &frame{sense: senseAccuse, rel: "ACCUSED", label: "accusation", sources: []*docEntity{f.claimant},
			targets: slices.Clone(f.sources), inferred: true, trigger: f.trigger, sent: f.sent, conf: 0.6})
	}
	return fs
}

// landingVerbs tell a projectile came down somewhere.
var landingVerbs = set("fell", "landed", "crashed", "exploded", "slammed", "struck", "hit")

// landings reads "at least one missile fell in Tel Aviv", "a Russian drone
// crashed near Chisinau" in a report of an attack: the place was struck, by
// whoever the modifier names or else by the author of the attack told
// just before.
func (d *doc) landings(lo, hi int) []*frame {
	var fs []*frame
	for k := lo; k+3 < hi; k++ {
		if !d.toks[k].in(weaponWords) && !d.toks[k].is("drone", "drones") {
			continue
		}
		v := k + 1
		for v < hi && v <= k+3 && !d.toks[v].in(landingVerbs) {
			if t := &d.toks[v]; t.kind != tWord || t.in(clauseWords) {
				break
			}
			v++
		}
		if v+2 >= hi || !d.toks[v].in(landingVerbs) || !d.toks[v+1].in(locatives) {
			continue
		}
		m := d.npMention(v+2, hi)
		if m == nil || m.ent == nil || !m.ent.isPlace() {
			continue
		}
		f := &frame{sense: senseAttack, rel: senseAttack.rel, placeRel: senseAttack.place, label: "attack", trigger: v,
			sent: d.toks[v].sent, places: d.coordRight(m, hi, false)[0].entities(), conf: 0.7}
		for j := k - 1; j >= lo && j >= k-3; j-- {
			if mi := d.mAt[j]; mi >= 0 && d.mentions[mi].kind == mDemonym {
				f.sources = d.mentions[mi].entities() // "a Russian drone"
				break
			}
		}
		// Only in a report of an attack: a drone that fell or crashed may
		// have strayed, and a projectile may be the defenders' own.
		ante := d.antecedent(f, "")
		if ante == nil || ante.sent < f.sent-2 || len(ante.sources) == 0 {
			continue
		}
		if len(f.sources) == 0 {
			f.sources = slices.Clone(ante.sources)
			f.conf = 0.6
		}
		fs = append(fs, f)
		k = v
	}
	return fs
}
