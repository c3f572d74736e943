package graph

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Fusion: several articles reporting one happening give one fact. Every
// article's statement of a relation or event is kept as a witness; the
// stores group witnesses by a key that needs no other article (GroupKey),
// and FuseRelations / FuseEvents split a group into facts. Both are pure
// functions of the set of witnesses, so the order articles arrive in, a
// re-ingest, or two loaders at once give the same facts, and both stores
// give the same answers.

// RelationWitness is one article's statement of a relation: the relation
// as that article gives it (Witnesses empty), the article's publication
// day, and the casualty figures of the article's event it projects.
type RelationWitness struct {
	Relation
	Published string `json:"published,omitempty"`
	Killed    *int   `json:"killed,omitempty"`
	Injured   *int   `json:"injured,omitempty"`
}

// EventWitness is one article's statement of an event, as that article
// gives it (Witnesses empty), with the article's publication day.
type EventWitness struct {
	Event
	Published string `json:"published,omitempty"`
}

// Disagreement is a field on which a fact's witnesses differ, with the
// distinct values they give, sorted.
type Disagreement struct {
	Field  string   `json:"field"`
	Values []string `json:"values"`
}

// SymmetricTypes are relations that read the same both ways round: "A met
// B" and "B met A" are one meeting.
var SymmetricTypes = map[RelType]bool{
	"MEETS": true, "NEGOTIATES_WITH": true, "AGREED_WITH": true,
	"EXCHANGED_PRISONERS_WITH": true, "COOPERATES_WITH": true,
}

// RelationGroupKey is the part of a relation's fact identity that needs no
// other witness: type and endpoints, unordered for symmetric types.
func RelationGroupKey(r Relation) string {
	s, t := r.Source, r.Target
	if SymmetricTypes[r.Type] && t < s {
		s, t = t, s
	}
	return "rel|" + string(r.Type) + "|" + s + "|" + t
}

// EventGroupKey is the part of an event's identity that needs no other
// witness: type and place; for an event without a place, its acting
// participants (SOURCE, or all when none acts) stand in for the place.
func EventGroupKey(ev Event) string {
	if ev.Place != "" {
		return "ev|" + string(ev.Type) + "|@" + ev.Place
	}
	var actors, all []string
	for _, p := range ev.Participants {
		all = append(all, p.Entity)
		if p.Role == RoleSource {
			actors = append(actors, p.Entity)
		}
	}
	if len(actors) == 0 {
		actors = all
	}
	slices.Sort(actors)
	return "ev|" + string(ev.Type) + "|" + strings.Join(slices.Compact(actors), ",")
}

