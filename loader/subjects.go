package loader

// Subjects: who does what a trigger says, read leftwards through the clause.

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

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
	if d.toks[i].kind == tWord && strings.HasSuffix(d.toks[i].lower, "ing") &&
		(d.toks[i-1].is(",") || d.toks[i-1].is("after", "before", "while", "since") && i-2 >= lo && !d.toks[i-2].is("the", "a", "an")) {
		// A trailing participle shares the subject of the clause before it:
		// "the envoy said, accusing Seoul ...", "was sworn in, after
		// accusing the government of ...".
		if pv := d.previousVerb(i-1, lo); pv >= 0 {
			if subj, dist := d.subjectOf(pv, lo, hi); len(subj) > 0 {
				return subj, dist + i - pv
			}
		}
		return d.mainSubject(lo, i), 8
	}
	if d.toks[i].kind == tWord && strings.HasSuffix(d.toks[i].lower, "ing") && d.toks[i-1].is("and") {
		// A participle joined to a trailing one shares its subject: "said,
		// accusing Seoul of lying and warning it of ..."
		if j := d.participleBefore(i, lo); j >= 0 {
			if subj, dist := d.subjectOf(j, lo, hi); len(subj) > 0 {
				return subj, dist + i - j
			}
		}
	}
	if strings.HasSuffix(d.toks[i].lower, "ing") && d.toks[i-1].is("of", "for", "on") {
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
			if m.ent != nil && m.ent.isPlace() && !m.poss && m.first-1 > lo && d.toks[m.first-1].is("in", "at", "near", "inside", "outside", "around", "across") &&
				isNounTrigger(&d.toks[m.first-2]) {
				// "Israeli strikes in Beirut killed": where the event the
				// subject names happened, not the subject ("officials in
				// Kyiv said" keeps Kyiv).
				j = m.first - 1
				skipped++
				continue
			}
			if g := d.groupBeforePrep(m, lo); g != nil {
				return []*mention{g}, i - m.last // "Students at Istanbul University demonstrated"
			}
			return d.coordinated(m, lo), i - m.last
		}
		switch {
		case t.is(",") && j+1 < i && d.toks[j+1].is("then"):
			// "gunmen killed a police officer, then stormed a monastery":
			// the first verb's subject
			if pv := d.previousVerb(j, lo); pv >= 0 {
				return d.subjectOf(pv, lo, hi)
			}
			return nil, 0
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
			for pv > lo && strings.HasSuffix(d.toks[pv].lower, "ing") && d.toks[pv-1].in(prepositions) {
				pv = d.previousVerb(pv-1, lo) // "has shown no signs of backing down and is seeking": the finite verb's subject
			}
			if pv > lo && d.toks[pv].in(reportVerbs) && d.saidAside(pv) {
				pv = d.previousVerb(pv, lo) // "Russia struck Kharkiv, Ukraine said, and hit Odesa": the verb before the aside
			}
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
		case skipLeft(t), t.in(dateWords), t.is("on", "early", "late") && j+1 < i && d.toks[j+1].in(dateWords),
			t.is("both", "all", "each") && j+1 < i,                                         // "A and B have both been killed"
			j+1 == i && d.toks[i].is("fire") && t.is("open", "opens", "opened", "opening"): // "opened fire on"
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
			if m := d.participleHead(j, lo); m != nil {
				// "Protesters demanding her resignation have stormed":
				// the noun a participle phrase describes
				return []*mention{m}, i - m.last
			}
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
		if d.toks[k].is(",") {
			if ps := d.parentheticalStart(k, lo); ps > lo && d.mAt[ps-1] >= 0 {
				k = ps // "A, the commander of X, and B": A, not X
			}
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
			first.in(adverbs) && (k+2 == j || k+2 < j && strings.HasSuffix(d.toks[k+2].lower, "ed")) || first.is("seen", "regarded", "considered", "widely") ||
			strings.HasSuffix(first.lower, "ing") || d.mAt[k+1] >= 0 && d.mentions[d.mAt[k+1]].role != nil ||
			strings.HasSuffix(first.lower, "ed") && k+2 < j && d.toks[k+2].is("by", "in", "at", "from") ||
			d.mAt[k+1] < 0 && isTitleWord(first) && d.titleOf(k+1, j) {
			return k // ", led by X,", ", based in Y,", ", Chief of Staff of the army,"
		}
		return -1
	}
	return -1
}

