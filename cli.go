package main

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/geokg/geokg/loader"
)

// seedArticles ship inside the binary so `geokg` alone serves a non-empty graph.
//
//go:embed articles/*.txt
var seedArticles embed.FS

// version is set at build time with -ldflags "-X main.version=..."; when it
// is empty the module's build information is used.
var version string

const usage = `geokg builds a knowledge graph of geopolitical actors from news articles
and serves it over GraphQL.

Usage:
  geokg [serve] [flags]     serve GraphQL at /graphql, GraphiQL at /, the explorer at /explore
  geokg load PATH...        load article files or folders (*.txt, *.md) into the store
  geokg extract FILE        print an article's extraction document as JSON
  geokg export [flags]      write the graph or a neighbourhood as GraphML, JSON or CSV
  geokg version             print the version
  geokg help                print this help

The store is in-process and starts empty unless NEO4J_URI is set
(with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). 'serve' loads the
bundled seed article at start.

Environment:
  GEOKG_ADDR              listen address for serve (default :8080)
  GEOKG_INTROSPECTION     false turns GraphQL introspection off (default true)
  GEOKG_API_TOKEN         secret that GraphQL mutations (ingestArticle, deleteArticle)
                          need as "Authorization: Bearer <token>"; unset, they are off
  GEOKG_ADMIN_ADDR        serve /debug/pprof and /metrics on this address (a bare
                          port binds 127.0.0.1); unset, off
  GEOKG_LOG_LEVEL         debug, info, warn or error (default info)
  GEOKG_LOG_FORMAT        text or json (default text)

Run 'geokg COMMAND -h' for a command's flags.
`

// usageError is a mistake in how geokg was invoked; it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// exitCode is 2 for usage mistakes, as flag does, and 1 for everything else.
func exitCode(err error) int {
	if _, ok := errors.AsType[*usageError](err); ok {
		return 2
	}
	return 1
}

// run is the whole program; main only wires it to the process so tests can
// drive every command, including a real server on a free port.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	logger, err := newLogger(getenv, stderr)
	if err != nil {
		return err
	}
	cmd, rest := "serve", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, rest, getenv, stderr, logger)
	case "load":
		return load(ctx, rest, getenv, stderr, logger)
	case "extract":
		return extract(ctx, rest, stdout, stderr, logger)
	case "export":
		return exportGraph(ctx, rest, getenv, stdout, stderr, logger)
	case "version":
		if len(rest) > 0 {
			return usageErrorf("version takes no arguments")
		}
		fmt.Fprintln(stdout, "geokg", buildVersion())
		return nil
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageErrorf("unknown command %q (commands: serve, load, extract, export, version, help)", cmd)
}

// newLogger builds the one logger every part of geokg writes through.
func newLogger(getenv func(string) string, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if s := getenv("GEOKG_LOG_LEVEL"); s != "" {
		if err := level.UnmarshalText([]byte(s)); err != nil {
			return nil, usageErrorf("GEOKG_LOG_LEVEL=%q: want debug, info, warn or error", s)
		}
	}
	opts := &slog.HandlerOptions{Level: level}
	switch f := getenv("GEOKG_LOG_FORMAT"); f {
	case "", "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, usageErrorf("GEOKG_LOG_FORMAT=%q: want text or json", f)
	}
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints its help on w.
func newFlagSet(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: geokg %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors; -h asks for
// help, which is not a failure.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageErrorf("%s: %v", fs.Name(), err)
	}
	return false, nil
}

func extract(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) error {
	fs := newFlagSet("extract", "extract FILE", stderr)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("extract takes exactly one FILE, got %d arguments", fs.NArg())
	}
	path := fs.Arg(0)
	ld, err := loader.New(logger)
	if err != nil {
		return err
	}
	data, err := loader.ReadArticle(path)
	if err != nil {
		return err
	}
	doc, err := ld.ExtractContext(ctx, path, data)
	if err != nil {
		return fmt.Errorf("extract %s: %w", path, err)
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("extract %s: encode: %w", path, err)
	}
	_, err = fmt.Fprintf(stdout, "%s\n", out)
	return err
}

// buildVersion is the -ldflags version, else the module version and VCS
// revision the binary was built from.
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
