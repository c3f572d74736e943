package neo4j

import (
	"encoding/json"
	"sort"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Decoding is lenient: a missing or mistyped property reads as the zero
// value, as an absent optional property should.

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func floatPtr(m map[string]any, key string) *float64 {
	switch v := m[key].(type) {
	case float64:
		return &v
	case int64:
		f := float64(v)
		return &f
	}
	return nil
}

func strList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func intList(v any) []int {
	list, _ := v.([]any)
	out := make([]int, 0, len(list))
	for _, x := range list {
		n, _ := x.(int64)
		out = append(out, int(n))
	}
	return out
}

// spans zips parallel start, end and text lists, cut to the shortest.
func spans(starts, ends, texts any) (s, e []int, t []string) {
	s, e, t = intList(starts), intList(ends), strList(texts)
	n := min(len(s), len(e), len(t))
	return s[:n], e[:n], t[:n]
}

func decodeEntity(row map[string]any) graph.Entity {
	e := graph.Entity{
		ID: str(row, "id"), Name: str(row, "name"), Kind: graph.Kind(str(row, "kind")),
		Aliases: strList(row["aliases"]), Country: str(row, "country"),
		Lat: floatPtr(row, "lat"), Lon: floatPtr(row, "lon"),
		Mentions: []graph.Mention{},
	}
	list, _ := row["mentions"].([]any)
	for _, x := range list {
		m, _ := x.(map[string]any)
		article := str(m, "article")
		starts, ends, texts := spans(m["starts"], m["ends"], m["texts"])
		for i := range starts {
			e.Mentions = append(e.Mentions, graph.Mention{Article: article, Start: starts[i], End: ends[i], Text: texts[i]})
		}
	}
	// By article, then as stored: by offset.
	sort.SliceStable(e.Mentions, func(i, j int) bool { return e.Mentions[i].Article < e.Mentions[j].Article })
	return e
}

// decodeEntityRow reads a record whose e is an entityMap.
func decodeEntityRow(rec *driver.Record) graph.Entity {
	m, _ := rec.AsMap()["e"].(map[string]any)
	return decodeEntity(m)
}

func decodeRelations(recs []*driver.Record) []graph.Relation {
	out := make([]graph.Relation, 0, len(recs))
	for _, rec := range recs {
		out = append(out, decodeRelation(rec.AsMap()))
	}
	return out
}

// relationProjection is what reads return of a relation fact r: the fact,
// its witnesses (see witnessesOf) and the fused event holding its first
// report's event.
const relationProjection = `r {.fact, .fusedEvent, witnesses: COLLECT {
  MATCH (w:RelationWitness {fact: r.id}) WHERE w.group = r.group
  RETURN [w.published, w.article, w.id, w.text] }}`

// decodeRelation reads a row of a relationProjection AS r, type, source
// and target: the fact as stored, with the fused event its first report's
// event is in now.
func decodeRelation(row map[string]any) graph.Relation {
	m, _ := row["r"].(map[string]any)
	r := facts.decode(witnessesOf(str(m, "fact"), m["witnesses"])) // lenient, as every property is
	r.Type, r.Source, r.Target = graph.RelType(str(row, "type")), str(row, "source"), str(row, "target")
	r.Event = str(m, "fusedEvent")
	return r
}

// relationSummaryProjection is what a read of graph.Relation.Summary
// returns of a relation fact r: the properties the store keeps beside the
// fact for queries to filter on (see fuse.go), never the fact itself.
const relationSummaryProjection = `r {.id, .class, .date, .status, .confidence, .sources, .contested, .fusedEvent}`

// decodeRelationSummary reads a row of a relationSummaryProjection AS r,
// type, source and target.
func decodeRelationSummary(row map[string]any) graph.Relation {
	m, _ := row["r"].(map[string]any)
	r := graph.Relation{
		ID: str(m, "id"), Type: graph.RelType(str(row, "type")), Class: graph.Class(str(m, "class")),
		Source: str(row, "source"), Target: str(row, "target"),
		Date: str(m, "date"), Status: str(m, "status"), Event: str(m, "fusedEvent"),
		Sources: intOf(m, "sources"),
	}
	if c := floatPtr(m, "confidence"); c != nil {
		r.Confidence = *c
	}
	r.Contested, _ = m["contested"].(bool)
	return r.Summary()
}

// eventProjection is what reads return of a fused event ev: the event and
// its witnesses (see witnessesOf).
const eventProjection = `ev {.fact, witnesses: COLLECT {
  MATCH (w:EventWitness {event: ev.id})
  RETURN [w.published, w.article, w.id, w.text] }}`

// decodeEvent reads a row of an eventProjection AS ev: the fused event as
// stored.
func decodeEvent(row map[string]any) graph.Event {
	m, _ := row["ev"].(map[string]any)
	var ev graph.Event
	_ = json.Unmarshal([]byte(witnessesOf(str(m, "fact"), m["witnesses"])), &ev)
	if ev.Participants == nil {
		ev.Participants = []graph.Participant{}
	}
	ev.Evidence = []graph.Evidence{}
	for _, w := range ev.Witnesses {
		ev.Evidence = append(ev.Evidence, w.Evidence...)
	}
	return ev
}

// decodeArticle reads a row of a {.*} AS a.
func decodeArticle(row map[string]any) graph.Article {
	m, _ := row["a"].(map[string]any)
	return graph.Article{
		ID: str(m, "id"), Title: str(m, "title"), Source: str(m, "source"),
		Published: str(m, "published"), SHA256: str(m, "sha256"), Text: str(m, "text"),
	}
}
