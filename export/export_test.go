package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// The body holds text that must survive every format: commas, quotes,
// markup, a newline and sentences that a spreadsheet would run as formulas.
const body = `Ana Vela called Tomas Reyn, "urgently", about <talks> & more on Monday.` + "\n" +
	`=HYPERLINK("http://evil.example","x") accused Reyn. ` +
	`Ana Vela leads Norland. ` +
	`Sudria struck Port Amar.`

var sentences = []string{
	`Ana Vela called Tomas Reyn, "urgently", about <talks> & more on Monday.`,
	`=HYPERLINK("http://evil.example","x") accused Reyn.`,
	`Ana Vela leads Norland.`,
	`Sudria struck Port Amar.`,
}

const evilName = `=HYPERLINK("http://evil.example","x")`

func evidence(t *testing.T, sentence string) []graph.Evidence {
	t.Helper()
	i := strings.Index(body, sentence)
	if i < 0 {
		t.Fatalf("fixture: %q not in body", sentence)
	}
	return []graph.Evidence{{Start: i, End: i + len(sentence), Text: sentence}}
}

func rel(t *testing.T, id string, typ graph.RelType, src, dst, sentence string) graph.Relation {
	class, _ := graph.ClassOf(typ)
	return graph.Relation{ID: id, Type: typ, Class: class, Source: src, Target: dst, Confidence: 0.75, Evidence: evidence(t, sentence)}
}

// newStore returns a memory store holding one hand-made article: a
// component of four entities around Ana Vela, a separate Sudria -> Port Amar
// edge and an island no relation touches.
func newStore(t *testing.T) graph.Store {
	t.Helper()
	calls := rel(t, "rel:1-calls", "CALLS", "person:ana-vela", "person:tomas-reyn", sentences[0])
	calls.Date, calls.DateText, calls.Status, calls.Confidence = "2025-05-19", "on Monday", graph.StatusPlanned, 0.9
	accused := rel(t, "rel:2-accused", "ACCUSED", "group:evil", "person:tomas-reyn", sentences[1])
	accused.Status = graph.StatusOccurred
	leads := rel(t, "rel:3-leader", "LEADER_OF", "person:ana-vela", "country:NL", sentences[2])
	leads.Title = "President"
	struck := rel(t, "rel:4-struck", "STRUCK", "country:SD", "city:port-amar", sentences[3])
	b := graph.Batch{
		Article: graph.Article{ID: "article:t", Title: "Test", Published: "2025-05-17", Text: body},
		Entities: []graph.Entity{
			{ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person, Aliases: []string{"Vela", "Madam Vela"}},
			{ID: "person:tomas-reyn", Name: "Tomas Reyn", Kind: graph.Person, Aliases: []string{"Reyn"}},
			{ID: "group:evil", Name: evilName, Kind: graph.Group},
			{ID: "country:NL", Name: "Norland", Kind: graph.Country, Country: "NL"},
			{ID: "country:SD", Name: "Sudria", Kind: graph.Country},
			{ID: "city:port-amar", Name: "Port Amar", Kind: graph.City},
			{ID: "location:isle", Name: `Isle <Far> & "Away"`, Kind: graph.Location},
		},
		Relations: []graph.Relation{calls, accused, leads, struck},
	}
	s := memory.New()
	if err := s.Apply(context.Background(), b); err != nil {
		t.Fatalf("apply fixture: %v", err)
	}
	return s
}

