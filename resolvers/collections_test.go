package resolvers

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
)

// run checks a table of queries against want, failing on any error.
func run(t *testing.T, c *client.Client, tests []struct{ name, query, want string }) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, errs := query(t, c, tc.query)
			if len(errs) > 0 {
				t.Fatalf("errors: got %+v, want none", errs)
			}
			if want := canonical(t, tc.want); got != want {
				t.Errorf("data:\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	run(t, seedClient(t), []struct{ name, query, want string }{
		{"a misspelling finds the entity", `{ search(text: "Zelensky") { entity { id } } }`,
			`{"search":[{"entity":{"id":"person:volodymyr-zelenskyy"}}]}`},
		{"an alias scores 1", `{ search(text: "Trump", first: 1) { entity { id } score } }`,
			`{"search":[{"entity":{"id":"person:donald-trump"},"score":1}]}`},
		{"kinds narrow the hits", `{ search(text: "Russia", kinds: [MILITARY]) { entity { id kind } } }`,
			`{"search":[{"entity":{"id":"mil:russian-armed-forces","kind":"MILITARY"}}]}`},
		{"nothing resembles", `{ search(text: "Atlantis") { entity { id } } }`, `{"search":[]}`},
	})
	// Hits come best first.
	c := seedClient(t)
	var resp struct{ Search []struct{ Score float64 } }
	if err := c.Post(`{ search(text: "Russia", first: 20) { score } }`, &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Search) < 2 {
		t.Fatalf("search Russia: got %d hits, want several", len(resp.Search))
	}
	for i := 1; i < len(resp.Search); i++ {
		if a, b := resp.Search[i-1].Score, resp.Search[i].Score; a < b || b <= 0 || a > 1 {
			t.Errorf("scores: got %v, want descending in (0, 1]", resp.Search)
		}
	}
}

func TestFilters(t *testing.T) {
	run(t, func() *client.Client { c, _ := newClient(t, fixtureStore(t)); return c }(), []struct{ name, query, want string }{
		{"relations sorted by id", `{ relations { nodes { id } totalCount } }`,
			`{"relations":{"nodes":[{"id":"rel:call"},{"id":"rel:leader"},{"id":"rel:strike"}],"totalCount":3}}`},
		{"relations by type", `{ relations(where: {types: ["CALLS"]}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:call"}]}}`},
		{"relations by class", `{ relations(where: {classes: ["STRUCTURAL"]}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:leader"}]}}`},
		{"relations by source", `{ relations(where: {source: "country:SD"}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:strike"}]}}`},
		{"relations by target", `{ relations(where: {target: "person:tomas-reyn"}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:call"}]}}`},
		{"relations by status", `{ relations(where: {statuses: ["planned"]}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:call"}]}}`},
		{"relations since a day leave out undated ones", `{ relations(where: {since: "2025-05-18"}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:call"}]}}`},
		{"relations until a day", `{ relations(where: {until: "2025-05-18"}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:strike"}]}}`},
		{"relations of an article", `{ relations(where: {article: "article:fixture"}) { totalCount } none: relations(where: {article: "article:none"}) { totalCount nodes { id } } }`,
			`{"relations":{"totalCount":3},"none":{"totalCount":0,"nodes":[]}}`},
		{"relation conditions combine", `{ relations(where: {types: ["CALLS", "STRUCK"], statuses: ["occurred"]}) { nodes { id } } }`, `{"relations":{"nodes":[{"id":"rel:strike"}]}}`},
		{"events by date then id", `{ events { nodes { id date } } }`,
			`{"events":{"nodes":[{"id":"event:strike","date":"2025-05-17"},{"id":"event:call","date":"2025-05-19"}]}}`},
		{"events by type", `{ events(where: {types: ["CONSULT"]}) { nodes { id } } }`, `{"events":{"nodes":[{"id":"event:call"}]}}`},
		{"events by place", `{ events(where: {place: "city:port-amar"}) { nodes { id } } }`, `{"events":{"nodes":[{"id":"event:strike"}]}}`},
		{"events by participant", `{ events(where: {participant: "person:tomas-reyn"}) { nodes { id } } }`, `{"events":{"nodes":[{"id":"event:call"}]}}`},
		{"events in a date range", `{ events(where: {since: "2025-05-18", until: "2025-05-31"}) { nodes { id } } }`, `{"events":{"nodes":[{"id":"event:call"}]}}`},
		{"events with at least N killed", `{ four: events(where: {minKilled: 4}) { nodes { id killed } } five: events(where: {minKilled: 5}) { totalCount } }`,
			`{"four":{"nodes":[{"id":"event:strike","killed":4}]},"five":{"totalCount":0}}`},
		{"entities by name", `{ entities(where: {nameContains: "VEL"}) { nodes { id } } }`, `{"entities":{"nodes":[{"id":"person:ana-vela"}]}}`},
		{"entities by kinds", `{ entities(where: {kinds: [CITY, COUNTRY]}) { nodes { id } } }`,
			`{"entities":{"nodes":[{"id":"city:port-amar"},{"id":"country:NL"},{"id":"country:SD"}]}}`},
		{"articles", `{ articles { nodes { id title } totalCount pageInfo { hasNextPage hasPreviousPage } } }`,
			`{"articles":{"nodes":[{"id":"article:fixture","title":"Vela to call Reyn"}],"totalCount":1,"pageInfo":{"hasNextPage":false,"hasPreviousPage":false}}}`},
		{"one event", `{ event(id: "event:call") { label mode } missing: event(id: "event:none") { id } }`,
			`{"event":{"label":"call","mode":"phone"},"missing":null}`},
	})
}

