package neo4j

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Apply writes one article's batch in one transaction; see graph.Store.
func (s *Store) Apply(ctx context.Context, b graph.Batch) error {
	return s.ApplyAll(ctx, []graph.Batch{b})
}

// ApplyAll writes several articles' batches in one transaction; see
// graph.Store. The transaction may also carry other callers' writes (see
// combine.go); the batches are all written or none.
func (s *Store) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	op := fmt.Sprintf("apply %d articles", len(bs))
	if len(bs) == 1 {
		op = "apply article " + bs[0].Article.ID
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	for _, b := range bs {
		if err := b.Validate(); err != nil {
			return fmt.Errorf("neo4j: %s: %w", op, err)
		}
	}
	if len(bs) == 0 {
		return nil
	}
	if err := s.submit(ctx, &writeReq{applies: bs}); err != nil {
		return s.fail(ctx, op, err)
	}
	return nil
}

// writePlan writes p in tx: every applied article's batch, every deleted
// article gone; it returns the deleted articles it did not find.
//
// Entities and mentions are MERGEd and overwritten rather than deleted and
// recreated, so re-applying an unchanged article changes nothing a
// concurrent reader could catch half-done. The articles are locked first,
// in id order, which serialises writes of one article by several
// processes. Then the fact groups the articles' old and new witnesses
// belong to are locked in key order, read, fused again in Go and written
// back (see fuseGroups), once for all the articles, so two processes
// writing reports of one fact do not lose each other's witness. Every
// statement UNWINDs rows of all the articles, so the round trips do not
// grow with their number.
func (s *Store) writePlan(ctx context.Context, tx driver.ManagedTransaction, p plan) (missing map[string]bool, err error) {
	// An article given twice is its last version, though every version's
	// entities merge, as applying them in turn would.
	last := map[string]graph.Batch{}
	for _, b := range p.applies {
		last[b.Article.ID] = b
	}
	ids := slices.Sorted(maps.Keys(last))
	replaced := make(map[string]bool, len(ids)+len(p.deletes))
	var rels []graph.RelationWitness
	var evs []graph.EventWitness
	var articleRows []any
	var keys []string
	for _, id := range ids {
		replaced[id] = true
		r, e := graph.Witnesses(last[id])
		own := groupKeys(r, e)
		rels, evs, keys = append(rels, r...), append(evs, e...), append(keys, own...)
		props := articleProps(last[id].Article)
		props["groups"], props["relationCount"], props["eventCount"] = strs(own), int64(len(r)), int64(len(e))
		articleRows = append(articleRows, map[string]any{"id": id, "props": props})
	}
	stmts, entityIDs := prepare(p.applies, ids, last)
	var old []string // the groups of the versions replaced
	if len(articleRows) > 0 {
		recs, err := s.run(ctx, tx, lockArticlesQuery, map[string]any{"rows": articleRows})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			old = append(old, strList(rec.AsMap()["old"])...)
		}
	}
	del, err := s.lockDeleted(ctx, tx, p.deletes)
	if err != nil {
		return nil, err
	}
	for id := range del.found {
		replaced[id] = true
	}
	for _, st := range stmts {
		if _, err := s.run(ctx, tx, st.query, st.params); err != nil {
			return nil, err
		}
	}
	if _, _, err := s.fuseGroups(ctx, tx, replaced, union(union(old, keys), del.groups), rels, evs); err != nil {
		return nil, err
	}
	if err := s.removeDeleted(ctx, tx, del); err != nil {
		return nil, err
	}
	return del.missing(p.deletes), s.checkEntities(ctx, tx, entityIDs)
}

