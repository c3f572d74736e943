package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// entityPage is one page of an entity's relations or mentions, nodes kept
// as JSON so one walker serves both.
type entityPage struct {
	Edges []struct {
		Cursor string
		Node   json.RawMessage
	}
	Nodes    []json.RawMessage
	PageInfo struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	TotalCount int
}

// fetchEntityPage runs `{ entity(id: id) { field(args) { ... } } }` and
// returns the page.
func fetchEntityPage(t *testing.T, c *client.Client, id, field, args, nodeFields string) entityPage {
	t.Helper()
	q := fmt.Sprintf(`{ entity(id: %q) { %s(%s) { edges { cursor node { %s } } nodes { %s }
		pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } } }`, id, field, args, nodeFields, nodeFields)
	got, errs := query(t, c, q)
	if len(errs) > 0 {
		t.Fatalf("%s: errors %+v", q, errs)
	}
	var resp struct{ Entity map[string]entityPage }
	if err := json.Unmarshal([]byte(got), &resp); err != nil {
		t.Fatalf("decode %s: %v", got, err)
	}
	return resp.Entity[field]
}

func hubClient(t *testing.T, n int) (*client.Client, *filterRecorder) {
	t.Helper()
	s := memory.New()
	if err := s.Apply(context.Background(), hubBatch(n)); err != nil {
		t.Fatal(err)
	}
	rec := &filterRecorder{Store: s}
	c, _ := newClient(t, rec)
	return c, rec
}

// TestEntityPages walks an entity's relations and mentions a few at a time
// and checks the pages add up to the whole list, in order, with the
// total on every page.
func TestEntityPages(t *testing.T) {
	hub, _ := hubClient(t, 7)
	seed := seedClient(t)
	tests := []struct {
		name       string
		c          *client.Client
		id, field  string
		args       string // besides first and after
		nodeFields string
		wantTotal  int // 0: any, above the page size
	}{
		{"hub relations", hub, "person:hub", "relations", "", "id", 7},
		{"hub outgoing calls", hub, "person:hub", "relations", `direction: OUT, types: ["CALLS"]`, "id", 7},
		{"a callee's relations", hub, "person:p003", "relations", `direction: IN`, "id", 1},
		{"no incoming calls at the hub", hub, "person:hub", "relations", `direction: IN`, "id", -1},
		{"Russia's relations", seed, "country:RU", "relations", "", "id type", 0},
		{"Russia's mentions", seed, "country:RU", "mentions", "", "article { id } start end text", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if args != "" {
				args += ", "
			}
			all := fetchEntityPage(t, tc.c, tc.id, tc.field, args+"first: 100", tc.nodeFields)
			switch {
			case tc.wantTotal == -1 && all.TotalCount != 0,
				tc.wantTotal > 0 && all.TotalCount != tc.wantTotal,
				tc.wantTotal == 0 && all.TotalCount <= 2:
				t.Fatalf("totalCount: got %d, want %d (0: more than 2, -1: none)", all.TotalCount, tc.wantTotal)
			}
			if all.TotalCount != len(all.Nodes) || all.PageInfo.HasNextPage {
				t.Fatalf("whole list: got %d nodes, totalCount %d, hasNextPage %v; want them to agree", len(all.Nodes), all.TotalCount, all.PageInfo.HasNextPage)
			}
			var walked []string
			after := ""
			for pages := 0; ; pages++ {
				if pages > len(all.Nodes) {
					t.Fatalf("pagination does not end: %d pages for %d items", pages, len(all.Nodes))
				}
				pageArgs := args + "first: 2"
				if after != "" {
					pageArgs += fmt.Sprintf(", after: %q", after)
				}
				p := fetchEntityPage(t, tc.c, tc.id, tc.field, pageArgs, tc.nodeFields)
				if p.TotalCount != all.TotalCount {
					t.Errorf("page %d totalCount: got %d, want %d", pages, p.TotalCount, all.TotalCount)
				}
				if p.PageInfo.HasPreviousPage != (after != "") {
					t.Errorf("page %d hasPreviousPage: got %v, want %v", pages, p.PageInfo.HasPreviousPage, after != "")
				}
				if len(p.Nodes) > 2 {
					t.Errorf("page %d: got %d nodes, want at most 2", pages, len(p.Nodes))
				}
				for i, e := range p.Edges {
					if string(e.Node) != string(p.Nodes[i]) {
						t.Errorf("page %d: edge %d is %s, node %d is %s", pages, i, e.Node, i, p.Nodes[i])
					}
					walked = append(walked, string(e.Node))
				}
				if !p.PageInfo.HasNextPage {
					break
				}
				after = *p.PageInfo.EndCursor
			}
			var want []string
			for _, n := range all.Nodes {
				want = append(want, string(n))
			}
			if strings.Join(walked, "\n") != strings.Join(want, "\n") {
				t.Errorf("pages in order:\n got %s\nwant %s", walked, want)
			}
		})
	}
}

