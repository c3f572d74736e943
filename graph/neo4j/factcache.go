package neo4j

import (
	"encoding/json"
	"sync"

	"github.com/geokg/geokg/graph"
)

// A fused fact is stored as JSON with every witness's report, so a fact
// many articles report is tens of kilobytes, and parsing it was most of
// the server's CPU on a read of an entity's relations with their evidence
// (bench/api Q1). Facts change only when an article reporting them is
// written, so most reads find the same texts again: facts caches what each
// text decodes to, keyed by the whole text, so a changed fact is a miss and
// never a stale answer. Hits are deep copies: callers may change what they
// get. The cache is shared by every Store in the process; a text decodes
// the same whichever store read it.
var facts = factCache{budget: factCacheBytes}

// factCacheBytes bounds the texts the cache keeps, counted with what they
// decode to (factCost). A hub's first page of 100 facts is about 400 KB.
const factCacheBytes = 32 << 20

// factCost estimates the memory a cached text holds: the text itself and
// its decoded relation, whose strings are about as long again, plus the
// slices and structs around them.
func factCost(text string) int { return 3*len(text) + 512 }

// factCache maps fact texts to the relations they decode to, with Evidence
// gathered from the witnesses. When a new text would pass the budget the
// cache starts afresh: simpler than recency, and writes are what replace
// texts, so a full cache is rare. Safe for concurrent use.
type factCache struct {
	mu     sync.Mutex
	budget int
	used   int
	m      map[string]graph.Relation
}

// decode returns the relation text decodes to, with its witnesses'
// evidence gathered into Evidence. A text that is not a fact's JSON
// decodes leniently to what could be read, as every property does, and is
// not kept.
func (c *factCache) decode(text string) graph.Relation {
	c.mu.Lock()
	r, ok := c.m[text]
	c.mu.Unlock()
	if ok {
		return r.Clone()
	}
	err := json.Unmarshal([]byte(text), &r)
	r.Evidence = []graph.Evidence{}
	for _, w := range r.Witnesses {
		r.Evidence = append(r.Evidence, w.Evidence...)
	}
	if err != nil || factCost(text) > c.budget {
		return r
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.used+factCost(text) > c.budget {
		c.m, c.used = map[string]graph.Relation{}, 0
	}
	if _, ok := c.m[text]; !ok {
		c.m[text] = r.Clone() // the caller may change r
		c.used += factCost(text)
	}
	return r
}

// size reports the texts kept and their cost, for tests.
func (c *factCache) size() (n, used int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m), c.used
}
