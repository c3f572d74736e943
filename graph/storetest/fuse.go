package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
)

// Four invented reports of Sudrian strikes: three of one overnight strike
// on Port Amar (dated the 31st and the 1st, casualty figures differing, the
// third a Sudrian denial without a date), and a fourth of a strike on Lake
// Oran the same night and an earlier one on Port Amar.
const (
	reportR1 = "article:r1"
	reportR2 = "article:r2"
	reportR3 = "article:r3"
	reportR4 = "article:r4"
)

func report(t testing.TB, id, published, body string, rels []graph.Relation, evs []graph.Event) graph.Batch {
	t.Helper()
	ents := []graph.Entity{
		{ID: "country:XS", Name: "Sudria", Kind: graph.Country, Aliases: []string{"Sudrian"}},
		{ID: "city:port-amar", Name: "Port Amar", Kind: graph.City},
		{ID: "city:lake-oran", Name: "Lake Oran", Kind: graph.City},
	}
	for i := range ents {
		if strings.Contains(body, ents[i].Name) {
			ents[i].Mentions = mentions(t, body, ents[i].Name)
		}
	}
	return graph.Batch{
		Article:   graph.Article{ID: id, Title: "Report " + id, Published: published, SHA256: sha(body), Text: body},
		Entities:  ents,
		Relations: rels,
		Events:    evs,
	}
}

func strike(id, target, date, dateText, status string, confidence float64, event string, ev []graph.Evidence) graph.Relation {
	return graph.Relation{ID: id, Type: "STRUCK", Class: "ASSAULT", Source: "country:XS", Target: target,
		Date: date, DateText: dateText, Status: status, Confidence: confidence, Event: event, Evidence: ev}
}

func attack(id, place, date, status string, killed *int, ev []graph.Evidence) graph.Event {
	return graph.Event{ID: id, Type: "ASSAULT", Label: "drone strike", Mode: "drone", Date: date, Status: status,
		Place: place, Killed: killed, Evidence: ev,
		Participants: []graph.Participant{{Entity: "country:XS", Role: graph.RoleSource}, {Entity: place, Role: graph.RoleTarget}}}
}

func reportsR(t testing.TB) []graph.Batch {
	t.Helper()
	b1 := "Sudrian drones struck Port Amar overnight, killing 4 people."
	b2 := "Port Amar was hit by Sudrian drones on Sunday. Six people died, officials said."
	b3 := "Sudria denied striking Port Amar."
	b4 := "Sudrian drones also struck Lake Oran on Saturday night. Port Amar had been struck on 20 May."
	e1 := evidence(t, b1, b1)
	e2 := evidence(t, b2, "Port Amar was hit by Sudrian drones on Sunday.")
	e3 := evidence(t, b3, b3)
	e4a := evidence(t, b4, "Sudrian drones also struck Lake Oran on Saturday night.")
	e4b := evidence(t, b4, "Port Amar had been struck on 20 May.")
	return []graph.Batch{
		report(t, reportR1, "2025-06-01", b1,
			[]graph.Relation{strike("rel:r1:struck", "city:port-amar", "2025-05-31", "overnight", graph.StatusOccurred, 0.8, "event:r1:strike", e1)},
			[]graph.Event{attack("event:r1:strike", "city:port-amar", "2025-05-31", graph.StatusOccurred, ptr(4), e1)}),
		report(t, reportR2, "2025-06-01", b2,
			[]graph.Relation{strike("rel:r2:struck", "city:port-amar", "2025-06-01", "on Sunday", graph.StatusOccurred, 0.7, "event:r2:strike", e2)},
			[]graph.Event{attack("event:r2:strike", "city:port-amar", "2025-06-01", graph.StatusOccurred, ptr(6), e2)}),
		report(t, reportR3, "2025-06-02", b3,
			[]graph.Relation{func() graph.Relation {
				r := strike("rel:r3:struck", "city:port-amar", "", "", graph.StatusDenied, 0.6, "event:r3:strike", e3)
				r.ClaimedBy = "country:XS"
				return r
			}()},
			[]graph.Event{attack("event:r3:strike", "city:port-amar", "", graph.StatusDenied, nil, e3)}),
		report(t, reportR4, "2025-06-03", b4,
			[]graph.Relation{
				strike("rel:r4:lake", "city:lake-oran", "2025-05-31", "on Saturday night", graph.StatusOccurred, 0.8, "event:r4:lake", e4a),
				strike("rel:r4:earlier", "city:port-amar", "2025-05-20", "on 20 May", graph.StatusOccurred, 0.8, "", e4b),
			},
			[]graph.Event{attack("event:r4:lake", "city:lake-oran", "2025-05-31", graph.StatusOccurred, nil, e4a)}),
	}
}