func TestSelection(t *testing.T) {
	store := newStore(t)
	all := []string{"city:port-amar", "country:NL", "country:SD", "group:evil", "location:isle", "person:ana-vela", "person:tomas-reyn"}
	tests := []struct {
		name      string
		q         Query
		wantNodes []string
		wantEdges []string
	}{
		{"whole graph keeps isolated entities", Query{}, all,
			[]string{"rel:1-calls", "rel:2-accused", "rel:3-leader", "rel:4-struck"}},
		{"whole graph by type keeps endpoints only", Query{Types: []graph.RelType{"STRUCK"}},
			[]string{"city:port-amar", "country:SD"}, []string{"rel:4-struck"}},
		{"neighbourhood depth 1", Query{ID: "person:ana-vela", Depth: 1},
			[]string{"country:NL", "person:ana-vela", "person:tomas-reyn"}, []string{"rel:1-calls", "rel:3-leader"}},
		{"neighbourhood depth 2", Query{ID: "person:ana-vela", Depth: 2},
			[]string{"country:NL", "group:evil", "person:ana-vela", "person:tomas-reyn"},
			[]string{"rel:1-calls", "rel:2-accused", "rel:3-leader"}},
		{"neighbourhood by alias", Query{Name: "madam vela", Types: []graph.RelType{"CALLS"}},
			[]string{"person:ana-vela", "person:tomas-reyn"}, []string{"rel:1-calls"}},
		{"isolated entity", Query{ID: "location:isle"}, []string{"location:isle"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, store, JSON, tc.q); err != nil {
				t.Fatalf("Write: %v", err)
			}
			g := decodeJSON(t, buf.Bytes())
			var nodes, edges []string
			for _, n := range g.Nodes {
				nodes = append(nodes, n.ID)
			}
			for _, e := range g.Edges {
				edges = append(edges, e.ID)
			}
			if !slices.Equal(nodes, tc.wantNodes) {
				t.Errorf("got nodes %v, want %v", nodes, tc.wantNodes)
			}
			if !slices.Equal(edges, tc.wantEdges) {
				t.Errorf("got edges %v, want %v", edges, tc.wantEdges)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	store := newStore(t)
	tests := []struct {
		name   string
		format string
		q      Query
		want   error
	}{
		{"unknown format", "xlsx", Query{}, graph.ErrInvalid},
		{"empty format", "", Query{}, graph.ErrInvalid},
		{"unknown type", CSV, Query{Types: []graph.RelType{"LIKES"}}, graph.ErrInvalid},
		{"unknown type in neighbourhood", CSV, Query{ID: "person:ana-vela", Types: []graph.RelType{"LIKES"}}, graph.ErrInvalid},
		{"negative limit", JSON, Query{Limit: -1}, graph.ErrInvalid},
		{"depth over graph.MaxDepth", JSON, Query{ID: "person:ana-vela", Depth: graph.MaxDepth + 1}, graph.ErrInvalid},
		{"negative depth", JSON, Query{ID: "person:ana-vela", Depth: -1}, graph.ErrInvalid},
		{"unknown id", GraphML, Query{ID: "person:nobody"}, graph.ErrNotFound},
		{"unknown name", GraphML, Query{Name: "Nobody"}, graph.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(context.Background(), &buf, store, tc.format, tc.q)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got error %v, want %v", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("got %d bytes written on error, want none", buf.Len())
			}
		})
	}
}

type xmlGraphML struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []xmlItem `xml:"node"`
		Edges       []xmlItem `xml:"edge"`
	} `xml:"graph"`
}

type xmlItem struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

func (it xmlItem) attrs(t *testing.T, keys map[string]string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range it.Data {
		name, ok := keys[d.Key]
		if !ok {
			t.Errorf("%s: data key %q is not declared", it.ID, d.Key)
		}
		out[name] = d.Value
	}
	return out
}

