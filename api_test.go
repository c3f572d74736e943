package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// gqlPost posts a query with variables and header pairs and decodes the
// response into out; it returns the HTTP status and the errors.
func gqlPost(t *testing.T, base, query string, vars map[string]any, out any, header ...string) (int, []gqlErr) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	got := do(t, "POST", base+"/graphql", "application/json", bytes.NewReader(body), header...)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlErr        `json:"errors"`
	}
	if err := json.Unmarshal([]byte(got.body), &resp); err != nil {
		t.Fatalf("decode %s: %v", got.body, err)
	}
	if out != nil && len(resp.Data) > 0 {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			t.Fatalf("decode data %s: %v", resp.Data, err)
		}
	}
	return got.status, resp.Errors
}

type gqlErr struct {
	Message    string
	Extensions struct{ Code string }
}

// mustQuery posts a query that must succeed.
func mustQuery(t *testing.T, base, query string, vars map[string]any, out any, header ...string) {
	t.Helper()
	if status, errs := gqlPost(t, base, query, vars, out, header...); status != 200 || len(errs) > 0 {
		t.Fatalf("%s: got %d %+v, want data", query, status, errs)
	}
}

// TestAPIOverHTTP asks the real server about the seed article through every
// read the API offers and checks the answers against each other and the
// article.
func TestAPIOverHTTP(t *testing.T) {
	base := startServer(t, nil)

	t.Run("lookup and typo-tolerant search", func(t *testing.T) {
		var r struct {
			Entity struct{ ID string }
			Search []struct {
				Entity struct{ ID string }
				Score  float64
			}
		}
		mustQuery(t, base, `{ entity(name: "Zelenskyy") { id } search(text: "Zelensky", kinds: [PERSON]) { entity { id } score } }`, nil, &r)
		if len(r.Search) == 0 || r.Search[0].Entity.ID != r.Entity.ID || r.Search[0].Score <= 0 || r.Search[0].Score > 1 {
			t.Errorf("search Zelensky: got %+v, want %s first with a score in (0, 1]", r.Search, r.Entity.ID)
		}
	})

	var stats struct {
		Stats struct {
			Entities, Relations, Events, Articles int
			RelationsByClass                      []struct {
				Key   string
				Count int
			}
			MostConnected []struct {
				Entity struct{ ID string }
				Degree int
			}
			PerArticle []struct {
				Article                     struct{ ID string }
				Entities, Relations, Events int
			}
		}
		Entities, Relations, Events, Articles struct{ TotalCount int }
	}
	mustQuery(t, base, `{ stats(top: 3) { entities relations events articles relationsByClass { key count }
		mostConnected { entity { id } degree } perArticle { article { id } entities relations events } }
		entities { totalCount } relations { totalCount } events { totalCount } articles { totalCount } }`, nil, &stats)
	st := stats.Stats

	t.Run("stats agree with the collections", func(t *testing.T) {
		if st.Articles != 1 || st.Entities == 0 || st.Relations == 0 || st.Events == 0 {
			t.Fatalf("stats: got %+v, want the seed article's counts", st)
		}
		if st.Entities != stats.Entities.TotalCount || st.Relations != stats.Relations.TotalCount ||
			st.Events != stats.Events.TotalCount || st.Articles != stats.Articles.TotalCount {
			t.Errorf("stats %+v disagree with the collections' totalCounts %+v", st, stats)
		}
		sum := 0
		for _, c := range st.RelationsByClass {
			sum += c.Count
		}
		if sum != st.Relations || len(st.MostConnected) != 3 || len(st.PerArticle) != 1 || st.PerArticle[0].Relations != st.Relations {
			t.Errorf("stats: classes sum to %d of %d relations; top %d; per article %+v", sum, st.Relations, len(st.MostConnected), st.PerArticle)
		}
	})

	t.Run("relation filters", func(t *testing.T) {
		var r struct {
			Relations struct {
				TotalCount int
				Nodes      []struct {
					Type, Class, Status string
					Date                *string
					Source              struct{ ID string }
					Evidence            []struct {
						Text       string
						Start, End int
						Article    struct{ Text string }
					}
				}
			}
		}
		mustQuery(t, base, `query($src: ID) { relations(first: 100, where: {source: $src, classes: ["ASSAULT"], statuses: ["occurred", "reported"], since: "2025-05-01", until: "2025-05-31"}) {
			totalCount nodes { type class status date source { id } evidence { text start end article { text } } } } }`,
			map[string]any{"src": "country:RU"}, &r)
		if r.Relations.TotalCount == 0 || r.Relations.TotalCount != len(r.Relations.Nodes) {
			t.Fatalf("Russia's assaults in May: got %+v, want some", r.Relations)
		}
		for _, n := range r.Relations.Nodes {
			if n.Class != "ASSAULT" || n.Source.ID != "country:RU" || (n.Status != "occurred" && n.Status != "reported") || n.Date == nil || !strings.HasPrefix(*n.Date, "2025-05-") {
				t.Errorf("relation %+v does not match the filter", n)
			}
			for _, ev := range n.Evidence {
				if ev.Article.Text[ev.Start:ev.End] != ev.Text {
					t.Errorf("evidence %q is not the article text at [%d:%d]", ev.Text, ev.Start, ev.End)
				}
			}
		}
	})

	t.Run("event filters and timeline", func(t *testing.T) {
		var r struct {
			Events struct {
				Nodes []struct {
					Killed *int
					Place  *struct{ Name string }
				}
			}
			Timeline struct {
				Nodes []struct {
					Date         *string
					Participants []struct{ Entity struct{ ID string } }
				}
			}
		}
		mustQuery(t, base, `{ events(where: {minKilled: 1, types: ["ASSAULT"]}) { nodes { killed place { name } } }
			timeline(entity: "country:RU", first: 100) { nodes { date participants { entity { id } } } } }`, nil, &r)
		if len(r.Events.Nodes) == 0 {
			t.Errorf("deadly assaults: got none, want the drone attack")
		}
		for _, n := range r.Events.Nodes {
			if n.Killed == nil || *n.Killed < 1 {
				t.Errorf("event %+v: want at least one killed", n)
			}
		}
		last := ""
		for _, n := range r.Timeline.Nodes {
			if !slices.ContainsFunc(n.Participants, func(p struct{ Entity struct{ ID string } }) bool { return p.Entity.ID == "country:RU" }) {
				t.Errorf("timeline event %+v: want Russia among its participants", n)
			}
			if n.Date != nil {
				if *n.Date < last {
					t.Errorf("timeline dates out of order: %s after %s", *n.Date, last)
				}
				last = *n.Date
			}
		}
	})

	t.Run("shortest path", func(t *testing.T) {
		var r struct {
			Path *struct {
				Length    int
				Entities  []struct{ ID string }
				Relations []struct{ Source, Target struct{ ID string } }
			}
		}
		mustQuery(t, base, `{ path(from: "person:donald-trump", to: "country:RU") { length entities { id } relations { source { id } target { id } } } }`, nil, &r)
		p := r.Path
		if p == nil || p.Length == 0 || len(p.Relations) != p.Length || len(p.Entities) != p.Length+1 ||
			p.Entities[0].ID != "person:donald-trump" || p.Entities[p.Length].ID != "country:RU" {
			t.Fatalf("path Trump to Russia: got %+v, want a chain from one to the other", p)
		}
		for i, rel := range p.Relations {
			ends := []string{rel.Source.ID, rel.Target.ID}
			if !slices.Contains(ends, p.Entities[i].ID) || !slices.Contains(ends, p.Entities[i+1].ID) {
				t.Errorf("relation %d %v does not link %s and %s", i, ends, p.Entities[i].ID, p.Entities[i+1].ID)
			}
		}
	})

	t.Run("what the article contributed", func(t *testing.T) {
		var r struct {
			Articles struct {
				Nodes []struct {
					ID        string
					Relations struct{ TotalCount int }
					Events    struct{ TotalCount int }
					Entities  []struct{ ID string }
				}
			}
		}
		mustQuery(t, base, `{ articles { nodes { id relations { totalCount } events { totalCount } entities { id } } } }`, nil, &r)
		a := r.Articles.Nodes[0]
		if a.Relations.TotalCount != st.Relations || a.Events.TotalCount != st.Events || len(a.Entities) == 0 || len(a.Entities) > st.Entities {
			t.Errorf("article %s: got %d relations, %d events, %d entities; stats say %+v", a.ID, a.Relations.TotalCount, a.Events.TotalCount, len(a.Entities), st)
		}
	})
}

