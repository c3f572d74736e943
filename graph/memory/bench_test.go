package memory

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
)

// reportCPU starts counting the process's CPU time (user and system, GC
// included); the function it returns reports it per op as cpu-ns/op,
// which other load on the machine disturbs less than ns/op. A copy of
// resolvers' helper: test helpers cannot be shared across packages.
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

// indexArticles synthetic articles back the index benchmarks: each states
// that a person of its own meets the envoy, and every hundredth also that
// the person struck a country, so STRUCK is one fact in a hundred.
const indexArticles = 5000

func indexBatch(i int) graph.Batch {
	art := fmt.Sprintf("article:%05d", i)
	person := fmt.Sprintf("person:p%05d", i)
	text := fmt.Sprintf("Person %d met the envoy.", i)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	b := graph.Batch{
		Article: graph.Article{ID: art, Title: fmt.Sprintf("Article %d", i), Text: text},
		Entities: []graph.Entity{
			{ID: person, Name: fmt.Sprintf("Person %d", i), Kind: graph.Person},
			{ID: "person:envoy", Name: "The Envoy", Kind: graph.Person},
		},
		Relations: []graph.Relation{
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: person, Target: "person:envoy", Evidence: ev},
		},
	}
	if i%100 == 0 {
		b.Entities = append(b.Entities, graph.Entity{ID: "country:XS", Name: "Sudria", Kind: graph.Country})
		b.Relations = append(b.Relations, graph.Relation{ID: art + ":struck", Type: "STRUCK", Class: "ASSAULT",
			Source: person, Target: "country:XS", Evidence: ev})
	}
	return b
}

func indexStore(b *testing.B) *Store {
	b.Helper()
	s := New()
	for i := range indexArticles {
		if err := s.Apply(context.Background(), indexBatch(i)); err != nil {
			b.Fatalf("apply %d: %v", i, err)
		}
	}
	return settled(s)
}

// BenchmarkListRelationsByType pages through the rare STRUCK facts, one in
// a hundred, with no endpoint or article to narrow them by.
func BenchmarkListRelationsByType(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	q := graph.RelationQuery{Types: []graph.RelType{"STRUCK"}, Page: graph.Page{Limit: 20}}
	defer reportCPU(b)()
	for b.Loop() {
		rs, total, err := s.ListRelations(ctx, q)
		if err != nil || total != indexArticles/100 || len(rs) != 20 {
			b.Fatalf("list STRUCK: %d of %d, %v; want 20 of %d", len(rs), total, err, indexArticles/100)
		}
	}
}

// BenchmarkRelationsByType lists the STRUCK facts through Relations.
func BenchmarkRelationsByType(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	f := graph.RelationFilter{Types: []graph.RelType{"STRUCK"}}
	defer reportCPU(b)()
	for b.Loop() {
		rs, err := s.Relations(ctx, f)
		if err != nil || len(rs) != indexArticles/100 {
			b.Fatalf("relations STRUCK: %d, %v; want %d", len(rs), err, indexArticles/100)
		}
	}
}

// BenchmarkRelationsOfEndpoint reads the relations of 20 people, one fact
// each, among thousands.
func BenchmarkRelationsOfEndpoint(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	ids := make([]string, 20)
	for i := range ids {
		ids[i] = fmt.Sprintf("person:p%05d", i*7)
	}
	defer reportCPU(b)()
	for b.Loop() {
		byID, err := s.RelationsOf(ctx, ids, graph.RelationFilter{})
		if err != nil || len(byID) != len(ids) {
			b.Fatalf("relations of 20: %d, %v", len(byID), err)
		}
	}
}

// BenchmarkHubPage reads the first page of the envoy's thousands of
// relations with their ends, as the GraphQL relations field does.
func BenchmarkHubPage(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	f := graph.RelationFilter{Direction: graph.In, Limit: 101}
	defer reportCPU(b)()
	for b.Loop() {
		byID, ends, err := s.RelationsOfWithEnds(ctx, []string{"person:envoy"}, f)
		if err != nil || len(byID["person:envoy"]) != 101 || len(ends) != 102 {
			b.Fatalf("hub page: %d relations, %d ends, %v; want 101, 102", len(byID["person:envoy"]), len(ends), err)
		}
	}
}

