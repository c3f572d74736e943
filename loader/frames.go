package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// frame is one stated fact about an event before it becomes relations and
// an event node: who did what to whom, where, when, how sure.
type frame struct {
	sense      *sense
	rel        graph.RelType // relation toward actor targets
	placeRel   graph.RelType // relation toward places
	extra      []graph.RelType
	label      string
	mode       string
	sources    []*docEntity
	targets    []*docEntity
	places     []*docEntity
	date       string
	dateText   string
	status     string
	claimant   *docEntity
	conf       float64
	killed     *int
	injured    *int
	trigger    int
	sent       int
	sents      []int
	noun       bool
	future     bool
	hypo       bool
	merged     *frame // set when this frame was folded into another
	participle bool   // a trailing participle: ", accusing Kyiv of ..."
	// ordered marks an event its source ordered ("Biden ordered the
	// strikes"): a report of an order, which is no accusation by itself.
	ordered   bool
	mediators []*docEntity
	host      *frame // the consultation a mediation or hosting is of
	// about is the event an accusation, rejection or praise is about; its
	// sources become the targets when the text names none.
	about *frame
	// inferred marks an accusation the loader reads into a reported attack
	// rather than one stated in words: no antecedent for "the accusation".
	inferred bool
	// custody is the state whose authorities hold the target of an arrest
	// told without an agent ("Imamoglu was taken into custody in
	// Istanbul"); build names them.
	custody string
}

func (f *frame) root() *frame {
	for f.merged != nil {
		f = f.merged
	}
	return f
}

func (f *frame) class() graph.Class {
	if f.rel != "" {
		return graph.Vocabulary[f.rel]
	}
	return graph.Vocabulary[f.placeRel]
}

// parties yields the frame's sources and then its targets, each once,
// without building a list.
func (f *frame) parties(yield func(*docEntity) bool) {
	for _, e := range f.sources {
		if !yield(e) {
			return
		}
	}
	for _, e := range f.targets {
		if !slices.Contains(f.sources, e) && !yield(e) {
			return
		}
	}
}

func (f *frame) hasParties() bool { return len(f.sources)+len(f.targets) > 0 }

func addEnt(es []*docEntity, more ...*docEntity) []*docEntity {
	for _, e := range more {
		if e != nil && !slices.Contains(es, e) {
			es = append(es, e)
		}
	}
	return es
}

// statusRank orders statuses when two statements of one event disagree: the
// more specific one wins.
var statusRank = map[string]int{graph.StatusOccurred: 0, graph.StatusReported: 1, graph.StatusClaimed: 2,
	graph.StatusPlanned: 3, graph.StatusFailed: 4, graph.StatusDenied: 5}

