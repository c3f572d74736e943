package resolvers

import (
	"context"
	"testing"

	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// TestNeo4jStoreCalls runs the typical queries against Neo4j holding an
// entity with 50 relations, each with an event, a place and evidence, and
// checks each costs a few store calls (one read transaction each), not one
// per relation. It runs when NEO4J_URI is set.
func TestNeo4jStoreCalls(t *testing.T) {
	db := neo4jtest.Open(t)
	s, err := neo4j.New(context.Background(), neo4j.Config{URI: db.URI, User: db.User, Password: db.Password}, nil)
	if err != nil {
		t.Fatalf("neo4j.New: %v", err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := s.Apply(context.Background(), hubBatch(50)); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	counter := newCallCounter(s)
	c, _ := newClient(t, counter)
	for _, q := range typicalQueries {
		t.Run(q.name, func(t *testing.T) {
			if _, errs := query(t, c, q.query); len(errs) > 0 {
				t.Fatalf("errors: %+v", errs)
			}
			total, detail := counter.reset()
			if total > maxStoreCalls {
				t.Errorf("got %d store calls (%s), want at most %d", total, detail, maxStoreCalls)
			}
			t.Logf("%d store calls: %s", total, detail)
		})
	}
}
