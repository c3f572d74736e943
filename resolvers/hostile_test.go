package resolvers

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// hostileInputs look like Cypher, Lucene or escape syntax. Each must reach a
// store as plain text: matched literally, never run.
var hostileInputs = []string{
	`"}) MATCH (n) DETACH DELETE n //`,
	`'}) MATCH (n) DETACH DELETE n //`,
	`) RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //`,
	`Vela' OR 1=1`,
	`Vela" OR "1"="1`,
	`$ids`,
	"`Entity`",
	`*:*`,
	`name:(a OR b)~`,
	`Vela~2`,
	`Vela^10 OR Reyn*`,
	`[a TO z]`,
	`+Vela -Reyn && !x || y`,
	`/.*/`,
	`\`,
	`Vela\`,
	`\\" \'`,
	`Tomas Reyn\u0020`,
	"Vela\x00",
	"Sudria\u200b",
	"Судрия 北京 🙂",
	`Reyn's`,
	strings.Repeat("(", 200),
	strings.Repeat("Vela~ ", 30),
}

// hostileQuery sends one input through every text argument a client controls.
const hostileQuery = `query($s: String!) {
  entity(name: $s) { id }
  search(text: $s, first: 5) { entity { id } score }
  entities(where: {nameContains: $s}, first: 5) { totalCount nodes { id } }
}`

// hostileBatch is the fixture plus an entity whose name and alias are
// themselves query syntax, so literal matching has something to find.
func hostileBatch(t testing.TB) graph.Batch {
	b := fixtureBatch(t)
	b.Entities = append(b.Entities, graph.Entity{
		ID: "organization:star-front", Name: `Star "Front" (a OR b)~ \ Group`, Kind: graph.Organization,
		Aliases: []string{`*:*`},
	})
	return b
}

const graphStatsQuery = `{ stats { entities relations events articles } }`

// hostileAnswers runs every hostile input against s and returns the answers
// in order; it fails on any error and on any change to the graph.
func hostileAnswers(t *testing.T, s graph.Store) []string {
	if err := s.Apply(context.Background(), hostileBatch(t)); err != nil {
		t.Fatalf("Apply: got %v, want nil", err)
	}
	c, _ := newClient(t, s)
	before, errs := query(t, c, graphStatsQuery)
	if len(errs) > 0 {
		t.Fatalf("stats: got errors %+v", errs)
	}
	var answers []string
	for _, in := range hostileInputs {
		got, errs := query(t, c, hostileQuery, client.Var("s", in))
		if len(errs) > 0 {
			t.Errorf("%q: got errors %+v, want none", in, errs)
		}
		answers = append(answers, got)
	}
	if after, _ := query(t, c, graphStatsQuery); after != before {
		t.Errorf("stats after the hostile inputs: got %s, want %s", after, before)
	}

	// Query syntax in a name is matched as text; search looks for words, and
	// *:* has none.
	got, _ := query(t, c, hostileQuery, client.Var("s", `*:*`))
	want := canonical(t, `{"entity": {"id": "organization:star-front"},
		"search": [],
		"entities": {"totalCount": 1, "nodes": [{"id": "organization:star-front"}]}}`)
	if got != want {
		t.Errorf("*:* as a name: got %s, want %s", got, want)
	}
	got, _ = query(t, c, `{ entity(name: "star \"front\" (a or b)~ \\ group") { id }
		search(text: "Star \"Front\" (a OR b)~ \\ Group", first: 1) { entity { id } score } }`)
	want = canonical(t, `{"entity": {"id": "organization:star-front"}, "search": [{"entity": {"id": "organization:star-front"}, "score": 1}]}`)
	if got != want {
		t.Errorf("a name full of syntax: got %s, want %s", got, want)
	}
	return answers
}

// TestHostileInput sends injection-looking text through entity(name:),
// search(text:) and entities(where: {nameContains:}) to the embedded store
// and, when NEO4J_URI is set, to Neo4j, which must answer the same.
func TestHostileInput(t *testing.T) {
	want := hostileAnswers(t, memory.New())

	t.Run("neo4j", func(t *testing.T) {
		s := openNeo4j(t)
		got := hostileAnswers(t, s)
		for i, in := range hostileInputs {
			if got[i] != want[i] {
				t.Errorf("%q: Neo4j answers %s, the embedded store %s", in, got[i], want[i])
			}
		}
	})
}
