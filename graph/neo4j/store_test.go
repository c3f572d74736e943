package neo4j

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/graph/storetest"
	"github.com/geokg/geokg/internal/neo4jtest"
)

func config(c neo4jtest.Config) Config {
	return Config{URI: c.URI, User: c.User, Password: c.Password}
}

func open(t testing.TB, c neo4jtest.Config) *Store {
	t.Helper()
	s, err := New(context.Background(), config(c), nil)
	if err != nil {
		t.Fatalf("New: got %v, want nil", err)
	}
	return s
}

func TestStore(t *testing.T) {
	c := neo4jtest.Open(t)
	fresh := func(t *testing.T) graph.Store {
		neo4jtest.Wipe(t, c)
		return open(t, c)
	}
	storetest.Run(t, fresh)
}

// query runs a read straight through the driver, to see the graph as Neo4j
// keeps it rather than as the store reports it.
func query(t *testing.T, c neo4jtest.Config, q string, params map[string]any) []*driver.Record {
	t.Helper()
	ctx := context.Background()
	d, err := c.Driver()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, d, q, params, driver.EagerResultTransformer)
	if err != nil {
		t.Fatalf("query %q: %v", q, err)
	}
	return res.Records
}

func count(t *testing.T, c neo4jtest.Config, q string) int64 {
	t.Helper()
	recs := query(t, c, q, nil)
	if len(recs) != 1 {
		t.Fatalf("query %q: got %d records, want 1", q, len(recs))
	}
	n, _ := recs[0].Values[0].(int64)
	return n
}

// talks is a small article: two people, a call and the event it projects.
func talks(article string) graph.Batch {
	const body = "Ana Vela called Tomas Reyn."
	return graph.Batch{
		Article: graph.Article{ID: article, Title: "Call", Text: body},
		Entities: []graph.Entity{
			{ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person, Aliases: []string{"Vela"},
				Mentions: []graph.Mention{{Start: 0, End: 8, Text: "Ana Vela"}}},
			{ID: "person:tomas-reyn", Name: "Tomas Reyn", Kind: graph.Person,
				Mentions: []graph.Mention{{Start: 16, End: 26, Text: "Tomas Reyn"}}},
		},
		Relations: []graph.Relation{{
			ID: "rel:" + article + ":calls", Type: "CALLS", Class: "CONSULT",
			Source: "person:ana-vela", Target: "person:tomas-reyn", Event: "event:" + article + ":call",
			Confidence: 0.9, Evidence: []graph.Evidence{{Start: 0, End: len(body), Text: body}},
		}},
		Events: []graph.Event{{
			ID: "event:" + article + ":call", Type: "CONSULT", Label: "call", Mode: "phone",
			Participants: []graph.Participant{
				{Entity: "person:ana-vela", Role: graph.RoleSource},
				{Entity: "person:tomas-reyn", Role: graph.RoleTarget},
			},
		}},
	}
}

func schemaNames() []string {
	var names []string
	for _, item := range schema() {
		names = append(names, item.name)
	}
	return names
}

func TestNewIsIdempotent(t *testing.T) {
	c := neo4jtest.Open(t)
	// Start from no schema at all, so the first New really creates it.
	for _, rec := range query(t, c, `SHOW CONSTRAINTS YIELD name WHERE name IN $names RETURN name`, map[string]any{"names": schemaNames()}) {
		query(t, c, "DROP CONSTRAINT $name", map[string]any{"name": rec.Values[0]})
	}
	for _, rec := range query(t, c, `SHOW INDEXES YIELD name WHERE name IN $names RETURN name`, map[string]any{"names": schemaNames()}) {
		query(t, c, "DROP INDEX $name", map[string]any{"name": rec.Values[0]})
	}
	for i := range 2 {
		s := open(t, c)
		if err := s.Close(context.Background()); err != nil {
			t.Errorf("Close: got %v, want nil", err)
		}
		recs := query(t, c, `SHOW INDEXES YIELD name, state WHERE name IN $names
			RETURN count(*) AS n, collect(DISTINCT state) AS states`, map[string]any{"names": schemaNames()})
		if n, _ := recs[0].Values[0].(int64); n != int64(len(schema())) {
			t.Errorf("store indexes and constraints after New #%d: got %d, want %d", i+1, n, len(schema()))
		}
		if states := fmt.Sprint(recs[0].Values[1]); states != "[ONLINE]" {
			t.Errorf("index states after New #%d: got %s, want [ONLINE]", i+1, states)
		}
	}
	// Neo4j's own token lookup indexes aside, nothing else was created.
	if n := count(t, c, `SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN count(*)`); n != int64(len(schema())) {
		t.Errorf("indexes: got %d, want only the store's %d", n, len(schema()))
	}
}

