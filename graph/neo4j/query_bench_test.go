package neo4j

import (
	"context"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// benchReadArticles synthetic articles back the read benchmarks: 2,000
// MEETS facts at the envoy, 2,000 LOCATED_IN facts at 200 countries.
const benchReadArticles = 2000

func loadedNeo4j(b *testing.B) *Store {
	b.Helper()
	c := neo4jtest.Open(b)
	s := open(b, c)
	b.Cleanup(func() { s.Close(context.Background()) })
	for i := range benchReadArticles {
		if err := s.Apply(context.Background(), syntheticBatch(i)); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkQ1EntityRelations is the explorer's and the notebook's first
// question: an entity's relations with their evidence, then the names of
// the other ends.
func BenchmarkQ1EntityRelations(b *testing.B) {
	s := loadedNeo4j(b)
	ctx := context.Background()
	for _, id := range []string{"country:C005", "person:envoy"} {
		b.Run(id, func(b *testing.B) {
			for b.Loop() {
				rs, err := s.Relations(ctx, graph.RelationFilter{Entity: id})
				if err != nil || len(rs) == 0 {
					b.Fatalf("relations of %s: %d, %v", id, len(rs), err)
				}
				ids := make([]string, 0, len(rs))
				for _, r := range rs {
					ids = append(ids, r.Source)
				}
				if _, err := s.Entities(ctx, ids); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkQ2Neighborhood is the explorer's neighbourhood at depth 2:
// with whole facts, as an export reads it, and with relation summaries
// (graph.WithRelationSummaries), as the GraphQL API does.
func BenchmarkQ2Neighborhood(b *testing.B) {
	s := loadedNeo4j(b)
	bg := graph.WithoutMentions(context.Background())
	for _, c := range []struct {
		name string
		ctx  context.Context
	}{
		{"facts", bg},
		{"summaries", graph.WithRelationSummaries(bg)},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				sub, err := s.Neighborhood(c.ctx, graph.NeighborhoodQuery{ID: "country:C005", Depth: 2})
				if err != nil || len(sub.Relations) == 0 {
					b.Fatalf("neighborhood: %d, %v", len(sub.Relations), err)
				}
			}
		})
	}
}

// BenchmarkMentionedEntity reads the envoy, mentioned in every synthetic
// article, by name: with its mentions, as every read did, and without
// (graph.WithoutMentions), as the GraphQL handler reads entities.
func BenchmarkMentionedEntity(b *testing.B) {
	s := loadedNeo4j(b)
	for _, c := range []struct {
		name string
		ctx  context.Context
		want int
	}{
		{"mentions", context.Background(), benchReadArticles},
		{"without", graph.WithoutMentions(context.Background()), 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				e, err := s.FindEntity(c.ctx, "The Envoy")
				if err != nil || len(e.Mentions) != c.want {
					b.Fatalf("find the envoy: %d mentions, %v; want %d", len(e.Mentions), err, c.want)
				}
			}
		})
	}
}
