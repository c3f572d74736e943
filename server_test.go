package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// addrWatcher is run's stderr in server tests: it passes log lines through to
// the test log and hands over the address from the "listening" record.
type addrWatcher struct {
	t    testing.TB
	once sync.Once
	addr chan string
}

func (w *addrWatcher) Write(p []byte) (int, error) {
	// slog handlers write one whole record per Write.
	var rec struct {
		Msg  string `json:"msg"`
		Addr string `json:"addr"`
	}
	if json.Unmarshal(p, &rec) == nil && rec.Msg == "listening" {
		w.once.Do(func() { w.addr <- rec.Addr })
	}
	w.t.Logf("server: %s", bytes.TrimRight(p, "\n"))
	return len(p), nil
}

// startServer runs `geokg serve` on a free loopback port with env as its
// environment and returns the base URL; the server stops, and must stop
// cleanly, when the test ends.
func startServer(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	base, stop := serveInProcess(t, env, args...)
	t.Cleanup(stop)
	return base
}

// serveInProcess is startServer with the stop in the caller's hands; stop
// may be called more than once.
func serveInProcess(t *testing.T, env map[string]string, args ...string) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	getenv := func(k string) string {
		if k == "GEOKG_LOG_FORMAT" {
			return "json"
		}
		return env[k]
	}
	w := &addrWatcher{t: t, addr: make(chan string, 1)}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), getenv, io.Discard, w)
	}()
	select {
	case addr := <-w.addr:
		var once sync.Once
		return "http://" + addr, func() {
			once.Do(func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("serve after shutdown: got %v, want nil", err)
				}
			})
		}
	case err := <-done:
		cancel()
		t.Fatalf("serve exited before listening: %v", err)
		return "", nil
	}
}

type httpResult struct {
	status int
	header http.Header
	body   string
}

// do sends one request; header holds extra header names and values, in
// pairs.
func do(t testing.TB, method, u, contentType string, body io.Reader, header ...string) httpResult {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatalf("request %s %s: %v", method, u, err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, u, err)
	}
	return httpResult{resp.StatusCode, resp.Header, string(b)}
}

func gqlBody(query string) io.Reader {
	b, _ := json.Marshal(map[string]string{"query": query})
	return bytes.NewReader(b)
}

// deepQuery nests fields depth levels deep, cycling through relations,
// nodes and source.
func deepQuery(depth int) string {
	fields := []string{"relations", "nodes", "source"}
	var b strings.Builder
	b.WriteString(`{ entity(name: "Trump") {`)
	for i := 2; i < depth; i++ {
		b.WriteString(" " + fields[(i-2)%len(fields)] + " {")
	}
	if depth > 2 && (depth-3)%len(fields) == 0 { // inside a connection
		b.WriteString(" totalCount")
	} else {
		b.WriteString(" id")
	}
	b.WriteString(strings.Repeat(" }", depth-1))
	b.WriteString(" }")
	return b.String()
}