func TestRelationsAreTypedRelationships(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	for range 2 {
		if err := s.Apply(context.Background(), talks("article:t")); err != nil {
			t.Fatalf("Apply: got %v, want nil", err)
		}
	}
	cases := []struct {
		query string
		want  int64
	}{
		{`MATCH (:Entity:Person {id: 'person:ana-vela'})-[r:CALLS {id: 'rel:article:t:calls'}]->(:Entity:Person {id: 'person:tomas-reyn'}) RETURN count(r)`, 1},
		{`MATCH ()-[r]->() WHERE r.id STARTS WITH 'rel:' RETURN count(r)`, 1},
		{`MATCH (:Event {id: 'event:article:t:call'})-[p:PARTICIPANT]->(:Entity) RETURN count(p)`, 2},
		{`MATCH (:Article {id: 'article:t'})-[m:MENTIONS]->(:Entity) RETURN count(m)`, 2},
		{`MATCH (e:Entity) RETURN count(e)`, 2},
	}
	for _, tc := range cases {
		if got := count(t, c, tc.query); got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.query, got, tc.want)
		}
	}
}

func TestKindChangeMovesTheLabel(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	b := graph.Batch{
		Article:  graph.Article{ID: "article:k"},
		Entities: []graph.Entity{{ID: "x:oran", Name: "Oran", Kind: graph.City}},
	}
	ctx := context.Background()
	if err := s.Apply(ctx, b); err != nil {
		t.Fatal(err)
	}
	b.Entities[0].Kind = graph.Region
	if err := s.Apply(ctx, b); err != nil {
		t.Fatal(err)
	}
	recs := query(t, c, `MATCH (e:Entity {id: 'x:oran'}) RETURN labels(e) AS labels`, nil)
	if got := fmt.Sprint(recs[0].Values[0]); got != "[Entity Region]" {
		t.Errorf("labels: got %s, want [Entity Region]", got)
	}
}

func TestErrorsHideServerMessages(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())

	// Aliases that are not strings make the alias union fail in the server.
	query(t, c, `CREATE (:Entity {id: 'person:ana-vela', name: 'Ana Vela', aliases: 5})`, nil)
	err := s.Apply(context.Background(), talks("article:e"))
	var server *driver.Neo4jError
	if !errors.As(err, &server) {
		t.Fatalf("Apply over a corrupt entity: got %v, want an error wrapping *neo4j.Neo4jError", err)
	}
	msg := err.Error()
	if want := "neo4j: apply article article:e: server error " + server.Code; msg != want {
		t.Errorf("Apply error: got %q, want %q", msg, want)
	}
	if strings.Contains(msg, server.Msg) {
		t.Errorf("Apply error %q contains the server's message %q", msg, server.Msg)
	}
	if n := count(t, c, `MATCH (a:Article) RETURN count(a)`); n != 0 {
		t.Errorf("articles after a failed Apply: got %d, want 0", n)
	}
}

func TestNewUnreachable(t *testing.T) {
	_, err := New(context.Background(), Config{URI: "bolt://127.0.0.1:1"}, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "neo4j: cannot reach bolt://127.0.0.1:1 (connect: connection refused): ") {
		t.Errorf("New on a closed port: got %v, want neo4j: cannot reach bolt://127.0.0.1:1 (connect: connection refused): ...", err)
	}
	_, err = New(context.Background(), Config{URI: "http://127.0.0.1:1"}, nil)
	if err == nil {
		t.Errorf("New with an http URI: got nil, want an error")
	}
}

