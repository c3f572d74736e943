package loader

// Objects: what a verb acts on, read rightwards from it.

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// objects is what follows a verb.
type objects struct {
	actors   []*mention
	places   []*mention
	agents   []*mention // "by X" after a passive
	event    *frame
	label    []*mention // mentions inside a labeling complement
	negative bool       // the label is negative ("a war crime", "reckless provocation")
	as       bool       // the label follows "as": "dismissed the remarks as reckless"
}

// negativeLabels make a labeling complement an accusation: words of
// condemnation in general use, not an article's own wording. Neutral heads
// ("proof", "act", "evidence", "war") say nothing by themselves: "called the
// meeting proof of progress" accuses no one.
var negativeLabels = set("aggression", "aggressor", "aggressive", "terror", "terrorism", "terrorist",
	"terrorists", "crime", "crimes", "criminal", "criminals", "barbaric", "barbarism", "barbarity",
	"provocation", "provocations", "provocative", "unacceptable", "violation", "violations", "lie", "lies",
	"liar", "propaganda", "genocide", "genocidal", "murder", "murderer", "murderers", "murderous",
	"dictator", "tyrant", "thug", "thugs", "threat", "illegal", "unlawful", "illegitimate", "unjustified",
	"unprovoked", "brutal", "brutality", "atrocity", "atrocities", "massacre", "reckless", "irresponsible",
	"hostile", "invasion", "occupation", "occupier", "occupiers", "puppet", "sabotage", "blackmail",
	"bullying", "bully", "coercion", "piracy", "outrageous", "shameful", "disgraceful", "despicable",
	"abhorrent", "heinous", "cowardly", "vile", "cynical", "hypocritical", "destabilising",
	"destabilizing", "dangerous", "escalation", "escalatory", "sham", "farce", "fraud", "betrayal",
	"enemy", "enemies", "extremist", "extremists",
	// a negative disposition: "proof of the government's refusal to negotiate"
	"refusal", "unwillingness", "failure", "disregard", "contempt", "cruelty", "hostility",
	"intransigence", "obstruction",
	"outrage", "authoritarian", "repression", "repressive", "persecution", "tyranny", "lawless",
	// grave harm named: "a devastating signal", "extrajudicial executions"
	"devastating", "extrajudicial", "executions", "deplorable", "alarming", "grave")

