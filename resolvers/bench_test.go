package resolvers

import (
	"log/slog"
	"testing"

	"github.com/99designs/gqlgen/client"
)

// BenchmarkSeedRelations measures one typical explorer request over the seed
// article with the production handler: an entity's relations with their
// endpoints, event, article and evidence (two rounds of batched lookups).
func BenchmarkSeedRelations(b *testing.B) {
	c := client.New(NewHandler(Options{Store: seedStore(b), Logger: slog.New(slog.DiscardHandler)}))
	const q = `{ entity(name: "Trump") { relations { nodes { id type source { name } target { name }
		event { label place { name } } article { title } evidence { text } } } } }`
	for b.Loop() {
		if _, err := c.RawPost(q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeedSearch measures a root query that needs no dataloader.
func BenchmarkSeedSearch(b *testing.B) {
	c := client.New(NewHandler(Options{Store: seedStore(b), Logger: slog.New(slog.DiscardHandler)}))
	const q = `{ search(text: "ukraine", first: 20) { entity { id name kind aliases } score } }`
	for b.Loop() {
		if _, err := c.RawPost(q); err != nil {
			b.Fatal(err)
		}
	}
}
