package resolvers

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
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
	store    graph.Store
	opts     []dataloadgen.Option
	entities *dataloadgen.Loader[string, graph.Entity]
	events   *dataloadgen.Loader[string, graph.Event]
	articles *dataloadgen.Loader[string, graph.Article]
	// eventRelations finds the relations projecting each event.
	eventRelations *dataloadgen.Loader[eventRef, []graph.Relation]
	// mentions reads entity mentions apart from the entities, since the
	// handler reads entities without them (graph.WithoutMentions): only
	// a query selecting mentions pays for them.
	mentions *dataloadgen.Loader[string, []graph.Mention]
	// articleEntities finds the entities each article's relations and
	// events involve, for a page of articles at once.
	articleEntities *dataloadgen.Loader[string, []graph.Entity]

	mu sync.Mutex
	// relations holds one loader of entity relations per filter, since
	// sibling fields may ask for different directions, types or pages;
	// relationCounts one loader of their totals per direction and types.
	relations      map[string]*dataloadgen.Loader[string, []graph.Relation]
	relationCounts map[string]*dataloadgen.Loader[string, int]
}

func newDataloaders(s graph.Store, wait time.Duration) *dataloaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(dataloaderBatch)}
	return &dataloaders{
		store:           s,
		opts:            opts,
		entities:        dataloadgen.NewLoader(fetchByID(s.Entities, func(e graph.Entity) string { return e.ID }, "entity"), opts...),
		events:          dataloadgen.NewLoader(fetchByID(s.Events, func(e graph.Event) string { return e.ID }, "event"), opts...),
		articles:        dataloadgen.NewLoader(fetchByID(s.Articles, func(a graph.Article) string { return a.ID }, "article"), opts...),
		eventRelations:  dataloadgen.NewMappedLoader(fetchEventRelations(s), opts...),
		mentions:        dataloadgen.NewMappedLoader(fetchMentions(s), opts...),
		articleEntities: dataloadgen.NewMappedLoader(fetchArticleEntities(s), opts...),
		relations:       map[string]*dataloadgen.Loader[string, []graph.Relation]{},
		relationCounts:  map[string]*dataloadgen.Loader[string, int]{},
	}
}

// relationsLoader returns the loader for entity relations matching f
// (Direction, Types, After and Limit; the entity comes from the key).
func (l *dataloaders) relationsLoader(f graph.RelationFilter) *dataloadgen.Loader[string, []graph.Relation] {
	key := fmt.Sprintf("%s|%v|%s|%d", f.Direction, f.Types, f.After, f.Limit)
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.relations[key]; ok {
		return ld
	}
	ld := dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]graph.Relation, error) {
		byID, err := l.relationsOf(ctx, ids, f)
		if err != nil {
			return nil, err
		}
		// An entity with no relations may be missing from the map; it has
		// none rather than being unknown.
		for _, id := range ids {
			if _, ok := byID[id]; !ok {
				byID[id] = []graph.Relation{}
			}
		}
		return byID, nil
	}, l.opts...)
	l.relations[key] = ld
	return ld
}

// relationsOf reads the relations of ids matching f. A store that reads
// their ends alongside (graph.EndsReader) primes the entity loader with
// them, so a query showing the ends (`target { name }`) costs no second
// round trip; reading them is cheap beside the relations' facts.
func (l *dataloaders) relationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error) {
	er, ok := l.store.(graph.EndsReader)
	if !ok {
		return l.store.RelationsOf(ctx, ids, f)
	}
	byID, ends, err := er.RelationsOfWithEnds(ctx, ids, f)
	if err != nil {
		return nil, err
	}
	for _, e := range ends {
		l.entities.Prime(e.ID, e)
	}
	return byID, nil
}

// relationCountsLoader returns the loader counting entity relations
// matching f's Direction and Types, the total of relationsLoader's pages.
func (l *dataloaders) relationCountsLoader(f graph.RelationFilter) *dataloadgen.Loader[string, int] {
	key := fmt.Sprintf("%s|%v", f.Direction, f.Types)
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.relationCounts[key]; ok {
		return ld
	}
	ld := dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]int, error) {
		byID, err := l.store.CountRelationsOf(ctx, ids, f)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if _, ok := byID[id]; !ok {
				byID[id] = 0
			}
		}
		return byID, nil
	}, l.opts...)
	l.relationCounts[key] = ld
	return ld
}

// eventRef is what finding an event's relations needs: they have a type of
// the event's class and join its participants (and place). Fused facts
// come from several articles, so the article is no filter.
type eventRef struct {
	id      string
	class   graph.Class
	members string // participant and place ids, comma-separated
}

func refOf(ev *graph.Event) eventRef {
	ids := make([]string, 0, len(ev.Participants)+1)
	for _, p := range ev.Participants {
		ids = append(ids, p.Entity)
	}
	if ev.Place != "" {
		ids = append(ids, ev.Place)
	}
	return eventRef{id: ev.ID, class: ev.Type, members: strings.Join(ids, ",")}
}

func (ref eventRef) memberIDs() []string {
	if ref.members == "" {
		return nil
	}
	return strings.Split(ref.members, ",")
}