func TestServeHTTP(t *testing.T) {
	base := startServer(t, nil)
	const trump = `{ entity(name: "Trump") { id name } }`
	const graphqlResponse = "application/graphql-response+json"
	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        io.Reader
		header      []string
		wantStatus  int
		wantType    string   // Content-Type media type; "" when any
		wantBody    []string // substrings
	}{
		{"POST query", "POST", "/graphql", "application/json", gqlBody(trump), nil,
			200, "application/json", []string{`{"data":{"entity":{"id":"person:donald-trump","name":"Donald Trump"}}}`}},
		{"POST accepting graphql-response+json", "POST", "/graphql", "application/json", gqlBody(trump), []string{"Accept", graphqlResponse},
			200, graphqlResponse, []string{`"name":"Donald Trump"`}},
		{"GET query", "GET", "/graphql?query=" + url.QueryEscape(trump), "", nil, nil,
			200, "application/json", []string{`"name":"Donald Trump"`}},
		{"GET mutation", "GET", "/graphql?query=" + url.QueryEscape(`mutation { deleteArticle(id: "x") { id } }`), "", nil, nil,
			405, "application/json", []string{"only queries may be sent with GET", "METHOD_NOT_ALLOWED"}},
		{"mutation with mutations off", "POST", "/graphql", "application/json", gqlBody(`mutation { deleteArticle(id: "x") { id } }`), nil,
			403, "application/json", []string{"mutations are disabled on this server: start it with GEOKG_API_TOKEN set", "FORBIDDEN"}},
		{"OPTIONS", "OPTIONS", "/graphql", "", nil, nil, 200, "", nil},
		{"playground", "GET", "/", "", nil, nil, 200, "text/html", []string{"<html", "/graphql"}},
		{"explorer", "GET", "/explore", "", nil, nil, 200, "", []string{"<html"}},
		{"export", "GET", "/export?format=json&name=Trump", "", nil, nil, 200, "", []string{"person:donald-trump"}},
		{"healthz", "GET", "/healthz", "", nil, nil, 200, "", []string{"ok"}},
		{"readyz", "GET", "/readyz", "", nil, nil, 200, "", []string{"ok"}},
		{"unknown path", "GET", "/nope", "", nil, nil, 404, "", nil},
		{"query nested 20 deep", "POST", "/graphql", "application/json", gqlBody(deepQuery(20)), nil,
			200, "application/json", []string{`{"errors":[{"message":"query is nested 20 levels deep, more than the limit of 10","extensions":{"code":"QUERY_TOO_DEEP"}}]}`}},
		{"query nested 20 deep, graphql-response+json", "POST", "/graphql", "application/json", gqlBody(deepQuery(20)), []string{"Accept", graphqlResponse},
			400, graphqlResponse, []string{"nested 20 levels deep, more than the limit of 10", "QUERY_TOO_DEEP"}},
		{"too complex", "POST", "/graphql", "application/json",
			gqlBody(`{ entities(first: 100) { nodes { relations { nodes { source { relations { nodes { target { id } } } } } } } } }`), nil,
			200, "application/json", []string{"exceeds the limit of 25000", "COMPLEXITY_LIMIT_EXCEEDED"}},
		{"a million entities", "POST", "/graphql", "application/json", gqlBody(`{ entities(first: 1000000) { nodes { id } } }`), nil,
			200, "application/json", []string{"entities: first must be between 0 and 100, got 1000000", "BAD_USER_INPUT"}},
		{"a million relations", "POST", "/graphql", "application/json", gqlBody(`{ relations(first: 1000000) { nodes { id } } }`), nil,
			200, "application/json", []string{"relations: first must be between 0 and 100, got 1000000", "BAD_USER_INPUT"}},
		{"body over 2 MiB", "POST", "/graphql", "application/json",
			gqlBody(`{ entity(name: "` + strings.Repeat("x", maxBodyBytes) + `") { id } }`), nil,
			413, "application/json", []string{"larger than the 2097152-byte limit"}},
		{"chunked body over 2 MiB", "POST", "/graphql", "application/json",
			io.MultiReader(strings.NewReader(`{"query":"`), strings.NewReader(strings.Repeat(" ", maxBodyBytes)), strings.NewReader(`{ __typename }"}`)), nil,
			413, "application/json", []string{"larger than the 2097152-byte limit"}},
		{"malformed JSON", "POST", "/graphql", "application/json", strings.NewReader(`{"query": "{ entity`), nil,
			400, "application/json", []string{"the request body is not a GraphQL request: malformed JSON"}},
		{"no query", "POST", "/graphql", "application/json", strings.NewReader(`{"variables": {}}`), nil,
			400, "application/json", []string{"the request has no query"}},
		{"query of the wrong type", "POST", "/graphql", "application/json", strings.NewReader(`{"query": {"a": 1}}`), nil,
			400, "application/json", []string{"query has the wrong type"}},
		{"unknown field", "POST", "/graphql", "application/json", gqlBody(`{ entity(name: "Trump") { nickname } }`), nil,
			200, "application/json", []string{`Cannot query field \"nickname\" on type \"Entity\"`, "GRAPHQL_VALIDATION_FAILED"}},
		{"wrong content type", "POST", "/graphql", "text/plain", strings.NewReader("{}"), nil,
			415, "application/json", []string{"POST bodies must be JSON, sent with Content-Type: application/json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := do(t, tc.method, base+tc.path, tc.contentType, tc.body, tc.header...)
			if got.status != tc.wantStatus {
				t.Errorf("status: got %d, want %d (body %.300s)", got.status, tc.wantStatus, got.body)
			}
			if mt, _, _ := mime.ParseMediaType(got.header.Get("Content-Type")); tc.wantType != "" && mt != tc.wantType {
				t.Errorf("content type: got %q, want %s", got.header.Get("Content-Type"), tc.wantType)
			}
			for _, want := range tc.wantBody {
				if !strings.Contains(got.body, want) {
					t.Errorf("body: got %.300s, want it to contain %q", got.body, want)
				}
			}
		})
	}
}

func TestServeNoSeedAndArticlesFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "---\ntitle: Drills\npublished: 2025-06-02\n---\nChina held military drills around Taiwan on Monday.\n")
	base := startServer(t, nil, "--no-seed", "--articles", dir)
	got := do(t, "POST", base+"/graphql", "application/json",
		gqlBody(`{ trump: entity(name: "Trump") { id } articles: entities(where: {nameContains: "Taiwan"}) { nodes { name } } }`))
	if got.status != 200 || !strings.Contains(got.body, `"trump":null`) || !strings.Contains(got.body, `{"name":"Taiwan"}`) {
		t.Errorf("got %d %s, want no seed entities and Taiwan from the folder", got.status, got.body)
	}
}

func TestServeIntrospectionOff(t *testing.T) {
	base := startServer(t, map[string]string{"GEOKG_INTROSPECTION": "false"})
	got := do(t, "POST", base+"/graphql", "application/json", gqlBody(`{ __schema { types { name } } }`))
	if !strings.Contains(got.body, "INTROSPECTION_DISABLED") {
		t.Errorf("got %d %s, want INTROSPECTION_DISABLED", got.status, got.body)
	}
}

// unreachableStore fails every read, as a store whose server is down does.
type unreachableStore struct{ graph.Store }

func (unreachableStore) Articles(context.Context, []string) ([]graph.Article, error) {
	return nil, errors.New("connection refused")
}

func TestReadyz(t *testing.T) {
	tests := []struct {
		name  string
		store graph.Store
		want  int
	}{
		{"store answers", memory.New(), http.StatusOK},
		{"store down", unreachableStore{memory.New()}, http.StatusServiceUnavailable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mux := newMux(tc.store, nil, serveConfig{timeout: defaultTimeout, introspection: true}, nil, slog.New(slog.DiscardHandler))
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
			if rec.Code != tc.want {
				t.Errorf("status: got %d, want %d", rec.Code, tc.want)
			}
		})
	}
}

// slowStore blocks reads until the request's context ends, as a stuck
// database would.
type slowStore struct{ graph.Store }

func (slowStore) FindEntity(ctx context.Context, _ string) (graph.Entity, error) {
	<-ctx.Done()
	return graph.Entity{}, ctx.Err()
}

func TestRequestTimeout(t *testing.T) {
	mux := newMux(slowStore{memory.New()}, nil, serveConfig{timeout: time.Millisecond, introspection: true}, nil, slog.New(slog.DiscardHandler))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/graphql", gqlBody(`{ entity(name: "Trump") { id } }`))
	req.Header.Set("Content-Type", "application/json")
	mux.ServeHTTP(rec, req)
	if body := rec.Body.String(); !strings.Contains(body, `"message":"request timed out"`) || !strings.Contains(body, `"code":"TIMEOUT"`) {
		t.Errorf("body: got %s, want a TIMEOUT error", body)
	}
}

func TestServeStoreUnreachable(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}
	err := run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0"}, func(k string) string { return env[k] }, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "cannot reach bolt://127.0.0.1:1") {
		t.Errorf("serve with Neo4j down: got %v, want cannot reach", err)
	}
}

// TestExplorerQueries runs the GraphQL the explorer page sends against the
// real server, so a schema change that breaks the page fails here.
func TestExplorerQueries(t *testing.T) {
	js, err := os.ReadFile("web/static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	queries := regexp.MustCompile("(?s)const (Q_[A-Z_]+) = `(.*?)`;").FindAllStringSubmatch(string(js), -1)
	if len(queries) == 0 {
		t.Fatal("found no Q_* queries in web/static/app.js")
	}
	base := startServer(t, nil)
	// Every variable any of the queries declares; unused ones are ignored.
	vars := map[string]any{"s": "Trump", "id": "person:donald-trump", "depth": 3, "limit": 1000,
		"source": "person:donald-trump", "target": "person:vladimir-putin", "types": []string{"CALLS"},
		"from": "person:vladimir-putin", "to": "city:712559", "maxHops": 4}
	for _, q := range queries {
		t.Run(q[1], func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": q[2], "variables": vars})
			got := do(t, "POST", base+"/graphql", "application/json", bytes.NewReader(body))
			if got.status != 200 || strings.Contains(got.body, `"errors"`) {
				t.Errorf("got %d %.400s, want data and no errors", got.status, got.body)
			}
		})
	}
}
