package resolvers

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// callCounter counts store reads by method, to show a query costs the same
// number of store calls however many items it returns.
type callCounter struct {
	graph.Store
	mu    sync.Mutex
	calls map[string]int
}

func newCallCounter(s graph.Store) *callCounter {
	return &callCounter{Store: s, calls: map[string]int{}}
}

func (c *callCounter) count(method string) {
	c.mu.Lock()
	c.calls[method]++
	c.mu.Unlock()
}

// reset returns the calls so far and starts counting afresh.
func (c *callCounter) reset() (total int, byMethod string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var names []string
	for m, n := range c.calls {
		total += n
		names = append(names, fmt.Sprintf("%s:%d", m, n))
	}
	sort.Strings(names)
	c.calls = map[string]int{}
	return total, strings.Join(names, " ")
}

// entityRead counts a read of entities as method, or as method+mentions
// when ctx has it read every mention too (see graph.WithoutMentions).
func (c *callCounter) entityRead(ctx context.Context, method string) {
	if graph.MentionsWanted(ctx) {
		method += "+mentions"
	}
	c.count(method)
}

func (c *callCounter) Entities(ctx context.Context, ids []string) ([]graph.Entity, error) {
	c.entityRead(ctx, "Entities")
	return c.Store.Entities(ctx, ids)
}

func (c *callCounter) FindEntity(ctx context.Context, name string) (graph.Entity, error) {
	c.entityRead(ctx, "FindEntity")
	return c.Store.FindEntity(ctx, name)
}

func (c *callCounter) MentionsOf(ctx context.Context, ids []string) (map[string][]graph.Mention, error) {
	c.count("MentionsOf")
	return c.Store.MentionsOf(ctx, ids)
}

func (c *callCounter) Relations(ctx context.Context, f graph.RelationFilter) ([]graph.Relation, error) {
	c.count("Relations")
	return c.Store.Relations(ctx, f)
}

func (c *callCounter) Events(ctx context.Context, ids []string) ([]graph.Event, error) {
	c.count("Events")
	return c.Store.Events(ctx, ids)
}

func (c *callCounter) Articles(ctx context.Context, ids []string) ([]graph.Article, error) {
	c.count("Articles")
	return c.Store.Articles(ctx, ids)
}

func (c *callCounter) ListEntities(ctx context.Context, q graph.EntityQuery) ([]graph.Entity, int, error) {
	c.entityRead(ctx, "ListEntities")
	return c.Store.ListEntities(ctx, q)
}

func (c *callCounter) ListRelations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, int, error) {
	c.count("ListRelations")
	return c.Store.ListRelations(ctx, q)
}

func (c *callCounter) ListEvents(ctx context.Context, q graph.EventQuery) ([]graph.Event, int, error) {
	c.count("ListEvents")
	return c.Store.ListEvents(ctx, q)
}

func (c *callCounter) RelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error) {
	c.count("RelationsOf")
	return c.Store.RelationsOf(ctx, ids, f)
}

// hubBatch is an article in which one person calls n others, each call an
// event with its own evidence sentence and place: the shape of a
// well-connected entity in a real corpus.
func hubBatch(n int) graph.Batch {
	var body strings.Builder
	b := graph.Batch{Article: graph.Article{ID: fmt.Sprintf("article:hub-%d", n), Title: "Calls", Published: "2025-05-17", SHA256: "hub"}}
	b.Entities = append(b.Entities, graph.Entity{ID: "person:hub", Name: "Hub Person", Kind: graph.Person},
		graph.Entity{ID: "city:venue", Name: "Venue", Kind: graph.City})
	for i := range n {
		other := fmt.Sprintf("person:p%03d", i)
		sentence := fmt.Sprintf("Hub Person called Person %03d in Venue. ", i)
		start := body.Len()
		body.WriteString(sentence)
		ev := []graph.Evidence{{Start: start, End: body.Len() - 1, Text: strings.TrimSpace(sentence)}}
		event := fmt.Sprintf("event:call-%03d", i)
		b.Entities = append(b.Entities, graph.Entity{ID: other, Name: fmt.Sprintf("Person %03d", i), Kind: graph.Person})
		b.Relations = append(b.Relations, graph.Relation{ID: fmt.Sprintf("rel:call-%03d", i), Type: "CALLS", Class: "CONSULT",
			Source: "person:hub", Target: other, Date: "2025-05-17", Status: graph.StatusOccurred, Confidence: 0.9, Event: event, Evidence: ev})
		b.Events = append(b.Events, graph.Event{ID: event, Type: "CONSULT", Label: "call", Date: "2025-05-17", Status: graph.StatusOccurred,
			Place: "city:venue", Participants: []graph.Participant{{Entity: "person:hub", Role: graph.RoleSource}, {Entity: other, Role: graph.RoleTarget}}, Evidence: ev})
	}
	b.Article.Text = body.String()
	return b
}

// typicalQueries are what an explorer or notebook asks; each must cost a
// fixed number of store calls whatever the size of the lists inside.
var typicalQueries = []struct{ name, query string }{
	{"an entity's relations with their other ends and evidence",
		`{ entity(id: "person:hub") { relations { nodes { id source { name } target { name } evidence { text start end article { title } } } } } }`},
	{"every entity's relations with targets and evidence articles",
		`{ entities(first: 100) { nodes { relations { nodes { target { name } evidence { article { title } } } } } } }`},
	{"events with places, participants, claimants, relations and articles",
		`{ events(first: 100) { nodes { place { name } participants { entity { name } } claimedBy { name } relations { source { name } } article { title } } } }`},
	{"a timeline", `{ timeline(entity: "person:hub", first: 100) { nodes { date place { name } participants { entity { name kind } role } } } }`},
	{"every entity's mentions with their articles",
		`{ entities(first: 100) { nodes { name mentions { nodes { text article { title } } } } } }`},
	{"relations with their events", `{ relations(first: 100) { nodes { source { name } target { name } event { label place { name } } article { title } } } }`},
}

// TestConstantStoreCalls runs each typical query over 5 and over 50 calls
// of one entity and checks the store is called a few times for both: lists
// are resolved through batched dataloaders, never item by item, which
// would cost 50 calls and more. (The exact count may differ by one when a
// late lookup joins a batch still waiting to run.)
func TestConstantStoreCalls(t *testing.T) {
	clients := map[int]*callCounter{}
	for _, n := range []int{5, 50} {
		s := memory.New()
		if err := s.Apply(context.Background(), hubBatch(n)); err != nil {
			t.Fatal(err)
		}
		clients[n] = newCallCounter(s)
	}
	for _, q := range typicalQueries {
		t.Run(q.name, func(t *testing.T) {
			for _, n := range []int{5, 50} {
				c, _ := newClient(t, clients[n])
				if _, errs := query(t, c, q.query); len(errs) > 0 {
					t.Fatalf("errors: %+v", errs)
				}
				total, detail := clients[n].reset()
				if total > maxStoreCalls {
					t.Errorf("%d relations: got %d store calls (%s), want at most %d", n, total, detail, maxStoreCalls)
				}
				t.Logf("%d relations: %d store calls: %s", n, total, detail)
			}
		})
	}
}

// maxStoreCalls bounds a typical query: one root read, then one batched
// read per level of nesting.
const maxStoreCalls = 6
