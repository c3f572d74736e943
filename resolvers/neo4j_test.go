package resolvers

import (
	"context"
	"testing"

	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// Bounds on what a typical query may send Neo4j: one root read, then one
// batched read per level of nesting, each its own read transaction.
const (
	maxNeo4jTransactions = maxStoreCalls
	maxNeo4jQueries      = maxStoreCalls
)

// openNeo4j returns a store on the test Neo4j server (skipping the test
// when NEO4J_URI is unset), closed when the test ends.
func openNeo4j(t *testing.T) *neo4j.Store {
	t.Helper()
	db := neo4jtest.Open(t)
	s, err := neo4j.New(context.Background(), neo4j.Config{URI: db.URI, User: db.User, Password: db.Password}, nil)
	if err != nil {
		t.Fatalf("neo4j.New: %v", err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// TestNeo4jRoundTrips runs the typical queries against Neo4j holding an
// entity with 50 relations, each with an event, a place and evidence, and
// checks each sends a few transactions and queries, not one per relation.
// It runs when NEO4J_URI is set.
func TestNeo4jRoundTrips(t *testing.T) {
	s := openNeo4j(t)
	if err := s.Apply(context.Background(), hubBatch(50)); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	counter := newCallCounter(s)
	c, _ := newClient(t, counter)
	for _, q := range typicalQueries {
		t.Run(q.name, func(t *testing.T) {
			before := s.Counts()
			if _, errs := query(t, c, q.query); len(errs) > 0 {
				t.Fatalf("errors: %+v", errs)
			}
			after := s.Counts()
			tx, queries := after.Transactions-before.Transactions, after.Queries-before.Queries
			calls, detail := counter.reset()
			if tx > maxNeo4jTransactions || queries > maxNeo4jQueries {
				t.Errorf("got %d transactions and %d queries (store calls %s), want at most %d and %d",
					tx, queries, detail, maxNeo4jTransactions, maxNeo4jQueries)
			}
			t.Logf("%d store calls (%s): %d transactions, %d queries", calls, detail, tx, queries)
		})
	}
}
