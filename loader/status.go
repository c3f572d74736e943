package loader

import (
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
)

// verbModality sets a verb frame's status from the words before the verb:
// will/plans to -> planned, not/refused to -> denied, failed to -> failed,
// may/could -> hypothetical (no fact), reportedly -> reported.
func (d *doc) verbModality(f *frame, i, lo int, subj []*mention) {
	from := lo
	if len(subj) > 0 {
		from = subj[len(subj)-1].last + 1
	}
	if i-from > 8 {
		from = i - 8
	}
	reported := d.reportVerbBefore(i, lo)
	if len(subj) > 0 {
		// "Russia denied (that) it had struck Sumy": the denial governs the
		// clause its subject opens.
		k := subj[0].first - 1
		if k >= lo && d.toks[k].is("that") {
			k--
		}
		if k >= lo && d.toks[k].is("denied", "denies", "deny", "denying") && d.mAt[k] < 0 {
			setStatus(f, graph.StatusDenied)
		}
	}
	if d.conditional(i, lo) {
		f.hypo = true
	}
	past := verbLex[d.toks[i].lower].form == formPast
	for j := i - 1; j >= from; j-- {
		t := &d.toks[j]
		if past && t.is("and", "but") {
			break // "said it would defend X and called on Y": a past verb has its own tense
		}
		switch {
		case t.is("will", "shall", "'ll"):
			f.future = true
			setStatus(f, graph.StatusPlanned)
		case t.is("would"):
			if reported {
				f.future = true
				setStatus(f, graph.StatusPlanned)
			} else {
				f.hypo = true
			}
		case t.is("may", "might", "could"):
			f.hypo = true
		case t.is("not", "n't", "never", "refused", "refuses", "refuse", "declined", "declines"):
			setStatus(f, graph.StatusDenied)
		case t.is("denied", "denies", "deny", "denying") && d.mAt[j] < 0:
			setStatus(f, graph.StatusDenied) // "Moscow denied striking Sumy", "denied it had struck"
		case t.is("failed", "fails", "fail"):
			setStatus(f, graph.StatusFailed)
		case t.is("to") && j == i-1 || t.is("to") && j < i-1 && d.toks[j+1].in(adverbs):
			if j-1 >= lo && d.toks[j-1].in(planWords) && !d.toks[j-1].is("agreed", "agree", "agrees") {
				f.future = true
				setStatus(f, graph.StatusPlanned)
			}
			if j-2 >= lo && d.toks[j-2].is("no", "not", "never") && (d.toks[j-1].in(planWords) || d.toks[j-1].in(intentNouns) || d.toks[j-1].is("intention", "desire", "wish")) {
				setStatus(f, graph.StatusDenied) // "had no plans to invade"
			}
			if j-1 >= lo && d.toks[j-1].is("threatened", "threatens", "threaten", "vowed", "vows", "vow", "warned", "warns") {
				f.hypo = true // the threat is the fact, not what is threatened
			}
			if d.controlledSubject(i, lo) != nil {
				f.hypo = true // "urged Israel to reach a deal": the request is the fact, not the deal
			}
			if j-1 >= lo && (d.toks[j-1].is("agreed", "agree", "agrees", "agreeing") || d.toks[j-1].in(intentNouns)) {
				f.future = true // "agreed to hold", "a proposal to resume"
				setStatus(f, graph.StatusPlanned)
			}
		case t.in(hedges):
			setStatus(f, graph.StatusReported)
			f.conf -= 0.1 // "reportedly", "allegedly"
		}
	}
	// "reportedly" before the subject: "Reportedly, Russian forces struck".
	for j := from - 1; j >= lo && j >= from-4; j-- {
		if d.toks[j].in(hedges) {
			setStatus(f, graph.StatusReported)
		}
	}
}

// conditional reports whether the clause holding i is a condition: "If
// Iran attacks Israel, ...".
func (d *doc) conditional(i, lo int) bool {
	for j := i - 1; j >= lo; j-- {
		t := &d.toks[j]
		if t.is("if", "unless", "whether") {
			return true
		}
		if t.kind == tPunct && (t.text == "," || t.text == ";") {
			return false
		}
	}
	return false
}

