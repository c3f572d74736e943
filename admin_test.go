package main

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/internal/metrics"
)

func TestAdminMetricsAndPprof(t *testing.T) {
	m := metrics.New()
	mux := newMux(memory.New(), nil, serveConfig{timeout: defaultTimeout, introspection: true}, m, slog.New(slog.DiscardHandler))
	for _, q := range []string{`{"query":"{ stats { entities } }"}`, `{"query":"{ path(from: \"x\", to: \"y\") { length } }"}`} {
		r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(q))
		r.Header.Set("Content-Type", "application/json")
		mux.ServeHTTP(httptest.NewRecorder(), r)
	}
	m.Loaded(nil)
	admin := metrics.Mux(m)
	w := httptest.NewRecorder()
	admin.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := w.Body.String()
	for _, want := range []string{
		`geokg_http_requests_total{code="200",handler="graphql"} 2`,
		`geokg_graphql_operation_duration_seconds_count{failed="false",operation="query.stats"} 1`,
		`geokg_graphql_operation_duration_seconds_count{failed="true",operation="query.path"} 1`,
		`geokg_graphql_errors_total{code="NOT_FOUND"} 1`,
		`geokg_cache_entries{cache="query"} 2`,
		`geokg_expensive_operations_in_flight 0`,
		`geokg_articles_loaded_total{result="ok"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	w = httptest.NewRecorder()
	admin.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/debug/pprof/", nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "heap") {
		t.Errorf("/debug/pprof/: got %d, want the profile index", w.Code)
	}
}
