package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// anaphor resolves a pronoun or a definite description at token i against
// the mentions seen so far: he/his/she/her to the most recent person,
// they/their to the last pair or collective, its to the last non-person
// actor, "the Ukrainian leader" to that country's leader, "the town" to the
// last city, "both sides" to the last pair of parties.
func (d *doc) anaphor(i, hi int) *mention {
	t := &d.toks[i]
	sent := t.sent
	switch t.lower {
	case "he", "him", "his", "she", "her", "himself", "herself":
		if t.allCaps {
			return nil // shouted quotes
		}
		if e := d.sentenceSubject(i); e != nil && t.is("his") {
			// "Albanese declared his talks with Xi a success": the
			// subject, not the last person named
			return &mention{first: i, last: i, ent: e, kind: mPronoun, conf: 0.8, poss: t.is("his", "her")}
		}
		if t.is("he", "she") {
			if e := d.previousSubject(i); e != nil {
				// "Petrov met Holt on Monday. He said ...": the subject
				// before, not the last person named
				return &mention{first: i, last: i, ent: e, kind: mPronoun, conf: 0.75}
			}
		}
		if e := d.recent(sent, 2, func(e *docEntity) bool { return e.kind == graph.Person }); e != nil {
			return &mention{first: i, last: i, ent: e, kind: mPronoun, conf: 0.8, poss: t.is("his", "her")}
		}
	case "they", "them", "their", "themselves":
		if t.allCaps {
			return nil
		}
		// "they (Kenya) have deployed": a parenthesis names the referent.
		if i+3 < hi && d.toks[i+1].text == "(" {
			if h, ok := d.hitAt(i + 2); ok && h.last+1 < hi && d.toks[h.last+1].text == ")" {
				return nil // the name inside is its own mention
			}
		}
		if t.is("their") {
			if m := d.pronounBody(i, hi, sent); m != nil {
				return m
			}
		}
		// An object "them" is never its own clause's subject ("Egypt and
		// Qatar urged them"): that would be "themselves".
		var subj []*docEntity
		if t.is("them") {
			for _, m := range d.mainSubject(d.sentLo(i), i) {
				subj = append(subj, m.entities()...)
			}
		}
		notSubject := func(e *docEntity) bool { return !slices.Contains(subj, e) && !slices.Contains(subj, d.resolved(e)) }
		if g := d.recentPair(sent, i, notSubject); g != nil {
			return &mention{first: i, last: i, group: g, kind: mPronoun, conf: 0.7, poss: t.is("their")}
		}
		if e := d.recent(sent, 1, func(e *docEntity) bool { return e.isActor() && e.kind != graph.Person && notSubject(e) }); e != nil {
			return &mention{first: i, last: i, ent: e, kind: mPronoun, conf: 0.7, poss: t.is("their")}
		}
	case "it":
		// Only as a subject ("it had struck") or as the object of a control
		// verb ("urged it to act"), where it stands for an actor.
		if t.allCaps || !d.verbFollows(i+1) && !(i > 0 && d.toks[i-1].in(objectControl) && i+1 < hi && d.toks[i+1].is("to")) {
			return nil
		}
		if e := d.recent(sent, 1, func(e *docEntity) bool { return e.isActor() && e.kind != graph.Person && !crowdGroup(e) }); e != nil {
			return &mention{first: i, last: i, ent: e, kind: mPronoun, conf: 0.6}
		}
	case "its":
		if m := d.pronounBody(i, hi, sent); m != nil {
			return m
		}
		if e := d.recent(sent, 1, func(e *docEntity) bool { return e.isActor() && e.kind != graph.Person }); e != nil {
			return &mention{first: i, last: i, ent: e, kind: mPronoun, conf: 0.7, poss: true}
		}
	case "the", "both":
		return d.definite(i, hi)
	}
	return nil
}

// crowdGroup reports a group named by a plural common noun ("prisoners",
// "protesters"): "they", never "it".
func crowdGroup(e *docEntity) bool {
	return e.kind == graph.Group && strings.ToLower(e.name) == e.name && strings.HasSuffix(e.name, "s")
}

