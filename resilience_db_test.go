//go:build resilience

package main

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/loader"
)

// TestResilienceNoHalfArticles is the checking half of
// scripts/resilience-test.sh, which loads GEOKG_RESILIENCE_DIR into the
// Neo4j at GEOKG_RESILIENCE_URI and kills the server mid-load. It checks
// that every Article node in that database is whole: its witnesses
// (relations and events) and mentions are exactly those a fresh extraction
// of its file gives, and the facts hold every relation witness. Built
// only with -tags resilience, since the database it reads is the script's.
func TestResilienceNoHalfArticles(t *testing.T) {
	uri, dir := os.Getenv("GEOKG_RESILIENCE_URI"), os.Getenv("GEOKG_RESILIENCE_DIR")
	if uri == "" || dir == "" {
		t.Fatal("set GEOKG_RESILIENCE_URI and GEOKG_RESILIENCE_DIR (scripts/resilience-test.sh does)")
	}
	ctx := context.Background()

	// What each article should have, by article id.
	type parts struct {
		relations, events []string
		mentions          int
	}
	ld, err := loader.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	files, listErrs := articleFiles([]string{dir})
	if len(listErrs) > 0 {
		t.Fatalf("listing %s: %v", dir, listErrs[0].err)
	}
	want := map[string]parts{}
	for _, f := range files {
		data, err := loader.ReadArticle(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		doc, err := ld.Extract(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		b := doc.Batch()
		var p parts
		for _, r := range b.Relations {
			p.relations = append(p.relations, r.ID)
		}
		for _, e := range b.Events {
			p.events = append(p.events, e.ID)
		}
		mentioned := map[string]bool{}
		for _, e := range b.Entities {
			if len(e.Mentions) > 0 {
				mentioned[e.ID] = true
			}
		}
		p.mentions = len(mentioned)
		slices.Sort(p.relations)
		slices.Sort(p.events)
		want[b.Article.ID] = p
	}

	db, err := neo4jtest.Config{URI: uri}.Driver()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	sess := db.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	// An article's relations and events are its witnesses, kept per fact
	// group (graph/neo4j/fuse.go); the facts must hold exactly those.
	type witness struct{ ID, Article string }
	gotRels, gotEvents := map[string][]string{}, map[string][]string{}
	res, err := sess.Run(ctx, `MATCH (g:FactGroup) RETURN g.key AS key, g.witnesses AS ws`, nil)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := res.Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inGroups := 0
	for _, rec := range groups {
		key, _ := rec.Get("key")
		for _, text := range recordStrings(rec, "ws") {
			var w witness
			if err := json.Unmarshal([]byte(text), &w); err != nil {
				t.Fatalf("group %v: %v", key, err)
			}
			if strings.HasPrefix(key.(string), "ev|") {
				gotEvents[w.Article] = append(gotEvents[w.Article], w.ID)
				continue
			}
			gotRels[w.Article] = append(gotRels[w.Article], w.ID)
			inGroups++
		}
	}
	res, err = sess.Run(ctx, `MATCH ()-[r]->() WHERE r.group IS NOT NULL RETURN r.fact AS fact`, nil)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := res.Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inFacts := 0
	for _, rec := range facts {
		text, _ := rec.Get("fact")
		var f struct{ Witnesses []witness }
		if err := json.Unmarshal([]byte(text.(string)), &f); err != nil {
			t.Fatal(err)
		}
		inFacts += len(f.Witnesses)
	}
	if inFacts != inGroups {
		t.Errorf("relation witnesses: %d in facts, %d in their groups, want the same", inFacts, inGroups)
	}

	res, err = sess.Run(ctx, `MATCH (a:Article)
OPTIONAL CALL (a) { MATCH (a)-[m:MENTIONS]->() RETURN count(m) AS mentions }
RETURN a.id AS id, mentions`, nil)
	if err != nil {
		t.Fatal(err)
	}
	records, err := res.Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var whole, broken int
	for _, rec := range records {
		id, _ := rec.Get("id")
		w, ok := want[id.(string)]
		if !ok {
			t.Errorf("article %v is in the database but no file in %s has it", id, dir)
			broken++
			continue
		}
		got := parts{relations: gotRels[id.(string)], events: gotEvents[id.(string)]}
		slices.Sort(got.relations)
		slices.Sort(got.events)
		m, _ := rec.Get("mentions")
		got.mentions = int(m.(int64))
		if !slices.Equal(got.relations, w.relations) || !slices.Equal(got.events, w.events) || got.mentions != w.mentions {
			t.Errorf("article %v: got %d relations, %d events, %d mentions, want %d, %d, %d (a half-written article)",
				id, len(got.relations), len(got.events), got.mentions, len(w.relations), len(w.events), w.mentions)
			broken++
			continue
		}
		whole++
	}
	t.Logf("RESILIENCE articles in database: %d whole, %d broken (of %d files)", whole, broken, len(files))

	// Totals, which the script compares with a clean load's.
	res, err = sess.Run(ctx, `CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r]->() WHERE r.group IS NOT NULL RETURN count(r) AS relations }
CALL () { MATCH (ev:Event) RETURN count(ev) AS events }
CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
RETURN articles, entities, relations, events, mentions`, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := rec.Values
	t.Logf("RESILIENCE totals: %v articles, %v entities, %v relations, %v events, %v mentions", v[0], v[1], v[2], v[3], v[4])
}

func recordStrings(rec *neo4j.Record, key string) []string {
	v, _ := rec.Get(key)
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, x.(string))
	}
	slices.Sort(out)
	return out
}
