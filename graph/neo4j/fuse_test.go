package neo4j

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// strikeReport is report i of strikes on one city, dated over 20 days, so
// all reports share two fact groups (the strike, the city's country).
func strikeReport(i int) graph.Batch {
	art := fmt.Sprintf("article:s%04d", i)
	text := fmt.Sprintf("Report %d: Russia struck Sumy.", i)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	day := fmt.Sprintf("2025-05-%02d", 1+i%20)
	killed := i % 5
	return graph.Batch{
		Article: graph.Article{ID: art, Published: day, Text: text},
		Entities: []graph.Entity{
			{ID: "country:RU", Name: "Russia", Kind: graph.Country},
			{ID: "city:sumy", Name: "Sumy", Kind: graph.City},
			{ID: "country:UA", Name: "Ukraine", Kind: graph.Country},
		},
		Relations: []graph.Relation{
			{ID: art + ":struck", Type: "STRUCK", Class: "ASSAULT", Source: "country:RU", Target: "city:sumy", Date: day,
				Status: graph.StatusOccurred, Confidence: 0.5, Event: art + ":ev", Evidence: ev},
			{ID: art + ":loc", Type: "LOCATED_IN", Class: graph.Structural, Source: "city:sumy", Target: "country:UA", Confidence: 0.9, Evidence: ev},
		},
		Events: []graph.Event{{ID: art + ":ev", Type: "ASSAULT", Label: "strike", Date: day, Place: "city:sumy", Killed: &killed,
			Participants: []graph.Participant{{Entity: "country:RU", Role: graph.RoleSource}}, Evidence: ev}},
	}
}

// TestConcurrentHotGroup has four writers apply overlapping reports of
// the same facts at once: every apply succeeds (deadlocks, if any, are
// retried inside the store) and the facts are those the embedded store
// fuses from the same reports.
func TestConcurrentHotGroup(t *testing.T) {
	const reports = 40
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range reports {
				if err := s.Apply(ctx, strikeReport((i*7+g*13)%reports)); err != nil && errs[g] == nil {
					errs[g] = err
				}
			}
		}()
	}
	wg.Wait()
	for g, err := range errs {
		if err != nil {
			t.Errorf("writer %d: got %v, want nil", g, err)
		}
	}
	m := memory.New()
	for i := range reports {
		if err := m.Apply(ctx, strikeReport(i)); err != nil {
			t.Fatal(err)
		}
	}
	compare(t, "after concurrent writers", s, m)
	all := graph.EventQuery{Page: graph.Page{Limit: graph.MaxPageSize}}
	got, _, err := s.ListEvents(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := m.ListEvents(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := fmt.Sprint(eventSummary(got)), fmt.Sprint(eventSummary(want)); g != w {
		t.Errorf("events after concurrent writers: got %s, want %s", g, w)
	}
}

func eventSummary(evs []graph.Event) []string {
	var out []string
	for _, ev := range evs {
		out = append(out, fmt.Sprintf("%s %s sources=%d killed=%d contested=%v witnesses=%d", ev.ID, ev.Date, ev.Sources, *ev.Killed, ev.Contested, len(ev.Witnesses)))
	}
	return out
}

// TestArticleReadsIndexBacked profiles the reads that start from an
// article or an entity: every node lookup goes through an index, never a
// label or store scan.
func TestArticleReadsIndexBacked(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	for i := range 20 {
		if err := s.Apply(context.Background(), strikeReport(i)); err != nil {
			t.Fatal(err)
		}
	}
	d, err := c.Driver()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	types, _ := checkTypes(nil)
	params := map[string]any{"article": "article:s0005", "entity": "city:sumy", "id": "city:sumy",
		"limit": int64(10), "after": "", "afterID": nil, "afterDate": "", "articles": []string{"article:s0005", "article:s0006"}}
	for name, q := range map[string]string{
		"relations of an article":      fmt.Sprintf(relationsOfArticle, types, "$article") + relationsTail,
		"list relations of an article": fmt.Sprintf(listRelationsQuery, fmt.Sprintf(listRelationsOfArticle, types, "$article"), "", "\nWHERE r.id > $after"),
		"events of an article":         fmt.Sprintf(listEventsQuery, fmt.Sprintf(eventsOfArticle, "$article"), ""),
		"relations of an entity":       fmt.Sprintf(relationsBoth, types, "$entity") + relationsTail,
		"neighbourhood":                fmt.Sprintf(neighborhoodQuery, types, 1),
		"entities of articles":         fmt.Sprintf(articleEntitiesQuery, types, "article", fmt.Sprintf(eventsOfArticle, "article")),
	} {
		res, err := driver.ExecuteQuery(context.Background(), d, "PROFILE "+q, params, driver.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var ops []string
		var walk func(p driver.ProfiledPlan)
		walk = func(p driver.ProfiledPlan) {
			ops = append(ops, p.Operator())
			for _, ch := range p.Children() {
				walk(ch)
			}
		}
		walk(res.Summary.Profile())
		plan := strings.Join(ops, " ")
		// A label or store scan reads every node or relationship. A
		// NodeIndexScan the planner may pick over a tiny index (other
		// tests' data in the shared database change its statistics) is
		// still index-backed, and at scale it picks the seek.
		for _, op := range ops {
			if strings.Contains(op, "Scan") && !strings.HasPrefix(op, "NodeIndexScan") {
				t.Errorf("%s: got plan %s, want index lookups and no label or store scan", name, plan)
				break
			}
		}
		if !strings.Contains(plan, "IndexSeek") {
			t.Errorf("%s: got plan %s, want an index seek", name, plan)
		}
	}
}

// TestWritePlansIndexBacked profiles the two large write statements on an
// empty graph, the statistics their cached plan may have been made with
// (they skip replanning, see noReplan): every node they look up is found
// through an index.
func TestWritePlansIndexBacked(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	d, err := c.Driver()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	query(t, c, `CALL db.clearQueryCaches()`, nil) // plans made now, on the empty graph
	rows := map[string]any{}
	for _, name := range []string{"articles", "deletes", "entities", "mentionDrops", "mentions", "groups",
		"relationWitnessDrops", "relationWitnesses", "relationWitnessMoves", "eventWitnessMoves", "eventGroups",
		"events", "eventWitnesses", "relationGroups", "facts", "refreshes", "deleted", "touched"} {
		rows[name] = []any{}
	}
	params := writeParams(rows)
	for name, q := range map[string]string{"lock": lockQuery, "save": save} {
		res, err := driver.ExecuteQuery(context.Background(), d, strings.Replace(q, noReplan, noReplan+"PROFILE ", 1), params, driver.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seeks := 0
		var walk func(p, parent driver.ProfiledPlan)
		walk = func(p, parent driver.ProfiledPlan) {
			op := p.Operator()
			if strings.Contains(op, "Seek") {
				seeks++
			}
			if strings.Contains(op, "Scan") {
				details, _ := parent.Arguments()["Details"].(string)
				t.Errorf("%s: %s %v under %s %q, want index lookups and no scan", name, op, p.Arguments(), parent.Operator(), details)
			}
			for _, ch := range p.Children() {
				walk(ch, p)
			}
		}
		root := res.Summary.Profile()
		walk(root, root)
		if seeks == 0 {
			t.Errorf("%s: no index seek in the plan", name)
		}
	}
}
