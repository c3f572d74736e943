package bench

// ingest_test.go measures Apply throughput when many articles repeat the
// same facts, the case fusion makes expensive: every article restates a
// few hot facts (one group every article joins, standing facts a few
// dozen groups share) besides strikes and meetings on nearby days.
//
//	go test -run XXX -bench Ingest -benchtime 1x ./bench/
//	NEO4J_URI=bolt://127.0.0.1:7687 go test -run XXX -bench IngestNeo4j -benchtime 1x ./bench/
//
// INGEST_ARTICLES sets how many articles are applied (default 2000 into
// the embedded store, 500 into Neo4j), INGEST_PER how many each write
// takes (default 1: Apply; more: ApplyAll).

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/internal/neo4jtest"
)

func ingestCount(b *testing.B, def int) int {
	b.Helper()
	v := os.Getenv("INGEST_ARTICLES")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("INGEST_ARTICLES=%q: want a positive number", v)
	}
	return n
}

// Small casts so facts repeat: 8 countries, their 8 leaders, 6 cities.
const (
	ingestCountries = 8
	ingestCities    = 6
)

// ingestBatch is synthetic article i, the same for the same i. It says
// that country 0 accused country 1 on its publication day (the group
// every article joins), that a leader leads its country (standing facts,
// undated), that a country struck a city on the day or the night before,
// or denied it, with a casualty figure (a fused event with a place), that
// two leaders met that month or on a given day, and that a country
// sanctioned another, sometimes undated.
func ingestBatch(i int) graph.Batch {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	art := fmt.Sprintf("article:%06d", i)
	pub := time.Date(2025, 5, 1+i%28, 0, 0, 0, 0, time.UTC)
	day := func(back int) string { return pub.AddDate(0, 0, -back).Format(time.DateOnly) }
	text := fmt.Sprintf("Synthetic report %d.", i)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}

	a, c := r.IntN(ingestCountries), r.IntN(ingestCountries-1)
	if c >= a {
		c++
	}
	la, lc := fmt.Sprintf("person:leader-%d", a), fmt.Sprintf("person:leader-%d", c)
	ca, cc := fmt.Sprintf("country:C%d", a), fmt.Sprintf("country:C%d", c)
	city := fmt.Sprintf("city:K%d", r.IntN(ingestCities))
	var ents []graph.Entity
	entity := func(id, name string, kind graph.Kind) {
		ents = append(ents, graph.Entity{ID: id, Name: name, Kind: kind,
			Mentions: []graph.Mention{{Start: 0, End: len(text), Text: text}}})
	}
	entity("country:C0", "Country 0", graph.Country)
	entity("country:C1", "Country 1", graph.Country)
	entity(ca, fmt.Sprintf("Country %d", a), graph.Country)
	entity(cc, fmt.Sprintf("Country %d", c), graph.Country)
	entity(la, fmt.Sprintf("Leader %d", a), graph.Person)
	entity(lc, fmt.Sprintf("Leader %d", c), graph.Person)
	entity(city, "City "+city[len("city:"):], graph.City)

	status := []string{graph.StatusOccurred, graph.StatusOccurred, graph.StatusClaimed, graph.StatusDenied}[r.IntN(4)]
	strikeDay := day(r.IntN(2))
	if r.IntN(5) == 0 {
		strikeDay = ""
	}
	killed := 1 + r.IntN(4)
	strikeEvent := art + ":strike"
	meetDate := pub.Format("2006-01")
	if r.IntN(2) == 0 {
		meetDate = day(r.IntN(3))
	}
	sanctionDay := day(0)
	if r.IntN(3) == 0 {
		sanctionDay = ""
	}
	conf := func() float64 { return float64(50+r.IntN(50)) / 100 }
	return graph.Batch{
		Article:  graph.Article{ID: art, Title: fmt.Sprintf("Report %d", i), Published: day(0), Text: text},
		Entities: ents,
		Relations: []graph.Relation{
			{ID: art + ":accused", Type: "ACCUSED", Class: "ACCUSE", Source: "country:C0", Target: "country:C1",
				Date: day(0), Status: graph.StatusReported, Confidence: conf(), Evidence: ev},
			{ID: art + ":leader", Type: "LEADER_OF", Class: graph.Structural, Source: la, Target: ca,
				Title: "President", Confidence: conf(), Evidence: ev},
			{ID: art + ":struck", Type: "STRUCK", Class: "ASSAULT", Source: ca, Target: city, Date: strikeDay,
				Status: status, Confidence: conf(), Event: strikeEvent, Evidence: ev},
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: la, Target: lc, Date: meetDate,
				Status: graph.StatusOccurred, Confidence: conf(), Evidence: ev},
			{ID: art + ":sanctioned", Type: "SANCTIONED", Class: "SANCTION", Source: ca, Target: cc,
				Date: sanctionDay, Status: graph.StatusOccurred, Confidence: conf(), Evidence: ev},
		},
		Events: []graph.Event{
			{ID: strikeEvent, Type: "ASSAULT", Label: "strike", Date: strikeDay, Status: status, Place: city,
				Killed: &killed, Evidence: ev, Participants: []graph.Participant{
					{Entity: ca, Role: graph.RoleSource}, {Entity: city, Role: graph.RoleTarget}}},
		},
	}
}