// sentenceSubject returns the person who opens the sentence of token i,
// when another person has been named between it and i: a pronoun later in
// the sentence refers to the subject before any object. With no other
// person in between, recency finds the same one.
func (d *doc) sentenceSubject(i int) *docEntity {
	lo := d.sentLo(i)
	var subj *docEntity
	others := false
	for k := lo; k < i; k++ {
		mi := d.mAt[k]
		if mi < 0 {
			continue
		}
		m := d.mentions[mi]
		k = m.last
		if m.ent == nil || m.ent.kind != graph.Person {
			continue
		}
		switch {
		case subj == nil && m.first <= lo+4 && m.kind != mPronoun:
			subj = d.resolved(m.ent)
		case subj != nil && d.resolved(m.ent) != subj:
			others = true
		}
	}
	if !others {
		return nil
	}
	return subj
}

// previousSubject returns the person who is the subject of the last
// sentence before i's that names a person, when i's own sentence names none
// before it and that sentence also names another person after its subject;
// nil otherwise (recency then finds the same one).
func (d *doc) previousSubject(i int) *docEntity {
	sent := d.toks[i].sent
	k := len(d.mentions) - 1
	for ; k >= 0 && d.mentions[k].first >= i; k-- {
	}
	var first *mention
	others, prev := false, -1
	for ; k >= 0; k-- {
		m := d.mentions[k]
		ms := d.toks[m.first].sent
		if ms == sent {
			if m.ent != nil && m.ent.kind == graph.Person {
				return nil // a person in the pronoun's own sentence: recency
			}
			continue
		}
		if ms < sent-2 || prev >= 0 && ms != prev {
			break
		}
		if m.ent == nil || m.ent.kind != graph.Person || m.kind == mPronoun {
			continue
		}
		prev = ms
		if first != nil && d.resolved(first.ent) != d.resolved(m.ent) {
			others = true
		}
		first = m
	}
	if first == nil || !others {
		return nil
	}
	lo := d.sents[prev].lo
	for j := lo; j < first.first; j++ {
		if d.toks[j].isVerbForm() || d.toks[j].in(reportVerbs) || d.toks[j].kind == tPunct && !d.toks[j].isHyphen() {
			return nil // not the subject: "After meeting X, Y said"
		}
	}
	return d.resolved(first.ent)
}

// pronounBody resolves "its troops", "their forces" to the military of the
// state the pronoun stands for.
func (d *doc) pronounBody(i, hi, sent int) *mention {
	if i+1 >= hi || !d.toks[i+1].in(militaryNouns) || d.toks[i+1].is("military", "army") && i+2 < hi && d.isNounModifiee(i+2) {
		return nil
	}
	e := d.recent(sent, 1, func(e *docEntity) bool { return e.isActor() && e.kind != graph.Person })
	if e == nil {
		return nil
	}
	if e.kind == graph.Group || e.kind == graph.Military || e.country == "" {
		// "Hezbollah said its fighters attacked": an armed group's or a
		// military's own fighters are the group itself.
		return &mention{first: i, last: i + 1, ent: e, kind: mAnaphor, conf: 0.7}
	}
	c, ok := d.gaz.CountryByCode(e.country)
	if !ok {
		return nil
	}
	return &mention{first: i, last: i + 1, ent: d.military(c, d.toks[i+1].lower), kind: mAnaphor, conf: 0.7}
}

