package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/internal/cli"
	"github.com/geokg/geokg/loader"
)

func load(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, logger *slog.Logger) error {
	fs := cli.NewFlagSet("geokg", "load", "load [--batch N] PATH...  (files, or folders searched recursively for *.txt and *.md)", stderr)
	batch := fs.Int("batch", ingest.BatchSize, fmt.Sprintf("articles written in one transaction, 1 to %d", ingest.MaxBatch))
	if help, err := cli.Parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return cli.Usagef("load needs at least one file or folder")
	}
	if *batch < 1 || *batch > ingest.MaxBatch {
		return cli.Usagef("load: --batch %d: want 1 to %d articles", *batch, ingest.MaxBatch)
	}
	ld, err := loader.New(logger)
	if err != nil {
		return err
	}
	store, embedded, err := openStore(ctx, getenv, logger)
	if err != nil {
		return err
	}
	defer closeStore(store, logger)
	if embedded {
		logger.Warn("NEO4J_URI is not set: loading into the in-process store, which is discarded on exit; this only checks the articles")
	}
	progress := newLoadProgress(stderr, isTerminal(stderr))
	sum := ingest.Load(ctx, ld, store, fs.Args(), ingest.Options{Batch: *batch, Report: progress.report})
	progress.finish()
	fmt.Fprintf(stderr, "loaded %s (%d entities, %d relations, %d events); %d failed; %d not tried; %s\n",
		plural(sum.Loaded, "article"), sum.Entities, sum.Relations, sum.Events, sum.Failed, sum.Skipped, sum.Elapsed.Round(time.Millisecond))
	return loadErr(ctx, sum)
}

// loadErr says why a load did not load every file, or nil.
func loadErr(ctx context.Context, sum ingest.Summary) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("load interrupted: %w", err)
	}
	if sum.Skipped > 0 {
		return fmt.Errorf("load stopped: the store was unreachable for %d articles in a row; %s not tried: %w",
			ingest.MaxUnavailable, plural(sum.Skipped, "file"), sum.LastErr)
	}
	if sum.Failed > 0 {
		return fmt.Errorf("load: %d of %s failed", sum.Failed, plural(sum.Failed+sum.Loaded, "file"))
	}
	return nil
}

// printProgress reports each file on w as "[n/total] path: ..."; files
// that loaded are reported only when all is true.
func printProgress(w io.Writer, all bool) func(ingest.Progress) {
	return func(p ingest.Progress) {
		if p.Err != nil {
			fmt.Fprintf(w, "[%d/%d] %s: FAILED: %v\n", p.N, p.Total, p.Path, p.Err)
		} else if all {
			fmt.Fprintf(w, "[%d/%d] %s: %d entities, %d relations, %d events\n", p.N, p.Total, p.Path, p.Entities, p.Relations, p.Events)
		}
	}
}

// loadProgress shows a load on w: a bar with rate and ETA when w is a
// terminal, the lines of printProgress otherwise. Failures are always
// lines, so they stay on screen.
type loadProgress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar // nil: not a terminal
	lines func(ingest.Progress)
	shown bool // the bar is on screen
}

func newLoadProgress(w io.Writer, bar bool) *loadProgress {
	p := &loadProgress{w: w, lines: printProgress(w, true)}
	if bar {
		p.lines = printProgress(w, false)
		// The total is known at the first report; the clock starts now.
		p.bar = progressbar.NewOptions(1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionFullWidth(), progressbar.OptionThrottle(65*time.Millisecond))
		p.bar.StartWithoutRender()
	}
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (p *loadProgress) report(r ingest.Progress) {
	if p.bar == nil {
		p.lines(r)
		return
	}
	if r.Err != nil {
		p.bar.Clear()
		p.lines(r)
	}
	if !p.shown {
		p.bar.ChangeMax(r.Total)
		p.shown = true
	}
	p.bar.Set(r.N)
}

// finish ends the bar's line, so the summary starts on its own.
func (p *loadProgress) finish() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