func TestCanceledContext(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Apply(ctx, talks("article:c")); !errors.Is(err, context.Canceled) {
		t.Errorf("Apply: got %v, want context.Canceled", err)
	}
	if _, err := New(ctx, config(c), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("New: got %v, want context.Canceled", err)
	}
	if n := count(t, c, `MATCH (n) RETURN count(n)`); n != 0 {
		t.Errorf("nodes after a canceled Apply: got %d, want 0", n)
	}
}

func TestFullTextIndex(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	if err := s.Apply(context.Background(), talks("article:f")); err != nil {
		t.Fatal(err)
	}
	// "vela" is only an alias's word; the index covers aliases through aliasesText.
	recs := query(t, c, `CALL db.index.fulltext.queryNodes('entity_names', 'vela') YIELD node RETURN collect(node.id) AS ids`, nil)
	if got := fmt.Sprint(recs[0].Values[0]); got != "[person:ana-vela]" {
		t.Errorf("full-text search for vela: got %s, want [person:ana-vela]", got)
	}
}

// TestMatchesMemory applies batches the conformance suite does not cover,
// batches that repeat listings, to this store and to the embedded one, and
// expects the same answers from both. (Relation and event ids are unique
// across articles by contract, so no batch takes over another's.)
func TestMatchesMemory(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	m := memory.New()

	one := talks("article:one")
	two := talks("article:two")
	// Entities listed twice: later non-empty values win, aliases and mentions add up.
	two.Entities = append(two.Entities,
		graph.Entity{ID: "person:ana-vela", Name: "Ana M. Vela", Kind: graph.Person, Aliases: []string{"Ana", "Vela"},
			Country: "XN", Lat: ptr(1.5), Mentions: []graph.Mention{{Start: 1, End: 3, Text: "na"}}},
		graph.Entity{ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person, Lon: ptr(-2.0)},
	)
	// A relation listed twice keeps its last listing; a symmetric one
	// stated the other way round than article one's fuses with it.
	two.Relations = append(two.Relations,
		graph.Relation{ID: "rel:two:praised", Type: "PRAISED", Class: "SUPPORT", Source: "person:ana-vela", Target: "person:tomas-reyn"},
		graph.Relation{ID: "rel:two:praised", Type: "THANKED", Class: "SUPPORT", Source: "person:tomas-reyn", Target: "person:ana-vela", Confidence: 0.5},
		graph.Relation{ID: "rel:two:meets", Type: "MEETS", Class: "CONSULT", Source: "person:tomas-reyn", Target: "person:ana-vela", Date: "2025-05-19"},
	)
	// An event with a place, listed twice.
	meeting := graph.Event{
		ID: "event:two:meeting", Type: "CONSULT", Label: "meeting", Place: "person:tomas-reyn",
		Participants: []graph.Participant{{Entity: "person:tomas-reyn", Role: graph.RoleSource}},
	}
	two.Events = append(two.Events, meeting, meeting)

	ctx := context.Background()
	for _, b := range []graph.Batch{one, two, one, two} {
		for _, st := range []graph.Store{s, m} {
			if err := st.Apply(ctx, b); err != nil {
				t.Fatalf("%T Apply %s: %v", st, b.Article.ID, err)
			}
		}
		compare(t, "after "+b.Article.ID, s, m)
	}
}

func ptr[T any](v T) *T { return &v }

