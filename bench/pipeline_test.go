package bench

// pipeline_test.go measures `geokg load`'s path, ingest.Load, over article
// files written by synth.py: extraction alone on one worker against one
// per core, then whole loads by batch size (articles per ApplyAll) and
// workers, and on Neo4j how many concurrent writers pay.
//
//	go test -run '^$' -bench 'IngestExtract|IngestLoadMemory' -benchtime 1x ./bench/
//	NEO4J_URI=bolt://127.0.0.1:7687 go test -run '^$' -bench 'IngestLoadNeo4j|IngestWriters' -benchtime 1x ./bench/
//
// INGEST_ARTICLES sets how many articles (default 2000 into the embedded
// store and for extraction, 500 into Neo4j). On a busy machine wall time
// says little, so each also reports the CPU time this process spent per
// article and, when INGEST_NEO4J_PID names the Neo4j server's process
// (scripts/neo4j-test-server.sh writes it to STATE/PORT/server.pid), the
// server's.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/loader"
)

// synthCorpus writes n synthetic articles (bench/synth.py) to a new
// folder.
func synthCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	out, err := exec.Command("python3", "synth.py", strconv.Itoa(n), dir).CombinedOutput()
	if err != nil {
		b.Skipf("python3 synth.py: %v\n%s", err, out)
	}
	return dir
}

func newLoader(b *testing.B) *loader.Loader {
	b.Helper()
	ld, err := loader.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	return ld
}

// discardStore takes every write and keeps nothing, so a load measures
// reading and extraction.
type discardStore struct{ graph.Store }

func (discardStore) Apply(context.Context, graph.Batch) error      { return nil }
func (discardStore) ApplyAll(context.Context, []graph.Batch) error { return nil }

// workerCounts are the extraction workers compared: one (sequential) and
// one per core.
func workerCounts() []int {
	if p := runtime.GOMAXPROCS(0); p > 1 {
		return []int{1, p}
	}
	return []int{1}
}

var batchSizes = []int{1, 10, 25, 50, 100, 200, 400}

// loadCorpus runs ingest.Load over dir and fails b unless every article
// loaded.
func loadCorpus(b *testing.B, ld *loader.Loader, s graph.Store, dir string, n int, opt ingest.Options) {
	b.Helper()
	sum := ingest.Load(context.Background(), ld, s, []string{dir}, opt)
	if sum.Loaded != n {
		b.Fatalf("got %d of %d articles loaded, %d failed (%v)", sum.Loaded, n, sum.Failed, sum.LastErr)
	}
}

// cpuMeter sums the CPU time this process and the Neo4j server (pid, if
// not empty) spend between start and stop.
type cpuMeter struct {
	pid       string
	self, neo time.Duration
	at        [2]time.Duration // readings at start
}

func newCPUMeter() *cpuMeter { return &cpuMeter{pid: os.Getenv("INGEST_NEO4J_PID")} }

func (m *cpuMeter) read(b *testing.B) [2]time.Duration {
	b.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("getrusage: %v", err)
	}
	r := [2]time.Duration{time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
	if m.pid != "" {
		stat, err := os.ReadFile("/proc/" + m.pid + "/stat")
		if err != nil {
			b.Fatalf("INGEST_NEO4J_PID: %v", err)
		}
		// utime and stime are fields 14 and 15, in clock ticks (100 a
		// second on Linux), after the command name in parentheses.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+2:]))
		u, _ := strconv.Atoi(f[11])
		s, _ := strconv.Atoi(f[12])
		r[1] = time.Duration(u+s) * 10 * time.Millisecond
	}
	return r
}

func (m *cpuMeter) start(b *testing.B) { m.at = m.read(b) }

func (m *cpuMeter) stop(b *testing.B) {
	r := m.read(b)
	m.self += r[0] - m.at[0]
	m.neo += r[1] - m.at[1]
}

// report adds articles/s and CPU ms per article to b, for b.N loads of
// n articles.
func (m *cpuMeter) report(b *testing.B, n int) {
	arts := float64(b.N * n)
	b.ReportMetric(arts/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(m.self.Milliseconds())/arts, "cpu-ms/article")
	if m.pid != "" {
		b.ReportMetric(float64(m.neo.Milliseconds())/arts, "neo4j-cpu-ms/article")
	}
}

func BenchmarkIngestExtract(b *testing.B) {
	n := ingestCount(b, 2000)
	dir, ld := synthCorpus(b, n), newLoader(b)
	for _, w := range workerCounts() {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			cpu := newCPUMeter()
			for b.Loop() {
				cpu.start(b)
				loadCorpus(b, ld, discardStore{}, dir, n, ingest.Options{Workers: w})
				cpu.stop(b)
			}
			cpu.report(b, n)
		})
	}
}

