package loader

// Arguments of verb frames read from the clause around the verb: elections,
// events as objects, control and that-clauses, claims and warnings.

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// electFrame reads "X was elected president of Y", "Y's voters elected X
// as president", "X was elected Y's prime minister": X ELECTED_LEADER_OF Y.
func (d *doc) electFrame(i, lo, hi int) *frame {
	f := &frame{sense: senseElect, rel: "ELECTED_LEADER_OF", label: "election", trigger: i, sent: d.toks[i].sent, conf: 0.85}
	k := i + 1
	var who []*mention
	if d.passiveBefore(i, lo) {
		who, _ = d.subjectOf(i, lo, hi)
	} else if m := d.npMention(k, hi); m != nil && m.ent != nil && m.ent.kind == graph.Person {
		who, k = []*mention{m}, m.last+1
	}
	if f.sources = personsOf(who); len(f.sources) == 0 {
		return nil
	}
	if k < hi && d.toks[k].is("as") {
		k++
	}
	if k < hi && d.mAt[k] >= 0 && d.mentions[d.mAt[k]].poss {
		// "elected Poland's president"
		m := d.mentions[d.mAt[k]]
		if ts, te := d.parseTitle(m.last+2, hi); te >= ts && m.hasActor() {
			f.targets = addEnt(f.targets, m.entities()...)
		}
	} else if ts, te := d.parseTitle(k, hi); te >= ts && te+2 < hi && d.toks[te+1].is("of") {
		if m := d.npMention(te+2, hi); m != nil && m.hasActor() {
			f.targets = addEnt(f.targets, m.entities()...)
		}
	} else if te >= ts {
		// "voters in Taiwan elected Lai as president": the state of the
		// clause's place, else the one the article opens on
		if rel, _, _ := d.titleRole(ts, te); rel == "LEADER_OF" {
			if st := d.clauseState(i, lo, hi); st != nil {
				f.targets = addEnt(f.targets, st)
			}
		}
	}
	if len(f.targets) == 0 {
		return nil
	}
	d.verbModality(f, i, lo, who)
	return f
}

// targetsFrom adds a mention's entities as targets: places go to places,
// actors (and countries) to targets.
func (f *frame) targetsFrom(d *doc, m *mention) {
	for _, e := range m.entities() {
		if e.kind == graph.City && f.placeRel == "" && d.isCapital(e) {
			// "accused Manila of ...": the capital stands for its state.
			if c := d.ents.countryByCode(e.country); c != nil {
				c.note(d.body, d.toks[m.first].start, d.toks[m.last].end)
				e = c
			}
		}
		switch {
		case e.kind == graph.City || e.kind == graph.Region || e.kind == graph.Location:
			f.places = addEnt(f.places, e)
		case e.kind == graph.Country && f.rel == "":
			f.places = addEnt(f.places, e)
		default:
			f.targets = addEnt(f.targets, e)
		}
	}
}

