package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/geokg/geokg/graph"
)

// testRelationsOfWithEnds checks graph.EndsReader, which every store of
// this module has: the relations are RelationsOf's, and the ends are the
// entities at either end of them as Entities reads them without mentions,
// each once, sorted by id.
func testRelationsOfWithEnds(t *testing.T, s graph.Store) {
	er, ok := s.(graph.EndsReader)
	if !ok {
		t.Fatalf("%T is no graph.EndsReader", s)
	}
	a, b, c := batchA(t), batchB(t), batchC(t)
	apply(t, s, a, b, c)
	ctx := context.Background()
	ids := append(allFixtureEntityIDs(a, b, c), "person:nobody", "")
	for _, q := range []struct {
		ids []string
		f   graph.RelationFilter
	}{
		{ids, graph.RelationFilter{}},
		{ids, graph.RelationFilter{Direction: graph.Out, Limit: 1}},
		{[]string{"person:ana-vela", "person:ana-vela"}, graph.RelationFilter{Direction: graph.In}},
		{[]string{"group:orange"}, graph.RelationFilter{}}, // a self-loop: one end, once
		{[]string{"person:ila-moss"}, graph.RelationFilter{Types: []graph.RelType{"MEETS"}}},
		{[]string{"person:nobody"}, graph.RelationFilter{}},
		{nil, graph.RelationFilter{}},
	} {
		what := "RelationsOfWithEnds " + dump(q.f)
		want, err := s.RelationsOf(ctx, q.ids, q.f)
		if err != nil {
			t.Fatalf("RelationsOf %+v: got %v, want nil", q.f, err)
		}
		got, ends, err := er.RelationsOfWithEnds(ctx, q.ids, q.f)
		if err != nil {
			t.Fatalf("%s: got %v, want nil", what, err)
		}
		check(t, what+": relations", got, want)
		var endIDs []string
		for _, rs := range want {
			for _, r := range rs {
				endIDs = append(endIDs, r.Source, r.Target)
			}
		}
		slices.Sort(endIDs)
		wantEnds, err := s.Entities(graph.WithoutMentions(ctx), slices.Compact(endIDs))
		if err != nil {
			t.Fatalf("Entities: got %v, want nil", err)
		}
		checkEntities(t, what+": ends", ends, wantEnds)
	}

	_, _, err := er.RelationsOfWithEnds(ctx, ids, graph.RelationFilter{Types: []graph.RelType{"LOVES"}})
	wantErr(t, "RelationsOfWithEnds with an unknown type", err, graph.ErrInvalid)
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := er.RelationsOfWithEnds(canceled, ids, graph.RelationFilter{}); !errors.Is(err, context.Canceled) {
		t.Errorf("RelationsOfWithEnds canceled: got %v, want context.Canceled", err)
	}
}
