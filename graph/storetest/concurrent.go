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

// testConcurrentReadWrite runs readers while writers re-apply articles.
// Read-committed stores (Neo4j) may show a commit in progress, so readers
// only check that what they see is sound: sorted, unique, and each relation
// exactly as written. The final state must then be exact.
func testConcurrentReadWrite(t *testing.T, s graph.Store) {
	a, b := batchA(t), batchB(t)
	apply(t, s, a)
	want := map[string]graph.Relation{}
	for _, r := range canonRelations(append(stored(a).Relations, stored(b).Relations...)) {
		want[r.ID] = r
	}

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
				for _, f := range []graph.RelationFilter{{Article: articleB}, {Entity: "person:ana-vela"}, {}} {
					rs, err := s.Relations(ctx, f)
					if err != nil {
						t.Errorf("Relations %+v while writing: got %v, want nil", f, err)
						return
					}
					for i, r := range canonRelations(rs) {
						if i > 0 && r.ID <= rs[i-1].ID {
							t.Errorf("Relations %+v while writing: got %s after %s, want ids sorted and unique", f, r.ID, rs[i-1].ID)
						}
						check(t, "relation "+r.ID+" while writing", r, want[r.ID])
					}
				}
				if _, err := s.Events(ctx, []string{"event:b:talks", "event:a:strike"}); err != nil {
					t.Errorf("Events while writing: got %v, want nil", err)
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
	checkEvents(t, "Events after writing", events(t, s, "event:a:strike", "event:b:talks"), append(stored(a).Events, stored(b).Events...))
	ana := entityByID(t, stored(a).Entities, "person:ana-vela")
	ana.Aliases = []string{"Madam Vela", "President Ana Vela", "Vela"}
	ana.Mentions = append(ana.Mentions, entityByID(t, stored(b).Entities, "person:ana-vela").Mentions...)
	checkEntities(t, "merged Entities after writing", entities(t, s, "person:ana-vela"), []graph.Entity{ana})
}
