package resolvers

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// FuzzRequest sends arbitrary bodies and query strings through the whole
// GraphQL request path (transports, parser, validation, limits, resolvers
// over the fixture): whatever arrives, the answer is a JSON response and
// never a server error. scripts/test.sh fuzzes it briefly; for real:
// go test ./resolvers -run '^$' -fuzz FuzzRequest -fuzztime 10m
func FuzzRequest(f *testing.F) {
	for _, s := range []string{
		`{"query":"{ entity(name: \"Ana Vela\") { id name relations { nodes { type target { name } } } } }"}`,
		`{"query":"{ path(from: \"person:tomas-reyn\", to: \"country:NL\", maxHops: 4) { length } }"}`,
		`{"query":"{ neighborhood(id: \"country:NL\", depth: 3, limit: 1000) { nodes { id } edges { id } } }"}`,
		`{"query":"query($n: String!) { search(text: $n) { entity { id } } }","variables":{"n":"Vela~2"}}`,
		`{"query":"{ stats { entities topEntities { entity { id } degree } } }"}`,
		`{"query":"mutation { ingestArticle(input: {text: \"x\"}) { created } }"}`,
		`{"query":"{ entity(name: \"\ud800\") { id } }"}`,
		"{\"query\":\"{ entity(name: \\\"\xff\\\") { id } }\"}",
		`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}`,
		`{"query":"{ ...F } fragment F on Query { ...F }"}`,
		`{"query":"` + strings.Repeat("{ a: entity(name: \\\"x\\\") { id } ", 3) + `"}`,
		`{"query":"{ entities(first: 100) { nodes { relations { nodes { source { relations { nodes { target { id } } } } } } } } }"}`,
		`[1, 2]`, `null`, `{"query": 5}`, ``,
	} {
		f.Add(s, "")
	}
	f.Add("", "query=%7B+entity(name:+%22Ana+Vela%22)+%7B+id+%7D+%7D")
	f.Add("", "query=%FF")
	h := newHandler(Options{Store: fixtureStore(f), Logger: slog.New(slog.DiscardHandler), Extract: loaderExtract(f), Token: "t"}, time.Millisecond)
	f.Fuzz(func(t *testing.T, body, rawQuery string) {
		var r *http.Request
		if rawQuery != "" {
			r = httptest.NewRequest(http.MethodGet, "/graphql", nil)
			r.URL.RawQuery = rawQuery
		} else {
			r = httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
		}
		r.Header.Set("Authorization", "Bearer t")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("got %d %s", w.Code, w.Body)
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/") {
			t.Fatalf("got Content-Type %q, want JSON", ct)
		}
	})
}
