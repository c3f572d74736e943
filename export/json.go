package export

import (
	"encoding/json"
	"io"

	"github.com/geokg/geokg/graph"
)

// jsonGraph is networkx's node-link layout (nx.node_link_graph(d, edges="edges")),
// so the JSON export loads into networkx as a directed multigraph.
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

func writeJSON(w io.Writer, sub graph.Subgraph) error {
	g := jsonGraph{
		Directed:   true,
		Multigraph: true,
		Graph:      map[string]any{"name": "geokg"},
		Nodes:      make([]jsonNode, 0, len(sub.Entities)),
		Edges:      make([]jsonEdge, 0, len(sub.Relations)),
	}
	for _, e := range sub.Entities {
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		g.Nodes = append(g.Nodes, jsonNode{ID: e.ID, Name: e.Name, Kind: e.Kind, Aliases: aliases, Country: e.Country, Lat: e.Lat, Lon: e.Lon})
	}
	for _, r := range sub.Relations {
		ev := r.Evidence
		if ev == nil {
			ev = []graph.Evidence{}
		}
		g.Edges = append(g.Edges, jsonEdge{
			ID: r.ID, Key: r.ID, Source: r.Source, Target: r.Target, Type: r.Type, Class: r.Class,
			Title: r.Title, Date: r.Date, DateText: r.DateText, Status: r.Status, ClaimedBy: r.ClaimedBy,
			Confidence: r.Confidence, Event: r.Event, Article: r.Article, Evidence: ev,
			Sources: r.Sources, FirstReported: r.FirstReported, LastReported: r.LastReported, Contested: r.Contested,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(g)
}