// eventObject links a verb to the event that is its object: condemning or
// rejecting an event targets whoever carried it out; agreeing to or
// proposing an exchange makes its parties the verb's parties.
func (d *doc) eventObject(f *frame, ev *frame) {
	ev = ev.root()
	if !f.noun && ev.noun && ev.sent == f.sent && ev.class() == f.class() && f.rel != "MEDIATED" && f.rel != "HOSTED" &&
		(len(ev.sources) == 0 || d.sourcesCompatible(ev.sources, f.sources)) {
		// "agreed to a peace deal", "met for talks": one event, named by the noun.
		if ev.rel != f.rel && !slices.Contains(f.extra, ev.rel) && f.class() != "SANCTION" {
			f.extra = append(f.extra, ev.rel)
		}
		f.label = ev.label
		d.mergeInto(f, ev)
		return
	}
	switch f.class() {
	case "STATEMENT":
		if f.sense == senseClaim {
			d.claimOf(f, ev, true) // "the Houthis claimed the attack"
		}
	case "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "SANCTION":
		f.about = ev
		if f.class() == "REJECT" && graph.Vocabulary[ev.rel] == "REQUEST" && len(ev.targets) == 0 {
			ev.targets = addEnt(ev.targets, f.sources...) // an offer rejected by X was made to X
		}
		if f.class() == "SUPPORT" && ev.rel == "SANCTIONED" && len(ev.targets) > 0 {
			f.rel = "SUPPORTS_SANCTIONS_ON" // "backed sanctions on Belarus"
			f.targets = addEnt(nil, ev.targets...)
			ev.hypo = len(ev.sources) == 0
		}
	case "CONSULT":
		if (f.rel == "MEDIATED" || f.rel == "HOSTED") && !ev.hasParties() {
			// "X and Y signed a deal. Qatar mediated the talks": the talks
			// that led to it.
			if ps := d.pairFrame(f.sent, f.sent-2); ps != nil {
				ev.sources, ev.targets = ps[:1], ps[1:]
			}
		}
		if f.rel == "MEDIATED" || f.rel == "HOSTED" {
			// "Qatar mediated talks between Israel and Hamas"
			for p := range ev.parties {
				if !slices.Contains(f.sources, p) {
					f.targets = addEnt(f.targets, p)
				}
			}
			if f.rel == "MEDIATED" {
				ev.mediators = addEnt(ev.mediators, f.sources...)
			}
			f.host = ev
			f.places = addEnt(f.places, ev.places...)
		}
	case "REQUEST":
		if ev.rel == "SANCTIONED" && len(ev.targets) > 0 {
			f.rel = "SUPPORTS_SANCTIONS_ON" // "called for sanctions on Belarus"
			f.targets = addEnt(nil, ev.targets...)
			ev.hypo = len(ev.sources) == 0
			return
		}
		if len(f.targets) == 0 && len(f.sources) > 0 {
			// "Ukraine proposed talks with Russia": the other party; a
			// state proposing talks between leaders proposes them to the
			// other leader's state.
			states := !slices.ContainsFunc(f.sources, func(e *docEntity) bool { return e.kind == graph.Person })
			for p := range ev.parties {
				if s := d.stateOf(p); states && p.kind == graph.Person && s != nil {
					p = s
				}
				if !d.sameSide(f.sources, p) {
					f.targets = addEnt(f.targets, p)
				}
			}
		}
		fallthrough
	case "AGREE":
		if !ev.hasParties() {
			ev.sources = addEnt(ev.sources, f.sources...)
			ev.targets = addEnt(ev.targets, f.targets...)
			if f.class() == "AGREE" && ev.status == "" {
				ev.future = true
			}
		}
	}
}

// controlObject returns the actor right after the verb at i when an
// infinitive follows it, perhaps after a time and a "not": "ordered
// Venezuela this month not to hold", "asked Iran to allow".
func (d *doc) controlObject(i, hi int) *mention {
	if i+1 >= hi || d.mAt[i+1] < 0 {
		return nil
	}
	m := d.mentions[d.mAt[i+1]]
	k := m.last + 1
	for k < hi && (d.toks[k].in(dateWords) || d.toks[k].is("this", "last", "on", "earlier", "week", "month", "year")) {
		k++
	}
	if k < hi && d.toks[k].is("not") {
		k++
	}
	if !m.hasActor() || k >= hi || !d.toks[k].is("to") {
		return nil
	}
	return m
}

// sentTroops reads "X sent troops to Y", "dispatched warships into the
// strait": a deployment to the places named in the clause, when what is
// sent is a force.
func (d *doc) sentTroops(i, lo, hi int) *frame {
	force, envoys := false, false
	for k := i + 1; k < hi && k <= i+4; k++ {
		// Forces, not arms: sending missiles or drones is supplying them.
		force = force || d.toks[k].in(militaryNouns) && !d.toks[k].in(weaponWords) && !d.toks[k].is("drones", "aircraft", "artillery") ||
			d.toks[k].is("fighters", "militants")
		// "sent a delegation to Jeddah": the sender visits, through its envoys
		envoys = envoys || d.toks[k].is("delegation", "delegations", "envoy", "envoys", "emissary", "emissaries", "negotiators")
	}
	if f := d.forceToHelp(i, lo, hi); f != nil {
		return f
	}
	subj, _ := d.subjectOf(i, lo, hi)
	if len(subj) == 0 {
		return nil
	}
	if !force && !envoys {
		return d.sentSupplies(i, lo, hi, subj)
	}
	sn := senseDeploy
	if envoys && !force {
		sn = senseVisit
	}
	f := &frame{sense: sn, rel: sn.rel, placeRel: sn.place, label: sn.label, trigger: i,
		sent: d.toks[i].sent, conf: 0.8}
	if sn == senseVisit {
		f.label = "delegation visit"
	}
	for _, m := range subj {
		f.sources = addEnt(f.sources, m.entities()...)
		f.conf = min(f.conf, m.conf)
	}
	for k := i + 1; k < hi; k++ {
		t := &d.toks[k]
		if t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			break
		}
		mi := d.mAt[k]
		if mi < 0 {
			continue
		}
		m := d.mentions[mi]
		p := k - 1
		if p > lo && d.toks[p].is("the") {
			p-- // "to the Kursk region"
		}
		if m.ent != nil && m.ent.isPlace() && p >= lo && d.toks[p].in(locatives) {
			f.places = addEnt(f.places, m.ent)
		}
		k = m.last
	}
	if len(f.places) == 0 {
		return nil
	}
	d.verbModality(f, i, lo, subj)
	return f
}

