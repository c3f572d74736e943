package storetest

import (
	"context"
	"testing"

	"github.com/geokg/geokg/graph"
)

// testRelationSummaries checks that Neighborhood under
// graph.WithRelationSummaries answers as without it, each relation cut to
// its Summary, and that the fixtures give every summary field a value, so
// a store that drops or garbles one is caught.
func testRelationSummaries(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t), batchB(t), batchC(t))
	apply(t, s, reportsR(t)...) // a contested fact, fused from four reports
	ctx := context.Background()
	bare := graph.WithRelationSummaries(ctx)
	queries := []graph.NeighborhoodQuery{
		{ID: "person:ana-vela", Depth: 1},
		{ID: "person:ila-moss", Depth: 3},
		{ID: "person:ila-moss", Depth: 3, Limit: 3},
		{ID: "city:port-amar", Depth: 2, Types: []graph.RelType{"DEPLOYED_TO", "LOCATED_IN"}},
		{ID: "group:orange", Depth: 2},
		{ID: "city:lake-oran", Depth: 2},
	}
	var seen []graph.Relation
	for _, q := range queries {
		full, err := s.Neighborhood(ctx, q)
		if err != nil {
			t.Fatalf("Neighborhood %+v: got %v, want nil", q, err)
		}
		got, err := s.Neighborhood(bare, q)
		if err != nil {
			t.Fatalf("Neighborhood %+v with relation summaries: got %v, want nil", q, err)
		}
		want := make([]graph.Relation, len(full.Relations))
		for i, r := range full.Relations {
			want[i] = r.Summary()
		}
		what := dump(q) + " with relation summaries"
		checkRelations(t, what+": relations", got.Relations, want)
		checkEntities(t, what+": entities", got.Entities, full.Entities)
		seen = append(seen, full.Relations...)
	}
	checkSummaryFixtures(t, seen)
}

// checkSummaryFixtures fails unless some relation in rels has each
// summary field set and some has evidence, which a summary leaves out.
func checkSummaryFixtures(t *testing.T, rels []graph.Relation) {
	t.Helper()
	fields := map[string]func(r graph.Relation) bool{
		"class":      func(r graph.Relation) bool { return r.Class != "" },
		"date":       func(r graph.Relation) bool { return r.Date != "" },
		"status":     func(r graph.Relation) bool { return r.Status != "" },
		"confidence": func(r graph.Relation) bool { return r.Confidence != 0 },
		"event":      func(r graph.Relation) bool { return r.Event != "" },
		"sources":    func(r graph.Relation) bool { return r.Sources > 1 },
		"contested":  func(r graph.Relation) bool { return r.Contested },
		"evidence":   func(r graph.Relation) bool { return len(r.Evidence) > 0 },
	}
	for name, set := range fields {
		found := false
		for _, r := range rels {
			found = found || set(r)
		}
		if !found {
			t.Errorf("fixtures: no relation read has its %s set, so the summaries' are not checked", name)
		}
	}
}
