package memory

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestTypeIndex checks that listing relations by type, which reads the
// type index, finds what filtering every relation by type finds, after
// articles come, change a fact's type and go.
func TestTypeIndex(t *testing.T) {
	ctx := context.Background()
	s := New()
	for i := range 300 {
		if err := s.Apply(ctx, indexBatch(i)); err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
	}
	// Article 5's fact becomes a call: it must leave the MEETS index.
	b := indexBatch(5)
	b.Relations[0].Type = "CALLS"
	if err := s.Apply(ctx, b); err != nil {
		t.Fatalf("reapply 5 as CALLS: %v", err)
	}
	for _, id := range []int{0, 100, 7, 8} {
		if err := s.DeleteArticle(ctx, fmt.Sprintf("article:%05d", id)); err != nil {
			t.Fatalf("delete %d: %v", id, err)
		}
	}

	// The index holds each fact once, under its type, and nothing else:
	// a stale id would still be filtered out, but would leak.
	indexed := 0
	for typ, ids := range s.byType {
		for id := range ids {
			indexed++
			if r, ok := s.relations[id]; !ok || string(r.Type) != typ {
				t.Errorf("type index: %s under %s, want it under its own type (present: %v, type %q)", id, typ, ok, r.Type)
			}
		}
	}
	if indexed != len(s.relations) {
		t.Errorf("type index: got %d ids, want one per fact, %d", indexed, len(s.relations))
	}

	all, _, err := s.ListRelations(ctx, graph.RelationQuery{Page: graph.Page{Limit: graph.MaxPageSize}})
	if err != nil {
		t.Fatalf("list all: %v", err)
	}
	for _, types := range [][]graph.RelType{{"STRUCK"}, {"MEETS"}, {"CALLS"}, {"STRUCK", "CALLS", "STRUCK"}, {"HOSTED"}} {
		var want []string
		for _, r := range all {
			if slices.Contains(types, r.Type) {
				want = append(want, r.ID)
			}
		}
		listed, total, err := s.ListRelations(ctx, graph.RelationQuery{Types: types, Page: graph.Page{Limit: graph.MaxPageSize}})
		if err != nil {
			t.Fatalf("list %v: %v", types, err)
		}
		rels, err := s.Relations(ctx, graph.RelationFilter{Types: types})
		if err != nil {
			t.Fatalf("relations %v: %v", types, err)
		}
		for what, got := range map[string][]graph.Relation{"ListRelations": listed, "Relations": rels} {
			ids := make([]string, len(got))
			for i, r := range got {
				ids[i] = r.ID
			}
			if !slices.Equal(ids, want) {
				t.Errorf("%s %v: got %d ids %v, want %d %v", what, types, len(ids), ids, len(want), want)
			}
		}
		if total != len(want) {
			t.Errorf("ListRelations %v: got total %d, want %d", types, total, len(want))
		}
	}
}
