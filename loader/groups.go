package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// agentNouns are the role nouns of the event-data field's agents dictionary
// (PETRARCH2 Phoenix.agents.txt, MIT) that name actors in news without a
// proper name: "protesters marched", "gunmen stormed", "police detained".
// Each maps to the kind of actor it names.
var agentNouns = map[string]graph.Kind{
	"protesters": graph.Group, "protestors": graph.Group, "demonstrators": graph.Group,
	"marchers": graph.Group, "rioters": graph.Group, "strikers": graph.Group, "students": graph.Group,
	"activists": graph.Group, "militants": graph.Group, "insurgents": graph.Group, "rebels": graph.Group,
	"gunmen": graph.Group, "attackers": graph.Group, "assailants": graph.Group, "jihadists": graph.Group,
	"extremists": graph.Group, "terrorists": graph.Group, "separatists": graph.Group, "gangs": graph.Group,
	"pirates": graph.Group, "insurgent": graph.Group, "civilians": graph.Group, "pilgrims": graph.Group,
	"refugees": graph.Group, "migrants": graph.Group, "journalists": graph.Group, "supporters": graph.Group,
	"opponents": graph.Group, "workers": graph.Group, "villagers": graph.Group, "residents": graph.Group,
	"settlers": graph.Group, "mercenaries": graph.Group, "hostages": graph.Group, "prisoners": graph.Group,
	"communities": graph.Group, "organizations": graph.Group, "organisations": graph.Group, "critics": graph.Group,
	"observers": graph.Group, "candidates": graph.Group, "users": graph.Group, "councils": graph.Group,
	"militias": graph.Group, "guerrillas": graph.Group, "opposition": graph.Group, "leaders": graph.Group,
	"farmers": graph.Group, "teachers": graph.Group, "doctors": graph.Group, "nurses": graph.Group,
	"lawyers": graph.Group, "miners": graph.Group, "truckers": graph.Group, "unionists": graph.Group,
	"youths": graph.Group, "mourners": graph.Group,
	"police": graph.GovernmentBody, "policemen": graph.GovernmentBody, "prosecutors": graph.GovernmentBody,
	"army": graph.Military, "soldiers": graph.Military, "paramilitaries": graph.Military,
}

// groupPlurals name the actors "X groups" are: "rebel groups" are rebels.
var groupPlurals = map[string]string{
	"rebel": "rebels", "militant": "militants", "insurgent": "insurgents", "jihadist": "jihadists",
	"separatist": "separatists", "extremist": "extremists", "terrorist": "terrorists", "armed": "armed groups",
	"opposition": "opposition", "criminal": "gangs",
}

// agentPlural maps a singular agent noun to its plural entity: "a gunman"
// and "the gunmen" are one group in a report.
var agentPlural = map[string]string{
	"protester": "protesters", "demonstrator": "demonstrators", "gunman": "gunmen", "attacker": "attackers",
}

// agentModifiers may stand before an agent noun and belong to its name:
// "masked gunmen", "suspected militants", "far-right activists".
var agentModifiers = wordList("suspected", "masked", "armed", "unidentified", "unknown", "alleged", "anti-government",
	"pro-government", "presidential", "parliamentary", "opposition", "far-right", "far-left", "islamist", "jihadist", "student", "indigenous",
	"local", "security", "riot", "military", "federal", "national", "state", "hindu", "muslim", "christian",
	"jewish", "sikh", "buddhist", "pro-democracy", "pro-palestinian", "pro-russian", "pro-eu", "angry",
	"peaceful", "violent", "rival", "criminal", "armed", "tribal", "ethnic", "separatist", "rebel", "police")