// groupKeys lists the groups of an article's witnesses, sorted.
func groupKeys(rels []graph.RelationWitness, evs []graph.EventWitness) []string {
	var keys []string
	for _, w := range rels {
		keys = append(keys, graph.RelationGroupKey(w.Relation))
	}
	for _, w := range evs {
		keys = append(keys, graph.EventGroupKey(w.Event))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func union(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

type statement struct {
	query  string
	params map[string]any
}

// The write queries, in the order Apply runs them.
const (
	// SET with a map replaces every property and takes the node's write
	// lock; the groups of the version it replaces come back. Rows come in
	// id order, so concurrent applies lock shared articles in one order.
	lockArticlesQuery = `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
WITH a, row, coalesce(a.groups, []) AS old
SET a = row.props
RETURN old`

	// Formatted with the kind's label and the other kinds' labels. Names are
	// lower-cased in Go (row.lowerName, row.lowerAliases), not by Cypher's
	// toLower, which differs from Go's for İ and final Σ; the embedded store
	// and every lookup lower-case in Go.
	mergeEntitiesQuery = `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
WITH e, row
WHERE e.name IS NULL OR e.name <> row.name OR e.lowerName IS NULL OR e.lowerName <> row.lowerName OR e.kind <> row.kind
   OR coalesce(e.country <> row.country, e.country IS NULL AND row.country IS NOT NULL)
   OR coalesce(e.lat <> row.lat, e.lat IS NULL AND row.lat IS NOT NULL)
   OR coalesce(e.lon <> row.lon, e.lon IS NULL AND row.lon IS NOT NULL)
   OR NOT e:%[1]s OR e:%[3]s
   OR any(a IN row.aliases WHERE NOT a IN coalesce(e.aliases, []))
   OR any(a IN row.lowerAliases WHERE NOT a IN coalesce(e.lowerAliases, []))
SET e.name = row.name, e.lowerName = row.lowerName, e.kind = row.kind,
    e.country = coalesce(row.country, e.country),
    e.lat = coalesce(row.lat, e.lat),
    e.lon = coalesce(row.lon, e.lon)
SET e:%[1]s
REMOVE e:%[2]s
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

	// Creates the batch's new entities, in id order. Existing ones are not
	// locked: the per-kind merges below write (and so lock) only those
	// whose name, kind, place or aliases change, so the entities most
	// articles name are not a lock every write queues on.
	createEntitiesQuery = `UNWIND $ids AS id
MERGE (e:Entity {id: id})`

	missingEntitiesQuery = `UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Entity {id: id}) }
RETURN id`

	dropMentionsQuery = `UNWIND $rows AS row
MATCH (:Article {id: row.article})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.id IN row.entities
DELETE m`

	mergeMentionsQuery = `UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.starts = row.starts, m.ends = row.ends, m.texts = row.texts`

	// The fact groups, locked in key order (MERGE on the unique key, then
	// a write), with their witnesses.
	lockGroupsQuery = `UNWIND $keys AS key
MERGE (g:FactGroup {key: key})
SET g.key = key
RETURN key, coalesce(g.witnesses, []) AS witnesses,
       COLLECT { MATCH (w:EventWitness {group: key}) RETURN [w.id, w.event] } AS fused`

	saveGroupsQuery = `UNWIND $rows AS row
MATCH (g:FactGroup {key: row.key})
CALL (g, row) {
  WITH g, row WHERE size(row.witnesses) = 0
  DELETE g
}
CALL (g, row) {
  WITH g, row WHERE size(row.witnesses) > 0
  SET g.witnesses = row.witnesses
}`

	// Formatted with every vocabulary type: the facts of relation groups
	// that are no longer, or no longer this way round. The group's key
	// names its endpoints, so the entity index finds them.
	dropFactsQuery = `UNWIND $rows AS row
MATCH (:Entity {id: row.a})-[r:%s]-(:Entity {id: row.b})
WHERE r.group = row.key AND (NOT r.id IN row.keep OR startNode(r).id <> row.want[r.id])
WITH DISTINCT r
DELETE r`

	// Formatted with one relation type.
	// The fused event a fact's first report's event is in is kept on the
	// fact (fusedEvent), so reads need no lookup; the event witnesses are
	// written first.
	mergeFactsQuery = `UNWIND $rows AS row
MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
MERGE (s)-[r:%s {id: row.id}]->(t)
SET r = row.props
SET r.fusedEvent = head(COLLECT { MATCH (w:EventWitness {id: row.props.event}) RETURN w.event })`

	// Formatted with every vocabulary type: facts in groups this apply does
	// not write whose event now fuses under another id, found through the
	// groups of the event's article.
	refreshFactEventsQuery = `UNWIND $rows AS row
MATCH (a:Article {id: row.article})
UNWIND a.groups AS g
WITH row, g, split(g, '|') AS k WHERE k[0] = 'rel'
MATCH (:Entity {id: k[2]})-[r:%s]-(:Entity {id: k[3]})
WHERE r.group = g AND r.event = row.event
SET r.fusedEvent = row.fused`

	dropEventsQuery = `UNWIND $rows AS row
MATCH (ev:Event {group: row.key})
WHERE NOT ev.id IN row.keep
DETACH DELETE ev`

	dropEventWitnessesQuery = `UNWIND $rows AS row
UNWIND row.gone AS id
MATCH (w:EventWitness {id: id})
WHERE w.group = row.key
DELETE w`

	mergeEventWitnessesQuery = `UNWIND $rows AS row
MERGE (w:EventWitness {id: row.id})
SET w.event = row.event, w.group = row.group`

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
	mergeFacts        = map[graph.RelType]string{}
	dropFacts         = fmt.Sprintf(dropFactsQuery, allTypes)
	refreshFactEvents = fmt.Sprintf(refreshFactEventsQuery, allTypes)
)

func init() {
	for _, k := range graph.Kinds {
		var others []string
		for _, o := range graph.Kinds {
			if o != k {
				others = append(others, kindLabel(o))
			}
		}
		mergeEntities[k] = fmt.Sprintf(mergeEntitiesQuery, kindLabel(k), strings.Join(others, ":"), strings.Join(others, "|"))
	}
	for _, t := range graph.RelTypes() {
		mergeFacts[t] = fmt.Sprintf(mergeFactsQuery, t)
	}
}

// kindLabel is the node label of an entity kind: PERSON is Person,
// GOVERNMENT_BODY is GovernmentBody.
func kindLabel(k graph.Kind) string {
	var b strings.Builder
	for word := range strings.SplitSeq(string(k), "_") {
		if word != "" {
			b.WriteString(word[:1] + strings.ToLower(word[1:]))
		}
	}
	return b.String()
}

// prepare turns valid batches into the statements that write their
// entities and mentions, after the articles' locks. Entities fold over
// every batch in order, as the embedded store folds them: an entity's
// later non-empty values win and its aliases add up; the mentions of each
// article in ids are those of its last version, last.
func prepare(bs []graph.Batch, ids []string, last map[string]graph.Batch) ([]statement, []string) {
	var stmts []statement

	// Entities, merged per id, locked in id order, then written per kind
	// label.
	merged := map[string]*graph.Entity{}
	var entityIDs []string
	for _, b := range bs {
		for _, e := range b.Entities {
			m := merged[e.ID]
			if m == nil {
				c := e
				c.Aliases = append([]string(nil), e.Aliases...)
				c.Mentions = nil
				merged[e.ID] = &c
				entityIDs = append(entityIDs, e.ID)
				continue
			}
			m.Name, m.Kind = e.Name, e.Kind
			m.TakeLocation(e)
			m.Aliases = append(m.Aliases, e.Aliases...)
		}
	}
	sort.Strings(entityIDs)
	byKind := map[graph.Kind][]any{}
	for _, id := range entityIDs {
		e := merged[id]
		byKind[e.Kind] = append(byKind[e.Kind], entityRow(e))
	}
	if len(entityIDs) > 0 {
		stmts = append(stmts, statement{createEntitiesQuery, map[string]any{"ids": entityIDs}})
	}
	for _, k := range graph.Kinds {
		if rows := byKind[k]; len(rows) > 0 {
			stmts = append(stmts, statement{mergeEntities[k], map[string]any{"rows": rows}})
		}
	}

	// Mentions, per article: an entity listed twice keeps both listings'.
	var dropRows, mentionRows []any
	for _, art := range ids {
		mentions := map[string][]graph.Mention{}
		var mentioned []string
		for _, e := range last[art].Entities {
			if len(e.Mentions) == 0 {
				continue
			}
			if mentions[e.ID] == nil {
				mentioned = append(mentioned, e.ID)
			}
			mentions[e.ID] = append(mentions[e.ID], e.Mentions...)
		}
		sort.Strings(mentioned)
		dropRows = append(dropRows, map[string]any{"article": art, "entities": strs(mentioned)})
		for _, id := range mentioned {
			mentionRows = append(mentionRows, mentionRow(art, id, mentions[id]))
		}
	}
	stmts = append(stmts, statement{dropMentionsQuery, map[string]any{"rows": dropRows}})
	if len(mentionRows) > 0 {
		stmts = append(stmts, statement{mergeMentionsQuery, map[string]any{"rows": mentionRows}})
	}
	return stmts, entityIDs
}

// checkEntities fails with errVanished when one of ids is gone. An apply
// does not lock entities it merely links to (every article shares a few,
// so locks would serialise every write), so a delete by another process
// may remove one as an orphan between its MERGE and a later statement,
// whose MATCH then links nothing; write runs the transaction again.
func (s *Store) checkEntities(ctx context.Context, tx driver.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := s.run(ctx, tx, missingEntitiesQuery, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	if len(recs) > 0 {
		return errVanished
	}
	return nil
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

// mentionRow stores one entity's mentions in an article sorted by offset;
// any article a mention names is replaced by the batch's.
func mentionRow(article, entity string, mentions []graph.Mention) map[string]any {
	ms := append([]graph.Mention(nil), mentions...)
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
	return map[string]any{"article": article, "entity": entity, "starts": starts, "ends": ends, "texts": texts}
}