// titleOf reports a title that opens the words from k to the comma at j
// and names what it is of: "Chief of Staff of Peru's navy".
func (d *doc) titleOf(k, j int) bool {
	ts, te := d.parseTitle(k, j)
	return te >= ts && te+1 < j && d.toks[te+1].is("of", "at", "for")
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
		if (t.in(lightVerbs) || t.in(reportVerbs) || t.in(commonVerbs) && !t.in(auxiliaries)) && !(k > lo && (d.toks[k-1].in(determiners) || d.toks[k-1].is("no"))) {
			return k // ("no signs of", "the talks": nouns)
		}
	}
	return -1
}

// saidAside reports a reporting verb at k inside commas that interrupt a
// clause: ", Ukraine said,", ", officials said,".
func (d *doc) saidAside(k int) bool {
	if k+1 >= len(d.toks) || !d.toks[k+1].is(",") {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if d.toks[j].is(",") {
			return true
		}
		if d.toks[j].kind == tPunct || d.toks[j].isVerbForm() {
			return false
		}
	}
	return false
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

// groupBeforePrep returns the role-noun group a mention's phrase belongs
// to: "students at Istanbul University", "residents of Gaza".
func (d *doc) groupBeforePrep(m *mention, lo int) *mention {
	p := m.first - 1
	if p > lo && d.toks[p].is("the") {
		p--
	}
	if p > lo && d.toks[p].is("of", "from") && d.mAt[p-1] >= 0 {
		// "Ana Vela of the Green Party said", "Ivan Petrov of Russia met":
		// the person
		if g := d.mentions[d.mAt[p-1]]; g.ent != nil && g.ent.kind == graph.Person && g.kind == mName && !g.poss {
			return g
		}
	}
	p = m.first - 1
	if p-1 < lo || !d.toks[p].is("at", "in", "from", "of") || d.mAt[p-1] < 0 {
		return nil
	}
	g := d.mentions[d.mAt[p-1]]
	if g.ent != nil && g.ent.kind == graph.Person && d.toks[p].is("from") && !g.poss && g.kind == mName {
		return g // "Ivan Petrov from Kenya's ruling alliance has called"
	}
	if g.ent == nil || g.ent.kind != graph.Group || !strings.HasPrefix(g.ent.id, "group:") || g.poss {
		return nil
	}
	return g
}

// participleHead returns the actor a participle phrase ending at j
// describes, when the phrase runs from just after the actor to j with no
// verb or punctuation in it: "protesters [demanding her resignation]",
// "militants [loyal to the group]", "gunmen [armed with rifles]".
func (d *doc) participleHead(j, lo int) *mention {
	for k := j; k > lo && k >= j-6; k-- {
		t := &d.toks[k]
		if t.kind == tPunct || t.in(clauseWords) || t.in(auxiliaries) {
			return nil
		}
		if d.mAt[k-1] < 0 || !(strings.HasSuffix(t.lower, "ing") && !t.cap || t.is("loyal", "linked", "allied", "opposed", "based", "armed")) {
			continue
		}
		m := d.mentions[d.mAt[k-1]]
		if m.hasActor() && !m.poss && m.kind != mPronoun {
			return m
		}
		return nil
	}
	return nil
}

// participleBefore returns the trailing participle ", accusing" that the
// gerund after "and" at i is joined to ("accusing Seoul of lying and
// warning it"), or -1.
func (d *doc) participleBefore(i, lo int) int {
	if i-1 <= lo || !d.toks[i-1].is("and") || !strings.HasSuffix(d.toks[i].lower, "ing") {
		return -1
	}
	for j := i - 2; j > lo && j >= i-15; j-- {
		if d.toks[j].kind == tPunct && !d.toks[j].is(",") {
			return -1
		}
		if v, ok := verbLex[d.toks[j].lower]; ok && v.form == formIng && d.toks[j-1].is(",") {
			return j
		}
	}
	return -1
}
