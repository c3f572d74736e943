package neo4j

import (
	"context"
	"fmt"
	"sort"

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

// deleteOrphansPart is the part of saveQuery that deletes the entities
// the deleted articles touched that nothing links to any more and no
// witness names as its claimant (an index seek per orphan). Another process may link one after the first MATCH read it: DELETE then
// waits for that process and fails with ConstraintValidationFailed, a
// conflict write runs again.
const deleteOrphansPart = `CALL () {
  UNWIND $w.touched AS id
  MATCH (e:Entity {id: id})
  WHERE NOT EXISTS { (e)--() }
  WITH collect(e) AS orphans
  CALL (orphans) {
    UNWIND orphans AS o
    MATCH (w:RelationWitness {claimedBy: o.id})
    RETURN collect(DISTINCT w.claimedBy) AS claimants
  }
  UNWIND orphans AS e
  WITH e WHERE NOT e.id IN claimants
  DELETE e
}`

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

// readDeleted reads the lock statement's rows of the deleted articles:
// each {id, groups, mentioned}.
func readDeleted(rows []any) deleted {
	d := deleted{found: map[string]bool{}, touched: map[string]bool{}}
	for _, r := range rows {
		row, _ := r.(map[string]any)
		d.found[str(row, "id")] = true
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
	}
	return d
}

// touchWitnesses adds the claimants, places and participants of the
// deleted articles' witnesses, as fusing removed them, to the touched
// entities. Replaced versions of applied articles touch nothing: an apply
// leaves entities in place, as the embedded store does.
func (d deleted) touchWitnesses(rels []graph.RelationWitness, evs []graph.EventWitness) {
	for _, w := range rels {
		if d.found[w.Article] && w.ClaimedBy != "" {
			d.touched[w.ClaimedBy] = true
		}
	}
	for _, w := range evs {
		if !d.found[w.Article] {
			continue
		}
		if w.Place != "" {
			d.touched[w.Place] = true
		}
		for _, p := range w.Participants {
			d.touched[p.Entity] = true
		}
	}
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
