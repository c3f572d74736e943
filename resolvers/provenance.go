package resolvers

import (
	"context"
	"errors"
	"slices"

	"github.com/geokg/geokg/graph"
)

// fetchArticleEntities reads the entities of articles: in one store call
// from a store that reads them for many articles at once
// (graph.ArticleEntitiesReader), else article by article. An article
// naming none has an empty list rather than being unknown.
func fetchArticleEntities(s graph.Store) func(context.Context, []string) (map[string][]graph.Entity, error) {
	return func(ctx context.Context, articles []string) (map[string][]graph.Entity, error) {
		out := map[string][]graph.Entity{}
		if ar, ok := s.(graph.ArticleEntitiesReader); ok {
			var err error
			if out, err = ar.ArticleEntities(ctx, articles); err != nil {
				return nil, err
			}
		} else {
			for _, a := range articles {
				es, err := articleEntities(ctx, s, a)
				if err != nil {
					return nil, err
				}
				out[a] = es
			}
		}
		for _, a := range articles {
			if _, ok := out[a]; !ok {
				out[a] = []graph.Entity{}
			}
		}
		return out, nil
	}
}

// articleEntities lists the entities an article's relations and events
// involve, sorted by id: it pages through them, so it costs a few store
// calls per article.
func articleEntities(ctx context.Context, s graph.Store, article string) ([]graph.Entity, error) {
	ids := map[string]bool{}
	add := func(id string) {
		if id != "" {
			ids[id] = true
		}
	}
	rq := graph.RelationQuery{Article: article, Page: graph.Page{Limit: graph.MaxPageSize}}
	for {
		rels, _, err := s.ListRelations(ctx, rq)
		if err != nil {
			return nil, err
		}
		for _, rel := range rels {
			add(rel.Source)
			add(rel.Target)
			add(rel.ClaimedBy)
		}
		if len(rels) < rq.Limit {
			break
		}
		rq.After = relationKey(rels[len(rels)-1])
	}
	eq := graph.EventQuery{Article: article, Page: graph.Page{Limit: graph.MaxPageSize}}
	for {
		evs, _, err := s.ListEvents(ctx, eq)
		if err != nil {
			return nil, err
		}
		for _, ev := range evs {
			add(ev.Place)
			for _, p := range ev.Participants {
				add(p.Entity)
			}
		}
		if len(evs) < eq.Limit {
			break
		}
		eq.After = graph.EventKey(evs[len(evs)-1])
	}
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	slices.Sort(sorted)
	return s.Entities(ctx, sorted)
}

// path answers path(): NOT_FOUND for an unknown end, a path of length 0
// from an entity to itself, null when no path is short enough.
func (r *Resolver) path(ctx context.Context, q graph.PathQuery) (*Path, error) {
	ends, err := r.loaders(ctx).entities.LoadAll(ctx, []string{q.From, q.To})
	if err != nil {
		for _, id := range []string{q.From, q.To} {
			if _, err := r.entityByID(ctx, id); errors.Is(err, graph.ErrNotFound) {
				return nil, notFound("path: no entity with id %q", id)
			}
		}
		return nil, err
	}
	if q.From == q.To {
		return &Path{Entities: ends[:1], Relations: []graph.Relation{}}, nil
	}
	rels, err := r.store.ShortestPath(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(rels) == 0 {
		return nil, nil
	}
	// Walk the path from its start: each relation leads on through
	// whichever of its ends is not the entity reached so far.
	ids := make([]string, 0, len(rels)+1)
	at := q.From
	ids = append(ids, at)
	for _, rel := range rels {
		if rel.Source == at {
			at = rel.Target
		} else {
			at = rel.Source
		}
		ids = append(ids, at)
	}
	entities, err := r.loaders(ctx).entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	return &Path{Length: len(rels), Entities: entities, Relations: rels}, nil
}