// forceToHelp reads "sent 200 soldiers to help Moldova", "is deploying
// troops to support the government": a force sent to fight beside an
// actor is military aid to it (CAMEO 074), wherever it goes.
func (d *doc) forceToHelp(i, lo, hi int) *frame {
	force := false
	for k := i + 1; k+3 < hi && k <= i+6; k++ {
		t := &d.toks[k]
		if t.kind == tPunct || t.in(clauseWords) {
			return nil
		}
		force = force || t.in(militaryNouns) && !t.in(weaponWords) || t.is("fighters", "peacekeepers")
		if !force || !t.is("to") || !d.toks[k+1].is("help", "assist", "support", "aid", "reinforce", "bolster") {
			continue
		}
		at := k + 2
		if d.mAt[at] < 0 && d.toks[at].is("the") {
			at++ // "to help the Moldovan army"
		}
		if d.mAt[at] < 0 {
			return nil
		}
		m := d.mentions[d.mAt[at]]
		subj, _ := d.subjectOf(i, lo, hi)
		if m.poss || !m.hasActor() || len(subj) == 0 {
			return nil
		}
		f := &frame{sense: senseAid, rel: senseAid.rel, label: "military aid", trigger: i, sent: t.sent, conf: 0.8}
		for _, s := range subj {
			f.sources = addEnt(f.sources, s.entities()...)
		}
		f.targetsFrom(d, m)
		d.verbModality(f, i, lo, subj)
		return f
	}
	return nil
}

// favourOf reads the actor at k after "voted in favour of": the voters
// support it.
func (d *doc) favourOf(i, k, lo, hi int) *frame {
	if k < hi && d.mAt[k] < 0 && d.toks[k].is("the") {
		k++
	}
	subj, _ := d.subjectOf(i, lo, hi)
	if k >= hi || d.mAt[k] < 0 || len(subj) == 0 {
		return nil
	}
	m := d.mentions[d.mAt[k]]
	if m.poss || !m.hasActor() {
		return nil
	}
	f := &frame{sense: senseSupport, rel: senseSupport.rel, label: "vote in favour", trigger: i, sent: d.toks[i].sent, conf: 0.8}
	for _, s := range subj {
		f.sources = addEnt(f.sources, s.entities()...)
	}
	f.targetsFrom(d, m)
	d.verbModality(f, i, lo, subj)
	return f
}

// victimNouns are the people aid is sent for in a place.
var victimNouns = set("victims", "survivors", "refugees", "civilians", "people", "families", "residents", "population", "children")

// aidForVictims reads "aid to help flood victims in Moldova", "assistance
// for earthquake survivors in Turkey": aid to the state where they are.
func (d *doc) aidForVictims(f *frame, i, hi int) {
	for k := i + 1; k+2 < hi && k <= i+10; k++ {
		t := &d.toks[k]
		if t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) || d.mAt[k] >= 0 {
			return
		}
		if !t.in(victimNouns) || !d.toks[k+1].is("in") {
			continue
		}
		at := k + 2
		if d.mAt[at] < 0 && d.toks[at].is("the") && at+1 < hi {
			at++
		}
		if d.mAt[at] < 0 {
			return
		}
		if e := d.mentions[d.mAt[at]].ent; e != nil && e.isPlace() && e.country != "" {
			if c := d.ents.countryByCode(e.country); c != nil {
				f.targets = addEnt(f.targets, c)
			}
		}
		return
	}
}