// fetchEventRelations reads the relations of every member of the events,
// one store call per event class among them, and keeps those projecting
// each event, sorted by id.
func fetchEventRelations(s graph.Store) func(context.Context, []eventRef) (map[eventRef][]graph.Relation, error) {
	return func(ctx context.Context, refs []eventRef) (map[eventRef][]graph.Relation, error) {
		members := map[graph.Class][]string{} // class -> member ids
		for _, ref := range refs {
			members[ref.class] = append(members[ref.class], ref.memberIDs()...)
		}
		out := make(map[eventRef][]graph.Relation, len(refs))
		for _, ref := range refs {
			out[ref] = []graph.Relation{}
		}
		for class, ids := range members {
			types := graph.TypesOfClass(class)
			if len(ids) == 0 || len(types) == 0 {
				continue
			}
			slices.Sort(ids)
			byEntity, err := s.RelationsOf(ctx, slices.Compact(ids), graph.RelationFilter{Types: types})
			if err != nil {
				return nil, err
			}
			for _, ref := range refs {
				if ref.class != class {
					continue
				}
				seen := map[string]bool{}
				rels := []graph.Relation{}
				for _, m := range ref.memberIDs() {
					for _, r := range byEntity[m] {
						if r.Event == ref.id && !seen[r.ID] {
							seen[r.ID] = true
							rels = append(rels, r)
						}
					}
				}
				slices.SortFunc(rels, func(a, b graph.Relation) int { return strings.Compare(a.ID, b.ID) })
				out[ref] = rels
			}
		}
		return out, nil
	}
}

// fetchMentions reads the mentions of entities; an entity with none, which
// MentionsOf leaves out, has an empty list rather than being unknown.
func fetchMentions(s graph.Store) func(context.Context, []string) (map[string][]graph.Mention, error) {
	return func(ctx context.Context, ids []string) (map[string][]graph.Mention, error) {
		byID, err := s.MentionsOf(ctx, ids)
		if err != nil {
			return nil, fmt.Errorf("mentions of %d entities: %w", len(ids), err)
		}
		for _, id := range ids {
			if _, ok := byID[id]; !ok {
				byID[id] = []graph.Mention{}
			}
		}
		return byID, nil
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
				errs[i] = vanished{what, id}
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

// articleByID resolves a field naming an article by its id. A selection
// of the id alone is answered from the id the parent already read, with
// no lookup: the answer is then the one from when the parent was read,
// so an article deleted since (a witness's, an event's) neither fails the
// field nor forces the query to run again (see readAttempts). Any other
// field of the article needs the article itself, and is looked up.
func (r *Resolver) articleByID(ctx context.Context, id string) (*graph.Article, error) {
	if selectsOnlyID(ctx, "Article") {
		return &graph.Article{ID: id}, nil
	}
	a, err := r.loaders(ctx).articles.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// listRelations reads a page of relations and how many match. A store
// that reads what they refer to alongside (graph.RefsReader) primes the
// entity and article loaders with it, so a page showing its relations'
// ends and articles (`source { name } article { title }`) costs one round
// trip; reading them is cheap beside the relations' facts. The article
// is then the one from when the page was read, like the page itself.
func (r *Resolver) listRelations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, int, error) {
	rr, ok := r.store.(graph.RefsReader)
	if !ok {
		return r.store.ListRelations(ctx, q)
	}
	p, err := rr.ListRelationsWithRefs(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	l := r.loaders(ctx)
	for _, e := range p.Ends {
		l.entities.Prime(e.ID, e)
	}
	for _, a := range p.Articles {
		l.articles.Prime(a.ID, a)
	}
	return p.Relations, p.Total, nil
}

func (r *Resolver) relationsOf(ctx context.Context, id string, f graph.RelationFilter) ([]graph.Relation, error) {
	return r.loaders(ctx).relationsLoader(f).Load(ctx, id)
}

func (r *Resolver) relationCount(ctx context.Context, id string, f graph.RelationFilter) (int, error) {
	return r.loaders(ctx).relationCountsLoader(f).Load(ctx, id)
}

func (r *Resolver) relationsOfEvent(ctx context.Context, ev *graph.Event) ([]graph.Relation, error) {
	return r.loaders(ctx).eventRelations.Load(ctx, refOf(ev))
}

func (r *Resolver) articleEntities(ctx context.Context, article string) ([]graph.Entity, error) {
	return r.loaders(ctx).articleEntities.Load(ctx, article)
}

func (r *Resolver) mentionsOf(ctx context.Context, id string) ([]graph.Mention, error) {
	return r.loaders(ctx).mentions.Load(ctx, id)
}

// selectsOnlyID reports whether the field being resolved, of the object
// type typ, selects nothing but id and __typename (through fragments
// too). Outside an operation it reports false, so callers look up.
func selectsOnlyID(ctx context.Context, typ string) bool {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return false
	}
	fields := graphql.CollectFieldsCtx(ctx, []string{typ})
	for _, f := range fields {
		if f.Name != "id" && f.Name != "__typename" {
			return false
		}
	}
	return len(fields) > 0
}
