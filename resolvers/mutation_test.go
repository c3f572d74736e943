package resolvers

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
)

const testToken = "s3cret-token"

// loaderExtract runs the real loader on the text as sent; metadata given as
// arguments reaches it through the command's front-matter wiring, tested
// in package main.
func loaderExtract(t testing.TB) ExtractFunc {
	ld, err := loader.New(nil)
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	return func(_ context.Context, a ArticleInput) (graph.Batch, error) {
		doc, err := ld.Extract("", []byte(a.Text))
		if err != nil {
			return graph.Batch{}, err
		}
		return doc.Batch(), nil
	}
}

func mutationClient(t testing.TB, s graph.Store, token string) *client.Client {
	t.Helper()
	logger := slog.New(slog.DiscardHandler)
	return client.New(newHandler(Options{Store: s, Logger: logger, Extract: loaderExtract(t), Token: token, Introspection: true}, 50*time.Millisecond))
}

func bearer(token string) client.Option { return client.AddHeader("Authorization", "Bearer "+token) }

const drills = "---\ntitle: Drills\npublished: 2025-06-02\n---\n" +
	"China held military drills around Taiwan on Monday. Xi Jinping met Vladimir Putin in Moscow on Tuesday.\n"

const ingestDrills = `mutation($text: String!) { ingestArticle(input: {text: $text}) {
	article { id title published } created entities relations events entityIds relationIds eventIds warnings } }`

func TestMutationsNeedTheToken(t *testing.T) {
	const del = `mutation { deleteArticle(id: "article:fixture") { id } }`
	tests := []struct {
		name, token string
		opts        []client.Option
		wantCode    string
		wantMsg     string
	}{
		{"no token configured", "", []client.Option{bearer("anything")}, CodeForbidden, "mutations are disabled on this server: start it with GEOKG_API_TOKEN set"},
		{"no header", testToken, nil, CodeUnauthenticated, "mutations need an `Authorization: Bearer <token>` header"},
		{"another scheme", testToken, []client.Option{client.AddHeader("Authorization", "Basic "+testToken)}, CodeUnauthenticated, "mutations need an `Authorization: Bearer <token>` header"},
		{"wrong token", testToken, []client.Option{bearer(testToken + "x")}, CodeUnauthenticated, "the bearer token is not this server's GEOKG_API_TOKEN"},
		{"empty token", testToken, []client.Option{bearer("")}, CodeUnauthenticated, "mutations need an `Authorization: Bearer <token>` header"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := fixtureStore(t)
			c := mutationClient(t, s, tc.token)
			data, errs := query(t, c, del, tc.opts...)
			if len(errs) != 1 || errs[0].Extensions["code"] != tc.wantCode || !strings.Contains(errs[0].Message, tc.wantMsg) {
				t.Fatalf("errors: got %+v, want %s %q", errs, tc.wantCode, tc.wantMsg)
			}
			if data != "null" {
				t.Errorf("data: got %s, want null: nothing may run", data)
			}
			if as, _ := s.Articles(context.Background(), []string{"article:fixture"}); len(as) != 1 {
				t.Errorf("article:fixture was deleted by a refused mutation")
			}
		})
	}
	// Queries need no token.
	c := mutationClient(t, fixtureStore(t), testToken)
	if got, errs := query(t, c, `{ article(id: "article:fixture") { id } }`); len(errs) > 0 || got != `{"article":{"id":"article:fixture"}}` {
		t.Errorf("query without a token: got %s %+v, want it answered", got, errs)
	}
}

// snapshot is everything a client can count, to check a mutation changed
// nothing.
func snapshot(t *testing.T, c *client.Client) string {
	t.Helper()
	got, errs := query(t, c, `{ stats(top: 100) { entities relations events articles relationsByType { key count } mostConnected { entity { id } degree } perArticle { article { id title } entities relations events } }
		entities(first: 100) { nodes { id name aliases mentions { nodes { article { id } start end } } } } }`)
	if len(errs) > 0 {
		t.Fatalf("snapshot: %+v", errs)
	}
	return got
}