// objectAfter reads what follows the verb at i: actor and place objects
// (with coordination), an event noun, a labeling complement, and "by X"
// agents of a passive. A mention is an object only in an open slot: right
// after the verb for transitive senses, after one of the sense's
// prepositions, or after a locative for senses that take places; mentions
// inside the object's noun phrase ("a list of X") are not objects.
func (d *doc) objectAfter(i, hi int, sn *sense, passive bool) objects {
	var o objects
	j := i + 1
	for j < hi && (d.toks[j].in(adverbs) || d.toks[j].in(hedges)) && !d.toks[j].is("to") {
		j++
	}
	if passive {
		return d.passiveArgs(j, hi)
	}
	j = d.skipMannerPhrase(j, hi)
	open, placeOnly, sawNP := sn.direct, false, false
	// descr: the words since the open slot are a plain description whose
	// name follows in apposition ("left the regional bloc ECOWAS").
	descr := false
	for steps := 0; j < hi && steps < 12; steps++ {
		t := &d.toks[j]
		if d.mAt[j] < 0 && open && !placeOnly && isTitleWord(t) {
			if p := d.titledAppositive(j, hi); p != nil {
				// "killed the leader of the Hezbollah movement, Hassan
				// Nasrallah": the leader, not the movement
				o.actors = append(o.actors, p)
				j = p.last + 1
				sawNP, open = true, false
				continue
			}
		}
		if mi := d.mAt[j]; mi >= 0 {
			m := d.mentions[mi]
			if nx := m.last + 1; m.poss && sn.place != "" && nx+1 < hi {
				if d.toks[nx].kind == tPoss {
					nx++
				}
				if nx+1 < hi && d.toks[nx].is("border", "borders", "frontier") && d.toks[nx+1].is("with") {
					j = nx // "its border with Guyana"
					continue
				}
			}
			if descr && !placeOnly {
				open = true
			}
			if p := d.personAfterBody(m, hi); p != nil {
				m = p // "meet EU foreign policy chief Kaja Kallas": Kallas
			}
			if !open || placeOnly && !(m.ent != nil && m.ent.isPlace()) {
				j = m.last + 1
				if m.poss {
					j++
				}
				sawNP = true
				continue
			}
			if !sawNP && d.clauseFollows(j, hi) {
				return o // "claimed Ukraine attacked": a clause, not an object
			}
			if !m.poss && m.hasActor() && graph.Vocabulary[sn.rel] == "ASSAULT" && m.last+1 < hi && d.isNounModifiee(m.last+1) &&
				(m.kind == mDemonym || m.first > 0 && (d.toks[m.first-1].in(determiners) || d.toks[m.first-1].kind == tNum)) && d.eventNounAt(m.last+1, hi) == nil {
				// "fired at a Philippine government vessel near the shoal":
				// the vessel's owner is attacked, and the place may follow.
				o.actors = append(o.actors, m)
				j = m.last + 1
				sawNP, open = true, false
				continue
			}
			if !m.poss && m.kind != mDemonym && m.first > 0 && d.toks[m.first-1].is("a", "an") && m.last+1 < hi && d.isNounModifiee(m.last+1) {
				// "called a Cabinet Office review": a modifier
				if ev := d.eventNounAt(m.last+1, hi); ev != nil && open && !placeOnly {
					o.event = ev
					return o
				}
				j = m.last + 1
				sawNP, open = true, false
				continue
			}
			if m.poss && m.kind == mPronoun && m.last+3 < hi && d.toks[m.last+2].is("to", "from") && d.mAt[m.last+3] >= 0 &&
				slices.Contains(sn.preps, d.toks[m.last+2].lower) {
				// "recalled its ambassador to Ecuador": the envoy is the
				// actor's own; the object is the state after
				j = m.last + 2
				sawNP = true
				continue
			}
			if m.poss {
				// "Lula's offer", "Syria's Idlib province", "Israel's Operation Ember"
				k := m.last + 2
				if k < hi && d.mAt[k] >= 0 {
					j = k
					continue
				}
				if ev := d.eventNounAt(k, hi); ev != nil {
					o.event = ev
					if r := ev.root(); len(r.sources) == 0 && !patientNoun(r.sense) {
						r.sources = addEnt(r.sources, m.entities()...) // "Glas' detention": Glas is held, not holding
					}
					if lab := d.labelComplement(k+1, hi); lab != nil && lab.negative {
						o.negative = true // "called Glas' detention an outrage"
					}
					return o
				}
				if sn.rel != "" && !placeOnly {
					o.actors = append(o.actors, m) // "criticized Beijing's assertiveness"
					if lab := d.labelComplement(d.npEnd(k, hi)+1, hi); lab != nil {
						o.label, o.negative, o.as = lab.mentions, lab.negative, lab.as // "dismissed Abiy's remarks as reckless"
					}
				}
				return o
			}
			if m.kind == mDemonym {
				if ev := d.eventNounAt(j+1, hi); ev != nil {
					o.event = ev
					return o
				}
			}
			list := d.coordRight(m, hi, false)
			for _, x := range list {
				switch {
				case x.ent != nil && x.ent.kind == graph.City && sn.place == "" && d.isCapital(x.ent) && !placeOnly:
					o.actors = append(o.actors, x) // "accused Manila": the state
				case x.ent != nil && x.ent.isPlace() && x.ent.kind != graph.Country:
					if sn.place != "" {
						o.places = append(o.places, x)
					}
				case x.hasActor() && !placeOnly:
					if sn.rel != "" || sn.place != "" {
						o.actors = append(o.actors, x)
					}
				case x.ent != nil && x.ent.kind == graph.Country && placeOnly:
					o.places = append(o.places, x)
				}
			}
			last := list[len(list)-1].last
			if len(o.actors) == 0 && o.event == nil && placeOnly && last+1 < hi && slices.Contains(sn.preps, d.toks[last+1].lower) {
				// "protested in Paris against Macron": the place, then the target
				j, sawNP, open, placeOnly = last+1, true, false, false
				continue
			}
			if lab := d.labelComplement(last+1, hi); lab != nil {
				o.label, o.negative, o.as = lab.mentions, lab.negative, lab.as
			}
			return o
		}
		switch {
		case t.kind == tPunct && !t.isHyphen() && t.text != "“" && t.text != "\"" && t.text != "‘":
			return o
		case t.is("as") && (sawNP || o.event != nil):
			return o
		case t.in(clauseWords) && !t.is("as"):
			return o
		case sn.place != "" && t.is("border", "borders", "frontier") && j+1 < hi && d.toks[j+1].is("with"):
			// "deployed troops to its border with Guyana": the place is Guyana's edge
			open, placeOnly = true, true
			j += 2
			continue
		case slices.Contains(sn.preps, t.lower):
			open, placeOnly = true, false
			j++
			continue
		case sn.place != "" && t.is("of") && placeOnly && j > 0 && d.toks[j-1].is("north", "south", "east", "west"):
			j++ // "west of Luzon"
			continue
		case sn.place != "" && open && t.in(placeParts) && j+1 < hi && d.toks[j+1].is("of"):
			placeOnly = true
			j += 2 // "on the streets of Suva", "in parts of Khartoum"
			continue
		case sn.place != "" && t.in(locatives) && !t.is("of", "for", "on", "to") || sn.place != "" && t.is("on") && sawNP:
			open, placeOnly = true, true
			j++
			continue
		case t.is("to") && d.infinitiveAt(j+1, hi):
			return o // "agreed to hold": the infinitive is its own trigger
		}
		if (open || !sawNP) && !placeOnly {
			if ev := d.eventNounAt(j, hi); ev != nil {
				o.event = ev
				k := d.npEnd(j, hi) + 1
				for x := j; x < k && x+1 < hi; x++ {
					if x+1 < k && d.toks[x+1].is("a", "an") {
						k = x + 1 // "called the arrest an outrage": the label starts at "an"
						break
					}
					if isNounTrigger(&d.toks[x]) && d.toks[x+1].is("of") && x+2 < hi && d.mAt[x+2] >= 0 {
						k = d.mentions[d.mAt[x+2]].last + 1 // "the detention of Glas an outrage": Glas is held, not labelled
						break
					}
				}
				if lab := d.labelComplement(k, hi); lab != nil {
					o.label, o.negative, o.as = lab.mentions, lab.negative, lab.as
				}
				return o
			}
		}
		if t.kind == tWord && (t.isVerbForm() || t.in(commonVerbs)) && sawNP {
			return o
		}
		if t.kind == tWord && t.in(intentNouns) && !sawNP && j+1 < hi && d.toks[j+1].is("for", "of", "to") {
			// "rejected plans for talks with Israel": the plans' event
			if ev := d.eventNounAt(j+2, hi); ev != nil {
				o.event = ev
				return o
			}
		}
		if t.kind == tWord && !t.in(determiners) {
			if open && (sn == senseCall || sn == senseLabel) {
				// "called the sabotage an act of terrorism by Russia"
				if lab := d.labelComplement(d.npEnd(j, hi)+1, hi); lab != nil {
					o.label, o.negative = lab.mentions, lab.negative
					return o
				}
			}
			// An "-ing" word before another plain word modifies it ("the
			// ruling coalition candidate X").
			attrIng := strings.HasSuffix(t.lower, "ing") && j+1 < hi && d.mAt[j+1] < 0 && d.toks[j+1].kind == tWord && !d.toks[j+1].cap
			descr = (open || descr) && !t.cap && (!t.isVerbForm() || attrIng) && !t.in(prepositions) && !t.in(commonVerbs) && !t.in(clauseWords)
			sawNP, open = true, false
		}
		j++
	}
	return o
}