// definite resolves "the Ukrainian leader", "the town", "the military",
// "the two sides", "both countries".
func (d *doc) definite(i, hi int) *mention {
	sent := d.toks[i].sent
	j := i + 1
	if j >= hi {
		return nil
	}
	// "the two sides", "both sides", "the two countries"
	k := j
	if d.toks[i].is("the") && d.toks[k].is("two", "both") {
		k++
	}
	if k < hi && d.toks[k].in(sideNouns) && (k > j || d.toks[i].is("both")) {
		if g := d.lastPair(sent, d.toks[k].is("sides", "parties")); g != nil {
			if d.toks[k].is("leaders", "presidents") {
				g = d.leadersOf(g) // "spoke with both leaders"
			}
			return &mention{first: i, last: k, group: g, kind: mAnaphor, conf: 0.7}
		}
		return nil
	}
	if !d.toks[i].is("the") {
		return nil
	}
	// "the Ukrainian leader", "the Russian president", "the US president"
	if h, ok := d.hitAt(j); ok && h.last+1 < hi {
		ref := d.pickRef(h, hi)
		ent := d.gaz.Entry(ref)
		if n := h.last + 1; ent.Org != nil && orgLeaderTitles[d.toks[n].lower] && (n+1 >= hi || !d.toks[n+1].cap) {
			// "the PTI chief", "the Hamas leader": the leader the article named
			if p := d.leaderOf(d.ents.fromRef(ref)); p != nil {
				return &mention{first: i, last: n, ent: p, kind: mAnaphor, conf: 0.8}
			}
			return nil
		}
		if ent.Country != nil {
			n := h.last + 1
			last, leader := n, d.toks[n].is("leader", "president", "premier")
			if d.toks[n].is("prime") && n+1 < hi && d.toks[n+1].is("minister") {
				last, leader = n+1, true
			}
			if leader && (last+1 >= hi || !d.toks[last+1].cap) {
				country := d.ents.country(ent.Country)
				if p := d.leaderOf(country); p != nil {
					// "the Mexican president" states who leads Mexico as a title does.
					title := d.body[d.toks[n].start:d.toks[last].end]
					r := &role{rel: "LEADER_OF", title: title, of: country, sent: sent}
					return &mention{first: i, last: last, ent: p, kind: mAnaphor, conf: 0.8, role: r}
				}
			}
		}
		return nil
	}
	t := &d.toks[j]
	if t.allCaps && j+1 < hi && orgLeaderTitles[d.toks[j+1].lower] && (j+2 >= hi || !d.toks[j+2].cap) {
		// "the PTI chief" after "PTI Chairman Imran Khan": an acronym the
		// article introduced, and the leader it named
		if org, ok := d.ents.byID["org:"+slug(t.text)]; ok {
			if p := d.leaderOf(org); p != nil {
				return &mention{first: i, last: j + 1, ent: p, kind: mAnaphor, conf: 0.8}
			}
		}
	}
	if kind, ok := placeNouns[t.lower]; ok {
		if j+1 < hi && (d.toks[j+1].is("of") || d.toks[j+1].cap) {
			return nil // "the city of Kharkiv", "the town Bilopillia"
		}
		back, conf := 5, 0.8
		if kind == "" {
			back, conf = 2, 0.6
		}
		head := strings.TrimSuffix(t.lower, "s")
		named := func(e *docEntity) bool {
			// "the shoal" is a shoal: a feature whose name says what it is
			return kind != graph.Location || strings.Contains(strings.ToLower(e.name), head)
		}
		if e := d.recent(sent, back, func(e *docEntity) bool {
			return (e.kind == kind && named(e) || kind == "" && e.isPlace()) && !(kind == graph.Country && d.clauseSubjectBefore(e, i))
		}); e != nil {
			return &mention{first: i, last: j, ent: e, kind: mAnaphor, conf: conf}
		}
		if kind == graph.Country {
			// "Bangladesh Prime Minister Sheikh Hasina ... left the
			// country": the state a title named
			for k := len(d.mentions) - 1; k >= 0 && d.toks[d.mentions[k].first].sent >= sent-back; k-- {
				if r := d.mentions[k].role; r != nil && r.of != nil && r.of.kind == graph.Country {
					return &mention{first: i, last: j, ent: r.of, kind: mAnaphor, conf: 0.7}
				}
			}
		}
		return nil
	}
	if t.is("junta") || t.is("military", "army") && j+1 < hi && d.toks[j+1].is("junta", "regime") {
		// "the junta", "the military regime": the lead state's, once the
		// report has named one
		if c := d.leadState(); c != nil {
			last := j
			if !t.is("junta") {
				last++
			}
			return &mention{first: i, last: last, ent: d.junta(c), kind: mAnaphor, conf: 0.7}
		}
		return nil
	}
	if t.is("military", "army") && !(j+1 < hi && d.isNounModifiee(j+1) && !pastTense(&d.toks[j+1])) {
		if e := d.recent(sent, 6, func(e *docEntity) bool { return e.kind == graph.Military && !pluralAgent(e) }); e != nil { // "the army" is no "three soldiers"
			return &mention{first: i, last: j, ent: e, kind: mAnaphor, conf: 0.8}
		}
		// No army named yet: the army of the state the report is about.
		if c := d.leadCountry(); c != nil {
			if gc, ok := d.gaz.CountryByCode(strings.TrimPrefix(c.id, "country:")); ok {
				return &mention{first: i, last: j, ent: d.military(gc, t.lower), kind: mAnaphor, conf: 0.6}
			}
		}
	}
	// "the group", "the militants", "the bloc": the last non-state body of
	// that sort within a few sentences, also after adjectives ("the ethnic
	// armed group").
	for n := 0; n < 2 && j+1 < hi && agentModifiers[d.toks[j].lower] && !d.toks[j].cap; n++ {
		if _, ok := bodyNouns[d.toks[j+1].lower]; ok {
			j++
			t = &d.toks[j]
			break
		}
		if j+2 >= hi {
			break
		}
		if _, ok := bodyNouns[d.toks[j+2].lower]; ok && agentModifiers[d.toks[j+1].lower] {
			j += 2
			t = &d.toks[j]
			break
		}
		break
	}
	ofGerund := j+2 < hi && d.toks[j+1].is("of") && strings.HasSuffix(d.toks[j+2].lower, "ing") // "accused the agency of paving"
	if kinds, ok := bodyNouns[t.lower]; ok && !(j+1 < hi && (d.toks[j+1].is("of") && !ofGerund || d.toks[j+1].cap || d.isNounModifiee(j+1))) {
		if e := d.recent(sent, 5, func(e *docEntity) bool {
			// "the group" is no "local armed groups", and "the rebels"
			// no "200 soldiers": a crowd named by a role noun is only
			// ever referred to by that noun, which names it again.
			// Nor are "the rebels" a state's army.
			return slices.Contains(kinds, e.kind) && !strings.HasPrefix(e.id, "group:"+t.lower) && !pluralAgent(e) &&
				!(strings.HasPrefix(e.id, "military:") && t.is("rebels", "insurgents", "militants", "militia"))
		}); e != nil {
			return &mention{first: i, last: j, ent: e, kind: mAnaphor, conf: 0.7}
		}
	}
	if m := d.theGovernment(i, j, hi); m != nil {
		return m
	}
	k = j
	for k+1 < hi && k < j+2 && (d.toks[k].in(governmentAges) || d.toks[k].in(governmentAdjectives)) {
		k++ // "the outgoing government": the same state's; "the fragile central government"
	}
	if k > j {
		if m := d.theGovernment(i, k, hi); m != nil {
			return m
		}
	}
	return d.titleAnaphor(i, j, hi)
}

