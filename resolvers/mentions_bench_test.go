package resolvers

import (
	"context"
	"fmt"
	"log/slog"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// envoyArticles synthetic articles each mention the envoy and state one
// MEETS fact with it, so the envoy has as many mentions as articles.
const envoyArticles = 2000

// envoyBatch is article i: person i meets the envoy; the envoy is mentioned
// three times.
func envoyBatch(i int) graph.Batch {
	art := fmt.Sprintf("article:%05d", i)
	person := fmt.Sprintf("person:p%05d", i)
	text := fmt.Sprintf("The Envoy met Person %d. The Envoy left. The Envoy spoke.", i)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Title: fmt.Sprintf("Article %d", i), Text: text},
		Entities: []graph.Entity{
			{ID: person, Name: fmt.Sprintf("Person %d", i), Kind: graph.Person},
			{ID: "person:envoy", Name: "The Envoy", Kind: graph.Person, Mentions: []graph.Mention{
				{Start: 0, End: 9, Text: "The Envoy"}, {Start: 0, End: 9, Text: "The Envoy"}, {Start: 0, End: 9, Text: "The Envoy"},
			}},
		},
		Relations: []graph.Relation{
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: "person:envoy", Target: person, Evidence: ev},
		},
	}
}

func envoyStore(b *testing.B) *memory.Store {
	b.Helper()
	s := memory.New()
	for i := range envoyArticles {
		if err := s.Apply(context.Background(), envoyBatch(i)); err != nil {
			b.Fatalf("apply %d: %v", i, err)
		}
	}
	return s
}

// BenchmarkMentionedEntity reads an entity mentioned in every article through the
// production handler, without and with its mentions: a query that does not
// select mentions should not pay for them.
func BenchmarkMentionedEntity(b *testing.B) {
	c := client.New(NewHandler(Options{Store: envoyStore(b), Logger: slog.New(slog.DiscardHandler)}))
	for _, q := range []struct{ name, query string }{
		{"name", `{ entity(name: "The Envoy") { id name kind } }`},
		{"search", `{ search(text: "envoy", first: 5) { entity { id name } score } }`},
		{"mentions", `{ entity(name: "The Envoy") { id mentions { nodes { start text } } } }`},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.RawPost(q.query); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