// agentGroup recognises an actor named by a role noun without a proper
// name: "protesters", "the masked gunmen", "security forces", "police
// officers". A role noun after a state's name or demonym belongs to that
// state and is read by bodyMention instead.
func (d *doc) agentGroup(i, hi int) *mention {
	t := &d.toks[i]
	if t.kind != tWord {
		return nil
	}
	first := i
	for first < hi && agentModifiers[d.toks[first].lower] && !d.agentHeadAt(first, hi) {
		first++
	}
	if first >= hi {
		return nil
	}
	head, last, kind, ok := d.agentHead(first, hi)
	orgBefore := i > 0 && d.toks[i-1].sent == t.sent && d.mAt[i-1] >= 0 && d.mentions[d.mAt[i-1]].ent != nil &&
		d.mentions[d.mAt[i-1]].ent.kind == graph.Organization && d.mentions[d.mAt[i-1]].kind == mName
	if !ok || head == "leaders" && first == i && !orgBefore {
		return nil // "indigenous leaders" and "ECOWAS leaders" are groups; bare "leaders" are anyone's
	}
	if i > 0 && d.toks[i-1].sent == t.sent && d.mAt[i-1] >= 0 && !d.toks[i-1].in(lexWords) {
		if m := d.memberGroup(i-1, last, head); m != nil {
			return m // "PTI workers", "Likud supporters": a group of the body's people
		}
		return nil // "Hamas militants": the name before is the actor
	}
	if i > 0 && d.toks[i-1].sent == t.sent && d.toks[i-1].cap && i-1 > d.sentLo(i) {
		return nil
	}
	var backer *docEntity
	if i >= 3 && backerWords[d.toks[i-1].lower] && d.toks[i-2].isHyphen() && d.mAt[i-3] >= 0 {
		// "Iran-backed militias": the backer is part of the name and the
		// mention; backedGroups states its support.
		if b := d.mentions[d.mAt[i-3]]; b.ent != nil && b.ent.isActor() && b.first == i-3 {
			backer, i = b.ent, i-3
			d.mAt[i] = -1
		}
	}
	if backer == nil && (head == "police" || head == "security forces") {
		if i >= 2 && d.toks[i-1].is("and") && d.mAt[i-2] >= 0 {
			// "the Indian army and police": the demonym reaches both nouns.
			if b := d.mentions[d.mAt[i-2]]; b.kind == mBody && b.ent != nil && b.ent.country != "" {
				if c, ok := d.gaz.CountryByCode(b.ent.country); ok {
					return &mention{first: i, last: last, ent: d.stateForce(c, head), kind: mBody, conf: 0.7}
				}
			}
		}
		if e := d.leadStateForce(head); e != nil {
			// "Police arrested 13 gunmen" in a report about one state: its police.
			return &mention{first: i, last: last, ent: e, kind: mAnaphor, conf: 0.6}
		}
	}
	name := d.body[d.toks[i].start:d.toks[last].end]
	if t.cap && i == d.sentLo(i) && !t.allCaps {
		name = strings.ToLower(name[:1]) + name[1:] // "Protesters marched": the capital only opens the sentence
	}
	id := "group:" + slug(head)
	if head == "leaders" {
		id = "group:" + slug(name) // "indigenous leaders" and "opposition leaders" are not one group
	}
	e := d.ents.get(id, name, kind)
	return &mention{first: i, last: last, ent: e, kind: mName, conf: 0.8, backer: backer}
}

// leadStateForce returns the police or security forces of the state the
// report is about (leadCountry), or nil when the lead names no one state.
func (d *doc) leadStateForce(head string) *docEntity {
	lead := d.leadCountry()
	if lead == nil {
		return nil
	}
	c, ok := d.gaz.CountryByCode(strings.TrimPrefix(lead.id, "country:"))
	if !ok {
		return nil
	}
	return d.stateForce(c, head)
}

// stateForce returns a state's police or security forces.
func (d *doc) stateForce(c *gazetteer.Country, head string) *docEntity {
	if head == "police" {
		return d.police(c)
	}
	e := d.ents.get("military:"+c.Code+"-security-forces", demonym(c)+" security forces", graph.Military)
	e.country = c.Code
	return e
}

