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
//   - per relation type, a unique fact id (MERGE);
//   - unique fact group keys (the lock and store of witnesses), unique
//     event witness ids, and the group of events and event witnesses, so
//     fusing a group again seeks instead of scanning;
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
		{"entity_search", "CREATE TEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON (e.searchText)"},
		{"entity_names", "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasesText]"},
	}
	for _, t := range graph.RelTypes() {
		lower := strings.ToLower(string(t))
		items = append(items,
			schemaItem{"rel_" + lower + "_id", fmt.Sprintf(
				"CREATE CONSTRAINT rel_%s_id IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.id IS UNIQUE", lower, t)},
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
func (s *Store) execute(ctx context.Context, query string) (*driver.EagerResult, error) {
	s.transactions.Add(1)
	s.queries.Add(1)
	return driver.ExecuteQuery(ctx, s.db, query, nil, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(s.cfg.Database))
}

// ensureSchema creates what is missing and waits until every index is
// online. Checking names first keeps New fast on a database that has the
// schema: one round trip instead of one per item.
func (s *Store) ensureSchema(ctx context.Context) error {
	res, err := s.execute(ctx, schemaNamesQuery)
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
		if _, err := s.execute(ctx, awaitIndexes); err != nil {
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
		res, err := s.execute(ctx, oldNamesQuery)
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
