package neo4j

import (
	"context"
	"fmt"
	"math"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// read runs work in one read transaction, so a method that needs several
// queries sees one state of the graph.
func (s *Store) read(ctx context.Context, op string, work func(tx driver.ManagedTransaction) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	sess := s.session(ctx, driver.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		s.transactions.Add(1)
		return nil, work(tx)
	})
	if err != nil {
		return s.fail(ctx, op, err)
	}
	return nil
}

// limitParam is the value for LIMIT $limit; the largest integer means none.
func limitParam(limit int) int64 {
	if limit <= 0 {
		return math.MaxInt64
	}
	return int64(limit)
}

// An entity as decodeEntity reads it, for a bound e: the mentions, then
// the map of the rest and the mentions.
const (
	entityMentions = `CALL (e) {
  MATCH (a:Article)-[m:MENTIONS]->(e)
  RETURN collect({article: a.id, starts: m.starts, ends: m.ends, texts: m.texts}) AS mentions
}`
	entityMap = `{id: e.id, name: e.name, kind: e.kind, aliases: e.aliases,
       country: e.country, lat: e.lat, lon: e.lon, mentions: mentions}`
	// noMentions binds mentions empty without reading a MENTIONS
	// relationship: an entity mentioned in every article has as many.
	noMentions = `WITH *, [] AS mentions`
)

// mentionsFor is query, a read of entities through entityMentions, as ctx
// wants it: under graph.WithoutMentions the mentions are not read.
func mentionsFor(ctx context.Context, query string) string {
	if graph.MentionsWanted(ctx) {
		return query
	}
	return strings.Replace(query, entityMentions, noMentions, 1)
}