// backedGroups states the support of each group named with its backer in
// the sentence: "Iran-backed militias" is Iran SUPPORTS the militias;
// "IS-linked militants" are MEMBER_OF IS.
func (d *doc) backedGroups(lo, hi int) []*frame {
	var fs []*frame
	for k := lo; k < hi; k++ {
		mi := d.mAt[k]
		if mi < 0 || d.mentions[mi].first != k || d.mentions[mi].backer == nil {
			continue
		}
		m := d.mentions[mi]
		if linkWords[d.toks[k+2].lower] {
			d.structs = append(d.structs, structRel{src: m.ent, dst: m.backer, rel: "MEMBER_OF", sent: d.toks[k].sent, conf: 0.75})
			continue
		}
		fs = append(fs, &frame{sense: senseSupport, rel: "SUPPORTS", label: "support", sources: []*docEntity{m.backer},
			targets: []*docEntity{m.ent}, trigger: k + 2, sent: d.toks[k].sent, conf: 0.8})
	}
	return fs
}

// linkedCompounds reads "X-linked" and "X-affiliated" before a name or in
// an appositive ("Boko Haram, an IS-linked group,"): the named actor is a
// member of X, and X, a modifier in the phrase, is no party to the
// clause's events. Agent nouns after the compound ("IS-linked
// militants") are read by agentGroup.
func (d *doc) linkedCompounds(si, lo, hi int) {
	for k := lo + 2; k < hi; k++ {
		t := &d.toks[k]
		if !linkWords[t.lower] || !t.glued || !d.toks[k-1].isHyphen() || d.mAt[k-2] < 0 || d.mAt[k] >= 0 {
			continue
		}
		x := d.mentions[d.mAt[k-2]]
		if x.ent == nil || !x.ent.isActor() || x.ent.kind == graph.Person || x.ent.kind == graph.Country || x.last != k-2 {
			continue // a state's "affiliates" are backed by it (backedBy), not its members
		}
		if y := d.linkedActor(x, k, lo, hi); y != nil && y != x.ent {
			d.structs = append(d.structs, structRel{src: y, dst: x.ent, rel: "MEMBER_OF", sent: si, conf: 0.75})
		}
		for j := x.first; j <= x.last; j++ {
			d.mAt[j] = -1
		}
	}
}

// linkedActor finds the actor an "X-linked" compound at k describes: a
// name right after it, or the name an appositive stands beside.
func (d *doc) linkedActor(x *mention, k, lo, hi int) *docEntity {
	for j := k + 1; j < hi && j <= k+3; j++ {
		if mi := d.mAt[j]; mi >= 0 {
			if m := d.mentions[mi]; m.ent != nil && m.ent.isActor() && !m.poss {
				return m.ent
			}
			break
		}
		if d.toks[j].kind != tWord || d.toks[j].cap {
			break
		}
	}
	j := x.first - 1
	for j > lo && (d.toks[j].in(determiners) || d.attributive(j)) {
		j--
	}
	if j > lo && d.toks[j].is(",") && d.mAt[j-1] >= 0 {
		if m := d.mentions[d.mAt[j-1]]; m.ent != nil && m.ent.isActor() && m.ent.kind != graph.Person && !m.poss {
			return m.ent
		}
	}
	return nil
}

// agentHeadAt reports whether an agent noun starts at k ("police" both
// modifies and heads: "police officers", "the police").
func (d *doc) agentHeadAt(k, hi int) bool {
	if _, _, _, ok := d.agentHead(k, hi); !ok {
		return false
	}
	if k+1 >= hi {
		return true
	}
	_, _, _, nextIsHead := d.agentHead(k+1, hi)
	return !nextIsHead // "police officers": the head is the last role noun
}

