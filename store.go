package main

import (
	"context"
	"io/fs"
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/loader"
)

// connectTimeout bounds how long start-up waits for Neo4j to answer.
const connectTimeout = 30 * time.Second

// openStore returns the Neo4j store when NEO4J_URI is set (with NEO4J_USER,
// NEO4J_PASSWORD, NEO4J_DATABASE), else the in-process store; embedded says
// which, since what the in-process store holds is gone on exit.
func openStore(ctx context.Context, getenv func(string) string, logger *slog.Logger) (s graph.Store, embedded bool, err error) {
	uri := getenv("NEO4J_URI")
	if uri == "" {
		logger.Info("using the in-process store (set NEO4J_URI to use Neo4j)")
		return memory.New(), true, nil
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	s, err = neo4j.New(ctx, neo4j.Config{
		URI:      uri,
		User:     getenv("NEO4J_USER"),
		Password: getenv("NEO4J_PASSWORD"),
		Database: getenv("NEO4J_DATABASE"),
	}, logger)
	if err != nil {
		return nil, false, err
	}
	logger.Info("using the Neo4j store", "uri", uri, "database", getenv("NEO4J_DATABASE"))
	return s, false, nil
}

// closeStore releases the store, giving a remote one a few seconds to
// finish.
func closeStore(s graph.Store, logger *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Close(ctx); err != nil {
		logger.Error("closing the store", "err", err)
	}
}

// seed fills the store for serve and export: the bundled seed articles
// unless noSeed, then every article under folders, each reported.
func seed(ctx context.Context, ld *loader.Loader, store graph.Store, noSeed bool, folders []string, report func(ingest.Progress), logger *slog.Logger) (ingest.Summary, error) {
	if !noSeed {
		bundled, err := fs.Sub(seedArticles, "articles")
		if err != nil {
			return ingest.Summary{}, err
		}
		if err := ingest.Seed(ctx, ld, store, bundled, logger); err != nil {
			return ingest.Summary{}, err
		}
	}
	if len(folders) == 0 {
		return ingest.Summary{}, nil
	}
	return ingest.Paths(ctx, ld, store, folders, report), nil
}
