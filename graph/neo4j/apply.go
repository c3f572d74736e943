package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Apply writes one article's batch in one transaction; see graph.Store.
//
// Everything is MERGEd and overwritten rather than deleted and recreated, so
// re-applying an unchanged article changes nothing a concurrent reader could
// catch half-done; only what the new version no longer states is deleted.
// Taking the article node's lock first serialises applies of one article.
func (s *Store) Apply(ctx context.Context, b graph.Batch) error {
	op := "apply article " + b.Article.ID
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	if err := b.Validate(); err != nil {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	stmts := prepare(b)
	sess := s.session(ctx, driver.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		s.transactions.Add(1)
		for _, st := range stmts {
			s.queries.Add(1)
			res, err := tx.Run(ctx, st.query, st.params)
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		return s.fail(ctx, op, err)
	}
	s.logger.Debug("neo4j applied article", "article", b.Article.ID,
		"entities", len(b.Entities), "relations", len(b.Relations), "events", len(b.Events))
	return nil
}

type statement struct {
	query  string
	params map[string]any
}

// The write queries, in the order Apply runs them.
const (
	// SET with a map replaces every property and takes the node's write lock.
	lockArticleQuery = `MERGE (a:Article {id: $id})
SET a = $props`

	// Formatted with the kind's label and the other kinds' labels. Names are
	// lower-cased in Go (row.lowerName, row.lowerAliases), not by Cypher's
	// toLower, which differs from Go's for İ and final Σ; the embedded store
	// and every lookup lower-case in Go.
	mergeEntitiesQuery = `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name, e.lowerName = row.lowerName, e.kind = row.kind,
    e.country = coalesce(row.country, e.country),
    e.lat = coalesce(row.lat, e.lat),
    e.lon = coalesce(row.lon, e.lon)
SET e:%s
REMOVE e:%s
WITH e, row
CALL (e, row) {
  UNWIND coalesce(e.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}
CALL (e, row) {
  UNWIND coalesce(e.lowerAliases, []) + row.lowerAliases AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS lowerAliases
}
SET e.aliases = aliases, e.lowerAliases = lowerAliases,
    e.aliasesText = reduce(t = '', a IN aliases | t + a + '\n'),
    e.searchText = reduce(t = e.lowerName, a IN lowerAliases | t + '\n' + a)`

	dropMentionsQuery = `MATCH (:Article {id: $article})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.id IN $entities
DELETE m`

	mergeMentionsQuery = `MATCH (a:Article {id: $article})
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.starts = row.starts, m.ends = row.ends, m.texts = row.texts`

	// Formatted with every vocabulary type: relations the new version no
	// longer states.
	dropRelationsQuery = `MATCH ()-[r:%s]->()
WHERE r.article = $article AND NOT r.id IN $ids
DELETE r`

	// Formatted with every vocabulary type: relations whose id the batch uses
	// with another type or other endpoints (a relation cannot change either),
	// including one another article stated.
	dropMovedRelationsQuery = `MATCH (s)-[r:%s]->(t)
WHERE r.id IN $ids
WITH r, s, t, $want[r.id] AS w
WHERE type(r) <> w.type OR s.id <> w.source OR t.id <> w.target
DELETE r`

	// Formatted with one relation type.
	mergeRelationsQuery = `UNWIND $rows AS row
MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
MERGE (s)-[r:%s {id: row.id}]->(t)
SET r = row.props`

	dropEventsQuery = `MATCH (ev:Event)
WHERE ev.article = $article AND NOT ev.id IN $ids
DETACH DELETE ev`

	mergeEventsQuery = `UNWIND $rows AS row
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
}`
)

// Queries with labels and types formatted in, built once from the closed
// kinds and vocabulary so no caller's text ever reaches query text.
var (
	mergeEntities     = map[graph.Kind]string{}
	mergeRelations    = map[graph.RelType]string{}
	dropRelations     = fmt.Sprintf(dropRelationsQuery, allTypes)
	dropMovedRelation = fmt.Sprintf(dropMovedRelationsQuery, allTypes)
)

func init() {
	for _, k := range graph.Kinds {
		var others []string
		for _, o := range graph.Kinds {
			if o != k {
				others = append(others, o.Label())
			}
		}
		mergeEntities[k] = fmt.Sprintf(mergeEntitiesQuery, k.Label(), strings.Join(others, ":"))
	}
	for _, t := range graph.RelTypes() {
		mergeRelations[t] = fmt.Sprintf(mergeRelationsQuery, t)
	}
}

// prepare turns a valid batch into the statements that write it. Listings
// repeated in one batch fold as the embedded store folds them: an entity's
// later non-empty values win and its aliases and mentions add up; a
// relation or event listed twice keeps its last listing.
func prepare(b graph.Batch) []statement {
	art := b.Article.ID
	stmts := []statement{{lockArticleQuery, map[string]any{"id": art, "props": articleProps(b.Article)}}}

	// Entities, merged per id, written per kind label in id order so that
	// concurrent applies lock shared nodes in the same order.
	merged := map[string]*graph.Entity{}
	var ids []string
	for _, e := range b.Entities {
		m := merged[e.ID]
		if m == nil {
			c := e
			c.Aliases = append([]string(nil), e.Aliases...)
			c.Mentions = append([]graph.Mention(nil), e.Mentions...)
			merged[e.ID] = &c
			ids = append(ids, e.ID)
			continue
		}
		m.Name, m.Kind = e.Name, e.Kind
		if e.Country != "" {
			m.Country = e.Country
		}
		if e.Lat != nil {
			m.Lat = e.Lat
		}
		if e.Lon != nil {
			m.Lon = e.Lon
		}
		m.Aliases = append(m.Aliases, e.Aliases...)
		m.Mentions = append(m.Mentions, e.Mentions...)
	}
	sort.Strings(ids)
	byKind := map[graph.Kind][]any{}
	var mentionRows []any
	var mentioned []string
	for _, id := range ids {
		e := merged[id]
		byKind[e.Kind] = append(byKind[e.Kind], entityRow(e))
		if len(e.Mentions) > 0 {
			mentionRows = append(mentionRows, mentionRow(e))
			mentioned = append(mentioned, id)
		}
	}
	for _, k := range graph.Kinds {
		if rows := byKind[k]; len(rows) > 0 {
			stmts = append(stmts, statement{mergeEntities[k], map[string]any{"rows": rows}})
		}
	}
	stmts = append(stmts, statement{dropMentionsQuery, map[string]any{"article": art, "entities": strs(mentioned)}})
	if len(mentionRows) > 0 {
		stmts = append(stmts, statement{mergeMentionsQuery, map[string]any{"article": art, "rows": mentionRows}})
	}

	// Relations, last listing wins, written per type.
	rels := map[string]graph.Relation{}
	var relIDs []string
	for _, r := range b.Relations {
		if _, ok := rels[r.ID]; !ok {
			relIDs = append(relIDs, r.ID)
		}
		rels[r.ID] = r
	}
	sort.Strings(relIDs)
	want := make(map[string]any, len(relIDs))
	byType := map[graph.RelType][]any{}
	var types []graph.RelType
	for _, id := range relIDs {
		r := rels[id]
		want[id] = map[string]any{"type": string(r.Type), "source": r.Source, "target": r.Target}
		if byType[r.Type] == nil {
			types = append(types, r.Type)
		}
		byType[r.Type] = append(byType[r.Type], map[string]any{
			"id": r.ID, "source": r.Source, "target": r.Target, "props": relationProps(r, art),
		})
	}
	sort.Slice(types, func(i, j int) bool { return types[i] < types[j] })
	stmts = append(stmts,
		statement{dropRelations, map[string]any{"article": art, "ids": strs(relIDs)}},
		statement{dropMovedRelation, map[string]any{"ids": strs(relIDs), "want": want}},
	)
	for _, t := range types {
		stmts = append(stmts, statement{mergeRelations[t], map[string]any{"rows": byType[t]}})
	}

	// Events, last listing wins.
	evs := map[string]graph.Event{}
	var evIDs []string
	for _, ev := range b.Events {
		if _, ok := evs[ev.ID]; !ok {
			evIDs = append(evIDs, ev.ID)
		}
		evs[ev.ID] = ev
	}
	sort.Strings(evIDs)
	stmts = append(stmts, statement{dropEventsQuery, map[string]any{"article": art, "ids": strs(evIDs)}})
	if len(evIDs) > 0 {
		rows := make([]any, len(evIDs))
		for i, id := range evIDs {
			rows[i] = eventRow(evs[id], art)
		}
		stmts = append(stmts, statement{mergeEventsQuery, map[string]any{"rows": rows}})
	}
	return stmts
}

// strs makes a nil slice an empty list: a null list parameter would make
// `NOT x IN $ids` null and delete nothing.
func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// setIf adds a string property only when it has a value: absent and empty
// read back the same, and absent keeps the node small.
func setIf(m map[string]any, key, value string) {
	if value != "" {
		m[key] = value
	}
}

func articleProps(a graph.Article) map[string]any {
	m := map[string]any{"id": a.ID}
	setIf(m, "title", a.Title)
	setIf(m, "source", a.Source)
	setIf(m, "published", a.Published)
	setIf(m, "sha256", a.SHA256)
	setIf(m, "text", a.Text)
	return m
}

func entityRow(e *graph.Entity) map[string]any {
	aliases := append([]string(nil), e.Aliases...)
	sort.Strings(aliases)
	lower := make([]string, len(aliases))
	for i, a := range aliases {
		lower[i] = strings.ToLower(a)
	}
	row := map[string]any{
		"id": e.ID, "name": e.Name, "kind": string(e.Kind), "aliases": strs(aliases),
		"lowerName": strings.ToLower(e.Name), "lowerAliases": strs(lower),
		"country": nil, "lat": nil, "lon": nil,
	}
	if e.Country != "" {
		row["country"] = e.Country
	}
	if e.Lat != nil {
		row["lat"] = *e.Lat
	}
	if e.Lon != nil {
		row["lon"] = *e.Lon
	}
	return row
}

// mentionRow stores one entity's mentions in this article sorted by offset;
// any article a mention names is replaced by the batch's.
func mentionRow(e *graph.Entity) map[string]any {
	ms := append([]graph.Mention(nil), e.Mentions...)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End < ms[j].End
	})
	starts := make([]int64, len(ms))
	ends := make([]int64, len(ms))
	texts := make([]string, len(ms))
	for i, m := range ms {
		starts[i], ends[i], texts[i] = int64(m.Start), int64(m.End), m.Text
	}
	return map[string]any{"entity": e.ID, "starts": starts, "ends": ends, "texts": texts}
}

