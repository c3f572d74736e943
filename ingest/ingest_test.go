package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/loader"
)

// downStore is a store whose server has gone away after ok applies.
type downStore struct {
	graph.Store
	ok, applies int
	refused     int // writes refused since the server went away
}

// ApplyAll fails once the server is gone for any of bs, as one
// transaction would.
func (s *downStore) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	if s.applies+len(bs) > s.ok {
		s.refused++
		return fmt.Errorf("neo4j: apply %d articles: cannot reach bolt://db: %w", len(bs), graph.ErrUnavailable)
	}
	s.applies += len(bs)
	return s.Store.ApplyAll(ctx, bs)
}

func (s *downStore) Apply(ctx context.Context, b graph.Batch) error {
	s.applies++
	if s.applies > s.ok {
		s.refused++
		return fmt.Errorf("neo4j: apply article %s: cannot reach bolt://db: %w", b.Article.ID, graph.ErrUnavailable)
	}
	return s.Store.Apply(ctx, b)
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.md", "notes.json", ".hidden.txt", ".git/x.txt", "sub/c.TXT"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("text"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := t.TempDir()
	tests := []struct {
		name      string
		paths     []string
		wantFiles []string
		wantErrs  []string
	}{
		{"folder", []string{dir}, []string{"a.md", "b.txt", "sub/c.TXT"}, nil},
		{"file as given", []string{filepath.Join(dir, "notes.json")}, []string{"notes.json"}, nil},
		{"missing", []string{filepath.Join(dir, "nope")}, nil, []string{"nope: no such file or folder"}},
		{"empty folder", []string{empty}, nil, []string{empty + ": folder has no .txt or .md files"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, errs := Files(tc.paths)
			var got []string
			for _, f := range files {
				rel, err := filepath.Rel(dir, f)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, filepath.ToSlash(rel))
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.wantFiles) {
				t.Errorf("got files %v, want %v", got, tc.wantFiles)
			}
			var gotErrs []string
			for _, e := range errs {
				gotErrs = append(gotErrs, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
			}
			if fmt.Sprint(gotErrs) != fmt.Sprint(tc.wantErrs) {
				t.Errorf("got errors %v, want %v", gotErrs, tc.wantErrs)
			}
		})
	}
}

// refusingStore refuses every article whose text contains bad, and so
// every ApplyAll holding one.
type refusingStore struct {
	graph.Store
	bad string
}

func (s refusingStore) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	for _, b := range bs {
		if strings.Contains(b.Article.Text, s.bad) {
			return fmt.Errorf("apply %d articles: %w", len(bs), graph.ErrInvalid)
		}
	}
	return s.Store.ApplyAll(ctx, bs)
}

func (s refusingStore) Apply(ctx context.Context, b graph.Batch) error {
	return s.ApplyAll(ctx, []graph.Batch{b})
}

// TestLoadBadArticleAlone loads a folder whose batch holds one article the
// store refuses: the others load, and every file is reported, in order.
func TestLoadBadArticleAlone(t *testing.T) {
	dir, ld := tenArticles(t)
	mem := memory.New()
	var ns []int
	sum := Paths(context.Background(), ld, refusingStore{Store: mem, bad: "number 3."}, []string{dir}, func(p Progress) { ns = append(ns, p.N) })
	if sum.Loaded != 9 || sum.Failed != 1 || sum.Skipped != 0 || !errors.Is(sum.LastErr, graph.ErrInvalid) {
		t.Errorf("got %d loaded, %d failed, %d skipped, last error %v; want 9, 1, 0, one wrapping graph.ErrInvalid",
			sum.Loaded, sum.Failed, sum.Skipped, sum.LastErr)
	}
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; fmt.Sprint(ns) != fmt.Sprint(want) {
		t.Errorf("got reports %v, want %v", ns, want)
	}
	arts, total, err := mem.ListArticles(context.Background(), graph.ArticleQuery{})
	if err != nil || total != 9 {
		t.Errorf("ListArticles: got %d articles (%d listed), %v; want 9", total, len(arts), err)
	}
}

// tenArticles writes ten small articles to a new folder and returns it with
// a loader.
func tenArticles(t *testing.T) (string, *loader.Loader) {
	t.Helper()
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
	return dir, ld
}
