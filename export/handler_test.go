package export

import (
	"net/http/httptest"
	"strings"
	"testing"
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
