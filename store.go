package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/resolvers"
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

// apiStore gives the GraphQL API the reads it needs beyond graph.Store.
// graph/neo4j is still gaining them: until it has them, a store without
// them answers RelationsOf with one Relations call per entity and refuses
// the other reads with a clear error.
func apiStore(s graph.Store) resolvers.Store {
	if api, ok := s.(resolvers.Store); ok {
		return api
	}
	return partialStore{s}
}

type partialStore struct{ graph.Store }

var errUnsupported = fmt.Errorf("%w: this store does not answer this query yet", graph.ErrInvalid)

func (p partialStore) RelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error) {
	out := make(map[string][]graph.Relation, len(ids))
	for _, id := range ids {
		f.Entity = id
		rels, err := p.Relations(ctx, f)
		if err != nil {
			return nil, err
		}
		out[id] = rels
	}
	return out, nil
}

func (partialStore) Search(context.Context, graph.SearchQuery) ([]graph.SearchHit, error) {
	return nil, errUnsupported
}

func (partialStore) ListEntities(context.Context, graph.EntityQuery) ([]graph.Entity, int, error) {
	return nil, 0, errUnsupported
}

func (partialStore) ListRelations(context.Context, graph.RelationQuery) ([]graph.Relation, int, error) {
	return nil, 0, errUnsupported
}

func (partialStore) ListEvents(context.Context, graph.EventQuery) ([]graph.Event, int, error) {
	return nil, 0, errUnsupported
}

func (partialStore) ListArticles(context.Context, graph.ArticleQuery) ([]graph.Article, int, error) {
	return nil, 0, errUnsupported
}

func (partialStore) ShortestPath(context.Context, graph.PathQuery) ([]graph.Relation, error) {
	return nil, errUnsupported
}

func (partialStore) Stats(context.Context, int) (graph.Stats, error) {
	return graph.Stats{}, errUnsupported
}

func (partialStore) DeleteArticle(context.Context, string) error { return errUnsupported }