// protestNouns are protests a party calls its people to.
var protestNouns = set("protest", "protests", "demonstration", "demonstrations", "rally", "rallies", "march", "marches", "boycott")

// protestCall reads "the CHP called for fresh protests in 14 cities": a
// party calling its people into the streets protests, as the field codes
// it (CAMEO 14); against whom the protest says, or the government where
// it happens (see findFrames).
func (d *doc) protestCall(i, lo, hi int) *frame {
	k := i + 2
	for n := 0; k < hi && n < 3 && !d.toks[k].in(protestNouns); k, n = k+1, n+1 {
		if t := &d.toks[k]; t.kind != tWord || t.cap || d.mAt[k] >= 0 || t.isVerbForm() || t.in(prepositions) {
			return nil
		}
	}
	if k >= hi || !d.toks[k].in(protestNouns) {
		return nil
	}
	subj, _ := d.subjectOf(i, lo, hi)
	if len(subj) == 0 {
		return nil
	}
	d.used[k] = true
	f := &frame{sense: senseDemo, rel: senseDemo.rel, placeRel: senseDemo.place, label: "call to protest", trigger: i, sent: d.toks[i].sent, conf: 0.7}
	for _, s := range subj {
		f.sources = addEnt(f.sources, s.entities()...)
	}
	obj := d.objectAfter(k, hi, senseDemo, false)
	for _, m := range obj.actors {
		f.targetsFrom(d, m)
	}
	for _, m := range obj.places {
		f.places = addEnt(f.places, m.entities()...)
	}
	d.verbModality(f, i, lo, subj)
	return f
}

// decreeVerbs put a place under emergency rule.
var decreeVerbs = set("declare", "declares", "declared", "declaring", "impose", "imposes", "imposed", "imposing",
	"extend", "extends", "extended", "extending", "announce", "announces", "announced", "announcing")

