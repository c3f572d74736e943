package loader

import (
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// prisonerWords make an exchange or swap one of prisoners.
var prisonerWords = set("prisoner", "prisoners", "pow", "pows", "captives", "detainees", "hostages", "hostage", "bodies")

// haltVerbs before an event noun stop it: "suspended cooperation",
// "halting talks".
var haltVerbs = set("suspend", "suspends", "suspended", "suspending", "halt", "halts", "halted", "halting",
	"sever", "severs", "severed", "severing", "freeze", "froze", "frozen", "freezing", "end", "ends", "ended", "ending")

// plannedWords before an event noun make it planned; hypothetical ones
// make it no fact at all.
var plannedWords = set("planned", "upcoming", "proposed", "future", "scheduled", "expected", "forthcoming", "next")

// nounFrame builds the frame for an event noun at i: its label and mode
// from the modifiers before it ("fresh rocket fire", "hostage release
// agreement"), its parties from a possessor, a demonym, "between X and Y",
// the sense's prepositions, "by X", or the subject of a light verb ("held
// talks with"), and its place from "in X". A noun without parties refers
// back to the event already mentioned ("the strike", "Friday's talks").
func (d *doc) nounFrame(i int, n nounEntry, lo, hi int) *frame {
	if d.used[i] {
		return d.nounRef[i]
	}
	t := &d.toks[i]
	sn := n.sense
	if i+1 < hi && isNounTrigger(&d.toks[i+1]) && !t.is("operation") {
		return nil // a modifier of the next noun: "swap agreement"
	}
	if t.is("protest", "protests") && d.streetProtest(i, lo, hi) {
		sn = senseDemo
	}
	if t.is("strike", "strikes") && d.laborStrike(i, lo, hi) {
		sn = senseDemo // "an indefinite national strike", "went on strike": a protest, not an attack
	}
	f := &frame{sense: sn, rel: sn.rel, placeRel: sn.place, mode: sn.mode, trigger: i, sent: t.sent, noun: true, conf: 0.8}
	if t.is("call", "calls") && i+1 < hi && d.toks[i+1].is("for") {
		// "Sudan's call for a truce" is a demand, not a phone call.
		sn = senseCallFor
		f.sense, f.rel, f.mode, f.label = sn, sn.rel, "", "call for"
		if d.truceWordAfter(i, hi) {
			f.label = "call for a ceasefire"
		}
	}
	d.used[i] = true
	labelStart := i
	definite, possessed, prisoner, swapMod, halted := false, false, false, false, false
	var dayOf dateExpr
	dayPoss := false
	named := t.is("operation") && t.cap
	if named {
		k := i + 1
		for k+1 < hi && d.toks[k+1].cap && d.toks[k+1].kind == tWord {
			k++
		}
		f.label = d.body[t.start:d.toks[k].end]
	}
	j := i - 1
left:
	for j >= lo {
		tk := &d.toks[j]
		if dt, ok := d.dateEndingAt(j); ok {
			// "the March 3 raid"
			dayOf, j = dt, dt.first-1
			continue
		}
		if mi := d.mAt[j]; mi >= 0 {
			m := d.mentions[mi]
			switch {
			case m.poss:
				f.sources = addEnt(f.sources, m.entities()...)
				f.conf = min(f.conf, m.conf)
				possessed = true
				j = m.first - 1
				break left
			case m.kind == mDemonym:
				f.sources = addEnt(f.sources, m.entities()...)
			case m.ent != nil && m.ent.isPlace() && m.ent.kind != graph.Country:
				f.places = addEnt(f.places, m.ent)
			case m.hasActor() && m.first > lo && d.toks[m.first-1].isHyphen() && d.mAt[m.first-2] >= 0:
				// "Zelenskyy-Putin meeting"
				a := d.mentions[d.mAt[m.first-2]]
				f.sources = addEnt(f.sources, a.entities()...)
				f.targets = addEnt(f.targets, m.entities()...)
				j = a.first - 1
				continue
			case m.hasActor() && j == i-1 && m.ent != nil && m.ent.kind == graph.Country && m.kind == mName && sn.place != "" &&
				m.first > lo && d.toks[m.first-1].is("the") && !strings.Contains(d.toks[m.first].text, ".") && !d.toks[m.first].allCaps && !n.plural:
				f.places = addEnt(f.places, m.ent) // "the Jordan attack": where, not by whom ("U.S. airstrikes" are by the US)
			case m.hasActor() && j == i-1:
				f.sources = addEnt(f.sources, m.entities()...) // "NATO summit"
			default:
				break left
			}
			j = m.first - 1
			continue
		}
		switch {
		case tk.kind == tPoss:
			if j > lo && d.mAt[j-1] >= 0 {
				j-- // the possessor mention: handled above
				continue
			}
			// a weekday possessive: "Friday's talks"
			if j > lo {
				if wd, ok := weekdayNames[d.toks[j-1].lower]; ok {
					dayOf = dateExpr{first: j - 1, last: j - 1, text: d.toks[j-1].text, weekday: wd, hasWD: true}
					dayPoss = true
					j -= 2
					possessed = true
				}
			}
			break left
		case modeWords[tk.lower] != "":
			if f.mode == "" {
				f.mode = modeWords[tk.lower]
			}
			labelStart = j
		case tk.in(prisonerWords):
			prisoner = true
			labelStart = j
		case tk.kind == tWord && j > lo && d.toks[j-1].isHyphen() && d.toks[j-1].glued && tk.glued:
			// A hyphenated compound modifier: "face-to-face", "large-scale".
			k := j
			for k-2 >= lo && d.toks[k-1].isHyphen() && d.toks[k-1].glued && d.toks[k].glued && d.toks[k-2].kind == tWord {
				k -= 2
			}
			if m := modeWords[d.lower[d.toks[k].start:tk.end]]; m != "" {
				f.mode = m
			}
			j = k
		case tk.is("rebel", "militant", "insurgent", "jihadist", "separatist") && sn.rel != "" &&
			graph.Vocabulary[sn.rel] == "ASSAULT" && len(f.sources) == 0:
			// "a rebel offensive", "a militant attack": by the group
			// the adjective names
			g := groupPlurals[tk.lower]
			f.sources = addEnt(f.sources, d.ents.get("group:"+slug(g), g, graph.Group))
			labelStart = j
		case tk.in(labelModifiers) || tk.in(degreeModifiers) || isNounTrigger(tk):
			if ns, ok := nounLex[tk.lower]; ok && ns.sense == senseSwap {
				swapMod = true
			}
			if !tk.in(degreeModifiers) {
				labelStart = j
			}
		case tk.in(failWords):
			f.status = graph.StatusFailed
		case tk.in(plannedWords):
			f.status = graph.StatusPlanned
			f.future = true
		case tk.kind == tPunct && strings.ContainsAny(tk.text, "“”\"‘’'"):
			// a quoted modifier: staging “routine” patrols
		case tk.in(hedges):
			f.status = graph.StatusReported // "a suspected missile attack"
			f.conf -= 0.1
		case tk.in(hypothetical) && !tk.is("would", "if", "whether", "unless"):
			f.hypo = true
		case tk.in(haltVerbs):
			// "suspended peace talks with the ELN", "suspending cooperation
			// with the IAEA": the talks were held, and now are refused.
			halted = true
			break left
		case tk.in(determiners) || tk.is("any", "no"):
			definite = tk.is("the", "this", "that", "these", "those")
			if tk.is("any", "no") {
				f.hypo = true // "any attack would end the truce": none happened
			}
			j--
			break left
		case tk.kind == tWord && !tk.cap && !tk.isVerbForm() && !tk.in(prepositions) && !tk.in(auxiliaries) &&
			!tk.in(commonVerbs) && !tk.in(clauseWords) && !tk.in(lightVerbs) && !tk.is("and", "or"):
			// an adjective: "deadly", "tougher", "civilian"
		case tk.kind == tWord && tk.cap && !named && j == i-1 && tk.allCaps:
			// an acronym modifier: "POW swap"
			if tk.in(prisonerWords) {
				prisoner = true
				labelStart = j
			}
		default:
			break left
		}
		j--
	}
	npStart := j + 1
	if possessed && patientNoun(sn) && !(i+1 < hi && d.toks[i+1].is("of")) {
		// "Glas' detention", "his arrest": the possessor is held, not holding.
		f.targets, f.sources = f.sources, nil
	}
	if halted && f.rel != "" && f.class() != "ASSAULT" {
		f.extra = append(f.extra, "REJECTED")
	}
	if swapMod && prisoner {
		f.extra = append(f.extra, "EXCHANGED_PRISONERS_WITH") // "hostage swap deal"
	}
	if p := d.whereAntecedent(npStart, lo); p != nil {
		f.places = addEnt(f.places, p)
	}
	if f.label == "" {
		f.label = lowerWords(d.body[d.toks[labelStart].start:t.end])
	}
	if (sn == senseSwap) && !prisoner {
		// "exchange" alone is too vague ("exchange of fire", "of views"): it
		// needs prisoners in it, before or after.
		if !(i+2 < hi && d.toks[i+1].is("of") && d.toks[i+2].in(prisonerWords)) {
			if !definite {
				return nil
			}
		}
	}
	d.nounArgs(f, i, hi)
	if f.rel == "VISITED" && len(f.targets) == 0 && len(f.places) == 0 && npStart > lo && d.toks[npStart-1].is("during", "on") {
		// "was snubbed in India during his recent visit": the visit was there
		for k := npStart - 2; k > lo; k-- {
			if d.toks[k].kind == tPunct || d.toks[k].in(clauseWords) {
				break
			}
			if d.toks[k-1].is("in") && d.mAt[k] >= 0 {
				if e := d.mentions[d.mAt[k]].ent; e != nil && e.isPlace() {
					f.places = addEnt(f.places, e)
				}
				break
			}
		}
	}
	if f.rel == "PROVIDED_AID_TO" && len(f.targets) == 0 {
		d.aidForVictims(f, i, hi) // "aid to help flood victims in Moldova"
	}
	if t.is("aggression", "aggressions") && len(f.targets) == 0 && len(f.places) == 0 {
		return nil // "Russian aggression" alone is a stance; "aggression on Syria" an attack
	}
	if t.is("ban", "bans") && !slices.ContainsFunc(f.targets, func(e *docEntity) bool { return e.kind == graph.Country || e.kind == graph.GovernmentBody }) {
		return nil // a ban on a state's goods or people is a sanction; "a ban on protests" is none
	}
	if sn == senseInvite && len(f.targets) == 0 && npStart > lo && d.toks[npStart-1].is("on", "at", "upon") {
		// "was in Beijing at Xi's invitation": the guest is the clause's subject
		for _, m := range d.mainSubject(lo, npStart) {
			for _, e := range m.entities() {
				if e.isActor() && !slices.Contains(f.sources, e) {
					f.targets = addEnt(f.targets, e)
				}
			}
		}
		if p := d.wasIn(lo, npStart); p != nil && len(f.targets) > 0 {
			// and the guest's being there is a visit
			v := &frame{sense: senseVisit, rel: senseVisit.rel, placeRel: senseVisit.place, label: "visit", sources: slices.Clone(f.targets),
				places: []*docEntity{p}, trigger: i, sent: t.sent, conf: 0.75}
			d.sentFrames = append(d.sentFrames, v)
		}
	}
	if (!possessed || patientNoun(sn)) && len(f.sources) == 0 {
		d.lightVerbSubject(f, npStart, lo, hi) // "carried out Nijjar's killing": who carried it out
	}
	if len(f.sources) == 0 {
		if m := d.passiveLightAgent(i, hi); m != nil {
			f.sources = addEnt(f.sources, m.entities()...) // "Khan's warrants were issued by NAB"
		}
	}
	if len(f.sources) == 0 && len(f.targets) > 0 && f.class() == "CONSULT" && npStart > lo &&
		(d.toks[npStart-1].is("during", "at", "after", "before") || d.toks[npStart-1].is("for") && d.travelBefore(npStart-1, lo)) {
		// ("arrived in Beijing for talks with Xi": the traveller's talks)
		// "praised ties with China during a meeting with Xi": the
		// clause's subject met Xi; "Moscow said Assad left after talks
		// with the rebels": the subject of the verb the phrase follows
		subj := d.mainSubject(lo, npStart-1)
		if pv := d.previousVerb(npStart-1, lo); pv >= 0 {
			if s, _ := d.subjectOf(pv, lo, hi); len(s) > 0 {
				subj = s
			}
		}
		for _, m := range subj {
			for _, e := range m.entities() {
				if e.isActor() && !slices.Contains(f.targets, e) {
					f.sources = addEnt(f.sources, e)
				}
			}
		}
	}
	if d.hypotheticalAfter(i, hi) || d.conditional(i, lo) {
		f.hypo = true
	}
	if !f.hasParties() {
		if host := d.hostEvent(i, hi); host != nil {
			// "a deal was struck at Monday's talks": the talks' parties
			f.sources = addEnt(f.sources, host.sources...)
			f.targets = addEnt(f.targets, host.targets...)
			f.places = addEnt(f.places, host.places...)
		}
	}
	if !f.hasParties() {
		day := dayOf.resolve(d.pub, d.hasPub, f.future)
		var ante *frame
		if definite || possessed || named {
			ante = d.antecedent(f, day)
		}
		if ante == nil && dayPoss && day != "" {
			ante = d.antecedent(f, "")
		}
		if ante != nil && dayPoss && ante.date != "" && ante.date != day {
			// The same kind of event on another day ("Tuesday's drills" after
			// Wednesday's): a new event by the same parties.
			f.sources = addEnt(f.sources, ante.sources...)
			f.targets = addEnt(f.targets, ante.targets...)
			if len(f.places) == 0 {
				f.places = addEnt(f.places, ante.places...)
			}
			f.conf -= 0.15
			ante = nil
		}
		if ante != nil {
			d.mergeInto(ante, f)
			d.nounRef[i] = ante
			d.sentRefs = append(d.sentRefs, ante)
			d.sentFrames = append(d.sentFrames, f) // for its date, which the antecedent may lack
			return ante
		}
		if len(f.places) == 0 && f.class() != "ASSAULT" && !named {
			return nil
		}
	}
	if f.hasParties() && (possessed || named || definite) {
		// "Iran's rocket attacks", "the Operation Ember raids": the
		// event told before, by the same parties; "Glas' detention": the
		// detention of Glas told before, whoever held him.
		day := dayOf.resolve(d.pub, d.hasPub, f.future)
		if ante := d.antecedent(f, day); ante != nil && (d.sameParties(ante, f) || len(f.sources) == 0 && sameTargets(ante, f)) {
			d.mergeInto(ante, f)
			d.nounRef[i] = ante
			d.sentRefs = append(d.sentRefs, ante)
			d.sentFrames = append(d.sentFrames, f)
			return ante
		}
	}
	d.nounRef[i] = f
	d.sentFrames = append(d.sentFrames, f)
	return f
}

// wasIn returns the place in "X was in P" between lo and k.
func (d *doc) wasIn(lo, k int) *docEntity {
	for j := lo; j+2 < k; j++ {
		if d.toks[j].is("was", "were", "is", "are") && d.toks[j+1].is("in") && d.mAt[j+2] >= 0 {
			if e := d.mentions[d.mAt[j+2]].ent; e != nil && e.isPlace() {
				return e
			}
		}
	}
	return nil
}

// lowerWords lower-cases the capitalised words of a label taken from a
// title-case headline ("Military Drills"), keeping acronyms ("POW swap").
func lowerWords(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		start := i == 0 || b[i-1] == ' ' || b[i-1] == '-'
		if start && b[i] >= 'A' && b[i] <= 'Z' && !(i+1 < len(b) && b[i+1] >= 'A' && b[i+1] <= 'Z') {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// nounArgs reads the prepositional phrases after an event noun.
func (d *doc) nounArgs(f *frame, i, hi int) {
	sn := f.sense
	k := i + 1
	if f.label != "" && d.toks[i].is("operation") {
		for k < hi && d.toks[k].cap && d.toks[k].kind == tWord {
			k++
		}
	}
	for steps := 0; k < hi && steps < 6; steps++ {
		t := &d.toks[k]
		switch {
		case k == i+1 && t.is("package", "packages"):
			k++ // "an aid package for Taiwan", "a sanctions package against Iran"
			continue
		case t.is("between", "among") && k+1 < hi:
			m := d.npMention(k+1, hi)
			if m == nil {
				return
			}
			list := d.coordRight(m, hi, true)
			if len(list) == 1 {
				// "talks between X and Y resumed": "between" wants its
				// second party even when a verb follows it.
				if n := d.conjunctAfter(m, hi); n != nil {
					list = append(list, n)
				}
			}
			for idx, x := range list {
				if idx == 0 && len(f.sources) == 0 {
					f.sources = addEnt(f.sources, x.entities()...)
				} else {
					f.targets = addEnt(f.targets, x.entities()...)
				}
			}
			if len(list) == 1 && len(m.group) == 2 {
				f.sources, f.targets = addEnt(f.sources, m.group[0]), addEnt(f.targets, m.group[1])
			}
			k = list[len(list)-1].last + 1
		case t.is("carried", "conducted", "launched", "staged", "mounted") && k+2 < hi && (d.toks[k+1].is("by") || d.toks[k+1].is("out") && d.toks[k+2].is("by")):
			k++ // "the raid carried out by Turkey-backed fighters": the "by" names its author
			if d.toks[k].is("out") {
				k++
			}
			continue
		case t.is("by") && k+1 < hi:
			m := d.npMention(k+1, hi)
			if m == nil || !m.hasActor() {
				return
			}
			f.sources = addEnt(f.sources, m.entities()...)
			k = m.last + 1
			if k < hi && d.toks[k].kind == tPoss {
				return
			}
		case t.is("of") && k+1 < hi && d.toks[k+1].in(prisonerWords):
			k += 2
		case t.is("of") && k+1 < hi && len(f.sources) == 0 && (sn == senseWithdraw || sn == senseDeploy || sn == senseInvite):
			// "the withdrawal of Russian troops from Armenia": who moves; "the
			// invitation of Donald Trump": who invites
			m := d.npMention(k+1, hi)
			if m == nil || !m.hasActor() {
				return
			}
			f.sources = addEnt(f.sources, m.entities()...)
			k = m.last + 1
		case (slices.Contains(sn.preps, t.lower) || t.is("with") && f.sense.symmetric) && k+1 < hi:
			if ev := d.eventNounAt(k+1, hi); ev != nil {
				d.eventObject(f, ev) // "rejection of Lula's offer", "support for sanctions on Belarus"
				return
			}
			m := d.npMention(k+1, hi)
			if m == nil && f.class() == "SANCTION" && k+3 < hi && d.toks[k+1].in(tradeNouns) && d.toks[k+2].is("from") {
				m = d.npMention(k+3, hi) // "tariffs on imports from Canada"
			}
			if m == nil {
				return
			}
			for _, x := range d.coordRight(m, hi, false) {
				for _, e := range x.entities() {
					if e.kind == graph.City && f.placeRel == "" && f.rel != "" && d.isCapital(e) {
						if c := d.ents.countryByCode(e.country); c != nil {
							e = c // "solidarity with Bamako": with the state
						}
					}
					switch {
					case e.isPlace() && e.kind != graph.Country:
						if f.placeRel != "" {
							f.places = addEnt(f.places, e)
						}
					case e.isActor():
						if f.rel != "" || e.kind == graph.Country && f.placeRel != "" {
							if f.rel == "" {
								f.places = addEnt(f.places, e)
							} else {
								f.targets = addEnt(f.targets, e)
							}
						}
					}
				}
				k = x.last + 1
			}
		case t.is("in", "at", "near", "around", "off", "across", "outside", "inside", "over") && k+1 < hi:
			if dateAt(d, k+1) {
				k += 2
				continue
			}
			m := d.npMention(k+1, hi)
			if m == nil || m.ent == nil || !m.ent.isPlace() {
				return
			}
			for _, x := range d.coordRight(m, hi, false) {
				if x.ent != nil && x.ent.isPlace() {
					f.places = addEnt(f.places, x.ent)
				}
				k = x.last + 1
			}
		case t.is("on") && k+1 < hi && dateAt(d, k+1):
			k += 2
		case t.is("to") && d.infinitiveAt(k+1, hi):
			// "a proposal to reopen negotiations with Armenia"
			if len(f.targets) == 0 && (f.class() == "REQUEST" || f.class() == "THREATEN" || f.class() == "AGREE") {
				f.targets = addEnt(f.targets, d.infinitiveTargets(k+1, hi, f.sources)...)
			}
			return
		case t.kind == tWord && (t.is("early", "late", "last", "this", "next") || dateAt(d, k)):
			k++
		default:
			return
		}
	}
}

// dateAt reports whether token k starts a date word.
func dateAt(d *doc, k int) bool {
	t := &d.toks[k]
	if _, ok := weekdayNames[t.lower]; ok && t.cap {
		return true
	}
	if _, ok := monthNames[t.lower]; ok && t.cap && len(t.lower) > 3 {
		return true
	}
	return isRelativeDay(t.lower)
}

// agentParticiples are the light verbs whose passive agent is the event's
// author.
var agentParticiples = wordList("issued", "carried", "conducted", "launched", "staged", "mounted", "imposed",
	"made", "waged", "announced", "levelled", "leveled", "lodged", "filed", "ordered")

// tradeNouns are what tariffs and bans fall on: "imports from Canada".
var tradeNouns = set("imports", "goods", "exports", "products", "shipments")

// passiveLightAgent returns the agent of a passive light verb whose
// subject is the event noun at i: "the warrants were issued on May 1 by
// NAB", "the raid, carried out by the army,".
func (d *doc) passiveLightAgent(i, hi int) *mention {
	k := i + 1
	if k < hi && d.toks[k].is(",") {
		k++
	}
	if k < hi && d.toks[k].in(beForms) {
		k++
	}
	if k >= hi || !agentParticiples[d.toks[k].lower] {
		return nil // "talks hosted by Cuba": a host, not the talks' party
	}
	for j := k + 1; j+1 < hi && j <= k+6; j++ {
		t := &d.toks[j]
		if t.is("by") {
			if m := d.npMention(j+1, hi); m != nil && m.hasActor() {
				return m
			}
			return nil
		}
		if t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) || d.mAt[j] >= 0 && !dateAt(d, j) {
			return nil
		}
	}
	return nil
}

// lightVerbSubject gives an event noun the subject of the light verb whose
// object it is: "Serbia and Kosovo held talks", "Nordic ministers voiced
// support for", "both sides reached a deal". The noun may be the
// complement of another noun: "drew up a draft of demands".
func (d *doc) lightVerbSubject(f *frame, npStart, lo, hi int) {
	j := d.amountBefore(npStart-1, lo)
	for mods, det := 0, false; j >= lo; j-- {
		if d.toks[j].in(npLinks) || d.toks[j].in(determiners) || d.ofHead(j, npStart) || d.toks[j].ordinal() {
			det = det || d.toks[j].in(determiners)
			continue
		}
		if mods < 2 && !det && d.attributive(j) && j > lo && d.beforeModifier(j-1) {
			mods++ // "launched targeted strikes", "carried out a coordinated raid"
			continue
		}
		break
	}
	if j < lo {
		return
	}
	if mi := d.mAt[j]; mi >= 0 && d.mentions[mi].hasActor() && !d.mentions[mi].poss {
		// "handed Israel and Hamas a proposal": the indirect object is the
		// other party.
		ms := d.coordinated(d.mentions[mi], lo)
		k := ms[0].first - 1
		if k < lo || !d.toks[k].in(ditransitives) {
			return
		}
		if len(f.targets) == 0 {
			for _, m := range ms {
				f.targets = addEnt(f.targets, m.entities()...)
			}
		}
		j = k
	}
	if d.toks[j].is("out") && j-1 >= lo && d.toks[j-1].in(lightVerbs) {
		j-- // "carried out Nijjar's killing"
	}
	t := &d.toks[j]
	if t.is("to", "for") && j-1 >= lo {
		// "agreed to a hostage release", "pushed for talks"
		if v, ok := verbLex[d.toks[j-1].lower]; ok && (v.sense == senseAgree || v.sense == senseDemand || v.sense == senseUrge) {
			t = &d.toks[j-1]
			j--
		} else if !d.toks[j-1].in(lightVerbs) {
			return
		} else {
			t = &d.toks[j-1]
			j--
		}
	}
	if !t.in(lightVerbs) && !t.in(haltVerbs) {
		return
	}
	f.ordered = t.in(orderVerbs)
	if !strings.HasSuffix(t.lower, "ing") && d.passiveBefore(j, lo) {
		return
	}
	subj, _ := d.subjectOf(j, lo, hi)
	if len(subj) == 0 && t.in(haltVerbs) && strings.HasSuffix(t.lower, "ing") {
		subj = d.mainSubject(lo, j) // "Pezeshkian signed a law suspending cooperation"
	}
	for _, m := range subj {
		for _, e := range m.entities() {
			if s := d.stateOf(e); f.ordered && e.kind == graph.Person && s != nil && d.leads(e, s) {
				e = s // "Kim Jong Un ordered the deployment": his state deploys
			}
			f.sources = addEnt(f.sources, e)
		}
		f.conf = min(f.conf, m.conf)
	}
	// The light verb's own modality: "will hold talks", "agreed to hold".
	probe := &frame{}
	d.verbModality(probe, j, lo, subj)
	if probe.status != "" && f.status == "" {
		f.status = probe.status
	}
	f.future = f.future || probe.future
	f.hypo = f.hypo || probe.hypo
}

// attributive reports a lower-case word that can modify a noun between a
// light verb and its object: an adjective or a participle ("targeted",
// "coordinated", "deadly"), not a function word or another verb's object.
func (d *doc) attributive(j int) bool {
	t := &d.toks[j]
	if t.kind != tWord || t.cap || t.in(lightVerbs) || t.in(haltVerbs) || t.in(auxiliaries) || t.in(clauseWords) {
		return false
	}
	for _, suffix := range adjectiveEndings {
		if len(t.lower) > len(suffix)+2 && strings.HasSuffix(t.lower, suffix) {
			return true
		}
	}
	return false
}

// adjectiveEndings mark a word as a likely adjective or participle.
var adjectiveEndings = []string{"ed", "al", "ive", "ous", "ful", "ic", "ly", "scale", "ary", "less"}

// beforeModifier reports a token an attributive word can follow inside
// the object of a light verb: a determiner, a link word, another modifier,
// or the light verb itself, not an auxiliary ("has condemned strikes":
// there "condemned" is the verb).
func (d *doc) beforeModifier(k int) bool {
	t := &d.toks[k]
	return t.in(determiners) || t.in(npLinks) || d.attributive(k) ||
		t.in(lightVerbs) && !t.in(auxiliaries) && !t.in(beForms)
}

// amountBefore skips back from j over a sum or quantity that measures the
// noun after it ("provided up to $2 million in aid", "sent 500 tonnes of
// food"), returning the token before it; j itself when there is none. The
// phrase must hold a number or a scale word, and ends in "in" or "of".
func (d *doc) amountBefore(j, lo int) int {
	if j <= lo || !d.toks[j].is("in", "of") {
		return j
	}
	k, counted := j-1, false
	for ; k >= lo && (d.toks[k].kind == tNum || d.toks[k].in(amountWords)); k-- {
		counted = counted || d.toks[k].kind == tNum || d.toks[k].is("million", "billion", "trillion", "millions", "billions", "thousands", "hundreds")
	}
	if !counted {
		return j
	}
	return k
}

// amountAfter skips forward from k over such a phrase: the index of the
// first word after its "in" or "of"; k itself when there is none.
func (d *doc) amountAfter(k, hi int) int {
	j, counted := k, false
	for ; j < hi && (d.toks[j].kind == tNum || d.toks[j].in(amountWords)) && !(j > k && d.toks[j].is("to") && !d.toks[j-1].is("up")); j++ {
		counted = counted || d.toks[j].kind == tNum || d.toks[j].is("million", "billion", "trillion", "millions", "billions", "thousands", "hundreds")
	}
	if counted && j < hi && d.toks[j].is("in", "of") {
		return j + 1
	}
	return k
}

// dateEndingAt returns the date expression of the current sentence that
// ends at token j.
func (d *doc) dateEndingAt(j int) (dateExpr, bool) {
	for _, dt := range d.curDates {
		if dt.last == j {
			return dt, true
		}
	}
	return dateExpr{}, false
}

// hostEvent finds the consultation an event noun happened in: "an
// deal was struck at Monday's talks", "a swap agreed at the summit".
func (d *doc) hostEvent(i, hi int) *frame {
	for k := i + 1; k < hi && k < i+6; k++ {
		t := &d.toks[k]
		if t.is("in", "at", "during") {
			if ev := d.eventNounAt(k+1, hi); ev != nil && ev.root().class() == "CONSULT" {
				return ev.root()
			}
			return nil
		}
		if !(t.in(beForms) || t.in(adverbs) || t.in(lightVerbs) || t.isVerbForm()) {
			return nil
		}
	}
	return nil
}

// hypotheticalAfter reports "remains possible", "could happen" right after
// an event noun.
func (d *doc) hypotheticalAfter(i, hi int) bool {
	end := i + 4
	for k := i + 1; k < hi && k < end; k++ {
		t := &d.toks[k]
		if t.kind == tPunct {
			return false
		}
		if k == i+1 && t.is("on", "against", "by", "in", "of") && k+1 < hi && d.mAt[k+1] >= 0 {
			// "a Chinese attack on Taiwan could justify ...": past the target
			k = d.mentions[d.mAt[k+1]].last
			end = k + 4
			continue
		}
		if t.is("possible", "could", "might", "may", "unlikely", "hypothetical") {
			return true
		}
		if !t.is("remains", "remain", "is", "was", "still", "seems", "appears", "also", "now") {
			return false
		}
	}
	return false
}

// byPublication reports whether an ISO day lies on or before the
// publication date.
func (d *doc) byPublication(day string) bool {
	return day != "" && d.hasPub && day <= d.pub.Format(time.DateOnly)
}

// ofHead reports a plain noun at j followed by "of" inside the noun phrase
// that ends before end: "draft" in "a draft of demands".
func (d *doc) ofHead(j, end int) bool {
	t := &d.toks[j]
	return j+1 < end && d.toks[j+1].is("of") && t.kind == tWord && !t.cap && !t.isVerbForm() &&
		!t.in(prepositions) && !t.in(auxiliaries) && !t.in(commonVerbs) && !t.in(lightVerbs) && !t.in(pronounWords)
}

// ditransitives are light verbs that take the event's other party as an
// indirect object: "handed X a proposal", "gave X an ultimatum".
var ditransitives = set("hand", "handed", "hands", "give", "gave", "gives", "given", "offer", "offered",
	"offers", "send", "sent", "sends", "present", "presented", "presents", "deliver", "delivered",
	"delivers", "issue", "issued", "issues", "pass", "passed")

// travelBefore reports a verb of travel before k in the clause: "arrived in
// Beijing on Saturday for talks", "flew to Doha for".
func (d *doc) travelBefore(k, lo int) bool {
	for j := k - 1; j >= lo && j >= k-8; j-- {
		t := &d.toks[j]
		if t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			return false
		}
		if t.in(travelVerbs) {
			return true
		}
	}
	return false
}

var travelVerbs = set("arrived", "arrives", "arriving", "travelled", "traveled", "travels", "travelling", "traveling",
	"flew", "flies", "flying", "headed", "heads", "heading", "went", "goes", "came", "comes", "landed", "lands", "is", "was")
