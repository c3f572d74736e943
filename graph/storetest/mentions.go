package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/geokg/geokg/graph"
)

// noMentions is es with Mentions emptied: what an entity read returns under
// graph.WithoutMentions.
func noMentions(es []graph.Entity) []graph.Entity {
	out := make([]graph.Entity, len(es))
	for i, e := range es {
		e.Mentions = []graph.Mention{}
		out[i] = e
	}
	return out
}

func hitEntities(hs []graph.SearchHit) []graph.Entity {
	out := make([]graph.Entity, len(hs))
	for i, h := range hs {
		out[i] = h.Entity
	}
	return out
}

// testWithoutMentions checks that every entity read under
// graph.WithoutMentions answers as without it, mentions left out, and that
// MentionsOf returns what those reads leave out.
func testWithoutMentions(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t), batchB(t), batchC(t))
	ctx := context.Background()
	bare := graph.WithoutMentions(ctx)

	all, _, err := s.ListEntities(ctx, graph.EntityQuery{Page: graph.Page{Limit: graph.MaxPageSize}})
	if err != nil {
		t.Fatalf("ListEntities: got %v, want nil", err)
	}
	ids := entityIDs(all)

	reads := []struct {
		name string
		read func(ctx context.Context) ([]graph.Entity, error)
	}{
		{"Entities", func(ctx context.Context) ([]graph.Entity, error) {
			return s.Entities(ctx, append([]string{"nope", ids[0]}, ids...))
		}},
		{"FindEntity", func(ctx context.Context) ([]graph.Entity, error) {
			e, err := s.FindEntity(ctx, "Ana Vela")
			return []graph.Entity{e}, err
		}},
		{"SearchEntities", func(ctx context.Context) ([]graph.Entity, error) {
			return s.SearchEntities(ctx, graph.EntityFilter{Search: "a"})
		}},
		{"Neighborhood", func(ctx context.Context) ([]graph.Entity, error) {
			sub, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:ana-vela", Depth: 2})
			return sub.Entities, err
		}},
		{"Search", func(ctx context.Context) ([]graph.Entity, error) {
			hs, err := s.Search(ctx, graph.SearchQuery{Text: "vela"})
			return hitEntities(hs), err
		}},
		{"ListEntities", func(ctx context.Context) ([]graph.Entity, error) {
			es, _, err := s.ListEntities(ctx, graph.EntityQuery{Page: graph.Page{Limit: 3}})
			return es, err
		}},
	}
	for _, r := range reads {
		full, err := r.read(ctx)
		if err != nil {
			t.Fatalf("%s: got %v, want nil", r.name, err)
		}
		mentioned := false
		for _, e := range full {
			mentioned = mentioned || len(e.Mentions) > 0
		}
		if !mentioned {
			t.Fatalf("%s: no entity read has mentions, so leaving them out shows nothing", r.name)
		}
		got, err := r.read(bare)
		if err != nil {
			t.Fatalf("%s without mentions: got %v, want nil", r.name, err)
		}
		checkEntities(t, r.name+" without mentions", got, noMentions(full))
	}

	// MentionsOf gives back what was left out, for known ids only, and
	// whatever ctx says about entity reads.
	want := map[string][]graph.Mention{}
	for _, e := range all {
		if len(e.Mentions) > 0 {
			want[e.ID] = e.Mentions
		}
	}
	if len(want) == 0 || len(want) == len(all) {
		t.Fatalf("fixtures: %d of %d entities have mentions, want some but not all", len(want), len(all))
	}
	for _, c := range []context.Context{ctx, bare} {
		got, err := s.MentionsOf(c, append([]string{"nope", ids[0]}, ids...))
		if err != nil {
			t.Fatalf("MentionsOf: got %v, want nil", err)
		}
		check(t, "MentionsOf every entity", got, want)
	}
	got, err := s.MentionsOf(ctx, nil)
	if err != nil || len(got) != 0 {
		t.Errorf("MentionsOf no ids: got %v, %v; want nothing, nil", got, err)
	}

	// Copies: changing what MentionsOf returned changes nothing stored.
	got, err = s.MentionsOf(ctx, []string{"person:ana-vela"})
	if err != nil || len(got["person:ana-vela"]) == 0 {
		t.Fatalf("MentionsOf person:ana-vela: got %v, %v; want mentions, nil", got, err)
	}
	got["person:ana-vela"][0].Text = "changed"
	again, err := s.MentionsOf(ctx, []string{"person:ana-vela"})
	if err != nil {
		t.Fatalf("MentionsOf person:ana-vela again: got %v, want nil", err)
	}
	check(t, "MentionsOf after changing a copy", again["person:ana-vela"], entityByID(t, all, "person:ana-vela").Mentions)

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.MentionsOf(canceled, ids); !errors.Is(err, context.Canceled) {
		t.Errorf("MentionsOf canceled: got %v, want context.Canceled", err)
	}
}