// skipMannerPhrase steps over a phrase saying how something was said,
// between a verb and its object: "condemned in the strongest terms the
// attack", `condemned "in the strongest possible terms" the coup`.
func (d *doc) skipMannerPhrase(j, hi int) int {
	k := j
	if k < hi && d.toks[k].kind == tPunct && isOpener([]rune(d.toks[k].text)[0]) {
		k++
	}
	if k >= hi || !d.toks[k].is("in") {
		return j
	}
	for e := k + 1; e < hi && e <= k+5; e++ {
		if d.toks[e].is("terms") {
			e++
			if e < hi && d.toks[e].kind == tPunct && isCloser([]rune(d.toks[e].text)[0]) {
				e++
			}
			return e
		}
		if d.toks[e].kind != tWord || d.mAt[e] >= 0 {
			return j
		}
	}
	return j
}

// askedFor reports "asked X for Y" after the verb at i: a request of the
// actor X.
func (d *doc) askedFor(i, hi int) bool {
	if i+1 >= hi || d.mAt[i+1] < 0 {
		return false
	}
	m := d.mentions[d.mAt[i+1]]
	return m.hasActor() && !m.poss && m.last+1 < hi && d.toks[m.last+1].is("for")
}

// infinitiveAt reports whether the word at k, after "to", is a verb's
// base form: "agreed to hold", not "took to the streets" or "went to
// Kyiv". Common verbs ("hold", "discuss") are in no lexicon, so any plain
// lower-case word counts unless the lexicon knows it in another form.
func (d *doc) infinitiveAt(k, hi int) bool {
	if k >= hi || d.mAt[k] >= 0 {
		return false
	}
	t := &d.toks[k]
	if t.kind != tWord || t.cap || t.in(determiners) || t.in(pronounWords) {
		return false
	}
	v, ok := verbLex[t.lower]
	return !ok || v.form == formBase
}