// factView is what fusion decides about a fact, for comparing by value.
type factView struct {
	ID, Source, Target, Date, DateText, Status, ClaimedBy, Event, Article string
	Sources                                                               int
	First, Last                                                           string
	Confidence                                                            float64
	Contested                                                             bool
	Disagreements                                                         []string
	Witnesses                                                             []string // id@article status date, in report order
	Killed                                                                *int
	Evidence                                                              int
}

func viewRelations(rs []graph.Relation) []factView {
	out := []factView{}
	for _, r := range rs {
		v := factView{ID: r.ID, Source: r.Source, Target: r.Target, Date: r.Date, DateText: r.DateText, Status: r.Status,
			ClaimedBy: r.ClaimedBy, Event: r.Event, Article: r.Article, Sources: r.Sources, First: r.FirstReported,
			Last: r.LastReported, Confidence: r.Confidence, Contested: r.Contested, Evidence: len(r.Evidence)}
		for _, d := range r.Disagreements {
			v.Disagreements = append(v.Disagreements, d.String())
		}
		for _, w := range r.Witnesses {
			v.Witnesses = append(v.Witnesses, fmt.Sprintf("%s@%s %s %s", w.ID, w.Article, w.Status, w.Date))
		}
		out = append(out, v)
	}
	return out
}

func viewEvents(evs []graph.Event) []factView {
	out := []factView{}
	for _, ev := range evs {
		v := factView{ID: ev.ID, Source: ev.Place, Date: ev.Date, DateText: ev.DateText, Status: ev.Status, Article: ev.Article,
			Sources: ev.Sources, First: ev.FirstReported, Last: ev.LastReported, Contested: ev.Contested,
			Killed: ev.Killed, Evidence: len(ev.Evidence)}
		for _, d := range ev.Disagreements {
			v.Disagreements = append(v.Disagreements, d.String())
		}
		for _, w := range ev.Witnesses {
			v.Witnesses = append(v.Witnesses, fmt.Sprintf("%s@%s %s %s", w.ID, w.Article, w.Status, w.Date))
		}
		out = append(out, v)
	}
	return out
}

// The facts the four reports give.
var (
	factPortAmar = factView{
		ID: "rel:r1:struck", Source: "country:XS", Target: "city:port-amar", Date: "2025-05-31", DateText: "overnight",
		Status: graph.StatusOccurred, Event: "event:r1:strike", Article: reportR1, Sources: 3,
		First: "2025-06-01", Last: "2025-06-02", Confidence: 0.976, Contested: true,
		Disagreements: []string{"status: denied, occurred", "killed: 4, 6"},
		Witnesses: []string{"rel:r1:struck@article:r1 occurred 2025-05-31", "rel:r2:struck@article:r2 occurred 2025-06-01",
			"rel:r3:struck@article:r3 denied "},
		Evidence: 3,
	}
	factEarlier = factView{
		ID: "rel:r4:earlier", Source: "country:XS", Target: "city:port-amar", Date: "2025-05-20", DateText: "on 20 May",
		Status: graph.StatusOccurred, Article: reportR4, Sources: 1, First: "2025-06-03", Last: "2025-06-03", Confidence: 0.8,
		Witnesses: []string{"rel:r4:earlier@article:r4 occurred 2025-05-20"}, Evidence: 1,
	}
	factLake = factView{
		ID: "rel:r4:lake", Source: "country:XS", Target: "city:lake-oran", Date: "2025-05-31", DateText: "on Saturday night",
		Status: graph.StatusOccurred, Event: "event:r4:lake", Article: reportR4, Sources: 1, First: "2025-06-03", Last: "2025-06-03",
		Confidence: 0.8, Witnesses: []string{"rel:r4:lake@article:r4 occurred 2025-05-31"}, Evidence: 1,
	}
	eventPortAmar = factView{
		ID: "event:r1:strike", Source: "city:port-amar", Date: "2025-05-31", Status: graph.StatusOccurred, Article: reportR1,
		Sources: 3, First: "2025-06-01", Last: "2025-06-02", Contested: true, Killed: ptr(6),
		Disagreements: []string{"status: denied, occurred", "killed: 4, 6"},
		Witnesses: []string{"event:r1:strike@article:r1 occurred 2025-05-31", "event:r2:strike@article:r2 occurred 2025-06-01",
			"event:r3:strike@article:r3 denied "},
		Evidence: 3,
	}
	eventLake = factView{
		ID: "event:r4:lake", Source: "city:lake-oran", Date: "2025-05-31", Status: graph.StatusOccurred, Article: reportR4,
		Sources: 1, First: "2025-06-03", Last: "2025-06-03", Witnesses: []string{"event:r4:lake@article:r4 occurred 2025-05-31"}, Evidence: 1,
	}
)

