package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// schemaItem is one named index or constraint; its statement is idempotent.
type schemaItem struct {
	name, statement string
}

// schema lists everything the store's queries rely on:
//   - unique ids for entities, events and articles (MERGE and lookups);
//   - per relation type, a unique fact id (MERGE), and the fact's group
//     and first report's event, so a write finds the facts of a group and
//     those of a renamed event without walking a hot entity's relationships;
//   - unique fact group keys (the lock of a group), unique witness keys
//     and event witness ids, and the group of events and witnesses, so
//     fusing a group again seeks instead of scanning;
//   - the fact or event a witness is in, so reading a fact seeks its
//     witnesses, and a relation witness's claimant, so deleting an
//     article seeks the claimants among the entities it leaves;
//   - a text index for substring search over lower-cased names and aliases;
//   - a full-text index over the words of names and aliases, for Search's
//     fuzzy candidates (and for people exploring the graph in Neo4j Browser).
func schema() []schemaItem {
	items := []schemaItem{
		{"entity_id", "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE"},
		{"event_id", "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (ev:Event) REQUIRE ev.id IS UNIQUE"},
		{"article_id", "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE"},
		{"event_group", "CREATE INDEX event_group IF NOT EXISTS FOR (ev:Event) ON (ev.group)"},
		{"fact_group_key", "CREATE CONSTRAINT fact_group_key IF NOT EXISTS FOR (g:FactGroup) REQUIRE g.key IS UNIQUE"},
		{"event_witness_id", "CREATE CONSTRAINT event_witness_id IF NOT EXISTS FOR (w:EventWitness) REQUIRE w.id IS UNIQUE"},
		{"event_witness_group", "CREATE INDEX event_witness_group IF NOT EXISTS FOR (w:EventWitness) ON (w.group)"},
		{"event_witness_event", "CREATE INDEX event_witness_event IF NOT EXISTS FOR (w:EventWitness) ON (w.event)"},
		{"relation_witness_key", "CREATE CONSTRAINT relation_witness_key IF NOT EXISTS FOR (w:RelationWitness) REQUIRE w.key IS UNIQUE"},
		{"relation_witness_group", "CREATE INDEX relation_witness_group IF NOT EXISTS FOR (w:RelationWitness) ON (w.group)"},
		{"relation_witness_fact", "CREATE INDEX relation_witness_fact IF NOT EXISTS FOR (w:RelationWitness) ON (w.fact)"},
		{"relation_witness_claimed_by", "CREATE INDEX relation_witness_claimed_by IF NOT EXISTS FOR (w:RelationWitness) ON (w.claimedBy)"},
		{"entity_search", "CREATE TEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON (e.searchText)"},
		{"entity_names", "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasesText]"},
	}
	for _, t := range graph.RelTypes() {
		lower := strings.ToLower(string(t))
		items = append(items,
			schemaItem{"rel_" + lower + "_id", fmt.Sprintf(
				"CREATE CONSTRAINT rel_%s_id IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.id IS UNIQUE", lower, t)},
			schemaItem{"rel_" + lower + "_group", fmt.Sprintf(
				"CREATE INDEX rel_%s_group IF NOT EXISTS FOR ()-[r:%s]-() ON (r.group)", lower, t)},
			schemaItem{"rel_" + lower + "_event", fmt.Sprintf(
				"CREATE INDEX rel_%s_event IF NOT EXISTS FOR ()-[r:%s]-() ON (r.event)", lower, t)},
		)
	}
	return items
}

// Constraints create an index of the same name, so listing indexes finds both.
const (
	schemaNamesQuery = `SHOW INDEXES YIELD name, state
RETURN collect(name) AS names, all(s IN collect(state) WHERE s = 'ONLINE') AS online`
	awaitIndexes = `CALL db.awaitIndexes(300)`
)

// execute runs one query in a transaction of its own.
func (s *Store) execute(ctx context.Context, query string, params map[string]any) (*driver.EagerResult, error) {
	s.transactions.Add(1)
	s.queries.Add(1)
	return driver.ExecuteQuery(ctx, s.db, query, params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(s.cfg.Database))
}

