package resolvers

import "github.com/geokg/geokg/graph"

// optional turns the domain's "" (unknown) into GraphQL null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// subgraph flattens a store subgraph into drawable nodes and edges.
func subgraph(sub graph.Subgraph) *Graph {
	g := &Graph{
		Nodes: make([]GraphNode, 0, len(sub.Entities)),
		Edges: make([]GraphEdge, 0, len(sub.Relations)),
	}
	for _, e := range sub.Entities {
		g.Nodes = append(g.Nodes, GraphNode{ID: e.ID, Label: e.Name, Kind: e.Kind})
	}
	for _, r := range sub.Relations {
		g.Edges = append(g.Edges, GraphEdge{
			ID: r.ID, Source: r.Source, Target: r.Target,
			Type: string(r.Type), Class: string(r.Class),
			Date: optional(r.Date), Status: optional(r.Status),
			Sources: r.Sources, Contested: r.Contested,
		})
	}
	return g
}

// casualties is one witness's figures; nil when it gives none.
func casualties(killed, injured *int) *Casualties {
	if killed == nil && injured == nil {
		return nil
	}
	return &Casualties{Killed: killed, Injured: injured}
}
