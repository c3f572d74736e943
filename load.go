package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/internal/cli"
	"github.com/geokg/geokg/loader"
)

func load(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, logger *slog.Logger) error {
	fs := cli.NewFlagSet("geokg", "load", "load PATH...  (files, or folders searched recursively for *.txt and *.md)", stderr)
	if help, err := cli.Parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return cli.Usagef("load needs at least one file or folder")
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
	sum := ingest.Paths(ctx, ld, store, fs.Args(), printProgress(stderr, true))
	fmt.Fprintf(stderr, "loaded %s (%d entities, %d relations, %d events); %d failed; %d not tried; %s\n",
		plural(sum.Loaded, "article"), sum.Entities, sum.Relations, sum.Events, sum.Failed, sum.Skipped, sum.Elapsed.Round(time.Millisecond))
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

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