// agentHead reads the role noun at k: its group name, last token and kind.
func (d *doc) agentHead(k, hi int) (head string, last int, kind graph.Kind, ok bool) {
	t := &d.toks[k]
	w := t.lower
	switch {
	case w == "security" && k+1 < hi && d.toks[k+1].is("forces"):
		return "security forces", k + 1, graph.Military, true
	case w == "police" && k+1 < hi && d.toks[k+1].is("officers", "officer", "forces"):
		return "police", k + 1, graph.GovernmentBody, true
	case w == "riot" && k+1 < hi && d.toks[k+1].is("police"):
		return "police", k + 1, graph.GovernmentBody, true
	case groupPlurals[w] != "" && k+1 < hi && d.toks[k+1].is("groups", "factions") && !(k+2 < hi && d.toks[k+2].cap):
		return groupPlurals[w], k + 1, graph.Group, true // "rebel groups" are rebels; "armed groups" a group of their own
	}
	if p, ok := agentPlural[w]; ok {
		w = p
	}
	kind, ok = agentNouns[w]
	if !ok {
		return "", 0, "", false
	}
	if w == "army" && !(k > 0 && d.toks[k-1].is("the")) {
		return "", 0, "", false // "an army of volunteers"; "the army" is a state's
	}
	if k+1 < hi && (d.isNounModifiee(k+1) && !pastTense(&d.toks[k+1]) && !isTitleWord(&d.toks[k+1]) || d.toks[k+1].in(lexWords) && nounLex[d.toks[k+1].lower].sense != nil) {
		return "", 0, "", false // "student loans", "police station": a modifier
	}
	return w, k, kind, true
}

// backerWords make a hyphenated compound that names a backer: "the
// Iran-backed Hezbollah movement", "Russian-supported separatists".
var backerWords = wordList("backed", "supported", "sponsored", "funded", "armed", "allied", "aligned", "linked", "affiliated")

// linkWords are the backer words that make the group a part of its
// backer's network, not only supported by it: "an al-Qaeda-linked group"
// is a member of al-Qaeda.
var linkWords = wordList("linked", "affiliated")

// brokerWords make a hyphenated compound that names a mediator: "Egypt-
// brokered talks", "an EU-facilitated meeting".
var brokerWords = wordList("brokered", "mediated", "facilitated")

// brokeredBy reports a mediator compound at i: an actor glued by a hyphen
// before a word of brokerWords.
func (d *doc) brokeredBy(i int) bool {
	t := &d.toks[i]
	if !brokerWords[t.lower] || !t.glued || i < 2 || !d.toks[i-1].isHyphen() || d.mAt[i-2] < 0 {
		return false
	}
	m := d.mentions[d.mAt[i-2]]
	return m.ent != nil && m.ent.isActor()
}

// backedBy reads "X-backed Y" as X SUPPORTS Y, a standing alliance the text
// states in passing: the backer is the mention glued before the hyphen, the
// backed actor the first actor mention after it in the noun phrase.
func (d *doc) backedBy(i, hi int) *frame {
	t := &d.toks[i]
	if !backerWords[t.lower] || !t.glued || i < 2 || !d.toks[i-1].isHyphen() || d.mAt[i-2] < 0 {
		return nil
	}
	src := d.mentions[d.mAt[i-2]].ent
	if src == nil || !src.isActor() {
		return nil
	}
	for k := i + 1; k < hi && k <= i+4; k++ {
		if d.mAt[k] < 0 {
			if kinds, ok := bodyNouns[d.toks[k].lower]; ok {
				// "the Iran-backed group": the group last named
				dst := d.recentBefore(i, 3, func(e *docEntity) bool { return slices.Contains(kinds, e.kind) && e != src })
				if dst == nil {
					return nil
				}
				d.used[i] = true
				return &frame{sense: senseSupport, rel: "SUPPORTS", label: "support", sources: []*docEntity{src},
					targets: []*docEntity{dst}, trigger: i, sent: t.sent, conf: 0.7}
			}
			if d.toks[k].kind != tWord || d.toks[k].cap || d.toks[k].in(prepositions) || d.toks[k].is("to") || d.toks[k].isVerbForm() {
				return nil // the backed actor heads the phrase: "a UN-backed mission to fight gangs" backs no gang
			}
			continue
		}
		dst := d.mentions[d.mAt[k]].ent
		if dst == nil || !dst.isActor() || dst == src {
			return nil
		}
		d.used[i] = true
		return &frame{sense: senseSupport, rel: "SUPPORTS", label: "support", sources: []*docEntity{src},
			targets: []*docEntity{dst}, trigger: i, sent: t.sent, conf: 0.8}
	}
	return nil
}

