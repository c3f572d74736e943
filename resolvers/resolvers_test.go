package resolvers

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// The fixture is a small invented article, so these tests pin the API's
// behaviour independently of the loader; seed_test.go runs the real article
// through the real loader.
const fixtureBody = "Norland's President Ana Vela will call Sudrian leader Tomas Reyn on Monday. " +
	"Sudrian drones struck Port Amar on Saturday, killing 4 people."

const (
	callSentence   = "Norland's President Ana Vela will call Sudrian leader Tomas Reyn on Monday."
	strikeSentence = "Sudrian drones struck Port Amar on Saturday, killing 4 people."
)

func evidenceFor(t testing.TB, sentence string) []graph.Evidence {
	t.Helper()
	i := strings.Index(fixtureBody, sentence)
	if i < 0 {
		t.Fatalf("fixture: %q is not in the body", sentence)
	}
	return []graph.Evidence{{Start: i, End: i + len(sentence), Text: sentence}}
}

func mentionOf(t testing.TB, text string) []graph.Mention {
	t.Helper()
	i := strings.Index(fixtureBody, text)
	if i < 0 {
		t.Fatalf("fixture: %q is not in the body", text)
	}
	return []graph.Mention{{Start: i, End: i + len(text), Text: text}}
}

func fixtureBatch(t testing.TB) graph.Batch {
	killed := 4
	lat, lon := 50.5, 30.25
	return graph.Batch{
		Article: graph.Article{ID: "article:fixture", Title: "Vela to call Reyn", Published: "2025-05-17", SHA256: "abc123", Text: fixtureBody},
		Entities: []graph.Entity{
			{ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person, Aliases: []string{"Vela", "President Ana Vela"}, Mentions: mentionOf(t, "President Ana Vela")},
			{ID: "person:tomas-reyn", Name: "Tomas Reyn", Kind: graph.Person, Aliases: []string{"Reyn"}, Mentions: mentionOf(t, "Tomas Reyn")},
			{ID: "country:NL", Name: "Norland", Kind: graph.Country, Country: "NL", Mentions: mentionOf(t, "Norland")},
			{ID: "country:SD", Name: "Sudria", Kind: graph.Country, Aliases: []string{"Sudrian"}, Country: "SD", Mentions: mentionOf(t, "Sudrian")},
			{ID: "city:port-amar", Name: "Port Amar", Kind: graph.City, Country: "SD", Lat: &lat, Lon: &lon, Mentions: mentionOf(t, "Port Amar")},
		},
		Relations: []graph.Relation{
			{ID: "rel:call", Type: "CALLS", Class: "CONSULT", Source: "person:ana-vela", Target: "person:tomas-reyn",
				Date: "2025-05-19", DateText: "on Monday", Status: graph.StatusPlanned, Confidence: 0.9, Event: "event:call", Evidence: evidenceFor(t, callSentence)},
			{ID: "rel:strike", Type: "STRUCK", Class: "ASSAULT", Source: "country:SD", Target: "city:port-amar",
				Date: "2025-05-17", DateText: "on Saturday", Status: graph.StatusOccurred, Confidence: 0.8, Event: "event:strike", Evidence: evidenceFor(t, strikeSentence)},
			{ID: "rel:leader", Type: "LEADER_OF", Class: graph.Structural, Source: "person:ana-vela", Target: "country:NL",
				Title: "President", Confidence: 1, Evidence: evidenceFor(t, callSentence)},
		},
		Events: []graph.Event{
			{ID: "event:call", Type: "CONSULT", Label: "call", Mode: "phone", Date: "2025-05-19", DateText: "on Monday", Status: graph.StatusPlanned,
				Participants: []graph.Participant{{Entity: "person:ana-vela", Role: graph.RoleSource}, {Entity: "person:tomas-reyn", Role: graph.RoleTarget}},
				Evidence:     evidenceFor(t, callSentence)},
			{ID: "event:strike", Type: "ASSAULT", Label: "drone strike", Mode: "drone", Date: "2025-05-17", DateText: "on Saturday", Status: graph.StatusOccurred,
				Place: "city:port-amar", Killed: &killed,
				Participants: []graph.Participant{{Entity: "country:SD", Role: graph.RoleSource}, {Entity: "city:port-amar", Role: graph.RoleTarget}},
				Evidence:     evidenceFor(t, strikeSentence)},
		},
	}
}

