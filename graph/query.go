package graph

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

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

// Size is the number of items the page asks for: DefaultPageSize when Limit
// is unset, ErrInvalid above MaxPageSize.
func (p Page) Size() (int, error) {
	return pageSize(p.Limit)
}

func pageSize(limit int) (int, error) {
	switch {
	case limit <= 0:
		return DefaultPageSize, nil
	case limit > MaxPageSize:
		return 0, fmt.Errorf("%w: limit %d is above the maximum page size %d", ErrInvalid, limit, MaxPageSize)
	}
	return limit, nil
}

// SearchQuery asks for entities whose names or aliases resemble Text,
// tolerating typos ("Zelensky" finds "Zelenskyy").
type SearchQuery struct {
	Text  string
	Kinds []Kind // empty: any kind
	Limit int    // 1..MaxPageSize; <= 0 means DefaultPageSize
}

// Validate checks the kinds and the limit; an empty Text is valid and finds
// nothing.
func (q SearchQuery) Validate() error {
	if err := checkKinds(q.Kinds); err != nil {
		return err
	}
	_, err := pageSize(q.Limit)
	return err
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

// Validate checks the kinds and the page.
func (q EntityQuery) Validate() error {
	if err := checkKinds(q.Kinds); err != nil {
		return err
	}
	_, err := q.Size()
	return err
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
	// Fusion: facts that at least MinSources articles report (0: any), and
	// when Contested is set, only facts whose witnesses do (or do not)
	// disagree.
	MinSources int
	Contested  *bool
	Page
}

// Validate checks every enumerated value, the dates and the page.
func (q RelationQuery) Validate() error {
	if q.MinSources < 0 {
		return fmt.Errorf("%w: minimum sources %d is negative", ErrInvalid, q.MinSources)
	}
	for _, t := range q.Types {
		if !t.Valid() {
			return fmt.Errorf("%w: relation type %q is not in the vocabulary", ErrInvalid, t)
		}
	}
	for _, c := range q.Classes {
		if !validClass(c) {
			return fmt.Errorf("%w: class %q is not a relation class", ErrInvalid, c)
		}
	}
	for _, st := range q.Statuses {
		if !validStatus(st) {
			return fmt.Errorf("%w: status %q is not one of %s", ErrInvalid, st, strings.Join(Statuses, ", "))
		}
	}
	if err := checkDays(q.Since, q.Until); err != nil {
		return err
	}
	_, err := q.Size()
	return err
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
	MinSources  int   // 0: any number of reporting articles
	Contested   *bool // nil: either
	Page
}

// Validate checks the event types, the dates, the casualty floor, the page
// and the shape of its After key.
func (q EventQuery) Validate() error {
	for _, c := range q.Types {
		if !validEventClass(c) {
			return fmt.Errorf("%w: event type %q is not an event class", ErrInvalid, c)
		}
	}
	if err := checkDays(q.Since, q.Until); err != nil {
		return err
	}
	if q.MinSources < 0 {
		return fmt.Errorf("%w: minimum sources %d is negative", ErrInvalid, q.MinSources)
	}
	if q.MinKilled < 0 {
		return fmt.Errorf("%w: minimum killed %d is negative", ErrInvalid, q.MinKilled)
	}
	if q.After != "" {
		if _, _, err := ParseEventKey(q.After); err != nil {
			return err
		}
	}
	_, err := q.Size()
	return err
}

// EventKey is the sort key of ev for EventQuery.Page.After.
func EventKey(ev Event) string { return ev.Date + "|" + ev.ID }

// ParseEventKey splits an EventKey into its date ("" when undated) and id.
func ParseEventKey(key string) (date, id string, err error) {
	date, id, ok := strings.Cut(key, "|")
	if !ok {
		return "", "", fmt.Errorf("%w: event cursor %q is not date|id", ErrInvalid, key)
	}
	return date, id, nil
}

// EventBefore reports whether the event dated da with id a sorts before the
// one dated db with id b: dated before undated, then by date, then by id.
func EventBefore(da, a, db, b string) bool {
	if (da == "") != (db == "") {
		return db == ""
	}
	if da != db {
		return da < db
	}
	return a < b
}

// ArticleQuery selects a page of articles, sorted by id.
type ArticleQuery struct {
	Page
}

// Validate checks the page.
func (q ArticleQuery) Validate() error {
	_, err := q.Size()
	return err
}

// PathQuery asks for a shortest path between two entities, following
// relations of Types (empty: any) in either direction.
type PathQuery struct {
	From, To string
	MaxHops  int // clamped to 1..MaxPathHops
	Types    []RelType
}

// MaxPathHops bounds path searches; like depth it is a clamped integer.
const MaxPathHops = 6

// ClampHops returns h bounded to 1..MaxPathHops.
func ClampHops(h int) int {
	return min(max(h, 1), MaxPathHops)
}

// LessPath reports whether path a comes before path b in the tie-break
// among shortest paths: by relation ids, element by element.
func LessPath(a, b []string) bool {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// Stats are aggregate counts over the whole graph. Relations and Events
// count fused facts; RawRelations and RawEvents count what the articles
// state (witnesses), as PerArticle does.
type Stats struct {
	Entities, Relations, Events, Articles int
	RawRelations, RawEvents               int
	ByClass                               []Count // relations per class, largest first, ties by key
	ByType                                []Count // relations per type, largest first, ties by key
	TopEntities                           []EntityDegree
	PerArticle                            []ArticleCount
}

// CheckTopN accepts how many top entities Stats may be asked for:
// 0..MaxPageSize, where 0 asks for none.
func CheckTopN(n int) error {
	if n < 0 || n > MaxPageSize {
		return fmt.Errorf("%w: top %d is not between 0 and %d", ErrInvalid, n, MaxPageSize)
	}
	return nil
}

// Count is a labelled number.
type Count struct {
	Key   string
	Count int
}

// SortCounts lists counts largest first, ties by key.
func SortCounts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
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

func checkKinds(ks []Kind) error {
	for _, k := range ks {
		if !k.Valid() {
			return fmt.Errorf("%w: kind %q is not an entity kind", ErrInvalid, k)
		}
	}
	return nil
}

// validClass accepts the classes relations can have: every event class and
// STRUCTURAL.
func validClass(c Class) bool { return c == Structural || validEventClass(c) }

func validEventClass(c Class) bool {
	for _, v := range EventClasses {
		if c == v {
			return true
		}
	}
	return false
}

func validStatus(s string) bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// checkDays accepts empty or ISO 8601 days (2025-05-03).
func checkDays(days ...string) error {
	for _, d := range days {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("%w: date %q is not an ISO day (YYYY-MM-DD)", ErrInvalid, d)
		}
	}
	return nil
}