// emergencyRule reads "declared a state of emergency in Karakalpakstan",
// "imposed a curfew in Dhaka", "imposed martial law on the province":
// rule by decree over a place, PLOVER's COERCE (CAMEO 1724), with the verb
// at i.
func (d *doc) emergencyRule(i, lo, hi int) *frame {
	k, found := i+1, false
	for ; k+1 < hi && k <= i+8; k++ {
		t := &d.toks[k]
		if t.kind == tPunct && !t.isHyphen() || d.mAt[k] >= 0 || t.in(clauseWords) {
			return nil
		}
		if t.is("emergency") && (k-2 > i && d.toks[k-1].is("of") && d.toks[k-2].is("state") || d.toks[k+1].is("rule", "law", "decree")) ||
			t.is("curfew", "curfews") || t.is("martial") && d.toks[k+1].is("law") {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	for j := k + 1; j+1 < hi && j <= k+4; j++ {
		if !d.toks[j].is("in", "on", "across", "over") {
			continue
		}
		m := d.npMention(j+1, hi)
		subj, _ := d.subjectOf(i, lo, hi)
		if m == nil || m.ent == nil || !m.ent.isPlace() || len(subj) == 0 {
			return nil
		}
		sn := senseBan
		f := &frame{sense: sn, rel: sn.rel, placeRel: sn.rel, label: "state of emergency", trigger: i, sent: d.toks[i].sent, conf: 0.75}
		for _, s := range subj {
			f.sources = addEnt(f.sources, s.entities()...)
		}
		f.places = addEnt(f.places, m.entities()...) // the place ruled by decree
		d.verbModality(f, i, lo, subj)
		return f
	}
	return nil
}

// sessionNouns are the sittings a state asks a body to hold.
var sessionNouns = set("meeting", "session", "sitting", "summit", "debate", "hearing", "consultations")

// sessionRequest reads "requested an emergency meeting of the UN Security
// Council", "called for an urgent session of NATO": a request made to the
// body asked to sit.
func (d *doc) sessionRequest(i, lo, hi int) *frame {
	k := i + 1
	if k < hi && d.toks[k].is("for") {
		k++
	}
	for n := 0; k < hi && n < 4 && !d.toks[k].in(sessionNouns); k, n = k+1, n+1 {
		if t := &d.toks[k]; t.kind != tWord || t.cap || d.mAt[k] >= 0 || t.isVerbForm() || t.in(prepositions) {
			return nil
		}
	}
	if k+2 >= hi || !d.toks[k].in(sessionNouns) || !d.toks[k+1].is("of") {
		return nil
	}
	at := k + 2
	if d.mAt[at] < 0 && d.toks[at].is("the") && at+1 < hi {
		at++
	}
	subj, _ := d.subjectOf(i, lo, hi)
	if d.mAt[at] < 0 || len(subj) == 0 {
		return nil
	}
	m := d.mentions[d.mAt[at]]
	if m.poss || !m.hasActor() {
		return nil
	}
	d.used[k] = true // the sitting is what is asked for, not a meeting that took place
	f := &frame{sense: senseCallFor, rel: senseCallFor.rel, label: "request for a " + d.toks[k].lower, trigger: i, sent: d.toks[i].sent, conf: 0.8}
	for _, s := range subj {
		f.sources = addEnt(f.sources, s.entities()...)
	}
	f.targetsFrom(d, m)
	d.verbModality(f, i, lo, subj)
	return f
}

// supplyWords are what one state sends another as aid: arms and goods.
var supplyWords = set("weapons", "arms", "ammunition", "munitions", "supplies", "systems",
	"tanks", "missiles", "drones", "aircraft", "jets", "artillery", "shells", "food", "medicine", "medicines",
	"fuel", "vehicles", "batteries", "launchers", "interceptors", "rifles", "vaccines")

// supplySets are the dictionary's synonym sets of things sent as aid.
var supplySets = []string{"&weapon", "&aircraft", "&car", "&food"}

// inSupplySet reports a member of a supply synonym set at k:
// "helicopters", "armoured personnel carriers".
func (d *doc) inSupplySet(k, hi int) bool {
	for _, set := range supplySets {
		if d.patternWordAt(set, k, hi) > 0 {
			return true
		}
	}
	return false
}

// sentSupplies reads "sent weapons to Ukraine", "will send more Patriot
// systems to Kyiv": aid to the actor after "to".
func (d *doc) sentSupplies(i, lo, hi int, subj []*mention) *frame {
	supplies := false
	for k := i + 1; k < hi && k <= i+6; k++ {
		t := &d.toks[k]
		if t.is("to") {
			break
		}
		if isNounTrigger(t) {
			return nil // "sent humanitarian aid to": the noun tells it
		}
		supplies = supplies || t.in(supplyWords) || d.inSupplySet(k, hi)
	}
	if !supplies {
		return nil
	}
	for k := i + 2; k+1 < hi && k <= i+8; k++ {
		if t := &d.toks[k]; t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			return nil
		}
		if !d.toks[k].is("to") {
			continue
		}
		at := k + 1
		if d.toks[at].is("the") && at+1 < hi {
			at++ // "to the Haitian police"
		}
		if d.mAt[at] < 0 {
			continue
		}
		m := d.mentions[d.mAt[at]]
		if m.poss || !m.hasActor() && !(m.ent != nil && d.isCapital(m.ent)) {
			return nil // "to Kyiv" stands for Ukraine; "to Gaza" names no recipient
		}
		f := &frame{sense: senseAid, rel: senseAid.rel, label: senseAid.label, trigger: i, sent: d.toks[i].sent, conf: 0.8}
		for _, s := range subj {
			f.sources = addEnt(f.sources, s.entities()...)
		}
		f.targetsFrom(d, m)
		d.verbModality(f, i, lo, subj)
		return f
	}
	return nil
}

// thatClauseActor reports "that" after the verb at i opening a clause
// whose subject is a mention: "warned that Iran must", "demanded that
// Russia admit" (a bare verb after the subject counts).
func (d *doc) thatClauseActor(i, hi int) bool {
	k := i + 2
	if k >= hi || !d.toks[i+1].is("that") || d.mAt[k] < 0 {
		return false
	}
	if d.clauseFollows(k, hi) {
		return true
	}
	j := d.mentions[d.mAt[k]].last + 1
	return j < hi && d.toks[j].kind == tWord && !d.toks[j].cap && !d.toks[j].in(prepositions) && !d.toks[j].in(clauseWords) && !d.toks[j].is("and", "or")
}

// placedNounBefore returns the event noun standing with its place just
// before i ("talks in Doha mediated by Qatar"), or -1.
func (d *doc) placedNounBefore(i, lo int) int {
	k := i - 1
	if k < lo || d.mAt[k] < 0 {
		return -1
	}
	m := d.mentions[d.mAt[k]]
	if m.ent == nil || !m.ent.isPlace() {
		return -1
	}
	k = m.first - 1
	if k-1 >= lo && d.toks[k].in(locatives) && isNounTrigger(&d.toks[k-1]) {
		return k - 1
	}
	return -1
}

// claimNounAfter reports "the claim", "the accusations", "the charge" in
// the few words after k.
func (d *doc) claimNounAfter(k, hi int) bool {
	for j := k; j < hi && j < k+3; j++ {
		if d.toks[j].is("claim", "claims", "accusation", "accusations", "allegation", "allegations", "charge", "charges", "report", "reports") {
			return true
		}
		if !d.toks[j].in(determiners) {
			return false
		}
	}
	return false
}

// latestAccuser returns the author of the latest accusation or claim in
// the sentences up to sent (two back at most), when it is not on the
// denier's side.
func (d *doc) latestAccuser(sent int, deniers []*docEntity) *docEntity {
	for _, fs := range [][]*frame{d.sentFrames, d.frames} {
		for k := len(fs) - 1; k >= 0; k-- {
			f := fs[k].root()
			if f.sent < sent-2 {
				break
			}
			if f.inferred {
				continue // an accusation read into a report, not one made in words
			}
			if c := f.class(); (c == "ACCUSE" || c == "STATEMENT") && len(f.sources) > 0 {
				a := f.sources[0]
				if c := d.ents.countryByCode(a.country); c != nil && a.kind != graph.Person {
					a = c // "Azerbaijan's defence ministry accused": Azerbaijan
				}
				if !d.sameSide(deniers, a) {
					return a
				}
				return nil
			}
		}
	}
	return nil
}

// consultNounAfter reports a talks noun ("the talks", "the negotiations")
// within the few words after k.
func (d *doc) consultNounAfter(k, hi int) bool {
	for j := k; j < hi && j < k+4; j++ {
		if n, ok := nounLex[d.toks[j].lower]; ok {
			return graph.Vocabulary[n.sense.rel] == "CONSULT"
		}
		if d.toks[j].kind == tPunct || d.mAt[j] >= 0 {
			return false
		}
	}
	return false
}

// measureNouns are policies that "target" or "hit" something without
// attacking it: "the sanctions target two banks", "tariffs hit exports".
var measureNouns = set("sanctions", "measures", "package", "restrictions", "tariffs", "tariff", "law", "laws",
	"bill", "rules", "resolution", "ban", "embargo", "duties", "levies", "curbs", "penalties", "controls", "listings")

// groupHeads describe an armed group after its name: "the M23 rebel
// group", "Hamas militants", "Houthi fighters".
var groupHeads = set("rebel", "rebels", "group", "militia", "militias", "militant", "militants", "movement",
	"paramilitary", "paramilitaries", "insurgent", "insurgents", "separatist", "separatists", "jihadist",
	"jihadists", "mercenary", "mercenaries", "faction", "fighters", "gunmen", "armed", "government",
	"administration", "authorities", "regime", "leadership", "governments", "ministers", "officials",
	"diplomats", "members", "lawmakers", "negotiators")

// claimOf makes the claim frame c about the event ev. Claiming an attack
// or responsibility for it (responsible) names the claimant as its author
// when the text names no other.
func (d *doc) claimOf(c, ev *frame, responsible bool) {
	c.about, c.rel = ev, "CLAIMED"
	if len(c.sources) > 0 {
		c.claimant = c.sources[0]
		setStatus(c, graph.StatusClaimed)
	}
	r := ev.root()
	if !responsible || len(c.sources) == 0 || r.class() != "ASSAULT" && r.class() != "MOBILIZE" {
		return
	}
	// Claiming responsibility names an author the report may have left
	// vague: "militants linked to al-Qaeda ambushed ... JNIM claimed
	// responsibility for the attack".
	r.sources = addEnt(r.sources, c.sources...)
	if slices.Contains(r.sources, c.sources[0]) {
		if r.claimant == nil {
			r.claimant = c.sources[0]
		}
		setStatus(r, graph.StatusClaimed)
	}
}

// warningTo builds the warning or demand (sense sn) of the verb at i
// addressed to the actor opening the clause at k, unless that actor is on
// the speaker's side.
func (d *doc) warningTo(i, k, lo, hi int, sn *sense) *frame {
	subj, _ := d.subjectOf(i, lo, hi)
	m := d.mentions[d.mAt[k]]
	if len(subj) == 0 || !m.hasActor() || m.poss {
		return nil // a pronoun is fine: "demanded that she retract them"
	}
	f := &frame{sense: sn, rel: sn.rel, label: sn.label, trigger: i, sent: d.toks[i].sent, conf: 0.8}
	for _, s := range subj {
		f.sources = addEnt(f.sources, s.entities()...)
		f.conf = min(f.conf, s.conf)
	}
	for _, e := range m.entities() {
		if e.isActor() && !d.sameSide(f.sources, e) {
			f.targets = addEnt(f.targets, e) // not "warned that Israel would not allow ..." by its minister
		}
	}
	if len(f.targets) == 0 {
		return nil
	}
	d.verbModality(f, i, lo, subj)
	return f
}

// responsibilityClaim builds the claim for "claimed responsibility for"
// at i: the claimant's statement about the event named after "for", whose
// author the claimant becomes.
func (d *doc) responsibilityClaim(i, lo, hi int) *frame {
	subj, _ := d.subjectOf(i, lo, hi)
	ev := d.eventNounAt(i+3, hi)
	if len(subj) == 0 || ev == nil {
		return nil
	}
	c := &frame{sense: senseClaim, placeRel: "CLAIMED", label: "claim of responsibility", trigger: i,
		sent: d.toks[i].sent, conf: 0.8}
	for _, m := range subj {
		c.sources = addEnt(c.sources, m.entities()...)
		c.conf = min(c.conf, m.conf)
	}
	d.claimOf(c, ev, true)
	return c
}

// clauseFollows reports whether a clause starts at k: a mention followed by
// a verb ("claimed Ukraine attacked").
func (d *doc) clauseFollows(k, hi int) bool {
	if k >= hi || d.mAt[k] < 0 {
		return false
	}
	m := d.mentions[d.mAt[k]]
	j := m.last + 1
	if j >= hi {
		return false
	}
	if m.first > 0 && (d.toks[m.first-1].kind == tNum || d.toks[m.first-1].in(determiners)) && d.toks[j].is("targets", "positions", "bases") {
		return false // "hit two Hezbollah targets": a noun phrase, not a clause
	}
	return d.verbFollows(j) || d.toks[j].in(reportVerbs)
}

// passiveBefore reports whether a be-form precedes the participle at i.
func (d *doc) passiveBefore(i, lo int) bool {
	for j := i - 1; j >= lo && j >= i-4; j-- {
		t := &d.toks[j]
		if t.in(beForms) && t.kind != tPoss {
			return true
		}
		if !t.in(adverbs) && !t.in(negators) && !t.in(hedges) {
			return false
		}
	}
	return false
}

// refusalCues before a denied consultation or cooperation make it a
// refusal: "refused to meet", "would not sit down with", "won't negotiate".
var refusalCues = wordList("refused", "refuses", "refuse", "declined", "declines", "will", "would", "wo", "won't", "shall")

// refusal returns the rejection a refused consultation, agreement or
// cooperation states ("Chile refused to meet Peru": Chile REJECTED Peru),
// kept beside the denied act itself; nil when f is no refusal.
func (d *doc) refusal(f *frame, lo int) *frame {
	switch f.class() {
	case "CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "CONCEDE":
		// refusing to meet, recognise, help or yield to X rejects X
	default:
		return nil
	}
	if f.status != graph.StatusDenied || len(f.sources) == 0 || len(f.targets) == 0 || f.noun {
		return nil
	}
	refused := false
	for k := f.trigger - 1; k >= lo && k >= f.trigger-4; k-- {
		refused = refused || refusalCues[d.toks[k].lower]
	}
	if !refused {
		return nil
	}
	return &frame{sense: senseReject, rel: "REJECTED", label: "refusal", sources: slices.Clone(f.sources),
		targets: slices.Clone(f.targets), trigger: f.trigger, sent: f.sent, date: f.date, dateText: f.dateText,
		status: graph.StatusOccurred, conf: f.conf - 0.1}
}
