package graph

// Query types for collections, search, paths and aggregates. Collections are
// keyset-paginated: After is the sort key of the last item already seen
// (opaque to clients once the API encodes it as a cursor), so pages stay
// stable while articles are loaded.

// MaxPageSize is the largest page any list read returns; larger requests are
// ErrInvalid so a client learns the limit instead of getting a silent cut.
const MaxPageSize = 1000

// Page asks for one page of a sorted collection.
type Page struct {
	After string // sort key of the last item of the previous page; "" starts at the top
	Limit int    // 1..MaxPageSize; <= 0 means DefaultPageSize
}

// DefaultPageSize is used when a Page has no Limit.
const DefaultPageSize = 50

// SearchQuery asks for entities whose names or aliases resemble Text,
// tolerating typos ("Zelensky" finds "Zelenskyy").
type SearchQuery struct {
	Text  string
	Kinds []Kind // empty: any kind
	Limit int    // 1..MaxPageSize; <= 0 means DefaultPageSize
}

// SearchHit is one search result with its relevance in (0, 1].
type SearchHit struct {
	Entity Entity
	Score  float64
}

// EntityQuery selects a page of entities, sorted by id.
type EntityQuery struct {
	Kinds        []Kind
	NameContains string // case-insensitive, over name and aliases
	Page
}

// RelationQuery selects a page of relations, sorted by id.
type RelationQuery struct {
	Types    []RelType
	Classes  []Class
	Source   string // entity id
	Target   string // entity id
	Statuses []string
	Since    string // ISO day, inclusive; relations without a date are excluded when set
	Until    string // ISO day, inclusive
	Article  string
	Page
}

// EventQuery selects a page of events, sorted by (date, id); undated events
// sort after dated ones. The sort key used in Page.After is date + "|" + id.
type EventQuery struct {
	Types       []Class
	Place       string // entity id
	Participant string // entity id
	Since       string
	Until       string
	MinKilled   int // 0: no casualty filter
	Article     string
	Page
}

// ArticleQuery selects a page of articles, sorted by id.
type ArticleQuery struct {
	Page
}

// PathQuery asks for a shortest path between two entities.
type PathQuery struct {
	From, To string
	MaxHops  int // 1..MaxPathHops
	Types    []RelType
}

// MaxPathHops bounds path searches; like depth it is a clamped integer.
const MaxPathHops = 6

// Stats are aggregate counts over the whole graph.
type Stats struct {
	Entities, Relations, Events, Articles int
	ByClass                               []Count // relations per class, largest first, ties by key
	ByType                                []Count // relations per type, largest first, ties by key
	TopEntities                           []EntityDegree
	PerArticle                            []ArticleCount
}

// Count is a labelled number.
type Count struct {
	Key   string
	Count int
}

// EntityDegree is an entity and how many relations touch it.
type EntityDegree struct {
	Entity string
	Degree int
}

// ArticleCount is what one article contributed.
type ArticleCount struct {
	Article                     string
	Entities, Relations, Events int
}
