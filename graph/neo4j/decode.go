package neo4j

import (
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

func intPtr(m map[string]any, key string) *int {
	if v, ok := m[key].(int64); ok {
		i := int(v)
		return &i
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

func decodeEvidence(m map[string]any, article string) []graph.Evidence {
	starts, ends, texts := spans(m["evidenceStart"], m["evidenceEnd"], m["evidenceText"])
	out := make([]graph.Evidence, len(starts))
	for i := range starts {
		out[i] = graph.Evidence{Article: article, Start: starts[i], End: ends[i], Text: texts[i]}
	}
	return out
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

// decodeRelation reads a row of r {.*} AS r, type, source and target.
func decodeRelation(row map[string]any) graph.Relation {
	m, _ := row["r"].(map[string]any)
	article := str(m, "article")
	confidence, _ := m["confidence"].(float64)
	return graph.Relation{
		ID: str(m, "id"), Type: graph.RelType(str(row, "type")), Class: graph.Class(str(m, "class")),
		Source: str(row, "source"), Target: str(row, "target"),
		Title: str(m, "title"), Date: str(m, "date"), DateText: str(m, "dateText"),
		Status: str(m, "status"), ClaimedBy: str(m, "claimedBy"), Confidence: confidence,
		Event: str(m, "event"), Article: article, Evidence: decodeEvidence(m, article),
	}
}

func decodeEvent(row map[string]any) graph.Event {
	m, _ := row["ev"].(map[string]any)
	article := str(m, "article")
	ev := graph.Event{
		ID: str(m, "id"), Type: graph.Class(str(m, "type")), Label: str(m, "label"),
		Mode: str(m, "mode"), Date: str(m, "date"), DateText: str(m, "dateText"),
		Status: str(m, "status"), Place: str(row, "place"),
		Killed: intPtr(m, "killed"), Injured: intPtr(m, "injured"),
		Participants: []graph.Participant{},
		Article:      article, Evidence: decodeEvidence(m, article),
	}
	list, _ := row["participants"].([]any)
	for _, x := range list {
		p, _ := x.(map[string]any)
		ev.Participants = append(ev.Participants, graph.Participant{Entity: str(p, "entity"), Role: str(p, "role")})
	}
	sort.Slice(ev.Participants, func(i, j int) bool {
		a, b := ev.Participants[i], ev.Participants[j]
		if a.Entity != b.Entity {
			return a.Entity < b.Entity
		}
		return a.Role < b.Role
	})
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
