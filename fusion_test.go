package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/neo4j"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/loader"
)

// testdata/fusion holds six short team-written reports of two strikes,
// from both sides: Sumy (a Kyiv desk report of 9 killed, a wire report of
// 11, a Moscow claim, a Moscow denial; published over three days) and
// Belgorod (a Moscow desk report, a Kyiv claim). They go through the real
// loader; the assertions are about fusion, so they pin what the loader
// gives today only where fusion needs it (types, endpoints, dates).
const fusionDir = "testdata/fusion"

// fusedFact is what the fixture must fuse into, compared by value.
type fusedFact struct {
	Type, Source, Target string
	Sources              int
	First, Last, Date    string
	Contested            bool
	Disagreements        []string
	Articles             []string // witness file names, report order
}

func summarize(rs []graph.Relation, names map[string]string) []fusedFact {
	var out []fusedFact
	for _, r := range rs {
		f := fusedFact{Type: string(r.Type), Source: r.Source, Target: r.Target, Sources: r.Sources,
			First: r.FirstReported, Last: r.LastReported, Date: r.Date, Contested: r.Contested}
		for _, d := range r.Disagreements {
			f.Disagreements = append(f.Disagreements, d.String())
		}
		for _, w := range r.Witnesses {
			f.Articles = append(f.Articles, names[w.Article])
		}
		out = append(out, f)
	}
	// By endpoints: a fact's id changes with its smallest witness.
	slices.SortFunc(out, func(a, b fusedFact) int {
		return strings.Compare(a.Source+" "+a.Target, b.Source+" "+b.Target)
	})
	return out
}

const (
	sumy, belgorod = "city:692194", "city:578072"
	fileKyiv       = "2025-05-18-sumy-kyiv-desk.txt"
	fileWire       = "2025-05-19-sumy-wire.txt"
	fileClaim      = "2025-05-19-sumy-moscow-claim.txt"
	fileDenial     = "2025-05-20-sumy-moscow-denial.txt"
	fileBelgorodRU = "2025-05-17-belgorod-moscow-desk.txt"
	fileBelgorodUA = "2025-05-18-belgorod-kyiv-claim.txt"
)

var wantStrikes = []fusedFact{
	{Type: "STRUCK", Source: "country:RU", Target: sumy, Sources: 4, First: "2025-05-18", Last: "2025-05-20", Date: "2025-05-18",
		Contested: true, Disagreements: []string{"status: claimed, denied, occurred", "killed: 9, 11"}, Articles: []string{fileKyiv, fileClaim, fileWire, fileDenial}},
	{Type: "STRUCK", Source: "country:UA", Target: belgorod, Sources: 2, First: "2025-05-17", Last: "2025-05-18", Date: "2025-05-17",
		Articles: []string{fileBelgorodRU, fileBelgorodUA}},
}

// loadFixture loads every report into s and returns article id -> file name.
func loadFixture(t *testing.T, s graph.Store, files ...string) map[string]string {
	t.Helper()
	ld, err := loader.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(fusionDir, f))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ld.Extract(f, data)
		if err != nil {
			t.Fatalf("extract %s: %v", f, err)
		}
		b := doc.Batch()
		if err := s.Apply(context.Background(), b); err != nil {
			t.Fatalf("apply %s: %v", f, err)
		}
		names[b.Article.ID] = f
	}
	return names
}

func fixtureFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(fusionDir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	if len(out) != 6 {
		t.Fatalf("%s: got %d reports, want 6", fusionDir, len(out))
	}
	return out
}

