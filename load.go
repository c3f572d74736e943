package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/resolvers"
)

func load(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, logger *slog.Logger) error {
	fs := newFlagSet("load", "load PATH...  (files, or folders searched recursively for *.txt and *.md)", stderr)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageErrorf("load needs at least one file or folder")
	}
	ld, err := loader.New(logger)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, getenv, logger)
	if err != nil {
		return err
	}
	defer closeStore(store, logger)
	if getenv("NEO4J_URI") == "" {
		logger.Warn("NEO4J_URI is not set: loading into the in-process store, which is discarded on exit; this only checks the articles")
	}
	sum := loadPaths(ctx, ld, store, fs.Args(), func(p progress) {
		if p.err != nil {
			fmt.Fprintf(stderr, "[%d/%d] %s: FAILED: %v\n", p.n, p.total, p.path, p.err)
			return
		}
		fmt.Fprintf(stderr, "[%d/%d] %s: %d entities, %d relations, %d events\n", p.n, p.total, p.path, p.entities, p.relations, p.events)
	})
	fmt.Fprintf(stderr, "loaded %s (%d entities, %d relations, %d events); %d failed; %d not tried; %s\n",
		plural(sum.loaded, "article"), sum.entities, sum.relations, sum.events, sum.failed, sum.skipped, sum.elapsed.Round(time.Millisecond))
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("load interrupted: %w", err)
	}
	if sum.skipped > 0 {
		return fmt.Errorf("load stopped: the store was unreachable for %d articles in a row; %s not tried: %w",
			maxUnavailable, plural(sum.skipped, "file"), sum.lastErr)
	}
	if sum.failed > 0 {
		return fmt.Errorf("load: %d of %s failed", sum.failed, plural(sum.failed+sum.loaded, "file"))
	}
	return nil
}

// progress reports one file's outcome; n counts from 1 to total.
type progress struct {
	n, total                    int
	path                        string
	entities, relations, events int
	err                         error
}

// summary totals a loadPaths run; skipped counts the files not tried
// because the store was unreachable.
type summary struct {
	loaded, failed, skipped     int
	lastErr                     error
	entities, relations, events int
	elapsed                     time.Duration
}

// maxUnavailable is how many articles in a row may fail on an unreachable
// store before load gives up: each failure costs the driver's retry time,
// so failing every remaining article would take hours for a big folder.
const maxUnavailable = 3

// loadPaths loads every article file under paths into store, one file at a
// time so memory stays bounded by the largest article, and goes on past bad
// files. A path that cannot be listed counts as one failed file. It stops
// early when the store is unreachable for maxUnavailable articles in a row.
func loadPaths(ctx context.Context, ld *loader.Loader, store graph.Store, paths []string, report func(progress)) summary {
	start := time.Now()
	files, listErrs := articleFiles(paths)
	total := len(files) + len(listErrs)
	var sum summary
	n := 0
	for _, le := range listErrs {
		n++
		sum.failed++
		report(progress{n: n, total: total, path: le.path, err: le.err})
	}
	unavailable := 0
	for i, path := range files {
		if ctx.Err() != nil {
			break
		}
		if unavailable >= maxUnavailable {
			sum.skipped = len(files) - i
			break
		}
		n++
		p := progress{n: n, total: total, path: path}
		data, err := loader.ReadArticle(path)
		if err == nil {
			p.entities, p.relations, p.events, err = loadArticle(ctx, ld, store, path, data)
		}
		if errors.Is(err, graph.ErrUnavailable) {
			unavailable++
		} else {
			unavailable = 0
		}
		if err != nil {
			p.err = err
			sum.failed++
			sum.lastErr = err
		} else {
			sum.loaded++
			sum.entities += p.entities
			sum.relations += p.relations
			sum.events += p.events
		}
		report(p)
	}
	sum.elapsed = time.Since(start)
	return sum
}

// loadArticle extracts one article and applies it; applying is idempotent,
// so loading the same text again changes nothing.
func loadArticle(ctx context.Context, ld *loader.Loader, store graph.Store, name string, data []byte) (entities, relations, events int, err error) {
	doc, err := ld.ExtractContext(ctx, name, data)
	if err != nil {
		return 0, 0, 0, err
	}
	b := doc.Batch()
	if err := store.Apply(ctx, b); err != nil {
		return 0, 0, 0, fmt.Errorf("store: %w", err)
	}
	return len(b.Entities), len(b.Relations), len(b.Events), nil
}

type listError struct {
	path string
	err  error
}

// articleFiles expands paths: a file is taken as given, a folder is searched
// recursively for *.txt and *.md (hidden entries skipped), in lexical order.
func articleFiles(paths []string) ([]string, []listError) {
	var files []string
	var errs []listError
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("no such file or folder")
			}
			errs = append(errs, listError{root, err})
			continue
		}
		if !st.IsDir() {
			files = append(files, root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, listError{path, err})
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && isArticleName(d.Name()) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, listError{root, err})
		}
		if len(found) == 0 && err == nil {
			errs = append(errs, listError{root, fmt.Errorf("folder has no .txt or .md files")})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

func isArticleName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md":
		return true
	}
	return false
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// extractInput runs the loader for the ingestArticle mutation. Metadata
// given as arguments becomes the article's front matter, so the body, and
// with it the article id, is the text exactly as sent.
func extractInput(ld *loader.Loader) resolvers.ExtractFunc {
	return func(ctx context.Context, a resolvers.ArticleInput) (graph.Batch, error) {
		data := []byte(a.Text)
		if a.Title != "" || a.Source != "" || a.Published != "" {
			if first, _, _ := strings.Cut(a.Text, "\n"); strings.TrimSpace(strings.TrimPrefix(first, "\uFEFF")) == "---" {
				return graph.Batch{}, fmt.Errorf("%w: the text starts with its own front matter; give title, source and published there or as arguments, not both", graph.ErrInvalid)
			}
			header, err := yaml.Marshal(struct {
				Title     string `yaml:"title,omitempty"`
				Source    string `yaml:"source,omitempty"`
				Published string `yaml:"published,omitempty"`
			}{a.Title, a.Source, a.Published})
			if err != nil {
				return graph.Batch{}, fmt.Errorf("front matter: %w", err)
			}
			data = append([]byte("---\n"+string(header)+"---\n"), data...)
		}
		doc, err := ld.ExtractContext(ctx, "", data)
		if err != nil {
			return graph.Batch{}, err
		}
		return doc.Batch(), nil
	}
}