// BenchmarkHubNeighborhood walks two hops from the envoy, whose
// neighbourhood holds ten times the limit.
func BenchmarkHubNeighborhood(b *testing.B) {
	s := indexStore(b)
	ctx := graph.WithRelationSummaries(context.Background())
	q := graph.NeighborhoodQuery{ID: "person:envoy", Depth: 2}
	defer reportCPU(b)()
	for b.Loop() {
		sub, err := s.Neighborhood(ctx, q)
		if err != nil || len(sub.Relations) != graph.DefaultNeighborhoodLimit {
			b.Fatalf("neighborhood: %d relations, %v; want %d", len(sub.Relations), err, graph.DefaultNeighborhoodLimit)
		}
	}
}

// BenchmarkListRelationsDated pages through the facts of one day among
// facts of fifty days.
func BenchmarkListRelationsDated(b *testing.B) {
	s := New()
	ctx := context.Background()
	for i := range indexArticles {
		batch := indexBatch(i)
		batch.Relations[0].Date = fmt.Sprintf("2025-03-%02d", 1+i%25)
		if i%2 == 1 {
			batch.Relations[0].Date = fmt.Sprintf("2025-04-%02d", 1+i%25)
		}
		if err := s.Apply(ctx, batch); err != nil {
			b.Fatalf("apply %d: %v", i, err)
		}
	}
	settled(s)
	q := graph.RelationQuery{Since: "2025-04-02", Until: "2025-04-02", Page: graph.Page{Limit: 20}}
	defer reportCPU(b)()
	for b.Loop() {
		p, err := s.ListRelationsWithRefs(ctx, q)
		if err != nil || p.Total != indexArticles/50 || len(p.Relations) != 20 {
			b.Fatalf("list one day: %d of %d, %v; want 20 of %d", len(p.Relations), p.Total, err, indexArticles/50)
		}
	}
}

// BenchmarkTimeline reads the first page of the envoy's events: the
// envoy takes part in every event.
func BenchmarkTimeline(b *testing.B) {
	s := loaded(b, benchArticles)
	ctx := context.Background()
	q := graph.EventQuery{Participant: "person:envoy", Page: graph.Page{Limit: 50}}
	defer reportCPU(b)()
	for b.Loop() {
		evs, total, err := s.ListEvents(ctx, q)
		if err != nil || len(evs) != 50 || total < 50 {
			b.Fatalf("timeline: %d of %d, %v; want 50", len(evs), total, err)
		}
	}
}

// BenchmarkListEntitiesByKind reads a page of countries among thousands
// of people.
func BenchmarkListEntitiesByKind(b *testing.B) {
	s := loaded(b, benchArticles)
	ctx := context.Background()
	q := graph.EntityQuery{Kinds: []graph.Kind{graph.Country}, Page: graph.Page{Limit: 50}}
	defer reportCPU(b)()
	for b.Loop() {
		es, total, err := s.ListEntities(ctx, q)
		if err != nil || len(es) != 50 || total != benchArticles/10 {
			b.Fatalf("list countries: %d of %d, %v; want 50 of %d", len(es), total, err, benchArticles/10)
		}
	}
}

// BenchmarkApplyThenPage re-ingests an article, then reads the envoy's
// first page, as a server loading while it serves does: each read first
// fuses the write and brings the indexes up to date.
func BenchmarkApplyThenPage(b *testing.B) {
	s := indexStore(b)
	ctx := context.Background()
	f := graph.RelationFilter{Direction: graph.In, Limit: 20}
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		if err := s.Apply(ctx, indexBatch(i%indexArticles)); err != nil {
			b.Fatalf("apply %d: %v", i, err)
		}
		if byID, err := s.RelationsOf(ctx, []string{"person:envoy"}, f); err != nil || len(byID["person:envoy"]) != 20 {
			b.Fatalf("envoy page: %d, %v; want 20", len(byID["person:envoy"]), err)
		}
	}
}
