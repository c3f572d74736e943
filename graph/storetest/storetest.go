// Package storetest is the conformance suite every graph.Store passes, so the
// embedded store and Neo4j answer every query identically.
package storetest

import (
	"context"
	"errors"
	"sort"
	"testing"

	"github.com/geokg/geokg/graph"
)

// Run checks the graph.Store contract. newStore must return a fresh, empty
// store each time it is called; Run calls it once per subtest and closes
// every store it gets when that subtest ends, failing if Close errs.
func Run(t *testing.T, newStore func(t *testing.T) graph.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, s graph.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"ArticleStamped", testArticleStamped},
		{"Idempotent", testIdempotent},
		{"ApplyAll", testApplyAll},
		{"ReapplyReplaces", testReapplyReplaces},
		{"RetypedFact", testRetypedFact},
		{"MergeAcrossArticles", testMergeAcrossArticles},
		{"Invalid", testInvalid},
		{"NotFound", testNotFound},
		{"FindEntity", testFindEntity},
		{"CaseFolding", testCaseFolding},
		{"SearchEntities", testSearchEntities},
		{"Relations", testRelations},
		{"Neighborhood", testNeighborhood},
		{"Copies", testCopies},
		{"Canceled", testCanceled},
		{"ConcurrentApplySameArticle", testConcurrentApplySameArticle},
		{"ConcurrentReadWrite", testConcurrentReadWrite},
		{"Search", testSearch},
		{"ListEntities", testListEntities},
		{"ListRelations", testListRelations},
		{"ListEvents", testListEvents},
		{"ListArticles", testListArticles},
		{"RelationsOf", testRelationsOf},
		{"ShortestPath", testShortestPath},
		{"Stats", testStats},
		{"DeleteArticle", testDeleteArticle},
		{"QueryCanceled", testQueryCanceled},
		{"QueryCopies", testQueryCopies},
		{"Fuse", testFuse},
		{"UnfuseOnDelete", testUnfuseOnDelete},
		{"FuseIdempotent", testFuseIdempotent},
		{"ConcurrentReports", testConcurrentReports},
		{"FuseRandom", testFuseRandom},
		{"WithoutMentions", testWithoutMentions},
		{"RelationSummaries", testRelationSummaries},
		{"RelationsOfWithEnds", testRelationsOfWithEnds},
		{"ListRelationsWithRefs", testListRelationsWithRefs},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			t.Cleanup(func() {
				if err := s.Close(context.Background()); err != nil {
					t.Errorf("Close: got %v, want nil", err)
				}
			})
			tc.run(t, s)
		})
	}
}

func apply(t testing.TB, s graph.Store, batches ...graph.Batch) {
	t.Helper()
	for _, b := range batches {
		if err := s.Apply(context.Background(), b); err != nil {
			t.Fatalf("Apply %s: got %v, want nil", b.Article.ID, err)
		}
	}
}

func entities(t testing.TB, s graph.Store, ids ...string) []graph.Entity {
	t.Helper()
	es, err := s.Entities(context.Background(), ids)
	if err != nil {
		t.Fatalf("Entities %q: got %v, want nil", ids, err)
	}
	return es
}

func relations(t testing.TB, s graph.Store, f graph.RelationFilter) []graph.Relation {
	t.Helper()
	rs, err := s.Relations(context.Background(), f)
	if err != nil {
		t.Fatalf("Relations %+v: got %v, want nil", f, err)
	}
	return rs
}

func events(t testing.TB, s graph.Store, ids ...string) []graph.Event {
	t.Helper()
	evs, err := s.Events(context.Background(), ids)
	if err != nil {
		t.Fatalf("Events %q: got %v, want nil", ids, err)
	}
	return evs
}

func articles(t testing.TB, s graph.Store, ids ...string) []graph.Article {
	t.Helper()
	as, err := s.Articles(context.Background(), ids)
	if err != nil {
		t.Fatalf("Articles %q: got %v, want nil", ids, err)
	}
	return as
}

// snapshot is everything the fixtures could have put in a store, read back
// through the public interface.
type snapshot struct {
	Entities  []graph.Entity
	Relations []graph.Relation
	Events    []graph.Event
	Articles  []graph.Article
}

// fixtureIDs lists every entity, event and article id any fixture uses.
func fixtureIDs(t testing.TB) (ents, evs, arts []string) {
	seen := map[string]bool{}
	for _, b := range []graph.Batch{batchA(t), batchB(t), batchC(t)} {
		for _, e := range b.Entities {
			if !seen[e.ID] {
				seen[e.ID] = true
				ents = append(ents, e.ID)
			}
		}
		for _, ev := range b.Events {
			evs = append(evs, ev.ID)
		}
		arts = append(arts, b.Article.ID)
	}
	return ents, evs, arts
}

func take(t testing.TB, s graph.Store) snapshot {
	t.Helper()
	ents, evs, arts := fixtureIDs(t)
	present := entities(t, s, ents...)
	// Entities with ids outside the fixtures would be missed below.
	all, err := s.SearchEntities(context.Background(), graph.EntityFilter{})
	if err != nil {
		t.Fatalf("SearchEntities all: got %v, want nil", err)
	}
	if len(all) != len(present) {
		t.Fatalf("SearchEntities all: got %d entities %q, want only the %d fixture ones present", len(all), entityIDs(all), len(present))
	}
	return snapshot{
		Entities:  canonEntities(present),
		Relations: canonRelations(relations(t, s, graph.RelationFilter{})),
		Events:    canonEvents(events(t, s, evs...)),
		Articles:  canonArticles(articles(t, s, arts...)),
	}
}

// sortedRelations returns rs sorted by id, the order Relations promises.
func sortedRelations(rs []graph.Relation) []graph.Relation {
	out := append([]graph.Relation(nil), rs...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func wantErr(t testing.TB, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: got error %v, want one wrapping %v", what, err, want)
	}
}