func fixtureStore(t testing.TB) *memory.Store {
	t.Helper()
	s := memory.New()
	if err := s.Apply(context.Background(), fixtureBatch(t)); err != nil {
		t.Fatalf("Apply fixture: got %v, want nil", err)
	}
	return s
}

// syncBuffer collects log output from concurrent resolvers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func newClient(t testing.TB, s graph.Store) (*client.Client, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, nil))
	return client.New(newHandler(Options{Store: s, Logger: logger, Introspection: true}, 50*time.Millisecond)), logs
}

// gqlError is one entry of a response's "errors".
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// query posts q and returns the data as canonical JSON and the errors. A
// request refused before execution comes back as an HTTP error from the
// client; its body is decoded the same way.
func query(t testing.TB, c *client.Client, q string, opts ...client.Option) (string, []gqlError) {
	t.Helper()
	var data any
	var rawErrs json.RawMessage
	resp, err := c.RawPost(q, opts...)
	if err != nil {
		_, body, ok := strings.Cut(err.Error(), ": ")
		if !strings.HasPrefix(err.Error(), "http ") || !ok {
			t.Fatalf("post %q: got %v, want a GraphQL response", q, err)
		}
		var r struct {
			Data   any             `json:"data"`
			Errors json.RawMessage `json:"errors"`
		}
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			t.Fatalf("post %q: decode error body %q: %v", q, body, err)
		}
		data, rawErrs = r.Data, r.Errors
	} else {
		data, rawErrs = resp.Data, resp.Errors
	}
	var errs []gqlError
	if len(rawErrs) > 0 {
		if err := json.Unmarshal(rawErrs, &errs); err != nil {
			t.Fatalf("post %q: decode errors %s: %v", q, rawErrs, err)
		}
	}
	out, err := json.Marshal(data)
	if err != nil {
		t.Fatalf("encode data: %v", err)
	}
	return string(out), errs
}

