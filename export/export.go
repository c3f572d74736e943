// Package export writes the graph, or the neighbourhood of one entity, as
// GraphML (networkx, Gephi), node-link JSON or one CSV row per relation. The
// HTTP handler and the CLI share Write so both produce the same bytes.
package export

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
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
// and limits are graph.ErrInvalid; an unknown entity is graph.ErrNotFound;
// neither writes anything. The whole graph is read and written a store page
// at a time, so memory holds a page, not the graph or the document; a
// neighbourhood, cut to its limit, is read at once. A store failure midway
// leaves w with part of a document, and the error says so.
func Write(ctx context.Context, w io.Writer, store graph.Store, format string, q Query) error {
	enc, err := encoder(format)
	if err != nil {
		return err
	}
	src, err := open(ctx, store, q)
	if err != nil {
		return err
	}
	if err := enc(ctx, w, src); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

type encodeFunc func(context.Context, io.Writer, source) error

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

// source hands an encoder what an export selects a slice at a time: every
// entity sorted by id, then every relation sorted by id, each relation
// slice with the names of its endpoints when asked for them.
type source interface {
	entities(ctx context.Context, yield func([]graph.Entity) error) error
	relations(ctx context.Context, withNames bool, yield func(rels []graph.Relation, names map[string]string) error) error
}

// open checks q and picks its source; for a neighbourhood that reads it.
func open(ctx context.Context, store graph.Store, q Query) (source, error) {
	for _, t := range q.Types {
		if !t.Valid() {
			return nil, fmt.Errorf("%w: relation type %q is not in the vocabulary", graph.ErrInvalid, t)
		}
	}
	if q.Limit < 0 {
		return nil, fmt.Errorf("%w: limit %d is negative", graph.ErrInvalid, q.Limit)
	}
	depth := q.Depth
	if depth == 0 {
		depth = 1
	}
	if err := checkDepth(depth); err != nil {
		return nil, err
	}
	// Exports show no mentions; an entity read without them is far smaller.
	ctx = graph.WithoutMentions(ctx)
	id := q.ID
	if id == "" && q.Name != "" {
		e, err := store.FindEntity(ctx, q.Name)
		if err != nil {
			return nil, fmt.Errorf("export: entity %q: %w", q.Name, err)
		}
		id = e.ID
	}
	if id != "" {
		sub, err := store.Neighborhood(ctx, graph.NeighborhoodQuery{ID: id, Depth: depth, Types: q.Types, Limit: q.Limit})
		if err != nil {
			return nil, fmt.Errorf("export: neighbourhood of %q: %w", id, err)
		}
		return subgraphSource(sub), nil
	}
	src := &graphSource{store: store, types: q.Types, limit: q.Limit}
	if q.Limit > 0 {
		// The file holds the endpoints of the kept relations, and nodes
		// come first: find them with a first pass over the relations.
		ids := map[string]bool{}
		err := src.relations(ctx, false, func(rels []graph.Relation, _ map[string]string) error {
			for _, r := range rels {
				ids[r.Source], ids[r.Target] = true, true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		src.endpoints = slices.Sorted(maps.Keys(ids))
	}
	return src, nil
}

// subgraphSource is a subgraph already read, sorted by id.
type subgraphSource graph.Subgraph

func (s subgraphSource) entities(_ context.Context, yield func([]graph.Entity) error) error {
	return yield(s.Entities)
}

func (s subgraphSource) relations(_ context.Context, withNames bool, yield func([]graph.Relation, map[string]string) error) error {
	var names map[string]string
	if withNames {
		names = make(map[string]string, len(s.Entities))
		for _, e := range s.Entities {
			names[e.ID] = e.Name
		}
	}
	return yield(s.Relations, names)
}

// pageSize is how many entities or relations a whole-graph export reads
// from the store at once.
const pageSize = graph.MaxPageSize

// graphSource pages through the whole graph. Every relation of types
// (all types when empty), the first limit of them when limit > 0. Without
// types and limit every entity comes, isolated ones included; with them,
// only the endpoints of the kept relations, so the file is the subgraph
// asked for.
type graphSource struct {
	store     graph.Store
	types     []graph.RelType
	limit     int
	endpoints []string // with a limit: the kept relations' endpoints, sorted
}

func (s *graphSource) entities(ctx context.Context, yield func([]graph.Entity) error) error {
	ctx = graph.WithoutMentions(ctx)
	if s.limit > 0 {
		for ids := range slices.Chunk(s.endpoints, pageSize) {
			ents, err := s.store.Entities(ctx, ids)
			if err != nil {
				return fmt.Errorf("export: entities: %w", err)
			}
			if err := yield(ents); err != nil {
				return err
			}
		}
		return nil
	}
	q := graph.EntityQuery{Page: graph.Page{Limit: pageSize}}
	for {
		ents, _, err := s.store.ListEntities(ctx, q)
		if err != nil {
			return fmt.Errorf("export: entities: %w", err)
		}
		if len(ents) == 0 {
			return nil
		}
		q.After = ents[len(ents)-1].ID
		if len(s.types) > 0 {
			if ents, err = s.withRelations(ctx, ents); err != nil {
				return err
			}
		}
		if err := yield(ents); err != nil {
			return err
		}
	}
}

// withRelations keeps the entities that are an endpoint of a relation of
// s.types.
func (s *graphSource) withRelations(ctx context.Context, ents []graph.Entity) ([]graph.Entity, error) {
	ids := make([]string, len(ents))
	for i, e := range ents {
		ids[i] = e.ID
	}
	byID, err := s.store.RelationsOf(ctx, ids, graph.RelationFilter{Types: s.types, Limit: 1})
	if err != nil {
		return nil, fmt.Errorf("export: relations of entities: %w", err)
	}
	return slices.DeleteFunc(ents, func(e graph.Entity) bool { return len(byID[e.ID]) == 0 }), nil
}

func (s *graphSource) relations(ctx context.Context, withNames bool, yield func([]graph.Relation, map[string]string) error) error {
	q := graph.RelationQuery{Types: s.types, Page: graph.Page{Limit: pageSize}}
	left := s.limit
	for {
		if s.limit > 0 {
			if left == 0 {
				return nil
			}
			q.Limit = min(pageSize, left)
		}
		rels, _, err := s.store.ListRelations(ctx, q)
		if err != nil {
			return fmt.Errorf("export: relations: %w", err)
		}
		if len(rels) == 0 {
			return nil
		}
		q.After, left = rels[len(rels)-1].ID, left-len(rels)
		var names map[string]string
		if withNames {
			if names, err = s.names(ctx, rels); err != nil {
				return err
			}
		}
		if err := yield(rels, names); err != nil {
			return err
		}
	}
}

// names maps the endpoints of rels to their names.
func (s *graphSource) names(ctx context.Context, rels []graph.Relation) (map[string]string, error) {
	ids := make([]string, 0, 2*len(rels))
	for _, r := range rels {
		ids = append(ids, r.Source, r.Target)
	}
	slices.Sort(ids)
	ents, err := s.store.Entities(graph.WithoutMentions(ctx), slices.Compact(ids))
	if err != nil {
		return nil, fmt.Errorf("export: entities: %w", err)
	}
	names := make(map[string]string, len(ents))
	for _, e := range ents {
		names[e.ID] = e.Name
	}
	return names, nil
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
