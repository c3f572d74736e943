package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
)

// BatchSize is how many articles Load writes in one ApplyAll unless told
// otherwise: each write to Neo4j costs round trips and re-fuses the fact
// groups it touches, once per write however many articles it holds. 200
// wrote 4,000 articles 2.2 times as fast as 100 (bench/pipeline_test.go);
// 400 was 1.24 times as fast again, but its longest write took 12 s of the
// 30 s Neo4j allows one, and writes grow with the graph.
const BatchSize = 200

// MaxBatch bounds Options.Batch: the queue holds a batch's worth of
// extracted articles besides the one being written, each up to 1 MiB of
// text.
const MaxBatch = 1000

// Options tune Load; the zero value means the defaults.
type Options struct {
	// Batch is how many articles go in one ApplyAll; 0 means BatchSize,
	// more than MaxBatch means MaxBatch.
	Batch int
	// Workers is how many files are extracted at once; 0 means GOMAXPROCS.
	Workers int
	// Report, if not nil, sees every file's outcome, in file order, once
	// its batch is written.
	Report func(Progress)
}

func (o Options) withDefaults() Options {
	if o.Batch < 1 {
		o.Batch = BatchSize
	}
	o.Batch = min(o.Batch, MaxBatch)
	if o.Workers < 1 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Report == nil {
		o.Report = func(Progress) {}
	}
	return o
}

// Paths is Load with the default batch size and workers.
func Paths(ctx context.Context, ld *loader.Loader, store graph.Store, paths []string, report func(Progress)) Summary {
	return Load(ctx, ld, store, paths, Options{Report: report})
}

// Load loads every article file under paths into store and goes on past
// bad files. Workers extract files in parallel into a queue that keeps
// file order and holds at most one batch, so memory stays bounded; one
// writer applies Batch articles at a time, in file order, so the graph
// does not depend on scheduling. A batch the store refuses is applied
// again article by article, so one bad article cannot sink its
// neighbours. A path that cannot be listed counts as one failed file. It
// stops early when the store is unreachable for MaxUnavailable articles
// in a row, or when ctx ends; the files not written then are Skipped.
func Load(ctx context.Context, ld *loader.Loader, store graph.Store, paths []string, opt Options) Summary {
	start := time.Now()
	opt = opt.withDefaults()
	files, listErrs := Files(paths)
	w := &writer{store: store, report: opt.Report, total: len(files) + len(listErrs)}
	for _, le := range listErrs {
		w.done(Progress{Path: le.Path, Err: le.Err})
	}
	ctx, cancel := context.WithCancel(ctx)
	queue, wait := extractAll(ctx, ld, files, opt.Workers, opt.Batch)
	w.run(ctx, queue, opt.Batch)
	cancel() // the writer gave up or is done: stop extracting
	wait()
	w.sum.Skipped = w.total - w.n
	w.sum.Elapsed = time.Since(start)
	return w.sum
}

// job is one file on its way to the writer; out receives its extraction
// once.
type job struct {
	path string
	out  chan extracted
}

type extracted struct {
	b   graph.Batch
	err error
}

// extractAll extracts files on workers goroutines and returns them in file
// order on a queue holding at most size jobs, with a wait for the
// goroutines, which stop handing out files when ctx ends.
func extractAll(ctx context.Context, ld *loader.Loader, files []string, workers, size int) (<-chan job, func()) {
	queue := make(chan job, size)
	work := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range work {
				j.out <- extractFile(ctx, ld, j.path)
			}
		})
	}
	wg.Go(func() {
		defer close(queue)
		defer close(work)
		for _, path := range files {
			// A job reaches the queue only once a worker has it, so the
			// writer never waits for a job nobody extracts.
			j := job{path: path, out: make(chan extracted, 1)}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
			select {
			case queue <- j:
			case <-ctx.Done():
				return
			}
		}
	})
	return queue, wg.Wait
}

func extractFile(ctx context.Context, ld *loader.Loader, path string) extracted {
	data, err := loader.ReadArticle(path)
	if err != nil {
		return extracted{err: err}
	}
	b, err := extract(ctx, ld, path, data)
	return extracted{b, err}
}

// writer applies extracted articles in file order, a batch at a time, and
// counts and reports each file.
type writer struct {
	store       graph.Store
	report      func(Progress)
	n, total    int
	unavailable int // articles in a row the store was unreachable for
	sum         Summary
}

// run takes the queue's articles size at a time until the queue closes,
// the store is gone or ctx ends.
func (w *writer) run(ctx context.Context, queue <-chan job, size int) {
	var ps []Progress
	var bs []graph.Batch
	for j := range queue {
		e := <-j.out
		if ctx.Err() != nil {
			return
		}
		ps = append(ps, Progress{Path: j.path, Err: e.err})
		bs = append(bs, e.b)
		if len(ps) < size {
			continue
		}
		if !w.flush(ctx, ps, bs) {
			return
		}
		ps, bs = nil, nil
	}
	if len(ps) > 0 && ctx.Err() == nil {
		w.flush(ctx, ps, bs)
	}
}

// flush writes one batch in one ApplyAll or, when the store refuses it,
// article by article, and reports each file it got to. It returns false
// once the store has been unreachable for MaxUnavailable articles in a
// row or ctx has ended.
func (w *writer) flush(ctx context.Context, ps []Progress, bs []graph.Batch) bool {
	if w.applyAll(ctx, ps, bs) {
		for _, p := range ps {
			w.done(p)
		}
		return true
	}
	for i := range ps {
		if w.stopped(ctx) {
			return false
		}
		w.applyOne(ctx, &ps[i], bs[i])
		if ps[i].Err != nil && ctx.Err() != nil {
			return false // interrupted, not failed
		}
		w.done(ps[i])
	}
	return !w.stopped(ctx)
}

// applyAll writes the articles of ps that were extracted in one ApplyAll
// and reports whether the store took them; a lone article is left to
// applyOne.
func (w *writer) applyAll(ctx context.Context, ps []Progress, bs []graph.Batch) bool {
	var ok []graph.Batch
	for i := range ps {
		if ps[i].Err == nil {
			ok = append(ok, bs[i])
		}
	}
	if len(ok) < 2 || w.store.ApplyAll(ctx, ok) != nil {
		return false
	}
	w.unavailable = 0
	for i := range ps {
		if ps[i].Err == nil {
			ps[i].Counts = counts(bs[i])
		}
	}
	return true
}

// applyOne writes one article of a batch the store refused, or passes over
// one that was not extracted.
func (w *writer) applyOne(ctx context.Context, p *Progress, b graph.Batch) {
	if p.Err != nil {
		w.unavailable = 0
		return
	}
	if err := w.store.Apply(ctx, b); err != nil {
		p.Err = fmt.Errorf("store: %w", err)
	} else {
		p.Counts = counts(b)
	}
	if errors.Is(p.Err, graph.ErrUnavailable) {
		w.unavailable++
	} else {
		w.unavailable = 0
	}
}

func (w *writer) stopped(ctx context.Context) bool {
	return w.unavailable >= MaxUnavailable || ctx.Err() != nil
}

// done counts and reports one file's outcome.
func (w *writer) done(p Progress) {
	w.n++
	p.N, p.Total = w.n, w.total
	if p.Err != nil {
		w.sum.Failed++
		w.sum.LastErr = p.Err
	} else {
		w.sum.Loaded++
		w.sum.add(p.Counts)
	}
	w.report(p)
}
