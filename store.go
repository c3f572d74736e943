package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// openStore returns the in-process store unless NEO4J_URI names a Neo4j
// server.
func openStore(ctx context.Context, getenv func(string) string, logger *slog.Logger) (graph.Store, error) {
	logger.Info("using the in-process store")
	return memory.New(), nil
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
