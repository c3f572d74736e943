// Package export writes the graph, or the neighbourhood of one entity, as
// GraphML (networkx, Gephi), node-link JSON or one CSV row per relation. The
// HTTP handler and the CLI share Write so both produce the same bytes.
package export

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Formats Write understands.
const (
	GraphML = "graphml"
	JSON    = "json"
	CSV     = "csv"
)

// DefaultFormat is the format of an export that names none, for the CLI and
// HTTP alike.
const DefaultFormat = JSON

// Formats lists the supported formats in a stable order, for help texts.
var Formats = []string{GraphML, JSON, CSV}

// Query picks what to export. With neither ID nor Name it is the whole graph;
// otherwise the neighbourhood of that entity.
type Query struct {
	ID    string          // entity id
	Name  string          // entity name or alias, used when ID is empty
	Depth int             // neighbourhood hops, 1..graph.MaxDepth; 0 means 1
	Types []graph.RelType // empty: every type
	Limit int             // max relations; <= 0: the store's default for a neighbourhood, none for the whole graph
}

// Write exports what q selects from store to w in format. Bad formats, types
// and limits are graph.ErrInvalid; an unknown entity is graph.ErrNotFound.
func Write(ctx context.Context, w io.Writer, store graph.Store, format string, q Query) error {
	enc, err := encoder(format)
	if err != nil {
		return err
	}
	sub, err := load(ctx, store, q)
	if err != nil {
		return err
	}
	if err := enc(w, sub); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

type encodeFunc func(io.Writer, graph.Subgraph) error

func encoder(format string) (encodeFunc, error) {
	switch format {
	case GraphML:
		return writeGraphML, nil
	case JSON:
		return writeJSON, nil
	case CSV:
		return writeCSV, nil
	}
	return nil, fmt.Errorf("%w: export format %q (want graphml, json or csv)", graph.ErrInvalid, format)
}

// load fetches the subgraph q selects, entities and relations sorted by id.
func load(ctx context.Context, store graph.Store, q Query) (graph.Subgraph, error) {
	for _, t := range q.Types {
		if !t.Valid() {
			return graph.Subgraph{}, fmt.Errorf("%w: relation type %q is not in the vocabulary", graph.ErrInvalid, t)
		}
	}
	if q.Limit < 0 {
		return graph.Subgraph{}, fmt.Errorf("%w: limit %d is negative", graph.ErrInvalid, q.Limit)
	}
	depth := q.Depth
	if depth == 0 {
		depth = 1
	}
	if err := checkDepth(depth); err != nil {
		return graph.Subgraph{}, err
	}
	id := q.ID
	if id == "" && q.Name != "" {
		e, err := store.FindEntity(ctx, q.Name)
		if err != nil {
			return graph.Subgraph{}, fmt.Errorf("export: entity %q: %w", q.Name, err)
		}
		id = e.ID
	}
	if id != "" {
		sub, err := store.Neighborhood(ctx, graph.NeighborhoodQuery{ID: id, Depth: depth, Types: q.Types, Limit: q.Limit})
		if err != nil {
			return graph.Subgraph{}, fmt.Errorf("export: neighbourhood of %q: %w", id, err)
		}
		return sub, nil
	}
	return loadAll(ctx, store, q)
}

// loadAll returns every relation matching q. Without a type filter or limit
// every entity comes too, isolated ones included; with one, only the
// endpoints of the kept relations, so the file is the subgraph asked for.
func loadAll(ctx context.Context, store graph.Store, q Query) (graph.Subgraph, error) {
	rels, err := store.Relations(ctx, graph.RelationFilter{Types: q.Types, Limit: q.Limit})
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("export: relations: %w", err)
	}
	var ents []graph.Entity
	if len(q.Types) == 0 && q.Limit == 0 {
		// The empty search matches every entity.
		ents, err = store.SearchEntities(ctx, graph.EntityFilter{})
	} else {
		ents, err = store.Entities(ctx, endpoints(rels))
	}
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("export: entities: %w", err)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	return graph.Subgraph{Entities: ents, Relations: rels}, nil
}

// endpoints lists the distinct entity ids relations touch, sorted.
func endpoints(rels []graph.Relation) []string {
	seen := make(map[string]bool, 2*len(rels))
	var ids []string
	for _, r := range rels {
		for _, id := range []string{r.Source, r.Target} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// firstEvidence is the evidence a one-row-per-relation format shows: the
// loader gives each relation the one sentence that states it.
func firstEvidence(r graph.Relation) (graph.Evidence, bool) {
	if len(r.Evidence) == 0 {
		return graph.Evidence{}, false
	}
	return r.Evidence[0], true
}

// checkDepth holds neighbourhood depths to the GraphQL neighborhood query's
// rule: out of range is refused, not clamped, so an export asked for depth
// 99 does not quietly answer depth 3.
func checkDepth(d int) error {
	if d < 1 || d > graph.MaxDepth {
		return fmt.Errorf("%w: depth must be between 1 and %d, got %d", graph.ErrInvalid, graph.MaxDepth, d)
	}
	return nil
}

// ParseDepth reads a depth as the CLI and /export take it: "" is 1.
func ParseDepth(s string) (int, error) {
	if s == "" {
		return 1, nil
	}
	d, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%w: depth must be an integer between 1 and %d, got %q", graph.ErrInvalid, graph.MaxDepth, s)
	}
	return d, checkDepth(d)
}

// ParseTypes reads a comma-separated list of relation types, any case.
func ParseTypes(s string) []graph.RelType {
	var types []graph.RelType
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			types = append(types, graph.RelType(strings.ToUpper(t)))
		}
	}
	return types
}
