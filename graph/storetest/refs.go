package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/geokg/geokg/graph"
)

// testListRelationsWithRefs checks graph.RefsReader, which every store of
// this module has: the page and total are ListRelations', the ends are the
// entities at either end of the page's relations as Entities reads them
// without mentions, and the articles the ones the relations name as
// Articles reads them, each once, sorted by id. A fact whose first report
// is deleted names, and comes with, the report that is now its first.
func testListRelationsWithRefs(t *testing.T, s graph.Store) {
	rr, ok := s.(graph.RefsReader)
	if !ok {
		t.Fatalf("%T is no graph.RefsReader", s)
	}
	apply(t, s, batchA(t), batchB(t), batchC(t))
	apply(t, s, reportsR(t)...)
	ctx := context.Background()
	queries := []struct {
		name string
		q    graph.RelationQuery
	}{
		{"all", graph.RelationQuery{}},
		{"a page", graph.RelationQuery{Page: graph.Page{After: "rel:a:struck", Limit: 3}}},
		{"types", graph.RelationQuery{Types: []graph.RelType{"STRUCK"}}},
		{"article", graph.RelationQuery{Article: articleB}},
		{"a report of a fused fact", graph.RelationQuery{Article: reportR3}},
		{"self-loop", graph.RelationQuery{Source: "group:orange", Target: "group:orange"}},
		{"none", graph.RelationQuery{Source: "person:nobody"}},
		{"empty page", graph.RelationQuery{Page: graph.Page{After: "rel:zzz"}}},
	}
	check := func(t *testing.T, q graph.RelationQuery) {
		t.Helper()
		wantRels, wantTotal, err := s.ListRelations(ctx, q)
		if err != nil {
			t.Fatalf("ListRelations: got %v, want nil", err)
		}
		got, err := rr.ListRelationsWithRefs(ctx, q)
		if err != nil {
			t.Fatalf("ListRelationsWithRefs: got %v, want nil", err)
		}
		checkRelations(t, "relations", got.Relations, wantRels)
		if got.Total != wantTotal {
			t.Errorf("total: got %d, want %d", got.Total, wantTotal)
		}
		var ends, arts []string
		for _, r := range wantRels {
			ends = append(ends, r.Source, r.Target)
			arts = append(arts, r.Article)
		}
		slices.Sort(ends)
		slices.Sort(arts)
		arts = slices.Compact(arts)
		wantEnds, err := s.Entities(graph.WithoutMentions(ctx), slices.Compact(ends))
		if err != nil {
			t.Fatalf("Entities: got %v, want nil", err)
		}
		checkEntities(t, "ends", got.Ends, wantEnds)
		wantArts := articles(t, s, arts...)
		if len(wantArts) != len(arts) {
			t.Fatalf("Articles %q: got %d, want every article a relation names", arts, len(wantArts))
		}
		checkArticles(t, "articles", got.Articles, wantArts)
	}
	for _, tc := range queries {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.q) })
	}

	if err := s.DeleteArticle(ctx, reportR1); err != nil {
		t.Fatalf("DeleteArticle %s: got %v, want nil", reportR1, err)
	}
	t.Run("first report deleted", func(t *testing.T) {
		q := graph.RelationQuery{Article: reportR2}
		check(t, q)
		p, err := rr.ListRelationsWithRefs(ctx, q)
		if err != nil {
			t.Fatalf("ListRelationsWithRefs: got %v, want nil", err)
		}
		for _, a := range p.Articles {
			if a.ID == reportR1 {
				t.Errorf("articles: got the deleted %s", reportR1)
			}
		}
	})

	_, err := rr.ListRelationsWithRefs(ctx, graph.RelationQuery{Types: []graph.RelType{"LOVES"}})
	wantErr(t, "ListRelationsWithRefs with an unknown type", err, graph.ErrInvalid)
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := rr.ListRelationsWithRefs(canceled, graph.RelationQuery{}); !errors.Is(err, context.Canceled) {
		t.Errorf("ListRelationsWithRefs canceled: got %v, want context.Canceled", err)
	}
}
