package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/internal/cli"
	"github.com/geokg/geokg/internal/httpserver"
	"github.com/geokg/geokg/internal/metrics"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/resolvers"
	"github.com/geokg/geokg/web"
)

// HTTP limits.
const (
	maxBodyBytes   = 2 << 20 // room for an ingestArticle text at the loader's 1 MiB limit, JSON-escaped; larger is refused with 413
	defaultTimeout = 30 * time.Second
)

type serveConfig struct {
	addr          string
	articles      cli.StringList
	noSeed        bool
	timeout       time.Duration
	introspection bool
	token         string  // bearer token for mutations; "" turns them off
	rate          float64 // requests per second per client; 0 turns limiting off
	burst         int
	maxExpensive  int    // expensive GraphQL operations at once; 0: one per CPU
	adminAddr     string // pprof and metrics listener; "" turns it off
}

func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, logger *slog.Logger) error {
	cfg := serveConfig{addr: ":8080", timeout: defaultTimeout, introspection: true, token: getenv("GEOKG_API_TOKEN"),
		rate: httpserver.DefaultRate, burst: httpserver.DefaultBurst}
	if a := getenv("GEOKG_ADDR"); a != "" {
		cfg.addr = a
	}
	cfg.adminAddr = getenv("GEOKG_ADMIN_ADDR")
	if s := getenv("GEOKG_INTROSPECTION"); s != "" {
		on, err := strconv.ParseBool(s)
		if err != nil {
			return cli.Usagef("GEOKG_INTROSPECTION=%q: want true or false", s)
		}
		cfg.introspection = on
	}
	fs := cli.NewFlagSet("geokg", "serve", "[serve] [flags]", stderr)
	fs.StringVar(&cfg.addr, "addr", cfg.addr, "listen `address` (env GEOKG_ADDR)")
	fs.Var(&cfg.articles, "articles", "also load the articles in this `folder` at start (repeatable)")
	fs.BoolVar(&cfg.noSeed, "no-seed", false, "do not load the bundled seed article")
	fs.DurationVar(&cfg.timeout, "timeout", cfg.timeout, "per-request time limit")
	fs.Float64Var(&cfg.rate, "rate", cfg.rate, "requests per second one client (IP) may send to /graphql and /export; 0 turns the limit off")
	fs.IntVar(&cfg.burst, "burst", cfg.burst, "requests one client may send at once above -rate")
	fs.StringVar(&cfg.adminAddr, "admin-addr", cfg.adminAddr, "serve /debug/pprof and Prometheus /metrics on this `address` (a port alone means 127.0.0.1; env GEOKG_ADMIN_ADDR); off when empty")
	fs.IntVar(&cfg.maxExpensive, "max-expensive", 0, "expensive reads (path, neighborhood, stats) run at once, and as many ingestArticle extractions in slots of their own; 0: one per CPU")
	if help, err := cli.Parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return cli.Usagef("serve takes no arguments, got %q", fs.Args())
	}
	if cfg.rate < 0 || cfg.burst < 1 || cfg.maxExpensive < 0 {
		return cli.Usagef("serve: -rate must be >= 0, -burst >= 1 and -max-expensive >= 0")
	}
	if cfg.timeout <= 0 {
		return cli.Usagef("serve: -timeout must be positive, got %s", cfg.timeout)
	}

	ld, err := loader.New(logger)
	if err != nil {
		return err
	}
	store, _, err := openStore(ctx, getenv, logger)
	if err != nil {
		return err
	}
	defer closeStore(store, logger)
	var m *metrics.Metrics
	if cfg.adminAddr != "" {
		m = metrics.New()
		stop, err := metrics.Serve(ctx, cfg.adminAddr, m, logger)
		if err != nil {
			return err
		}
		defer stop()
	}
	sum, err := seed(ctx, ld, store, cfg.noSeed, cfg.articles, func(p ingest.Progress) {
		m.Loaded(p.Err)
		if p.Err != nil {
			logger.Error("article not loaded", "file", p.Path, "n", p.N, "total", p.Total, "err", p.Err)
			return
		}
		logger.Info("article loaded", "file", p.Path, "n", p.N, "total", p.Total,
			"entities", p.Entities, "relations", p.Relations, "events", p.Events)
	}, logger)
	if err != nil {
		return err
	}
	if len(cfg.articles) > 0 {
		logger.Info("articles loaded", "loaded", sum.Loaded, "failed", sum.Failed, "elapsed", sum.Elapsed.Round(time.Millisecond))
	}
	if ctx.Err() != nil {
		return nil // interrupted while loading: nothing to serve
	}

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	addr := httpserver.Browsable(ln.Addr().String())
	logger.Info("listening", "addr", ln.Addr().String(), "graphql", "http://"+addr+"/graphql",
		"playground", "http://"+addr+"/", "explorer", "http://"+addr+web.Prefix)
	if cfg.token == "" {
		logger.Info("GraphQL mutations are disabled; set GEOKG_API_TOKEN to enable them")
	}
	return httpserver.Run(ctx, ln, newMux(store, ld, cfg, m, logger), cfg.timeout, logger)
}

// newMux wires the public handlers; m may be nil (no admin listener).
func newMux(store graph.Store, ld *loader.Loader, cfg serveConfig, m *metrics.Metrics, logger *slog.Logger) *http.ServeMux {
	extract := func(ctx context.Context, a resolvers.ArticleInput) (graph.Batch, error) {
		doc, err := ld.ExtractArticle(ctx, loader.Article{Text: a.Text, Title: a.Title, Source: a.Source, Published: a.Published})
		if err != nil {
			return graph.Batch{}, err
		}
		return doc.Batch(), nil
	}
	opts := resolvers.Options{
		Store: store, Logger: logger, Extract: extract,
		Token: cfg.token, Introspection: cfg.introspection, MaxExpensive: cfg.maxExpensive,
	}
	if m != nil {
		opts.Observer = m
	}
	gql := resolvers.NewHandler(opts)
	limit := httpserver.NewClientLimiter(cfg.rate, cfg.burst)
	mux := http.NewServeMux()
	mux.Handle("/graphql", m.Instrument("graphql", limit.Wrap(httpserver.LimitBody(maxBodyBytes, httpserver.Timeout(cfg.timeout, gql)))))
	mux.Handle("GET /{$}", web.Playground("/graphql"))
	mux.Handle("GET "+web.PlaygroundAssets, web.PlaygroundFiles())
	mux.Handle("/export", m.Instrument("export", limit.Wrap(httpserver.OneAtATime(export.WholeGraph,
		httpserver.Timeout(cfg.timeout, export.Handler(store, logger))))))
	explorer := web.Handler()
	mux.Handle(web.Prefix, explorer)
	mux.Handle(web.Prefix+"/", explorer)
	// A lookup of an id that cannot exist: it needs the store to answer.
	httpserver.Health(mux, func(ctx context.Context) error {
		_, err := store.Articles(ctx, []string{"readyz:probe"})
		return err
	}, logger)
	return mux
}