// compare reads everything the batches wrote from both stores.
func compare(t *testing.T, when string, got, want graph.Store) {
	t.Helper()
	ctx := context.Background()
	type reads struct {
		Entities  []graph.Entity
		Relations []graph.Relation
		Events    []graph.Event
		Articles  []graph.Article
	}
	read := func(st graph.Store) reads {
		var r reads
		var err error
		all, err := st.SearchEntities(ctx, graph.EntityFilter{})
		if err != nil {
			t.Fatal(err)
		}
		// The contract makes nil and empty lists the same.
		for _, e := range all {
			e.Aliases = append([]string{}, e.Aliases...)
			e.Mentions = append([]graph.Mention{}, e.Mentions...)
			r.Entities = append(r.Entities, e)
		}
		rels, err := st.Relations(ctx, graph.RelationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, rel := range rels {
			rel.Evidence = append([]graph.Evidence{}, rel.Evidence...)
			r.Relations = append(r.Relations, rel)
		}
		evs, err := st.Events(ctx, []string{"event:article:one:call", "event:article:two:call"})
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			ev.Participants = append([]graph.Participant{}, ev.Participants...)
			ev.Evidence = append([]graph.Evidence{}, ev.Evidence...)
			r.Events = append(r.Events, ev)
		}
		if r.Articles, err = st.Articles(ctx, []string{"article:one", "article:two"}); err != nil {
			t.Fatal(err)
		}
		return r
	}
	g, w := read(got), read(want)
	gj, _ := json.MarshalIndent(g, "", " ")
	wj, _ := json.MarshalIndent(w, "", " ")
	if string(gj) == string(wj) {
		return
	}
	gl, wl := strings.Split(string(gj), "\n"), strings.Split(string(wj), "\n")
	for i := range max(len(gl), len(wl)) {
		var a, b string
		if i < len(gl) {
			a = gl[i]
		}
		if i < len(wl) {
			b = wl[i]
		}
		if a != b {
			t.Errorf("%s: neo4j and memory differ from line %d: got %q, want %q\nneo4j: %s", when, i+1, a, b, gj)
			return
		}
	}
}

// syntheticBatch is article i of a corpus where every article names its own
// person, a country shared by ten articles and a person shared by all.
func syntheticBatch(i int) graph.Batch {
	art := fmt.Sprintf("article:%05d", i)
	person := fmt.Sprintf("person:p%05d", i)
	country := fmt.Sprintf("country:C%03d", i/10)
	text := fmt.Sprintf("Person %d met the envoy in Country %d.", i, i/10)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Title: fmt.Sprintf("Article %d", i), Text: text},
		Entities: []graph.Entity{
			{ID: person, Name: fmt.Sprintf("Person %d", i), Kind: graph.Person, Aliases: []string{fmt.Sprintf("P%d", i)},
				Mentions: []graph.Mention{{Start: 0, End: 6 + len(fmt.Sprint(i)), Text: fmt.Sprintf("Person %d", i)}}},
			{ID: "person:envoy", Name: "The Envoy", Kind: graph.Person, Aliases: []string{fmt.Sprintf("envoy %d", i%7)},
				Mentions: []graph.Mention{{Start: 0, End: 1, Text: "t"}}},
			{ID: country, Name: fmt.Sprintf("Country %d", i/10), Kind: graph.Country},
		},
		Relations: []graph.Relation{
			{ID: art + ":meets", Type: "MEETS", Class: "CONSULT", Source: person, Target: "person:envoy", Event: art + ":talks", Evidence: ev},
			{ID: art + ":located", Type: "LOCATED_IN", Class: graph.Structural, Source: person, Target: country, Evidence: ev},
		},
		Events: []graph.Event{{ID: art + ":talks", Type: "CONSULT", Label: "talks", Place: country,
			Participants: []graph.Participant{{Entity: person, Role: graph.RoleSource}, {Entity: "person:envoy", Role: graph.RoleTarget}},
			Evidence:     ev}},
	}
}

