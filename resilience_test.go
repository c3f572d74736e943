package main

// The Neo4j half of the resilience test is scripts/resilience-test.sh with
// resilience_db_test.go; this file checks load's side without a server.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/loader"
)

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