// setStatus raises f's status to s when s is more specific.
func setStatus(f *frame, s string) {
	if f.status == "" || statusRank[s] > statusRank[f.status] {
		f.status = s
	}
}

// reportVerbBefore reports whether a reporting verb precedes i in the
// sentence ("said the handover would go ahead").
func (d *doc) reportVerbBefore(i, lo int) bool {
	for j := i - 1; j >= lo; j-- {
		if d.toks[j].in(reportVerbs) && d.mAt[j] < 0 {
			return true
		}
	}
	return false
}

// attribute marks frames stated by someone: those in the complement of a
// reporting verb ("Peskov said ...", "..., Chaudhry claimed"), or after
// "according to X", are claimed by that speaker; "according to" an unnamed
// source, or a hedge, makes them reported. A speaker claiming an attack of
// its own ("Iran claimed to have struck ...") also makes a statement, which
// is added to fs.
func (d *doc) attribute(fs []*frame, lo, hi int) []*frame {
	n := len(fs)
	for j := lo; j < hi; j++ {
		t := &d.toks[j]
		if d.mAt[j] >= 0 {
			continue
		}
		if t.is("according") && j+1 < hi && d.toks[j+1].is("to") {
			var who *docEntity
			if m := d.npMention(j+2, hi); m != nil && m.ent != nil && m.ent.isActor() {
				who = m.ent
			}
			for _, f := range fs {
				d.claim(f, who)
			}
			continue
		}
		if !t.in(reportVerbs) {
			continue
		}
		if v, ok := verbLex[t.lower]; ok && d.nounContext(j, lo) && v.form != formPast {
			continue
		}
		// The speaker is the verb's subject ("Peskov said ...", "..., Peskov
		// said"), or follows it after a quote ("“...,” Lula wrote"). The
		// statement is what follows the verb, or what precedes it when the
		// speaker's clause trails after a comma or a quote.
		var who *docEntity
		trailing := false
		breakBefore := func(k int) bool {
			if k-1 > lo && d.toks[k-1].is("the") {
				k-- // `," the Armenian foreign minister Ararat Mirzoyan said`
			}
			return k > lo && (d.toks[k-1].is(",") || d.toks[k-1].kind == tPunct && isCloser([]rune(d.toks[k-1].text)[0]))
		}
		if subj, _ := d.subjectOf(j, lo, hi); len(subj) > 0 {
			who = subj[0].ent
			trailing = breakBefore(subj[0].first) && subj[len(subj)-1].last >= j-2
		} else if breakBefore(j) {
			who = d.speakerAfter(j+1, hi)
			trailing = who != nil
		}
		if who == nil || !who.isActor() {
			continue
		}
		for _, f := range fs[:n] {
			if f.trigger == j {
				continue
			}
			if f.trigger > j && !d.narrationBetween(j, f.trigger) || trailing && f.trigger < j {
				d.claim(f, who)
				if t.in(claimForms) {
					fs = d.ownClaim(fs, f, who, j)
				}
			}
		}
	}
	return fs
}

// speakerAfter returns the speaker named after a trailing reporting
// verb: `," said Mirzoyan`, `," said the Armenian foreign minister,
// Ararat Mirzoyan`.
func (d *doc) speakerAfter(k, hi int) *docEntity {
	if k < hi && d.mAt[k] < 0 && d.toks[k].is("the") {
		k++
	}
	if k >= hi {
		return nil
	}
	if d.mAt[k] < 0 {
		if p := d.titledAppositive(k, hi); p != nil {
			return p.ent
		}
		return nil
	}
	m := d.mentions[d.mAt[k]]
	if m.kind == mPronoun {
		return nil
	}
	if m.kind == mDemonym {
		if p := d.titledAppositive(m.last+1, hi); p != nil {
			return p.ent // "said the Armenian foreign minister, Ararat Mirzoyan"
		}
		return nil
	}
	if n := m.last + 1; m.ent != nil && m.ent.kind != graph.Person && n+1 < hi && d.toks[n].is(",") && d.mAt[n+1] >= 0 {
		if p := d.mentions[d.mAt[n+1]]; p.ent != nil && p.ent.kind == graph.Person && p.kind == mName {
			return p.ent // "said the Armenian foreign ministry's spokesman, Ani Badalyan"
		}
	}
	return m.ent
}