func TestIngestAndDelete(t *testing.T) {
	c := mutationClient(t, fixtureStore(t), testToken)
	before := snapshot(t, c)

	var first, again struct {
		IngestArticle struct {
			Article                          struct{ ID, Title, Published string }
			Created                          bool
			Entities, Relations, Events      int
			EntityIds, RelationIds, EventIds []string
			Warnings                         []string
		}
	}
	if err := c.Post(ingestDrills, &first, client.Var("text", drills), bearer(testToken)); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	in := first.IngestArticle
	if !in.Created || in.Article.Title != "Drills" || in.Article.Published != "2025-06-02" || !strings.HasPrefix(in.Article.ID, "article:") {
		t.Errorf("ingest: got %+v, want a created article titled Drills", in)
	}
	if in.Entities == 0 || in.Relations == 0 || in.Entities != len(in.EntityIds) || in.Relations != len(in.RelationIds) || in.Events != len(in.EventIds) {
		t.Errorf("ingest counts and ids: got %+v, want matching, non-zero counts", in)
	}
	if len(in.Warnings) != 0 {
		t.Errorf("warnings: got %q, want none", in.Warnings)
	}
	if !slices.Contains(in.EntityIds, "country:CN") {
		t.Errorf("entity ids: got %q, want China among them", in.EntityIds)
	}
	afterFirst := snapshot(t, c)
	if afterFirst == before {
		t.Fatal("the graph did not change after ingesting")
	}

	// The same text again: same article, nothing changes.
	if err := c.Post(ingestDrills, &again, client.Var("text", drills), bearer(testToken)); err != nil {
		t.Fatalf("ingest again: %v", err)
	}
	if a := again.IngestArticle; a.Created || a.Article.ID != in.Article.ID || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "already loaded") {
		t.Errorf("ingest again: got %+v, want created false, the same id and an already-loaded warning", a)
	}
	if got := snapshot(t, c); got != afterFirst {
		t.Errorf("ingesting the same text twice changed the graph:\n got %s\nwant %s", got, afterFirst)
	}

	// Delete takes the article and what only it supported away again.
	var del struct {
		DeleteArticle struct {
			ID                string
			Relations, Events int
		}
	}
	if err := c.Post(`mutation($id: ID!) { deleteArticle(id: $id) { id relations events } }`, &del, client.Var("id", in.Article.ID), bearer(testToken)); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if d := del.DeleteArticle; d.ID != in.Article.ID || d.Relations != in.Relations || d.Events != in.Events {
		t.Errorf("delete: got %+v, want the ingested article's %d relations and %d events", d, in.Relations, in.Events)
	}
	if got := snapshot(t, c); got != before {
		t.Errorf("after delete:\n got %s\nwant the graph before the ingest %s", got, before)
	}
	_, errs := query(t, c, `mutation { deleteArticle(id: "article:none") { id } }`, bearer(testToken))
	if len(errs) != 1 || errs[0].Extensions["code"] != CodeNotFound || errs[0].Message != `deleteArticle: no article with id "article:none"` {
		t.Errorf("delete unknown: got %+v, want NOT_FOUND", errs)
	}
}

func TestIngestWarningsAndErrors(t *testing.T) {
	c := mutationClient(t, fixtureStore(t), testToken)
	var resp struct{ IngestArticle struct{ Warnings []string } }
	if err := c.Post(`mutation { ingestArticle(input: {text: "The weather was fine."}) { warnings } }`, &resp, bearer(testToken)); err != nil {
		t.Fatal(err)
	}
	want := []string{"no published day", "no entities were recognised"}
	if w := resp.IngestArticle.Warnings; len(w) != len(want) || !strings.HasPrefix(w[0], want[0]) || !strings.HasPrefix(w[1], want[1]) {
		t.Errorf("warnings: got %q, want ones starting %q", w, want)
	}
	for _, tc := range []struct{ name, query, wantMsg string }{
		{"empty text", `mutation { ingestArticle(input: {text: " "}) { created } }`, "ingestArticle: input.text is empty"},
		{"bad published day", `mutation { ingestArticle(input: {text: "Hi.", published: "Monday"}) { created } }`, `ingestArticle: input.published: "Monday" is not an ISO 8601 day`},
		{"malformed front matter, found by the loader", "mutation { ingestArticle(input: {text: \"---\\ntitle: [\\n---\\nHi.\"}) { created } }", "malformed front matter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := query(t, c, tc.query, bearer(testToken))
			if len(errs) != 1 || errs[0].Extensions["code"] != CodeBadUserInput || !strings.Contains(errs[0].Message, tc.wantMsg) {
				t.Errorf("errors: got %+v, want BAD_USER_INPUT %q", errs, tc.wantMsg)
			}
		})
	}
}
