package resolvers

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// refsCounter is a callCounter that passes graph.RefsReader through.
type refsCounter struct{ *callCounter }

func (c refsCounter) ListRelationsWithRefs(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	c.count("ListRelationsWithRefs")
	return c.Store.(graph.RefsReader).ListRelationsWithRefs(ctx, q)
}

// relationsWithRefs is the load's read of relations (bench/load): a page
// of relations with their ends' names and their articles' titles.
const relationsWithRefs = `{ relations(first: 50) { totalCount nodes { id type date source { name } target { name } article { id title } witnesses { article { id } } } } }`

// TestRelationRefsReadAlongside: on each store, over a store that reads
// the ends and articles of a page of relations with it (graph.RefsReader),
// the page with its ends' names and articles' titles costs one store call,
// and the answer is the one a store without it gives through a second
// round of reads.
func TestRelationRefsReadAlongside(t *testing.T) {
	relationRefsReadAlongside(t, memory.New())
}

// TestNeo4jRelationRefsReadAlongside is TestRelationRefsReadAlongside on
// Neo4j, where the call is one read transaction; it runs when NEO4J_URI
// is set.
func TestNeo4jRelationRefsReadAlongside(t *testing.T) {
	s := openNeo4j(t)
	relationRefsReadAlongside(t, s)
	before := s.Counts()
	c, _ := newClient(t, s)
	if _, errs := query(t, c, relationsWithRefs); len(errs) > 0 {
		t.Fatalf("errors %+v", errs)
	}
	if tx := s.Counts().Transactions - before.Transactions; tx != 1 {
		t.Errorf("got %d transactions, want 1", tx)
	}
}

func relationRefsReadAlongside(t *testing.T, s graph.Store) {
	t.Helper()
	for _, b := range append([]graph.Batch{hubBatch(30)}, twoWitnesses()...) {
		if err := s.Apply(context.Background(), b); err != nil {
			t.Fatalf("apply %s: %v", b.Article.ID, err)
		}
	}
	plain := newCallCounter(s)
	c, _ := newClient(t, plain)
	want, errs := query(t, c, relationsWithRefs)
	if len(errs) > 0 {
		t.Fatalf("without RefsReader: errors %+v", errs)
	}
	if _, detail := plain.reset(); !strings.Contains(detail, "Articles:") || !strings.Contains(detail, "Entities:") {
		t.Fatalf("without RefsReader: store calls %s, want reads of Articles and Entities", detail)
	}

	refs := refsCounter{newCallCounter(s)}
	c, _ = newClient(t, refs)
	got, errs := query(t, c, relationsWithRefs)
	if len(errs) > 0 {
		t.Fatalf("with RefsReader: errors %+v", errs)
	}
	if got != want {
		t.Errorf("with RefsReader:\ngot  %s\nwant %s", got, want)
	}
	if _, detail := refs.reset(); detail != "ListRelationsWithRefs:1" {
		t.Errorf("with RefsReader: store calls %s, want ListRelationsWithRefs:1", detail)
	}
	for _, part := range []string{`"Person 019"`, `"title":"Calls"`, `"title":"A"`} {
		if !strings.Contains(want, part) {
			t.Errorf("answer %s: want %s in it", want, part)
		}
	}
}

// deleteAfterRefs is a deleteAfterList that reads pages of relations
// with their refs, deleting its article after the first.
type deleteAfterRefs struct{ *deleteAfterList }

func (s deleteAfterRefs) ListRelationsWithRefs(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	p, err := s.Store.(graph.RefsReader).ListRelationsWithRefs(ctx, q)
	if err == nil {
		err = s.afterList(ctx)
	}
	return p, err
}

// TestVanishedRelationArticle: on each store, a relation's article deleted
// right after a page of relations was read with its refs. The page comes
// with the article, title and all, from before the delete, in one read
// and no lookup: no NOT_FOUND, and no second run.
func TestVanishedRelationArticle(t *testing.T) {
	vanishedRelationArticle(t, memory.New())
}

// TestNeo4jVanishedRelationArticle is TestVanishedRelationArticle on
// Neo4j; it runs when NEO4J_URI is set.
func TestNeo4jVanishedRelationArticle(t *testing.T) {
	vanishedRelationArticle(t, openNeo4j(t))
}

func vanishedRelationArticle(t *testing.T, base graph.Store) {
	t.Helper()
	for _, b := range twoWitnesses() {
		if err := base.Apply(context.Background(), b); err != nil {
			t.Fatalf("apply %s: %v", b.Article.ID, err)
		}
	}
	// article:a is the meeting's first report, hence its article.
	s := deleteAfterRefs{&deleteAfterList{Store: base, article: "article:a"}}
	c := client.New(newHandler(Options{Store: s, Logger: slog.New(slog.DiscardHandler)}, time.Millisecond))
	data, errs := query(t, c, `{ relations { nodes { article { id title } source { name } } } }`)
	if len(errs) > 0 {
		t.Fatalf("got errors %v, want a whole answer", errs)
	}
	var v any
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		t.Fatalf("decode %s: %v", data, err)
	}
	if got := articleIDs(t, v, nil); !slices.Equal(got, []string{"article:a"}) {
		t.Errorf("articles named: got %v, want [article:a] in %s", got, data)
	}
	if s.lists != 1 || s.articles != 0 {
		t.Errorf("got %d list reads and %d article lookups, want 1 and 0", s.lists, s.articles)
	}
}
