package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
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
	mediators  []*docEntity
	host       *frame // the consultation a mediation or hosting is of
	// about is the event an accusation, rejection or praise is about; its
	// sources become the targets when the text names none.
	about *frame
	// inferred marks an accusation the loader reads into a reported attack
	// rather than one stated in words: no antecedent for "the accusation".
	inferred bool
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
		if d.used[i] || d.mAt[i] >= 0 || d.toks[i].kind != tWord || !d.toks[i].in(lexWords) && !d.toks[i].is("operation") {
			continue
		}
		if f := d.trigger(i, lo, hi); f != nil {
			d.sentFrames = append(d.sentFrames, f)
		}
	}
	d.sentFrames = append(d.sentFrames, d.threatIdiomFrames(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.backedGroups(lo, hi)...)
	d.sentFrames = append(d.sentFrames, d.jointFrames(d.sentFrames)...)
	fs := d.sentFrames
	if len(fs) == 0 {
		d.casualties(nil, lo, hi)
		return
	}
	for _, f := range fs {
		if f.class() == "ASSAULT" && f.merged == nil && !slices.ContainsFunc(f.places, func(e *docEntity) bool { return e.kind != graph.Country }) {
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
	fs = d.reportedAccusations(fs)
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
			return e.kind != graph.Military && e.kind != graph.Group
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
		if f.rel == "VISITED" && armedOnly(f.sources) {
			// Troops or police arriving somewhere are deployed there.
			f.rel, f.placeRel, f.mode = "DEPLOYED_TO", "DEPLOYED_TO", ""
		}
		if f.merged == nil && !f.hypo && !d.pointless(f) {
			d.frames = append(d.frames, f)
		}
	}
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
		if t.kind == tPunct && t.text != "-" || t.in(clauseWords) {
			return countries
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
		if f.claimant == nil || f.class() != "ASSAULT" || f.hypo || len(f.sources) == 0 || slices.Contains(f.sources, f.claimant) {
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
			if d.eventNounWithin(i+1, hi, 4) {
				// "suspended peace talks", "handed Israel a proposal": the
				// event noun and its light verb tell the event.
				return nil
			}
			if sn, ok := d.cameoSenseAt(v.lemma, i, hi); ok {
				v.sense = sn // a verb + object pattern is more specific than the verb alone
			}
		}
		if v.sense == senseNone || v.sense == senseKill && !d.killedActor(i, hi) {
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
		return !isV || verbLex[d.toks[i].lower].form != formIng
	}
	p := &d.toks[i-1]
	if mi := d.mAt[i-1]; mi >= 0 {
		m := d.mentions[mi]
		if m.poss || m.kind == mDemonym || (m.ent != nil && m.ent.isPlace() && m.ent.kind != graph.Country) {
			return true
		}
		// "a Lula-Milei meeting", "a Lula meeting is still likely"
		return m.first > 0 && d.toks[m.first-1].isHyphen() || d.verbFollows(i+1)
	}
	switch {
	case p.kind == tPoss, p.kind == tNum:
		return true
	case p.kind == tPunct:
		return p.isHyphen() || p.text == "“" || p.text == "\""
	case p.in(determiners), modeWords[p.lower] != "", p.in(labelModifiers), p.in(degreeModifiers), p.in(lightVerbs):
		return true
	case p.is("to"):
		// "to attack" is an infinitive, "open to talks" a noun.
		v, ok := verbLex[d.toks[i].lower]
		return ok && v.form != formBase
	case p.in(prepositions) || p.is("and", "or"):
		return true
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

// verbFrame builds a frame for a verb trigger.
func (d *doc) verbFrame(i int, v verbEntry, lo, hi int) *frame {
	sn := v.sense
	next := func(k int) *token {
		if k < hi {
			return &d.toks[k]
		}
		return &token{}
	}
	if v.lemma == "elect" {
		return d.electFrame(i, lo, hi)
	}
	if v.lemma == "protest" && next(i+1).is("against", "outside", "in") {
		sn = senseDemo // "protested against the bill": a demonstration, not a diplomat's protest
	}
	switch v.lemma {
	case "call":
		switch {
		case next(i + 1).is("for"):
			sn = senseCallFor
		case next(i+1).is("on", "upon"):
			sn = senseUrge
		case next(i+1).is("off", "up", "in", "back", "it"):
			return nil
		case d.labelAfterObject(i, hi):
			sn = senseLabel // "calling Glas' detention an “authoritarian act”"
		}
	case "claim", "warn", "deny", "announce":
		if v.lemma == "claim" && next(i+1).is("responsibility", "credit") && next(i+2).is("for") {
			// "Hamas claimed responsibility for the rocket attack"
			return d.responsibilityClaim(i, lo, hi)
		}
		if v.lemma == "warn" && d.thatClauseActor(i, hi) {
			// "warned that Iran must dismantle ...": a warning to the
			// clause's subject.
			return d.warningTo(i, i+2, lo, hi, senseWarn)
		}
		if next(i+1).is("that", "to", "responsibility") || d.clauseFollows(i+1, hi) {
			return nil
		}
	case "back":
		if next(i+1).is("to", "from", "in", "down", "off", "away") {
			return nil
		}
	case "order":
		// "The court ordered Venezuela not to hold elections": a demand of
		// the actor ordered; ordering a thing done is no demand of anyone,
		// and ordering the army to advance is a command, not a demand
		// between actors.
		m := d.controlObject(i, hi)
		if m == nil || m.ent != nil && (m.ent.kind == graph.Military || m.ent.kind == graph.GovernmentBody) {
			return nil
		}
	case "ask":
		if d.controlObject(i, hi) == nil {
			return nil // "asked about Iran"; "asked Iran to allow inspectors back" is a request
		}
	case "send", "dispatch":
		return d.sentTroops(i, lo, hi) // "sent troops to fight in the Kursk region"
	case "demand", "urge":
		if d.thatClauseActor(i, hi) {
			return d.warningTo(i, i+2, lo, hi, sn) // "demanded that Russia admit ..."
		}
	case "target", "hit", "strike":
		k := i - 1
		for k > lo && (d.toks[k].in(adverbs) || d.toks[k].in(auxiliaries)) {
			k--
		}
		if k >= lo && d.toks[k].in(measureNouns) {
			return nil // "the sanctions also target a refinery": aimed at, not attacked
		}
	case "launch", "fire":
		// Launching or firing is an attack only with a weapon as object
		// ("launched two rockets", "fired water cannon at", "fired on");
		// "launched strikes" and "launched talks" belong to the noun, whose
		// light verb "launch" is.
		weapon, attack := d.weaponAfter(i, hi)
		if attack && v.lemma == "launch" || !weapon && !attack && !(v.lemma == "fire" && next(i+1).is("at", "on", "upon", "into")) {
			return nil
		}
	case "pull":
		if !next(i+1).is("out", "back") {
			return nil // "pulled out of the deal", "pulled back from the border"
		}
	case "vow", "threaten":
		// "vowed to retaliate": a vow is a threat only when what is vowed is
		// hostile; "threatened Seoul with countermeasures" needs no verb.
		if v.lemma == "vow" && !d.hostileInfinitive(i+1, hi) {
			return nil
		}
	case "agree":
		if next(i + 1).is("that") {
			return nil
		}
	case "lift", "ease":
		// Only sanctions make lifting a fact for the graph.
		ok := false
		for k := i + 1; k < hi && k < i+5; k++ {
			if d.toks[k].is("sanctions", "sanction", "embargo", "restrictions") {
				ok = true
			}
		}
		if !ok {
			return nil
		}
	case "exchange", "swap":
		// Only prisoners make an exchange a fact for the graph ("exchanged
		// fire" is fighting, "exchanged views" talk).
		ok := false
		for k := i + 1; k < hi && k < i+5; k++ {
			if d.toks[k].in(prisonerWords) {
				ok = true
			}
		}
		if !ok {
			return nil
		}
	}
	f := &frame{sense: sn, rel: sn.rel, placeRel: sn.place, label: sn.label, mode: sn.mode, trigger: i,
		sent: d.toks[i].sent, conf: 0.9}
	if sn == senseFire {
		// "launched a ballistic missile": a missile launch
		for k := i + 1; k < hi && k <= i+8 && f.mode == ""; k++ {
			f.mode = modeWords[d.toks[k].lower]
		}
		if v.lemma == "launch" {
			f.label = "launch"
			if f.mode != "" {
				f.label = f.mode + " launch"
			}
		}
	}
	passive := (v.form == formPast || v.form == formPart) && d.passiveBefore(i, lo)
	reduced := false
	if !passive && (v.form == formPast || v.form == formPart) && i+1 < hi && d.toks[i+1].is("by") && i-1 >= lo &&
		(d.toks[i-1].is(",") && i-2 >= lo && isNounTrigger(&d.toks[i-2]) || isNounTrigger(&d.toks[i-1]) || d.placedNounBefore(i, lo) >= 0) {
		// "the talks, hosted by Cuba": a passive participle after its event
		passive, reduced = true, true
	}
	subj, dist := d.subjectOf(i, lo, hi)
	if reduced {
		subj = nil
	}
	obj := d.objectAfter(i, hi, sn, passive)
	if k := d.placedNounBefore(i, lo); reduced && k >= 0 {
		obj.event = d.eventNounAt(k, hi) // "talks in Doha mediated by Qatar"
	}
	if passive {
		if len(subj) == 0 {
			// "The truce was mediated by Qatar": the event is the object.
			if ev := d.eventSubject(i, lo, hi); ev != nil {
				obj.event = ev
			}
		}
		for _, m := range subj {
			if sn == senseDeploy && m.hasActor() {
				// "troops were deployed to X": the troops deploy
				f.sources = addEnt(f.sources, m.entities()...)
				continue
			}
			f.targetsFrom(d, m)
		}
		for _, m := range obj.agents {
			f.sources = addEnt(f.sources, m.entities()...)
			f.conf = min(f.conf, m.conf)
		}
	} else {
		for _, m := range subj {
			f.sources = addEnt(f.sources, m.entities()...)
			f.conf = min(f.conf, m.conf)
		}
		for _, m := range obj.actors {
			f.targetsFrom(d, m)
			f.conf = min(f.conf, m.conf)
		}
	}
	for _, m := range obj.places {
		f.places = addEnt(f.places, m.entities()...)
	}
	if dist > 6 {
		f.conf -= 0.1
	}
	if v.lemma == "call" && sn == senseCall && len(obj.actors) > 0 && !obj.negative {
		// "called the president a friend", "called Seoul the aggressor": a
		// name for the object, never a phone call; only a negative one is
		// an accusation, and that one has a label.
		if k := obj.actors[len(obj.actors)-1].last + 1; k < hi && d.toks[k].is("a", "an", "the", "his", "her", "their", "our", "its", "one") {
			return nil
		}
	}
	if sn == senseLabel || v.lemma == "call" && sn == senseCall {
		// "called the raid a war crime": a label, not a phone call.
		if obj.event != nil || obj.label != nil || obj.negative {
			if !obj.negative {
				return nil
			}
			f.rel, f.label, f.mode = "ACCUSED", "accusation", ""
			named := f.targets // "called Seoul the aggressor": Seoul, unless the label names someone
			f.targets = nil
			for _, m := range obj.label {
				for _, e := range m.entities() {
					if e.isActor() && !slices.Contains(f.sources, e) {
						f.targets = addEnt(f.targets, e)
					}
				}
			}
			if len(f.targets) == 0 && obj.event != nil {
				d.eventObject(f, obj.event)
			}
			if len(f.targets) == 0 && f.about == nil {
				f.targets = named
			}
		} else if sn == senseLabel {
			return nil
		}
	} else if sn == senseAttend {
		// "Erdogan will not attend the summit": a party to the event's
		// consultation with the other side.
		ev := obj.event
		if ev == nil || ev.root().class() != "CONSULT" {
			return nil
		}
		r := ev.root()
		f.rel, f.label, f.places = r.rel, r.label, append(f.places, r.places...)
		f.targets = nil
		for p := range r.parties {
			if !d.sameSide(f.sources, p) {
				f.targets = addEnt(f.targets, p)
			}
		}
		if f.date == "" {
			f.date, f.dateText = r.date, r.dateText
		}
		if v.lemma != "attend" {
			setStatus(f, graph.StatusDenied) // "boycotted the summit"
		}
	} else if obj.event != nil {
		d.eventObject(f, obj.event)
	}
	if ev := obj.event; ev != nil && patientNoun(ev.root().sense) && f.about != nil {
		// "protested the arrest of Russian citizens": those held are not
		// what is protested; whoever held them is, when the text says.
		f.targets = slices.DeleteFunc(f.targets, func(e *docEntity) bool { return slices.Contains(ev.root().targets, e) })
	}
	if f.class() == "REJECT" && obj.negative && obj.as && !slices.Contains(f.extra, "CRITICIZED") {
		f.extra = append(f.extra, "CRITICIZED") // "dismissed the remarks as reckless": a rejection and a criticism
	}
	if (sn == senseArrive || sn == senseTravel) && len(f.sources) > 0 &&
		!slices.ContainsFunc(f.sources, func(e *docEntity) bool { return e.kind != graph.Military }) {
		f.rel, f.placeRel, f.label, f.mode = "DEPLOYED_TO", "DEPLOYED_TO", "deployment", "" // troops arriving
	}
	if sn == senseLeave {
		// "left the bloc", "quit the alliance": leaving a body, not a place
		f.targets = slices.DeleteFunc(f.targets, func(e *docEntity) bool { return e.kind != graph.Organization && e.kind != graph.Group })
		if len(f.targets) == 0 {
			return nil
		}
	}
	if (f.rel == "MEDIATED" || f.rel == "HOSTED") && len(f.targets) == 0 && obj.event == nil && d.consultNounAfter(i+1, hi) {
		// "X and Y signed a deal. Qatar mediated the talks": the talks
		// between the two sides just told.
		if ps := d.pairFrame(f.sent, f.sent-2); ps != nil {
			f.targets = addEnt(f.targets, ps...)
		}
	}
	if len(f.targets) == 0 && f.class() == "SUPPORT" {
		// "backed efforts to secure Moldova's sovereignty"
		f.targets = addEnt(f.targets, d.sovereigntyOf(i+1, hi)...)
	}
	if len(f.targets) == 0 && f.about == nil && f.class() == "REJECT" && d.claimNounAfter(i+1, hi) {
		// "Armenia denied the claim": the claim told just before, by its author
		if a := d.latestAccuser(f.sent, f.sources); a != nil {
			f.targets = addEnt(f.targets, a)
		}
	}
	if len(f.targets) == 0 && (f.class() == "REQUEST" || f.class() == "THREATEN") {
		// "proposed to reopen negotiations with Armenia"
		f.targets = addEnt(f.targets, d.infinitiveTargets(i+1, hi, f.sources)...)
	}
	if p := d.whereAntecedent(i, lo); p != nil && f.placeRel != "" {
		f.places = addEnt(f.places, p)
	}
	if i-2 >= lo && d.toks[i-1].is("of") && d.toks[i-2].is("claim", "claims", "accusation", "accusations", "allegation", "allegations") && len(f.sources) > 0 {
		f.claimant = f.sources[0] // "Iran's claim of hitting"
		setStatus(f, graph.StatusClaimed)
		if c := d.nounRef[i-2]; c != nil && c.sense == senseClaim {
			d.claimOf(c, f, false)
		}
	}
	d.verbModality(f, i, lo, subj)
	if d.controlledSubject(i, lo) != nil {
		f.hypo = true // what X was urged to do is a request, not a fact
	}
	if v.form == formIng && i > lo && d.toks[i-1].is(",") {
		f.participle = true
	}
	if len(f.sources) == 0 && len(f.targets) == 0 && len(f.places) == 0 && obj.event == nil {
		return nil
	}
	if len(f.sources) == 0 && f.class() == "ASSAULT" && f.status == "" {
		// "The city was struck hours after ...": the attack already told.
		if ante := d.antecedent(f, ""); ante != nil && ante.sent >= f.sent-2 {
			d.mergeInto(ante, f)
			d.sentRefs = append(d.sentRefs, ante)
			return f
		}
	}
	return f
}

// infinitiveTargets returns the counterparts named in an infinitive
// complement starting within a few tokens of k: "to reopen direct
// negotiations with Armenia", "to stop attacks on Aleppo".
func (d *doc) infinitiveTargets(k, hi int, sources []*docEntity) []*docEntity {
	to := -1
	for j := k - 1; j < hi && j < k+4; j++ {
		if d.toks[j].is("to") && j+1 < hi && d.toks[j+1].kind == tWord && !d.toks[j+1].cap && !d.toks[j+1].in(determiners) {
			to = j
			break
		}
		if j >= k && d.toks[j].kind == tPunct {
			return nil
		}
	}
	if to < 0 {
		return nil
	}
	var out []*docEntity
	// The infinitive's own object: "threatened to strike Iranian facilities".
	for j := to + 2; j < hi && j < to+5; j++ {
		if mi := d.mAt[j]; mi >= 0 {
			if m := d.mentions[mi]; m.hasActor() {
				for _, e := range m.entities() {
					if e.isActor() && !slices.Contains(sources, e) {
						out = addEnt(out, e)
					}
				}
				return out
			}
			break
		}
		if !d.toks[j].in(determiners) && (d.toks[j].kind != tWord || d.toks[j].isVerbForm()) {
			break
		}
	}
	for j := to + 1; j < hi && j < to+10; j++ {
		t := &d.toks[j]
		if t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			break
		}
		if t.is("with", "to", "against", "on") && j+1 < hi {
			if m := d.npMention(j+1, hi); m != nil && m.hasActor() {
				for _, x := range d.coordRight(m, hi, true) {
					for _, e := range x.entities() {
						if e.isActor() && !slices.Contains(sources, e) {
							out = addEnt(out, e)
						}
					}
				}
				return out
			}
		}
	}
	return out
}

// sameSide reports whether e is the state one of the actors belongs to or
// leads (Putin and Russia are one side of talks with Ukraine).
func (d *doc) sameSide(actors []*docEntity, e *docEntity) bool {
	for _, a := range actors {
		if a == e || a.country != "" && a.country == e.country {
			return true
		}
		for _, s := range d.structs {
			if s.src == a && s.dst == e {
				return true
			}
		}
		for _, o := range d.gaz.Roles(a.id) {
			if o.Of == e.id {
				return true
			}
		}
		if e.kind == graph.Person && a.kind == graph.Country && d.stateOf(e) == a {
			return true // Ukraine and its president
		}
		if a.kind == graph.Person && e.kind != graph.Person && e.country != "" {
			if s := d.stateOf(a); s != nil && s.id == "country:"+e.country {
				return true // Pashinyan and Armenian forces
			}
		}
	}
	return false
}

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
	for _, m := range who {
		for _, e := range m.entities() {
			if e.kind == graph.Person {
				f.sources = addEnt(f.sources, e)
			}
		}
	}
	if len(f.sources) == 0 {
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
	force := false
	for k := i + 1; k < hi && k <= i+4; k++ {
		// Forces, not arms: sending missiles or drones is supplying them.
		force = force || d.toks[k].in(militaryNouns) && !d.toks[k].in(weaponWords) && !d.toks[k].is("drones", "aircraft", "artillery") ||
			d.toks[k].is("fighters", "militants")
	}
	subj, _ := d.subjectOf(i, lo, hi)
	if !force || len(subj) == 0 {
		return nil
	}
	f := &frame{sense: senseDeploy, rel: senseDeploy.rel, placeRel: senseDeploy.place, label: senseDeploy.label, trigger: i,
		sent: d.toks[i].sent, conf: 0.8}
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

// skipLeft reports whether the subject search may step over token t:
// auxiliaries, adverbs, control verbs ("plans to"), negation, hedges.
func skipLeft(t *token) bool {
	return t.in(auxiliaries) || t.in(adverbs) || t.in(negators) || t.in(hedges) || t.in(planWords) || t.in(controlVerbs)
}

// subjectOf finds the subject of the verb at i: the nearest actor mention to
// the left within the clause, stepping over auxiliaries, parentheticals
// (", including X,", ", who ...,"), relative pronouns (to their
// antecedent), coordinated verb phrases (to the first verb's subject) and
// participles (to the sentence's subject). dist is how far it was.
func (d *doc) subjectOf(i, lo, hi int) ([]*mention, int) {
	if i == lo || i == lo+1 && d.toks[lo].kind == tPunct {
		// A sentence-initial participle: "Calling the raids illegal, the minister said".
		if d.toks[i].lower != d.toks[i].text || strings.HasSuffix(d.toks[i].lower, "ing") {
			return d.firstActorAfterComma(i, hi), 8
		}
		return nil, 0
	}
	if ms := d.controlledSubject(i, lo); ms != nil {
		// "urged Washington to pressure Israel": Washington would pressure
		return ms, 2
	}
	if pv := d.purposeOf(i, lo); pv >= 0 {
		// "summoned the envoys of X and Y to protest": the summoner protests
		return d.subjectOf(pv, lo, hi)
	}
	if d.toks[i].kind == tWord && strings.HasSuffix(d.toks[i].lower, "ing") && d.toks[i-1].is(",") {
		// A trailing participle shares the subject of the clause before it:
		// "the envoy said, accusing Seoul ...".
		if pv := d.previousVerb(i-1, lo); pv >= 0 {
			if subj, dist := d.subjectOf(pv, lo, hi); len(subj) > 0 {
				return subj, dist + i - pv
			}
		}
		return d.mainSubject(lo, i), 8
	}
	if strings.HasSuffix(d.toks[i].lower, "ing") && d.toks[i-1].is("of", "for") {
		// A gerund's subject is the possessor of the noun before it ("Russia's
		// claim of hitting") or the verb's object ("accused Iran of
		// targeting").
		for j := i - 2; j >= lo && j >= i-4; j-- {
			if mi := d.mAt[j]; mi >= 0 && d.mentions[mi].hasActor() {
				return []*mention{d.mentions[mi]}, i - j
			}
		}
		return nil, 0
	}
	skipped := 0
	for j := i - 1; j >= lo; j-- {
		t := &d.toks[j]
		if mi := d.mAt[j]; mi >= 0 {
			m := d.mentions[mi]
			if m.kind == mDemonym && !m.poss {
				return nil, 0 // "Ruritanian drones hit": the subject is the drones
			}
			return d.coordinated(m, lo), i - m.last
		}
		switch {
		case t.is(","):
			if j-1 > lo && d.mAt[j-1] >= 0 {
				// "The agency's director general, Rafael Grossi, is expected
				// to visit": the name in apposition is the subject.
				m := d.mentions[d.mAt[j-1]]
				if m.ent != nil && m.ent.kind == graph.Person && !m.poss && m.kind != mPronoun && m.first > lo && d.toks[m.first-1].is(",") && !d.toks[m.first].in(clauseWords) {
					return []*mention{m}, i - m.last
				}
			}
			if k := d.parentheticalStart(j, lo); k >= 0 && d.toks[k+1].is("known") && k+3 < j && d.toks[k+2].is("as") && d.mAt[k+3] >= 0 && d.mAt[k-1] < 0 {
				// "The Group for the Support of Islam and Muslims, known as
				// JNIM, claimed": the short name stands for the long one.
				m := d.mentions[d.mAt[k+3]]
				return []*mention{m}, i - m.last
			}
			if k := d.parentheticalStart(j, lo); k >= 0 {
				j = k
				continue
			}
			if skipped == 0 && j > lo && d.mAt[j-1] >= 0 {
				// "Obi, claimed": a stray comma after a subject that
				// opens its clause.
				m := d.mentions[d.mAt[j-1]]
				if m.hasActor() && !m.poss && (m.first == lo || d.toks[m.first-1].kind == tPunct && !d.toks[m.first-1].isHyphen()) {
					continue
				}
			}
			return nil, 0
		case t.kind == tPunct && isCloser([]rune(t.text)[0]):
			continue
		case t.is("who", "which"):
			k := j - 1
			if k >= lo && d.toks[k].is(",") {
				k--
			}
			if k >= lo && d.mAt[k] >= 0 && d.mentions[d.mAt[k]].hasActor() {
				m := d.mentions[d.mAt[k]]
				return d.coordinated(m, lo), i - k
			}
			return nil, 0
		case t.is("and", "but"):
			pv := d.previousVerb(j, lo)
			if pv < 0 {
				// "Russia said it understood ... and blamed Washington":
				// the clause's subject when no verb before is known.
				if ms := d.mainSubject(lo, j); len(ms) > 0 {
					return ms, i - ms[len(ms)-1].last
				}
			}
			if pv > lo && verbLex[d.toks[i].lower].form == formPast && (d.toks[pv].is("had", "has", "have") || d.toks[pv-1].is("had", "has", "have")) {
				// "said the ELN had chosen war and ordered ...": a past verb
				// joins the finite verb before, not the perfect inside its
				// complement.
				if pv2 := d.previousVerb(pv-1, lo); pv2 >= 0 {
					pv = pv2
				}
			}
			if pv >= 0 {
				return d.subjectOf(pv, lo, hi)
			}
			return nil, 0
		case t.is("that") && j > lo && d.toks[j-1].in(reportVerbs):
			return nil, 0
		case t.in(claimForms) && j+1 < i && d.toks[j+1].is("to"):
			skipped++ // "Iran claimed to have struck": the claimant did it
			continue
		case skipLeft(t), t.in(dateWords), t.is("on", "early", "late") && j+1 < i && d.toks[j+1].in(dateWords):
			skipped++ // "Iran on Wednesday rejected"
			continue
		case t.in(groupHeads) && j > lo && (d.mAt[j-1] >= 0 || d.toks[j-1].in(groupHeads)):
			skipped++ // "the M23 rebel group signed", "M23 fighters seized"
			continue
		case t.in(groupHeads) && j-2 >= lo && d.toks[j-1].kind == tPoss && d.mAt[j-2] >= 0:
			// "Colombia's government suspended": the state
			m := d.mentions[d.mAt[j-2]]
			return []*mention{m}, i - m.last
		default:
			return nil, 0
		}
	}
	return nil, 0
}

// whereAntecedent returns the place a "where" clause containing i refers
// to: "Kassala, where the shelling took place".
func (d *doc) whereAntecedent(i, lo int) *docEntity {
	for k := i - 1; k >= lo+2; k-- {
		t := &d.toks[k]
		if t.kind == tPunct {
			return nil
		}
		if !t.is("where") {
			continue
		}
		if d.toks[k-1].is(",") && d.mAt[k-2] >= 0 {
			if e := d.mentions[d.mAt[k-2]].ent; e != nil && e.isPlace() {
				return e
			}
		}
		return nil
	}
	return nil
}

func (m *mention) hasActor() bool {
	for _, e := range m.entities() {
		if e.isActor() {
			return true
		}
	}
	return false
}

// coordinated returns m with the actors joined to it by "and" or commas
// on its left: "Serbia and Kosovo agreed".
func (d *doc) coordinated(m *mention, lo int) []*mention {
	out := []*mention{m}
	k := m.first - 1
	for k-1 >= lo {
		if d.toks[k].is("the") && d.toks[k-1].is("and", ",") {
			k-- // "Congo and the M23 rebel group"
		}
		if d.toks[k].kind == tPoss && d.mAt[k-1] >= 0 && len(out) == 1 {
			// "Pakistan and Afghanistan's Taliban government": the
			// possessor belongs to the second party's name.
			k = d.mentions[d.mAt[k-1]].first - 1
			if k < lo {
				break
			}
		}
		if !d.toks[k].is("and", ",") {
			break
		}
		if d.toks[k].is("and") && d.toks[k-1].is(",") {
			k--
		}
		mi := d.mAt[k-1]
		if mi < 0 || !d.mentions[mi].hasActor() || d.mentions[mi].poss {
			break
		}
		p := d.mentions[mi]
		out = append([]*mention{p}, out...)
		k = p.first - 1
	}
	return out
}

// parentheticalStart returns the token before the comma that opens the
// parenthetical closed by the comma at j (", including X,", ", who ...,",
// ", calling the raid a crime,"), or -1.
func (d *doc) parentheticalStart(j, lo int) int {
	for k := j - 1; k > lo; k-- {
		if !d.toks[k].is(",") {
			continue
		}
		first := &d.toks[k+1]
		if first.is("including", "who", "which", "whose", "the", "a", "an", "like", "such", "along", "together", "as", "citing", "quoting", "according", "known", "also") ||
			strings.HasSuffix(first.lower, "ing") || d.mAt[k+1] >= 0 && d.mentions[d.mAt[k+1]].role != nil ||
			strings.HasSuffix(first.lower, "ed") && k+2 < j && d.toks[k+2].is("by", "in", "at", "from") {
			return k // ", led by X,", ", based in Y,"
		}
		return -1
	}
	return -1
}

// previousVerb finds the verb before a coordinating "and" at j.
func (d *doc) previousVerb(j, lo int) int {
	for k := j - 1; k >= lo; k-- {
		t := &d.toks[k]
		if t.is(";") {
			return -1
		}
		if d.mAt[k] >= 0 || t.kind != tWord {
			continue
		}
		if v, ok := verbLex[t.lower]; ok && v.form != formBase && (!d.nounContext(k, lo) || v.form == formPast && k > lo && !d.toks[k-1].in(determiners) && d.toks[k-1].kind != tPoss) {
			return k // a past form after a plain noun is the verb: "M23 fighters seized"
		}
		if t.in(lightVerbs) || t.in(reportVerbs) || t.in(commonVerbs) && !t.in(auxiliaries) {
			return k
		}
	}
	return -1
}

// mainSubject returns the sentence's first actor that is not inside a
// prepositional phrase or a possessive: the subject a trailing participle
// (", rejecting ...") shares.
func (d *doc) mainSubject(lo, i int) []*mention {
	for j := lo; j < i; j++ {
		mi := d.mAt[j]
		if mi < 0 {
			continue
		}
		m := d.mentions[mi]
		j = m.last
		if !m.hasActor() || m.poss || m.kind == mDemonym {
			continue
		}
		if m.first > lo && d.toks[m.first-1].in(prepositions) && !d.toks[m.first-1].is("of") {
			continue
		}
		out := []*mention{m}
		// "Serbia and Kosovo", "Envoys of Serbia and Kosovo"
		k := m.last + 1
		for k+1 < i && d.toks[k].is("and", ",") && d.mAt[k+1] >= 0 && d.mentions[d.mAt[k+1]].hasActor() {
			n := d.mentions[d.mAt[k+1]]
			out = append(out, n)
			k = n.last + 1
		}
		return out
	}
	return nil
}

// firstActorAfterComma finds the subject after a sentence-initial
// participial phrase.
func (d *doc) firstActorAfterComma(i, hi int) []*mention {
	for j := i + 1; j < hi; j++ {
		if !d.toks[j].is(",") {
			continue
		}
		for k := j + 1; k < hi && k < j+8; k++ {
			if mi := d.mAt[k]; mi >= 0 && d.mentions[mi].hasActor() && !d.mentions[mi].poss {
				return []*mention{d.mentions[mi]}
			}
		}
		return nil
	}
	return nil
}

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
	open, placeOnly, sawNP := sn.direct, false, false
	// descr: the words since the open slot are a plain description whose
	// name follows in apposition ("left the regional bloc ECOWAS").
	descr := false
	for steps := 0; j < hi && steps < 12; steps++ {
		t := &d.toks[j]
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
				(m.kind == mDemonym || m.first > 0 && d.toks[m.first-1].is("a", "an")) && d.eventNounAt(m.last+1, hi) == nil {
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
			if m.poss {
				// "Lula's offer", "Syria's Idlib province", "Israel's Operation Ember"
				k := m.last + 2
				if k < hi && d.mAt[k] >= 0 {
					j = k
					continue
				}
				if ev := d.eventNounAt(k, hi); ev != nil {
					o.event = ev
					if r := ev.root(); len(r.sources) == 0 {
						r.sources = addEnt(r.sources, m.entities()...)
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
		case sn.place != "" && t.in(locatives) && !t.is("of", "for", "on", "to") || sn.place != "" && t.is("on") && sawNP:
			open, placeOnly = true, true
			j++
			continue
		case t.is("to") && j+1 < hi && verbLex[d.toks[j+1].lower].form == formBase:
			return o // "agreed to hold": the infinitive is its own trigger
		}
		if (open || !sawNP) && !placeOnly {
			if ev := d.eventNounAt(j, hi); ev != nil {
				o.event = ev
				if lab := d.labelComplement(d.npEnd(j, hi)+1, hi); lab != nil {
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
			descr = (open || descr) && !t.cap && !t.isVerbForm() && !t.in(prepositions) && !t.in(commonVerbs) && !t.in(clauseWords)
			sawNP, open = true, false
		}
		j++
	}
	return o
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
		if t.is("in", "at", "near", "to", "into") && k+1 < hi {
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
			return m
		}
		t := &d.toks[j]
		if isTitleWord(t) {
			n-- // titles do not count toward the adjectives
			continue
		}
		if t.kind != tWord || !(t.in(determiners) || !t.cap && !t.isVerbForm() && !t.in(prepositions)) {
			return nil
		}
	}
	return nil
}

// coordRight extends a mention with those joined to it on the right by
// "and", "or" and commas: "Homs, Hama, Idlib, and Aleppo".
func (d *doc) coordRight(m *mention, hi int, actorsOnly bool) []*mention {
	out := []*mention{m}
	k := m.last + 1
	for k < hi {
		j := k
		if !d.toks[j].is("and", "or", ",") {
			break
		}
		j++
		if j < hi && d.toks[j].is("and", "or") {
			j++
		}
		for j < hi && d.toks[j].is("the", "a", "an") {
			j++
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

// genericEvents are nouns that refer back to an event of some classes
// without naming it: "the incident", "the launch", "the decision", "the
// remarks".
var genericEvents = map[string][]graph.Class{
	"incident": {"ASSAULT"}, "incidents": {"ASSAULT"}, "tragedy": {"ASSAULT"}, "atrocity": {"ASSAULT"},
	"massacre": {"ASSAULT"}, "operation": {"ASSAULT"}, "violence": {"ASSAULT"}, "launch": {"ASSAULT"},
	"launches": {"ASSAULT"}, "test": {"ASSAULT"}, "tests": {"ASSAULT"},
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
			if r := fs[k].root(); slices.Contains(cs, r.class()) && r.sent >= sent-8 && !r.hypo {
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
		if t.kind == tPunct && !t.isHyphen() {
			break
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
// "to strengthen its ability to blockade Taiwan".
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
	"ordered", "orders", "instruct", "instructed", "request", "requested", "requests", "on", "upon")

// controlledSubject returns the object of a control verb when the verb at
// i is its infinitive: the mentions in "urged X and Y to <i>". A capital
// stands for its state.
func (d *doc) controlledSubject(i, lo int) []*mention {
	if i-2 < lo || !d.toks[i-1].is("to") || d.mAt[i-2] < 0 {
		return nil
	}
	m := d.mentions[d.mAt[i-2]]
	if m.poss || m.ent == nil || !m.hasActor() && !(m.ent.kind == graph.City && d.isCapital(m.ent)) {
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
	for k >= lo && d.toks[k].in(determiners) {
		k--
	}
	if k < lo {
		return -1
	}
	if t := &d.toks[k]; !t.in(prepositions) && !t.isVerbForm() && !t.in(lightVerbs) {
		return -1
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