func allEvents(t testing.TB, s graph.Store) []graph.Event {
	t.Helper()
	evs, _, err := s.ListEvents(context.Background(), graph.EventQuery{Page: graph.Page{Limit: graph.MaxPageSize}})
	if err != nil {
		t.Fatalf("ListEvents: got %v, want nil", err)
	}
	return evs
}

func testFuse(t *testing.T, s graph.Store) {
	ctx := context.Background()
	apply(t, s, reportsR(t)...)
	check(t, "fused Relations", viewRelations(relations(t, s, graph.RelationFilter{})), []factView{factPortAmar, factEarlier, factLake})
	// Dated events by date: both on the 31st, then by id.
	check(t, "fused Events", viewEvents(allEvents(t, s)), []factView{eventPortAmar, eventLake})

	// Any witness's article finds the fact.
	for _, art := range []string{reportR1, reportR2, reportR3} {
		check(t, "Relations of "+art, viewRelations(relations(t, s, graph.RelationFilter{Article: art})), []factView{factPortAmar})
	}
	check(t, "Relations of "+reportR4, viewRelations(relations(t, s, graph.RelationFilter{Article: reportR4})), []factView{factEarlier, factLake})
	check(t, "Relations out of Sudria", viewRelations(relations(t, s, graph.RelationFilter{Entity: "country:XS", Direction: graph.Out})),
		[]factView{factPortAmar, factEarlier, factLake})
	byEntity, err := s.RelationsOf(ctx, []string{"city:port-amar"}, graph.RelationFilter{Article: reportR2})
	if err != nil {
		t.Fatalf("RelationsOf: got %v, want nil", err)
	}
	check(t, "RelationsOf Port Amar in "+reportR2, viewRelations(byEntity["city:port-amar"]), []factView{factPortAmar})
	sub, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "city:port-amar", Depth: 1})
	if err != nil {
		t.Fatalf("Neighborhood: got %v, want nil", err)
	}
	check(t, "Neighborhood of Port Amar: one edge per fact", viewRelations(sub.Relations), []factView{factPortAmar, factEarlier})
	check(t, "the fact's event", viewEvents(events(t, s, factPortAmar.Event)), []factView{eventPortAmar})

	yes, no := true, false
	for _, c := range []struct {
		name string
		q    graph.RelationQuery
		want []factView
	}{
		{"min sources 2", graph.RelationQuery{MinSources: 2}, []factView{factPortAmar}},
		{"min sources 4", graph.RelationQuery{MinSources: 4}, nil},
		{"contested", graph.RelationQuery{Contested: &yes}, []factView{factPortAmar}},
		{"not contested", graph.RelationQuery{Contested: &no}, []factView{factEarlier, factLake}},
		{"article and min sources", graph.RelationQuery{Article: reportR4, MinSources: 1}, []factView{factEarlier, factLake}},
		{"status is the fused one", graph.RelationQuery{Statuses: []string{graph.StatusDenied}}, nil},
	} {
		got, total, err := s.ListRelations(ctx, c.q)
		if err != nil {
			t.Fatalf("ListRelations %s: got %v, want nil", c.name, err)
		}
		check(t, "ListRelations "+c.name, viewRelations(got), append([]factView{}, c.want...))
		if total != len(c.want) {
			t.Errorf("ListRelations %s total: got %d, want %d", c.name, total, len(c.want))
		}
	}
	for _, c := range []struct {
		name string
		q    graph.EventQuery
		want []factView
	}{
		{"min sources 2", graph.EventQuery{MinSources: 2}, []factView{eventPortAmar}},
		{"contested", graph.EventQuery{Contested: &yes}, []factView{eventPortAmar}},
		{"not contested", graph.EventQuery{Contested: &no}, []factView{eventLake}},
		{"article", graph.EventQuery{Article: reportR3}, []factView{eventPortAmar}},
		{"killed at least 5: the highest figure", graph.EventQuery{MinKilled: 5}, []factView{eventPortAmar}},
	} {
		got, total, err := s.ListEvents(ctx, c.q)
		if err != nil {
			t.Fatalf("ListEvents %s: got %v, want nil", c.name, err)
		}
		check(t, "ListEvents "+c.name, viewEvents(got), c.want)
		if total != len(c.want) {
			t.Errorf("ListEvents %s total: got %d, want %d", c.name, total, len(c.want))
		}
	}
	for _, q := range []graph.RelationQuery{{MinSources: -1}} {
		_, _, err := s.ListRelations(ctx, q)
		wantErr(t, "ListRelations min sources -1", err, graph.ErrInvalid)
	}

	// A report of the event alone, whose id is the smallest: the fused
	// event's id changes, and so does the event of the fact, though no
	// relation of it changed.
	b0 := "A drone strike hit Port Amar overnight."
	r0 := report(t, "article:r0", "2025-06-01", b0, nil,
		[]graph.Event{attack("event:r0:strike", "city:port-amar", "2025-05-31", graph.StatusReported, nil, evidence(t, b0, b0))})
	apply(t, s, r0)
	if got := relations(t, s, graph.RelationFilter{Article: reportR1}); len(got) != 1 || got[0].Event != "event:r0:strike" {
		t.Errorf("the fact's event after a report of the event alone: got %+v, want event:r0:strike", got)
	}
	if err := s.DeleteArticle(ctx, "article:r0"); err != nil {
		t.Fatalf("DeleteArticle article:r0: got %v, want nil", err)
	}
	check(t, "fused Relations after deleting the event-only report", viewRelations(relations(t, s, graph.RelationFilter{})), []factView{factPortAmar, factEarlier, factLake})

	st, err := s.Stats(ctx, 0)
	if err != nil {
		t.Fatalf("Stats: got %v, want nil", err)
	}
	got := []int{st.Relations, st.RawRelations, st.Events, st.RawEvents}
	if want := []int{3, 5, 2, 4}; !slices.Equal(got, want) {
		t.Errorf("Stats relations, raw relations, events, raw events: got %v, want %v", got, want)
	}
	if len(st.PerArticle) != 4 || st.PerArticle[3].Relations != 2 || st.PerArticle[3].Events != 1 {
		t.Errorf("Stats per article: got %+v, want raw counts, 2 relations and 1 event for %s", st.PerArticle, reportR4)
	}
}

