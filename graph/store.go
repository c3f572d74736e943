package graph

import "context"

// Store is the contract every backend implements and graph/storetest checks.
//
// Facts are fused across articles: what each article states is kept as a
// witness, and the relations and events stores return are the facts
// FuseRelations and FuseEvents make of all witnesses sharing a group key,
// whatever order the articles came in. A fact's Event is the fused event
// holding its first report's event. Relation and event ids are unique
// across articles (the loader derives them from the article); a fact's id
// is its smallest witness id. "Relations of an article" are the facts it
// is a witness of.
//
// Ordering rules are part of the contract so both stores answer identically:
// lists of entities, relations and events come back sorted as documented on
// each method. Within a returned value, aliases are sorted and deduplicated,
// mentions are sorted by article, start, end, participants are deduplicated
// and sorted by entity, then role, and evidence keeps the order of the batch; a nil slice and an empty
// one mean the same. Returned values are copies the caller may modify.
// Under a context from WithoutMentions, entity reads leave Mentions empty
// (see MentionsOf).
type Store interface {
	// Apply writes everything one article contributes in one transaction. It is
	// idempotent: applying the same batch again leaves the graph unchanged, and
	// applying a batch for an article already present replaces that article's
	// relations, events and mentions. Entities merge across articles: aliases
	// are unioned; name, kind, country and coordinates take the batch's
	// non-empty values. Apply never deletes entities (DeleteArticle may): one
	// the new version of an article no longer names keeps its aliases and
	// loses that article's mentions. Apply stamps b.Article.ID on every
	// mention, evidence, relation and event of the batch, since the batch is
	// all one article says.
	Apply(ctx context.Context, b Batch) error

	// ApplyAll writes several articles' batches in one transaction, leaving
	// the graph as applying them one after another would: all of them or,
	// when one is invalid or the write fails, none of them. A loader
	// batches articles to save round trips; on an error it can apply them
	// one by one to keep the good ones.
	ApplyAll(ctx context.Context, bs []Batch) error

	// Entities returns the entities with the given ids, in the order of ids,
	// skipping ids that do not exist; an id listed twice is returned twice.
	Entities(ctx context.Context, ids []string) ([]Entity, error)

	// FindEntity returns the entity whose name or one of whose aliases equals
	// name, ignoring case (both sides lower-cased). Canonical-name matches win over alias matches; ties
	// go to the smallest id. ErrNotFound when none matches.
	FindEntity(ctx context.Context, name string) (Entity, error)

	// SearchEntities lists entities matching f, ranked: exact name or alias
	// match first, then prefix, then substring, an entity ranking by its best
	// name or alias; ties by name, then id (byte order).
	SearchEntities(ctx context.Context, f EntityFilter) ([]Entity, error)

	// Relations lists relations matching f, sorted by id. An unknown Direction
	// or relation type is ErrInvalid; an unknown Entity matches nothing.
	Relations(ctx context.Context, f RelationFilter) ([]Relation, error)

	// Events returns the events with the given ids, in the order of ids,
	// skipping ids that do not exist.
	Events(ctx context.Context, ids []string) ([]Event, error)

	// Articles returns the articles with the given ids, in the order of ids,
	// skipping ids that do not exist.
	Articles(ctx context.Context, ids []string) ([]Article, error)

	// Neighborhood returns the subgraph within q.Depth hops of q.ID, following
	// relations of q.Types in either direction. Relations are those with an
	// endpoint fewer than q.Depth hops from q.ID, sorted by id and cut to
	// q.Limit; entities are q.ID plus the endpoints of the kept relations,
	// sorted by id. Hops are counted over q.Types relations only. ErrNotFound
	// when q.ID does not exist; ErrInvalid for a type outside the vocabulary.
	Neighborhood(ctx context.Context, q NeighborhoodQuery) (Subgraph, error)

	// Search ranks entities whose names or aliases resemble q.Text, tolerating
	// typos, by graph.SearchScore: score descending, then name, then id (byte
	// order), cut to the page size. Only hits scoring at least SearchThreshold
	// come back. Text without words (empty, only punctuation) finds nothing.
	// An unknown kind or a limit above MaxPageSize is ErrInvalid.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)

	// ListEntities returns one page of the entities matching q, sorted by id,
	// and how many match in all (whatever the page). Page.After is the id of
	// the last entity already seen.
	ListEntities(ctx context.Context, q EntityQuery) ([]Entity, int, error)

	// ListRelations returns one page of the relations matching q, sorted by
	// id, and how many match in all. Page.After is the id of the last
	// relation already seen.
	ListRelations(ctx context.Context, q RelationQuery) ([]Relation, int, error)

	// ListEvents returns one page of the events matching q, dated ones first
	// by date, then by id, then the undated by id, and how many match in
	// all. Page.After is EventKey of the last event already seen.
	ListEvents(ctx context.Context, q EventQuery) ([]Event, int, error)

	// ListArticles returns one page of the articles, sorted by id, and how
	// many there are.
	ListArticles(ctx context.Context, q ArticleQuery) ([]Article, int, error)

	// RelationsOf answers Relations with f at each of ids in one call:
	// every entry is what Relations would return with f.Entity set to that
	// id (sorted by id, after f.After, f.Limit per entity). f.Entity is
	// ignored; ids with no matching relation, unknown ids included, have no
	// entry.
	RelationsOf(ctx context.Context, ids []string, f RelationFilter) (map[string][]Relation, error)

	// CountRelationsOf counts, for each of ids, the relations RelationsOf
	// would return with f.After and f.Limit unset: the total of an entity's
	// paged relations. f.Entity is ignored; ids with none have no entry.
	CountRelationsOf(ctx context.Context, ids []string, f RelationFilter) (map[string]int, error)

	// ShortestPath returns the relations along a shortest path from q.From
	// to q.To, following relations of q.Types either way, of at most
	// ClampHops(q.MaxHops) relations. Among several shortest paths it is the
	// one whose relation ids, in path order, come first (LessPath). nil
	// when no path is that short; empty when q.From == q.To. ErrNotFound
	// when an endpoint does not exist; ErrInvalid for a type outside the
	// vocabulary.
	ShortestPath(ctx context.Context, q PathQuery) ([]Relation, error)

	// Stats counts the graph: totals (facts, and witnesses as raw counts),
	// relations per class and type, the
	// topN entities with the most relations (self-loops count once; ties by
	// id; only entities with relations), and per article, sorted by id, the
	// entities it mentions, its relations and its events. topN outside
	// 0..MaxPageSize is ErrInvalid.
	Stats(ctx context.Context, topN int) (Stats, error)

	// DeleteArticle removes an article with its witnesses and mentions in
	// one transaction (a fact with other witnesses stays, fused again from
	// them), then every entity its mentions,
	// relations (endpoints and claimants) or events (places and
	// participants) touched that is left with no mentions, no relations, and
	// no remaining relation or event referring to it. So what only that
	// article supported disappears and shared entities stay, keeping their
	// merged values and aliases. Entities the article listed without
	// touching them stay, as Apply never deletes entities. ErrNotFound for
	// an article that does not exist.
	DeleteArticle(ctx context.Context, id string) error

	// MentionsOf returns the mentions of each of ids, in the order
	// Entity.Mentions has them: what an entity read returns as Mentions
	// without WithoutMentions. Ids with no mention, unknown ids included,
	// have no entry.
	MentionsOf(ctx context.Context, ids []string) (map[string][]Mention, error)

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
	After     string    // id of the last relation already seen; empty starts at the top
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
