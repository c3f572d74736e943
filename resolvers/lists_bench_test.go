package resolvers

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// listHub is how many relations the hub of the large-list benchmarks
// has, about as many as the hub of bench/api's corpus.
const listHub = 900

// listHubBatch is article i: the hub meets person i, who is located in
// country i/10, so the hub's depth-2 neighbourhood outgrows any limit.
func listHubBatch(i int) graph.Batch {
	art := fmt.Sprintf("article:%05d", i)
	person := fmt.Sprintf("person:p%05d", i)
	country := fmt.Sprintf("country:C%03d", i/10)
	text := fmt.Sprintf("The Hub met Person %d in Country %d.", i, i/10)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Title: fmt.Sprintf("Article %d", i), Published: "2025-05-17", Text: text},
		Entities: []graph.Entity{
			{ID: "person:hub", Name: "The Hub", Kind: graph.Person, Mentions: []graph.Mention{{Start: 0, End: 7, Text: "The Hub"}}},
			{ID: person, Name: fmt.Sprintf("Person %d", i), Kind: graph.Person},
			{ID: country, Name: fmt.Sprintf("Country %d", i/10), Kind: graph.Country},
		},
		Relations: []graph.Relation{
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: "person:hub", Target: person,
				Date: "2025-05-17", Status: graph.StatusOccurred, Confidence: 0.9, Evidence: ev},
			{ID: art + ":located", Type: "LOCATED_IN", Class: graph.Structural, Source: person, Target: country, Evidence: ev},
		},
	}
}

// bigListQueries are bench/api's Q1 (on its hub), Q2 and Q3, the answers
// where gqlgen's per-item cost shows.
var bigListQueries = []struct{ name, query string }{
	{"Q1", `{ entity(name: "The Hub") { id name relations(direction: OUT, first: 100) { nodes { id type target { name } evidence { text } } } } }`},
	{"Q2", `{ neighborhood(id: "person:hub", depth: 2) { nodes { id label kind } edges { id source target type } } }`},
	{"Q3", `{ relations(where: { types: ["MEETS"] }, first: 50) { nodes { id source { name } target { name } } } }`},
}

// reportCPU starts counting the process's CPU time (user and system, GC
// included); the function it returns reports it per op as cpu-ns/op, a
// measure that other load on the machine disturbs less than ns/op.
func reportCPU(b *testing.B) func() {
	start := cpuTime(b)
	return func() { b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op") }
}

func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBigLists serves bench/api's large answers through the
// production handler over the memory store, so what is measured is
// gqlgen and the resolvers rather than a database. serial shows the cost
// of one request, batching windows included; parallel keeps both cores
// busy; cpu-ns/op is the CPU a request takes in either.
func BenchmarkBigLists(b *testing.B) {
	s := memory.New()
	for i := range listHub {
		if err := s.Apply(context.Background(), listHubBatch(i)); err != nil {
			b.Fatalf("apply article %d: %v", i, err)
		}
	}
	h := NewHandler(Options{Store: s, Logger: slog.New(slog.DiscardHandler)})
	for _, q := range bigListQueries {
		body := `{"query":` + strconv.Quote(q.query) + `}`
		post := func() *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			return w
		}
		if w := post(); w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors"`) || w.Body.Len() < 2000 {
			b.Fatalf("%s: got status %d, body %.300s; want a large answer without errors", q.name, w.Code, w.Body.String())
		}
		b.Run(q.name+"/serial", func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				post()
			}
		})
		b.Run(q.name+"/parallel", func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			b.SetParallelism(4)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					post()
				}
			})
		})
	}
}
