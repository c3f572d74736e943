package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/internal/linediff"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/loader"
)

// corpusLines are the team's own sentences; articles combine them so
// facts repeat across articles and fuse.
var corpusLines = []string{
	"Norway accused Sweden of breaking the fishing accord on %s, its ministry said.",
	"Chile and Peru agreed to reopen their border crossing after talks in Lima on %s.",
	"Egyptian forces struck Rafah overnight on %s, killing %d people.",
	"Canada imposed sanctions on Iran on %s, the government announced.",
	"Kenya condemned the raid and demanded that Somalia withdraw its troops on %s.",
	"The Polish foreign minister will visit Kyiv on %s to discuss reconstruction.",
}

var corpusDays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}

// corpus writes n articles to a new folder, 000.txt first; article i is
// the same for the same i.
func corpus(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		var body []string
		for k := range 2 + i%3 {
			line := corpusLines[(i+k*5)%len(corpusLines)]
			day := corpusDays[(i+k)%len(corpusDays)]
			if strings.Contains(line, "%d") {
				line = fmt.Sprintf(line, day, 2+i%4)
			} else {
				line = fmt.Sprintf(line, day)
			}
			body = append(body, line)
		}
		text := fmt.Sprintf("---\ntitle: Report %d\npublished: 2025-03-%02d\n---\n%s\n", i, 1+i%20, strings.Join(body, " "))
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), text)
	}
	return dir
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func newLoader(t testing.TB) *loader.Loader {
	t.Helper()
	ld, err := loader.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return ld
}

// dump is the whole graph as JSON, with the ids of its articles.
func dump(t *testing.T, s graph.Store) string {
	t.Helper()
	ctx := context.Background()
	var b bytes.Buffer
	if err := export.Write(ctx, &b, s, export.JSON, export.Query{}); err != nil {
		t.Fatalf("export: %v", err)
	}
	arts, _, err := s.ListArticles(ctx, graph.ArticleQuery{Page: graph.Page{Limit: graph.MaxPageSize}})
	if err != nil {
		t.Fatalf("list articles: %v", err)
	}
	for _, a := range arts {
		b.WriteString("article " + a.ID + "\n")
	}
	return b.String()
}

// recordingStore records the articles of every write, in order.
type recordingStore struct {
	graph.Store
	mu     sync.Mutex
	writes [][]string // article titles of each Apply or ApplyAll
}

func (s *recordingStore) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	s.record(bs...)
	return s.Store.ApplyAll(ctx, bs)
}

func (s *recordingStore) Apply(ctx context.Context, b graph.Batch) error {
	s.record(b)
	return s.Store.Apply(ctx, b)
}

func (s *recordingStore) record(bs ...graph.Batch) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var w []string
	for _, b := range bs {
		w = append(w, b.Article.Title)
	}
	s.writes = append(s.writes, w)
}

// TestLoadInOrder loads one corpus with several batch sizes and worker
// counts: writes hold at most a batch of consecutive articles in file
// order, every file is reported once in order, and the graph is the one
// applying the articles one by one gives.
func TestLoadInOrder(t *testing.T) {
	const n = 23
	dir, ld := corpus(t, n), newLoader(t)
	ref := memory.New()
	if sum := Load(context.Background(), ld, ref, []string{dir}, Options{Batch: 1, Workers: 1}); sum.Loaded != n {
		t.Fatalf("reference load: got %d loaded, want %d (%v)", sum.Loaded, n, sum.LastErr)
	}
	want := dump(t, ref)
	tests := []struct {
		name           string
		batch, workers int
		wantWrites     int
	}{
		{"one article per write", 1, 4, n},
		{"batches of 5, one worker", 5, 1, 5},
		{"batches of 5, eight workers", 5, 8, 5},
		{"batches of 10, defaults", 10, 0, 3},
		{"batch larger than the corpus", 100, 3, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recordingStore{Store: memory.New()}
			var paths []string
			sum := Load(context.Background(), ld, rec, []string{dir}, Options{Batch: tc.batch, Workers: tc.workers,
				Report: func(p Progress) {
					if p.N != len(paths)+1 || p.Total != n || p.Err != nil {
						t.Errorf("got report %d/%d (err %v) after %d reports, want %d/%d", p.N, p.Total, p.Err, len(paths), len(paths)+1, n)
					}
					paths = append(paths, filepath.Base(p.Path))
				}})
			if sum.Loaded != n || sum.Failed != 0 || sum.Skipped != 0 {
				t.Errorf("got %d loaded, %d failed, %d skipped, want %d, 0, 0", sum.Loaded, sum.Failed, sum.Skipped, n)
			}
			if !slices.IsSorted(paths) || len(paths) != n {
				t.Errorf("got reports for %v, want %d files in order", paths, n)
			}
			checkWrites(t, rec.writes, tc.batch, tc.wantWrites)
			if got := dump(t, rec.Store); got != want {
				t.Errorf("graph differs from one-by-one apply:\n%s", linediff.Lines(got, want))
			}
		})
	}
}