func setEvidence(m map[string]any, ev []graph.Evidence) {
	if len(ev) == 0 {
		return
	}
	starts := make([]int64, len(ev))
	ends := make([]int64, len(ev))
	texts := make([]string, len(ev))
	for i, e := range ev {
		starts[i], ends[i], texts[i] = int64(e.Start), int64(e.End), e.Text
	}
	m["evidenceStart"], m["evidenceEnd"], m["evidenceText"] = starts, ends, texts
}

func relationProps(r graph.Relation, article string) map[string]any {
	m := map[string]any{"id": r.ID, "confidence": r.Confidence, "article": article}
	setIf(m, "class", string(r.Class))
	setIf(m, "title", r.Title)
	setIf(m, "date", r.Date)
	setIf(m, "dateText", r.DateText)
	setIf(m, "status", r.Status)
	setIf(m, "claimedBy", r.ClaimedBy)
	setIf(m, "event", r.Event)
	setEvidence(m, r.Evidence)
	return m
}

func eventRow(ev graph.Event, article string) map[string]any {
	props := map[string]any{"id": ev.ID, "article": article}
	setIf(props, "type", string(ev.Type))
	setIf(props, "label", ev.Label)
	setIf(props, "mode", ev.Mode)
	setIf(props, "date", ev.Date)
	setIf(props, "dateText", ev.DateText)
	setIf(props, "status", ev.Status)
	if ev.Killed != nil {
		props["killed"] = int64(*ev.Killed)
	}
	if ev.Injured != nil {
		props["injured"] = int64(*ev.Injured)
	}
	setEvidence(props, ev.Evidence)
	parts := make([]any, len(ev.Participants))
	for i, p := range ev.Participants {
		parts[i] = map[string]any{"entity": p.Entity, "role": p.Role}
	}
	var place any
	if ev.Place != "" {
		place = ev.Place
	}
	return map[string]any{"id": ev.ID, "props": props, "place": place, "participants": parts}
}
