// Package ingest loads article files into a graph.Store: it finds the files
// under the paths a user names, extracts them with the loader on every core,
// applies them in batches in file order, and gives up when the store stays
// unreachable. `geokg load`, `geokg serve
// --articles` and `geokg export --articles` all go through it.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
)

// MaxUnavailable is how many articles in a row may fail on an unreachable
// store before Load gives up: each failure costs the driver's retry time,
// so failing every remaining article would take hours for a big folder.
const MaxUnavailable = 3

// Counts are what one article added to a batch.
type Counts struct{ Entities, Relations, Events int }

func (c *Counts) add(o Counts) {
	c.Entities += o.Entities
	c.Relations += o.Relations
	c.Events += o.Events
}

// Progress reports one file's outcome; N counts from 1 to Total.
type Progress struct {
	N, Total int
	Path     string
	Counts
	Err error
}

// Summary totals a Load; Skipped counts the files not written because the
// store was unreachable or ctx ended (Loaded+Failed+Skipped is every
// file), LastErr is the last failed file's error.
type Summary struct {
	Loaded, Failed, Skipped int
	LastErr                 error
	Counts
	Elapsed time.Duration
}

func counts(b graph.Batch) Counts {
	return Counts{len(b.Entities), len(b.Relations), len(b.Events)}
}

// extract turns one article file into its batch.
func extract(ctx context.Context, ld *loader.Loader, name string, data []byte) (graph.Batch, error) {
	doc, err := ld.ExtractContext(ctx, name, data)
	if err != nil {
		return graph.Batch{}, err
	}
	return doc.Batch(), nil
}

// Article extracts one article and applies it; applying is idempotent, so
// loading the same text again changes nothing.
func Article(ctx context.Context, ld *loader.Loader, store graph.Store, name string, data []byte) (Counts, error) {
	b, err := extract(ctx, ld, name, data)
	if err != nil {
		return Counts{}, err
	}
	if err := store.Apply(ctx, b); err != nil {
		return Counts{}, fmt.Errorf("store: %w", err)
	}
	return counts(b), nil
}

// Seed applies every *.txt file at the top of fsys (the articles bundled in
// the binary); applying is idempotent, so a persistent store keeps one copy
// however often it is seeded.
func Seed(ctx context.Context, ld *loader.Loader, store graph.Store, fsys fs.FS, logger *slog.Logger) error {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("seed %s: %w", name, err)
		}
		c, err := Article(ctx, ld, store, name, data)
		if err != nil {
			return fmt.Errorf("seed %s: %w", name, err)
		}
		logger.Info("seed article loaded", "file", name, "entities", c.Entities, "relations", c.Relations, "events", c.Events)
	}
	return nil
}

// ListError is a path that could not be listed.
type ListError struct {
	Path string
	Err  error
}

func (e *ListError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *ListError) Unwrap() error { return e.Err }

// Files expands paths: a file is taken as given, a folder is searched
// recursively for *.txt and *.md (hidden entries skipped), in lexical order.
func Files(paths []string) ([]string, []*ListError) {
	var files []string
	var errs []*ListError
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = errors.New("no such file or folder")
			}
			errs = append(errs, &ListError{root, err})
			continue
		}
		if !st.IsDir() {
			files = append(files, root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &ListError{path, err})
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
			errs = append(errs, &ListError{root, err})
		}
		if len(found) == 0 && err == nil {
			errs = append(errs, &ListError{root, errors.New("folder has no .txt or .md files")})
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
