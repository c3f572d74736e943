package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
)

func testCanceled(t *testing.T, s graph.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := batchA(t)
	err := s.Apply(ctx, a)
	wantErr(t, "Apply with a canceled context", err, context.Canceled)
	checkArticles(t, "Articles after a canceled Apply", articles(t, s, articleA), nil)
	checkEntities(t, "Entities after a canceled Apply", entities(t, s, "person:ana-vela"), nil)

	apply(t, s, a)
	reads := []struct {
		name string
		read func() error
	}{
		{"Entities", func() error { _, err := s.Entities(ctx, []string{"person:ana-vela"}); return err }},
		{"FindEntity", func() error { _, err := s.FindEntity(ctx, "Ana Vela"); return err }},
		{"SearchEntities", func() error { _, err := s.SearchEntities(ctx, graph.EntityFilter{Search: "a"}); return err }},
		{"Relations", func() error { _, err := s.Relations(ctx, graph.RelationFilter{}); return err }},
		{"Events", func() error { _, err := s.Events(ctx, []string{"event:a:strike"}); return err }},
		{"Articles", func() error { _, err := s.Articles(ctx, []string{articleA}); return err }},
		{"Neighborhood", func() error {
			_, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:ana-vela", Depth: 2})
			return err
		}},
	}
	for _, r := range reads {
		wantErr(t, r.name+" with a canceled context", r.read(), context.Canceled)
	}
}

func testConcurrentApplySameArticle(t *testing.T, s graph.Store) {
	const writers = 8
	a := batchA(t)
	// Each writer gets its own copy, as separate loader runs would.
	batches := make([]graph.Batch, writers)
	for i := range batches {
		batches[i] = batchA(t)
	}
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.Apply(context.Background(), batches[i])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent Apply: got %v, want nil", err)
	}

	want := stored(a)
	checkEntities(t, "Entities after concurrent applies", entities(t, s, entityIDs(want.Entities)...), want.Entities)
	checkRelations(t, "Relations after concurrent applies", relations(t, s, graph.RelationFilter{}), sortedRelations(want.Relations))
	checkEvents(t, "Events after concurrent applies", events(t, s, "event:a:strike"), want.Events)
	checkArticles(t, "Articles after concurrent applies", articles(t, s, articleA), []graph.Article{want.Article})
	all, err := s.SearchEntities(context.Background(), graph.EntityFilter{})
	if err != nil {
		t.Fatalf("SearchEntities: got %v, want nil", err)
	}
	if len(all) != len(want.Entities) {
		t.Errorf("SearchEntities after concurrent applies: got %d entities, want %d", len(all), len(want.Entities))
	}
}

// testConcurrentReadWrite has readers check that every read sees each
// article whole or not at all while writers keep re-applying.
func testConcurrentReadWrite(t *testing.T, s graph.Store) {
	a, b := batchA(t), batchB(t)
	apply(t, s, a)
	wantA := canonRelations(sortedRelations(stored(a).Relations))
	wantB := canonRelations(sortedRelations(stored(b).Relations))
	wantTalks := canonEvents(stored(b).Events)

	ctx := context.Background()
	var wg sync.WaitGroup
	for _, batch := range []graph.Batch{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				if err := s.Apply(ctx, batch); err != nil {
					t.Errorf("Apply %s while reading: got %v, want nil", batch.Article.ID, err)
					return
				}
			}
		}()
	}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				rs, err := s.Relations(ctx, graph.RelationFilter{Article: articleA})
				if err != nil {
					t.Errorf("Relations of A while writing: got %v, want nil", err)
					return
				}
				check(t, "Relations of A while writing", canonRelations(rs), wantA)

				rs, err = s.Relations(ctx, graph.RelationFilter{Article: articleB})
				if err != nil {
					t.Errorf("Relations of B while writing: got %v, want nil", err)
					return
				}
				if len(rs) != 0 {
					check(t, "Relations of B while writing", canonRelations(rs), wantB)
				}

				evs, err := s.Events(ctx, []string{"event:b:talks"})
				if err != nil {
					t.Errorf("Events while writing: got %v, want nil", err)
					return
				}
				if len(evs) != 0 {
					check(t, "Events while writing", canonEvents(evs), wantTalks)
				}

				if _, err := s.FindEntity(ctx, "Ana Vela"); err != nil {
					t.Errorf("FindEntity while writing: got %v, want nil", err)
				}
				if _, err := s.SearchEntities(ctx, graph.EntityFilter{Search: "a"}); err != nil {
					t.Errorf("SearchEntities while writing: got %v, want nil", err)
				}
				if _, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:ana-vela", Depth: 2}); err != nil {
					t.Errorf("Neighborhood while writing: got %v, want nil", err)
				}
			}
		}()
	}
	wg.Wait()
	checkRelations(t, "all Relations after writing", relations(t, s, graph.RelationFilter{}), sortedRelations(append(stored(a).Relations, stored(b).Relations...)))
}