// checkWrites checks that writes take the articles in file order, at most
// batch at a time.
func checkWrites(t *testing.T, writes [][]string, batch, want int) {
	t.Helper()
	if len(writes) != want {
		t.Errorf("got %d writes, want %d", len(writes), want)
	}
	next := 0
	for _, w := range writes {
		if len(w) > batch {
			t.Errorf("got a write of %d articles, want at most %d", len(w), batch)
		}
		for _, title := range w {
			if want := fmt.Sprintf("Report %d", next); title != want {
				t.Fatalf("got %q written after %d articles, want %q", title, next, want)
			}
			next++
		}
	}
}

// TestLoadBadFiles loads good articles with bad files among them: each bad
// file fails alone, in its place, and its batch's neighbours load.
func TestLoadBadFiles(t *testing.T) {
	bad := map[string]string{
		"004.txt": "",                                    // empty
		"007.txt": "Chile \xff and Peru met in Lima.\n",  // not UTF-8
		"008.txt": "---\ntitle: [unclosed\n---\nText.\n", // malformed front matter
	}
	tests := []struct {
		name  string
		batch int
	}{{"one by one", 1}, {"batches of 4", 4}, {"one batch", 50}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := corpus(t, 12)
			for name, text := range bad {
				writeFile(t, filepath.Join(dir, name), text)
			}
			mem := memory.New()
			var failed []string
			sum := Load(context.Background(), newLoader(t), mem, []string{dir}, Options{Batch: tc.batch, Report: func(p Progress) {
				if p.Err != nil {
					failed = append(failed, fmt.Sprintf("%d %s", p.N, filepath.Base(p.Path)))
				}
			}})
			if want := []string{"5 004.txt", "8 007.txt", "9 008.txt"}; fmt.Sprint(failed) != fmt.Sprint(want) {
				t.Errorf("got failures %v, want %v", failed, want)
			}
			if sum.Loaded != 9 || sum.Failed != 3 || sum.Skipped != 0 || !errors.Is(sum.LastErr, graph.ErrInvalid) {
				t.Errorf("got %d loaded, %d failed, %d skipped, last error %v; want 9, 3, 0, one wrapping graph.ErrInvalid",
					sum.Loaded, sum.Failed, sum.Skipped, sum.LastErr)
			}
			if _, total, err := mem.ListArticles(context.Background(), graph.ArticleQuery{}); err != nil || total != 9 {
				t.Errorf("got %d articles in the store (%v), want 9", total, err)
			}
		})
	}
}