func BenchmarkIngestLoadMemory(b *testing.B) {
	n := ingestCount(b, 2000)
	dir, ld := synthCorpus(b, n), newLoader(b)
	for _, w := range workerCounts() {
		for _, batch := range []int{1, ingest.BatchSize} {
			b.Run(fmt.Sprintf("workers=%d/batch=%d", w, batch), func(b *testing.B) {
				cpu := newCPUMeter()
				for b.Loop() {
					cpu.start(b)
					loadCorpus(b, ld, memory.New(), dir, n, ingest.Options{Workers: w, Batch: batch})
					cpu.stop(b)
				}
				cpu.report(b, n)
			})
		}
	}
}

// openNeo4j returns the test database, wiped, and a store on it.
func openNeo4j(b *testing.B) (neo4jtest.Config, *neo4j.Store) {
	b.Helper()
	c := neo4jtest.Open(b)
	s, err := neo4j.New(context.Background(), neo4j.Config{URI: c.URI, User: c.User, Password: c.Password}, nil)
	if err != nil {
		b.Fatalf("open neo4j store: %v", err)
	}
	b.Cleanup(func() { s.Close(context.Background()) })
	return c, s
}

func BenchmarkIngestLoadNeo4j(b *testing.B) {
	c, s := openNeo4j(b)
	n := ingestCount(b, 500)
	dir, ld := synthCorpus(b, n), newLoader(b)
	for _, w := range workerCounts() {
		for _, batch := range batchSizes {
			b.Run(fmt.Sprintf("workers=%d/batch=%d", w, batch), func(b *testing.B) {
				cpu, timed := newCPUMeter(), &timedStore{Store: s}
				for b.Loop() {
					b.StopTimer()
					neo4jtest.Wipe(b, c)
					b.StartTimer()
					cpu.start(b)
					loadCorpus(b, ld, timed, dir, n, ingest.Options{Workers: w, Batch: batch})
					cpu.stop(b)
				}
				cpu.report(b, n)
				b.ReportMetric(timed.longest.Seconds(), "longest-write-s")
			})
		}
	}
}

// BenchmarkIngestWriters applies extracted articles to Neo4j from 1, 2 and
// 4 goroutines, each writing the next ingest.BatchSize articles in one
// ApplyAll: whether concurrent writers would pay. Order between writers
// is not kept, so this is a measurement, not a way to load.
func BenchmarkIngestWriters(b *testing.B) {
	c, s := openNeo4j(b)
	n := ingestCount(b, 500)
	batches := extractCorpus(b, synthCorpus(b, n), n)
	for _, writers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("writers=%d", writers), func(b *testing.B) {
			cpu := newCPUMeter()
			for b.Loop() {
				b.StopTimer()
				neo4jtest.Wipe(b, c)
				b.StartTimer()
				cpu.start(b)
				applyConcurrently(b, s, batches, writers, ingest.BatchSize)
				cpu.stop(b)
			}
			cpu.report(b, n)
		})
	}
}

// timedStore keeps the longest ApplyAll's duration: Neo4j ends a write
// transaction after 30 s, which bounds the batch size.
type timedStore struct {
	graph.Store
	longest time.Duration
}

func (s *timedStore) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	start := time.Now()
	err := s.Store.ApplyAll(ctx, bs)
	s.longest = max(s.longest, time.Since(start))
	return err
}

// batchStore keeps every write, in order.
type batchStore struct {
	graph.Store
	mu sync.Mutex
	bs []graph.Batch
}

func (s *batchStore) Apply(_ context.Context, b graph.Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bs = append(s.bs, b)
	return nil
}

func (s *batchStore) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	for _, b := range bs {
		s.Apply(ctx, b)
	}
	return nil
}

// extractCorpus extracts the n articles under dir.
func extractCorpus(b *testing.B, dir string, n int) []graph.Batch {
	b.Helper()
	var s batchStore
	loadCorpus(b, newLoader(b), &s, dir, n, ingest.Options{})
	return s.bs
}

// applyConcurrently has writers goroutines take per articles at a time
// from batches and apply them in one ApplyAll each.
func applyConcurrently(b *testing.B, s graph.Store, batches []graph.Batch, writers, per int) {
	b.Helper()
	chunks := make(chan []graph.Batch)
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			var first error
			for c := range chunks {
				if err := s.ApplyAll(context.Background(), c); err != nil && first == nil {
					first = err
				}
			}
			errs <- first
		})
	}
	for i := 0; i < len(batches); i += per {
		chunks <- batches[i:min(i+per, len(batches))]
	}
	close(chunks)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			b.Fatalf("apply: %v", err)
		}
	}
}
