package web

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		wantStatus   int
		wantType     string // prefix
		wantBody     string // substring
	}{
		{"GET", "/explore", 200, "text/html", "<title>geokg explorer</title>"},
		{"GET", "/explore/", 200, "text/html", `id="search"`},
		{"HEAD", "/explore", 200, "text/html", ""},
		{"GET", "/explore/app.js", 200, "text/javascript", "window.cy = cy"},
		{"GET", "/explore/style.css", 200, "text/css", "#cy"},
		{"GET", "/explore/vendor/cytoscape.min.js", 200, "text/javascript", "Cytoscape Consortium"},
		{"GET", "/explore/vendor/cytoscape.LICENSE", 200, "", "Permission is hereby granted"},
		{"GET", "/explore/nope.js", 404, "", ""},
		{"GET", "/explore/vendor/", 404, "", ""},
		{"GET", "/elsewhere", 404, "", ""},
		{"POST", "/explore", 405, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			rec := get(t, h, tc.method, tc.path)
			if rec.Code != tc.wantStatus {
				t.Fatalf("got status %d, want %d", rec.Code, tc.wantStatus)
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tc.wantType) {
				t.Errorf("got Content-Type %q, want prefix %q", got, tc.wantType)
			}
			if !strings.Contains(rec.Body.String(), tc.wantBody) {
				t.Errorf("body does not contain %q", tc.wantBody)
			}
			if tc.wantStatus == 200 && !strings.Contains(rec.Header().Get("Content-Security-Policy"), "default-src 'none'") {
				t.Errorf("got CSP %q, want one that defaults to none", rec.Header().Get("Content-Security-Policy"))
			}
		})
	}
}

// TestPageAssetsExist fetches every script and stylesheet the page names, so
// a renamed file cannot leave the page half loaded, and checks none is
// fetched from another origin.
func TestPageAssetsExist(t *testing.T) {
	h := Handler()
	page := get(t, h, "GET", "/explore").Body.String()
	refs := regexp.MustCompile(`(?:src|href)="([^"#]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 3 {
		t.Fatalf("got %d asset references, want at least 3 (style, cytoscape, app)", len(refs))
	}
	for _, m := range refs {
		ref := m[1]
		if strings.HasPrefix(ref, "/export") || ref == "data:," {
			continue // served by the export package; the empty favicon
		}
		if !strings.HasPrefix(ref, Prefix+"/") {
			t.Errorf("asset %q is not served from %s/ (no CDNs, no relative paths)", ref, Prefix)
			continue
		}
		if rec := get(t, h, "GET", ref); rec.Code != 200 {
			t.Errorf("asset %s: got status %d, want 200", ref, rec.Code)
		}
	}
}