// TestLoadStoreGoesAway loads into a store that stops answering after ok
// articles: the load gives up after MaxUnavailable failures in a row
// whatever the batch size, counts the rest as skipped, and does not try
// the dead store again: a refused batch, then MaxUnavailable articles.
func TestLoadStoreGoesAway(t *testing.T) {
	const n = 20
	dir, ld := corpus(t, n), newLoader(t)
	tests := []struct {
		name        string
		batch, ok   int
		wantRefused int
	}{
		{"dead from the start, one by one", 1, 0, 3},
		{"dead from the start, batches", 50, 0, 4},
		{"dies inside a batch", 4, 6, 5}, // a batch, 2 articles, the next batch, 1 article
		{"dies at a batch boundary", 4, 8, 4},
		{"gone when a batch ends", 4, 9, 4}, // its last 3 articles fail
		{"dies in the last batch", 8, 16, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store := &downStore{Store: memory.New(), ok: tc.ok}
			var ns []int
			sum := Load(context.Background(), ld, store, []string{dir}, Options{Batch: tc.batch, Report: func(p Progress) { ns = append(ns, p.N) }})
			wantSkipped := n - tc.ok - MaxUnavailable
			if sum.Loaded != tc.ok || sum.Failed != MaxUnavailable || sum.Skipped != wantSkipped {
				t.Errorf("got %d loaded, %d failed, %d skipped, want %d, %d, %d", sum.Loaded, sum.Failed, sum.Skipped, tc.ok, MaxUnavailable, wantSkipped)
			}
			if !errors.Is(sum.LastErr, graph.ErrUnavailable) {
				t.Errorf("got last error %v, want one wrapping graph.ErrUnavailable", sum.LastErr)
			}
			if want := tc.ok + MaxUnavailable; len(ns) != want || ns[len(ns)-1] != want {
				t.Errorf("got reports %v, want 1 to %d", ns, want)
			}
			if store.refused != tc.wantRefused {
				t.Errorf("got %d writes refused, want %d", store.refused, tc.wantRefused)
			}
		})
	}
}

// cancellingStore cancels the load on its write number at (from 1), as
// Ctrl-C during a transaction would, and fails that write.
type cancellingStore struct {
	graph.Store
	cancel  func()
	at, got int
}

func (s *cancellingStore) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	if s.got++; s.got == s.at {
		s.cancel()
		return fmt.Errorf("apply %d articles: %w", len(bs), ctx.Err())
	}
	return s.Store.ApplyAll(ctx, bs)
}

func (s *cancellingStore) Apply(ctx context.Context, b graph.Batch) error {
	return s.ApplyAll(ctx, []graph.Batch{b})
}

// TestLoadCancel interrupts loads: the load returns, files not written
// are skipped rather than failed, and what was reported is in the store.
func TestLoadCancel(t *testing.T) {
	const n = 30
	dir, ld := corpus(t, n), newLoader(t)
	tests := []struct {
		name        string
		batch       int
		write       int // cancel during this write; 0: none
		afterReport int // cancel once this file is reported; 0: none
		wantLoaded  int
	}{
		{"before the start", 5, 0, 0, 0},
		{"during the third write", 5, 3, 0, 10},
		{"during the first write, one by one", 1, 1, 0, 0},
		{"while extracting, after a report", 5, 0, 5, 5},
		{"after the last report", 5, 0, n, n},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.write == 0 && tc.afterReport == 0 {
				cancel()
			}
			mem := memory.New()
			store := &cancellingStore{Store: mem, cancel: cancel, at: tc.write}
			reported := 0
			sum := Load(ctx, ld, store, []string{dir}, Options{Batch: tc.batch, Report: func(p Progress) {
				if reported++; reported == tc.afterReport {
					cancel()
				}
			}})
			if sum.Loaded != tc.wantLoaded || sum.Failed != 0 || sum.Skipped != n-tc.wantLoaded || reported != tc.wantLoaded {
				t.Errorf("got %d loaded, %d failed, %d skipped, %d reported, want %d, 0, %d, %d",
					sum.Loaded, sum.Failed, sum.Skipped, reported, tc.wantLoaded, n-tc.wantLoaded, tc.wantLoaded)
			}
			if _, total, err := mem.ListArticles(context.Background(), graph.ArticleQuery{}); err != nil || total != tc.wantLoaded {
				t.Errorf("got %d articles in the store (%v), want %d", total, err, tc.wantLoaded)
			}
		})
	}
}

