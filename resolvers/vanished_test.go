package resolvers

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// deleteAfterList is a store that deletes an article right after the
// first list read it answers, as a delete landing between a query's list
// and its items' lookups would. It counts list reads (one per attempt of
// a query) and article lookups.
type deleteAfterList struct {
	graph.Store
	article string // deleted after the first list read

	mu       sync.Mutex
	deleted  bool
	lists    int
	articles int
}

func (s *deleteAfterList) afterList(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lists++
	if s.deleted {
		return nil
	}
	s.deleted = true
	return s.Store.DeleteArticle(ctx, s.article)
}

func (s *deleteAfterList) ListRelations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, int, error) {
	rels, n, err := s.Store.ListRelations(ctx, q)
	if err == nil {
		err = s.afterList(ctx)
	}
	return rels, n, err
}

func (s *deleteAfterList) ListEvents(ctx context.Context, q graph.EventQuery) ([]graph.Event, int, error) {
	evs, n, err := s.Store.ListEvents(ctx, q)
	if err == nil {
		err = s.afterList(ctx)
	}
	return evs, n, err
}

func (s *deleteAfterList) Articles(ctx context.Context, ids []string) ([]graph.Article, error) {
	s.mu.Lock()
	s.articles++
	s.mu.Unlock()
	return s.Store.Articles(ctx, ids)
}

// twoWitnesses are two articles stating the same meeting, a relation and
// an event each, so both facts have a witness in each article and outlive
// either article's delete.
func twoWitnesses() []graph.Batch {
	var out []graph.Batch
	for _, a := range []struct{ id, title string }{{"article:a", "A"}, {"article:b", "B"}} {
		text := "The Envoy met the Minister in Geneva."
		ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
		out = append(out, graph.Batch{
			Article: graph.Article{ID: a.id, Title: a.title, Published: "2025-06-02", Text: text},
			Entities: []graph.Entity{
				{ID: "person:envoy", Name: "The Envoy", Kind: graph.Person},
				{ID: "person:minister", Name: "The Minister", Kind: graph.Person},
				{ID: "city:geneva", Name: "Geneva", Kind: graph.City},
			},
			Events: []graph.Event{{ID: a.id + ":talks", Type: "CONSULT", Label: "meeting", Date: "2025-06-01", Place: "city:geneva",
				Participants: []graph.Participant{{Entity: "person:envoy", Role: "SOURCE"}, {Entity: "person:minister", Role: "TARGET"}}, Evidence: ev}},
			Relations: []graph.Relation{{ID: a.id + ":meets", Type: "MEETS", Class: "CONSULT", Source: "person:envoy", Target: "person:minister",
				Date: "2025-06-01", Event: a.id + ":talks", Evidence: ev}},
		})
	}
	return out
}

// TestVanishedArticleReferences: on each store, an article deleted
// between a query's list read and its items' lookups.
func TestVanishedArticleReferences(t *testing.T) {
	vanishedArticleReferences(t, memory.New())
}

// TestNeo4jVanishedArticleReferences is TestVanishedArticleReferences on
// Neo4j; it runs when NEO4J_URI is set.
func TestNeo4jVanishedArticleReferences(t *testing.T) {
	s := openNeo4j(t)
	vanishedArticleReferences(t, s)
}

// vanishedArticleReferences deletes article:b after each query's first
// list read. A query showing only the ids of the articles its items name
// answers from that read, with no lookup and no second run: the answer
// from before the delete. One showing more of an article runs again and
// answers from after the delete: article:b is gone from it, never named
// without its title, and there is no NOT_FOUND in either.
func vanishedArticleReferences(t *testing.T, base graph.Store) {
	tests := []struct {
		name, query  string
		wantArticles []string // ids of every article the answer names
		wantLists    int      // list reads: 2 when the query ran again
		wantLookups  bool     // whether articles were looked up
	}{
		{"relation references by id",
			`{ relations { nodes { article { id } evidence { article { id } } witnesses { article { id } } } } }`,
			[]string{"article:a", "article:b"}, 1, false},
		{"event references by id, typename and fragment",
			`{ events { nodes { article { id __typename } evidence { article { ...on Article { id } } } witnesses { article { id } } } } }`,
			[]string{"article:a", "article:b"}, 1, false},
		{"relation witness titles",
			`{ relations { nodes { article { id } witnesses { article { id title } } } } }`,
			[]string{"article:a"}, 2, true},
		{"event evidence titles",
			`{ events { nodes { evidence { article { id title } } } } }`,
			[]string{"article:a"}, 2, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, b := range twoWitnesses() {
				if err := base.Apply(context.Background(), b); err != nil {
					t.Fatalf("apply %s: %v", b.Article.ID, err)
				}
			}
			s := &deleteAfterList{Store: base, article: "article:b"}
			c := client.New(newHandler(Options{Store: s, Logger: slog.New(slog.DiscardHandler)}, time.Millisecond))
			data, errs := query(t, c, tc.query)
			if len(errs) > 0 {
				t.Fatalf("got errors %v, want a whole answer", errs)
			}
			var v any
			if err := json.Unmarshal([]byte(data), &v); err != nil {
				t.Fatalf("decode %s: %v", data, err)
			}
			got := articleIDs(t, v, nil)
			slices.Sort(got)
			if got = slices.Compact(got); !slices.Equal(got, tc.wantArticles) {
				t.Errorf("articles named: got %v, want %v in %s", got, tc.wantArticles, data)
			}
			if s.lists != tc.wantLists {
				t.Errorf("got %d list reads, want %d", s.lists, tc.wantLists)
			}
			if (s.articles > 0) != tc.wantLookups {
				t.Errorf("got %d article lookups, want lookups: %v", s.articles, tc.wantLookups)
			}
		})
	}
}

// articleIDs collects the id of every "article" object in v, failing on
// one that shows a title but has none: a half-present article.
func articleIDs(t *testing.T, v any, out []string) []string {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			out = articleIDs(t, x, out)
		}
	case map[string]any:
		for k, x := range v {
			if a, ok := x.(map[string]any); ok && k == "article" {
				id, _ := a["id"].(string)
				if title, asked := a["title"]; asked && title == nil {
					t.Errorf("article %q has no title", id)
				}
				out = append(out, id)
				continue
			}
			out = articleIDs(t, x, out)
		}
	}
	return out
}