// narrationBetween reports a subordinate clause of the writer's own
// between the reporting verb at j and the trigger at i: in "the rebels said
// they had attacked a ship, a day after American warplanes bombed Sanaa"
// the bombing is not the rebels' claim.
func (d *doc) narrationBetween(j, i int) bool {
	for k := j + 1; k < i; k++ {
		if !d.toks[k].is(",") {
			continue
		}
		for n := k + 1; n < i && n <= k+4; n++ {
			if d.toks[n].is("after", "before", "while", "amid", "following", "since", "as") {
				return true
			}
		}
		// ", and Turkey and Saudi Arabia denounced the strikes": a clause
		// of its own with a named subject.
		if k+2 < i && d.toks[k+1].is("and", "but") && d.mAt[k+2] >= 0 && d.mentions[d.mAt[k+2]].kind != mPronoun {
			m := d.coordinatedRight(k + 2)
			if m+1 < len(d.toks) && d.verbFollows(m+1) {
				return true
			}
		}
	}
	return false
}

// coordinatedRight returns the last token of the mentions joined by "and"
// or commas starting at k: "Turkey and Saudi Arabia".
func (d *doc) coordinatedRight(k int) int {
	last := d.mentions[d.mAt[k]].last
	for last+2 < len(d.toks) && d.toks[last+1].is("and", ",") && d.mAt[last+2] >= 0 {
		last = d.mentions[d.mAt[last+2]].last
	}
	return last
}

// ownClaim adds the statement of who claiming f, an attack or deployment
// of its own, made with the claim word at j, unless one is already there:
// "Iran claimed to have struck a base near Erbil" is Iran's claim about
// Erbil as well as a strike.
func (d *doc) ownClaim(fs []*frame, f *frame, who *docEntity, j int) []*frame {
	if c := f.root().class(); c != "ASSAULT" && c != "MOBILIZE" || !slices.Contains(f.sources, who) {
		return fs
	}
	for _, c := range fs {
		if c.sense == senseClaim && c.about != nil && c.about.root() == f.root() {
			return fs
		}
	}
	c := &frame{sense: senseClaim, rel: "CLAIMED", placeRel: "CLAIMED", label: senseClaim.label,
		sources: []*docEntity{who}, claimant: who, status: graph.StatusClaimed, about: f, trigger: j,
		sent: d.toks[j].sent, conf: 0.7}
	return append(fs, c)
}

// speechActs are classes whose events are themselves statements.
var speechActs = map[graph.Class]bool{"ACCUSE": true, "REJECT": true, "REQUEST": true, "SUPPORT": true,
	"THREATEN": true, "STATEMENT": true}

// claim attributes f to who (nil: an unnamed source).
func (d *doc) claim(f *frame, who *docEntity) {
	if f.status == graph.StatusPlanned || f.status == graph.StatusDenied || f.status == graph.StatusFailed {
		return
	}
	if who == nil {
		setStatus(f, graph.StatusReported)
		f.conf -= 0.05
		return
	}
	if slices.Contains(f.sources, who) && speechActs[f.class()] {
		return // a speaker's own accusation or demand is an act, not a claim
	}
	if f.claimant == nil {
		f.claimant = who
	}
	setStatus(f, graph.StatusClaimed)
	f.conf -= 0.05
}

// segments numbers the clause segments of a sentence: commas, semicolons,
// dashes, brackets and clause words start a new one.
//
// An aside between commas that only names or describes ("arrested the
// governor of Kano, Abba Yusuf, on Tuesday") is a segment of its own, and
// the clause resumes after it: the date still belongs to the arrest.
func (d *doc) segments(lo, hi int) []int {
	seg := make([]int, hi-lo)
	n, cur := 0, 0
	for j := lo; j < hi; j++ {
		t := &d.toks[j]
		if t.is(",") {
			if k := d.asideEnd(j, hi); k > 0 {
				n++
				for ; j <= k; j++ {
					seg[j-lo] = n
				}
				j--
				continue
			}
		}
		if t.kind == tPunct && strings.ContainsAny(t.text, ",;:()—–") || t.kind == tWord && t.in(clauseWords) && !t.is("as", "that") {
			n++
			cur = n
		}
		seg[j-lo] = cur
	}
	return seg
}

