package resolvers

import (
	"context"
	"fmt"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/geokg/geokg/graph"
)

// Batching knobs: a short wait collects the ids that sibling fields of one
// list ask for, and a cap keeps each store query's id list bounded.
const (
	dataloaderWait  = 2 * time.Millisecond
	dataloaderBatch = 500
)

// dataloaders batch and cache lookups by id for one request, so resolving the
// endpoints of n relations costs one store call instead of n.
type dataloaders struct {
	entities *dataloadgen.Loader[string, graph.Entity]
	events   *dataloadgen.Loader[string, graph.Event]
	articles *dataloadgen.Loader[string, graph.Article]
}

func newDataloaders(s graph.Store, wait time.Duration) *dataloaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(dataloaderBatch)}
	return &dataloaders{
		entities: dataloadgen.NewLoader(fetchByID(s.Entities, func(e graph.Entity) string { return e.ID }, "entity"), opts...),
		events:   dataloadgen.NewLoader(fetchByID(s.Events, func(e graph.Event) string { return e.ID }, "event"), opts...),
		articles: dataloadgen.NewLoader(fetchByID(s.Articles, func(a graph.Article) string { return a.ID }, "article"), opts...),
	}
}

// fetchByID adapts a Store batch read (which skips missing ids) to the
// dataloader contract: one value or one error per key, in key order.
func fetchByID[V any](get func(context.Context, []string) ([]V, error), idOf func(V) string, what string) func(context.Context, []string) ([]V, []error) {
	return func(ctx context.Context, ids []string) ([]V, []error) {
		found, err := get(ctx, ids)
		if err != nil {
			return nil, []error{err}
		}
		byID := make(map[string]V, len(found))
		for _, v := range found {
			byID[idOf(v)] = v
		}
		values := make([]V, len(ids))
		errs := make([]error, len(ids))
		for i, id := range ids {
			v, ok := byID[id]
			if !ok {
				errs[i] = fmt.Errorf("%w: %s %q", graph.ErrNotFound, what, id)
				continue
			}
			values[i] = v
		}
		return values, errs
	}
}

type dataloadersKey struct{}

func withDataloaders(ctx context.Context, s graph.Store, wait time.Duration) context.Context {
	return context.WithValue(ctx, dataloadersKey{}, newDataloaders(s, wait))
}

// loaders returns the request's dataloaders. The handler installs them for
// every operation; a missing set is a wiring bug, so fall back to a fresh one
// rather than panic.
func (r *Resolver) loaders(ctx context.Context) *dataloaders {
	if l, ok := ctx.Value(dataloadersKey{}).(*dataloaders); ok {
		return l
	}
	return newDataloaders(r.store, r.wait)
}

func (r *Resolver) entityByID(ctx context.Context, id string) (*graph.Entity, error) {
	e, err := r.loaders(ctx).entities.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return &e, nil
}

func (r *Resolver) eventByID(ctx context.Context, id string) (*graph.Event, error) {
	e, err := r.loaders(ctx).events.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return &e, nil
}

func (r *Resolver) articleByID(ctx context.Context, id string) (*graph.Article, error) {
	a, err := r.loaders(ctx).articles.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return &a, nil
}
