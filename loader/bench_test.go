package loader

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/geokg/geokg/loader/gazetteer"
)

// benchTemplates are news sentences with slots: P/Q people with titles, C/D
// countries, A/B their demonyms, X/Y cities, O an organisation, W a weekday,
// N/M counts.
var benchTemplates = []string{
	"{P} will meet {Q} in {X} on {W} to discuss the ceasefire.",
	"{C} accused {D} of attacking civilian targets in {X}.",
	"{A} forces reportedly struck {X} on {W}, killing {N} people and injuring {M}.",
	"Talks between {C} and {D} in {Y} failed on {W}, officials said.",
	"{P} said he would visit {Y} next week.",
	"The {A} government condemned the attack and called for tougher sanctions on {D}.",
	"{O}, based in {Y}, urged both sides to return to negotiations.",
	"{C} and {D} agreed to a prisoner exchange on {W}.",
	"The city was hit by {B} drones overnight, according to local officials.",
	"{Q}, the head of {O}, warned {C} against further escalation.",
	"{C}'s rejection of {D}'s offer undercut hopes for progress.",
	"Analysts said the situation remained tense as diplomats prepared for further meetings in the coming weeks.",
	"{P} thanked {D} for its support and praised the {B} leadership.",
	"{A} officials denied that their troops had entered {X}.",
	"At least {N} people were wounded when missiles hit a market in {X} on {W}.",
}

// benchCorpus builds articles from gazetteer names and the templates, with
// a fixed seed so every run measures the same text.
func benchCorpus(g *gazetteer.Gazetteer, articles, sentences int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	var people []string
	for _, o := range g.Officeholders {
		if o.Until == "" && o.Title != "" {
			people = append(people, o.Title+" "+o.Name)
		}
	}
	var countries, demonyms []string
	for _, c := range g.Countries {
		if c.Population > 5_000_000 && len(c.Demonyms) > 0 {
			countries = append(countries, c.Name)
			demonyms = append(demonyms, c.Demonyms[0])
		}
	}
	var cities []string
	for _, p := range g.Places {
		if p.Kind == gazetteer.KindCity && p.Population > 1_000_000 {
			cities = append(cities, p.Name)
		}
	}
	var orgs []string
	for _, o := range g.Orgs {
		if o.Kind == "ORGANIZATION" {
			orgs = append(orgs, o.Name)
		}
	}
	weekdays := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	out := make([]string, articles)
	for a := range out {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Synthetic article %d\npublished: 2025-05-%02d\n---\n", a, 1+a%28)
		for s := 0; s < sentences; s++ {
			ci, di := r.IntN(len(countries)), r.IntN(len(countries))
			sent := strings.NewReplacer(
				"{P}", pick(people), "{Q}", pick(people), "{C}", countries[ci], "{D}", countries[di],
				"{A}", demonyms[ci], "{B}", demonyms[di], "{X}", pick(cities), "{Y}", pick(cities),
				"{O}", pick(orgs), "{W}", pick(weekdays), "{N}", fmt.Sprint(2+r.IntN(40)), "{M}", fmt.Sprint(1+r.IntN(90)),
			).Replace(pick(benchTemplates))
			b.WriteString(sent)
			if s%4 == 3 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		out[a] = b.String()
	}
	return out
}

func BenchmarkExtract(b *testing.B) {
	l := newTestLoader(b)
	corpus := benchCorpus(l.kb.gaz, 100, 30)
	total := 0
	for _, a := range corpus {
		total += len(a)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, a := range corpus {
			if _, err := l.Extract(fmt.Sprint(i), []byte(a)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestBenchCorpusExtracts keeps the benchmark's corpus honest: it must be
// read as news, yielding relations, not pass through unread.
func TestBenchCorpusExtracts(t *testing.T) {
	l := newTestLoader(t)
	corpus := benchCorpus(l.kb.gaz, 3, 30)
	for i, a := range corpus {
		doc, err := l.Extract(fmt.Sprint(i), []byte(a))
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Relations) < 10 || len(doc.Entities) < 10 {
			t.Errorf("article %d: got %d relations and %d entities, want at least 10 of each", i, len(doc.Relations), len(doc.Entities))
		}
		checkDocument(t, doc)
	}
}
