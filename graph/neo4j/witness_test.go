package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// applyAll applies the reports to every store given.
func applyAll(t *testing.T, reports []graph.Batch, stores ...graph.Store) {
	t.Helper()
	for _, st := range stores {
		for _, b := range reports {
			if err := st.Apply(context.Background(), b); err != nil {
				t.Fatalf("Apply %s: got %v, want nil", b.Article.ID, err)
			}
		}
	}
}

func strikeReports(from, to int) []graph.Batch {
	var out []graph.Batch
	for i := from; i < to; i++ {
		out = append(out, strikeReport(i))
	}
	return out
}

// sameFacts checks that every relation and event got reads back as want
// has it, witnesses and evidence included.
func sameFacts(t *testing.T, when string, got, want graph.Store) {
	t.Helper()
	ctx := context.Background()
	read := func(st graph.Store) string {
		rels, err := st.Relations(ctx, graph.RelationFilter{Limit: graph.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		evs, _, err := st.ListEvents(ctx, graph.EventQuery{Page: graph.Page{Limit: graph.MaxPageSize}})
		if err != nil {
			t.Fatal(err)
		}
		// The contract makes nil and empty lists the same.
		rels = append([]graph.Relation{}, rels...)
		for i := range evs {
			evs[i].Participants = append([]graph.Participant{}, evs[i].Participants...)
			evs[i].Evidence = append([]graph.Evidence{}, evs[i].Evidence...)
		}
		b, err := json.Marshal(map[string]any{"relations": rels, "events": evs})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if g, w := read(got), read(want); g != w {
		t.Errorf("%s: facts differ:\ngot  %s\nwant %s", when, g, w)
	}
}

// witnessNodes maps the element id of every witness node to its text; a
// node of the old format has none.
func witnessNodes(t *testing.T, c neo4jtest.Config) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rec := range query(t, c, `MATCH (w) WHERE w:RelationWitness OR w:EventWitness
RETURN elementId(w) AS id, coalesce(w.text, '') AS text, w.mark AS mark`, nil) {
		m := rec.AsMap()
		out[m["id"].(string)] = fmt.Sprint(m["text"], m["mark"])
	}
	return out
}

// TestHotGroupWriteKeepsOtherWitnesses applies one more report of facts
// many articles reported: the other articles' witness nodes are not
// written (a mark set on them by hand survives, which overwriting them
// would remove), the write adds only its own, and no fact or group
// carries every witness.
func TestHotGroupWriteKeepsOtherWitnesses(t *testing.T) {
	const reports = 40
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	m := memory.New()
	applyAll(t, strikeReports(0, reports), s, m)
	query(t, c, `MATCH (w) WHERE w:RelationWitness OR w:EventWitness SET w.mark = true`, nil)
	before := witnessNodes(t, c)
	if want := 3 * reports; len(before) != want {
		t.Fatalf("witness nodes of %d reports: got %d, want %d", reports, len(before), want)
	}

	applyAll(t, strikeReports(reports, reports+1), s, m)
	after := witnessNodes(t, c)
	for id, text := range before {
		if after[id] != text {
			t.Errorf("witness node %s: got %q, want %q as it was", id, after[id], text)
		}
	}
	if got, want := len(after), len(before)+3; got != want {
		t.Errorf("witness nodes after one more report: got %d, want %d", got, want)
	}
	if n := count(t, c, `MATCH (g:FactGroup) WHERE g.witnesses IS NOT NULL RETURN count(g)`); n != 0 {
		t.Errorf("groups holding their witnesses: got %d, want 0", n)
	}
	for _, rec := range query(t, c, `MATCH ()-[r]->() WHERE r.group IS NOT NULL RETURN r.fact AS fact
UNION ALL MATCH (ev:Event) RETURN ev.fact AS fact`, nil) {
		if fact, _ := rec.AsMap()["fact"].(string); strings.Contains(fact, `"witnesses"`) || len(fact) > 2000 {
			t.Errorf("stored fact of %d bytes holds its witnesses: %.200s", len(fact), fact)
		}
	}
	sameFacts(t, "after a write to hot groups", s, m)
}

// TestDeleteRemovesWitnesses deletes articles: their witness nodes go,
// the others' stay, the facts are fused again from those left, and the
// last article's delete leaves no witness or group behind.
func TestDeleteRemovesWitnesses(t *testing.T) {
	const reports = 6
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	m := memory.New()
	applyAll(t, strikeReports(0, reports), s, m)
	ctx := context.Background()
	for i := range reports {
		id := strikeReport(i).Article.ID
		for _, st := range []graph.Store{s, m} {
			if err := st.DeleteArticle(ctx, id); err != nil {
				t.Fatalf("DeleteArticle %s: got %v, want nil", id, err)
			}
		}
		if n := count(t, c, fmt.Sprintf(`MATCH (w) WHERE (w:RelationWitness OR w:EventWitness) AND w.article = %q RETURN count(w)`, id)); n != 0 {
			t.Errorf("witnesses of deleted %s: got %d, want 0", id, n)
		}
		if got, want := count(t, c, `MATCH (w) WHERE w:RelationWitness OR w:EventWitness RETURN count(w)`), int64(3*(reports-1-i)); got != want {
			t.Errorf("witnesses after deleting %s: got %d, want %d", id, got, want)
		}
		sameFacts(t, "after deleting "+id, s, m)
	}
	if n := count(t, c, `MATCH (g:FactGroup) RETURN count(g)`); n != 0 {
		t.Errorf("groups after deleting every article: got %d, want 0", n)
	}
}

// TestReapplyChangedArticle applies a new version of an article in a hot
// group: its witness nodes are rewritten, the others' are not.
func TestReapplyChangedArticle(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	m := memory.New()
	applyAll(t, strikeReports(0, 10), s, m)
	query(t, c, `MATCH (w) WHERE w:RelationWitness OR w:EventWitness SET w.mark = true`, nil)
	changed := strikeReport(4)
	changed.Relations[0].Status = graph.StatusDenied
	changed.Relations[0].Evidence = []graph.Evidence{{Start: 0, End: 28, Text: "Russia denied striking Sumy."}} // its own: the report's share one
	applyAll(t, []graph.Batch{changed}, s, m)
	if got := count(t, c, `MATCH (w) WHERE (w:RelationWitness OR w:EventWitness) AND w.mark IS NULL RETURN count(w)`); got != 1 {
		t.Errorf("witness nodes written by the new version: got %d, want 1 (its changed relation)", got)
	}
	sameFacts(t, "after a changed article", s, m)
}

// oldFormatQuery turns the graph into the layout the store wrote before
// witnesses were nodes: each group's witness texts, sorted, as a list on
// its node; each fact's JSON with its witnesses inside (passed as rows
// {id, fact} for relations and events) and the list of its articles;
// event witness nodes holding only id, group and event; no relation
// witness nodes.
const oldFormatQuery = `CALL () {
  MATCH (g:FactGroup)
  SET g.witnesses = COLLECT {
    MATCH (w) WHERE (w:RelationWitness OR w:EventWitness) AND w.group = g.key
    RETURN w.text ORDER BY w.text
  }
}
CALL () {
  UNWIND $relations AS row
  MATCH ()-[r]->() WHERE elementId(r) = row.id
  SET r.fact = row.fact,
      r.articles = COLLECT { MATCH (w:RelationWitness {fact: r.id}) WHERE w.group = r.group RETURN DISTINCT w.article }
}
CALL () {
  UNWIND $events AS row
  MATCH (ev:Event) WHERE elementId(ev) = row.id
  SET ev.fact = row.fact, ev.articles = COLLECT { MATCH (w:EventWitness {event: ev.id}) RETURN DISTINCT w.article }
}
CALL () {
  MATCH (w:RelationWitness) DELETE w
}
CALL () {
  MATCH (w:EventWitness) REMOVE w.text, w.article, w.published
}`

// TestNewMigratesOldWitnesses writes the old format by hand and opens the
// store on it: the witnesses become nodes, the facts lose theirs, and
// every fact reads back as before.
func TestNewMigratesOldWitnesses(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	m := memory.New()
	applyAll(t, strikeReports(0, 25), s, m)
	applyAll(t, []graph.Batch{talks("article:one"), talks("article:two")}, s, m)
	s.Close(context.Background())
	nodes := len(witnessNodes(t, c))

	// The old format's fact JSON is the fact's with its witnesses inside, as
	// reads put them back.
	fat := func(q string) []any {
		var rows []any
		for _, rec := range query(t, c, q, nil) {
			row := rec.AsMap()
			x := row["x"].(map[string]any)
			rows = append(rows, map[string]any{"id": row["id"], "fact": witnessesOf(str(x, "fact"), x["witnesses"])})
		}
		return rows
	}
	relations := fat(`MATCH ()-[r]->() WHERE r.group IS NOT NULL RETURN elementId(r) AS id, ` + relationProjection + ` AS x`)
	events := fat(`MATCH (ev:Event) RETURN elementId(ev) AS id, ` + eventProjection + ` AS x`)
	query(t, c, oldFormatQuery, map[string]any{"relations": relations, "events": events})
	if n := count(t, c, `MATCH (g:FactGroup) WHERE size(g.witnesses) > 0 RETURN count(g)`); n == 0 {
		t.Fatal("old format: no group holds its witnesses")
	}
	if n := count(t, c, `MATCH ()-[r]->() WHERE r.fact CONTAINS '"witnesses"' RETURN count(r)`); n != int64(len(relations)) {
		t.Fatalf("old format: %d of %d facts hold their witnesses, want all", n, len(relations))
	}

	s = open(t, c)
	defer s.Close(context.Background())
	if n := count(t, c, `MATCH (g:FactGroup) WHERE g.witnesses IS NOT NULL RETURN count(g)`); n != 0 {
		t.Errorf("groups holding their witnesses after New: got %d, want 0", n)
	}
	if n := count(t, c, `MATCH (w) WHERE (w:RelationWitness OR w:EventWitness) AND w.text IS NULL RETURN count(w)`); n != 0 {
		t.Errorf("witness nodes without text after New: got %d, want 0", n)
	}
	if got := len(witnessNodes(t, c)); got != nodes {
		t.Errorf("witness nodes after New: got %d, want %d", got, nodes)
	}
	if n := count(t, c, `MATCH ()-[r]->() WHERE r.fact CONTAINS '"witnesses"' OR r.articles IS NOT NULL RETURN count(r)`); n != 0 {
		t.Errorf("facts holding their witnesses or articles after New: got %d, want 0", n)
	}
	sameFacts(t, "after migrating", s, m)
	compare(t, "after migrating", s, m)

	// The migrated store writes as any other.
	applyAll(t, strikeReports(25, 27), s, m)
	sameFacts(t, "after writing to the migrated store", s, m)
}
