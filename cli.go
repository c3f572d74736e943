package main

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/geokg/geokg/internal/cli"
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

// run is the whole program; main only wires it to the process so tests can
// drive every command, including a real server on a free port.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	logger, err := cli.NewLogger(getenv, stderr)
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
			return cli.Usagef("version takes no arguments")
		}
		fmt.Fprintln(stdout, "geokg", cli.Version(version))
		return nil
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return cli.Usagef("unknown command %q (commands: serve, load, extract, export, version, help)", cmd)
}

func extract(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) error {
	fs := cli.NewFlagSet("geokg", "extract", "extract FILE", stderr)
	if help, err := cli.Parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return cli.Usagef("extract takes exactly one FILE, got %d arguments", fs.NArg())
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
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