// clauseSubjectBefore reports e named earlier in i's clause, with no
// clause break between: "the U.S. supports the nation with arms" speaks
// of another nation than the U.S.
func (d *doc) clauseSubjectBefore(e *docEntity, i int) bool {
	lo := d.sentLo(i)
	for k := i - 1; k >= lo; k-- {
		t := &d.toks[k]
		if t.is(",", ";", ":", "that", "which", "who") || t.in(reportVerbs) || t.in(clauseWords) {
			return false
		}
		if mi := d.mAt[k]; mi >= 0 && d.mentions[mi].kind != mPronoun && d.mentions[mi].ent != nil && d.resolved(d.mentions[mi].ent) == e {
			return true
		}
	}
	return false
}

// leadState returns the gazetteer country of the state the report is
// about: the one its first sentence names alone, else the one it names
// most.
func (d *doc) leadState() *gazetteer.Country {
	lead := d.leadCountry()
	if lead == nil {
		lead = d.mostNamedCountry()
	}
	if lead == nil {
		return nil
	}
	c, _ := d.gaz.CountryByCode(strings.TrimPrefix(lead.id, "country:"))
	return c
}

// mostNamedCountry returns the state the article has named most so far.
func (d *doc) mostNamedCountry() *docEntity {
	count := map[*docEntity]int{}
	var best *docEntity
	for _, m := range d.mentions {
		if e := m.ent; e != nil && e.kind == graph.Country {
			count[e]++
			if best == nil || count[e] > count[best] {
				best = e
			}
		}
	}
	return best
}

// governmentAdjectives describe a government without telling whose.
var governmentAdjectives = set("central", "federal", "national", "fragile", "weak", "civilian", "elected", "military-led",
	"military-backed", "unity", "coalition")

