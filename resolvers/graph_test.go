package resolvers

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
)

func fixtureClient(t *testing.T) *client.Client {
	t.Helper()
	c, _ := newClient(t, fixtureStore(t))
	return c
}

func TestPath(t *testing.T) {
	run(t, fixtureClient(t), []struct{ name, query, want string }{
		{"two hops", `{ path(from: "person:tomas-reyn", to: "country:NL") { length entities { id } relations { id } } }`,
			`{"path":{"length":2,"entities":[{"id":"person:tomas-reyn"},{"id":"person:ana-vela"},{"id":"country:NL"}],"relations":[{"id":"rel:call"},{"id":"rel:leader"}]}}`},
		{"against the direction of relations", `{ path(from: "country:NL", to: "person:ana-vela") { length entities { id } } }`,
			`{"path":{"length":1,"entities":[{"id":"country:NL"},{"id":"person:ana-vela"}]}}`},
		{"to itself", `{ path(from: "country:NL", to: "country:NL") { length entities { id } relations { id } } }`,
			`{"path":{"length":0,"entities":[{"id":"country:NL"}],"relations":[]}}`},
		{"none between separate parts", `{ path(from: "person:ana-vela", to: "city:port-amar") { length } }`, `{"path":null}`},
		{"none within maxHops", `{ path(from: "person:tomas-reyn", to: "country:NL", maxHops: 1) { length } }`, `{"path":null}`},
		{"only the given types", `{ path(from: "person:tomas-reyn", to: "country:NL", types: ["CALLS"]) { length } }`, `{"path":null}`},
	})
	_, errs := query(t, fixtureClient(t), `{ path(from: "person:ana-vela", to: "person:nobody") { length } }`)
	if len(errs) != 1 || errs[0].Extensions["code"] != CodeNotFound || errs[0].Message != `path: no entity with id "person:nobody"` {
		t.Errorf("path to an unknown entity: got %+v, want NOT_FOUND naming it", errs)
	}
}

func TestTimeline(t *testing.T) {
	run(t, fixtureClient(t), []struct{ name, query, want string }{
		{"events of an entity with participants and place",
			`{ timeline(entity: "country:SD") { totalCount nodes { date label place { name } participants { entity { id } role } } } }`,
			`{"timeline":{"totalCount":1,"nodes":[{"date":"2025-05-17","label":"drone strike","place":{"name":"Port Amar"},
				"participants":[{"entity":{"id":"city:port-amar"},"role":"TARGET"},{"entity":{"id":"country:SD"},"role":"SOURCE"}]}]}}`},
		{"since leaves earlier events out", `{ timeline(entity: "person:ana-vela", since: "2025-05-20") { totalCount } }`, `{"timeline":{"totalCount":0}}`},
		{"until keeps earlier events", `{ timeline(entity: "person:ana-vela", until: "2025-05-19") { nodes { id date } } }`,
			`{"timeline":{"nodes":[{"id":"event:call","date":"2025-05-19"}]}}`},
	})
	_, errs := query(t, fixtureClient(t), `{ timeline(entity: "person:nobody") { totalCount } }`)
	if len(errs) != 1 || errs[0].Extensions["code"] != CodeNotFound {
		t.Errorf("timeline of an unknown entity: got %+v, want NOT_FOUND", errs)
	}
	// The seed's events come in date order, undated last.
	var resp struct {
		Timeline struct{ Nodes []struct{ Date *string } }
	}
	if err := seedClient(t).Post(`{ timeline(entity: "country:RU", first: 100) { nodes { date } } }`, &resp); err != nil {
		t.Fatal(err)
	}
	last, undated := "", false
	for _, n := range resp.Timeline.Nodes {
		switch {
		case n.Date == nil:
			undated = true
		case undated || *n.Date < last:
			t.Fatalf("timeline dates: got %v, want ascending with undated events last", resp.Timeline.Nodes)
		default:
			last = *n.Date
		}
	}
}

