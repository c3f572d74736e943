// Package resolvers serves the GraphQL schema (schema.graphqls) over a
// graph.Store: thin resolvers, per-request dataloaders and the error presenter.
package resolvers

import (
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
)

// Resolver is the root resolver; it holds what every request shares.
type Resolver struct {
	store  graph.Store
	logger *slog.Logger
	wait   time.Duration // dataloader batching window
}