// asideEnd returns the comma closing a naming aside opened by the comma at
// j (", Abba Yusuf,", ", the party's leader,"), or -1: a few words with a
// name or a title in them and no verb.
func (d *doc) asideEnd(j, hi int) int {
	named := false
	for k := j + 1; k < hi && k <= j+8; k++ {
		t := &d.toks[k]
		switch {
		case t.is(","):
			if !named || k == j+1 || k+1 >= hi || d.toks[k+1].in(clauseWords) {
				return -1
			}
			return k
		case d.mAt[k] >= 0:
			named = true
		case t.kind == tPunct && !t.isHyphen() && t.kind != tPoss:
			return -1
		case t.kind == tWord && (t.isVerbForm() || t.in(clauseWords) || t.in(reportVerbs) || t.in(auxiliaries) || t.is("and", "or")):
			return -1
		case isTitleWord(t):
			named = true
		}
	}
	return -1
}

// assignDates gives each frame the date expression in its clause segment
// nearest to its trigger; a trailing participle (", agreeing to ...")
// shares the date of the clause before it.
func (d *doc) assignDates(fs []*frame, lo, hi int) {
	dates := d.curDates
	if len(dates) == 0 {
		return
	}
	seg := d.segments(lo, hi)
	for _, f := range fs {
		if f.sense == senseWar {
			continue // a war lasts: the sentence's day is not its date
		}
		best, bestDist := -1, 1<<30
		for k, dt := range dates {
			if dt.first > lo && d.toks[dt.first].is("through", "until", "since") {
				continue
			}
			dseg := seg[dt.first-lo]
			if dt.first <= lo+1 && dt.last+2 < hi && d.toks[dt.last+1].is(",") {
				dseg = seg[dt.last+2-lo] // "On Tuesday, Chile attacked": a fronted date dates the clause after it
			}
			if dseg != seg[f.trigger-lo] && !(f.participle && dseg == seg[f.trigger-lo]-1) {
				continue
			}
			dist := f.trigger - dt.last
			if dist < 0 {
				dist = dt.first - f.trigger
			}
			if blockedDate(fs, f, dt) || d.modifiesOther(fs, f, dt) || (f.noun || d.perfectBefore(f.trigger)) && d.saidBetween(dt, f.trigger) {
				continue // "the meeting comes after an offer by Lula on Tuesday"
			}
			if dist < bestDist {
				best, bestDist = k, dist
			}
		}
		if best < 0 {
			continue
		}
		dt := dates[best]
		future := f.future || f.status == graph.StatusPlanned
		if day := dt.resolve(d.pub, d.hasPub, future); day != "" {
			f.date, f.dateText = day, dt.text
		}
	}
}

// saidBetween reports that the date dt belongs to a reporting verb rather
// than to the event at i: the verb stands between them ("the deal ...,
// Tshisekedi said on Sunday"), or the date follows it with the event after
// both ("Tshisekedi said on Sunday he hoped the deal would hold").
func (d *doc) saidBetween(dt dateExpr, i int) bool {
	said := func(k int) bool { return k >= 0 && d.toks[k].in(reportVerbs) && d.mAt[k] < 0 }
	if i < dt.first {
		for k := i + 1; k < dt.first; k++ {
			if said(k) {
				return true
			}
		}
		return false
	}
	for k := dt.last + 1; k < i; k++ {
		if said(k) {
			return true
		}
	}
	return said(dt.first-1) || dt.first >= 2 && d.toks[dt.first-1].is("on") && said(dt.first-2)
}