// applyPer applies batches to s, per articles at a time (ApplyAll) or one
// by one when per is 1, and checks that the fact every article states has
// every article as a source.
func applyPer(b *testing.B, s graph.Store, batches []graph.Batch, per int) {
	b.Helper()
	ctx := context.Background()
	for i := 0; i < len(batches); i += per {
		var err error
		if per == 1 {
			err = s.Apply(ctx, batches[i])
		} else {
			err = s.ApplyAll(ctx, batches[i:min(i+per, len(batches))])
		}
		if err != nil {
			b.Fatalf("apply articles from %d: %v", i, err)
		}
	}
	rs, err := s.Relations(ctx, graph.RelationFilter{Entity: "country:C0", Direction: graph.Out, Types: []graph.RelType{"ACCUSED"}})
	if err != nil {
		b.Fatalf("relations of country:C0: %v", err)
	}
	sources := 0
	for _, r := range rs {
		sources += r.Sources
	}
	if sources != len(batches) {
		b.Fatalf("ACCUSED facts have %d sources in all, want %d", sources, len(batches))
	}
}

func ingestBatches(n int) []graph.Batch {
	out := make([]graph.Batch, n)
	for i := range out {
		out[i] = ingestBatch(i)
	}
	return out
}

// ingestPer is how many articles each write takes: INGEST_PER, default 1
// (Apply); more goes through ApplyAll.
func ingestPer(b *testing.B) int {
	b.Helper()
	v := os.Getenv("INGEST_PER")
	if v == "" {
		return 1
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("INGEST_PER=%q: want a positive number", v)
	}
	return n
}

func BenchmarkIngestMemory(b *testing.B) {
	batches := ingestBatches(ingestCount(b, 2000))
	per := ingestPer(b)
	for b.Loop() {
		applyPer(b, memory.New(), batches, per)
	}
	b.ReportMetric(float64(b.N*len(batches))/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkIngestNeo4j(b *testing.B) {
	c := neo4jtest.Open(b)
	batches := ingestBatches(ingestCount(b, 500))
	per := ingestPer(b)
	ctx := context.Background()
	s, err := neo4j.New(ctx, neo4j.Config{URI: c.URI, User: c.User, Password: c.Password}, nil)
	if err != nil {
		b.Fatalf("open neo4j store: %v", err)
	}
	b.Cleanup(func() { s.Close(context.Background()) })
	for b.Loop() {
		b.StopTimer()
		neo4jtest.Wipe(b, c)
		b.StartTimer()
		applyPer(b, s, batches, per)
	}
	b.ReportMetric(float64(b.N*len(batches))/b.Elapsed().Seconds(), "articles/s")
}
