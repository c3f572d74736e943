package resolvers

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/geokg/geokg/graph"
)

// Cursors are the store's sort key of an item, tagged with the list it came
// from and base64-encoded, so clients treat them as opaque and a cursor from
// one list is refused by another instead of silently starting elsewhere.
func encodeCursor(list, key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(list + "|" + key))
}

func decodeCursor(list, cursor string) (string, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return "", false
	}
	tag, key, ok := strings.Cut(string(raw), "|")
	if !ok || tag != list || key == "" {
		return "", false
	}
	return key, true
}

// pageArgs checks a connection's first and after arguments and returns the
// store page to read: one item more than asked for, to learn whether another
// page follows. field names the argument's owner in error messages.
func pageArgs(field, list string, first *int, after *string) (graph.Page, int, error) {
	n, err := bounded(field+": first", first, DefaultFirst, 0, MaxFirst)
	if err != nil {
		return graph.Page{}, 0, err
	}
	p := graph.Page{Limit: n + 1}
	if after != nil && *after != "" {
		key, ok := decodeCursor(list, *after)
		if !ok {
			return graph.Page{}, 0, badInput("%s: after %q is not a cursor of this list; pass the endCursor of a previous page", field, *after)
		}
		p.After = key
	}
	return p, n, nil
}

// page is one page of a connection: the items kept, their cursors and the
// page info.
type page[T any] struct {
	items   []T
	cursors []string
	info    *PageInfo
}

// cut keeps the first n of items (read with pageArgs' extra item) and
// builds their cursors from key: every item's when the connection being
// resolved selects its edges, else only the first's and last's, which is
// all pageInfo shows (a page of 100 nodes would build 98 for nothing).
func cut[T any](ctx context.Context, items []T, n int, p graph.Page, list string, key func(T) string) page[T] {
	info := &PageInfo{HasNextPage: len(items) > n, HasPreviousPage: p.After != ""}
	if len(items) > n {
		items = items[:n]
	}
	if len(items) == 0 {
		return page[T]{items: items, cursors: []string{}, info: info}
	}
	var cursors []string
	if selects(ctx, "edges") {
		cursors = make([]string, len(items))
		for i, it := range items {
			cursors[i] = encodeCursor(list, key(it))
		}
		info.StartCursor, info.EndCursor = &cursors[0], &cursors[len(cursors)-1]
	} else {
		first, last := encodeCursor(list, key(items[0])), encodeCursor(list, key(items[len(items)-1]))
		info.StartCursor, info.EndCursor = &first, &last
	}
	return page[T]{items: items, cursors: cursors, info: info}
}

// Lists that have cursors, and the sort key of their items.
const (
	listEntities  = "entities"
	listRelations = "relations"
	listEvents    = "events"
	listArticles  = "articles"
	listMentions  = "mentions"
)

func entityKey(e graph.Entity) string     { return e.ID }
func relationKey(r graph.Relation) string { return r.ID }
func articleKey(a graph.Article) string   { return a.ID }

// mentionKey is a mention's place in an entity's mentions, which are sorted
// by article, start, end.
func mentionKey(m graph.Mention) string { return fmt.Sprintf("%s|%d|%d", m.Article, m.Start, m.End) }

// mentionsAfter returns the mentions of ms (sorted as Entity.Mentions)
// that follow the one with key after; all of them when after is "".
func mentionsAfter(ms []graph.Mention, after string) ([]graph.Mention, error) {
	if after == "" {
		return ms, nil
	}
	rest, end, ok1 := cutLast(after)
	article, start, ok2 := cutLast(rest)
	if !ok1 || !ok2 {
		return nil, badInput("entity.mentions: after %q is not a cursor of this list; pass the endCursor of a previous page", encodeCursor(listMentions, after))
	}
	i := slices.IndexFunc(ms, func(m graph.Mention) bool {
		if m.Article != article {
			return m.Article > article
		}
		if m.Start != start {
			return m.Start > start
		}
		return m.End > end
	})
	if i < 0 {
		return nil, nil
	}
	return ms[i:], nil
}

// cutLast splits s at its last "|" into what comes before and the number
// after it.
func cutLast(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, '|')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	return s[:i], n, err == nil
}

// selects reports whether the field being resolved selects the named
// field, so a connection skips counting what nobody asked for.
func selects(ctx context.Context, name string) bool {
	return slices.Contains(graphql.CollectAllFields(ctx), name)
}

// edges pairs each item of a page with its cursor, as a connection's
// edge; none when cut built no cursors since the edges are not selected.
func edges[T, E any](pg page[T], edge func(cursor string, node *T) E) []E {
	out := make([]E, len(pg.cursors))
	for i := range out {
		out[i] = edge(pg.cursors[i], &pg.items[i])
	}
	return out
}

func entityConnection(ctx context.Context, items []graph.Entity, total, n int, p graph.Page) *EntityConnection {
	pg := cut(ctx, items, n, p, listEntities, entityKey)
	return &EntityConnection{Nodes: pg.items, PageInfo: pg.info, TotalCount: total,
		Edges: edges(pg, func(c string, n *graph.Entity) EntityEdge { return EntityEdge{Cursor: c, Node: n} })}
}

func relationConnection(ctx context.Context, items []graph.Relation, total, n int, p graph.Page) *RelationConnection {
	pg := cut(ctx, items, n, p, listRelations, relationKey)
	return &RelationConnection{Nodes: pg.items, PageInfo: pg.info, TotalCount: total,
		Edges: edges(pg, func(c string, n *graph.Relation) RelationEdge { return RelationEdge{Cursor: c, Node: n} })}
}

func eventConnection(ctx context.Context, items []graph.Event, total, n int, p graph.Page) *EventConnection {
	pg := cut(ctx, items, n, p, listEvents, graph.EventKey)
	return &EventConnection{Nodes: pg.items, PageInfo: pg.info, TotalCount: total,
		Edges: edges(pg, func(c string, n *graph.Event) EventEdge { return EventEdge{Cursor: c, Node: n} })}
}

func mentionConnection(ctx context.Context, items []graph.Mention, total, n int, p graph.Page) *MentionConnection {
	pg := cut(ctx, items, n, p, listMentions, mentionKey)
	return &MentionConnection{Nodes: pg.items, PageInfo: pg.info, TotalCount: total,
		Edges: edges(pg, func(c string, n *graph.Mention) MentionEdge { return MentionEdge{Cursor: c, Node: n} })}
}

func articleConnection(ctx context.Context, items []graph.Article, total, n int, p graph.Page) *ArticleConnection {
	pg := cut(ctx, items, n, p, listArticles, articleKey)
	return &ArticleConnection{Nodes: pg.items, PageInfo: pg.info, TotalCount: total,
		Edges: edges(pg, func(c string, n *graph.Article) ArticleEdge { return ArticleEdge{Cursor: c, Node: n} })}
}