// governmentAges tell which government of a state is meant, not whose.
var governmentAges = set("outgoing", "incoming", "new", "previous", "former", "interim", "transitional", "current", "caretaker")

// theGovernment resolves "the government", "the authorities": the
// government of the state the article has talked about most so far.
func (d *doc) theGovernment(i, j, hi int) *mention {
	if d.toks[j].is("government", "authorities", "regime", "administration") && j+2 < hi && d.toks[j+1].is("in") {
		// "the central government in Mogadishu": the capital's state's
		if h, ok := d.hitAt(j + 2); ok {
			if e := d.ents.fromRef(d.pickRef(h, hi)); e != nil && e.kind == graph.City && d.isCapital(e) {
				if c, ok := d.gaz.CountryByCode(e.country); ok {
					return &mention{first: i, last: h.last, ent: d.government(c), kind: mBody, conf: 0.8}
				}
			}
		}
	}
	ofGerund := j+2 < hi && d.toks[j+1].is("of") && strings.HasSuffix(d.toks[j+2].lower, "ing") // "accused the government of stoking"
	if !d.toks[j].is("government", "authorities", "regime", "administration") ||
		j+1 < hi && (d.toks[j+1].is("of") && !ofGerund || d.toks[j+1].cap || d.isNounModifiee(j+1) && !pastTense(&d.toks[j+1])) {
		return nil
	}
	best := d.mostNamedCountry()
	if best == nil {
		return nil
	}
	c, ok := d.gaz.CountryByCode(strings.TrimPrefix(best.id, "country:"))
	if !ok {
		return nil
	}
	return &mention{first: i, last: j, ent: d.government(c), kind: mAnaphor, conf: 0.6}
}

// titleAnaphor resolves "the prime minister", "the Foreign Secretary" with
// no name after it to the last person the article gave that title, in the
// text or through the gazetteer's offices.
func (d *doc) titleAnaphor(i, j, hi int) *mention {
	ts, te := d.parseTitle(j, hi)
	if te < ts || te+1 < hi && (d.toks[te+1].cap || d.toks[te+1].is("of")) {
		return nil // a name or a body follows: titledPerson and appositives read those
	}
	var words []string
	for k := ts; k <= te; k++ {
		if d.toks[k].is("former", "ex", "late", "then") {
			return nil
		}
		if !d.toks[k].is("new", "incoming", "longtime", "veteran", "embattled", "top", "senior") {
			words = append(words, d.toks[k].lower)
		}
	}
	if len(words) == 0 || !d.toks[te].in(headTitles) {
		return nil
	}
	for n := len(d.mentions) - 1; n >= 0 && n >= len(d.mentions)-300; n-- {
		p := d.mentions[n].ent
		if p == nil || p.kind != graph.Person || d.mentions[n].kind == mPronoun {
			continue
		}
		if d.holdsTitle(p, words) {
			return &mention{first: i, last: te, ent: p, kind: mAnaphor, conf: 0.7}
		}
	}
	return nil
}

// holdsTitle reports whether the article or the gazetteer gives p a title
// whose last word is the last of words and which holds all the others.
func (d *doc) holdsTitle(p *docEntity, words []string) bool {
	match := func(title string) bool {
		have := strings.Fields(strings.ToLower(title))
		if len(have) == 0 || have[len(have)-1] != words[len(words)-1] {
			return false
		}
		for _, w := range words[:len(words)-1] {
			if !slices.Contains(have, w) {
				return false
			}
		}
		return true
	}
	for _, m := range d.mentions {
		if m.ent == p && m.role != nil && match(m.role.title) {
			return true
		}
	}
	for _, r := range d.structs {
		if r.src == p && match(r.title) {
			return true
		}
	}
	for _, o := range d.gaz.Roles(p.id) {
		if d.holds(o) && match(o.Title) {
			return true
		}
	}
	return false
}

