package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// seedQueries are questions about the seed article that both stores must
// answer byte for byte the same; together they read every field.
var seedQueries = []struct{ name, query string }{
	{"Trump and all his relations", `{ entity(name: "Trump") {
		id name kind aliases country lat lon
		mentions { article { id title } start end text }
		relations { id type class source { id } target { id name } title date dateText status claimedBy { id } confidence
			event { id type label mode date dateText status place { id name } killed injured participants { entity { id } role } evidence { article { id } text start end } }
			article { id title source published sha256 text }
			evidence { article { id } text start end } } } }`},
	{"Russia outgoing", `{ entity(name: "russia") { id relations(direction: OUT) { id type target { id } date status event { id killed injured place { id } } } } }`},
	{"Putin incoming calls", `{ entity(name: "Vladimir Putin") { relations(direction: IN, types: ["CALLS", "MEETS"]) { id source { id } date status } } }`},
	{"every entity", `{ entities(first: 100) { nodes { id name kind aliases country lat lon } totalCount } }`},
	{"search", `{ search(text: "ukr") { entity { id name } score } }`},
	{"cities", `{ entities(where: {kinds: [CITY]}) { nodes { id name country lat lon } } }`},
	{"Trump's neighbourhood, two hops", `{ neighborhood(id: "person:donald-trump", depth: 2) { nodes { id label kind } edges { id source target type class date status } } }`},
	{"assaults around Russia", `{ neighborhood(id: "country:RU", depth: 3, types: ["STRUCK", "ATTACKED"], limit: 5) { nodes { id } edges { id type } } }`},
	{"unknown entity", `{ entity(name: "Atlantis") { id } neighborhood(id: "person:nobody") { nodes { id } } }`},
}

func postQuery(t *testing.T, base, query string) string {
	t.Helper()
	got := do(t, "POST", base+"/graphql", "application/json", gqlBody(query))
	if got.status != 200 {
		t.Fatalf("status: got %d, want 200 (body %.300s)", got.status, got.body)
	}
	return got.body
}

// TestNeo4jMatchesMemory serves the seed article from Neo4j and from the
// in-process store and compares the answers. It runs when NEO4J_URI is set.
func TestNeo4jMatchesMemory(t *testing.T) {
	db := neo4jtest.Open(t)
	env := map[string]string{"NEO4J_URI": db.URI, "NEO4J_USER": db.User, "NEO4J_PASSWORD": db.Password}
	mem := startServer(t, nil)
	neo := startServer(t, env)
	// A second server on the same database loads the seed again: applying is
	// idempotent, so the answers must not change.
	neoAgain := startServer(t, env)
	for _, q := range seedQueries {
		t.Run(q.name, func(t *testing.T) {
			want := postQuery(t, mem, q.query)
			if !strings.Contains(want, `"data":{`) || strings.Contains(want, `"data":{"entity":null}`) {
				t.Fatalf("memory answer: got %.300s, want data", want)
			}
			for name, base := range map[string]string{"neo4j": neo, "neo4j after reloading the seed": neoAgain} {
				if got := postQuery(t, base, q.query); got != want {
					t.Errorf("%s answer differs from memory:\n got %s\nwant %s", name, indent(got), indent(want))
				}
			}
		})
	}
}

func indent(s string) string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// TestNeo4jLoad loads articles with `geokg load` and serves them from the
// same database without the seed. It runs when NEO4J_URI is set.
func TestNeo4jLoad(t *testing.T) {
	db := neo4jtest.Open(t)
	env := map[string]string{"NEO4J_URI": db.URI, "NEO4J_USER": db.User, "NEO4J_PASSWORD": db.Password}
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "seed.txt", string(seed))
	writeFile(t, dir, "bad.txt", "\xff\xfe")
	var stderr bytes.Buffer
	err = run(context.Background(), []string{"load", dir}, func(k string) string { return env[k] }, io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 files failed") {
		t.Errorf("load: got %v, want 1 of 2 files failed\n%s", err, stderr.String())
	}
	base := startServer(t, env, "--no-seed")
	got := postQuery(t, base, `{ entity(name: "Trump") { id } }`)
	if want := `{"data":{"entity":{"id":"person:donald-trump"}}}`; got != want {
		t.Errorf("after load: got %s, want %s", got, want)
	}
}
