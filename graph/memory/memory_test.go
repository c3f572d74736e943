package memory

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) graph.Store { return New() })
}

// syntheticBatch is article i of a corpus where every article names its own
// person, a country shared by ten articles and a person shared by all, so
// merges and replacements happen across articles.
func syntheticBatch(i int) graph.Batch {
	art := fmt.Sprintf("article:%05d", i)
	person := fmt.Sprintf("person:p%05d", i)
	country := fmt.Sprintf("country:C%03d", i/10)
	text := fmt.Sprintf("Person %d met the envoy in Country %d.", i, i/10)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Title: fmt.Sprintf("Article %d", i), Text: text},
		Entities: []graph.Entity{
			{ID: person, Name: fmt.Sprintf("Person %d", i), Kind: graph.Person, Aliases: []string{fmt.Sprintf("P%d", i)},
				Mentions: []graph.Mention{{Start: 0, End: 6 + len(fmt.Sprint(i)), Text: fmt.Sprintf("Person %d", i)}}},
			{ID: "person:envoy", Name: "The Envoy", Kind: graph.Person, Aliases: []string{fmt.Sprintf("envoy %d", i%7)},
				Mentions: []graph.Mention{{Start: 0, End: 1, Text: "t"}}},
			{ID: country, Name: fmt.Sprintf("Country %d", i/10), Kind: graph.Country},
		},
		Relations: []graph.Relation{
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: person, Target: "person:envoy", Event: art + ":talks", Evidence: ev},
			{ID: art + ":located", Type: "LOCATED_IN", Class: graph.Structural, Source: person, Target: country, Evidence: ev},
		},
		Events: []graph.Event{{ID: art + ":talks", Type: "CONSULT", Label: "talks", Place: country,
			Participants: []graph.Participant{{Entity: person, Role: graph.RoleSource}, {Entity: "person:envoy", Role: graph.RoleTarget}},
			Evidence:     ev}},
	}
}

// TestRace hammers every method from many goroutines; it finds data races
// under -race, checks readers never see half an article, and checks the
// final state is what the batches say.
func TestRace(t *testing.T) {
	const articles, workers = 40, 8
	s := New()
	ctx := context.Background()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < articles; i += workers {
				b := syntheticBatch(i)
				for range 2 {
					if err := s.Apply(ctx, b); err != nil {
						t.Errorf("Apply %s: %v", b.Article.ID, err)
						return
					}
				}
				if _, err := s.FindEntity(ctx, "the envoy"); err != nil {
					t.Errorf("FindEntity: %v", err)
				}
				if _, err := s.SearchEntities(ctx, graph.EntityFilter{Search: "person", Limit: 5}); err != nil {
					t.Errorf("SearchEntities: %v", err)
				}
				if _, err := s.Relations(ctx, graph.RelationFilter{Entity: "person:envoy", Direction: graph.In}); err != nil {
					t.Errorf("Relations: %v", err)
				}
				if _, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:envoy", Depth: 2}); err != nil {
					t.Errorf("Neighborhood: %v", err)
				}
				if _, err := s.Entities(ctx, []string{"person:envoy"}); err != nil {
					t.Errorf("Entities: %v", err)
				}
				// Unlike Neo4j's read-committed reads, this store shows a
				// neighbour's article whole or not at all.
				other := syntheticBatch((i + 1) % articles).Article.ID
				rs, err := s.Relations(ctx, graph.RelationFilter{Article: other})
				if err != nil || (len(rs) != 0 && len(rs) != 2) {
					t.Errorf("Relations of %s while it is written: got %d, %v, want 0 or 2", other, len(rs), err)
				}
			}
		}()
	}
	wg.Wait()

	rs, err := s.Relations(ctx, graph.RelationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rs), 2*articles; got != want {
		t.Errorf("relations: got %d, want %d", got, want)
	}
	envoy, err := s.FindEntity(ctx, "The Envoy")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(envoy.Mentions), articles; got != want {
		t.Errorf("envoy mentions: got %d, want %d", got, want)
	}
	if got, want := len(envoy.Aliases), 7; got != want {
		t.Errorf("envoy aliases: got %d %q, want %d", got, envoy.Aliases, want)
	}
}

func loaded(b *testing.B, n int) *Store {
	b.Helper()
	s := New()
	for i := range n {
		if err := s.Apply(context.Background(), syntheticBatch(i)); err != nil {
			b.Fatal(err)
		}
	}
	return settled(s)
}

// settled fuses what loading left pending, so that the first timed read
// does not pay for the whole load.
func settled(s *Store) *Store {
	s.rlock()
	s.mu.RUnlock()
	return s
}

const benchArticles = 3000

// BenchmarkApply re-applies articles into a store of benchArticles articles
// (about 3,300 entities), the loader's steady state.
func BenchmarkApply(b *testing.B) {
	s := loaded(b, benchArticles)
	batches := make([]graph.Batch, 100)
	for i := range batches {
		batches[i] = syntheticBatch(i * 30)
	}
	ctx := context.Background()
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		if err := s.Apply(ctx, batches[i%len(batches)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindEntity(b *testing.B) {
	s := loaded(b, benchArticles)
	ctx := context.Background()
	names := []string{"person 17", "P2999", "country 42", "PERSON 1500"}
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		if _, err := s.FindEntity(ctx, names[i%len(names)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchEntities(b *testing.B) {
	s := loaded(b, benchArticles)
	ctx := context.Background()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := s.SearchEntities(ctx, graph.EntityFilter{Search: "person 15", Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNeighborhood(b *testing.B) {
	s := loaded(b, benchArticles)
	ctx := context.Background()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:p00017", Depth: 2, Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	s := loaded(b, benchArticles)
	ctx := context.Background()
	queries := []string{"persn 1517", "envoy", "Contry 42"}
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		if _, err := s.Search(ctx, graph.SearchQuery{Text: queries[i%len(queries)], Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListRelations pages through the relations of one type, 50 at a
// time, over benchArticles articles (6,000 relations).
func BenchmarkListRelations(b *testing.B) {
	s := loaded(b, benchArticles)
	ctx := context.Background()
	q := graph.RelationQuery{Types: []graph.RelType{"MEETS"}, Page: graph.Page{Limit: 50}}
	defer reportCPU(b)()
	for b.Loop() {
		rs, _, err := s.ListRelations(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		if len(rs) < q.Limit {
			q.After = ""
		} else {
			q.After = rs[len(rs)-1].ID
		}
	}
}