// testUnfuseOnDelete deletes each report in turn: only its witness goes,
// and applying it again gives back the same graph.
func testUnfuseOnDelete(t *testing.T, s graph.Store) {
	ctx := context.Background()
	reports := reportsR(t)
	apply(t, s, reports...)
	full := viewRelations(relations(t, s, graph.RelationFilter{}))
	fullEvents := viewEvents(allEvents(t, s))

	without := func(drop string) []string {
		var out []string
		for _, w := range factPortAmar.Witnesses {
			if !strings.Contains(w, "@"+drop+" ") {
				out = append(out, w)
			}
		}
		return out
	}
	for _, r := range reports[:3] {
		if err := s.DeleteArticle(ctx, r.Article.ID); err != nil {
			t.Fatalf("DeleteArticle %s: got %v, want nil", r.Article.ID, err)
		}
		rs := viewRelations(relations(t, s, graph.RelationFilter{Entity: "city:port-amar", Types: []graph.RelType{"STRUCK"}}))
		if len(rs) != 2 || rs[0].Sources != 2 || !slices.Equal(rs[0].Witnesses, without(r.Article.ID)) {
			t.Errorf("after deleting %s: got %+v, want the fact with the two other witnesses and the earlier strike", r.Article.ID, rs)
		}
		apply(t, s, r)
		check(t, "Relations after applying "+r.Article.ID+" again", viewRelations(relations(t, s, graph.RelationFilter{})), full)
		check(t, "Events after applying "+r.Article.ID+" again", viewEvents(allEvents(t, s)), fullEvents)
	}

	// Without the denial the fact is no longer contested on status.
	for _, id := range []string{reportR3, reportR2} {
		if err := s.DeleteArticle(ctx, id); err != nil {
			t.Fatalf("DeleteArticle %s: got %v, want nil", id, err)
		}
	}
	rs := viewRelations(relations(t, s, graph.RelationFilter{Article: reportR1}))
	want := factView{
		ID: "rel:r1:struck", Source: "country:XS", Target: "city:port-amar", Date: "2025-05-31", DateText: "overnight",
		Status: graph.StatusOccurred, Event: "event:r1:strike", Article: reportR1, Sources: 1, First: "2025-06-01", Last: "2025-06-01",
		Confidence: 0.8, Witnesses: []string{"rel:r1:struck@article:r1 occurred 2025-05-31"}, Evidence: 1,
	}
	check(t, "the fact with one witness left", rs, []factView{want})

	// The last witness gone, the fact goes; the shared place stays for r4.
	if err := s.DeleteArticle(ctx, reportR1); err != nil {
		t.Fatalf("DeleteArticle %s: got %v, want nil", reportR1, err)
	}
	check(t, "Relations with r4 alone", viewRelations(relations(t, s, graph.RelationFilter{})), []factView{factEarlier, factLake})
	check(t, "Events with r4 alone", viewEvents(allEvents(t, s)), []factView{eventLake})
	if got := entityIDs(entities(t, s, "city:port-amar", "country:XS")); len(got) != 2 {
		t.Errorf("shared entities after deletes: got %q, want both", got)
	}
}