// passiveArgs reads "by X" agents and "in X" places after a passive verb.
func (d *doc) passiveArgs(j, hi int) objects {
	var o objects
	for k := j; k < hi && k < j+8; k++ {
		t := &d.toks[k]
		if t.is("by") && k+1 < hi {
			if m := d.npMention(k+1, hi); m != nil {
				o.agents = d.coordRight(m, hi, true)
			}
			break
		}
		if t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			break
		}
	}
	for k := j; k < hi && k < j+6; k++ {
		t := &d.toks[k]
		if t.is("on") && k+4 < hi && d.toks[k+1].is("the") && d.toks[k+2].is("streets") && d.toks[k+3].is("of") {
			k += 3 // "deployed on the streets of Suva": in Suva
			t = &d.toks[k]
		}
		if (t.is("in", "at", "near", "to", "into") || t.is("of") && d.toks[k-1].is("streets")) && k+1 < hi {
			if m := d.npMention(k+1, hi); m != nil && m.ent != nil && m.ent.isPlace() {
				o.places = d.coordRight(m, hi, false)
			}
			break
		}
		if t.kind == tPunct || t.in(clauseWords) {
			break
		}
	}
	return o
}

// npMention returns the mention heading the noun phrase at k, stepping over
// determiners, adjectives and titles ("Chinese Foreign Minister Wang Yi").
func (d *doc) npMention(k, hi int) *mention {
	for j, n := k, 0; j < hi && n < 4; j, n = j+1, n+1 {
		if mi := d.mAt[j]; mi >= 0 {
			m := d.mentions[mi]
			if m.poss && m.last+2 < hi && d.mAt[m.last+2] >= 0 {
				return d.mentions[d.mAt[m.last+2]] // "Syria's Idlib province"
			}
			if m.kind == mDemonym && !m.poss && m.last+1 < hi && isTitleWord(&d.toks[m.last+1]) {
				j = m.last // "Chinese Foreign Minister Wang Yi": the minister
				continue
			}
			if m.kind == mPronoun && d.toks[m.first].in(possPronouns) {
				if a := d.appositiveName(m.last+1, hi); a != nil {
					return a // "by his army chief, Ivan Petrov": the commander
				}
			}
			return m
		}
		t := &d.toks[j]
		if t.in(placeParts) && j+2 < hi && d.toks[j+1].is("of") {
			if mi := d.mAt[j+2]; mi >= 0 && d.mentions[mi].ent != nil && d.mentions[mi].ent.isPlace() {
				return d.mentions[mi] // "on the streets of Suva", "in parts of Khartoum": there
			}
		}
		if isTitleWord(t) {
			if p := d.titledAppositive(j, hi); p != nil {
				return p // "the leader of the Hezbollah movement, Hassan Nasrallah": the leader
			}
			n-- // titles do not count toward the adjectives
			continue
		}
		if t.kind != tWord || !(t.in(determiners) || !t.cap && !t.isVerbForm() && !t.in(prepositions)) {
			return nil
		}
	}
	return nil
}

