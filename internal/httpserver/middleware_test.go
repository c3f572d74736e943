package httpserver

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/export"
)

func TestClientLimiter(t *testing.T) {
	now := time.Unix(0, 0)
	l := NewClientLimiter(2, 3)
	l.now = func() time.Time { return now }
	h := l.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	send := func(addr string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", "/graphql", nil)
		r.RemoteAddr = addr
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	for i := range 3 {
		if w := send("10.0.0.1:1000"); w.Code != http.StatusOK {
			t.Fatalf("request %d within the burst: got %d, want 200", i+1, w.Code)
		}
	}
	w := send("10.0.0.1:1001") // another port, same client
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "1" {
		t.Errorf("over the burst: got %d Retry-After %q, want 429 with Retry-After 1", w.Code, w.Header().Get("Retry-After"))
	}
	if w := send("10.0.0.2:1000"); w.Code != http.StatusOK {
		t.Errorf("another client: got %d, want 200", w.Code)
	}
	now = now.Add(500 * time.Millisecond) // one token back at 2/s
	if w := send("10.0.0.1:1000"); w.Code != http.StatusOK {
		t.Errorf("after the refill: got %d, want 200", w.Code)
	}
	if NewClientLimiter(0, 1) != nil {
		t.Errorf("rate 0: got a limiter, want none")
	}
}

func TestClientLimiterTableIsBounded(t *testing.T) {
	l := NewClientLimiter(1, 1)
	for i := range maxClients + 10 {
		l.reserve(string(rune(i)))
	}
	if n := len(l.clients); n > maxClients {
		t.Errorf("%d clients kept, want at most %d", n, maxClients)
	}
}

func TestOneWholeExportAtATime(t *testing.T) {
	started, finish := make(chan struct{}), make(chan struct{})
	h := OneAtATime(export.WholeGraph, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if export.WholeGraph(r) {
			started <- struct{}{}
			<-finish
		}
	}))
	var wg sync.WaitGroup
	wg.Go(func() { h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/export?format=graphml", nil)) })
	<-started
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/export?format=json", nil))
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" {
		t.Errorf("second whole export: got %d, want 429 with Retry-After", w.Code)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/export?name=Russia", nil))
	if w.Code != http.StatusOK {
		t.Errorf("a neighbourhood export meanwhile: got %d, want 200", w.Code)
	}
	close(finish)
	wg.Wait()
}
