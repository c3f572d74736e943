//go:build resilience

package main

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/loader"
)

// TestResilienceNoHalfArticles is the checking half of
// scripts/resilience-test.sh, which loads GEOKG_RESILIENCE_DIR into the
// Neo4j at GEOKG_RESILIENCE_URI and kills the server mid-load. It checks
// that every Article node in that database is whole: its relations, events
// and mentions are exactly those a fresh extraction of its file gives. Built
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
	res, err := sess.Run(ctx, `MATCH (a:Article)
OPTIONAL CALL (a) { MATCH ()-[r]->() WHERE r.article = a.id AND r.id IS NOT NULL RETURN collect(r.id) AS rels }
OPTIONAL CALL (a) { MATCH (ev:Event {article: a.id}) RETURN collect(ev.id) AS evs }
OPTIONAL CALL (a) { MATCH (a)-[m:MENTIONS]->() RETURN count(m) AS mentions }
RETURN a.id AS id, rels, evs, mentions`, nil)
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
		got := parts{relations: recordStrings(rec, "rels"), events: recordStrings(rec, "evs")}
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
CALL () { MATCH ()-[r]->() WHERE r.article IS NOT NULL RETURN count(r) AS relations }
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
