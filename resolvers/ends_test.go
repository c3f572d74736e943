package resolvers

import (
	"context"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// endsCounter is a callCounter that passes graph.EndsReader through.
type endsCounter struct{ *callCounter }

func (c endsCounter) RelationsOfWithEnds(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, []graph.Entity, error) {
	c.count("RelationsOfWithEnds")
	return c.Store.(graph.EndsReader).RelationsOfWithEnds(ctx, ids, f)
}

// TestRelationEndsReadAlongside checks that over a store that reads the
// ends of relations with them (graph.EndsReader), an entity's relations
// with their targets' names cost no read of entities, and the answer is
// the one a store without it gives through a second read.
func TestRelationEndsReadAlongside(t *testing.T) {
	const q = `{ entity(name: "Hub Person") { relations(direction: OUT, first: 20) { nodes { id source { name } target { name kind } } } } }`
	s := memory.New()
	if err := s.Apply(context.Background(), hubBatch(30)); err != nil {
		t.Fatal(err)
	}
	plain := newCallCounter(s)
	c, _ := newClient(t, plain)
	want, errs := query(t, c, q)
	if len(errs) > 0 {
		t.Fatalf("without EndsReader: errors %+v", errs)
	}
	if _, detail := plain.reset(); !strings.Contains(detail, "Entities:") {
		t.Fatalf("without EndsReader: store calls %s, want a read of Entities for the ends", detail)
	}

	ends := endsCounter{newCallCounter(s)}
	c, _ = newClient(t, ends)
	got, errs := query(t, c, q)
	if len(errs) > 0 {
		t.Fatalf("with EndsReader: errors %+v", errs)
	}
	if got != want {
		t.Errorf("with EndsReader:\ngot  %s\nwant %s", got, want)
	}
	if _, detail := ends.reset(); detail != "FindEntity:1 RelationsOfWithEnds:1" {
		t.Errorf("with EndsReader: store calls %s, want FindEntity:1 RelationsOfWithEnds:1", detail)
	}
	if !strings.Contains(want, `"Person 019"`) {
		t.Errorf("answer %s: want the targets' names", want)
	}
}