// connectionPage is the part of every connection a pagination walk reads.
type connectionPage struct {
	Edges []struct {
		Cursor string
		Node   struct{ ID string }
	}
	Nodes    []struct{ ID string }
	PageInfo struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	TotalCount int
}

// TestPagination walks every connection of the seed article two items at a
// time and checks the pages add up to the whole list, in order, with
// consistent cursors and page info.
func TestPagination(t *testing.T) {
	c := seedClient(t)
	for _, field := range []string{"entities", "relations", "events", "articles", `timeline(entity: "country:RU")`} {
		t.Run(field, func(t *testing.T) {
			name, _, _ := strings.Cut(field, "(")
			args := ""
			if strings.Contains(field, "(") {
				args = strings.TrimSuffix(field[len(name)+1:], ")") + ", "
			}
			all := fetchPage(t, c, fmt.Sprintf(`{ %s(%sfirst: 100) { %s } }`, name, args, pageFields), name)
			if len(all.Nodes) == 0 || all.TotalCount != len(all.Nodes) || all.PageInfo.HasNextPage {
				t.Fatalf("whole list: got %d nodes, totalCount %d, hasNextPage %v; want them to agree", len(all.Nodes), all.TotalCount, all.PageInfo.HasNextPage)
			}
			var walked []string
			after := ""
			for pages := 0; ; pages++ {
				if pages > len(all.Nodes) {
					t.Fatalf("pagination does not end: %d pages for %d items", pages, len(all.Nodes))
				}
				afterArg := ""
				if after != "" {
					afterArg = fmt.Sprintf(`, after: %q`, after)
				}
				p := fetchPage(t, c, fmt.Sprintf(`{ %s(%sfirst: 2%s) { %s } }`, name, args, afterArg, pageFields), name)
				if p.TotalCount != all.TotalCount {
					t.Errorf("page %d totalCount: got %d, want %d", pages, p.TotalCount, all.TotalCount)
				}
				if p.PageInfo.HasPreviousPage != (after != "") {
					t.Errorf("page %d hasPreviousPage: got %v, want %v", pages, p.PageInfo.HasPreviousPage, after != "")
				}
				for i, e := range p.Edges {
					if e.Node.ID != p.Nodes[i].ID {
						t.Errorf("page %d: edge %d is %s, node %d is %s", pages, i, e.Node.ID, i, p.Nodes[i].ID)
					}
					walked = append(walked, e.Node.ID)
				}
				if n := len(p.Edges); n > 0 && (*p.PageInfo.StartCursor != p.Edges[0].Cursor || *p.PageInfo.EndCursor != p.Edges[n-1].Cursor) {
					t.Errorf("page %d: start/end cursors do not match the edges", pages)
				}
				if !p.PageInfo.HasNextPage {
					break
				}
				after = *p.PageInfo.EndCursor
			}
			var want []string
			for _, n := range all.Nodes {
				want = append(want, n.ID)
			}
			if fmt.Sprint(walked) != fmt.Sprint(want) {
				t.Errorf("pages in order:\n got %v\nwant %v", walked, want)
			}
		})
	}
}