func strikes(t *testing.T, s graph.Store) []graph.Relation {
	t.Helper()
	rs, _, err := s.ListRelations(context.Background(), graph.RelationQuery{Types: []graph.RelType{"STRUCK"}})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// testFusionFixture checks the fused answers, then deletes each report in
// turn: only its witness goes, and loading it again restores the graph.
func testFusionFixture(t *testing.T, s graph.Store) {
	ctx := context.Background()
	files := fixtureFiles(t)
	names := loadFixture(t, s, files...)
	check := func(what string, want []fusedFact) {
		t.Helper()
		if got := summarize(strikes(t, s), names); !equalFacts(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
		}
	}
	check("fused strikes", wantStrikes)

	evs, _, err := s.ListEvents(ctx, graph.EventQuery{Types: []graph.Class{"ASSAULT"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range evs {
		got = append(got, fmt.Sprintf("%s sources=%d killed=%v contested=%v", ev.Place, ev.Sources, deref(ev.Killed), ev.Contested))
	}
	if want := []string{belgorod + " sources=2 killed=2 contested=false", sumy + " sources=4 killed=11 contested=true"}; !slices.Equal(got, want) {
		t.Errorf("fused assault events: got %q, want %q", got, want)
	}
	st, err := s.Stats(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if st.Relations >= st.RawRelations || st.Events >= st.RawEvents {
		t.Errorf("stats: got %d facts of %d raw relations, %d events of %d raw, want fewer facts than witnesses",
			st.Relations, st.RawRelations, st.Events, st.RawEvents)
	}

	ids := map[string]string{}
	for id, f := range names {
		ids[f] = id
	}
	for _, f := range files {
		if err := s.DeleteArticle(ctx, ids[f]); err != nil {
			t.Fatalf("delete %s: %v", f, err)
		}
		var want []fusedFact
		for _, fact := range wantStrikes {
			if i := slices.Index(fact.Articles, f); i >= 0 {
				fact.Articles = slices.Delete(slices.Clone(fact.Articles), i, i+1)
				fact.Sources--
			}
			if fact.Sources > 0 {
				want = append(want, fact)
			}
		}
		got := summarize(strikes(t, s), names)
		// Dates and first/last reported follow from the remaining witnesses;
		// what must hold is that exactly this report's witness left.
		if len(got) != len(want) {
			t.Fatalf("after deleting %s: got %+v, want %+v", f, got, want)
		}
		for i := range got {
			if got[i].Sources != want[i].Sources || !slices.Equal(got[i].Articles, want[i].Articles) {
				t.Errorf("after deleting %s: got %+v, want witnesses %q", f, got[i], want[i].Articles)
			}
		}
		loadFixture(t, s, f)
		check("after loading "+f+" again", wantStrikes)
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func equalFacts(a, b []fusedFact) bool {
	return fmt.Sprintf("%+v", a) == fmt.Sprintf("%+v", b)
}

func TestFusionFixtureMemory(t *testing.T) {
	testFusionFixture(t, memory.New())
}

func TestFusionFixtureNeo4j(t *testing.T) {
	db := neo4jtest.Open(t)
	s, err := neo4j.New(context.Background(), neo4j.Config{URI: db.URI, User: db.User, Password: db.Password}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	testFusionFixture(t, s)
}

// TestNeo4jTwoLoaders runs two `geokg load` at once over overlapping
// folders into one Neo4j, twice over, and expects the graph one clean
// load gives: no duplicate relationships, no error for the user.
func TestNeo4jTwoLoaders(t *testing.T) {
	db := neo4jtest.Open(t)
	env := map[string]string{"NEO4J_URI": db.URI, "NEO4J_USER": db.User, "NEO4J_PASSWORD": db.Password}
	files := fixtureFiles(t)
	// Each folder holds all of one strike and half of the other.
	dirA, dirB := t.TempDir(), t.TempDir()
	for i, f := range files {
		data, err := os.ReadFile(filepath.Join(fusionDir, f))
		if err != nil {
			t.Fatal(err)
		}
		if i < 4 || strings.Contains(f, "belgorod-moscow") {
			writeFile(t, dirA, f, string(data))
		}
		if i >= 2 {
			writeFile(t, dirB, f, string(data))
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i, dir := range []string{dirA, dirB, dirB, dirA} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var stderr strings.Builder
			if err := run(context.Background(), []string{"load", dir}, func(k string) string { return env[k] }, io.Discard, &stderr); err != nil {
				errs[i] = fmt.Errorf("load %d: %v\n%s", i, err, stderr.String())
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	s, err := neo4j.New(context.Background(), neo4j.Config{URI: db.URI, User: db.User, Password: db.Password}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	concurrent, err := s.Relations(context.Background(), graph.RelationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	clean := memory.New()
	loadFixture(t, clean, files...)
	want, err := clean.Relations(context.Background(), graph.RelationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := asJSON(t, concurrent), asJSON(t, want); got != want {
		t.Errorf("two loaders at once:\n got %s\nwant the clean load's %s", got, want)
	}
	// One typed relationship per fact: Neo4j itself holds no duplicate.
	drv, err := db.Driver()
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(context.Background())
	res, err := neo4jQuery(drv, `MATCH (s)-[r]->(t) WHERE r.group IS NOT NULL
WITH r.group AS g, r.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS dups`)
	if err != nil {
		t.Fatal(err)
	}
	if res != 0 {
		t.Errorf("duplicate fact relationships: got %d, want 0", res)
	}
	if n, err := neo4jQuery(drv, `MATCH ()-[r]->() WHERE r.group IS NOT NULL RETURN count(r)`); err != nil || n != int64(len(want)) {
		t.Errorf("fact relationships in Neo4j: got %d (%v), want %d", n, err, len(want))
	}
}

// neo4jQuery runs a query that returns one integer.
func neo4jQuery(drv driver.DriverWithContext, query string) (int64, error) {
	res, err := driver.ExecuteQuery(context.Background(), drv, query, nil, driver.EagerResultTransformer)
	if err != nil {
		return 0, err
	}
	if len(res.Records) != 1 {
		return 0, fmt.Errorf("got %d rows, want 1", len(res.Records))
	}
	n, _ := res.Records[0].Values[0].(int64)
	return n, nil
}
