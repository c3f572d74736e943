package memory

import (
	"iter"
	"slices"
	"strings"
)

// Indexes of the embedded store: sorted id lists, so a page reads from its
// cursor on instead of collecting and sorting everything its filter could
// match.

// ids is a set of ids kept sorted. Changes wait in pending until flush
// merges them in at once: fusing re-adds every fact of a touched group,
// and inserting each in place would make loading n facts under one key
// (a type, a hub entity) cost n².
type ids struct {
	sorted  []string
	pending map[string]bool // id -> added (true) or removed (false) since the last flush
}

func (l *ids) add(id string)    { l.note(id, true) }
func (l *ids) remove(id string) { l.note(id, false) }

func (l *ids) note(id string, added bool) {
	if l.pending == nil {
		l.pending = map[string]bool{}
	}
	l.pending[id] = added
}

// flush merges the pending changes into sorted, copying the runs of ids
// between them whole: a few changes to a long list cost a copy of it, not
// a lookup per id, and changes that change nothing (a fact fused again
// under its id) cost no copy.
func (l *ids) flush() {
	changed := make([]string, 0, len(l.pending))
	for id, added := range l.pending {
		if _, found := slices.BinarySearch(l.sorted, id); found != added {
			changed = append(changed, id)
		}
	}
	if len(changed) == 0 {
		clear(l.pending)
		return
	}
	slices.Sort(changed)
	out := make([]string, 0, len(l.sorted)+len(changed))
	rest := l.sorted
	for _, id := range changed {
		i, found := slices.BinarySearch(rest, id)
		out = append(out, rest[:i]...)
		if found {
			i++ // removed
		} else {
			out = append(out, id)
		}
		rest = rest[i:]
	}
	l.sorted = append(out, rest...)
	clear(l.pending)
}

// index is sorted ids by key: an entity, a relation type.
type index struct {
	lists map[string]*ids
	stale set // keys with pending changes
}

func newIndex() index { return index{lists: map[string]*ids{}, stale: set{}} }

func (x index) add(key, id string) {
	l := x.lists[key]
	if l == nil {
		l = &ids{}
		x.lists[key] = l
	}
	l.add(id)
	x.stale[key] = struct{}{}
}

func (x index) remove(key, id string) {
	if l := x.lists[key]; l != nil {
		l.remove(id)
		x.stale[key] = struct{}{}
	}
}

// flush merges the pending changes of every key, dropping emptied keys.
func (x index) flush() {
	for key := range x.stale {
		l := x.lists[key]
		l.flush()
		if len(l.sorted) == 0 {
			delete(x.lists, key)
		}
	}
	clear(x.stale)
}

// get returns the ids under key, sorted; the caller must not modify them.
func (x index) get(key string) []string {
	if l := x.lists[key]; l != nil {
		return l.sorted
	}
	return nil
}

// above is the position in sorted ids of the first id after the cursor.
func above(ids []string, after string) int {
	i, found := slices.BinarySearch(ids, after)
	if found {
		i++
	}
	return i
}

// merged yields, in order and each once, the ids after the cursor of
// several sorted lists: a reader stopping after n reads about n ids from
// them, however long they are.
func merged(lists [][]string, after string) iter.Seq[string] {
	return func(yield func(string) bool) {
		var h heads
		for _, l := range lists {
			if l = l[above(l, after):]; len(l) > 0 {
				h = append(h, l)
			}
		}
		for i := len(h)/2 - 1; i >= 0; i-- {
			h.down(i)
		}
		last, started := "", false
		for len(h) > 0 {
			id := h[0][0]
			if h[0] = h[0][1:]; len(h[0]) == 0 {
				h[0] = h[len(h)-1]
				h = h[:len(h)-1]
			}
			h.down(0)
			if started && id == last {
				continue // a relation at both ends of a walk, or a self-loop
			}
			last, started = id, true
			if !yield(id) {
				return
			}
		}
	}
}

// heads is a min-heap of non-empty sorted lists by their first id.
type heads [][]string

// down moves the list at i down to its place in the heap.
func (h heads) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if r := c + 1; r < len(h) && h[r][0] < h[c][0] {
			c = r
		}
		if h[i][0] <= h[c][0] {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// dateKey is a dated fact's entry in the date index: by day, then id. The
// NUL after the day sorts a coarse day ("2025-05") before the full days it
// is a prefix of, as comparing the days themselves does.
func dateKey(date, id string) string { return date + "\x00" + id }

// between counts the entries of a date index dated since..until, both
// inclusive and "" for open, and returns the range's first position.
func between(keys []string, since, until string) (from, n int) {
	from, to := 0, len(keys)
	if since != "" {
		from, _ = slices.BinarySearch(keys, since)
	}
	if until != "" {
		to, _ = slices.BinarySearch(keys, until+"\x01")
	}
	return from, max(to-from, 0)
}

// idsOf returns, sorted by id, the ids of date index entries.
func idsOf(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = keyID(k)
	}
	slices.Sort(out)
	return out
}

// eventKey is an event's entry in the event indexes, which sort as
// ListEvents pages (graph.EventBefore): the dated by day, then id, then
// the undated by id. The id follows the first NUL.
func eventKey(date, id string) string {
	if date == "" {
		return "\x02\x00" + id
	}
	return "\x01" + date + "\x00" + id
}

// eventsBetween narrows sorted event keys to the events dated since..until,
// both inclusive and "" for open.
func eventsBetween(keys []string, since, until string) []string {
	from, _ := slices.BinarySearch(keys, "\x01"+since)
	to, _ := slices.BinarySearch(keys, "\x02")
	if until != "" {
		to, _ = slices.BinarySearch(keys, "\x01"+until+"\x01")
	}
	return keys[from:max(from, to)]
}

// keyID is the id in an event or date index entry.
func keyID(key string) string { return key[strings.IndexByte(key, 0)+1:] }