// TestLoadProgress checks N and Total when paths that cannot be listed
// come with files: they are reported first, then the files in order.
func TestLoadProgress(t *testing.T) {
	dir := corpus(t, 7)
	missing := filepath.Join(dir, "missing")
	file := filepath.Join(dir, "003.txt")
	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"folder", []string{dir}, []string{"1/7 000.txt", "2/7 001.txt", "3/7 002.txt", "4/7 003.txt", "5/7 004.txt", "6/7 005.txt", "7/7 006.txt"}},
		{"missing path first", []string{file, missing, file}, []string{"1/3 missing FAILED", "2/3 003.txt", "3/3 003.txt"}},
		{"nothing to load", []string{missing}, []string{"1/1 missing FAILED"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			Load(context.Background(), newLoader(t), memory.New(), tc.paths, Options{Batch: 3, Report: func(p Progress) {
				s := fmt.Sprintf("%d/%d %s", p.N, p.Total, filepath.Base(p.Path))
				if p.Err != nil {
					s += " FAILED"
				}
				got = append(got, s)
			}})
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got reports %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLoadTeamArticles loads the team's test articles (every loader rule
// gets exercised) on eight workers, under -race in the test command, and
// gets the graph one worker gives.
func TestLoadTeamArticles(t *testing.T) {
	ld := newLoader(t)
	paths := []string{"../loader/testdata", "../testdata/fusion"}
	one := memory.New()
	if sum := Load(context.Background(), ld, one, paths, Options{Batch: 1, Workers: 1}); sum.Failed != 0 || sum.Loaded < 40 {
		t.Fatalf("one worker: got %d loaded, %d failed (%v), want 40 or more and none", sum.Loaded, sum.Failed, sum.LastErr)
	}
	eight := memory.New()
	Load(context.Background(), ld, eight, paths, Options{Batch: 4, Workers: 8})
	if got, want := dump(t, eight), dump(t, one); got != want {
		t.Errorf("eight workers give another graph:\n%s", linediff.Lines(got, want))
	}
}

// TestLoadTwice loads one corpus twice into one store: the second load
// changes nothing, whatever the batch size and workers of either.
func TestLoadTwice(t *testing.T) {
	dir, ld := corpus(t, 17), newLoader(t)
	tests := []struct {
		name          string
		first, second Options
	}{
		{"defaults twice", Options{}, Options{}},
		{"one by one, then batched in parallel", Options{Batch: 1, Workers: 1}, Options{Batch: 6, Workers: 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loadTwice(t, ld, memory.New(), dir, tc.first, tc.second)
		})
	}
}

// loadTwice loads dir into s with first, then again with second, and
// checks both loads take every article and the graph does not change.
func loadTwice(t *testing.T, ld *loader.Loader, s graph.Store, dir string, first, second Options) {
	t.Helper()
	one := Load(context.Background(), ld, s, []string{dir}, first)
	want := dump(t, s)
	two := Load(context.Background(), ld, s, []string{dir}, second)
	if one.Failed+two.Failed != 0 || one.Loaded != two.Loaded || one.Counts != two.Counts {
		t.Errorf("got loads %+v and %+v, want the same counts and no failures", one, two)
	}
	if got := dump(t, s); got != want {
		t.Errorf("second load changed the graph:\n%s", linediff.Lines(got, want))
	}
}

// TestLoadNeo4j loads a corpus into Neo4j one article at a time and then,
// into an empty database, in parallel batches, then again: the three
// graphs are one, and the one the embedded store holds. It runs when
// NEO4J_URI is set.
func TestLoadNeo4j(t *testing.T) {
	db := neo4jtest.Open(t)
	ctx := context.Background()
	s, err := neo4j.New(ctx, neo4j.Config{URI: db.URI, User: db.User, Password: db.Password}, nil)
	if err != nil {
		t.Fatalf("open neo4j store: %v", err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	dir, ld := corpus(t, 30), newLoader(t)
	if sum := Load(ctx, ld, s, []string{dir}, Options{Batch: 1, Workers: 1}); sum.Loaded != 30 {
		t.Fatalf("one by one: got %d loaded, want 30 (%v)", sum.Loaded, sum.LastErr)
	}
	want := dump(t, s)
	mem := memory.New()
	Load(ctx, ld, mem, []string{dir}, Options{})
	if got := dump(t, mem); got != want {
		t.Errorf("embedded store differs from Neo4j:\n%s", linediff.Lines(got, want))
	}
	neo4jtest.Wipe(t, db)
	loadTwice(t, ld, s, dir, Options{Batch: 7}, Options{Batch: 50})
	if got := dump(t, s); got != want {
		t.Errorf("batched load differs from one by one:\n%s", linediff.Lines(got, want))
	}
}