// filterRecorder records the relation filters the resolvers hand the
// store, and counts the relation counts they ask for.
type filterRecorder struct {
	graph.Store
	mu      sync.Mutex
	filters []graph.RelationFilter
	counts  int
}

func (r *filterRecorder) RelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error) {
	r.mu.Lock()
	r.filters = append(r.filters, f)
	r.mu.Unlock()
	return r.Store.RelationsOf(ctx, ids, f)
}

func (r *filterRecorder) CountRelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string]int, error) {
	r.mu.Lock()
	r.counts++
	r.mu.Unlock()
	return r.Store.CountRelationsOf(ctx, ids, f)
}

func (r *filterRecorder) reset() ([]graph.RelationFilter, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f, n := r.filters, r.counts
	r.filters, r.counts = nil, 0
	return f, n
}

// TestHubRelationsArePaged: a hub's relations come a page at a time, the
// default page when first is omitted, and the store is asked for the page
// (one relation more, to learn whether another follows), never the whole
// list; the total is counted only when asked for.
func TestHubRelationsArePaged(t *testing.T) {
	c, rec := hubClient(t, 50)
	after := encodeCursor(listRelations, "rel:call-029")
	tests := []struct {
		name, query string
		wantNodes   int
		wantNext    bool
		wantTotal   int
		wantFilter  graph.RelationFilter
		wantCounts  int
	}{
		{"default page", `{ entity(id: "person:hub") { relations { nodes { id } pageInfo { hasNextPage } totalCount } } }`,
			DefaultFirst, true, 50, graph.RelationFilter{Direction: graph.Both, Limit: DefaultFirst + 1}, 1},
		{"largest page", `{ entity(id: "person:hub") { relations(first: 100) { nodes { id } pageInfo { hasNextPage } totalCount } } }`,
			50, false, 50, graph.RelationFilter{Direction: graph.Both, Limit: MaxFirst + 1}, 1},
		{"after a cursor, no total", fmt.Sprintf(`{ entity(id: "person:hub") { relations(direction: OUT, first: 5, after: %q) { nodes { id } pageInfo { hasNextPage } } } }`, after),
			5, true, 0, graph.RelationFilter{Direction: graph.Out, After: "rel:call-029", Limit: 6}, 0},
		{"empty page", `{ entity(id: "person:hub") { relations(first: 0) { nodes { id } pageInfo { hasNextPage } totalCount } } }`,
			0, true, 50, graph.RelationFilter{Direction: graph.Both, Limit: 1}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec.reset()
			var resp struct {
				Entity struct {
					Relations struct {
						Nodes      []struct{ ID string }
						PageInfo   struct{ HasNextPage bool }
						TotalCount int
					}
				}
			}
			if err := c.Post(tc.query, &resp); err != nil {
				t.Fatal(err)
			}
			got := resp.Entity.Relations
			if len(got.Nodes) != tc.wantNodes || got.PageInfo.HasNextPage != tc.wantNext || got.TotalCount != tc.wantTotal {
				t.Errorf("got %d nodes, hasNextPage %v, totalCount %d; want %d, %v, %d",
					len(got.Nodes), got.PageInfo.HasNextPage, got.TotalCount, tc.wantNodes, tc.wantNext, tc.wantTotal)
			}
			filters, counts := rec.reset()
			if len(filters) != 1 || fmt.Sprint(filters[0]) != fmt.Sprint(tc.wantFilter) {
				t.Errorf("store asked with %+v, want once with %+v", filters, tc.wantFilter)
			}
			if counts != tc.wantCounts {
				t.Errorf("relation counts: got %d store calls, want %d", counts, tc.wantCounts)
			}
		})
	}
}
