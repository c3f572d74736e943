package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/internal/cli"
	"github.com/geokg/geokg/loader"
)

// exportGraph writes the graph, or one entity's neighbourhood, to stdout as
// JSON (the default, as for /export), GraphML or CSV. With Neo4j it reads what is stored; with the
// in-process store it first loads the seed article and any --articles.
func exportGraph(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, logger *slog.Logger) error {
	fs := cli.NewFlagSet("geokg", "export", "export [flags] > FILE", stderr)
	format := fs.String("format", export.DefaultFormat, "output `format`: graphml, json or csv")
	var q export.Query
	fs.StringVar(&q.ID, "id", "", "export the neighbourhood of the entity with this `id`")
	fs.StringVar(&q.Name, "name", "", "export the neighbourhood of the entity with this `name` or alias")
	q.Depth = 1
	fs.Func("depth", "neighbourhood hops, 1 to 3 (default 1)", func(s string) (err error) {
		q.Depth, err = export.ParseDepth(s)
		return err
	})
	types := fs.String("types", "", "only these relation `types`, comma-separated (e.g. CALLS,STRUCK)")
	fs.IntVar(&q.Limit, "limit", 0, "most relations to export (0: the default)")
	var articles cli.StringList
	fs.Var(&articles, "articles", "in-process store only: also load this `folder` first (repeatable)")
	noSeed := fs.Bool("no-seed", false, "in-process store only: do not load the bundled seed article")
	if help, err := cli.Parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return cli.Usagef("export takes no arguments, got %q", fs.Args())
	}
	q.Types = export.ParseTypes(*types)

	store, embedded, err := openStore(ctx, getenv, logger)
	if err != nil {
		return err
	}
	defer closeStore(store, logger)
	if embedded {
		ld, err := loader.New(logger)
		if err != nil {
			return err
		}
		sum, err := seed(ctx, ld, store, *noSeed, articles, printProgress(stderr, false), logger)
		if err != nil {
			return err
		}
		if sum.Failed > 0 {
			return fmt.Errorf("export: %d of %s failed to load", sum.Failed, plural(sum.Failed+sum.Loaded, "article"))
		}
	}
	return export.Write(ctx, stdout, store, *format, q)
}
