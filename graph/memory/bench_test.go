package memory

import (
	"context"
	"fmt"
	"testing"

	"github.com/geokg/geokg/graph"
)

// indexArticles synthetic articles back the index benchmarks: each states
// that a person of its own meets the envoy, and every hundredth also that
// the person struck a country, so STRUCK is one fact in a hundred.
const indexArticles = 5000

func indexBatch(i int) graph.Batch {
	art := fmt.Sprintf("article:%05d", i)
	person := fmt.Sprintf("person:p%05d", i)
	text := fmt.Sprintf("Person %d met the envoy.", i)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	b := graph.Batch{
		Article: graph.Article{ID: art, Title: fmt.Sprintf("Article %d", i), Text: text},
		Entities: []graph.Entity{
			{ID: person, Name: fmt.Sprintf("Person %d", i), Kind: graph.Person},
			{ID: "person:envoy", Name: "The Envoy", Kind: graph.Person},
		},
		Relations: []graph.Relation{
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: person, Target: "person:envoy", Evidence: ev},
		},
	}
	if i%100 == 0 {
		b.Entities = append(b.Entities, graph.Entity{ID: "country:XS", Name: "Sudria", Kind: graph.Country})
		b.Relations = append(b.Relations, graph.Relation{ID: art + ":struck", Type: "STRUCK", Class: "ASSAULT",
			Source: person, Target: "country:XS", Evidence: ev})
	}
	return b
}

func indexStore(b *testing.B) *Store {
	b.Helper()
	s := New()
	for i := range indexArticles {
		if err := s.Apply(context.Background(), indexBatch(i)); err != nil {
			b.Fatalf("apply %d: %v", i, err)
		}
	}
	return s
}

// BenchmarkListRelationsByType pages through the rare STRUCK facts, one in
// a hundred, with no endpoint or article to narrow them by.
func BenchmarkListRelationsByType(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	q := graph.RelationQuery{Types: []graph.RelType{"STRUCK"}, Page: graph.Page{Limit: 20}}
	for b.Loop() {
		rs, total, err := s.ListRelations(ctx, q)
		if err != nil || total != indexArticles/100 || len(rs) != 20 {
			b.Fatalf("list STRUCK: %d of %d, %v; want 20 of %d", len(rs), total, err, indexArticles/100)
		}
	}
}

// BenchmarkRelationsByType lists the STRUCK facts through Relations.
func BenchmarkRelationsByType(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	f := graph.RelationFilter{Types: []graph.RelType{"STRUCK"}}
	for b.Loop() {
		rs, err := s.Relations(ctx, f)
		if err != nil || len(rs) != indexArticles/100 {
			b.Fatalf("relations STRUCK: %d, %v; want %d", len(rs), err, indexArticles/100)
		}
	}
}

// BenchmarkRelationsOfEndpoint reads the relations of 20 people, one fact
// each, among thousands.
func BenchmarkRelationsOfEndpoint(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	ids := make([]string, 20)
	for i := range ids {
		ids[i] = fmt.Sprintf("person:p%05d", i*7)
	}
	for b.Loop() {
		byID, err := s.RelationsOf(ctx, ids, graph.RelationFilter{})
		if err != nil || len(byID) != len(ids) {
			b.Fatalf("relations of 20: %d, %v", len(byID), err)
		}
	}
}
