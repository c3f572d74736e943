package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
)

// connectTimeout bounds how long start-up waits for Neo4j to answer.
const connectTimeout = 30 * time.Second

// openStore returns the Neo4j store when NEO4J_URI is set (with NEO4J_USER,
// NEO4J_PASSWORD, NEO4J_DATABASE), else the in-process store.
func openStore(ctx context.Context, getenv func(string) string, logger *slog.Logger) (graph.Store, error) {
	uri := getenv("NEO4J_URI")
	if uri == "" {
		logger.Info("using the in-process store (set NEO4J_URI to use Neo4j)")
		return memory.New(), nil
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	s, err := neo4j.New(ctx, neo4j.Config{
		URI:      uri,
		User:     getenv("NEO4J_USER"),
		Password: getenv("NEO4J_PASSWORD"),
		Database: getenv("NEO4J_DATABASE"),
	}, logger)
	if err != nil {
		return nil, err
	}
	logger.Info("using the Neo4j store", "uri", uri, "database", getenv("NEO4J_DATABASE"))
	return s, nil
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
