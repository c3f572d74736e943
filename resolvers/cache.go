package resolvers

import (
	"container/list"
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Cache budgets. Caches are bounded by the bytes they hold, not by entries:
// with entry counts, 150 distinct 1.9 MB queries once held 400 MB.
const (
	// queryCacheBytes bounds the parsed documents kept.
	queryCacheBytes = 16 << 20
	// apqCacheBytes bounds the query texts kept for persisted queries.
	apqCacheBytes = 8 << 20
	// MaxCachedQueryBytes is the longest query text any cache keeps; longer
	// ones are parsed for each request. Real queries are a few KB.
	MaxCachedQueryBytes = 32 << 10
	// parsedBytesPerByte estimates a parsed document's memory from its
	// text: every token becomes an AST node with a position and a source
	// reference. A probe saw 2.7 MB retained per 1.9 MB query, text
	// included; 3 (4 with the text) errs high.
	parsedBytesPerByte = 3
)

// byteCache is a least-recently-used graphql.Cache bounded by the bytes
// its entries are estimated to hold. Entries over the per-entry limit are
// never kept. It is safe for concurrent use.
type byteCache[T any] struct {
	mu       sync.Mutex
	budget   int // bytes all entries may hold
	maxEntry int // bytes one entry may hold
	size     func(key string, v T) int
	used     int
	order    *list.List // front: most recently used
	entries  map[string]*list.Element
}

type cacheEntry[T any] struct {
	key   string
	value T
	size  int
}

var (
	_ graphql.Cache[*ast.QueryDocument] = (*byteCache[*ast.QueryDocument])(nil)
	_ graphql.Cache[string]             = (*byteCache[string])(nil)
)

func newByteCache[T any](budget, maxEntry int, size func(key string, v T) int) *byteCache[T] {
	return &byteCache[T]{budget: budget, maxEntry: maxEntry, size: size, order: list.New(), entries: map[string]*list.Element{}}
}

// newQueryCache holds parsed documents; the key is the query text.
func newQueryCache() *byteCache[*ast.QueryDocument] {
	return newByteCache(queryCacheBytes, MaxCachedQueryBytes*(1+parsedBytesPerByte),
		func(key string, _ *ast.QueryDocument) int { return len(key) * (1 + parsedBytesPerByte) })
}

// newAPQCache holds query texts by their hash.
func newAPQCache() *byteCache[string] {
	return newByteCache(apqCacheBytes, MaxCachedQueryBytes+64,
		func(key string, v string) int { return len(key) + len(v) })
}

func (c *byteCache[T]) Get(_ context.Context, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		return el.Value.(*cacheEntry[T]).value, true
	}
	var zero T
	return zero, false
}

func (c *byteCache[T]) Add(_ context.Context, key string, value T) {
	n := c.size(key, value)
	if n > c.maxEntry || n > c.budget {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.remove(el)
	}
	for c.used+n > c.budget {
		c.remove(c.order.Back())
	}
	c.entries[key] = c.order.PushFront(&cacheEntry[T]{key: key, value: value, size: n})
	c.used += n
}

func (c *byteCache[T]) remove(el *list.Element) {
	e := c.order.Remove(el).(*cacheEntry[T])
	delete(c.entries, e.key)
	c.used -= e.size
}

// Stats reports the entries held and their estimated bytes, for metrics.
func (c *byteCache[T]) Stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.used
}
