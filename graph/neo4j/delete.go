package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// DeleteArticle removes an article and what only it supported in one
// transaction (which may also carry other callers' writes, see
// combine.go); its witnesses leave their groups, which are fused again;
// see graph.Store.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	op := "delete article " + id
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	if err := s.submit(ctx, &writeReq{delete: id}); err != nil {
		return s.fail(ctx, op, err)
	}
	return nil
}

// Deleting articles, in the order writePlan runs it: their nodes locked
// (after the applied articles'), their groups fused again without their
// witnesses (fuseGroups), then the nodes and their mentions gone, then the
// entities only they supported.
const (
	// Also the witnesses of the articles' groups; an article's own cannot
	// change while its node is locked. Ids come sorted, so articles lock
	// in one order.
	deleteLockQuery = `UNWIND $ids AS id
MATCH (a:Article {id: id})
SET a.id = a.id
RETURN a.id AS id, coalesce(a.groups, []) AS groups, COLLECT { MATCH (a)-[:MENTIONS]->(e:Entity) RETURN e.id } AS mentioned,
       COLLECT { UNWIND coalesce(a.groups, []) AS key MATCH (g:FactGroup {key: key})
                 RETURN {key: key, witnesses: coalesce(g.witnesses, [])} } AS witnesses`

	deleteArticlesQuery = `UNWIND $ids AS id
MATCH (a:Article {id: id})
DETACH DELETE a`

	// Formatted with every vocabulary type: the touched entities nothing
	// links to any more and no witness names as its claimant. claimants is
	// a list property, so a scan, run only when there are such entities:
	// most deletes have none. Another process may link one after the
	// first MATCH read it: DELETE then waits for that process and fails
	// with ConstraintValidationFailed, a conflict write runs again.
	deleteOrphansQuery = `UNWIND $touched AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)--() }
WITH collect(e) AS orphans
CALL (orphans) {
  WITH orphans WHERE size(orphans) > 0
  MATCH ()-[r:%[1]s]->() WHERE any(c IN r.claimants WHERE any(o IN orphans WHERE o.id = c))
  UNWIND r.claimants AS c
  RETURN collect(DISTINCT c) AS claimants
}
UNWIND orphans AS e
WITH e WHERE NOT e.id IN claimants
DELETE e`
)

var deleteOrphans = fmt.Sprintf(deleteOrphansQuery, allTypes)

// deleted is what locking the articles to delete found: which exist, the
// groups they have witnesses in, and the entities they touched (mentioned,
// related, placed or named as claimants), which may be orphans after.
type deleted struct {
	found   map[string]bool
	groups  []string
	touched map[string]bool
}

// missing lists the ids of want that were not found.
func (d deleted) missing(want []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range want {
		if !d.found[id] {
			m[id] = true
		}
	}
	return m
}

// lockDeleted locks the articles of ids and reads what deleting them
// touches.
func (s *Store) lockDeleted(ctx context.Context, tx driver.ManagedTransaction, ids []string) (deleted, error) {
	d := deleted{found: map[string]bool{}, touched: map[string]bool{}}
	if len(ids) == 0 {
		return d, nil
	}
	recs, err := s.run(ctx, tx, deleteLockQuery, map[string]any{"ids": ids})
	if err != nil {
		return d, err
	}
	for _, rec := range recs {
		row := rec.AsMap()
		id := str(row, "id")
		d.found[id] = true
		groups := strList(row["groups"])
		d.groups = union(d.groups, groups)
		for _, e := range strList(row["mentioned"]) {
			d.touched[e] = true
		}
		for _, key := range groups {
			if !isEventKey(key) {
				a, b := relationEnds(key)
				d.touched[a], d.touched[b] = true, true
			}
		}
		involved, err := witnessEntities(id, asList(row["witnesses"]))
		if err != nil {
			return d, err
		}
		for _, e := range involved {
			d.touched[e] = true
		}
	}
	return d, nil
}

// removeDeleted deletes the found articles, with their mentions, and then
// the touched entities nothing supports any more. It runs after the
// groups are fused again, so the facts they supported are gone.
func (s *Store) removeDeleted(ctx context.Context, tx driver.ManagedTransaction, d deleted) error {
	if len(d.found) == 0 {
		return nil
	}
	if _, err := s.run(ctx, tx, deleteArticlesQuery, map[string]any{"ids": sortedSet(d.found)}); err != nil {
		return err
	}
	_, err := s.run(ctx, tx, deleteOrphans, map[string]any{"touched": sortedSet(d.touched)})
	return err
}

// witnessEntities lists the claimants, places and participants of the
// witnesses article has in groups, each a {key, witnesses} map.
func witnessEntities(article string, groups []any) ([]string, error) {
	var ids []string
	for _, g := range groups {
		row, _ := g.(map[string]any)
		key := str(row, "key")
		for _, text := range strList(row["witnesses"]) {
			if isEventKey(key) {
				var w graph.EventWitness
				if err := json.Unmarshal([]byte(text), &w); err != nil {
					return nil, fmt.Errorf("group %s: bad witness: %w", key, err)
				}
				if w.Article != article {
					continue
				}
				if w.Place != "" {
					ids = append(ids, w.Place)
				}
				for _, p := range w.Participants {
					ids = append(ids, p.Entity)
				}
				continue
			}
			var w graph.RelationWitness
			if err := json.Unmarshal([]byte(text), &w); err != nil {
				return nil, fmt.Errorf("group %s: bad witness: %w", key, err)
			}
			if w.Article == article && w.ClaimedBy != "" {
				ids = append(ids, w.ClaimedBy)
			}
		}
	}
	return ids, nil
}

// sortedSet lists a set's members but the empty string, sorted.
func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