// findFrames finds the event statements in sentence si.
func (d *doc) findFrames(si, lo, hi int) {
	d.curDates = findDates(d.body, d.toks, lo, hi)
	for i := lo; i < hi; i++ {
		if d.used[i] || d.mAt[i] >= 0 || d.toks[i].kind != tWord ||
			!d.toks[i].in(lexWords) && !d.toks[i].is("operation") && !d.toks[i].in(decreeVerbs) && !(d.toks[i].in(takeForms) && d.takeSense(i, hi) != nil) &&
				!(d.toks[i].in(seekForms) && d.fromActor(i, hi)) {
			continue
		}
		if _, month := monthNames[d.toks[i].lower]; month && d.toks[i].cap && i+1 < hi && d.toks[i+1].kind == tNum {
			continue // "March 13": a date, not a march
		}
		if f := d.trigger(i, lo, hi); f != nil {
			d.sentFrames = append(d.sentFrames, f)
		}
	}
	d.sentFrames = append(d.sentFrames, d.threatIdiomFrames(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.forceThreatFrames(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.landings(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.winnerFrames(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.backedGroups(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.allianceFrames(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.tieFrames(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.concessionFrames(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.labelledEvents(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.jointFrames(d.sentFrames)...)
	fs := d.sentFrames
	if len(fs) == 0 {
		d.casualties(nil, lo, hi)
		return
	}
	for _, f := range fs {
		if (f.class() == "ASSAULT" || f.rel == "DEPLOYED_TO") && f.merged == nil && !slices.ContainsFunc(f.places, func(e *docEntity) bool { return e.kind != graph.Country }) {
			// "Israeli air strikes killed 14 people in Khan Younis"; "fired
			// missiles at Ukraine, killing 23 people in Kyiv"
			f.places = addEnt(f.places, d.clausePlaces(f.trigger, hi)...)
		}
	}
	fs = d.attribute(fs, lo, hi)
	fs = slices.DeleteFunc(fs, func(f *frame) bool {
		speakerIsSource(f)
		return f.sense == senseThreatIdiom && len(f.sources) == 0 // no speaker, no threat
	})
	fs = d.keepForceThreats(fs)
	fs = d.reportedAccusations(fs)
	fs = d.backedAccusations(fs)
	fs = d.hopeHolders(fs, lo, hi)
	fs = d.abilityThreats(fs, lo, hi)
	d.sentFrames = fs
	d.assignDates(fs, lo, hi)
	for _, f := range fs {
		// An anaphor's date ("Friday's talks") dates its antecedent.
		if r := f.root(); r != f && r.date == "" && f.date != "" {
			r.date, r.dateText = f.date, f.dateText
		}
	}
	for _, f := range fs {
		// Hosting or mediating talks happens when the talks do.
		if h := f.host; h != nil && f.date == "" {
			f.date, f.dateText = h.root().date, h.root().dateText
		}
	}
	fs = d.mergeSentence(fs)
	d.casualties(fs, lo, hi)
	for _, f := range fs {
		if f.sense == senseClash && slices.ContainsFunc(slices.Collect(f.parties), func(e *docEntity) bool {
			return e.kind != graph.Military && e.kind != graph.Group && !strings.HasSuffix(e.id, "-police")
		}) {
			f.hypo = true // "the leaders clashed over tariffs": words, not fighting
		}
		if f.merged == nil && f.class() == "REQUEST" && len(f.targets) == 0 && len(f.sources) > 0 && d.truceWordAfter(f.trigger, hi) {
			// "Ukraine's call for a ceasefire" is addressed to whoever it
			// is fighting, when the article has told of one such side.
			if a := d.adversary(f.sources, f.sent); a != nil {
				f.targets = append(f.targets, a)
				f.conf -= 0.2
			}
		}
		if f.merged == nil && f.class() == "PROTEST" && len(f.sources) == 0 && d.crowdBefore(f.trigger, lo) {
			// "Thousands rallied in Belgrade": a crowd the text does not
			// name is protesters all the same.
			f.sources = append(f.sources, d.ents.get("group:protesters", "protesters", graph.Group))
		}
		if f.merged == nil && f.class() == "PROTEST" && len(f.targets) == 0 && f.about == nil && len(f.sources) > 0 {
			if e := d.ousterDemanded(f.trigger, hi); e != nil {
				// "began a strike to demand the resignation of X": against X
				f.targets = append(f.targets, e)
			}
		}
		if f.merged == nil && f.class() == "PROTEST" && len(f.targets) == 0 && f.about == nil && len(f.sources) > 0 {
			// A street protest that names no target is against the
			// government where it happens: "students demonstrated in
			// Istanbul", "PTI workers hold protests across the country".
			if g := d.protestedGovernment(f); g != nil {
				f.targets = append(f.targets, g)
				f.conf = min(f.conf, 0.6)
			}
		}
		if f.rel == "VISITED" && armedOnly(f.sources) && f.label != "delegation visit" {
			// Troops or police arriving somewhere are deployed there.
			f.rel, f.placeRel, f.mode = "DEPLOYED_TO", "DEPLOYED_TO", ""
		}
		if r := d.refusal(f, lo); r != nil && f.merged == nil && !d.pointless(f) {
			d.frames = append(d.frames, r)
		}
		if f.merged == nil && !f.hypo && !d.pointless(f) {
			d.frames = append(d.frames, f)
		}
	}
}

// ousterNouns name an actor's going, which protesters demand.
var ousterNouns = wordList("resignation", "ouster", "removal", "dismissal", "impeachment", "resignations")

// ousterDemanded finds, after the trigger at i, a demand for an actor's
// going: "to demand the resignation of X", "demanding X's ouster",
// "calling for X to resign" is left to the verb. nil when there is none.
func (d *doc) ousterDemanded(i, hi int) *docEntity {
	demand := false
	for k := i + 1; k < hi && k <= i+14; k++ {
		t := &d.toks[k]
		switch {
		case t.is(";") || t.kind == tPunct && t.text == ".":
			return nil
		case t.is("demand", "demanding", "demanded", "seeking", "urging") || t.is("call", "calling", "press", "pressing", "push", "pushing") && k+1 < hi && d.toks[k+1].is("for"):
			demand = true
		case demand && ousterNouns[t.lower]:
			if k+2 < hi && d.toks[k+1].is("of") {
				j := k + 2
				if d.mAt[j] < 0 && d.toks[j].is("the") && j+1 < hi {
					j++
				}
				if d.mAt[j] < 0 && isTitleWord(&d.toks[j]) {
					if p := d.titledAppositive(j, hi); p != nil && p.ent != nil {
						return p.ent // "the resignation of the attorney general, Consuelo Porras"
					}
				}
				if m := d.npMention(k+2, hi); m != nil && m.ent != nil && m.ent.isActor() {
					return m.ent
				}
			}
			if mi := d.mAt[k-1]; mi >= 0 && d.mentions[mi].poss && d.mentions[mi].ent != nil && d.mentions[mi].ent.isActor() {
				return d.mentions[mi].ent // "demanding Petrov's resignation"
			}
			return nil
		}
	}
	return nil
}

// seekForms ask something of whoever "from" names.
var seekForms = set("seek", "seeks", "seeking", "sought")

// fromActor reports "from" and an actor within the few words after i, in
// its clause: "sought support from the Supreme Court".
func (d *doc) fromActor(i, hi int) bool {
	for k := i + 1; k+1 < hi && k <= i+5; k++ {
		if d.toks[k].kind == tPunct || d.mAt[k] >= 0 {
			return false
		}
		if d.toks[k].is("from") {
			if k+2 < hi && d.toks[k+1].is("the") {
				k++
			}
			return d.mAt[k+1] >= 0 && d.mentions[d.mAt[k+1]].hasActor()
		}
	}
	return false
}

// takeSense returns what "take" at i means with the phrase after it:
// "into custody" a detention, "control of" a capture; nil otherwise.
func (d *doc) takeSense(i, hi int) *sense {
	for k := i + 1; k+1 < hi && k <= i+6; k++ {
		switch {
		case d.toks[k].is("into") && d.toks[k+1].is("custody"):
			return senseDetain
		case d.toks[k].is("control") && d.toks[k+1].is("of") && k <= i+2:
			return senseCapture
		case k == i+1 && d.toks[k].is("to") && k+2 < hi && d.toks[k+1].is("the") && d.toks[k+2].is("streets", "street"):
			return senseDemo // "took to the streets of Dhaka"
		case d.toks[k].kind == tPunct:
			return nil
		}
	}
	return nil
}

// crowdWords name a crowd without naming who is in it.
var crowdWords = wordList("thousands", "hundreds", "tens", "dozens", "scores", "crowds", "crowd", "people")

// crowdBefore reports a crowd as the subject of the trigger at i:
// "thousands of people marched", "hundreds rallied", "a crowd gathered".
func (d *doc) crowdBefore(i, lo int) bool {
	if i-1 > lo && d.toks[i-1].is("to") {
		// "Thousands of Serbians marched in Belgrade to protest": the
		// clause's subject protests
		k := lo
		if d.toks[k].is("a", "tens") && k+1 < i {
			k++
		}
		return crowdWords[d.toks[k].lower]
	}
	for k := i - 1; k >= lo && k >= i-8; k-- {
		t := &d.toks[k]
		switch {
		case d.mAt[k] >= 0 && !(d.mentions[d.mAt[k]].kind == mDemonym && k > lo && d.toks[k-1].is("of")):
			return false // a named subject is read as such; "thousands of Serbians" are a crowd
		case crowdWords[t.lower]:
			return true
		case t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) || t.in(prepositions) && !t.is("of"):
			return false
		}
	}
	return false
}

// formOf tells the inflection of a verb the lexicon may not know by its
// spelling: "opened", "retook", "taken", "gains", "assuming".
func formOf(t *token) verbForm {
	switch {
	case t.is("taken", "retaken"):
		return formPart
	case t.is("took", "retook") || strings.HasSuffix(t.lower, "ed"):
		return formPast
	case strings.HasSuffix(t.lower, "ing"):
		return formIng
	case strings.HasSuffix(t.lower, "s"):
		return formS
	}
	return formBase
}

// takeForms take "control of" a place (takeSense), and "take" also "into
// custody".
var takeForms = set("take", "takes", "taking", "took", "taken", "regain", "regains", "regained", "regaining",
	"gain", "gains", "gained", "gaining", "assume", "assumes", "assumed", "retake", "retakes", "retook", "retaken")

// protestedGovernment returns the government of the state a protest
// happens in (its place's, else the report's lead state), or nil when a
// protester is a state actor or the state is unknown.
func (d *doc) protestedGovernment(f *frame) *docEntity {
	for _, e := range f.sources {
		if e.kind == graph.Country || e.kind == graph.GovernmentBody || e.kind == graph.Military {
			return nil // a state's protest is diplomatic, not a march
		}
	}
	code := ""
	for _, p := range f.places {
		if p.country != "" {
			code = p.country
			break
		}
	}
	var c *gazetteer.Country
	if code != "" {
		c, _ = d.gaz.CountryByCode(code)
	} else {
		c = d.leadState()
	}
	if c == nil {
		return nil
	}
	return d.government(c)
}

// armedOnly reports whether every actor is a military or a police force.
func armedOnly(es []*docEntity) bool {
	for _, e := range es {
		if e.kind != graph.Military && !strings.HasSuffix(e.id, "-police") && e.id != "group:police" {
			return false
		}
	}
	return len(es) > 0
}

// clausePlaces returns the places introduced by "in", "at" or "near" in
// the clause after token i.
func (d *doc) clausePlaces(i, hi int) []*docEntity {
	var countries []*docEntity
	limit := i + 14
	for k := i + 1; k+1 < hi && k < limit; k++ {
		t := &d.toks[k]
		if t.is(",") && d.toks[k+1].is("killing", "wounding", "injuring") {
			limit = k + 12 // "..., killing 23 people in Kyiv": where they died
			continue
		}
		if t.kind == tPunct && t.text != "-" || t.in(clauseWords) || t.is("and") && d.verbFollows(k+1) {
			return countries // (", and said Thai jets had bombed ...": another clause's places)
		}
		if !t.is("in", "at", "near") {
			continue
		}
		m := d.npMention(k+1, hi)
		if m == nil || m.ent == nil || !m.ent.isPlace() {
			continue
		}
		var out []*docEntity
		for _, x := range d.coordRight(m, hi, false) {
			if x.ent != nil && x.ent.isPlace() {
				out = append(out, x.ent)
			}
		}
		if slices.ContainsFunc(out, func(e *docEntity) bool { return e.kind != graph.Country }) {
			return out
		}
		countries = addEnt(countries, out...) // "at Ukraine": look on for the city
	}
	return countries
}

// pointless reports a frame that states nothing the graph can hold: a
// call, demand or accusation with no one on the other end.
func (d *doc) pointless(f *frame) bool {
	if f.sense == senseWar && len(f.sources) == 0 {
		return true // "an end to the war in Ukraine": a war already told, no new fact
	}
	if len(f.targets) > 0 || f.about != nil || len(f.mediators) > 0 {
		return false
	}
	if f.sense.symmetric && len(f.sources) > 1 {
		return false
	}
	switch f.class() {
	case "STATEMENT", "ASSAULT", "MOBILIZE", "RETREAT":
		// An attack or a deployment is news even when only its place is known.
		return len(f.sources) == 0 && len(f.places) == 0 && f.killed == nil && f.injured == nil
	}
	return len(f.sources) == 0 || len(f.places) == 0
}

// sovereigntyWords name what a state has and others may back.
var sovereigntyWords = set("sovereignty", "integrity", "independence", "self-defence", "self-defense", "security", "defence", "defense")

// sovereigntyOf returns the states whose sovereignty, territorial
// integrity, independence or security the phrase starting at k is about,
// within a few words and one clause: "efforts to secure Ukraine's
// sovereignty", "the territorial integrity of Georgia".
func (d *doc) sovereigntyOf(k, hi int) []*docEntity {
	for j := k; j < hi && j < k+8; j++ {
		t := &d.toks[j]
		if t.kind == tPunct && !t.isHyphen() && t.kind != tPoss || t.in(clauseWords) && !t.is("that") {
			return nil
		}
		mi := d.mAt[j]
		if mi < 0 {
			if t.in(sovereigntyWords) && j+2 < hi && d.toks[j+1].is("of") && d.mAt[j+2] >= 0 {
				if m := d.mentions[d.mAt[j+2]]; m.ent != nil && m.ent.kind == graph.Country {
					return []*docEntity{m.ent}
				}
			}
			continue
		}
		m := d.mentions[mi]
		n := m.last + 1
		if n < hi && d.toks[n].kind == tPoss {
			n++
		}
		if n < hi && d.toks[n].is("territorial", "national", "political") {
			n++
		}
		if m.poss && m.ent != nil && m.ent.kind == graph.Country && n < hi && d.toks[n].in(sovereigntyWords) {
			return []*docEntity{m.ent}
		}
		j = m.last
	}
	return nil
}

// hopeHolders adds, for each backing of a state hoped for by someone else
// ("European leaders expressed hope that Washington would back Kyiv"), the
// hoper's own support of that state: hoping a state is backed is backing
// it, in words.
func (d *doc) hopeHolders(fs []*frame, lo, hi int) []*frame {
	n := len(fs)
	for _, f := range fs[:n] {
		if f.rel != "SUPPORTS" || len(f.targets) == 0 || f.merged != nil {
			continue
		}
		k := f.trigger - 1
		for k >= lo && !d.toks[k].is("hope", "hopes", "hoped", "hoping") {
			k--
		}
		if k < lo {
			continue
		}
		v := k
		if k > lo && d.toks[k-1].is("expressed", "expresses", "voiced", "voices", "expressing", "voicing") {
			v = k - 1 // "expressed hope that"
		}
		subj, _ := d.subjectOf(v, lo, hi)
		var who []*docEntity
		for _, m := range subj {
			for _, e := range m.entities() {
				if e.isActor() && !slices.Contains(f.sources, e) && !slices.Contains(f.targets, e) {
					who = append(who, e)
				}
			}
		}
		if len(who) == 0 {
			continue
		}
		fs = append(fs, &frame{sense: senseSupport, rel: "SUPPORTS", label: senseSupport.label, sources: who,
			targets: append([]*docEntity(nil), f.targets...), trigger: k, sent: f.sent, conf: 0.6})
	}
	return fs
}

// adversary returns the one state the article shows fighting one of
// sides, up to sentence sent: the author of an attack on them or on a
// place of theirs, or the target of theirs. With none or several it
// returns nil.
func (d *doc) adversary(sides []*docEntity, sent int) *docEntity {
	var found *docEntity
	note := func(e *docEntity) bool {
		if !e.isActor() || d.sameSide(sides, e) {
			return true
		}
		if c := d.ents.countryByCode(e.country); c != nil {
			e = c // "Russian forces" fight for Russia
		}
		if found != nil && found != e {
			return false
		}
		found = e
		return true
	}
	ours := func(es []*docEntity) bool {
		for _, e := range es {
			if d.sameSide(sides, e) {
				return true
			}
		}
		return false
	}
	for _, f := range append(d.frames, d.sentFrames...) {
		f = f.root()
		if f.sent > sent || f.hypo || f.class() != "ASSAULT" || f.status == graph.StatusDenied {
			continue
		}
		var others []*docEntity
		switch {
		case ours(f.targets) || ours(f.places):
			others = f.sources
		case ours(f.sources):
			others = f.targets
		}
		for _, e := range others {
			if !note(e) {
				return nil
			}
		}
	}
	return found
}

// truceWordAfter reports a ceasefire or truce in the few words after i.
func (d *doc) truceWordAfter(i, hi int) bool {
	for k := i + 1; k < hi && k < i+8; k++ {
		if d.toks[k].is("ceasefire", "cease-fire", "truce", "armistice") {
			return true
		}
		if d.toks[k].kind == tPunct && !d.toks[k].isHyphen() {
			return false
		}
	}
	return false
}

// reportedAccusations adds, for each attack a speaker says someone else
// carried out ("the minister claimed that Ruritanian drones hit ..."), the
// speaker's accusation of the attacker.
func (d *doc) reportedAccusations(fs []*frame) []*frame {
	for _, f := range fs {
		// (fighting between two sides, told by a third, blames neither)
		if f.claimant == nil || f.class() != "ASSAULT" || f.hypo || f.ordered || len(f.sources) == 0 || slices.Contains(f.sources, f.claimant) ||
			f.root().sense == senseClash ||
			d.sameSide([]*docEntity{f.claimant}, f.sources[0]) {
			continue
		}
		if f.claimant.country != "" && f.sources[0].country == f.claimant.country {
			continue
		}
		if slices.ContainsFunc(fs, func(a *frame) bool {
			return a.rel == "ACCUSED" && a.about != nil && a.about.root() == f.root() && slices.Contains(a.sources, f.claimant)
		}) {
			continue // one accusation per speaker and attack, however often it is told
		}
		if slices.ContainsFunc(fs, func(a *frame) bool { return a.class() == "SUPPORT" && a.about != nil && a.about.root() == f.root() }) {
			continue // "said North Korea supports Russia's war": backed, not blamed
		}
		a := &frame{sense: senseAccuse, rel: "ACCUSED", label: "accusation", sources: []*docEntity{f.claimant}, inferred: true,
			about: f, trigger: f.trigger, sent: f.sent, conf: 0.6}
		fs = append(fs, a)
	}
	d.sentFrames = fs
	return fs
}

// trigger builds the frame for a trigger word at i, deciding whether it is
// used as a verb or a noun.
func (d *doc) trigger(i, lo, hi int) *frame {
	t := &d.toks[i]
	v, isV := verbLex[t.lower]
	n, isN := nounLex[t.lower]
	if !isV && !isN {
		pv, f, ok := d.patternVerb(i, lo, hi)
		if f != nil {
			return f
		}
		v, isV = pv, ok
	}
	if t.is("operation") && t.cap && i+1 < hi && d.toks[i+1].cap && d.toks[i+1].kind == tWord {
		// A named operation is an attack only when the sentence speaks of
		// attacking: "launched Operation Ember, striking three bases".
		if d.assaultWordNear(i, lo, hi) {
			d.nounFrame(i, nounEntry{sense: senseAttack}, lo, hi)
		}
		return nil
	}
	if t.is("operation", "operations") && !isV && !isN {
		if d.militaryOperation(i, lo, hi) {
			d.nounFrame(i, nounEntry{sense: senseOperation, plural: t.is("operations")}, lo, hi)
		}
		return nil
	}
	if t.in(decreeVerbs) {
		if f := d.emergencyRule(i, lo, hi); f != nil {
			return f
		}
	}
	if t.is("fire") && i > lo && d.toks[i-1].is("open", "opens", "opened", "opening") {
		// "gunmen opened fire on a bus": firing, told in the tense of "open"
		return d.verbFrame(i, verbEntry{lemma: "fire", form: formOf(&d.toks[i-1]), sense: senseFire}, lo, hi)
	}
	if t.in(seekForms) && d.fromActor(i, hi) {
		// "is seeking backing from the Constitutional Court": a request of it
		v = verbEntry{lemma: "seek", form: formPast, sense: senseDemand}
		if strings.HasSuffix(t.lower, "ing") {
			v.form = formIng
		}
		return d.verbFrame(i, v, lo, hi) // what is sought ("support") is no event of its own
	}
	if sn := d.takeSense(i, hi); t.in(takeForms) && sn != nil && (t.is("take", "takes", "taking", "took", "taken") || sn == senseCapture) {
		// "took Imamoglu into custody", "was taken into custody", "took
		// control of Goma", "regained control of Khartoum"
		v = verbEntry{lemma: "take", form: formOf(t), sense: sn}
		if sn == senseDetain {
			v.mode = "arrest"
		}
		isV, isN = true, false
	}
	if isV && isN {
		if d.nounContext(i, lo) {
			isV = false
		} else {
			isN = false
		}
	}
	if f := d.backedBy(i, hi); f != nil {
		return f
	}
	if d.brokeredBy(i) {
		// "Egypt-brokered talks between X and Y": Egypt mediated them, as
		// in "Egypt brokered talks between X and Y"
		f := d.verbFrame(i, verbEntry{lemma: "mediate", form: formPast, sense: senseMediate}, lo, hi)
		if f != nil && len(f.sources) == 0 {
			f.sources = addEnt(f.sources, d.mentions[d.mAt[i-2]].entities()...)
		}
		return f
	}
	switch {
	case isV:
		if f, ok := d.electionVerb(i, v.lemma, lo, hi); ok {
			return f
		}
		if !handVerb[v.lemma] {
			if v.form == formIng && !(i > lo && d.toks[i-1].is("is", "are", "was", "were", "been", "be")) {
				return nil // "Fighting between X and Y", "a growing crisis": the dictionary codes verbs, not gerunds
			}
			if (v.form == formPast || v.form == formPart) && i > lo && (d.toks[i-1].in(determiners) || d.toks[i-1].in(prepositions)) {
				return nil // "after failed talks", "the detained men": an adjective
			}
			if v.form == formBase && i > lo && d.toks[i-1].in(determiners) && i+1 < hi && (d.isNounModifiee(i+1) || d.toks[i+1].is("operation", "operations")) {
				return nil // "a search operation": a noun modifying a noun ("its fight against X" stays)
			}
			if d.eventNounWithin(i+1, hi, 4) && !(v.sense == senseKill && d.killedSubject(i, lo, hi)) {
				// "suspended peace talks", "handed Israel a proposal": the
				// event noun and its light verb tell the event.
				return nil
			}
			if sn, mode, ok := d.cameoSenseAt(v.lemma, i, hi); ok {
				v.sense, v.mode = sn, mode // a verb + object pattern is more specific than the verb alone
			}
		}
		if v.sense == senseKill && !d.killedActor(i, hi) && !d.killedSubject(i, lo, hi) {
			if !d.armedKilling(i, lo, hi) {
				return nil
			}
			v.sense = senseArmedKilling
		}
		if v.sense == senseNone {
			return nil
		}
		if v.form == formIng && d.nounContext(i, lo) && !d.toks[i-1].is("of", "for", "by", "after", "before", "without") {
			return nil // "civilian targeting": a noun, not a verb
		}
		return d.verbFrame(i, v, lo, hi)
	case isN:
		d.nounFrame(i, n, lo, hi) // adds itself to the sentence's frames
	}
	return nil
}

// nounContext reports whether the word at i is used as a noun: after a
// determiner, a possessive, a modifier or a preposition.
func (d *doc) nounContext(i, lo int) bool {
	if i == lo {
		_, isV := verbLex[d.toks[i].lower]
		return !isV || verbLex[d.toks[i].lower].form != formIng || i+1 < len(d.toks) && d.toks[i+1].is("between") // "Fighting between X and Y"
	}
	p := &d.toks[i-1]
	if mi := d.mAt[i-1]; mi >= 0 {
		m := d.mentions[mi]
		if m.poss || m.kind == mDemonym || (m.ent != nil && m.ent.isPlace() && m.ent.kind != graph.Country) {
			return true
		}
		// "a Lula-Milei meeting", "a Lula meeting is still likely", "in
		// the Jordan attack"
		return m.first > 0 && (d.toks[m.first-1].isHyphen() || d.toks[m.first-1].in(determiners)) || d.verbFollows(i+1)
	}
	switch {
	case p.kind == tPoss, p.kind == tNum:
		return true
	case p.kind == tPunct:
		return p.isHyphen() || p.text == "“" || p.text == "\""
	case p.in(determiners), modeWords[p.lower] != "", p.in(labelModifiers), p.in(degreeModifiers), p.in(lightVerbs), p.is("no"):
		return true // ("shown no signs": a noun)
	case p.is("to"):
		// "to attack" is an infinitive, "open to talks" a noun.
		v, ok := verbLex[d.toks[i].lower]
		return ok && v.form != formBase
	case p.in(prepositions) || p.is("and", "or"):
		return d.participleBefore(i, lo) < 0
	}
	if _, ok := nounLex[p.lower]; ok {
		return true // "swap agreement"
	}
	if p.in(auxiliaries) || p.in(adverbs) || p.in(pronounWords) || p.is("who", "which", "that", "it") {
		return false
	}
	// An adjective-like word before ("deadly", "tougher"), or a finite verb
	// whose object the word is ("followed talks", "said talks would resume");
	// a gerund there stays a verb ("denied targeting civilians").
	if p.isVerbForm() || p.in(commonVerbs) {
		return !strings.HasSuffix(d.toks[i].lower, "ing")
	}
	return !p.cap
}

// verbFollows reports whether token k is a finite verb or auxiliary, so
// the word before it ends a subject noun phrase.
func (d *doc) verbFollows(k int) bool {
	if k >= len(d.toks) || d.toks[k].sent != d.toks[k-1].sent {
		return false
	}
	t := &d.toks[k]
	return t.kind == tWord && (t.in(auxiliaries) && !t.is("to", "also", "not") || t.in(commonVerbs) || t.isVerbForm() && !strings.HasSuffix(t.lower, "ing") ||
		t.in(lightVerbs) && strings.HasSuffix(t.lower, "ed"))
}
