package neo4j

import (
	"context"
	"fmt"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// saveQuery is a write's last statement: everything fusing the locked
// groups again decided, then the deleted articles gone, in one round trip.
// Formatted with every vocabulary type; its parts run in order, each a
// subquery over its own rows, and a part with no rows does nothing:
//
//   - the groups left without witnesses gone, and the old format's list of
//     witnesses gone from the others (see migrateWitnesses);
//   - the relation witnesses that left a group, then those new or changed,
//     and the fact of those now in another, before the facts, as events
//     are (dropped first: a witness moving to another group keeps its key);
//   - the events of event groups that are no longer, and the event
//     witnesses that left a group;
//   - the fused events, with their AT and PARTICIPANT links, and the event
//     witnesses new, changed or in another event, before the facts that point at
//     them, so a reader catching the commit half-applied finds the event of
//     a fact;
//   - the facts of relation groups that are no longer, or no longer this
//     way round, found by group (the planner seeks each type's group
//     index, when the other conditions are outside the subquery matching
//     it: expanding between the group's endpoints walked every
//     relationship of the pair, and hot pairs have thousands);
//   - the facts, overwritten or created. A type cannot be a parameter of
//     MERGE without a scan of every relationship, so an existing fact is
//     found by its id (the planner seeks each type's id index, as above)
//     and a new one is created with its type from the row. The fused
//     event of a fact's first report's event is kept on the fact
//     (fusedEvent), so reads need no lookup;
//   - facts in groups this write does not fuse whose event now fuses under
//     another id, found by their event (each type's event index): a hot
//     event renamed has a refresh per witness;
//   - the deleted articles with their mentions;
//   - the touched entities nothing links to any more and no witness names
//     as its claimant (see deleteOrphansPart);
//
// and it returns the merged entities that are gone (see save).
const saveQuery = noReplan + `CALL () {
  UNWIND $w.groups AS row
  MATCH (g:FactGroup {key: row.key})
  CALL (g, row) {
    WITH g, row WHERE row.drop
    DELETE g
  }
  CALL (g, row) {
    WITH g, row WHERE NOT row.drop
    REMOVE g.witnesses
  }
}
CALL () {
  UNWIND $w.relationWitnessDrops AS row
  MATCH (w:RelationWitness {key: row.key})
  WHERE w.group = row.group
  DELETE w
}
CALL () {
  UNWIND $w.relationWitnesses AS row
  MERGE (w:RelationWitness {key: row.key})
  SET w = row.props
}
CALL () {
  UNWIND $w.relationWitnessMoves AS row
  MATCH (w:RelationWitness {key: row.key})
  SET w.fact = row.fact
}
CALL () {
  UNWIND $w.eventGroups AS row
  MATCH (ev:Event {group: row.key})
  WHERE NOT ev.id IN row.keep
  DETACH DELETE ev
}
CALL () {
  UNWIND $w.eventGroups AS row
  UNWIND row.gone AS id
  MATCH (w:EventWitness {id: id})
  WHERE w.group = row.key
  DELETE w
}
CALL () {
  UNWIND $w.events AS row
  MERGE (ev:Event {id: row.id})
  SET ev = row.props
  WITH ev, row
  CALL (ev, row) {
    MATCH (ev)-[x:AT]->(p)
    WHERE row.place IS NULL OR p.id <> row.place
    DELETE x
  }
  CALL (ev, row) {
    MATCH (p:Entity {id: row.place})
    MERGE (ev)-[:AT]->(p)
  }
  CALL (ev, row) {
    MATCH (ev)-[x:PARTICIPANT]->(e)
    WHERE NOT {entity: e.id, role: x.role} IN row.participants
    DELETE x
  }
  CALL (ev, row) {
    UNWIND row.participants AS part
    MATCH (e:Entity {id: part.entity})
    MERGE (ev)-[:PARTICIPANT {role: part.role}]->(e)
  }
}
CALL () {
  UNWIND $w.eventWitnesses AS row
  MERGE (w:EventWitness {id: row.id})
  SET w = row.props
}
CALL () {
  UNWIND $w.eventWitnessMoves AS row
  MATCH (w:EventWitness {id: row.id})
  SET w.event = row.event
}
CALL () {
  UNWIND $w.relationGroups AS row
  CALL (row) {
    MATCH ()-[r:%[1]s]->()
    WHERE r.group = row.key
    RETURN r
  }
  WITH r, row WHERE NOT r.id IN row.keep OR startNode(r).id <> row.want[r.id]
  DELETE r
}
CALL () {
  UNWIND $w.facts AS row
  MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
  OPTIONAL MATCH ()-[old:%[1]s]->()
  WHERE old.id = row.id AND type(old) = row.type
  CALL (s, t, old, row) {
    WITH s, t, row WHERE old IS NULL
    CREATE (s)-[r:$(row.type)]->(t)
    SET r = row.props
    SET r.fusedEvent = head(COLLECT { MATCH (w:EventWitness {id: row.props.event}) RETURN w.event })
  }
  CALL (old, row) {
    WITH old, row WHERE old IS NOT NULL
    SET old = row.props
    SET old.fusedEvent = head(COLLECT { MATCH (w:EventWitness {id: row.props.event}) RETURN w.event })
  }
}
CALL () {
  UNWIND $w.refreshes AS row
  MATCH ()-[r:%[1]s]->()
  WHERE r.event = row.event
  SET r.fusedEvent = row.fused
}
CALL () {
  UNWIND $w.deleted AS id
  MATCH (a:Article {id: id})
  DETACH DELETE a
}
` + deleteOrphansPart + `
RETURN COLLECT {
  UNWIND $w.entities AS id
  WITH id WHERE NOT EXISTS { MATCH (:Entity {id: id}) }
  RETURN id
} AS missing`

var save = fmt.Sprintf(saveQuery, allTypes)

// save runs the save statement. It fails with errVanished when one of the
// entities the write merged is gone: an apply does not lock entities it
// merely links to (every article shares a few, so locks would serialise
// every write), so a delete by another process may remove one as an
// orphan between this write's MERGE and its links, whose MATCH then links
// nothing; write runs the transaction again.
func (s *Store) save(ctx context.Context, tx driver.ManagedTransaction, f fused, del deleted, entities []string) error {
	recs, err := s.run(ctx, tx, save, saveParams(f, del, entities))
	if err != nil {
		return err
	}
	if len(recs) != 1 {
		return fmt.Errorf("save: got %d rows, want 1", len(recs))
	}
	if len(asList(recs[0].AsMap()["missing"])) > 0 {
		return errVanished
	}
	return nil
}

// saveParams are the save statement's rows.
func saveParams(f fused, del deleted, entities []string) map[string]any {
	return writeParams(map[string]any{
		"groups": nonNil(f.groups), "relationWitnesses": nonNil(f.relationWitnesses), "relationWitnessMoves": nonNil(f.relationWitnessMoves),
		"eventWitnessMoves":    nonNil(f.eventWitnessMoves),
		"relationWitnessDrops": nonNil(f.relationWitnessDrops), "eventGroups": nonNil(f.eventGroups), "events": nonNil(f.events),
		"eventWitnesses": nonNil(f.eventWitnesses), "relationGroups": nonNil(f.relationGroups),
		"facts": nonNil(f.facts), "refreshes": nonNil(f.refreshes),
		"deleted": sortedSet(del.found), "touched": sortedSet(del.touched), "entities": strs(entities),
	})
}

// nonNil makes a nil list of rows an empty one, which UNWINDs to none.
func nonNil(rows []any) []any {
	if rows == nil {
		return []any{}
	}
	return rows
}
