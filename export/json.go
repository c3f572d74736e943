package export

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"github.com/geokg/geokg/graph"
)

// jsonGraph is networkx's node-link layout (nx.node_link_graph(d, edges="edges")),
// so the JSON export loads into networkx as a directed multigraph. writeJSON
// writes it piece by piece; tests read it back whole.
type jsonGraph struct {
	Directed   bool           `json:"directed"`
	Multigraph bool           `json:"multigraph"`
	Graph      map[string]any `json:"graph"`
	Nodes      []jsonNode     `json:"nodes"`
	Edges      []jsonEdge     `json:"edges"`
}

type jsonNode struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Kind    graph.Kind `json:"kind"`
	Aliases []string   `json:"aliases"`
	Country string     `json:"country,omitempty"`
	Lat     *float64   `json:"lat,omitempty"`
	Lon     *float64   `json:"lon,omitempty"`
}

type jsonEdge struct {
	ID         string           `json:"id"`
	Key        string           `json:"key"` // the multigraph edge key networkx reads
	Source     string           `json:"source"`
	Target     string           `json:"target"`
	Type       graph.RelType    `json:"type"`
	Class      graph.Class      `json:"class"`
	Title      string           `json:"title,omitempty"`
	Date       string           `json:"date,omitempty"`
	DateText   string           `json:"dateText,omitempty"`
	Status     string           `json:"status,omitempty"`
	ClaimedBy  string           `json:"claimedBy,omitempty"`
	Confidence float64          `json:"confidence"`
	Event      string           `json:"event,omitempty"`
	Article    string           `json:"article"`
	Evidence   []graph.Evidence `json:"evidence"`
	// Fusion: how many articles report the fact, when, and whether they disagree.
	Sources       int    `json:"sources"`
	FirstReported string `json:"firstReported,omitempty"`
	LastReported  string `json:"lastReported,omitempty"`
	Contested     bool   `json:"contested"`
}

// writeJSON writes what encoding/json would for the whole jsonGraph with a
// one-space indent, one node and one edge at a time.
func writeJSON(ctx context.Context, w io.Writer, src source) error {
	b := bufio.NewWriter(w)
	b.WriteString("{\n \"directed\": true,\n \"multigraph\": true,\n \"graph\": {\n  \"name\": \"geokg\"\n },\n \"nodes\": [")
	l := jsonList{b: b}
	err := src.entities(ctx, func(ents []graph.Entity) error {
		for _, e := range ents {
			aliases := e.Aliases
			if aliases == nil {
				aliases = []string{}
			}
			if err := l.add(jsonNode{ID: e.ID, Name: e.Name, Kind: e.Kind, Aliases: aliases, Country: e.Country, Lat: e.Lat, Lon: e.Lon}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	l.end()
	b.WriteString(",\n \"edges\": [")
	l = jsonList{b: b}
	err = src.relations(ctx, false, func(rels []graph.Relation, _ map[string]string) error {
		for _, r := range rels {
			ev := r.Evidence
			if ev == nil {
				ev = []graph.Evidence{}
			}
			err := l.add(jsonEdge{
				ID: r.ID, Key: r.ID, Source: r.Source, Target: r.Target, Type: r.Type, Class: r.Class,
				Title: r.Title, Date: r.Date, DateText: r.DateText, Status: r.Status, ClaimedBy: r.ClaimedBy,
				Confidence: r.Confidence, Event: r.Event, Article: r.Article, Evidence: ev,
				Sources: r.Sources, FirstReported: r.FirstReported, LastReported: r.LastReported, Contested: r.Contested,
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	l.end()
	b.WriteString("\n}\n")
	return b.Flush()
}

// jsonList writes the items of a JSON array nested one level in the
// document, indented as json.Encoder.SetIndent("", " ") would.
type jsonList struct {
	b *bufio.Writer
	n int
}

func (l *jsonList) add(v any) error {
	data, err := json.MarshalIndent(v, "  ", " ")
	if err != nil {
		return err
	}
	if l.n > 0 {
		l.b.WriteByte(',')
	}
	l.b.WriteString("\n  ")
	l.b.Write(data)
	l.n++
	return nil
}

func (l *jsonList) end() {
	if l.n > 0 {
		l.b.WriteString("\n ")
	}
	l.b.WriteByte(']')
}