// titledAppositive reads "leader of the X movement, P" from the title word
// at j: the person named after the body, or nil.
func (d *doc) titledAppositive(j, hi int) *mention {
	k := j
	for k < hi && isTitleWord(&d.toks[k]) && !d.toks[k].is("of") {
		k++
	}
	if k > j && k+1 < hi && d.toks[k].is(",") && d.mAt[k+1] >= 0 {
		// "the attorney general, Consuelo Porras": a title with no body
		if p := d.mentions[d.mAt[k+1]]; p.ent != nil && p.ent.kind == graph.Person && p.kind == mName {
			if _, _, former := d.titleRole(j, k-1); !former && d.toks[k-1].in(headTitles) {
				return p
			}
		}
	}
	if k == j || k >= hi || !d.toks[k].is("of") || !d.toks[k-1].in(headTitles) {
		return nil
	}
	// The body's phrase runs to a comma within a few words ("the
	// Iran-backed Hezbollah movement,"); its last actor is the body.
	var body *mention
	for e := k + 1; e < hi && e <= k+8; e++ {
		t := &d.toks[e]
		if mi := d.mAt[e]; mi >= 0 {
			body = d.mentions[mi]
			e = body.last
			continue
		}
		if t.is(",") {
			// The body may be a place ("the mayor of Istanbul, X") or
			// unnamed ("the leader of the main opposition party, X").
			if body != nil && (body.ent == nil || body.ent.kind == graph.Person) || e+1 >= hi || d.mAt[e+1] < 0 {
				return nil
			}
			if p := d.mentions[d.mAt[e+1]]; p.ent != nil && p.ent.kind == graph.Person && p.kind == mName {
				return p
			}
			return nil
		}
		if t.glued && e > 0 && d.toks[e-1].isHyphen() {
			continue // "Iran-backed"
		}
		if t.kind == tPunct && !t.isHyphen() || t.kind == tWord && (t.cap || t.isVerbForm() || t.in(clauseWords)) {
			return nil
		}
	}
	return nil
}

// possPronouns own a noun phrase rather than name its referent.
var possPronouns = set("his", "her", "its", "their")

// appositiveName returns the person named in apposition to a few
// lower-case words starting at k: "top commander, Oleksandr Syrskyi".
func (d *doc) appositiveName(k, hi int) *mention {
	j := k
	for j < hi && j < k+4 && d.mAt[j] < 0 && d.toks[j].kind == tWord && !d.toks[j].cap {
		j++
	}
	if j == k || j+1 >= hi || !d.toks[j].is(",") || d.mAt[j+1] < 0 {
		return nil
	}
	if m := d.mentions[d.mAt[j+1]]; m.ent != nil && m.ent.kind == graph.Person && m.kind == mName {
		return m
	}
	return nil
}

// coordRight extends a mention with those joined to it on the right by
// "and", "or" and commas: "Homs, Hama, Idlib, and Aleppo".
func (d *doc) coordRight(m *mention, hi int, actorsOnly bool) []*mention {
	out := []*mention{m}
	k := m.last + 1
	// "the removal of Petrov, of the prosecutor X, and of the judge Y":
	// each conjunct may repeat the preposition before the first.
	var prep string
	if p := m.first - 1; p >= 0 && d.toks[p].is("of", "to", "with", "against", "on") {
		prep = d.toks[p].lower
	}
	for k < hi {
		if e := d.timeAfter(k, hi); e > k && e < hi && d.toks[e].is("and", "or", ",") {
			k = e // "from Mali in August 2022, Burkina Faso in February 2023 and Niger"
		}
		j := k
		if !d.toks[j].is("and", "or", ",") {
			break
		}
		j++
		if j < hi && d.toks[j].is("and", "or") {
			j++
		}
		if prep != "" && j < hi && d.toks[j].lower == prep {
			j++
		}
		for j < hi && d.toks[j].is("the", "a", "an") {
			j++
		}
		if k2 := d.roleNounsBefore(j, hi); k2 > j {
			j = k2 // "and of the appeals judge Tomas Vela"
		}
		if j >= hi || d.mAt[j] < 0 {
			break
		}
		n := d.mentions[d.mAt[j]]
		if n.poss || (n.ent != nil && m.ent != nil && n.ent.isPlace() != m.ent.isPlace() && n.ent.kind != graph.Country && m.ent.kind != graph.Country) {
			break
		}
		if actorsOnly && !n.hasActor() {
			break
		}
		if n.first+1 < hi && d.clauseFollows(n.first, hi) {
			break
		}
		out = append(out, n)
		k = n.last + 1
	}
	return out
}