// MentionsOf returns the mentions of each entity; see graph.Store.
func (s *Store) MentionsOf(ctx context.Context, ids []string) (map[string][]graph.Mention, error) {
	out := map[string][]graph.Mention{}
	if len(ids) == 0 {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("neo4j: mentions of: %w", err)
		}
		return out, nil
	}
	err := s.read(ctx, "mentions of", func(tx driver.ManagedTransaction) error {
		// entitiesQuery as is: with the mentions whatever ctx says.
		recs, err := s.run(ctx, tx, entitiesQuery, map[string]any{"ids": unique(ids)})
		if err != nil {
			return err
		}
		out = make(map[string][]graph.Mention, len(recs)) // afresh: a retried transaction runs this again
		for _, rec := range recs {
			if e := decodeEntityRow(rec); len(e.Mentions) > 0 {
				out[e.ID] = e.Mentions
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

const entitiesQuery = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
` + entityMentions + `
RETURN ` + entityMap + ` AS e`

// Entities returns the entities with the given ids; see graph.Store.
func (s *Store) Entities(ctx context.Context, ids []string) ([]graph.Entity, error) {
	if len(ids) == 0 {
		return none[graph.Entity](ctx, "entities")
	}
	var out []graph.Entity
	err := s.read(ctx, "entities", func(tx driver.ManagedTransaction) error {
		var err error
		out, err = s.readEntities(ctx, tx, ids)
		return err
	})
	return out, err
}

// readEntities answers in the order of ids, repeats included, skipping ids
// that do not exist.
func (s *Store) readEntities(ctx context.Context, tx driver.ManagedTransaction, ids []string) ([]graph.Entity, error) {
	out := make([]graph.Entity, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.run(ctx, tx, mentionsFor(ctx, entitiesQuery), map[string]any{"ids": unique(ids)})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]graph.Entity, len(recs))
	for _, rec := range recs {
		e := decodeEntityRow(rec)
		byID[e.ID] = e
	}
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			out = append(out, copyEntity(e))
		}
	}
	return out, nil
}

// copyEntity keeps an id asked for twice from sharing slices between results.
func copyEntity(e graph.Entity) graph.Entity {
	e.Aliases = append([]string{}, e.Aliases...)
	e.Mentions = append([]graph.Mention{}, e.Mentions...)
	if e.Lat != nil {
		v := *e.Lat
		e.Lat = &v
	}
	if e.Lon != nil {
		v := *e.Lon
		e.Lon = &v
	}
	return e
}

func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Names are compared lower-cased by Go (see mergeEntitiesQuery).
const findEntityQuery = `WITH $name AS q
MATCH (e:Entity) WHERE e.searchText CONTAINS q
WITH e, CASE WHEN e.lowerName = q THEN 0
             WHEN q IN e.lowerAliases THEN 1 END AS rank
WHERE rank IS NOT NULL
WITH e ORDER BY rank, e.id LIMIT 1
` + entityMentions + `
RETURN ` + entityMap + ` AS e`

// FindEntity looks an entity up by name or alias; see graph.Store.
func (s *Store) FindEntity(ctx context.Context, name string) (graph.Entity, error) {
	var found []graph.Entity
	op := fmt.Sprintf("find entity %q", name)
	err := s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, mentionsFor(ctx, findEntityQuery), map[string]any{"name": strings.ToLower(name)})
		found = nil // afresh: a retried transaction runs this again
		for _, rec := range recs {
			found = append(found, decodeEntityRow(rec))
		}
		return err
	})
	if err != nil {
		return graph.Entity{}, err
	}
	if len(found) == 0 {
		return graph.Entity{}, fmt.Errorf("neo4j: %s: %w", op, graph.ErrNotFound)
	}
	return found[0], nil
}

// The text index answers the CONTAINS prefilter; every true match is a
// substring of searchText, and the rank drops matches that span two names.
const searchEntitiesQuery = `WITH $search AS q
MATCH (e:Entity) WHERE e.searchText CONTAINS q AND ($kind IS NULL OR e.kind = $kind)
WITH e, reduce(best = 3, n IN [e.lowerName] + e.lowerAliases |
  CASE WHEN n = q THEN 0
       WHEN best > 1 AND n STARTS WITH q THEN 1
       WHEN best > 2 AND n CONTAINS q THEN 2
       ELSE best END) AS rank
WHERE rank < 3
WITH e, rank ORDER BY rank, e.name, e.id LIMIT $limit
` + entityMentions + `
RETURN ` + entityMap + ` AS e ORDER BY rank, e.name, e.id`

// SearchEntities ranks entities by how well a name or alias matches; see
// graph.Store.
func (s *Store) SearchEntities(ctx context.Context, f graph.EntityFilter) ([]graph.Entity, error) {
	var kind any
	if f.Kind != "" {
		kind = string(f.Kind)
	}
	var out []graph.Entity
	err := s.read(ctx, "search entities", func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, mentionsFor(ctx, searchEntitiesQuery), map[string]any{
			"search": strings.ToLower(f.Search), "kind": kind, "limit": limitParam(f.Limit),
		})
		if err != nil {
			return err
		}
		out = make([]graph.Entity, len(recs))
		for i, rec := range recs {
			out[i] = decodeEntityRow(rec)
		}
		return nil
	})
	return out, err
}

// Relation queries: a MATCH picked by direction, formatted with the type
// pattern and the expression holding the entity id, then the shared tail.
// The article filter asks the facts' witness nodes (see fuse.go).
const (
	relationsOut     = `MATCH (:Entity {id: %[2]s})-[r:%[1]s]->(:Entity)`
	relationsIn      = `MATCH (:Entity {id: %[2]s})<-[r:%[1]s]-(:Entity)`
	relationsBoth    = `MATCH (:Entity {id: %[2]s})-[r:%[1]s]-(:Entity)`
	relationsAll     = `MATCH (:Entity)-[r:%[1]s]->(:Entity)`
	relationsArticle = `
WHERE EXISTS { MATCH (w:RelationWitness {fact: r.id}) WHERE w.group = r.group AND w.article = $article }`
	// Formatted with the type pattern and the expression holding the
	// article id ($article, or a variable): the facts an article is a
	// witness of, found through its groups, whose keys name the endpoints.
	relationsOfArticle = `MATCH (a:Article {id: %[2]s})
UNWIND a.groups AS g
WITH g, split(g, '|') AS k WHERE k[0] = 'rel'
MATCH (e1:Entity {id: k[2]})-[x:%[1]s]-(e2:Entity {id: k[3]})
USING INDEX e1:Entity(id)
USING INDEX e2:Entity(id)
WHERE x.group = g AND EXISTS { MATCH (w:RelationWitness {fact: x.id}) WHERE w.group = g AND w.article = %[2]s }
WITH DISTINCT x AS r`
	relationsTail = `
WITH DISTINCT r WHERE r.id > $after
WITH r ORDER BY r.id LIMIT $limit
RETURN ` + relationProjection + ` AS r, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target`
)

// relationMatch picks the MATCH for a filter's direction and formats the
// checked types into it. entity is the query expression holding the entity
// id ($entity, or a variable), or "" for relations anywhere.
func relationMatch(f graph.RelationFilter, entity string) (string, error) {
	types, err := checkTypes(f.Types)
	if err != nil {
		return "", err
	}
	var match string
	switch {
	case f.Direction != "" && f.Direction != graph.Out && f.Direction != graph.In && f.Direction != graph.Both:
		return "", fmt.Errorf("%w: direction %q is not OUT, IN or BOTH", graph.ErrInvalid, f.Direction)
	case entity == "":
		return fmt.Sprintf(relationsAll, types), nil
	case f.Direction == graph.Out:
		match = relationsOut
	case f.Direction == graph.In:
		match = relationsIn
	default:
		match = relationsBoth
	}
	return fmt.Sprintf(match, types, entity), nil
}

// Relations lists relations matching f, sorted by id; see graph.Store.
func (s *Store) Relations(ctx context.Context, f graph.RelationFilter) ([]graph.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("neo4j: relations: %w", err)
	}
	entity := ""
	if f.Entity != "" {
		entity = "$entity"
	}
	query, err := relationMatch(f, entity)
	if err != nil {
		return nil, fmt.Errorf("neo4j: relations: %w", err)
	}
	switch {
	case f.Article != "" && entity == "":
		types, _ := checkTypes(f.Types) // relationMatch checked them
		query = fmt.Sprintf(relationsOfArticle, types, "$article")
	case f.Article != "":
		query += relationsArticle
	}
	query += relationsTail

	var out []graph.Relation
	err = s.read(ctx, "relations", func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, map[string]any{
			"entity": f.Entity, "article": f.Article, "after": f.After, "limit": limitParam(f.Limit),
		})
		if err != nil {
			return err
		}
		out = decodeRelations(recs)
		return nil
	})
	return out, err
}

const eventsQuery = `UNWIND $ids AS id
MATCH (ev:Event {id: id})
CALL (ev) {
  OPTIONAL MATCH (ev)-[:AT]->(p:Entity)
  RETURN p.id AS place LIMIT 1
}
CALL (ev) {
  MATCH (ev)-[x:PARTICIPANT]->(e:Entity)
  RETURN collect({entity: e.id, role: x.role}) AS participants
}
RETURN ` + eventProjection + ` AS ev, place, participants`

// Events returns the events with the given ids; see graph.Store.
func (s *Store) Events(ctx context.Context, ids []string) ([]graph.Event, error) {
	if len(ids) == 0 {
		return none[graph.Event](ctx, "events")
	}
	var out []graph.Event
	err := s.read(ctx, "events", func(tx driver.ManagedTransaction) error {
		var err error
		out, err = s.readEvents(ctx, tx, ids)
		return err
	})
	return out, err
}

// readEvents answers in the order of ids, repeats included, skipping ids
// that do not exist.
func (s *Store) readEvents(ctx context.Context, tx driver.ManagedTransaction, ids []string) ([]graph.Event, error) {
	out := make([]graph.Event, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.run(ctx, tx, eventsQuery, map[string]any{"ids": unique(ids)})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]graph.Event, len(recs))
	for _, rec := range recs {
		ev := decodeEvent(rec.AsMap())
		byID[ev.ID] = ev
	}
	for _, id := range ids {
		if ev, ok := byID[id]; ok {
			out = append(out, copyEvent(ev))
		}
	}
	return out, nil
}

func copyEvent(ev graph.Event) graph.Event {
	ev.Participants = append([]graph.Participant{}, ev.Participants...)
	ev.Evidence = append([]graph.Evidence{}, ev.Evidence...)
	if ev.Killed != nil {
		v := *ev.Killed
		ev.Killed = &v
	}
	if ev.Injured != nil {
		v := *ev.Injured
		ev.Injured = &v
	}
	return ev
}

// none answers a lookup of no ids without a query, still honouring an
// ended context as every method does.
func none[T any](ctx context.Context, op string) ([]T, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("neo4j: %s: %w", op, err)
	}
	return []T{}, nil
}

const articlesQuery = `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a {.*} AS a`

// Articles returns the articles with the given ids; see graph.Store.
func (s *Store) Articles(ctx context.Context, ids []string) ([]graph.Article, error) {
	if len(ids) == 0 {
		return none[graph.Article](ctx, "articles")
	}
	var out []graph.Article
	err := s.read(ctx, "articles", func(tx driver.ManagedTransaction) error {
		var err error
		out, err = s.readArticles(ctx, tx, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readArticles reads the articles with the given ids in tx, in the order
// of ids, skipping ids that do not exist.
func (s *Store) readArticles(ctx context.Context, tx driver.ManagedTransaction, ids []string) ([]graph.Article, error) {
	recs, err := s.run(ctx, tx, articlesQuery, map[string]any{"ids": unique(ids)})
	if err != nil {
		return nil, err
	}
	out := make([]graph.Article, 0, len(ids))
	byID := make(map[string]graph.Article, len(recs))
	for _, rec := range recs {
		a := decodeArticle(rec.AsMap())
		byID[a.ID] = a
	}
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}