// modifiesOther reports whether dt stands before another event noun as
// its modifier, "in retaliation for the April 22 attack": that noun's
// date, not f's.
func (d *doc) modifiesOther(fs []*frame, f *frame, dt dateExpr) bool {
	for _, g := range fs {
		if g == f || !g.noun || g.root() == f.root() || g.trigger <= dt.last || g.trigger > dt.last+3 {
			continue
		}
		between := true
		for k := dt.last + 1; k < g.trigger; k++ {
			if d.toks[k].kind == tPunct || d.mAt[k] >= 0 || d.toks[k].in(prepositions) {
				between = false
			}
		}
		if between {
			return true
		}
	}
	return false
}

// blockedDate reports whether another statement's trigger lies between f's
// trigger and the date: the date belongs to that nearer statement, unless
// that statement is what f is about ("claimed to have struck X on Monday").
func blockedDate(fs []*frame, f *frame, dt dateExpr) bool {
	lo, hi := f.trigger, dt.first
	if dt.last < f.trigger {
		lo, hi = dt.last, f.trigger
	}
	for _, g := range fs {
		if g != f && g.trigger > lo && g.trigger < hi && g.root() != f.root() && (f.about == nil || g.root() != f.about.root()) {
			return true
		}
	}
	return false
}

// mergeSentence folds frames of one sentence that state one event: an
// attack noun and the verb that tells who carried it out ("a drone attack
// ..., where Syrian forces shelled ..."), or an event noun without
// parties and the verb frame of the same class.
func (d *doc) mergeSentence(fs []*frame) []*frame {
	pool := append(append([]*frame{}, d.sentRefs...), fs...)
	for bi, b := range pool {
		if b.merged != nil || bi < len(d.sentRefs) {
			continue
		}
		for ai := 0; ai < bi; ai++ {
			a := pool[ai].root()
			if a == b || a.class() != b.class() {
				continue
			}
			if a.date != "" && b.date != "" && a.date != b.date {
				continue
			}
			// An attack noun and the verb telling who carried it out: "a drone
			// attack ..., where Syrian forces shelled", "Ruritanian drones hit".
			// An attack the sentence already refers back to ("Calling the raids
			// illegal, he said Ruritanian drones hit ...") absorbs a new mention of it.
			if a.class() == "ASSAULT" && (a.noun != b.noun || ai < len(d.sentRefs)) && d.sourcesCompatible(a.sources, b.sources) && d.placesCompatible(a.places, b.places) {
				d.mergeInto(a, b)
				break
			}
			if (!b.hasParties() || !a.hasParties()) && a.rel == b.rel && d.placesCompatible(a.places, b.places) && labelsCompatible(a, b) {
				d.mergeInto(a, b)
				break
			}
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if f.merged == nil {
			out = append(out, f)
		}
	}
	return out
}

// sourcesCompatible reports whether two source lists can be one attacker:
// either is empty, they share an entity, or one is a body of the other's
// country ("Russian forces" and "Russia").
func (d *doc) sourcesCompatible(a, b []*docEntity) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y || x.country != "" && x.country == y.country {
				return true
			}
		}
	}
	return false
}

// numberWords spell out small counts.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"dozen": 12, "a dozen": 12,
}

// countWords are the keys of numberWords, as a word set.
var countWords = func() wordSet {
	ws := set()
	for w := range numberWords {
		ws.add(w)
	}
	return ws
}()

var (
	killWords   = set("killed", "killing", "kill", "kills", "dead", "died", "die", "deaths", "death", "dies", "slain", "lives")
	injureWords = set("injured", "injuring", "injure", "injures", "wounded", "wounding", "wound", "hurt", "injuries", "wounds")
	personNouns = set("people", "persons", "civilians", "residents", "soldiers", "children", "troops", "others",
		"servicemen", "passengers", "workers", "villagers", "women", "men", "fighters", "militants", "of")
)