func TestStats(t *testing.T) {
	run(t, fixtureClient(t), []struct{ name, query, want string }{
		{"totals, classes, types, top entities, articles",
			`{ stats(top: 2) { entities relations events articles relationsByClass { key count } relationsByType { key count }
				mostConnected { entity { id } degree } perArticle { article { id } entities relations events } } }`,
			`{"stats":{"entities":5,"relations":3,"events":2,"articles":1,
				"relationsByClass":[{"key":"ASSAULT","count":1},{"key":"CONSULT","count":1},{"key":"STRUCTURAL","count":1}],
				"relationsByType":[{"key":"CALLS","count":1},{"key":"LEADER_OF","count":1},{"key":"STRUCK","count":1}],
				"mostConnected":[{"entity":{"id":"person:ana-vela"},"degree":2},{"entity":{"id":"city:port-amar"},"degree":1}],
				"perArticle":[{"article":{"id":"article:fixture"},"entities":5,"relations":3,"events":2}]}}`},
		{"top 0 lists no entities", `{ stats(top: 0) { mostConnected { degree } } }`, `{"stats":{"mostConnected":[]}}`},
	})
}

// claimBatch is a second article whose attack is only claimed, by the
// country said to be attacked.
func claimBatch(t testing.TB) graph.Batch {
	const body = "Sudria says Norland attacked it."
	ev := []graph.Evidence{{Start: 0, End: len(body), Text: body}}
	return graph.Batch{
		Article: graph.Article{ID: "article:claim", Title: "Sudria accuses Norland", SHA256: "def456", Text: body},
		Entities: []graph.Entity{
			{ID: "country:NL", Name: "Norland", Kind: graph.Country, Country: "NL"},
			{ID: "country:SD", Name: "Sudria", Kind: graph.Country, Country: "SD"},
		},
		Relations: []graph.Relation{{ID: "rel:claim", Type: "ATTACKED", Class: "ASSAULT", Source: "country:NL", Target: "country:SD",
			Status: graph.StatusClaimed, ClaimedBy: "country:SD", Confidence: 0.6, Event: "event:claim", Evidence: ev}},
		Events: []graph.Event{{ID: "event:claim", Type: "ASSAULT", Label: "attack", Status: graph.StatusClaimed,
			Participants: []graph.Participant{{Entity: "country:NL", Role: graph.RoleSource}, {Entity: "country:SD", Role: graph.RoleTarget}}, Evidence: ev}},
	}
}

func TestProvenance(t *testing.T) {
	s := fixtureStore(t)
	if err := s.Apply(context.Background(), claimBatch(t)); err != nil {
		t.Fatal(err)
	}
	c, _ := newClient(t, s)
	run(t, c, []struct{ name, query, want string }{
		{"what an article contributed",
			`{ article(id: "article:fixture") { relations { totalCount nodes { id } } events { nodes { id } } entities { id } } }`,
			`{"article":{"relations":{"totalCount":3,"nodes":[{"id":"rel:call"},{"id":"rel:leader"},{"id":"rel:strike"}]},
				"events":{"nodes":[{"id":"event:strike"},{"id":"event:call"}]},
				"entities":[{"id":"city:port-amar"},{"id":"country:NL"},{"id":"country:SD"},{"id":"person:ana-vela"},{"id":"person:tomas-reyn"}]}}`},
		{"a claimed event: who claims it, its relations, evidence and article",
			`{ event(id: "event:claim") { status claimedBy { id } relations { id status claimedBy { id } } article { id } evidence { text start end article { id } } } }`,
			`{"event":{"status":"claimed","claimedBy":{"id":"country:SD"},"relations":[{"id":"rel:claim","status":"claimed","claimedBy":{"id":"country:SD"}}],
				"article":{"id":"article:claim"},"evidence":[{"text":"Sudria says Norland attacked it.","start":0,"end":32,"article":{"id":"article:claim"}}]}}`},
		{"an event nobody claims", `{ event(id: "event:strike") { claimedBy { id } relations { id } } }`,
			`{"event":{"claimedBy":null,"relations":[{"id":"rel:strike"}]}}`},
		{"every relation in a list carries its evidence",
			`{ relations(where: {source: "country:NL"}) { nodes { id evidence { start end article { id } } } } }`,
			`{"relations":{"nodes":[{"id":"rel:claim","evidence":[{"start":0,"end":32,"article":{"id":"article:claim"}}]}]}}`},
	})
}
