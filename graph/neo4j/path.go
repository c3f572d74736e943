package neo4j

import (
	"context"
	"fmt"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// maxPathReach bounds the entities one hop of a path search may reach; a
// search reaching more is refused rather than left to exhaust the
// database's memory.
const maxPathReach = 50_000

// Path search runs in one read transaction, breadth first by entity, so
// its work grows with the entities and relations within reach, never with
// the number of paths: allShortestPaths, which this replaces, enumerates
// every shortest path, and between two well-connected cities 4 hops apart
// that took 2.6 s and 800 MB of heap. First the layers of entities at
// distance 1, 2, ... from the target until the source is reached, then a
// walk from the source that takes, at each step, the relation with the
// least id leading one layer closer: the least path by LessPath among all
// shortest ones, without listing them.
const (
	pathEndsQuery = `OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo`

	// pathLayerQuery is formatted with the type pattern: the distinct
	// neighbours of a layer, at most $reach of them.
	pathLayerQuery = `UNWIND $ids AS id
MATCH (:Entity {id: id})-[:%s]-(y:Entity)
RETURN DISTINCT y.id AS id
LIMIT $reach`

	// pathStepQuery is formatted with the type pattern: the least relation
	// from $id to an entity of the next layer.
	pathStepQuery = `MATCH (:Entity {id: $id})-[r:%s]-(y:Entity)
WHERE y.id IN $next
WITH r, y ORDER BY r.id LIMIT 1
RETURN ` + relationProjection + ` AS r, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, y.id AS next`
)

// ShortestPath picks the least path by relation ids among all shortest
// ones; see graph.Store.
func (s *Store) ShortestPath(ctx context.Context, q graph.PathQuery) ([]graph.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("neo4j: shortest path: %w", err)
	}
	types, err := checkTypes(q.Types)
	if err != nil {
		return nil, fmt.Errorf("neo4j: shortest path: %w", err)
	}
	op := fmt.Sprintf("shortest path %s to %s", q.From, q.To)
	var path []graph.Relation
	var missing string
	var tooBroad error
	err = s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		path, missing, tooBroad = nil, "", nil // afresh: a retried transaction runs this again
		recs, err := s.run(ctx, tx, pathEndsQuery, map[string]any{"from": q.From, "to": q.To})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("%s: got %d rows, want 1", op, len(recs))
		}
		row := recs[0].AsMap()
		switch {
		case row["hasFrom"] != true:
			missing = q.From
			return nil
		case row["hasTo"] != true:
			missing = q.To
			return nil
		case q.From == q.To:
			path = []graph.Relation{}
			return nil
		}
		layers, err := s.pathLayers(ctx, tx, types, q)
		if err != nil || layers == nil {
			tooBroad = err
			return nil
		}
		path, err = s.pathWalk(ctx, tx, types, q.From, q.To, layers)
		return err
	})
	if err != nil {
		return nil, err
	}
	if missing != "" {
		return nil, fmt.Errorf("neo4j: %s: entity %s: %w", op, missing, graph.ErrNotFound)
	}
	if tooBroad != nil {
		return nil, fmt.Errorf("neo4j: %s: %w", op, tooBroad)
	}
	return path, nil
}

// pathLayers returns the entities at distance 1, 2, ... from q.To, up to
// the layer that holds q.From; nil when q.From is not within the hops. A
// layer reaching more than maxPathReach entities is an ErrInvalid error.
func (s *Store) pathLayers(ctx context.Context, tx driver.ManagedTransaction, types string, q graph.PathQuery) ([][]string, error) {
	query := fmt.Sprintf(pathLayerQuery, types)
	seen := map[string]bool{q.To: true}
	frontier := []string{q.To}
	var layers [][]string
	for hop := 1; hop <= graph.ClampHops(q.MaxHops); hop++ {
		recs, err := s.run(ctx, tx, query, map[string]any{"ids": frontier, "reach": int64(maxPathReach + 1)})
		if err != nil {
			return nil, err
		}
		if len(recs) > maxPathReach {
			return nil, fmt.Errorf("%w: more than %d entities lie within %d hops; give types or a smaller maxHops", graph.ErrInvalid, maxPathReach, hop)
		}
		var next []string
		for _, rec := range recs {
			id, _ := rec.Values[0].(string)
			if id == q.From {
				return append(layers, []string{id}), nil
			}
			if !seen[id] {
				seen[id] = true
				next = append(next, id)
			}
		}
		if len(next) == 0 {
			return nil, nil
		}
		layers = append(layers, next)
		frontier = next
	}
	return nil, nil
}

// pathWalk follows the least relation from each layer to the next closer
// one, from the source (the last layer) to the target (layer "0").
func (s *Store) pathWalk(ctx context.Context, tx driver.ManagedTransaction, types, from, to string, layers [][]string) ([]graph.Relation, error) {
	query := fmt.Sprintf(pathStepQuery, types)
	path := make([]graph.Relation, 0, len(layers))
	at := from
	for d := len(layers) - 1; d >= 0; d-- {
		next := []string{to}
		if d > 0 {
			next = layers[d-1]
		}
		recs, err := s.run(ctx, tx, query, map[string]any{"id": at, "next": next})
		if err != nil {
			return nil, err
		}
		if len(recs) != 1 {
			return nil, fmt.Errorf("path walk from %s: got %d rows, want 1", at, len(recs))
		}
		row := recs[0].AsMap()
		path = append(path, decodeRelation(row))
		at = str(row, "next")
	}
	return path, nil
}