// bodyNouns are heads of definite descriptions that refer back to a
// collective actor, with the kinds of entity they can refer to.
var bodyNouns = map[string][]graph.Kind{
	"group": {graph.Group, graph.Organization}, "militants": {graph.Group, graph.Military}, "militia": {graph.Group, graph.Military},
	"rebels": {graph.Group, graph.Military}, "insurgents": {graph.Group, graph.Military}, "movement": {graph.Group},
	"organisation": {graph.Organization, graph.Group}, "organization": {graph.Organization, graph.Group},
	"bloc": {graph.Organization}, "alliance": {graph.Organization}, "union": {graph.Organization},
	"agency": {graph.Organization}, "watchdog": {graph.Organization},
}

// singularBody marks the body nouns that name one actor, never a plural
// crowd of unnamed ones.
var singularBody = wordList("group", "militia", "movement", "organisation", "organization")

// pluralAgent reports an actor named only by a plural role noun:
// "protesters", "local armed groups".
func pluralAgent(e *docEntity) bool {
	words := strings.Fields(strings.ToLower(e.name))
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	_, agent := agentNouns[last]
	return agent || last == "groups" || last == "factions"
}

// recent returns the entity of the most recent mention within the last
// back sentences that satisfies ok.
func (d *doc) recent(sent, back int, ok func(*docEntity) bool) *docEntity {
	for k := len(d.mentions) - 1; k >= 0; k-- {
		m := d.mentions[k]
		if d.toks[m.first].sent < sent-back {
			break
		}
		if m.ent != nil && ok(m.ent) {
			return d.resolved(m.ent)
		}
	}
	return nil
}

// recentPair finds two actors joined by "and" earlier in the sentence (or
// the one before): "Envoys of Serbia and Kosovo ended their
// meeting".
func (d *doc) recentPair(sent, before int, ok func(*docEntity) bool) []*docEntity {
	for k := len(d.mentions) - 1; k > 0; k-- {
		b := d.mentions[k]
		if d.toks[b.first].sent < sent-1 {
			break
		}
		if len(b.group) > 1 && b.first < before && !slices.ContainsFunc(b.group, func(e *docEntity) bool { return !ok(e) }) {
			return b.group // "The two countries ... They"
		}
		if b.first >= before || b.ent == nil || !b.ent.isActor() {
			continue
		}
		a := d.mentions[k-1]
		gap := b.first - a.last // "X and Y", "X and the Y"
		if a.ent == nil || !a.ent.isActor() || a.ent == b.ent || gap != 2 && !(gap == 3 && d.toks[a.last+2].is("the")) ||
			!d.toks[a.last+1].is("and") || !ok(a.ent) || !ok(b.ent) {
			continue
		}
		return []*docEntity{d.resolved(a.ent), d.resolved(b.ent)}
	}
	return nil
}

func anyEntity(*docEntity) bool { return true }

// lastPair returns the parties of the most recent two-sided frame, or the
// most recent pair joined by "and". Opposing sides (sides true: "both
// sides") are the parties of a meeting, deal or fight within six
// sentences before any pair merely named together; other pairs ("the two
// countries") are a two-sided frame of this or the last sentence, else the
// pair joined by "and" there ("Japan and Australia criticized ... The two
// countries"), else an older frame.
func (d *doc) lastPair(sent int, sides bool) []*docEntity {
	if sides {
		if ps := d.pairFrame(sent, sent-6); ps != nil {
			return ps
		}
		return d.recentPair(sent, len(d.toks), anyEntity)
	}
	if ps := d.pairFrame(sent, sent-1); ps != nil {
		return ps
	}
	if ps := d.recentPair(sent, len(d.toks), anyEntity); ps != nil {
		return ps
	}
	if ps := d.pairFrame(sent, sent-6); ps != nil {
		return ps
	}
	return d.lastTwoStates(sent)
}

// lastTwoStates returns the two states named last in the two sentences
// before sent, when exactly two are: "India suspended the treaty with
// Pakistan ... China called on both countries".
func (d *doc) lastTwoStates(sent int) []*docEntity {
	var out []*docEntity
	for k := len(d.mentions) - 1; k >= 0; k-- {
		m := d.mentions[k]
		s := d.toks[m.first].sent
		if s >= sent {
			continue // the sentence's own states are the speakers, not the pair
		}
		if s < sent-2 {
			break
		}
		if m.ent != nil && m.ent.kind == graph.Country && !slices.Contains(out, m.ent) {
			out = append(out, m.ent)
		}
	}
	if len(out) != 2 {
		return nil
	}
	return out
}