func TestGraphMLParsesBack(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, newStore(t), GraphML, Query{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	var g xmlGraphML
	if err := xml.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, buf.String())
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Errorf("got edgedefault %q, want directed", g.Graph.EdgeDefault)
	}
	nodeKeys, edgeKeys := map[string]string{}, map[string]string{}
	for _, k := range g.Keys {
		switch k.For {
		case "node":
			nodeKeys[k.ID] = k.Name
		case "edge":
			edgeKeys[k.ID] = k.Name
		default:
			t.Errorf("key %s is for %q, want node or edge", k.ID, k.For)
		}
	}
	for _, want := range []string{"name", "kind"} {
		if !slices.Contains(slices.Collect(maps.Values(nodeKeys)), want) {
			t.Errorf("no node key declared for %q", want)
		}
	}
	for _, want := range []string{"type", "class", "date", "status", "evidence"} {
		if !slices.Contains(slices.Collect(maps.Values(edgeKeys)), want) {
			t.Errorf("no edge key declared for %q", want)
		}
	}

	if got, want := len(g.Graph.Nodes), 7; got != want {
		t.Fatalf("got %d nodes, want %d", got, want)
	}
	nodes := map[string]map[string]string{}
	for _, n := range g.Graph.Nodes {
		nodes[n.ID] = n.attrs(t, nodeKeys)
	}
	if got := nodes["group:evil"]["name"]; got != evilName {
		t.Errorf("got name %q, want %q", got, evilName)
	}
	if got, want := nodes["location:isle"]["name"], `Isle <Far> & "Away"`; got != want {
		t.Errorf("got name %q, want %q", got, want)
	}
	if got, want := nodes["person:ana-vela"]["kind"], "PERSON"; got != want {
		t.Errorf("got kind %q, want %q", got, want)
	}

	if got, want := len(g.Graph.Edges), 4; got != want {
		t.Fatalf("got %d edges, want %d", got, want)
	}
	e := g.Graph.Edges[0]
	if e.ID != "rel:1-calls" || e.Source != "person:ana-vela" || e.Target != "person:tomas-reyn" {
		t.Fatalf("got edge %s %s->%s, want rel:1-calls person:ana-vela->person:tomas-reyn", e.ID, e.Source, e.Target)
	}
	want := map[string]string{
		"label": "CALLS", "type": "CALLS", "class": "CONSULT", "date": "2025-05-19", "dateText": "on Monday",
		"status": "planned", "confidence": "0.9", "article": "article:t", "evidence": sentences[0],
		"evidenceStart": "0", "evidenceEnd": "71",
		"sources": "1", "firstReported": "2025-05-17", "lastReported": "2025-05-17", "contested": "false",
	}
	got := e.attrs(t, edgeKeys)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("edge attr %s: got %q, want %q", k, got[k], v)
		}
	}
	if _, ok := got["claimedBy"]; ok {
		t.Errorf("got empty claimedBy written, want it left out")
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, newStore(t), CSV, Query{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if got, want := len(rows), 5; got != want {
		t.Fatalf("got %d rows, want %d (header + 4 relations)", got, want)
	}
	if !slices.Equal(rows[0], csvHeader) {
		t.Errorf("got header %v, want %v", rows[0], csvHeader)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[0]] = r
	}
	tests := []struct {
		row, column, want string
	}{
		{"rel:1-calls", "source", "Ana Vela"},
		{"rel:1-calls", "target", "Tomas Reyn"},
		{"rel:1-calls", "type", "CALLS"},
		{"rel:1-calls", "class", "CONSULT"},
		{"rel:1-calls", "date", "2025-05-19"},
		{"rel:1-calls", "status", "planned"},
		{"rel:1-calls", "confidence", "0.9"},
		{"rel:1-calls", "article", "article:t"},
		{"rel:1-calls", "evidence", sentences[0]}, // commas, quotes and markup round-trip
		{"rel:1-calls", "evidence_start", "0"},
		{"rel:1-calls", "evidence_end", "71"},
		{"rel:1-calls", "sources", "1"},
		{"rel:1-calls", "first_reported", "2025-05-17"},
		{"rel:1-calls", "contested", "false"},
		{"rel:2-accused", "source", "'" + evilName}, // a formula is defused
		{"rel:2-accused", "evidence", "'" + sentences[1]},
		{"rel:3-leader", "title", "President"},
		{"rel:3-leader", "date", ""},
	}
	for _, tc := range tests {
		r, ok := byID[tc.row]
		if !ok {
			t.Errorf("no row %s", tc.row)
			continue
		}
		if got := r[col[tc.column]]; got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.row, tc.column, got, tc.want)
		}
	}
}

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Ana Vela", "Ana Vela"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
	}
	for _, tc := range tests {
		if got := cell(tc.in); got != tc.want {
			t.Errorf("cell(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func decodeJSON(t *testing.T, b []byte) jsonGraph {
	t.Helper()
	var g jsonGraph
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	return g
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, newStore(t), JSON, Query{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	g := decodeJSON(t, buf.Bytes())
	if !g.Directed || !g.Multigraph {
		t.Errorf("got directed=%v multigraph=%v, want both true", g.Directed, g.Multigraph)
	}
	if got, want := len(g.Nodes), 7; got != want {
		t.Fatalf("got %d nodes, want %d", got, want)
	}
	if got, want := len(g.Edges), 4; got != want {
		t.Fatalf("got %d edges, want %d", got, want)
	}
	e := g.Edges[0]
	if e.Key != e.ID || e.Type != "CALLS" || e.Status != "planned" || len(e.Evidence) != 1 || e.Evidence[0].Text != sentences[0] {
		t.Errorf("got edge %+v, want the CALLS relation with its evidence", e)
	}
	if e.Evidence[0].Article != "article:t" {
		t.Errorf("got evidence article %q, want article:t", e.Evidence[0].Article)
	}
}
