package resolvers

import (
	"context"
	"log/slog"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/geokg/geokg/graph"
)

// Options is what the GraphQL handler needs.
type Options struct {
	Store  graph.Store
	Logger *slog.Logger
	// Extract runs the loader for ingestArticle.
	Extract ExtractFunc
	// Token is the bearer token mutations need; "" turns mutations off.
	Token string
	// Introspection lets clients (GraphiQL, codegen) read the schema.
	Introspection bool
	// MaxExpensive caps the expensive reads (path, neighborhood, stats)
	// running at once, and apart from them the extractions of
	// ingestArticle; 0 means one per CPU each.
	MaxExpensive int
	// Observer, when set, receives operation times, error codes and cache
	// sizes.
	Observer Observer
}

// NewHandler returns the GraphQL endpoint (POST, GET and OPTIONS, as the
// GraphQL-over-HTTP spec has them; see transport.go) with the
// error presenter, per-request dataloaders, depth and complexity limits,
// automatic persisted queries, bearer-token checks on mutations and, if
// enabled, introspection. HTTP-level
// limits (body size, timeout) belong to the caller.
func NewHandler(opts Options) *handler.Server {
	return newHandler(opts, dataloaderWait)
}

// newHandler lets tests widen the dataloader batching window so batching
// does not depend on goroutine timing.
func newHandler(opts Options, wait time.Duration) *handler.Server {
	r := &Resolver{store: opts.Store, extract: opts.Extract, logger: opts.Logger, wait: wait, guard: newReadGuard()}
	srv := handler.New(NewExecutableSchema(Config{Resolvers: r, Complexity: complexity()}))
	srv.AddTransport(transport.Options{AllowedMethods: []string{"OPTIONS", "GET", "POST"}})
	g := newGate(opts.MaxExpensive)
	srv.AddTransport(getTransport{gate: g, guard: r.guard})
	srv.AddTransport(postTransport{gate: g, guard: r.guard})
	queries, apq := newQueryCache(), newAPQCache()
	srv.SetQueryCache(queries)
	srv.SetParserTokenLimit(MaxQueryTokens)
	srv.SetErrorPresenter(presentError(opts.Logger, opts.Observer))
	srv.SetRecoverFunc(recoverPanic(opts.Logger))
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	} else {
		srv.Use(introspectionOff{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: apq})
	srv.Use(getMutations{})
	srv.Use(newMutationAuth(opts.Token))
	srv.Use(depthLimit{max: MaxQueryDepth})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	if opts.Observer != nil {
		opts.Observer.Watch(Stats{QueryCache: queries.Stats, APQCache: apq.Stats, ExpensiveInUse: g.InUse})
		srv.AroundResponses(observe(opts.Observer))
	}
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		// Entities come without mentions; Entity.mentions loads them
		// when a query selects it, so others do not read every mention
		// of a much-mentioned entity.
		return next(withDataloaders(graph.WithoutMentions(ctx), opts.Store, wait))
	})
	return srv
}