// memberNounsOf name a body's people who act apart from it: its workers
// protest, its armed men are the body itself ("Hamas militants").
var memberNounsOf = wordList("workers", "supporters", "students", "activists", "members", "followers", "loyalists", "leaders")

// placePeople are the people of a place who act as a group: "Istanbul
// residents", "Gaza civilians".
var placePeople = wordList("residents", "civilians", "villagers", "students", "protesters", "demonstrators", "workers")

// memberGroup reads "PTI workers", "Istanbul University students": the
// people of a non-state body named just before, a group of their own.
func (d *doc) memberGroup(j, last int, head string) *mention {
	m := d.mentions[d.mAt[j]]
	if m.poss || m.ent == nil || m.kind == mDemonym || m.ent.kind == graph.Country || m.ent.kind == graph.Person {
		return nil
	}
	if !memberNounsOf[head] && !(m.ent.isPlace() && placePeople[head]) {
		return nil
	}
	name := d.body[d.toks[m.first].start:d.toks[last].end]
	e := d.ents.get("group:"+slug(name), name, graph.Group)
	// The mention grows over the body's name: the group, not the body, acts.
	for k := m.first; k <= m.last; k++ {
		d.mAt[k] = -1
	}
	return &mention{first: m.first, last: last, ent: e, kind: mName, conf: 0.8}
}

// laborCues before "strike" make it a withdrawal of labour, not an attack.
var laborCues = wordList("general", "national", "nationwide", "indefinite", "hunger", "labour", "labor", "work",
	"24-hour", "48-hour", "one-day", "two-day", "sit-down", "wildcat", "teachers", "doctors", "workers", "transport")

// laborStrike reports whether the "strike" at i is a strike of workers:
// a labour cue among the three words before it, or "on strike".
func (d *doc) laborStrike(i, lo, hi int) bool {
	if i > lo && d.toks[i-1].is("on") {
		return true
	}
	for k := i - 1; k >= lo && k >= i-3; k-- {
		if laborCues[d.toks[k].lower] {
			return true
		}
	}
	// "farmers began a strike to demand ...": a strike that demands is a
	// protest; an air strike demands nothing
	for k := i + 1; k+1 < hi && k <= i+8; k++ {
		if t := &d.toks[k]; t.kind == tPunct && !t.isHyphen() {
			break
		}
		if d.toks[k].is("to") && d.toks[k+1].is("demand", "protest", "press") || d.toks[k].is("demanding", "protesting") {
			return true
		}
	}
	return false
}

// collectivePhrases name collective actors news treats as one party.
var collectivePhrases = []struct {
	words []string // as written; the first word is matched without case
	name  string
}{
	{[]string{"international", "community"}, "international community"},
	{[]string{"the", "West"}, "the West"},
	{[]string{"Western", "countries"}, "Western countries"},
	{[]string{"western", "countries"}, "Western countries"},
}

// collectivePhrase recognises a collective actor phrase at i.
func (d *doc) collectivePhrase(i, hi int) *mention {
	for _, p := range collectivePhrases {
		if i+len(p.words) > hi {
			continue
		}
		ok := true
		for n, w := range p.words {
			t := &d.toks[i+n]
			if n == 0 && t.lower != strings.ToLower(w) || n > 0 && t.text != w {
				ok = false
				break
			}
		}
		if ok {
			first := i
			if p.words[0] == "the" {
				first++ // the name is "West"; "the" is no part of the mention
			}
			e := d.ents.get("group:"+slug(p.name), p.name, graph.Group)
			return &mention{first: first, last: i + len(p.words) - 1, ent: e, kind: mName, conf: 0.8}
		}
	}
	return nil
}

