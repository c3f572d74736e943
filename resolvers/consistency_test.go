package resolvers

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// readsWhileDeleting are queries whose lists name articles and entities
// that deleting an article takes away.
var readsWhileDeleting = []string{
	`{ relations(first: 100) { nodes { id source { name } target { name } article { title } evidence { article { id } } witnesses { article { id } } } } }`,
	`{ entity(id: "person:envoy") { mentions(first: 100) { nodes { article { title } } } relations(first: 100) { nodes { target { name } article { id } } } } }`,
	`{ articles(first: 100) { nodes { id relations { nodes { target { name } } } } } stats(top: 5) { mostConnected { entity { name } } perArticle { article { title } } } }`,
}

// TestReadsWhileDeleting: readers querying while articles are deleted get
// whole answers, never an error about an article or entity that went away
// between reading a list and resolving its items.
func TestReadsWhileDeleting(t *testing.T) {
	readWhileDeleting(t, memory.New())
}

// TestNeo4jReadsWhileDeleting is TestReadsWhileDeleting on Neo4j; it runs
// when NEO4J_URI is set.
func TestNeo4jReadsWhileDeleting(t *testing.T) {
	s := openNeo4j(t)
	readWhileDeleting(t, s)
}

// readWhileDeleting loads articles into s, then deletes them one by one
// while readers query. A wide dataloader window makes the gap between a
// list and its items' lookups longer than a delete.
func readWhileDeleting(t *testing.T, s graph.Store) {
	const articles = 60
	for i := range articles {
		if err := s.Apply(context.Background(), envoyBatch(i)); err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
	}
	c := client.New(newHandler(Options{Store: s, Logger: slog.New(slog.DiscardHandler), Token: testToken, MaxExpensive: 8}, 20*time.Millisecond))

	var stop atomic.Bool
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := map[string]int{}
	reads := 0
	for i := range 6 {
		wg.Go(func() {
			q := readsWhileDeleting[i%len(readsWhileDeleting)]
			for !stop.Load() {
				data, errs := query(t, c, q)
				mu.Lock()
				reads++
				for _, e := range errs {
					failures[fmt.Sprintf("%v %s", e.Extensions["code"], e.Message)]++
				}
				if len(errs) == 0 && data == "null" {
					failures["no data"]++
				}
				mu.Unlock()
			}
		})
	}
	for i := range articles {
		var resp struct{ DeleteArticle struct{ ID string } }
		if err := c.Post(`mutation($id: ID!) { deleteArticle(id: $id) { id } }`, &resp,
			client.Var("id", fmt.Sprintf("article:%05d", i)), bearer(testToken)); err != nil {
			t.Errorf("delete %d: %v", i, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("%d reads during %d deletes", reads, articles)
	for msg, n := range failures {
		t.Errorf("%d× %s, want whole answers", n, msg)
	}
}

// TestReadGuardSides: holders of one side share the guard, the two sides
// never hold it together, and a waiting side gets its turn while the other
// keeps arriving.
func TestReadGuardSides(t *testing.T) {
	g := newReadGuard()
	var in [2]atomic.Int64
	var wg sync.WaitGroup
	stop := time.Now().Add(300 * time.Millisecond)
	var turns [2]atomic.Int64
	for i := range 8 {
		side := i % 2
		wg.Go(func() {
			for time.Now().Before(stop) {
				g.enter(side)
				in[side].Add(1)
				if in[1-side].Load() > 0 {
					t.Errorf("side %d entered while the other side held the guard", side)
				}
				turns[side].Add(1)
				time.Sleep(time.Millisecond)
				in[side].Add(-1)
				g.leave(side)
			}
		})
	}
	wg.Wait()
	if turns[deleting].Load() == 0 || turns[lastAttempt].Load() == 0 {
		t.Errorf("got %d deletes and %d last attempts in, want both sides served", turns[deleting].Load(), turns[lastAttempt].Load())
	}
}