func BenchmarkApply(b *testing.B) {
	c := neo4jtest.Open(b)
	s := open(b, c)
	defer s.Close(context.Background())
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		if err := s.Apply(ctx, syntheticBatch(i%500)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRoundTrips pins what each call sends the server, so a GraphQL request
// costs a small number of round trips however much it asks for.
func TestRoundTrips(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	ctx := context.Background()
	for i := range 30 {
		if err := s.Apply(ctx, syntheticBatch(i)); err != nil {
			t.Fatal(err)
		}
	}
	ids := []string{"person:p00001", "person:p00002", "person:envoy", "country:C001"}
	cases := []struct {
		name    string
		call    func() error
		queries int64
	}{
		{"Entities", func() error { _, err := s.Entities(ctx, ids); return err }, 1},
		{"Relations", func() error { _, err := s.Relations(ctx, graph.RelationFilter{Entity: "person:envoy"}); return err }, 1},
		{"Events", func() error { _, err := s.Events(ctx, []string{"article:00001:talks"}); return err }, 1},
		{"Articles", func() error { _, err := s.Articles(ctx, []string{"article:00001"}); return err }, 1},
		{"FindEntity", func() error { _, err := s.FindEntity(ctx, "the envoy"); return err }, 1},
		{"SearchEntities", func() error { _, err := s.SearchEntities(ctx, graph.EntityFilter{Search: "person 1"}); return err }, 1},
		{"Neighborhood", func() error {
			_, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:envoy", Depth: 2})
			return err
		}, 1},
		// Scoring happens in Go between the candidates and the page's entities.
		{"Search", func() error { _, err := s.Search(ctx, graph.SearchQuery{Text: "persn 12"}); return err }, 2},
		{"ListEntities", func() error { _, _, err := s.ListEntities(ctx, graph.EntityQuery{NameContains: "person"}); return err }, 1},
		{"ListRelations", func() error {
			_, _, err := s.ListRelations(ctx, graph.RelationQuery{Types: []graph.RelType{"MEETS"}, Page: graph.Page{After: "article:00003", Limit: 5}})
			return err
		}, 1},
		{"ListEvents", func() error {
			_, _, err := s.ListEvents(ctx, graph.EventQuery{Participant: "person:envoy", Page: graph.Page{After: "|article:00003:talks"}})
			return err
		}, 1},
		{"ListArticles", func() error { _, _, err := s.ListArticles(ctx, graph.ArticleQuery{}); return err }, 1},
		{"RelationsOf", func() error { _, err := s.RelationsOf(ctx, ids, graph.RelationFilter{}); return err }, 1},
		// One query for the ends, then per hop of the path found (two here)
		// one to widen the search and one to walk back along it: bounded by
		// graph.MaxPathHops, never by the size of the graph.
		{"ShortestPath", func() error {
			_, err := s.ShortestPath(ctx, graph.PathQuery{From: "person:p00001", To: "person:p00029", MaxHops: 4})
			return err
		}, 5},
		{"Stats", func() error { _, err := s.Stats(ctx, 10); return err }, 1},
		// A write of any size is three statements: lock the articles,
		// write entities and mentions; lock and read the fact groups; write
		// back groups, events and facts of every type, delete articles and
		// orphans.
		{"ApplyAll", func() error {
			return s.ApplyAll(ctx, []graph.Batch{syntheticBatch(3), syntheticBatch(30), syntheticBatch(31)})
		}, 3},
		{"DeleteArticle", func() error { return s.DeleteArticle(ctx, "article:00007") }, 3},
	}
	for _, tc := range cases {
		before := s.Counts()
		if err := tc.call(); err != nil {
			t.Fatalf("%s: got %v, want nil", tc.name, err)
		}
		after := s.Counts()
		got := Counts{Transactions: after.Transactions - before.Transactions, Queries: after.Queries - before.Queries}
		if want := (Counts{Transactions: 1, Queries: tc.queries}); got != want {
			t.Errorf("%s: sent %+v, want %+v", tc.name, got, want)
		}
	}
}

// TestSearchMatchesMemory searches both stores for misspelt, cut and
// reordered names over a few hundred look-alike names and expects the same
// hits with the same scores: Neo4j's candidates (text index and Lucene
// fuzzy terms) must include every entity graph.SearchScore ranks.
func TestSearchMatchesMemory(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	m := memory.New()
	ctx := context.Background()

	first := []string{"Ana", "Anna", "Oleksandr", "Olexander", "Maria", "Mariya", "Jean-Luc", "Zhou", "O'Neill", "Ülkü"}
	last := []string{"Vela", "Velas", "Kovalenko", "Kovalenka", "Syrskyi", "Sirsky", "Ba", "Al-Sudani", "D.C.", "Ørsted"}
	b := graph.Batch{Article: graph.Article{ID: "article:names"}}
	for i, f := range first {
		for j, l := range last {
			e := graph.Entity{ID: fmt.Sprintf("person:%d-%d", i, j), Name: f + " " + l, Kind: graph.Person}
			if (i+j)%3 == 0 {
				e.Aliases = []string{l, "General " + l}
			}
			b.Entities = append(b.Entities, e)
		}
	}
	for _, st := range []graph.Store{s, m} {
		if err := st.Apply(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{
		"vela", "vel", "velaz", "ana vela", "vela ana", "anna velas", "kovalenko", "kovalneko", "kovalenk",
		"oleksander", "olexandr kovalenko", "syrsky", "sirskyi", "general sirsky", "maria", "marya", "mariia",
		"jean luc", "jeanluc", "zhou ba", "zhuo", "oneill", "o'neil", "ulku", "ülkü", "al sudani", "alsudani",
		"d.c", "dc", "orsted", "ørsted", "a", "an", "ba", "b", "general", "genral", "x:y", "vela~1", `"velas"`,
	}
	for _, q := range queries {
		for _, kinds := range [][]graph.Kind{nil, {graph.Person, graph.City}} {
			sq := graph.SearchQuery{Text: q, Kinds: kinds, Limit: graph.MaxPageSize}
			got, err := s.Search(ctx, sq)
			if err != nil {
				t.Fatalf("neo4j Search %q: %v", q, err)
			}
			want, err := m.Search(ctx, sq)
			if err != nil {
				t.Fatalf("memory Search %q: %v", q, err)
			}
			if g, w := hitList(got), hitList(want); g != w {
				t.Errorf("Search %q: neo4j and memory differ\nneo4j:  %s\nmemory: %s", q, g, w)
			}
		}
	}
}

func hitList(hits []graph.SearchHit) string {
	var b strings.Builder
	for _, h := range hits {
		fmt.Fprintf(&b, "%s=%.6f ", h.Entity.ID, h.Score)
	}
	return b.String()
}

// loadedBench applies n synthetic articles (n+n/10+1 entities, 2n relations).
func loadedBench(b *testing.B, n int) *Store {
	b.Helper()
	c := neo4jtest.Open(b)
	s := open(b, c)
	b.Cleanup(func() { s.Close(context.Background()) })
	for i := range n {
		if err := s.Apply(context.Background(), syntheticBatch(i)); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

func BenchmarkSearch(b *testing.B) {
	s := loadedBench(b, 500)
	ctx := context.Background()
	queries := []string{"persn 417", "envoy", "Contry 42"}
	for i := 0; b.Loop(); i++ {
		if _, err := s.Search(ctx, graph.SearchQuery{Text: queries[i%len(queries)], Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListRelations pages through the relations of one type, 50 at a
// time.
func BenchmarkListRelations(b *testing.B) {
	s := loadedBench(b, 500)
	ctx := context.Background()
	q := graph.RelationQuery{Types: []graph.RelType{"MEETS"}, Page: graph.Page{Limit: 50}}
	for b.Loop() {
		rs, _, err := s.ListRelations(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		if len(rs) < q.Limit {
			q.After = ""
		} else {
			q.After = rs[len(rs)-1].ID
		}
	}
}

// TestNewLowersOldNames opens a database written before names were
// lower-cased in Go: New gives its entities lowerName and lowerAliases, so
// lookups find them.
func TestNewLowersOldNames(t *testing.T) {
	c := neo4jtest.Open(t)
	neo4jtest.Wipe(t, c)
	s := open(t, c)
	if err := s.Apply(context.Background(), talks("article:old")); err != nil {
		t.Fatalf("Apply: got %v, want nil", err)
	}
	s.Close(context.Background())
	query(t, c, `MATCH (e:Entity) REMOVE e.lowerName, e.lowerAliases
		SET e.searchText = toLower(e.name)`, nil)

	s = open(t, c)
	defer s.Close(context.Background())
	if n := count(t, c, `MATCH (e:Entity) WHERE e.lowerName IS NULL OR e.lowerAliases IS NULL RETURN count(e)`); n != 0 {
		t.Errorf("entities without lower-cased names after New: got %d, want 0", n)
	}
	e, err := s.FindEntity(context.Background(), "VELA")
	if err != nil || e.ID != "person:ana-vela" {
		t.Errorf("FindEntity VELA: got %q, %v, want person:ana-vela", e.ID, err)
	}
}
