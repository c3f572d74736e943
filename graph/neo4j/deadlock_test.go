package neo4j

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// hubBatch is article i of writer w: a person calls a country, both named
// by every article, and a city only this article names; the person sorts
// after the country by id but comes first by kind.
func hubBatch(w, i int) graph.Batch {
	art := fmt.Sprintf("article:w%d-%03d", w, i)
	city := fmt.Sprintf("city:c%d-%03d", w, i)
	text := fmt.Sprintf("Hub Person called Hubland from City %d-%d.", w, i)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Text: text},
		Entities: []graph.Entity{
			{ID: "person:hub", Name: "Hub Person", Kind: graph.Person, Mentions: []graph.Mention{{Start: 0, End: 10, Text: "Hub Person"}}},
			{ID: "country:HB", Name: "Hubland", Kind: graph.Country, Mentions: []graph.Mention{{Start: 18, End: 25, Text: "Hubland"}}},
			{ID: city, Name: fmt.Sprintf("City %d-%d", w, i), Kind: graph.City},
		},
		Relations: []graph.Relation{{ID: art + ":calls", Type: "CALLS", Class: "CONSULT", Source: "person:hub", Target: "country:HB",
			Date: fmt.Sprintf("2025-05-%02d", 1+i%28), Evidence: ev}},
		Events: []graph.Event{{ID: art + ":call", Type: "CONSULT", Label: "call", Date: fmt.Sprintf("2025-05-%02d", 1+i%28), Place: city,
			Participants: []graph.Participant{{Entity: "person:hub", Role: graph.RoleSource}, {Entity: "country:HB", Role: graph.RoleTarget}}, Evidence: ev}},
	}
}

// TestConcurrentWritesCombine: applies and deletes of articles sharing
// entities, run at once through one Store, all succeed without a single
// conflict (a deadlock Neo4j would fail one transaction for, retried),
// share transactions, and leave the graph as running them in turn would.
func TestConcurrentWritesCombine(t *testing.T) {
	s := open(t, neo4jtest.Open(t))
	ctx := context.Background()
	const writers, rounds = 6, 15
	before := s.Counts()
	var wg sync.WaitGroup
	var mu sync.Mutex
	calls := 0
	for w := range writers {
		wg.Go(func() {
			for i := range rounds {
				b := hubBatch(w, i)
				if err := s.Apply(ctx, b); err != nil {
					t.Errorf("Apply %s: %v", b.Article.ID, err)
					return
				}
				if i > 0 {
					prev := hubBatch(w, i-1).Article.ID
					if err := s.DeleteArticle(ctx, prev); err != nil {
						t.Errorf("DeleteArticle %s: %v", prev, err)
						return
					}
				}
				mu.Lock()
				calls += 1 + min(i, 1)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	got := s.Counts()
	if n := got.Conflicts - before.Conflicts; n != 0 {
		t.Errorf("%d writes met %d conflicts, want none: one Store runs one write transaction at a time", calls, n)
	}
	if n := got.Transactions - before.Transactions; n > int64(calls) {
		t.Errorf("%d writes took %d transactions, want at most one each", calls, n)
	}
	var want []string
	for w := range writers {
		want = append(want, hubBatch(w, rounds-1).Article.ID)
	}
	arts, _, err := s.ListArticles(ctx, graph.ArticleQuery{Page: graph.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, a := range arts {
		have = append(have, a.ID)
	}
	slices.Sort(have)
	if !slices.Equal(have, want) {
		t.Errorf("articles left: got %v, want %v (each writer's last)", have, want)
	}
	ids := []string{"person:hub", "country:HB", fmt.Sprintf("city:c0-%03d", rounds-1), "city:c0-000"}
	ents, err := s.Entities(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 3 || ents[2].ID != ids[2] {
		t.Errorf("entities %v: got %d (%v), want the first three: city:c0-000 went with its article", ids, len(ents), ents)
	}
}
