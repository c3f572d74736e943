package web

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestPlaygroundOffline checks GraphiQL loads nothing from outside the
// server and that every asset it loads passes its integrity check.
func TestPlaygroundOffline(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", Playground("/graphql"))
	mux.Handle("GET "+PlaygroundAssets, PlaygroundFiles())
	page := get(t, mux, "GET", "/")
	if page.Code != 200 || !strings.Contains(page.Body.String(), "GraphiQL") && !strings.Contains(page.Body.String(), "graphiql") {
		t.Fatalf("GET /: got %d %.200s, want the GraphiQL page", page.Code, page.Body.String())
	}
	refs := regexp.MustCompile(`(?s)(?:src|href)="([^"]+)"\s+integrity="([^"]+)"`).FindAllStringSubmatch(page.Body.String(), -1)
	if len(refs) != 4 {
		t.Fatalf("page: got %d assets with integrity hashes, want 4 (GraphiQL js and css, React, ReactDOM)", len(refs))
	}
	if strings.Contains(page.Body.String(), "https://cdn") || strings.Contains(page.Body.String(), "unpkg.com") {
		t.Errorf("page still names a CDN")
	}
	for _, ref := range refs {
		u, integrity := html.UnescapeString(ref[1]), html.UnescapeString(ref[2])
		if !strings.HasPrefix(u, PlaygroundAssets) {
			t.Errorf("asset %s: want it under %s", u, PlaygroundAssets)
			continue
		}
		got := get(t, mux, "GET", u)
		sum := sha256.Sum256(got.Body.Bytes())
		if want := "sha256-" + base64.StdEncoding.EncodeToString(sum[:]); got.Code != 200 || integrity != want {
			t.Errorf("asset %s: got %d with hash %s, want 200 matching integrity %s", u, got.Code, want, integrity)
		}
	}
	if lic := get(t, mux, "GET", PlaygroundAssets+"graphiql.LICENSE"); lic.Code != 200 || !strings.Contains(lic.Body.String(), "MIT License") {
		t.Errorf("GraphiQL licence: got %d, want it served", lic.Code)
	}
}