// timeAfter returns the token after a time phrase at k ("in August
// 2022", "in 2021", "on Monday"), or k when there is none.
func (d *doc) timeAfter(k, hi int) int {
	if k+1 >= hi || !d.toks[k].is("in", "on") {
		return k
	}
	j := k + 1
	if _, ok := monthNames[d.toks[j].lower]; ok && d.toks[j].cap {
		j++
	} else if _, ok := weekdayNames[d.toks[j].lower]; ok && d.toks[j].cap {
		return j + 1
	}
	if j < hi && d.toks[j].kind == tNum && len(d.toks[j].text) == 4 {
		j++ // a year
	}
	if j == k+1 {
		return k
	}
	return j
}

// roleNounsBefore returns where a person's mention starts after up to
// three lower-case role words at j ("criminal judge", "prosecutor"), or j.
func (d *doc) roleNounsBefore(j, hi int) int {
	k := j
	for n := 0; n < 3 && k < hi && d.mAt[k] < 0; n++ {
		t := &d.toks[k]
		if t.kind != tWord || t.cap || t.isVerbForm() || t.in(prepositions) || t.in(clauseWords) || t.in(reportVerbs) ||
			t.in(commonVerbs) || t.in(auxiliaries) || t.is("and", "or") || pastTense(t) {
			return j
		}
		k++
	}
	if k < hi && d.mAt[k] >= 0 {
		if m := d.mentions[d.mAt[k]]; m.ent != nil && m.ent.kind == graph.Person && m.kind == mName && k > j {
			return k
		}
	}
	return j
}

// conjunctAfter returns the actor mention joined to m by "and", with no
// check that a clause starts there: for "between X and Y", which needs Y.
func (d *doc) conjunctAfter(m *mention, hi int) *mention {
	j := m.last + 1
	if j >= hi || !d.toks[j].is("and") {
		return nil
	}
	j++
	for j < hi && d.toks[j].is("the", "a", "an") {
		j++
	}
	if j >= hi || d.mAt[j] < 0 {
		return nil
	}
	if n := d.mentions[d.mAt[j]]; n.hasActor() && !n.poss {
		return n
	}
	return nil
}

// genericEvents are nouns that refer back to an event of some classes
// without naming it: "the incident", "the launch", "the decision", "the
// remarks".
var genericEvents = map[string][]graph.Class{
	"incident": {"ASSAULT"}, "incidents": {"ASSAULT"}, "tragedy": {"ASSAULT"}, "atrocity": {"ASSAULT"},
	"massacre": {"ASSAULT"}, "operation": {"ASSAULT"}, "violence": {"ASSAULT"}, "launch": {"ASSAULT"},
	"launches": {"ASSAULT"}, "test": {"ASSAULT"}, "tests": {"ASSAULT"}, "blast": {"ASSAULT"}, "blasts": {"ASSAULT"},
	"explosion": {"ASSAULT"}, "explosions": {"ASSAULT"},
	"decision": policyActs, "move": policyActs, "measures": policyActs, "measure": policyActs,
	"step": policyActs, "package": policyActs,
	"remarks": statements, "comments": statements, "allegations": statements, "allegation": statements,
	"statement": statements,
}

var (
	// policyActs are what "the decision" or "the move" can refer to.
	policyActs = []graph.Class{"SANCTION", "AGREE", "AID", "MOBILIZE", "RETREAT", "CONCEDE"}
	// statements are what "the remarks" can refer to.
	statements = []graph.Class{"ACCUSE", "THREATEN", "REQUEST", "REJECT"}
)

