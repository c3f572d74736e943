package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// neighborhoodQuery is formatted with the type pattern and the clamped
// depth minus one: the entities fewer than depth
// hops away, every relation touching one of them, cut by id, and the
// centre with those relations' ends.
const neighborhoodQuery = `MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[:%[1]s*0..%[2]d]-(n:Entity)
  RETURN collect(DISTINCT n) AS near
}
CALL (near) {
  UNWIND near AS n
  MATCH (n)-[r:%[1]s]-()
  WITH DISTINCT r ORDER BY r.id LIMIT $limit
  RETURN collect({r: ` + relationProjection + `, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS relations,
         collect(startNode(r)) + collect(endNode(r)) AS ends
}
CALL (c, ends) {
  UNWIND [c] + ends AS e
  WITH DISTINCT e
  ` + entityMentions + `
  RETURN collect(` + entityMap + `) AS entities
}
RETURN relations, entities`

// relationsFor is query, a read of relations through relationProjection,
// as ctx wants it, with the decoder for its rows: the whole fact, or under
// graph.WithRelationSummaries only the properties beside it, so the fact's
// JSON, which grows with every article reporting it, is neither sent nor
// decoded.
func relationsFor(ctx context.Context, query string) (string, func(map[string]any) graph.Relation) {
	if graph.RelationSummariesOnly(ctx) {
		return strings.Replace(query, relationProjection, relationSummaryProjection, 1), decodeRelationSummary
	}
	return query, decodeRelation
}

// Neighborhood returns the subgraph around q.ID; see graph.Store.
func (s *Store) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (graph.Subgraph, error) {
	if err := ctx.Err(); err != nil {
		return graph.Subgraph{}, fmt.Errorf("neo4j: neighborhood: %w", err)
	}
	types, err := checkTypes(q.Types)
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("neo4j: neighborhood: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = graph.DefaultNeighborhoodLimit
	}
	query, decode := relationsFor(ctx, mentionsFor(ctx, fmt.Sprintf(neighborhoodQuery, types, graph.ClampDepth(q.Depth)-1)))

	var sub graph.Subgraph
	op := "neighborhood " + q.ID
	err = s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, map[string]any{"id": q.ID, "limit": int64(limit)})
		if err != nil {
			return err
		}
		sub = graph.Subgraph{} // afresh: a retried transaction runs this again
		if len(recs) != 1 {
			return nil
		}
		sub = decodeSubgraph(recs[0].AsMap(), decode)
		return nil
	})
	if err != nil {
		return graph.Subgraph{}, err
	}
	if len(sub.Entities) == 0 {
		return graph.Subgraph{}, fmt.Errorf("neo4j: %s: %w", op, graph.ErrNotFound)
	}
	sort.Slice(sub.Relations, func(i, j int) bool { return sub.Relations[i].ID < sub.Relations[j].ID })
	sort.Slice(sub.Entities, func(i, j int) bool { return sub.Entities[i].ID < sub.Entities[j].ID })
	return sub, nil
}

// decodeSubgraph reads the one row of neighborhoodQuery. A subgraph with
// no relations has nil Relations, as the memory store's has.
func decodeSubgraph(row map[string]any, decode func(map[string]any) graph.Relation) graph.Subgraph {
	rels, _ := row["relations"].([]any)
	ents, _ := row["entities"].([]any)
	var sub graph.Subgraph
	if len(rels) > 0 {
		sub.Relations = make([]graph.Relation, 0, len(rels))
	}
	sub.Entities = make([]graph.Entity, 0, len(ents))
	for _, x := range rels {
		m, _ := x.(map[string]any)
		sub.Relations = append(sub.Relations, decode(m))
	}
	for _, x := range ents {
		m, _ := x.(map[string]any)
		sub.Entities = append(sub.Entities, decodeEntity(m))
	}
	return sub
}
