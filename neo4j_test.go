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
		mentions { totalCount nodes { article { id title } start end text } }
		relations(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { id type class source { id } target { id name } title date dateText status claimedBy { id } confidence
			event { id type label mode date dateText status place { id name } killed injured participants { entity { id } role } evidence { article { id } text start end } }
			article { id title source published sha256 text }
			evidence { article { id } text start end } } } } }`},
	{"Russia outgoing", `{ entity(name: "russia") { id relations(direction: OUT, first: 100) { totalCount nodes { id type target { id } date status event { id killed injured place { id } } } } } }`},
	{"Putin incoming calls", `{ entity(name: "Vladimir Putin") { relations(direction: IN, types: ["CALLS", "MEETS"]) { totalCount nodes { id source { id } date status } } } }`},
	{"Russia's relations after a cursor", `{ entity(name: "russia") { relations(first: 3, after: "cmVsYXRpb25zfHJlbDo") { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } mentions(first: 2) { totalCount edges { cursor } } } }`},
	{"every entity", `{ entities(first: 100) { nodes { id name kind aliases country lat lon } totalCount } }`},
	{"search", `{ search(text: "ukr") { entity { id name } score } }`},
	{"cities", `{ entities(where: {kinds: [CITY]}) { nodes { id name country lat lon } } }`},
	{"Trump's neighbourhood, two hops", `{ neighborhood(id: "person:donald-trump", depth: 2) { nodes { id label kind } edges { id source target type class date status } } }`},
	{"assaults around Russia", `{ neighborhood(id: "country:RU", depth: 3, types: ["STRUCK", "ATTACKED"], limit: 5) { nodes { id } edges { id type } } }`},
	{"unknown entity", `{ entity(name: "Atlantis") { id } neighborhood(id: "person:nobody") { nodes { id } } }`},
	{"typo-tolerant search", `{ a: search(text: "Zelensky") { entity { id } score } b: search(text: "Rusia", kinds: [COUNTRY, MILITARY], first: 3) { entity { id kind } score } }`},
	{"entities by name, paged", `{ p1: entities(first: 3, where: {nameContains: "u"}) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount }
		p2: entities(first: 3, after: "ZW50aXRpZXN8Y291bnRyeTpSVQ", where: {nameContains: "u"}) { nodes { id } pageInfo { hasNextPage endCursor } totalCount } }`},
	{"relations filtered", `{ a: relations(first: 100, where: {classes: ["ASSAULT", "ACCUSE"], statuses: ["occurred", "reported"]}) { totalCount nodes { id type status date source { id } target { id } } }
		b: relations(where: {source: "person:donald-trump", since: "2025-05-18", until: "2025-05-31"}) { totalCount nodes { id type date } }
		c: relations(where: {types: ["LEADER_OF"], target: "country:RU"}) { nodes { id title source { name } } } }`},
	{"every relation, paged", `{ p1: relations(first: 7) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`},
	{"events filtered, by date", `{ all: events(first: 100) { totalCount nodes { id type label date status killed injured place { id } } }
		deadly: events(where: {minKilled: 1, types: ["ASSAULT"]}) { nodes { id killed injured place { name } } }
		may16: events(where: {since: "2025-05-16", until: "2025-05-16"}) { nodes { id label } }
		russia: events(where: {participant: "country:RU", place: "city:712559"}) { nodes { id } } }`},
	{"timeline", `{ timeline(entity: "country:RU", first: 100) { totalCount edges { cursor node { id date label place { name } participants { entity { id } role } } } } }`},
	{"timeline window", `{ timeline(entity: "person:donald-trump", since: "2025-05-17", until: "2025-05-19") { totalCount nodes { id date } } }`},
	{"shortest paths", `{ a: path(from: "person:donald-trump", to: "city:712559") { length entities { id } relations { id type } }
		b: path(from: "person:vladimir-putin", to: "person:volodymyr-zelenskyy", types: ["CALLS", "MEETS", "NEGOTIATES_WITH"]) { length relations { id } }
		c: path(from: "country:FR", to: "country:FR") { length entities { id } }
		d: path(from: "person:dmitry-peskov", to: "org:truth-social", maxHops: 1) { length } }`},
	{"stats", `{ stats(top: 5) { entities relations events articles relationsByClass { key count } relationsByType { key count }
		mostConnected { entity { id } degree } perArticle { article { id } entities relations events } } }`},
	{"article provenance", `{ articles { totalCount nodes { id title relations(first: 100) { totalCount nodes { id } } events(first: 100) { totalCount nodes { id } } entities { id } } } }`},
	{"event provenance", `{ events(first: 100) { nodes { id status claimedBy { id } article { id } relations { id status claimedBy { id } } evidence { start end text } } } }`},
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

// TestNeo4jMutationsMatchMemory ingests and deletes the same article on a
// Neo4j-backed and a memory-backed server and compares what each answers
// after every step. It runs when NEO4J_URI is set.
func TestNeo4jMutationsMatchMemory(t *testing.T) {
	db := neo4jtest.Open(t)
	const token = "neo4j-test-token"
	mem := startServer(t, map[string]string{"GEOKG_API_TOKEN": token})
	neo := startServer(t, map[string]string{"GEOKG_API_TOKEN": token, "NEO4J_URI": db.URI, "NEO4J_USER": db.User, "NEO4J_PASSWORD": db.Password})
	auth := []string{"Authorization", "Bearer " + token}
	vars := map[string]any{"in": map[string]any{
		"text":  "Japan and South Korea agreed on Tuesday to hold joint naval drills. Tokyo condemned North Korea's missile launch.",
		"title": "Allies agree on drills", "published": "2025-06-03",
	}}
	const check = `{ stats(top: 100) { entities relations events articles relationsByType { key count } mostConnected { entity { id } degree } perArticle { article { id } entities relations events } }
		entities(first: 100) { nodes { id name aliases mentions(first: 100) { nodes { article { id } start end } } } } }`
	steps := []struct {
		name, query string
		vars        map[string]any
	}{
		{"ingest", `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { article { id title published sha256 } created entities relations events entityIds relationIds eventIds warnings } }`, vars},
		{"ingest again", `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { article { id } created entityIds relationIds eventIds warnings } }`, vars},
		{"delete", `mutation { deleteArticle(id: "article:does-not-exist") { id } }`, nil},
	}
	answer := func(base, query string, vars map[string]any) string {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		return do(t, "POST", base+"/graphql", "application/json", bytes.NewReader(body), auth...).body
	}
	for _, st := range steps {
		want, got := answer(mem, st.query, st.vars), answer(neo, st.query, st.vars)
		if got != want {
			t.Errorf("%s: neo4j answer differs from memory:\n got %s\nwant %s", st.name, indent(got), indent(want))
		}
		if got, want := answer(neo, check, nil), answer(mem, check, nil); got != want {
			t.Errorf("after %s: neo4j graph differs from memory:\n got %s\nwant %s", st.name, indent(got), indent(want))
		}
	}
	// Delete the ingested article on both; both must be back to the seed.
	var ingested struct {
		Data struct {
			IngestArticle struct{ Article struct{ ID string } }
		}
	}
	if err := json.Unmarshal([]byte(answer(mem, steps[1].query, vars)), &ingested); err != nil {
		t.Fatal(err)
	}
	del := map[string]any{"id": ingested.Data.IngestArticle.Article.ID}
	const deleteQuery = `mutation($id: ID!) { deleteArticle(id: $id) { id relations events } }`
	if want, got := answer(mem, deleteQuery, del), answer(neo, deleteQuery, del); got != want || !strings.Contains(want, `"deleteArticle":{"id"`) {
		t.Errorf("delete: got %s from neo4j, %s from memory; want the same deletion", got, want)
	}
	if got, want := answer(neo, check, nil), answer(mem, check, nil); got != want {
		t.Errorf("after delete: neo4j graph differs from memory:\n got %s\nwant %s", indent(got), indent(want))
	}
}