// eventNounAt returns the event a trigger noun at k (after determiners and
// modifiers) denotes, building or resolving it, or nil.
func (d *doc) eventNounAt(k, hi int) *frame {
	for j, words := k, 0; j < hi && words < 5; j, words = j+1, words+1 {
		t := &d.toks[j]
		if t.isHyphen() && t.glued && j+1 < hi && d.toks[j+1].glued {
			j++ // inside a compound: "face-to-face offer"
			continue
		}
		if mi := d.mAt[j]; mi >= 0 {
			m := d.mentions[mi]
			if m.kind == mDemonym || m.poss || m.ent != nil && m.ent.isPlace() && m.ent.kind != graph.Country ||
				m.hasActor() && m.last+1 < hi && d.isNounModifiee(m.last+1) {
				// "a fresh Qatari proposal": the name modifies the noun
				j = m.last
				if m.poss {
					j++
				}
				continue
			}
			return nil
		}
		if t.kind == tWord {
			if n, ok := nounLex[t.lower]; ok && !(j+1 < hi && isNounTrigger(&d.toks[j+1])) {
				if d.used[j] {
					return d.nounRef[j]
				}
				return d.nounFrame(j, n, d.sentLo(j), hi)
			}
			if c, ok := genericEvents[t.lower]; ok && j > k-1 && (j == k || d.toks[j-1].in(determiners) || !d.toks[j-1].cap) && !(j+1 < hi && d.toks[j+1].is("of", "to")) {
				return d.latest(c, t.sent)
			}
		}
		if t.kind == tPunct && !t.isHyphen() {
			return nil
		}
		if t.kind == tWord && (t.isVerbForm() || t.in(commonVerbs) || t.in(prepositions) || t.in(clauseWords)) {
			return nil
		}
	}
	return nil
}

// latest returns the most recent event of one of the classes cs within a
// few sentences.
func (d *doc) latest(cs []graph.Class, sent int) *frame {
	for _, fs := range [][]*frame{d.sentFrames, d.frames} {
		for k := len(fs) - 1; k >= 0; k-- {
			if fs[k].sent < sent-8 {
				break
			}
			// A denied act is no "decision" or "move" to react to.
			if r := fs[k].root(); slices.Contains(cs, r.class()) && r.sent >= sent-8 && !r.hypo && r.status != graph.StatusDenied {
				return r
			}
		}
	}
	return nil
}

func isNounTrigger(t *token) bool {
	_, ok := nounLex[t.lower]
	return ok
}

// labelInfo is a labeling complement: "a sign of Iran's hostility".
type labelInfo struct {
	mentions []*mention
	negative bool
	as       bool // introduced by "as"
}

// labelComplement reads a labeling complement at k: "(as) a reckless
// provocation", "a sign of Iran's hostility".
func (d *doc) labelComplement(k, hi int) *labelInfo {
	if k >= hi {
		return nil
	}
	var li labelInfo
	if d.toks[k].is("as") {
		li.as = true
		k++
	}
	n := 0
	for j := k; j < hi && n < 10; j++ {
		t := &d.toks[j]
		if t.kind == tPunct && (t.text == "," || t.text == "." || t.text == ";") {
			break
		}
		if t.in(clauseWords) && !t.is("as") {
			break
		}
		n++
		if mi := d.mAt[j]; mi >= 0 {
			m := d.mentions[mi]
			if len(li.mentions) == 0 || li.mentions[len(li.mentions)-1] != m {
				li.mentions = append(li.mentions, m)
			}
			continue
		}
		if t.in(negativeLabels) {
			li.negative = true
		}
	}
	if n == 0 || !li.negative && len(li.mentions) == 0 {
		return nil
	}
	return &li
}

// npEnd returns the last token of the noun phrase headed at or after k.
func (d *doc) npEnd(k, hi int) int {
	j := k
	for j+1 < hi && d.toks[j+1].kind == tWord && !d.toks[j+1].in(prepositions) && !d.toks[j+1].in(clauseWords) && !d.toks[j+1].isVerbForm() && !d.toks[j+1].in(commonVerbs) && d.mAt[j+1] < 0 && !d.toks[j+1].is("as", "and") {
		j++
	}
	return j
}

func (d *doc) sentLo(j int) int { return d.sents[d.toks[j].sent].lo }
