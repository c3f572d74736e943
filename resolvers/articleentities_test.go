package resolvers

import (
	"context"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// articleEntitiesCounter is a callCounter that passes
// graph.ArticleEntitiesReader through.
type articleEntitiesCounter struct{ *callCounter }

func (c articleEntitiesCounter) ArticleEntities(ctx context.Context, articles []string) (map[string][]graph.Entity, error) {
	c.count("ArticleEntities")
	return c.Store.(graph.ArticleEntitiesReader).ArticleEntities(ctx, articles)
}

// articlesWithEntities is the load's read of articles (bench/load): a
// page of articles, each with the entities it names.
const articlesWithEntities = `{ articles(first: 20) { totalCount nodes { id title entities { id name } } } }`

// thirdPartyClaim is an article whose only relation is claimed by an
// entity at neither of its ends, and whose event is at a place no
// relation names: entities an article names only inside its facts.
func thirdPartyClaim() graph.Batch {
	const body = "Osterland says Norland struck Sudria in Port Amar."
	ev := []graph.Evidence{{Start: 0, End: len(body), Text: body}}
	return graph.Batch{
		Article: graph.Article{ID: "article:third-party", Title: "Osterland blames Norland", Published: "2025-06-03", Text: body},
		Entities: []graph.Entity{
			{ID: "country:NL", Name: "Norland", Kind: graph.Country},
			{ID: "country:SD", Name: "Sudria", Kind: graph.Country},
			{ID: "country:OS", Name: "Osterland", Kind: graph.Country},
			{ID: "city:port-amar", Name: "Port Amar", Kind: graph.City},
		},
		Relations: []graph.Relation{{ID: "rel:third-party", Type: "ATTACKED", Class: "ASSAULT", Source: "country:NL", Target: "country:SD",
			Status: graph.StatusClaimed, ClaimedBy: "country:OS", Confidence: 0.6, Event: "event:third-party", Evidence: ev}},
		Events: []graph.Event{{ID: "event:third-party", Type: "ASSAULT", Label: "strike", Status: graph.StatusClaimed, Place: "city:port-amar",
			Participants: []graph.Participant{{Entity: "country:NL", Role: graph.RoleSource}, {Entity: "country:SD", Role: graph.RoleTarget}}, Evidence: ev}},
	}
}

// TestNeo4jArticleEntitiesReadAtOnce: on Neo4j, which reads the entities
// of many articles at once (graph.ArticleEntitiesReader), a page of
// articles with their entities costs one store call for the entities of
// them all, in one read transaction, and the answer is the one reading
// article by article gives. It runs when NEO4J_URI is set.
func TestNeo4jArticleEntitiesReadAtOnce(t *testing.T) {
	s := openNeo4j(t)
	for _, b := range append([]graph.Batch{hubBatch(5), thirdPartyClaim()}, twoWitnesses()...) {
		if err := s.Apply(context.Background(), b); err != nil {
			t.Fatalf("apply %s: %v", b.Article.ID, err)
		}
	}
	plain := newCallCounter(s)
	c, _ := newClient(t, plain)
	want, errs := query(t, c, articlesWithEntities)
	if len(errs) > 0 {
		t.Fatalf("article by article: errors %+v", errs)
	}
	if _, detail := plain.reset(); !strings.Contains(detail, "ListEvents:") || !strings.Contains(detail, "ListRelations:") {
		t.Fatalf("article by article: store calls %s, want ListRelations and ListEvents", detail)
	}

	at := articleEntitiesCounter{newCallCounter(s)}
	c, _ = newClient(t, at)
	before := s.Counts()
	got, errs := query(t, c, articlesWithEntities)
	if len(errs) > 0 {
		t.Fatalf("at once: errors %+v", errs)
	}
	if got != want {
		t.Errorf("at once:\ngot  %s\nwant %s", got, want)
	}
	if _, detail := at.reset(); detail != "ArticleEntities:1" {
		t.Errorf("at once: store calls %s, want ArticleEntities:1", detail)
	}
	if tx := s.Counts().Transactions - before.Transactions; tx != 2 {
		t.Errorf("at once: got %d transactions, want 2 (the page, then its entities)", tx)
	}
	// The claimant and the event's place are named only inside the facts.
	for _, part := range []string{`"Osterland"`, `"Port Amar"`, `"Venue"`, `"Geneva"`, `"Person 004"`} {
		if !strings.Contains(want, part) {
			t.Errorf("answer %s: want %s in it", want, part)
		}
	}
}