// Witnesses turns one article's batch into its witnesses, sharing no
// memory with b: a relation carries the casualties of the batch's event it
// projects; a relation or event listed twice keeps its last listing, in
// the place of its first; participants are sorted and unique.
func Witnesses(b Batch) ([]RelationWitness, []EventWitness) {
	p := b.Stamped()
	events := make(map[string]Event, len(p.Events))
	var evIDs []string
	for _, ev := range p.Events {
		if _, ok := events[ev.ID]; !ok {
			evIDs = append(evIDs, ev.ID)
		}
		ev.Participants = SortParticipants(ev.Participants)
		ev.Killed, ev.Injured = clonePtr(ev.Killed), clonePtr(ev.Injured)
		events[ev.ID] = ev
	}
	evs := make([]EventWitness, 0, len(evIDs))
	for _, id := range evIDs {
		evs = append(evs, EventWitness{Event: events[id], Published: p.Article.Published})
	}
	rels := map[string]Relation{}
	var relIDs []string
	for _, r := range p.Relations {
		if _, ok := rels[r.ID]; !ok {
			relIDs = append(relIDs, r.ID)
		}
		rels[r.ID] = r
	}
	out := make([]RelationWitness, 0, len(relIDs))
	for _, id := range relIDs {
		r := rels[id]
		w := RelationWitness{Relation: r, Published: p.Article.Published}
		if ev, ok := events[r.Event]; ok {
			w.Killed, w.Injured = clonePtr(ev.Killed), clonePtr(ev.Injured)
		}
		out = append(out, w)
	}
	return out, evs
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// Clone returns a copy of r sharing no memory with it.
func (r Relation) Clone() Relation {
	r.Evidence = slices.Clone(r.Evidence)
	r.Disagreements = cloneDisagreements(r.Disagreements)
	r.Witnesses = slices.Clone(r.Witnesses)
	for i := range r.Witnesses {
		w := &r.Witnesses[i]
		w.Relation = w.Relation.Clone()
		w.Killed, w.Injured = clonePtr(w.Killed), clonePtr(w.Injured)
	}
	return r
}

// Clone returns a copy of ev sharing no memory with it.
func (ev Event) Clone() Event {
	ev.Participants = slices.Clone(ev.Participants)
	ev.Evidence = slices.Clone(ev.Evidence)
	ev.Killed, ev.Injured = clonePtr(ev.Killed), clonePtr(ev.Injured)
	ev.Disagreements = cloneDisagreements(ev.Disagreements)
	ev.Witnesses = slices.Clone(ev.Witnesses)
	for i := range ev.Witnesses {
		ev.Witnesses[i].Event = ev.Witnesses[i].Event.Clone()
	}
	return ev
}

func cloneDisagreements(ds []Disagreement) []Disagreement {
	out := slices.Clone(ds)
	for i := range out {
		out[i].Values = slices.Clone(out[i].Values)
	}
	return out
}

// dated is what clustering needs of a witness.
type dated struct {
	id, date, published string
	actors, others      []string // event participants, SOURCE and the rest; nil for relations
}

// A witness dated within this many days of a cluster's first day belongs
// to it: an overnight strike is reported under two dates.
const dayWindow = 1

// An undated witness belongs to the latest fact dated up to this many days
// before its article was published (reports speak of recent events).
const undatedWindow = 7

// Precision of a date string: day, month or year.
func parseDate(s string) (t time.Time, layout string, ok bool) {
	for _, l := range []string{time.DateOnly, "2006-01", "2006"} {
		if len(s) == len(l) {
			if t, err := time.Parse(l, s); err == nil {
				return t, l, true
			}
		}
	}
	return time.Time{}, "", false
}

// DatesAgree reports whether two witnesses' dates can name one happening:
// equal; within a day of each other (an overnight strike); one a month or
// year containing the other ("2025-05" and "2025-05-17"); or one undated.
func DatesAgree(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	ta, la, oka := parseDate(a)
	tb, lb, okb := parseDate(b)
	if !oka || !okb {
		return a == b
	}
	if la == time.DateOnly && lb == time.DateOnly {
		return math.Abs(ta.Sub(tb).Hours()) <= 24*dayWindow
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// cluster splits witnesses with one group key into facts, as lists of
// indexes into ws, each sorted, the lists ordered by their first index.
// Day-dated witnesses are taken in date order, each fact spanning at most
// dayWindow days from its first; a month or year joins the largest fact
// within it (ties: the earliest), else a fact of coarse dates; an undated
// witness joins the latest fact dated within undatedWindow days before its
// publication, else a fact of undated witnesses. Event witnesses then
// split where their participants do not overlap.
func cluster(ws []dated) [][]int {
	type fact struct {
		first   string // first date: a day, or a coarse date for coarse facts
		days    time.Time
		coarse  bool
		members []int
	}
	var days, coarse, undated []int
	for i, w := range ws {
		_, l, ok := parseDate(w.date)
		switch {
		case w.date == "":
			undated = append(undated, i)
		case ok && l == time.DateOnly:
			days = append(days, i)
		default:
			coarse = append(coarse, i)
		}
	}
	byDate := func(a, b int) int {
		return cmp.Or(strings.Compare(ws[a].date, ws[b].date), strings.Compare(ws[a].id, ws[b].id), cmp.Compare(a, b))
	}
	slices.SortFunc(days, byDate)
	slices.SortFunc(coarse, byDate)
	slices.SortFunc(undated, func(a, b int) int {
		return cmp.Or(strings.Compare(ws[a].id, ws[b].id), cmp.Compare(a, b))
	})

	var facts []*fact
	for _, i := range days {
		t, _, _ := parseDate(ws[i].date)
		if n := len(facts); n > 0 && t.Sub(facts[n-1].days).Hours() <= 24*dayWindow {
			facts[n-1].members = append(facts[n-1].members, i)
			continue
		}
		facts = append(facts, &fact{first: ws[i].date, days: t, members: []int{i}})
	}
	dayFacts := len(facts)
	for _, i := range coarse {
		var best *fact
		for _, f := range facts[:dayFacts] {
			if strings.HasPrefix(f.first, ws[i].date) && (best == nil || len(f.members) > len(best.members)) {
				best = f
			}
		}
		for _, f := range facts[dayFacts:] {
			if best == nil && DatesAgree(f.first, ws[i].date) {
				best = f
			}
		}
		if best == nil {
			best = &fact{first: ws[i].date, coarse: true}
			facts = append(facts, best)
		}
		best.members = append(best.members, i)
	}
	var rest *fact
	for _, i := range undated {
		var best *fact
		if pub, _, ok := parseDate(ws[i].published); ok && ws[i].published != "" {
			for _, f := range facts {
				start, _, _ := parseDate(f.first)
				if ago := pub.Sub(start).Hours() / 24; ago >= 0 && ago <= undatedWindow &&
					(best == nil || f.first > best.first) {
					best = f
				}
			}
		}
		if best == nil {
			if rest == nil {
				rest = &fact{}
				facts = append(facts, rest)
			}
			best = rest
		}
		best.members = append(best.members, i)
	}

	var out [][]int
	for _, f := range facts {
		out = append(out, splitParticipants(ws, f.members)...)
	}
	for _, m := range out {
		slices.Sort(m)
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// splitParticipants splits event witnesses into groups of compatible
// ones (transitively): two are compatible when their acting participants
// (SOURCE) overlap or one names none, and so do the others (targets,
// mediators), so "Trump calls Putin" and "Trump calls Zelenskyy" on one
// day stay two calls. A witness naming no one joins the largest group.
// Relation witnesses (no participants) stay together.
func splitParticipants(ws []dated, members []int) [][]int {
	parent := make(map[int]int, len(members))
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	var named []int
	for _, i := range members {
		parent[i] = i
		if len(ws[i].actors)+len(ws[i].others) > 0 {
			named = append(named, i)
		}
	}
	agree := func(a, b []string) bool {
		return len(a) == 0 || len(b) == 0 || slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
	}
	// Witnesses naming the same participants agree with each other, so
	// only one of each kind is compared with the others: many reports of a
	// place's events name few distinct casts.
	first := map[string]int{}
	var kinds []int
	for _, i := range named {
		sig := strings.Join(ws[i].actors, ",") + "|" + strings.Join(ws[i].others, ",")
		if j, ok := first[sig]; ok {
			a, b := find(i), find(j)
			parent[max(a, b)] = min(a, b)
			continue
		}
		first[sig] = i
		kinds = append(kinds, i)
	}
	for x, i := range kinds {
		for _, j := range kinds[x+1:] {
			if agree(ws[i].actors, ws[j].actors) && agree(ws[i].others, ws[j].others) {
				a, b := find(i), find(j)
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for _, i := range named {
		r := find(i)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var bare []int
	for _, i := range members {
		if len(ws[i].actors)+len(ws[i].others) == 0 {
			bare = append(bare, i)
		}
	}
	if len(roots) == 0 {
		return [][]int{bare}
	}
	slices.Sort(roots)
	largest := roots[0]
	for _, r := range roots {
		if len(groups[r]) > len(groups[largest]) {
			largest = r
		}
	}
	groups[largest] = append(groups[largest], bare...)
	out := make([][]int, len(roots))
	for i, r := range roots {
		out[i] = groups[r]
	}
	return out
}

// sortedIndexes returns 0..n-1 sorted by cmp, so witnesses are ordered
// without moving them.
func sortedIndexes(n int, cmp func(a, b int) int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	slices.SortFunc(out, cmp)
	return out
}

// witnessOrder is the order fusion takes witnesses in, whatever order a
// store keeps them in: where clustering breaks a tie by position (the
// group a witness naming no participant joins), the same witnesses give
// the same facts.
func witnessOrder(aa, ia, ab, ib string) int {
	return cmp.Or(strings.Compare(aa, ab), strings.Compare(ia, ib))
}

// ReportOrder sorts witnesses as they were reported: by publication day
// (undated last), then article, then id: the order of a fact's Witnesses,
// which a store keeping them apart from the fact puts them back in.
func ReportOrder(pa, aa, ia, pb, ab, ib string) int {
	if (pa == "") != (pb == "") {
		if pa == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(strings.Compare(pa, pb), strings.Compare(aa, ab), strings.Compare(ia, ib))
}

// statusRank orders statuses for ties in support: what happened before
// what was only said, denials last.
var statusRank = map[string]int{
	StatusOccurred: 0, StatusReported: 1, StatusClaimed: 2, StatusPlanned: 3, StatusFailed: 4, StatusDenied: 5,
}

// negative statuses contradict the others: a fact one witness says
// happened and another says was denied or failed is contested.
func negative(status string) bool { return status == StatusDenied || status == StatusFailed }

// fused is what relations and events share once a fact's witnesses are
// known, in report order.
type fused struct {
	sources             int
	first, last         string
	date, status        string
	confidence          float64
	disagreements       []Disagreement
	killed, injured     *int
	statusOf            func(i int) string
	articleOf           func(i int) string
	publishedOf         func(i int) string
	dateOf              func(i int) string
	confidenceOf        func(i int) float64
	killedOf, injuredOf func(i int) *int
}

// derive computes the fused values over n witnesses in report order.
func (f *fused) derive(n int) {
	articles := map[string]float64{}
	statuses := map[string]int{}
	days := map[string]int{}
	coarse := map[string]int{}
	killed, injured := map[int]bool{}, map[int]bool{}
	for i := range n {
		a := f.articleOf(i)
		articles[a] = max(articles[a], f.confidenceOf(i))
		if p := f.publishedOf(i); p != "" {
			if f.first == "" || p < f.first {
				f.first = p
			}
			f.last = max(f.last, p)
		}
		if s := f.statusOf(i); s != "" {
			statuses[s]++
		}
		if d := f.dateOf(i); len(d) == len(time.DateOnly) {
			days[d]++
		} else if d != "" {
			coarse[d]++
		}
		if k := f.killedOf(i); k != nil {
			killed[*k] = true
		}
		if k := f.injuredOf(i); k != nil {
			injured[*k] = true
		}
	}
	f.sources = len(articles)
	// Independent reports: the chance that at least one is right. One
	// article's own figure is kept exactly.
	miss := 1.0
	for _, a := range slices.Sorted(maps.Keys(articles)) {
		miss *= 1 - articles[a]
		f.confidence = articles[a]
	}
	if len(articles) > 1 {
		f.confidence = math.Round((1-miss)*1e6) / 1e6
	}
	f.status = best(statuses, func(a, b string) int { return cmp.Compare(statusRank[a], statusRank[b]) })
	f.date = best(days, strings.Compare)
	if f.date == "" {
		f.date = best(coarse, strings.Compare)
	}
	if len(statuses) > 1 {
		pos, neg := false, false
		for s := range statuses {
			pos = pos || !negative(s)
			neg = neg || negative(s)
		}
		if pos && neg {
			f.disagreements = append(f.disagreements, Disagreement{Field: "status", Values: slices.Sorted(maps.Keys(statuses))})
		}
	}
	f.killed = figures(&f.disagreements, "killed", killed)
	f.injured = figures(&f.disagreements, "injured", injured)
}

// best is the value most witnesses give, ties broken by order.
func best(counts map[string]int, order func(a, b string) int) string {
	var out string
	n := 0
	for _, v := range slices.Sorted(maps.Keys(counts)) {
		if c := counts[v]; c > n || c == n && order(v, out) < 0 {
			out, n = v, c
		}
	}
	return out
}

// figures is the highest casualty figure reported (tolls rise as reports
// come in), noting a disagreement when witnesses give different figures.
func figures(d *[]Disagreement, field string, seen map[int]bool) *int {
	if len(seen) == 0 {
		return nil
	}
	values := make([]int, 0, len(seen))
	for v := range seen {
		values = append(values, v)
	}
	slices.Sort(values)
	if len(values) > 1 {
		strs := make([]string, len(values))
		for i, v := range values {
			strs[i] = strconv.Itoa(v)
		}
		*d = append(*d, Disagreement{Field: field, Values: strs})
	}
	top := values[len(values)-1]
	return &top
}

// FuseRelations fuses witnesses sharing one RelationGroupKey into facts,
// sorted by id. Event is the first report's own event id; a store maps it
// to the fused event holding that witness. A fact's id is its smallest witness id, so a fact one
// article states keeps that article's relation id; its witnesses come in
// report order, and the first report gives the article, title, event,
// endpoints (for symmetric types) and, among witnesses of the fused date,
// the date text; evidence is every witness's, in report order.
func FuseRelations(ws []RelationWitness) []Relation {
	order := sortedIndexes(len(ws), func(a, b int) int { return witnessOrder(ws[a].Article, ws[a].ID, ws[b].Article, ws[b].ID) })
	in := make([]dated, len(ws))
	for i, j := range order {
		w := &ws[j]
		in[i] = dated{id: w.ID, date: w.Date, published: w.Published}
	}
	var out []Relation
	for _, members := range cluster(in) {
		slices.SortFunc(members, func(a, b int) int {
			wa, wb := &ws[order[a]], &ws[order[b]]
			return ReportOrder(wa.Published, wa.Article, wa.ID, wb.Published, wb.Article, wb.ID)
		})
		wit := make([]RelationWitness, len(members))
		for i, m := range members {
			wit[i] = ws[order[m]]
			wit[i].Witnesses = nil
		}
		f := fused{
			statusOf:     func(i int) string { return wit[i].Status },
			articleOf:    func(i int) string { return wit[i].Article },
			publishedOf:  func(i int) string { return wit[i].Published },
			dateOf:       func(i int) string { return wit[i].Date },
			confidenceOf: func(i int) float64 { return wit[i].Confidence },
			killedOf:     func(i int) *int { return wit[i].Killed },
			injuredOf:    func(i int) *int { return wit[i].Injured },
		}
		f.derive(len(wit))
		first := wit[0].Relation
		r := Relation{
			ID: first.ID, Type: first.Type, Class: first.Class, Source: first.Source, Target: first.Target,
			Title: first.Title, Date: f.date, Status: f.status, Confidence: f.confidence,
			Event: first.Event, Article: first.Article, Evidence: []Evidence{},
			Sources: f.sources, FirstReported: f.first, LastReported: f.last,
			Contested: len(f.disagreements) > 0, Disagreements: f.disagreements, Witnesses: wit,
		}
		claim := ""
		for _, w := range wit {
			r.ID = min(r.ID, w.ID)
			r.Evidence = append(r.Evidence, w.Evidence...)
			if r.DateText == "" && w.Date == r.Date {
				r.DateText = w.DateText
			}
			if claim == "" && w.Status == r.Status {
				claim = w.ClaimedBy
			}
		}
		r.ClaimedBy = claim
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Relation) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// FuseEvents fuses witnesses sharing one EventGroupKey into events, sorted
// by id, the way FuseRelations fuses relations; participants are the union
// of the witnesses', and killed and injured the highest figures reported.
func FuseEvents(ws []EventWitness) []Event {
	order := sortedIndexes(len(ws), func(a, b int) int { return witnessOrder(ws[a].Article, ws[a].ID, ws[b].Article, ws[b].ID) })
	in := make([]dated, len(ws))
	for i, j := range order {
		w := &ws[j]
		actors, others := participantIDs(w.Participants)
		in[i] = dated{id: w.ID, date: w.Date, published: w.Published, actors: actors, others: others}
	}
	var out []Event
	for _, members := range cluster(in) {
		slices.SortFunc(members, func(a, b int) int {
			wa, wb := &ws[order[a]], &ws[order[b]]
			return ReportOrder(wa.Published, wa.Article, wa.ID, wb.Published, wb.Article, wb.ID)
		})
		wit := make([]EventWitness, len(members))
		for i, m := range members {
			wit[i] = ws[order[m]]
			wit[i].Witnesses = nil
		}
		f := fused{
			statusOf:     func(i int) string { return wit[i].Status },
			articleOf:    func(i int) string { return wit[i].Article },
			publishedOf:  func(i int) string { return wit[i].Published },
			dateOf:       func(i int) string { return wit[i].Date },
			confidenceOf: func(int) float64 { return 0 },
			killedOf:     func(i int) *int { return wit[i].Killed },
			injuredOf:    func(i int) *int { return wit[i].Injured },
		}
		f.derive(len(wit))
		first := wit[0].Event
		ev := Event{
			ID: first.ID, Type: first.Type, Label: first.Label, Mode: first.Mode, Date: f.date,
			Status: f.status, Place: first.Place, Killed: f.killed, Injured: f.injured,
			Article: first.Article, Evidence: []Evidence{}, Participants: []Participant{},
			Sources: f.sources, FirstReported: f.first, LastReported: f.last,
			Contested: len(f.disagreements) > 0, Disagreements: f.disagreements, Witnesses: wit,
		}
		for _, w := range wit {
			ev.ID = min(ev.ID, w.ID)
			ev.Evidence = append(ev.Evidence, w.Evidence...)
			ev.Participants = append(ev.Participants, w.Participants...)
			if ev.DateText == "" && w.Date == ev.Date {
				ev.DateText = w.DateText
			}
			if ev.Mode == "" {
				ev.Mode = w.Mode
			}
		}
		ev.Participants = SortParticipants(ev.Participants)
		out = append(out, ev)
	}
	slices.SortFunc(out, func(a, b Event) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// SortParticipants sorts by entity, then role, and drops repeats: a
// participant is a link, so stating it twice is stating it once.
func SortParticipants(ps []Participant) []Participant {
	out := slices.Clone(ps)
	slices.SortFunc(out, func(a, b Participant) int {
		return cmp.Or(strings.Compare(a.Entity, b.Entity), strings.Compare(a.Role, b.Role))
	})
	return slices.Compact(out)
}

// participantIDs splits participants into the acting ones (SOURCE) and
// the others, each sorted and unique.
func participantIDs(ps []Participant) (actors, others []string) {
	for _, p := range ps {
		if p.Role == RoleSource {
			actors = append(actors, p.Entity)
		} else {
			others = append(others, p.Entity)
		}
	}
	slices.Sort(actors)
	slices.Sort(others)
	return slices.Compact(actors), slices.Compact(others)
}

// String names a disagreement for logs and tests: "status: denied, occurred".
func (d Disagreement) String() string {
	return fmt.Sprintf("%s: %s", d.Field, strings.Join(d.Values, ", "))
}

// ArticleID is the article a witness is from.
func (w RelationWitness) ArticleID() string { return w.Article }

// ArticleID is the article a witness is from.
func (w EventWitness) ArticleID() string { return w.Article }
