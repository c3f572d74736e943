// Package resolvers serves the GraphQL schema (schema.graphqls) over a
// graph.Store: thin resolvers, per-request dataloaders and the error presenter.
package resolvers

import (
	"context"
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
)

// Resolver is the root resolver; it holds what every request shares.
type Resolver struct {
	store   graph.Store
	extract ExtractFunc
	logger  *slog.Logger
	wait    time.Duration // dataloader batching window
	ingests keyLock       // per article id, so ingestArticle's created is true once
	guard   *readGuard    // deletes wait for a query's last attempt
}

// ArticleInput is an article sent to ingestArticle.
type ArticleInput struct {
	Text                     string
	Title, Source, Published string // "" when not given
}

// ExtractFunc turns an article into the batch Store.Apply writes; the
// command wires it to the loader so this package stays free of it. Bad
// input is an error wrapping graph.ErrInvalid.
type ExtractFunc func(ctx context.Context, a ArticleInput) (graph.Batch, error)