// streetCues before "protest" make it a demonstration.
var streetCues = wordList("mass", "street", "anti-government", "nationwide", "violent", "peaceful", "student",
	"opposition", "large", "huge", "fresh", "weekly", "daily", "rally", "rallies")

// streetProtest reports whether the "protest(s)" noun at i is a
// demonstration ("protests against the bill", "mass protests") rather than
// a diplomatic protest lodged with a government.
func (d *doc) streetProtest(i, lo, hi int) bool {
	if i+1 < hi && d.toks[i+1].is("against", "outside", "across", "in") {
		return true
	}
	for k := i - 1; k >= lo && k >= i-3; k-- {
		if streetCues[d.toks[k].lower] || d.toks[k].is("held", "hold", "holding", "staged", "stage", "led") {
			return true
		}
	}
	return false
}

// recentBefore is recent for the mentions that start before token i.
func (d *doc) recentBefore(i, back int, ok func(*docEntity) bool) *docEntity {
	sent := d.toks[i].sent
	for k := len(d.mentions) - 1; k >= 0; k-- {
		m := d.mentions[k]
		if m.first >= i {
			continue
		}
		if d.toks[m.first].sent < sent-back {
			return nil
		}
		if m.ent != nil && m.kind != mPronoun && ok(m.ent) {
			return m.ent
		}
	}
	return nil
}

// senseOperation is a military operation: "launched a military operation
// in Gaza", "a joint operation against the insurgents".
var senseOperation = s("ATTACKED", "STRUCK", false, "against in on", "military operation")

// operationCues before "operation" make it military, not a rescue, search
// or relief operation.
var operationCues = wordList("military", "joint", "ground", "air", "aerial", "counter-terrorism", "counterterrorism",
	"counter-insurgency", "counterinsurgency", "anti-terror", "anti-terrorism", "security", "offensive", "special",
	"combat", "naval", "armed", "army", "cross-border")

// militaryOperation reports whether the "operation" at i is a military one.
func (d *doc) militaryOperation(i, lo, hi int) bool {
	if i+1 < hi && d.toks[i+1].is("against") {
		return true
	}
	for k := i - 1; k >= lo && k >= i-3; k-- {
		if operationCues[d.toks[k].lower] {
			return true
		}
		if d.toks[k].is("rescue", "search", "relief", "evacuation", "humanitarian", "clean-up", "recovery") {
			return false
		}
	}
	return false
}

// jointFrames adds the cooperation a joint event states between its
// actors: "a joint operation of Niger's army and Chadian forces",
// "joint drills by Russia and China".
func (d *doc) jointFrames(fs []*frame) []*frame {
	var out []*frame
	for _, f := range fs {
		if f.class() == "COOPERATE" || !strings.Contains(f.label, "joint") {
			continue
		}
		parties := slices.Clone(f.sources) // the frame's own slices change as the sentence is read
		if f.sense.symmetric {
			parties = addEnt(parties, f.targets...)
		}
		if len(parties) < 2 {
			continue
		}
		trigger := f.trigger // the word "joint" itself: the event's own trigger belongs to it
		for k := f.trigger - 1; k >= 0 && k >= f.trigger-4; k-- {
			if d.toks[k].is("joint") {
				trigger = k
				break
			}
		}
		out = append(out, &frame{sense: senseCooperate, rel: "COOPERATES_WITH", label: "cooperation",
			sources: []*docEntity{parties[0]}, targets: parties[1:], trigger: trigger, sent: f.sent, conf: 0.7})
	}
	return out
}
