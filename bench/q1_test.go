// Package bench holds benchmarks of whole requests. q1_test.go measures
// Q1, an entity by name with its outgoing relations, their targets' names
// and evidence, through the production GraphQL handler, and on Neo4j the
// same question as one hand-written Cypher query: the floor the handler's
// store calls cannot beat.
//
//	go test -run XXX -bench Q1 ./bench/                  # embedded store
//	NEO4J_URI=bolt://127.0.0.1:7687 go test -run XXX -bench Q1 ./bench/
//
// Q1_ARTICLES sets how many synthetic articles are loaded (default 2000).
package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"testing"

	"github.com/99designs/gqlgen/client"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/resolvers"
)

// envoys share the articles: envoy k meets the person of every article i
// with i%envoys == k, so Q1's envoy has articles/envoys relations and is
// mentioned in as many articles.
const envoys = 50

func articleCount(b *testing.B) int {
	b.Helper()
	n := 2000
	if v := os.Getenv("Q1_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < envoys {
			b.Fatalf("Q1_ARTICLES=%q: want a number of at least %d", v, envoys)
		}
	}
	return n
}

// q1Batch is article i: envoy i%envoys meets person i, who is located in
// country i/10.
func q1Batch(i int) graph.Batch {
	art := fmt.Sprintf("article:%05d", i)
	envoy := fmt.Sprintf("person:envoy-%02d", i%envoys)
	person := fmt.Sprintf("person:p%05d", i)
	country := fmt.Sprintf("country:C%03d", i/10)
	text := fmt.Sprintf("Envoy %02d met Person %d in Country %d.", i%envoys, i, i/10)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Title: fmt.Sprintf("Article %d", i), Text: text},
		Entities: []graph.Entity{
			{ID: envoy, Name: fmt.Sprintf("Envoy %02d", i%envoys), Kind: graph.Person,
				Mentions: []graph.Mention{{Start: 0, End: 8, Text: text[:8]}}},
			{ID: person, Name: fmt.Sprintf("Person %d", i), Kind: graph.Person},
			{ID: country, Name: fmt.Sprintf("Country %d", i/10), Kind: graph.Country},
		},
		Relations: []graph.Relation{
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: envoy, Target: person, Evidence: ev},
			{ID: art + ":located", Type: "LOCATED_IN", Class: graph.Structural, Source: person, Target: country, Evidence: ev},
		},
	}
}

func load(b *testing.B, s graph.Store, n int) {
	b.Helper()
	for i := range n {
		if err := s.Apply(context.Background(), q1Batch(i)); err != nil {
			b.Fatalf("apply article %d: %v", i, err)
		}
	}
}

const q1 = `{ entity(name: "Envoy 07") { id name relations(direction: OUT, first: 100) { nodes { id type target { name } evidence { text } } } } }`

// runQ1 posts Q1 through the production handler over s, checking the
// answer once, and reports requests per second.
func runQ1(b *testing.B, s graph.Store, want int) {
	c := client.New(resolvers.NewHandler(resolvers.Options{Store: s, Logger: slog.New(slog.DiscardHandler)}))
	raw, err := c.RawPost(q1)
	if err != nil {
		b.Fatalf("Q1: %v", err)
	}
	js, err := json.Marshal(raw.Data) // the client decodes loosely; check the shape strictly
	if err != nil {
		b.Fatalf("Q1: encode %v: %v", raw.Data, err)
	}
	var data struct {
		Entity struct {
			Relations struct {
				Nodes []struct {
					Target struct{ Name string }
				}
			}
		}
	}
	if err := json.Unmarshal(js, &data); err != nil {
		b.Fatalf("Q1: decode %s: %v", js, err)
	}
	if got := len(data.Entity.Relations.Nodes); got != want || got == 0 || data.Entity.Relations.Nodes[0].Target.Name == "" {
		b.Fatalf("Q1: got %d relations (%s), want %d with target names", got, js, want)
	}
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			if _, err := c.RawPost(q1); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
	// One client at a time mostly waits out the dataloaders' batching
	// windows; many at once show what the handler can serve.
	b.Run("parallel", func(b *testing.B) {
		b.SetParallelism(8)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := c.RawPost(q1); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
}

func BenchmarkQ1Memory(b *testing.B) {
	n := articleCount(b)
	s := memory.New()
	load(b, s, n)
	runQ1(b, s, n/envoys)
}

// BenchmarkQ1Neo4j loads the articles once, then measures Q1 through the
// handler and the hand-written floor on the same data.
func BenchmarkQ1Neo4j(b *testing.B) {
	c := neo4jtest.Open(b)
	n := articleCount(b)
	ctx := context.Background()
	s, err := neo4j.New(ctx, neo4j.Config{URI: c.URI, User: c.User, Password: c.Password}, nil)
	if err != nil {
		b.Fatalf("open neo4j store: %v", err)
	}
	b.Cleanup(func() { s.Close(context.Background()) })
	load(b, s, n)

	b.Run("handler", func(b *testing.B) { runQ1(b, s, n/envoys) })
	b.Run("cypher", func(b *testing.B) {
		d, err := c.Driver()
		if err != nil {
			b.Fatalf("driver: %v", err)
		}
		b.Cleanup(func() { d.Close(context.Background()) })
		for b.Loop() {
			got, err := q1Cypher(ctx, d, "envoy 07")
			if err != nil || got != n/envoys {
				b.Fatalf("Q1 in Cypher: got %d relations, %v; want %d", got, err, n/envoys)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
}

// q1CypherQuery is Q1 as one query over the store's layout: the entity
// found the way FindEntity finds it (the text index, then an exact name or
// alias), its outgoing facts with their JSON and their witnesses' (which
// hold the evidence), and the targets' names.
const q1CypherQuery = `MATCH (e:Entity) WHERE e.searchText CONTAINS $name
  AND (e.lowerName = $name OR $name IN e.lowerAliases)
WITH e ORDER BY CASE WHEN e.lowerName = $name THEN 0 ELSE 1 END, e.id LIMIT 1
OPTIONAL MATCH (e)-[r]->(t:Entity)
WITH e, r, t ORDER BY r.id
RETURN e.id AS id, e.name AS name,
       collect({id: r.id, type: type(r), fact: r.fact, target: t.name, witnesses: COLLECT {
         MATCH (w:RelationWitness {fact: r.id}) WHERE w.group = r.group RETURN w.text }}) AS relations`

// q1Cypher runs q1CypherQuery and returns how many relations came back.
func q1Cypher(ctx context.Context, d driver.DriverWithContext, name string) (int, error) {
	res, err := driver.ExecuteQuery(ctx, d, q1CypherQuery, map[string]any{"name": name},
		driver.EagerResultTransformer, driver.ExecuteQueryWithReadersRouting())
	if err != nil {
		return 0, fmt.Errorf("q1 cypher for %q: %w", name, err)
	}
	if len(res.Records) != 1 {
		return 0, fmt.Errorf("q1 cypher for %q: got %d rows, want 1", name, len(res.Records))
	}
	rels, _ := res.Records[0].AsMap()["relations"].([]any)
	return len(rels), nil
}
