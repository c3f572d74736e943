package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/loader"
)

// TestResilienceNoHalfArticles is the checking half of
// scripts/resilience-test.sh, which loads GEOKG_RESILIENCE_DIR into the
// Neo4j at GEOKG_RESILIENCE_URI and kills the server mid-load. It checks
// that every Article node in that database is whole: its relations, events
// and mentions are exactly those a fresh extraction of its file gives. A
// plain `go test` skips it (the database it reads is the script's).
func TestResilienceNoHalfArticles(t *testing.T) {
	uri, dir := os.Getenv("GEOKG_RESILIENCE_URI"), os.Getenv("GEOKG_RESILIENCE_DIR")
	if uri == "" || dir == "" {
		t.Skip("run by scripts/resilience-test.sh (GEOKG_RESILIENCE_URI and GEOKG_RESILIENCE_DIR unset)")
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

// downStore is a store whose server has gone away after ok applies.
type downStore struct {
	graph.Store
	ok, applies int
}

func (s *downStore) Apply(ctx context.Context, b graph.Batch) error {
	s.applies++
	if s.applies > s.ok {
		return fmt.Errorf("neo4j: apply article %s: cannot reach bolt://db: %w", b.Article.ID, graph.ErrUnavailable)
	}
	return s.Store.Apply(ctx, b)
}

func TestLoadStopsWhenStoreUnavailable(t *testing.T) {
	dir := t.TempDir()
	for i := range 10 {
		text := fmt.Sprintf("Russia and Ukraine met in Istanbul on Friday for talks number %d.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ld, err := loader.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	store := &downStore{Store: memory.New(), ok: 2}
	var failed []string
	sum := loadPaths(context.Background(), ld, store, []string{dir}, func(p progress) {
		if p.err != nil {
			failed = append(failed, p.err.Error())
		}
	})
	if sum.loaded != 2 || sum.failed != maxUnavailable || sum.skipped != 10-2-maxUnavailable {
		t.Errorf("got %d loaded, %d failed, %d skipped, want 2, %d, %d", sum.loaded, sum.failed, sum.skipped, maxUnavailable, 10-2-maxUnavailable)
	}
	if store.applies != 2+maxUnavailable {
		t.Errorf("got %d applies, want %d: load must stop trying", store.applies, 2+maxUnavailable)
	}
	if !errors.Is(sum.lastErr, graph.ErrUnavailable) {
		t.Errorf("got last error %v, want one wrapping graph.ErrUnavailable", sum.lastErr)
	}
}