// testFuseIdempotent re-applies the reports in other orders: the same facts.
func testFuseIdempotent(t *testing.T, s graph.Store) {
	ctx := context.Background()
	r := reportsR(t)
	apply(t, s, r...)
	want := viewRelations(relations(t, s, graph.RelationFilter{}))
	wantEvents := viewEvents(allEvents(t, s))
	apply(t, s, r[2], r[0], r[3], r[1], r[2])
	check(t, "Relations after re-applying", viewRelations(relations(t, s, graph.RelationFilter{})), want)
	check(t, "Events after re-applying", viewEvents(allEvents(t, s)), wantEvents)
	for _, b := range r {
		if err := s.DeleteArticle(ctx, b.Article.ID); err != nil {
			t.Fatalf("DeleteArticle %s: got %v, want nil", b.Article.ID, err)
		}
	}
	check(t, "Relations after deleting every report", viewRelations(relations(t, s, graph.RelationFilter{})), []factView{})
	apply(t, s, r[3], r[2], r[1], r[0])
	check(t, "Relations applied in reverse", viewRelations(relations(t, s, graph.RelationFilter{})), want)
	check(t, "Events applied in reverse", viewEvents(allEvents(t, s)), wantEvents)
}

// testConcurrentReports applies two reports of one event at once, again
// and again, from separate copies as two loaders would.
func testConcurrentReports(t *testing.T, s graph.Store) {
	ctx := context.Background()
	apply(t, s, reportsR(t)[3])
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := reportsR(t)
			for range 3 {
				if err := s.Apply(ctx, r[i]); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent Apply: got %v, want nil", err)
	}
	check(t, "Relations after concurrent reports", viewRelations(relations(t, s, graph.RelationFilter{})), []factView{factPortAmar, factEarlier, factLake})
	check(t, "Events after concurrent reports", viewEvents(allEvents(t, s)), []factView{eventPortAmar, eventLake})
}