// pairFrame returns the two sides of the latest two-sided frame told in
// sentences from..sent; a person stands for the state it serves.
func (d *doc) pairFrame(sent, from int) []*docEntity {
	for _, fs := range [][]*frame{d.sentFrames, d.frames} {
		for k := len(fs) - 1; k >= 0; k-- {
			f := fs[k]
			if f.sent < from {
				break
			}
			if f.merged != nil || f.hypo {
				continue
			}
			switch f.class() {
			case "CONSULT", "AGREE", "COOPERATE", "ASSAULT":
			default:
				continue // sides meet, agree or fight
			}
			ps := slices.Collect(f.parties)
			if len(ps) != 2 {
				continue
			}
			for x, p := range ps {
				if p.kind == graph.Person {
					ps[x] = d.stateOf(p)
				}
			}
			if ps[0] != nil && ps[1] != nil && ps[0] != ps[1] {
				return ps
			}
		}
	}
	return nil
}

// leads reports whether p is said, or known, to lead state s at the
// article's date.
func (d *doc) leads(p, s *docEntity) bool {
	for _, r := range d.structs {
		if r.src == p && r.dst == s && r.rel == "LEADER_OF" {
			return true
		}
	}
	for _, m := range d.mentions {
		if m.ent == p && m.role != nil && m.role.rel == "LEADER_OF" && m.role.of == s {
			return true
		}
	}
	for _, o := range d.gaz.Roles(p.id) {
		if o.Of == s.id && o.Relation == "LEADER_OF" && d.holds(o) {
			return true
		}
	}
	return false
}

// stateOf returns the state a person serves: the gazetteer's country for
// the person, else the state of the office the article gives them.
func (d *doc) stateOf(p *docEntity) *docEntity {
	if c := d.ents.countryByCode(p.country); c != nil {
		return c
	}
	for _, s := range d.structs {
		if s.src != p {
			continue
		}
		if s.dst.kind == graph.Country {
			return s.dst
		}
		if c := d.ents.countryByCode(s.dst.country); c != nil {
			return c
		}
	}
	for _, o := range d.gaz.Roles(p.id) {
		if code, ok := strings.CutPrefix(o.Of, "country:"); ok && d.holds(o) {
			return d.ents.countryByCode(code)
		}
	}
	return nil
}

// officeState returns the state a person holds office in, as the text
// states it (a title or an appositive), or nil.
func (d *doc) officeState(p *docEntity) *docEntity {
	if p.kind != graph.Person {
		return nil
	}
	for _, s := range d.structs {
		if s.src != p || s.rel == "MEMBER_OF" {
			continue
		}
		if s.dst.kind == graph.Country {
			return s.dst
		}
		if c := d.ents.countryByCode(s.dst.country); c != nil {
			return c
		}
	}
	return nil
}

// leadersOf maps each state of a pair to its leader when the article or
// the gazetteer names one; bodies and forces stand for their state.
func (d *doc) leadersOf(g []*docEntity) []*docEntity {
	out := make([]*docEntity, 0, len(g))
	for _, e := range g {
		c := e
		if e.kind != graph.Country && e.kind != graph.Person && e.country != "" {
			if s := d.ents.countryByCode(e.country); s != nil {
				c = s
			}
		}
		if c.kind == graph.Country {
			if l := d.leaderOf(c); l != nil {
				c = l
			}
		}
		out = append(out, c)
	}
	return out
}

// leaderOf returns the person the document or the gazetteer names as the
// country's leader.
func (d *doc) leaderOf(country *docEntity) *docEntity {
	for _, m := range d.mentions {
		if m.role != nil && m.role.rel == "LEADER_OF" && m.role.of == country {
			return d.resolved(m.ent)
		}
	}
	for _, o := range d.kb.leaders[country.country] {
		if !d.holds(o) {
			continue
		}
		if ent, ok := d.gaz.ByID(o.ID); ok {
			return d.ents.fromEntry(ent)
		}
	}
	return nil
}

// resolved follows merges of a surname-only person into a full name.
func (d *doc) resolved(e *docEntity) *docEntity {
	for {
		m, ok := d.merge[e.id]
		if !ok {
			return e
		}
		e = m
	}
}
