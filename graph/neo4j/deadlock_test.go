package neo4j

import (
	"context"
	"fmt"
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

// TestWritersTakeLocksInOneOrder: applies and deletes of articles sharing
// entities, run at once, never deadlock. Neo4j detects a deadlock and
// fails one transaction, which the driver retries, so a retry is what
// shows it: every write must commit on its first attempt.
func TestWritersTakeLocksInOneOrder(t *testing.T) {
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
	if got := s.Counts().Transactions - before.Transactions; got != int64(calls) {
		t.Errorf("%d writes took %d transaction attempts, want one each (the others were retries after DeadlockDetected)", calls, got)
	}
}
