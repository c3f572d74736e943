package resolvers

import (
	"context"

	"github.com/geokg/geokg/graph"
)

// Store is what the resolvers read and write: graph.Store plus the
// collection, search, path and aggregate reads and article deletion that
// graph/memory and graph/neo4j both have and graph.Store is to gain.
type Store interface {
	graph.Store
	Search(ctx context.Context, q graph.SearchQuery) ([]graph.SearchHit, error)
	ListEntities(ctx context.Context, q graph.EntityQuery) ([]graph.Entity, int, error)
	ListRelations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, int, error)
	ListEvents(ctx context.Context, q graph.EventQuery) ([]graph.Event, int, error)
	ListArticles(ctx context.Context, q graph.ArticleQuery) ([]graph.Article, int, error)
	RelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error)
	ShortestPath(ctx context.Context, q graph.PathQuery) ([]graph.Relation, error)
	Stats(ctx context.Context, topN int) (graph.Stats, error)
	DeleteArticle(ctx context.Context, id string) error
}