// canonical re-encodes a JSON text so it compares equal to query's output.
func canonical(t testing.TB, s string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("want JSON %q: %v", s, err)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func TestQueries(t *testing.T) {
	c, _ := newClient(t, fixtureStore(t))
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		want  string
	}{
		{
			name:  "entity by name matches an alias ignoring case",
			query: `{ entity(name: "vela") { id name kind aliases country lat lon } }`,
			want:  `{"entity":{"id":"person:ana-vela","name":"Ana Vela","kind":"PERSON","aliases":["President Ana Vela","Vela"],"country":null,"lat":null,"lon":null}}`,
		},
		{
			name:  "entity by id with coordinates",
			query: `query($id: ID) { entity(id: $id) { name kind country lat lon } }`,
			vars:  map[string]any{"id": "city:port-amar"},
			want:  `{"entity":{"name":"Port Amar","kind":"CITY","country":"SD","lat":50.5,"lon":30.25}}`,
		},
		{
			name:  "unknown entity is null",
			query: `{ byName: entity(name: "Atlantis") { id } byID: entity(id: "city:atlantis") { id } }`,
			want:  `{"byName":null,"byID":null}`,
		},
		{
			name:  "mentions resolve their article",
			query: `{ entity(id: "city:port-amar") { mentions { nodes { article { id title } start end text } } } }`,
			want:  fmt.Sprintf(`{"entity":{"mentions":{"nodes":[{"article":{"id":"article:fixture","title":"Vela to call Reyn"},"start":%d,"end":%d,"text":"Port Amar"}]}}}`, strings.Index(fixtureBody, "Port Amar"), strings.Index(fixtureBody, "Port Amar")+len("Port Amar")),
		},
		{
			name: "outgoing CALLS with its event, evidence and article",
			query: `{ entity(name: "Ana Vela") { relations(direction: OUT, types: ["CALLS"]) { nodes {
				id type class source { id } target { name } title date dateText status claimedBy { id } confidence
				event { id type label mode date status place { id } killed injured participants { entity { id } role } }
				article { id published } evidence { article { id } text start end } } } } }`,
			want: fmt.Sprintf(`{"entity":{"relations":{"nodes":[{"id":"rel:call","type":"CALLS","class":"CONSULT","source":{"id":"person:ana-vela"},"target":{"name":"Tomas Reyn"},
				"title":null,"date":"2025-05-19","dateText":"on Monday","status":"planned","claimedBy":null,"confidence":0.9,
				"event":{"id":"event:call","type":"CONSULT","label":"call","mode":"phone","date":"2025-05-19","status":"planned","place":null,"killed":null,"injured":null,
				"participants":[{"entity":{"id":"person:ana-vela"},"role":"SOURCE"},{"entity":{"id":"person:tomas-reyn"},"role":"TARGET"}]},
				"article":{"id":"article:fixture","published":"2025-05-17"},
				"evidence":[{"article":{"id":"article:fixture"},"text":%q,"start":0,"end":%d}]}]}}}`, callSentence, len(callSentence)),
		},
		{
			name:  "relations default to both directions, sorted by id",
			query: `{ entity(id: "person:ana-vela") { relations { nodes { id type target { id } } } } }`,
			want:  `{"entity":{"relations":{"nodes":[{"id":"rel:call","type":"CALLS","target":{"id":"person:tomas-reyn"}},{"id":"rel:leader","type":"LEADER_OF","target":{"id":"country:NL"}}]}}}`,
		},
		{
			name:  "incoming relations",
			query: `{ entity(id: "country:NL") { relations(direction: IN) { nodes { type title source { name } } } } }`,
			want:  `{"entity":{"relations":{"nodes":[{"type":"LEADER_OF","title":"President","source":{"name":"Ana Vela"}}]}}}`,
		},
		{
			name:  "event with place and casualties",
			query: `{ entity(id: "country:SD") { relations(types: ["STRUCK"]) { nodes { date event { label place { name } killed injured } } } } }`,
			want:  `{"entity":{"relations":{"nodes":[{"date":"2025-05-17","event":{"label":"drone strike","place":{"name":"Port Amar"},"killed":4,"injured":null}}]}}}`,
		},
		{
			name:  "search finds an exact name",
			query: `{ search(text: "sudria") { entity { id } score } }`,
			want:  `{"search":[{"entity":{"id":"country:SD"},"score":1}]}`,
		},
		{
			name:  "entities by kind",
			query: `{ entities(where: {kinds: [PERSON]}) { nodes { name } totalCount } }`,
			want:  `{"entities":{"nodes":[{"name":"Ana Vela"},{"name":"Tomas Reyn"}],"totalCount":2}}`,
		},
		{
			name:  "entities first 0 is empty but counts",
			query: `{ entities(first: 0) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
			want:  `{"entities":{"edges":[],"pageInfo":{"hasNextPage":true,"endCursor":null},"totalCount":5}}`,
		},
		{
			name:  "entities first caps the page, sorted by id",
			query: `{ entities(first: 2) { nodes { id } pageInfo { hasNextPage } } }`,
			want:  `{"entities":{"nodes":[{"id":"city:port-amar"},{"id":"country:NL"}],"pageInfo":{"hasNextPage":true}}}`,
		},
		{
			name:  "article by id",
			query: `{ article(id: "article:fixture") { id title source published sha256 } missing: article(id: "article:none") { id } }`,
			want:  `{"article":{"id":"article:fixture","title":"Vela to call Reyn","source":null,"published":"2025-05-17","sha256":"abc123"},"missing":null}`,
		},
		{
			name:  "neighborhood depth 1",
			query: `{ neighborhood(id: "person:ana-vela") { nodes { id label kind } edges { id source target type class date status } } }`,
			want: `{"neighborhood":{"nodes":[{"id":"country:NL","label":"Norland","kind":"COUNTRY"},{"id":"person:ana-vela","label":"Ana Vela","kind":"PERSON"},{"id":"person:tomas-reyn","label":"Tomas Reyn","kind":"PERSON"}],
				"edges":[{"id":"rel:call","source":"person:ana-vela","target":"person:tomas-reyn","type":"CALLS","class":"CONSULT","date":"2025-05-19","status":"planned"},
				{"id":"rel:leader","source":"person:ana-vela","target":"country:NL","type":"LEADER_OF","class":"STRUCTURAL","date":null,"status":null}]}}`,
		},
		{
			name:  "neighborhood filtered by type and limited",
			query: `{ neighborhood(id: "person:ana-vela", depth: 2, types: ["CALLS", "STRUCK"], limit: 1) { nodes { id } edges { id } } }`,
			want:  `{"neighborhood":{"nodes":[{"id":"person:ana-vela"},{"id":"person:tomas-reyn"}],"edges":[{"id":"rel:call"}]}}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var opts []client.Option
			for k, v := range tc.vars {
				opts = append(opts, client.Var(k, v))
			}
			got, errs := query(t, c, tc.query, opts...)
			if len(errs) > 0 {
				t.Fatalf("errors: got %+v, want none", errs)
			}
			if want := canonical(t, tc.want); got != want {
				t.Errorf("data:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// nested returns a valid query whose fields nest depth levels deep.
func nested(depth int) string {
	// entity{ relations{ nodes{ source{ relations{ ... id } } } } }: one
	// level per field.
	fields := []string{"relations", "nodes", "source"}
	var b strings.Builder
	b.WriteString(`{ entity(name: "Vela") {`)
	open := 1
	for open < depth-1 {
		b.WriteString(" " + fields[(open-1)%len(fields)] + " {")
		open++
	}
	if (open-2)%len(fields) == 0 { // inside a connection
		b.WriteString(" totalCount")
	} else {
		b.WriteString(" id")
	}
	b.WriteString(strings.Repeat(" }", open))
	b.WriteString(" }")
	return b.String()
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func selectionDepthOf(t testing.TB, q string) int {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		t.Fatalf("parse %q: %v", q, err)
	}
	return selectionDepth(doc.Operations[0].SelectionSet, map[string]bool{})
}

func TestNestedHelper(t *testing.T) {
	// The depth test is only as good as the helper's count.
	if got := selectionDepthOf(t, nested(20)); got != 20 {
		t.Errorf("depth of nested(20): got %d, want 20", got)
	}
}

func TestErrors(t *testing.T) {
	c, _ := newClient(t, fixtureStore(t))
	tests := []struct {
		name     string
		query    string
		wantCode string
		wantMsg  string // substring
	}{
		{"entity without arguments", `{ entity { id } }`, CodeBadUserInput, "exactly one of id and name"},
		{"entity with both arguments", `{ entity(id: "x", name: "y") { id } }`, CodeBadUserInput, "exactly one of id and name"},
		{"first above the cap", `{ entities(first: 1000000) { nodes { id } } }`, CodeBadUserInput, "entities: first must be between 0 and 100, got 1000000"},
		{"negative first", `{ entities(first: -1) { nodes { id } } }`, CodeBadUserInput, "entities: first must be between 0 and 100"},
		{"unknown relation type", `{ entity(name: "Vela") { relations(types: ["CALLED"]) { totalCount } } }`, CodeBadUserInput, `unknown relation type "CALLED"; valid types are ACCUSED, AGREED_WITH,`},
		{"unknown neighbourhood type", `{ neighborhood(id: "person:ana-vela", types: ["HUGS"]) { nodes { id } } }`, CodeBadUserInput, `unknown relation type "HUGS"`},
		{"neighbourhood of an unknown entity", `{ neighborhood(id: "person:nobody") { nodes { id } } }`, CodeNotFound, `no entity with id "person:nobody"`},
		{"neighbourhood too deep", `{ neighborhood(id: "person:ana-vela", depth: 4) { nodes { id } } }`, CodeBadUserInput, "depth must be between 1 and 3, got 4"},
		{"neighbourhood limit 0", `{ neighborhood(id: "person:ana-vela", limit: 0) { nodes { id } } }`, CodeBadUserInput, "limit must be between 1 and 1000, got 0"},
		{"neighbourhood limit too big", `{ neighborhood(id: "person:ana-vela", limit: 5000) { nodes { id } } }`, CodeBadUserInput, "limit must be between 1 and 1000, got 5000"},
		{"query nested 20 deep", nested(20), "QUERY_TOO_DEEP", "query is nested 20 levels deep, more than the limit of 10"},
		{"too complex", `{ entities(first: 100) { nodes { relations { nodes { source { relations { nodes { target { id } } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED", "exceeds the limit of 25000"},
		{"unknown field", `{ entity(name: "Vela") { nickname } }`, "GRAPHQL_VALIDATION_FAILED", `Cannot query field "nickname" on type "Entity"`},
		{"bad enum", `{ entities(where: {kinds: [DOG]}) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED", "DOG"},
		{"syntax error", `{ entity(name: "Vela") { id }`, "GRAPHQL_PARSE_FAILED", "Expected"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := query(t, c, tc.query)
			if len(errs) != 1 {
				t.Fatalf("errors: got %+v, want one", errs)
			}
			if got := errs[0].Extensions["code"]; got != tc.wantCode {
				t.Errorf("code: got %v, want %s (message %q)", got, tc.wantCode, errs[0].Message)
			}
			if !strings.Contains(errs[0].Message, tc.wantMsg) {
				t.Errorf("message: got %q, want it to contain %q", errs[0].Message, tc.wantMsg)
			}
		})
	}
}

func TestDepthLimitIgnoresIntrospection(t *testing.T) {
	c, _ := newClient(t, fixtureStore(t))
	// GraphiQL's type references nest well past MaxQueryDepth.
	q := `{ __schema { types { name fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`
	got, errs := query(t, c, q)
	if len(errs) > 0 {
		t.Fatalf("errors: got %+v, want none", errs)
	}
	if !strings.Contains(got, `"name":"Entity"`) {
		t.Errorf("introspection: got %.200s..., want the Entity type listed", got)
	}
}

func TestIntrospectionOff(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	c := client.New(NewHandler(Options{Store: fixtureStore(t), Logger: logger}))
	for _, q := range []string{
		`{ __schema { types { name } } }`,
		`{ ...f } fragment f on Query { __type(name: "Entity") { name } }`,
	} {
		_, errs := query(t, c, q)
		if len(errs) != 1 || errs[0].Extensions["code"] != "INTROSPECTION_DISABLED" {
			t.Errorf("%s: errors: got %+v, want INTROSPECTION_DISABLED", q, errs)
		}
	}
	// __typename is not introspection: clients such as Apollo add it everywhere.
	if got, errs := query(t, c, `{ entity(name: "Vela") { __typename id } }`); len(errs) > 0 || got != `{"entity":{"__typename":"Entity","id":"person:ana-vela"}}` {
		t.Errorf("__typename: got %s %+v, want it answered", got, errs)
	}
}

func TestAutomaticPersistedQuery(t *testing.T) {
	c, _ := newClient(t, fixtureStore(t))
	const q = `{ entity(name: "Reyn") { id } }`
	wrongHash := sha256Hex("{ __typename }")
	ext := func(h string) client.Option {
		return client.Extensions(map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": h}})
	}
	// Unknown hash without the query: the client is asked to send it.
	if _, errs := query(t, c, "", ext(sha256Hex(q))); len(errs) != 1 || errs[0].Message != "PersistedQueryNotFound" {
		t.Fatalf("hash only, first time: got %+v, want PersistedQueryNotFound", errs)
	}
	// Query and hash together register it...
	if got, errs := query(t, c, q, ext(sha256Hex(q))); len(errs) > 0 || got != `{"entity":{"id":"person:tomas-reyn"}}` {
		t.Fatalf("query and hash: got %s %+v, want the entity", got, errs)
	}
	// ...so the hash alone now works.
	if got, errs := query(t, c, "", ext(sha256Hex(q))); len(errs) > 0 || got != `{"entity":{"id":"person:tomas-reyn"}}` {
		t.Fatalf("hash only, second time: got %s %+v, want the entity", got, errs)
	}
	// A hash that does not match the query is refused.
	if _, errs := query(t, c, q, ext(wrongHash)); len(errs) != 1 {
		t.Fatalf("mismatched hash: got %+v, want one error", errs)
	}
}

// failingStore fails every read with an error full of backend detail that
// must never reach a client.
type failingStore struct{ graph.Store }

var errBackend = errors.New("neo4j: ConnectivityError: bolt://db:7687 MATCH (e:Entity {secret: $p})")

func (failingStore) FindEntity(context.Context, string) (graph.Entity, error) {
	return graph.Entity{}, errBackend
}

func (failingStore) Relations(context.Context, graph.RelationFilter) ([]graph.Relation, error) {
	return nil, fmt.Errorf("relations: %w", errBackend)
}

func (failingStore) Entities(context.Context, []string) ([]graph.Entity, error) {
	return nil, errBackend
}

func TestInternalErrorsAreHidden(t *testing.T) {
	c, logs := newClient(t, failingStore{fixtureStore(t)})
	for _, q := range []string{
		`{ entity(name: "Vela") { id } }`,
		`{ entity(id: "person:ana-vela") { id } }`,
	} {
		got, errs := query(t, c, q)
		if got != `{"entity":null}` {
			t.Errorf("%s: data: got %s, want entity null", q, got)
		}
		if len(errs) != 1 || errs[0].Message != "internal error" || errs[0].Extensions["code"] != CodeInternal {
			t.Errorf("%s: errors: got %+v, want one internal error", q, errs)
		}
		for _, e := range errs {
			if strings.Contains(fmt.Sprint(e), "bolt") || strings.Contains(fmt.Sprint(e), "MATCH") {
				t.Errorf("%s: error leaks backend detail: %+v", q, e)
			}
		}
	}
	if !strings.Contains(logs.String(), "MATCH (e:Entity") {
		t.Errorf("log: got %q, want the backend error logged", logs.String())
	}
}

// countingStore records the id lists of batch reads.
type countingStore struct {
	graph.Store
	mu                        sync.Mutex
	entities, events, article [][]string
}

func (s *countingStore) Entities(ctx context.Context, ids []string) ([]graph.Entity, error) {
	s.mu.Lock()
	s.entities = append(s.entities, ids)
	s.mu.Unlock()
	return s.Store.Entities(ctx, ids)
}

func (s *countingStore) Events(ctx context.Context, ids []string) ([]graph.Event, error) {
	s.mu.Lock()
	s.events = append(s.events, ids)
	s.mu.Unlock()
	return s.Store.Events(ctx, ids)
}

func (s *countingStore) Articles(ctx context.Context, ids []string) ([]graph.Article, error) {
	s.mu.Lock()
	s.article = append(s.article, ids)
	s.mu.Unlock()
	return s.Store.Articles(ctx, ids)
}

func TestDataloadersBatch(t *testing.T) {
	s := &countingStore{Store: fixtureStore(t)}
	c, _ := newClient(t, s)
	// Every entity's relations, each with both endpoints, its event and its
	// article: 5 entities x their relations would be dozens of lookups
	// one by one. The article's title, since an id alone is answered
	// with no lookup.
	_, errs := query(t, c, `{ entities(first: 100) { nodes { relations { nodes { source { id } target { id } event { id } article { id title } } } } } }`)
	if len(errs) > 0 {
		t.Fatalf("errors: got %+v, want none", errs)
	}
	tests := []struct {
		name  string
		calls [][]string
		want  []string
	}{
		{"entities", s.entities, []string{"city:port-amar", "country:NL", "country:SD", "person:ana-vela", "person:tomas-reyn"}},
		{"events", s.events, []string{"event:call", "event:strike"}},
		{"articles", s.article, []string{"article:fixture"}},
	}
	for _, tc := range tests {
		if len(tc.calls) != 1 {
			t.Errorf("%s: got %d store calls %q, want 1", tc.name, len(tc.calls), tc.calls)
			continue
		}
		got := append([]string(nil), tc.calls[0]...)
		slices.Sort(got)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: got ids %q, want each id once: %q", tc.name, got, tc.want)
		}
	}
}