// TestPageInfoWithoutEdges: a connection builds every cursor only when
// its edges are selected, directly or through a fragment; without them its
// pageInfo is the same.
func TestPageInfoWithoutEdges(t *testing.T) {
	c := seedClient(t)
	const info = `nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`
	for _, tc := range []struct{ name, query string }{
		{"no edges", `{ relations(first: 3) { ` + info + ` } }`},
		{"edges in a fragment", `query { relations(first: 3) { ...E ` + info + ` } } fragment E on RelationConnection { edges { cursor node { id } } }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := fetchPage(t, c, `{ relations(first: 3) { `+pageFields+` } }`, "relations")
			got := fetchPage(t, c, tc.query, "relations")
			if len(want.Edges) != 3 || *got.PageInfo.StartCursor != want.Edges[0].Cursor || *got.PageInfo.EndCursor != want.Edges[2].Cursor ||
				got.PageInfo.HasNextPage != want.PageInfo.HasNextPage {
				t.Errorf("got page info %+v, want that of %+v", got.PageInfo, want)
			}
			if strings.Contains(tc.query, "edges") && fmt.Sprint(got.Edges) != fmt.Sprint(want.Edges) {
				t.Errorf("got edges %+v, want %+v", got.Edges, want.Edges)
			}
		})
	}
}

const pageFields = `edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`

func fetchPage(t *testing.T, c *client.Client, q, field string) connectionPage {
	t.Helper()
	got, errs := query(t, c, q)
	if len(errs) > 0 {
		t.Fatalf("%s: errors %+v", q, errs)
	}
	var resp map[string]connectionPage
	if err := json.Unmarshal([]byte(got), &resp); err != nil {
		t.Fatalf("decode %s: %v", got, err)
	}
	return resp[field]
}

func TestCursorsAreScopedToTheirList(t *testing.T) {
	c, _ := newClient(t, fixtureStore(t))
	var resp struct {
		Entities struct{ PageInfo struct{ EndCursor string } }
	}
	if err := c.Post(`{ entities(first: 1) { pageInfo { endCursor } } }`, &resp); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		fmt.Sprintf(`{ relations(after: %q) { totalCount } }`, resp.Entities.PageInfo.EndCursor),
		`{ relations(after: "not-a-cursor") { totalCount } }`,
		fmt.Sprintf(`{ entity(id: "person:ana-vela") { relations(after: %q) { totalCount } } }`, resp.Entities.PageInfo.EndCursor),
		fmt.Sprintf(`{ entity(id: "person:ana-vela") { mentions(after: %q) { totalCount } } }`, resp.Entities.PageInfo.EndCursor),
		fmt.Sprintf(`{ entity(id: "person:ana-vela") { mentions(after: %q) { totalCount } } }`, encodeCursor(listMentions, "article:fixture|x|1")),
	} {
		_, errs := query(t, c, q)
		if len(errs) != 1 || errs[0].Extensions["code"] != CodeBadUserInput || !strings.Contains(errs[0].Message, "is not a cursor of this list") {
			t.Errorf("%s: got %+v, want BAD_USER_INPUT not a cursor", q, errs)
		}
	}
}

func TestArgumentErrors(t *testing.T) {
	c, _ := newClient(t, fixtureStore(t))
	tests := []struct{ name, query, wantMsg string }{
		{"relations first above the cap", `{ relations(first: 1000000) { totalCount } }`, "relations: first must be between 0 and 100, got 1000000"},
		{"events first above the cap", `{ events(first: 1000000) { totalCount } }`, "events: first must be between 0 and 100, got 1000000"},
		{"articles first above the cap", `{ articles(first: 1000000) { totalCount } }`, "articles: first must be between 0 and 100, got 1000000"},
		{"article relations first above the cap", `{ article(id: "article:fixture") { relations(first: 1000000) { totalCount } } }`, "article.relations: first must be between 0 and 100"},
		{"entity relations first above the cap", `{ entity(id: "person:ana-vela") { relations(first: 101) { totalCount } } }`, "entity.relations: first must be between 0 and 100, got 101"},
		{"entity relations negative first", `{ entity(id: "person:ana-vela") { relations(first: -1) { totalCount } } }`, "entity.relations: first must be between 0 and 100, got -1"},
		{"entity mentions first above the cap", `{ entity(id: "person:ana-vela") { mentions(first: 101) { totalCount } } }`, "entity.mentions: first must be between 0 and 100, got 101"},
		{"search first above the cap", `{ search(text: "vela", first: 1000000) { score } }`, "search: first must be between 1 and 100, got 1000000"},
		{"search first 0", `{ search(text: "vela", first: 0) { score } }`, "search: first must be between 1 and 100, got 0"},
		{"search without text", `{ search(text: "  ") { score } }`, "search: text must not be empty"},
		{"search text too long", `{ search(text: "` + strings.Repeat("a", MaxSearchText+1) + `") { score } }`, "search: text must be at most 200 characters, got 201"},
		{"unknown relation type", `{ relations(where: {types: ["HUGGED"]}) { totalCount } }`, `unknown relation type "HUGGED"`},
		{"unknown class", `{ relations(where: {classes: ["FIGHT"]}) { totalCount } }`, `relations: where.classes: unknown class "FIGHT"; valid classes are CONSULT,`},
		{"events are never structural", `{ events(where: {types: ["STRUCTURAL"]}) { totalCount } }`, `events: where.types: unknown class "STRUCTURAL"`},
		{"unknown status", `{ relations(where: {statuses: ["maybe"]}) { totalCount } }`, `unknown status "maybe"; valid statuses are occurred, planned, claimed, reported, denied, failed`},
		{"date not ISO", `{ relations(where: {since: "May 1"}) { totalCount } }`, `relations: where.since: "May 1" is not an ISO 8601 day`},
		{"dates out of order", `{ events(where: {since: "2025-06-01", until: "2025-05-01"}) { totalCount } }`, "events: where.since 2025-06-01 is after until 2025-05-01"},
		{"negative casualties", `{ events(where: {minKilled: -1}) { totalCount } }`, "events: where.minKilled must be between 0 and"},
		{"path too long", `{ path(from: "person:ana-vela", to: "country:NL", maxHops: 7) { length } }`, "path: maxHops must be between 1 and 6, got 7"},
		{"timeline bad date", `{ timeline(entity: "person:ana-vela", until: "2025-13-01") { totalCount } }`, `timeline: until: "2025-13-01" is not an ISO 8601 day`},
		{"stats top above the cap", `{ stats(top: 1000000) { entities } }`, "stats: top must be between 0 and 100, got 1000000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := query(t, c, tc.query)
			if len(errs) != 1 {
				t.Fatalf("errors: got %+v, want one", errs)
			}
			if got := errs[0].Extensions["code"]; got != CodeBadUserInput {
				t.Errorf("code: got %v, want %s (message %q)", got, CodeBadUserInput, errs[0].Message)
			}
			if !strings.Contains(errs[0].Message, tc.wantMsg) {
				t.Errorf("message: got %q, want it to contain %q", errs[0].Message, tc.wantMsg)
			}
		})
	}
}

// TestFirstWeighsIntoComplexity: the same nested query is refused or run
// depending only on the page sizes it asks for.
func TestFirstWeighsIntoComplexity(t *testing.T) {
	c := fixtureClient(t)
	q := func(first int) string {
		return fmt.Sprintf(`{ relations(first: %d) { nodes { evidence { article { relations(first: 100) { nodes { id } } } } } } }`, first)
	}
	if _, errs := query(t, c, q(10)); len(errs) > 0 {
		t.Errorf("first: 10: got %+v, want it run", errs)
	}
	_, errs := query(t, c, q(100))
	if len(errs) != 1 || errs[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("first: 100: got %+v, want COMPLEXITY_LIMIT_EXCEEDED", errs)
	}
}