// number parses a count at token k: "9", "1,000", "nine".
func (d *doc) number(k int) (int, bool) {
	t := &d.toks[k]
	if t.kind == tNum {
		if dayNumber(t) > 0 && k+1 < len(d.toks) {
			if _, mo := monthNames[d.toks[k+1].lower]; mo && d.toks[k+1].cap {
				return 0, false // "16 May"
			}
		}
		n, err := strconv.Atoi(strings.ReplaceAll(t.text, ",", ""))
		if err != nil || yearNumber(t) > 0 && !(k+1 < len(d.toks) && d.toks[k+1].in(personNouns)) {
			return 0, false
		}
		return n, true
	}
	if !t.in(countWords) {
		return 0, false
	}
	n, ok := numberWords[t.lower]
	return n, ok
}

// casualties reads killed and injured counts in the sentence ("killing nine
// and wounding four", "9 killed", "at least 12 people were wounded") and
// gives them to the sentence's attack, or the last attack before it.
func (d *doc) casualties(fs []*frame, lo, hi int) {
	var killed, injured *int
	at := -1 // where the first count was read
	seen := func(k int) {
		if at < 0 {
			at = k
		}
	}
	for k := lo; k < hi; k++ {
		n, ok := d.number(k)
		if !ok || d.mAt[k] >= 0 {
			continue
		}
		// "killing nine", "killed at least 12": the verb before the number
		p := k - 1
		for p >= lo && d.toks[p].is("least", "at", "more", "than", "around", "about", "nearly", "almost", "over", "some", "up", "to") {
			p--
		}
		if p >= lo {
			if w := d.toks[p].lower; killWords.has(w) && killed == nil {
				killed = ptrInt(n)
				seen(k)
				continue
			} else if injureWords.has(w) && injured == nil {
				injured = ptrInt(n)
				seen(k)
				continue
			}
		}
		// "nine killed", "12 people were wounded", "five people, among them a nurse, were killed"
		depth := 0
		for j := k + 1; j < hi && j < k+12; j++ {
			t := &d.toks[j]
			if t.is(",") {
				depth ^= 1
				continue
			}
			if depth == 1 {
				continue
			}
			if t.in(killWords) {
				if killed == nil {
					killed = ptrInt(n)
					seen(k)
				}
				break
			}
			if t.in(injureWords) {
				if injured == nil {
					injured = ptrInt(n)
					seen(k)
				}
				break
			}
			if !(t.in(personNouns) || t.in(beForms) || t.is("have", "had", "been", "were", "reportedly", "civilian", "more", "other", "killed", "and", "least", "at", "around", "about", "nearly", "almost", "over")) {
				break
			}
		}
	}
	if killed == nil {
		killed = d.deathToll(lo, hi)
	}
	if killed == nil && injured == nil {
		return
	}
	// The counts belong to the attack told last before them ("in
	// retaliation for the attack in Pahalgam, when 26 were killed"), else
	// to the sentence's first attack ("nine were killed in a strike").
	var target *frame
	if at >= 0 {
		best := -1
		for _, f := range d.sentFrames {
			if r := f.root(); r.class() == "ASSAULT" && f.trigger < at && f.trigger > best {
				target, best = r, f.trigger
			}
		}
	}
	for _, f := range append(append([]*frame{}, d.sentRefs...), fs...) {
		if r := f.root(); target == nil && r.class() == "ASSAULT" {
			target = r
			break
		}
	}
	if target == nil {
		sent := d.toks[lo].sent
		for k := len(d.frames) - 1; k >= 0; k-- {
			if r := d.frames[k].root(); r.class() == "ASSAULT" && r.sent >= sent-1 {
				target = r
				break
			}
		}
	}
	if target == nil {
		return
	}
	if target.killed == nil {
		target.killed = killed
	}
	if target.injured == nil {
		target.injured = injured
	}
}

func ptrInt(n int) *int { return &n }

// deathToll reads "the death toll rose to 30", "a death toll of 12".
func (d *doc) deathToll(lo, hi int) *int {
	for k := lo; k+1 < hi; k++ {
		if !d.toks[k].is("toll") {
			continue
		}
		for j := k + 1; j < hi && j < k+12 && !d.toks[j].is(",", ";"); j++ {
			if d.toks[j].is("to", "of", "at") && j+1 < hi {
				if n, ok := d.number(j + 1); ok {
					return &n
				}
			}
		}
	}
	return nil
}