// ensureSchema creates what is missing and waits until every index is
// online. Checking names first keeps New fast on a database that has the
// schema: one round trip instead of one per item.
func (s *Store) ensureSchema(ctx context.Context) error {
	res, err := s.execute(ctx, schemaNamesQuery, nil)
	if err != nil {
		return s.fail(ctx, "read schema", err)
	}
	have := map[string]bool{}
	online := true
	if len(res.Records) == 1 {
		online, _ = res.Records[0].Values[1].(bool)
		names, _ := res.Records[0].Values[0].([]any)
		for _, n := range names {
			if name, ok := n.(string); ok {
				have[name] = true
			}
		}
	}
	var missing []schemaItem
	for _, item := range schema() {
		if !have[item.name] {
			missing = append(missing, item)
		}
	}
	created := len(missing)
	if created > 0 {
		// One transaction: much faster than one per item, and all or nothing.
		err := s.write(ctx, func(tx driver.ManagedTransaction) error {
			for _, item := range missing {
				if _, err := s.run(ctx, tx, item.statement, nil); err != nil {
					return fmt.Errorf("%s: %w", item.name, err)
				}
			}
			return nil
		})
		if err != nil {
			return s.fail(ctx, "create schema", err)
		}
	}
	// Another process may have created an index that is still filling.
	if created > 0 || !online {
		if _, err := s.execute(ctx, awaitIndexes, nil); err != nil {
			return s.fail(ctx, "wait for indexes", err)
		}
	}
	if created > 0 {
		s.logger.Info("neo4j schema created", "items", created)
	}
	return nil
}

// Entities written before names were lower-cased in Go lack lowerName; a
// batch of them at a time gets it, and searchText is rebuilt from it.
const (
	oldNamesQuery = `MATCH (e:Entity) WHERE e.lowerName IS NULL
RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases LIMIT 1000`
	lowerNamesQuery = `UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.lowerName = row.lowerName, e.lowerAliases = row.lowerAliases,
    e.searchText = reduce(t = row.lowerName, a IN row.lowerAliases | t + '\n' + a)`
)

// lowerOldNames gives every entity lowerName and lowerAliases; on a
// database written by this version it is one query that finds none.
func (s *Store) lowerOldNames(ctx context.Context) error {
	for {
		res, err := s.execute(ctx, oldNamesQuery, nil)
		if err != nil {
			return s.fail(ctx, "read names to lower-case", err)
		}
		if len(res.Records) == 0 {
			return nil
		}
		rows := make([]any, len(res.Records))
		for i, rec := range res.Records {
			m := rec.AsMap()
			var lower []string
			for _, a := range strList(m["aliases"]) {
				lower = append(lower, strings.ToLower(a))
			}
			slices.Sort(lower)
			rows[i] = map[string]any{"id": str(m, "id"), "lowerName": strings.ToLower(str(m, "name")), "lowerAliases": strs(slices.Compact(lower))}
		}
		err = s.write(ctx, func(tx driver.ManagedTransaction) error {
			_, err := s.run(ctx, tx, lowerNamesQuery, map[string]any{"rows": rows})
			return err
		})
		if err != nil {
			return s.fail(ctx, "lower-case names", err)
		}
		s.logger.Info("neo4j names lower-cased", "entities", len(rows))
	}
}

// Databases written before witnesses were nodes keep a group's witnesses
// as a list of texts on its FactGroup node and inside each fact's JSON.
// legacyGroupsQuery finds a batch of such groups; FactGroup nodes are one
// per group, so on a database of this version it is a short scan that
// finds none.
const legacyGroupsQuery = `MATCH (g:FactGroup) WHERE g.witnesses IS NOT NULL
RETURN g.key AS key ORDER BY key LIMIT $limit`

// legacyBatch bounds the groups one migrating transaction rewrites: a hot
// group of the old format holds hundreds of kilobytes of witnesses.
const legacyBatch = 100

// migrateWitnesses turns the old format's witnesses into nodes, a batch of
// groups per transaction: each group is locked and fused again as a write
// does, with the old list's witnesses as its own (see lockGroups, fuse), so
// the witnesses become nodes, the facts lose their embedded witnesses and
// the list goes. A process migrating at the same time waits on the group
// locks and then finds nothing left to do.
func (s *Store) migrateWitnesses(ctx context.Context) error {
	for {
		res, err := s.execute(ctx, legacyGroupsQuery, map[string]any{"limit": int64(legacyBatch)})
		if err != nil {
			return s.fail(ctx, "find witnesses to migrate", err)
		}
		if len(res.Records) == 0 {
			return nil
		}
		keys := make([]string, len(res.Records))
		for i, rec := range res.Records {
			keys[i] = str(rec.AsMap(), "key")
		}
		err = s.write(ctx, func(tx driver.ManagedTransaction) error {
			groups, err := s.lockGroups(ctx, tx, keys)
			if err != nil {
				return err
			}
			f, err := s.fuse(groups, nil, nil, nil)
			if err != nil {
				return err
			}
			return s.save(ctx, tx, f, deleted{}, nil)
		})
		if err != nil {
			return s.fail(ctx, "migrate witnesses", err)
		}
		s.logger.Info("neo4j witnesses migrated to nodes", "groups", len(keys))
	}
}
