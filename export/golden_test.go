package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

var update = flag.Bool("update", false, "rewrite export/testdata/*.golden from the current output")

// goldenQueries cover each way Write selects: the whole graph, by type, cut
// by a limit, and a neighbourhood.
var goldenQueries = []struct {
	name string
	q    Query
}{
	{"all", Query{}},
	{"types", Query{Types: []graph.RelType{"CALLS", "STRUCK"}}},
	{"limit", Query{Limit: 2}},
	{"neighbourhood", Query{ID: "person:ana-vela", Depth: 2}},
}

// TestGolden pins the bytes of every format, so a change in how exports
// are produced cannot change what they hold.
func TestGolden(t *testing.T) {
	store := newStore(t)
	for _, gq := range goldenQueries {
		for _, format := range Formats {
			name := gq.name + "." + format
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(context.Background(), &buf, store, format, gq.q); err != nil {
					t.Fatalf("Write: %v", err)
				}
				path := filepath.Join("testdata", name+".golden")
				if *update {
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("read golden file (go test ./export -update writes it): %v", err)
				}
				if !bytes.Equal(buf.Bytes(), want) {
					t.Errorf("got output differing from %s:\n%s", path, buf.String())
				}
			})
		}
	}
}

// largeBatch is one article stating n relations among n/2 entities, of four
// types, some dated, plus ten entities no relation touches: enough for a
// whole-graph export to span many store pages.
func largeBatch(n int) graph.Batch {
	types := []graph.RelType{"CALLS", "ACCUSED", "LEADER_OF", "STRUCK"}
	m := n / 2
	var body strings.Builder
	b := graph.Batch{Article: graph.Article{ID: "article:large", Title: "Large", Published: "2025-05-17"}}
	for i := range m + 10 {
		b.Entities = append(b.Entities, graph.Entity{ID: fmt.Sprintf("person:p%06d", i), Name: fmt.Sprintf("Person %d", i),
			Kind: graph.Person, Aliases: []string{fmt.Sprintf("P%d", i)}})
	}
	for i := range n {
		src, dst := fmt.Sprintf("person:p%06d", i%m), fmt.Sprintf("person:p%06d", (i*7+1)%m)
		sentence := fmt.Sprintf("Person %d acted on Person %d, \"said\" <sources> & others.", i%m, (i*7+1)%m)
		start := body.Len()
		body.WriteString(sentence + " ")
		typ := types[i%len(types)]
		class, _ := graph.ClassOf(typ)
		r := graph.Relation{ID: fmt.Sprintf("rel:%07d", i), Type: typ, Class: class, Source: src, Target: dst, Confidence: 0.5 + float64(i%5)/10,
			Status: graph.StatusOccurred, Evidence: []graph.Evidence{{Start: start, End: start + len(sentence), Text: sentence}}}
		if i%3 == 0 {
			r.Date = fmt.Sprintf("2025-05-%02d", 1+i%28)
		}
		b.Relations = append(b.Relations, r)
	}
	b.Article.Text = body.String()
	return b
}

func largeStore(t testing.TB, n int) graph.Store {
	t.Helper()
	s := memory.New()
	if err := s.Apply(context.Background(), largeBatch(n)); err != nil {
		t.Fatalf("apply: %v", err)
	}
	return s
}

// TestLargeExportUnchanged pins, by hash, the exports of a graph spanning
// several store pages, whole and by type and limit.
func TestLargeExportUnchanged(t *testing.T) {
	store := largeStore(t, 2500)
	for _, gq := range goldenQueries[:3] {
		for _, format := range Formats {
			name := gq.name + "." + format
			q := gq.q
			if q.Limit > 0 {
				q.Limit = 1500
			}
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, store, format, q); err != nil {
				t.Fatalf("%s: Write: %v", name, err)
			}
			sum := sha256.Sum256(buf.Bytes())
			got := hex.EncodeToString(sum[:8])
			if w, ok := largeExportHashes[name]; !ok || got != w {
				t.Errorf("%s: got sha256 %s (%d bytes), want %s", name, got, buf.Len(), w)
			}
		}
	}
}

// largeExportHashes are the first 8 bytes of each export's SHA-256 (as
// the exports were when they were built in memory).
var largeExportHashes = map[string]string{
	"all.graphml": "d4b2b64e2b7257a4", "all.json": "8cb598a50d8d9d87", "all.csv": "3e4f323615e0a6ea",
	"types.graphml": "51fcb75e16f6f7e2", "types.json": "1809dc72592199d8", "types.csv": "0c3ccb63c4dac333",
	"limit.graphml": "b0076f60e0f7682e", "limit.json": "d6f8c5eb0045352d", "limit.csv": "99e14c15b9189bd5",
}

// BenchmarkWriteWholeGraph exports graphs of 10,000 and 40,000 relations
// in each format. heap-MB is the most heap seen above the store's during
// one export run first with the collector kept eager, so the figure is near
// the live heap: an export holding the whole document grows there with the
// graph, as in B/op; a streaming one does not.
func BenchmarkWriteWholeGraph(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		store := largeStore(b, n)
		for _, format := range Formats {
			b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
				write := func() {
					if err := Write(context.Background(), io.Discard, store, format, Query{}); err != nil {
						b.Fatal(err)
					}
				}
				gc := debug.SetGCPercent(5)
				peak := watchHeap(b)
				write()
				heap := peak()
				debug.SetGCPercent(gc)
				b.ReportAllocs()
				for b.Loop() {
					write()
				}
				b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
			})
		}
	}
}

// watchHeap samples the live heap until the benchmark ends; the returned
// func reads the highest sample, less the heap at the start.
func watchHeap(b *testing.B) func() uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > base && v-base > peak.Load() {
				peak.Store(v - base)
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return peak.Load()
	}
}
