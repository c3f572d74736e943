package graph

import "context"

// Store is the contract every backend implements and graph/storetest checks.
//
// Ordering rules are part of the contract so both stores answer identically:
// lists of entities, relations and events come back sorted as documented on
// each method.
type Store interface {
	// Apply writes everything one article contributes in one transaction. It is
	// idempotent: applying the same batch again leaves the graph unchanged, and
	// applying a batch for an article already present replaces that article's
	// relations, events and mentions. Entities merge across articles: aliases
	// are unioned; name, kind and coordinates take the batch's non-empty values.
	Apply(ctx context.Context, b Batch) error

	// Entities returns the entities with the given ids, in the order of ids,
	// skipping ids that do not exist.
	Entities(ctx context.Context, ids []string) ([]Entity, error)

	// FindEntity returns the entity whose name or one of whose aliases equals
	// name, ignoring case. Canonical-name matches win over alias matches; ties
	// go to the smallest id. ErrNotFound when none matches.
	FindEntity(ctx context.Context, name string) (Entity, error)

	// SearchEntities lists entities matching f, ranked: exact name or alias
	// match first, then prefix, then substring; ties by name, then id.
	SearchEntities(ctx context.Context, f EntityFilter) ([]Entity, error)

	// Relations lists relations matching f, sorted by id.
	Relations(ctx context.Context, f RelationFilter) ([]Relation, error)

	// Events returns the events with the given ids, in the order of ids.
	Events(ctx context.Context, ids []string) ([]Event, error)

	// Articles returns the articles with the given ids, in the order of ids.
	Articles(ctx context.Context, ids []string) ([]Article, error)

	// Neighborhood returns the subgraph within q.Depth hops of q.ID, following
	// relations of q.Types in either direction. Relations are those with an
	// endpoint fewer than q.Depth hops from q.ID, sorted by id and cut to
	// q.Limit; entities are q.ID plus the endpoints of the kept relations,
	// sorted by id. ErrNotFound when q.ID does not exist.
	Neighborhood(ctx context.Context, q NeighborhoodQuery) (Subgraph, error)

	// Close releases the store's resources.
	Close(ctx context.Context) error
}

// Direction selects relations by which end an entity is on.
type Direction string

const (
	Out  Direction = "OUT"
	In   Direction = "IN"
	Both Direction = "BOTH"
)

// EntityFilter selects entities. Search matches names and aliases as a
// case-insensitive substring; the empty string matches everything.
type EntityFilter struct {
	Search string
	Kind   Kind // empty: any kind
	Limit  int  // <= 0: no limit
}

// RelationFilter selects relations. Entity with Direction picks relations at
// one entity; empty Entity means all relations.
type RelationFilter struct {
	Entity    string
	Direction Direction // empty means Both
	Types     []RelType // empty: any type
	Article   string    // empty: any article
	Limit     int       // <= 0: no limit
}

// NeighborhoodQuery asks for the subgraph around one entity.
type NeighborhoodQuery struct {
	ID    string
	Depth int       // clamped to 1..MaxDepth
	Types []RelType // empty: any type
	Limit int       // max relations; <= 0 means DefaultNeighborhoodLimit
}

// Limits on neighbourhood queries: hop counts cannot be Cypher parameters, so
// they are clamped integers, never user text.
const (
	MaxDepth                 = 3
	DefaultNeighborhoodLimit = 500
)

// ClampDepth returns d bounded to 1..MaxDepth.
func ClampDepth(d int) int {
	switch {
	case d < 1:
		return 1
	case d > MaxDepth:
		return MaxDepth
	}
	return d
}

// Subgraph is a set of entities and the relations among them.
type Subgraph struct {
	Entities  []Entity
	Relations []Relation
}
