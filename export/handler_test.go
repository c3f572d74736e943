package export

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestHandler(t *testing.T) {
	h := Handler(newStore(t), nil)
	tests := []struct {
		name, method, url string
		wantStatus        int
		wantType          string
		wantBody          string // substring
	}{
		{"graphml", "GET", "/export?format=graphml", 200, "application/graphml+xml; charset=utf-8", `<edge id="rel:1-calls"`},
		{"json is the default", "GET", "/export", 200, "application/json; charset=utf-8", `"multigraph": true`},
		{"csv neighbourhood", "GET", "/export?format=CSV&id=country:SD", 200, "text/csv; charset=utf-8", "Sudria,city:port-amar"},
		{"types filter", "GET", "/export?format=csv&types=calls,+leader_of", 200, "text/csv; charset=utf-8", "rel:3-leader"},
		{"by name", "GET", "/export?format=json&name=Reyn&depth=1", 200, "application/json; charset=utf-8", `"rel:2-accused"`},
		{"bad format", "GET", "/export?format=pdf", 400, "", "export format"},
		{"bad depth", "GET", "/export?depth=two", 400, "", "depth must be"},
		{"depth over the GraphQL limit is refused, not clamped", "GET", "/export?id=country:SD&depth=99", 400, "", "depth must be between 1 and 3, got 99"},
		{"depth 0 is refused as GraphQL refuses it", "GET", "/export?id=country:SD&depth=0", 400, "", "depth must be between 1 and 3, got 0"},
		{"negative limit", "GET", "/export?limit=-3", 400, "", "limit must be"},
		{"bad type", "GET", "/export?types=LIKES", 400, "", "LIKES"},
		{"unknown entity", "GET", "/export?id=person:nobody", 404, "", "entity not found"},
		{"post", "POST", "/export", 405, "", "method not allowed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.url, nil))
			if rec.Code != tc.wantStatus {
				t.Fatalf("got status %d, want %d (%s)", rec.Code, tc.wantStatus, rec.Body.String())
			}
			if tc.wantType != "" {
				if got := rec.Header().Get("Content-Type"); got != tc.wantType {
					t.Errorf("got Content-Type %q, want %q", got, tc.wantType)
				}
				if got := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(got, "attachment; filename=\"geokg") {
					t.Errorf("got Content-Disposition %q, want an attachment named geokg...", got)
				}
			}
			if !strings.Contains(rec.Body.String(), tc.wantBody) {
				t.Errorf("got body %q, want it to contain %q", rec.Body.String(), tc.wantBody)
			}
		})
	}
}

func TestHandlerTypesFilter(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(newStore(t), nil).ServeHTTP(rec, httptest.NewRequest("GET", "/export?format=csv&types=calls,leader_of", nil))
	if got, want := strings.Count(rec.Body.String(), "\n"), 3; got != want {
		t.Errorf("got %d lines, want %d (header + CALLS + LEADER_OF)", got, want)
	}
}

func TestFilename(t *testing.T) {
	tests := []struct {
		q    Query
		want string
	}{
		{Query{}, "geokg"},
		{Query{ID: "person:ana-vela"}, "geokg-person-ana-vela"},
		{Query{Name: `Evil"; x=1`}, "geokg-evil---x-1"},
	}
	for _, tc := range tests {
		if got := filename(tc.q); got != tc.want {
			t.Errorf("filename(%+v): got %q, want %q", tc.q, got, tc.want)
		}
	}
}

// failingStore fails every ListEntities call after the first ok ones.
type failingStore struct {
	graph.Store
	ok    int
	calls atomic.Int64
}

func (s *failingStore) ListEntities(ctx context.Context, q graph.EntityQuery) ([]graph.Entity, int, error) {
	if s.calls.Add(1) > int64(s.ok) {
		return nil, 0, errors.New("bolt: connection reset")
	}
	return s.Store.ListEntities(ctx, q)
}

// TestHandlerStreams: the whole graph streams, without Content-Length; a
// store failure before the first byte is a 500, one midway cuts the
// response off so the client cannot take it for a whole file; HEAD gives
// the length GET sends.
func TestHandlerStreams(t *testing.T) {
	store := largeStore(t, 2500)
	srv := httptest.NewServer(Handler(store, nil))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/export?format=graphml")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET: got %d, %v, want 200 and the whole file", resp.StatusCode, err)
	}
	if resp.ContentLength != -1 {
		t.Errorf("GET: got Content-Length %d, want none (streamed)", resp.ContentLength)
	}
	head, err := http.Head(srv.URL + "/export?format=graphml")
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if head.ContentLength != int64(len(body)) {
		t.Errorf("HEAD: got Content-Length %d, want %d", head.ContentLength, len(body))
	}

	for _, tc := range []struct {
		name string
		ok   int
	}{{"first page fails", 0}, {"second page fails", 1}} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(Handler(&failingStore{Store: store, ok: tc.ok}, nil))
			defer srv.Close()
			resp, err := http.Get(srv.URL + "/export?format=graphml")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if tc.ok == 0 {
				if resp.StatusCode != 500 || string(body) != "export failed\n" {
					t.Errorf("got %d and %d bytes, want 500 export failed", resp.StatusCode, len(body))
				}
				return
			}
			if resp.StatusCode != 200 || err == nil {
				t.Errorf("got %d, read error %v after %d bytes, want 200 cut off by an error", resp.StatusCode, err, len(body))
			}
		})
	}
}