func TestMutationsOverHTTP(t *testing.T) {
	const token = "test-token-0123456789"
	base := startServer(t, map[string]string{"GEOKG_API_TOKEN": token})
	auth := []string{"Authorization", "Bearer " + token}
	const ingest = `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { article { id title source published } created relations warnings } }`
	article := map[string]any{"in": map[string]any{
		"text":  "Japan and South Korea agreed on Tuesday to hold joint naval drills. Tokyo condemned North Korea's missile launch.",
		"title": "Allies agree on drills", "source": "https://example.org/drills", "published": "2025-06-03",
	}}

	t.Run("refused without the token", func(t *testing.T) {
		for _, h := range [][]string{nil, {"Authorization", "Bearer wrong"}} {
			got := do(t, "POST", base+"/graphql", "application/json", gqlBody(`mutation { deleteArticle(id: "x") { id } }`), h...)
			if got.status != 401 || !strings.Contains(got.body, "UNAUTHENTICATED") || !strings.HasPrefix(got.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("header %v: got %d %s, want 401 UNAUTHENTICATED with WWW-Authenticate", h, got.status, got.body)
			}
		}
	})

	var first, again struct {
		IngestArticle struct {
			Article   struct{ ID, Title, Source, Published string }
			Created   bool
			Relations int
			Warnings  []string
		}
	}
	mustQuery(t, base, ingest, article, &first, auth...)
	a := first.IngestArticle
	if !a.Created || a.Article.Title != "Allies agree on drills" || a.Article.Source != "https://example.org/drills" || a.Article.Published != "2025-06-03" || a.Relations == 0 {
		t.Errorf("ingest: got %+v, want a new article with the given metadata and relations", a)
	}
	mustQuery(t, base, ingest, article, &again, auth...)
	if b := again.IngestArticle; b.Created || b.Article.ID != a.Article.ID {
		t.Errorf("ingest again: got %+v, want created false and id %s", b, a.Article.ID)
	}

	// Metadata as arguments and as front matter at once is ambiguous.
	_, errs := gqlPost(t, base, ingest, map[string]any{"in": map[string]any{"text": "---\ntitle: T\n---\nBody.", "title": "Other"}}, nil, auth...)
	if len(errs) != 1 || errs[0].Extensions.Code != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, "its own front matter") {
		t.Errorf("front matter and arguments: got %+v, want BAD_USER_INPUT", errs)
	}

	var del struct{ DeleteArticle struct{ ID string } }
	mustQuery(t, base, `mutation($id: ID!) { deleteArticle(id: $id) { id } }`, map[string]any{"id": a.Article.ID}, &del, auth...)
	var after struct{ Article *struct{ ID string } }
	mustQuery(t, base, `query($id: ID!) { article(id: $id) { id } }`, map[string]any{"id": a.Article.ID}, &after)
	if del.DeleteArticle.ID != a.Article.ID || after.Article != nil {
		t.Errorf("delete: got %+v, then article %+v; want it gone", del, after.Article)
	}
}
