package neo4j

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Reads for the GraphQL API: relevance search, paged collections, batched
// relations, paths, aggregates, and deleting an article.
//
// Collection queries are built from fixed fragments: a MATCH, then one WHERE
// condition per filter the query sets, so each filter that an index can
// answer reaches the planner as a plain equality rather than behind an
// "IS NULL OR". Every value is a parameter.

// where joins conditions into a WHERE clause; none gives "".
func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return "\nWHERE " + strings.Join(conds, "\n  AND ")
}

// kindNames turns kinds into a list parameter.
func kindNames(kinds []graph.Kind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// Search candidates: entities with a query word in a name (the text index),
// and entities with a name word within the word's edit limit (the full-text
// index, fuzzy). graph.SearchScore-style scoring in Go then ranks exactly as
// the embedded store does.
const (
	searchContains = `UNWIND $words AS word
MATCH (e:Entity) WHERE e.searchText CONTAINS word
RETURN e`
	searchFuzzy = `
UNION
CALL db.index.fulltext.queryNodes('entity_names', $fuzzy) YIELD node AS e
RETURN e`
	searchTail = `}
WITH DISTINCT e
WHERE $kinds IS NULL OR e.kind IN $kinds
` + noMentions + `
RETURN ` + entityMap + ` AS e`
)

// Search ranks entities by graph's relevance score; see graph.Store.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) ([]graph.SearchHit, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("neo4j: search: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("neo4j: search: %w", err)
	}
	limit, _ := graph.Page{Limit: q.Limit}.Size()
	searcher := graph.NewSearcher(q.Text)
	words := searcher.Tokens()
	if len(words) == 0 {
		return nil, nil
	}
	var fuzzy []string
	for _, w := range words {
		if k := graph.FuzzyEdits(w); k > 0 {
			fuzzy = append(fuzzy, fmt.Sprintf("%s~%d", luceneEscape(w), k))
		}
	}
	query := "CALL {\n" + searchContains
	if len(fuzzy) > 0 {
		query += searchFuzzy
	}
	query += searchTail
	var kinds any
	if len(q.Kinds) > 0 {
		kinds = kindNames(q.Kinds)
	}

	// Candidates come with their properties, so without mentions the
	// page needs no second query; with them, only the page's entities
	// are read again, mentions and all.
	type hit struct {
		id, name string
		score    float64
		e        graph.Entity
	}
	var out []graph.SearchHit
	err := s.read(ctx, "search", func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, map[string]any{
			"words": words, "fuzzy": strings.Join(fuzzy, " "), "kinds": kinds,
		})
		if err != nil {
			return err
		}
		var hits []hit
		for _, rec := range recs {
			e := decodeEntityRow(rec)
			h := hit{id: e.ID, name: e.Name, e: e}
			names := []graph.SearchName{graph.NewSearchName(h.name)}
			for _, a := range e.Aliases {
				names = append(names, graph.NewSearchName(a))
			}
			if h.score = searcher.Score(names); h.score > 0 {
				hits = append(hits, h)
			}
		}
		sort.Slice(hits, func(i, j int) bool {
			a, b := hits[i], hits[j]
			if a.score != b.score {
				return a.score > b.score
			}
			if a.name != b.name {
				return a.name < b.name
			}
			return a.id < b.id
		})
		hits = hits[:min(len(hits), limit)]
		ids := make([]string, len(hits))
		scores := make(map[string]float64, len(hits))
		es := make([]graph.Entity, len(hits))
		for i, h := range hits {
			ids[i] = h.id
			scores[h.id] = h.score
			es[i] = h.e
		}
		if graph.MentionsWanted(ctx) {
			// In the order of ids; one deleted meanwhile is skipped.
			if es, err = s.readEntities(ctx, tx, ids); err != nil {
				return err
			}
		}
		out = make([]graph.SearchHit, len(es))
		for i, e := range es {
			out[i] = graph.SearchHit{Entity: e, Score: scores[e.ID]}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// luceneEscape makes a word a literal term in Lucene's query syntax, so a
// search for `a:b` or `x~2` is text, never query operators.
func luceneEscape(word string) string {
	var b strings.Builder
	for _, r := range word {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// List queries answer in one round trip: one subquery counts every match,
// another reads the page after the cursor. Each is formatted with the same
// conditions, then the page condition.
const (
	// Formatted with the conditions, twice.
	listEntitiesQuery = `CALL () {
  MATCH (e:Entity)%[1]s
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:Entity)%[2]s
  WITH e ORDER BY e.id LIMIT $limit
  ` + entityMentions + `
  RETURN collect(` + entityMap + `) AS page
}
RETURN total, page`
	listEntitiesKinds = `e.kind IN $kinds`
	listEntitiesName  = `e.searchText CONTAINS $sub AND any(n IN [e.lowerName] + e.lowerAliases WHERE n CONTAINS $sub)`

	// Formatted with the match, then the conditions twice.
	listRelationsQuery = listRelationsHead + `
  RETURN collect({r: ` + relationProjection + `, type: type(r), source: s.id, target: t.id}) AS page
}
RETURN total, page`
	// The count and the start of the page's subquery, which goes on
	// with s, t and r in page order.
	listRelationsHead = `CALL () {
  %[1]s%[2]s
  RETURN count(r) AS total
}
CALL () {
  %[1]s%[3]s
  WITH r, s, t ORDER BY r.id LIMIT $limit`
	listRelationsMatch = `MATCH (s:Entity)-[r:%s]->(t:Entity)`
	// Formatted with the type pattern and the article expression.
	listRelationsOfArticle = relationsOfArticle + `
WITH r, startNode(r) AS s, endNode(r) AS t`

	// Formatted with the match and the conditions. Dated events first by
	// date, then undated; ties and undated by id.
	listEventsQuery = `CALL () {
  %[1]s%[2]s
  RETURN count(ev) AS total
}
CALL () {
  %[1]s%[2]s
  WITH ev, coalesce(ev.date, '') AS d
  WHERE $afterID IS NULL
     OR ($afterDate = '' AND d = '' AND ev.id > $afterID)
     OR ($afterDate <> '' AND (d = '' OR d > $afterDate OR (d = $afterDate AND ev.id > $afterID)))
  WITH ev ORDER BY d = '', d, ev.id LIMIT $limit
  CALL (ev) {
    OPTIONAL MATCH (ev)-[:AT]->(p:Entity)
    RETURN p.id AS place LIMIT 1
  }
  CALL (ev) {
    MATCH (ev)-[x:PARTICIPANT]->(e:Entity)
    RETURN collect({entity: e.id, role: x.role}) AS participants
  }
  RETURN collect({ev: ` + eventProjection + `, place: place, participants: participants}) AS page
}
RETURN total, page`

	// Formatted with the expression holding the article id ($article, or
	// a variable): the fused events an article is a witness of, through
	// its groups.
	eventsOfArticle = `MATCH (a:Article {id: %[1]s})
UNWIND a.groups AS g
WITH g WHERE g STARTS WITH 'ev|'
MATCH (ev:Event {group: g})
WHERE EXISTS { MATCH (w:EventWitness {event: ev.id}) WHERE w.article = %[1]s }
WITH DISTINCT ev`

	listArticlesQuery = `CALL () {
  MATCH (a:Article)
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Article) WHERE a.id > $after
  WITH a ORDER BY a.id LIMIT $limit
  RETURN collect({a: a {.*}}) AS page
}
RETURN total, page`
)

// readPage runs a list query and decodes its total and each row of its
// page with decode. reset runs first: a retried transaction decodes again.
func (s *Store) readPage(ctx context.Context, op, query string, params map[string]any, reset func(), decode func(row map[string]any)) (int, error) {
	var total int
	err := s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, params)
		if err != nil {
			return err
		}
		reset()
		if len(recs) != 1 {
			return fmt.Errorf("%s: got %d rows, want 1", op, len(recs))
		}
		row := recs[0].AsMap()
		total = intOf(row, "total")
		page, _ := row["page"].([]any)
		for _, x := range page {
			m, _ := x.(map[string]any)
			decode(m)
		}
		return nil
	})
	return total, err
}

// ListEntities pages through entities by id; see graph.Store.
func (s *Store) ListEntities(ctx context.Context, q graph.EntityQuery) ([]graph.Entity, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list entities: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list entities: %w", err)
	}
	limit, _ := q.Size()
	var conds []string
	if len(q.Kinds) > 0 {
		conds = append(conds, listEntitiesKinds)
	}
	if q.NameContains != "" {
		conds = append(conds, listEntitiesName)
	}
	query := mentionsFor(ctx, fmt.Sprintf(listEntitiesQuery, where(conds), where(append(conds, `e.id > $after`))))
	params := map[string]any{
		"kinds": kindNames(q.Kinds), "sub": strings.ToLower(q.NameContains),
		"after": q.After, "limit": int64(limit),
	}
	var out []graph.Entity
	n, err := s.readPage(ctx, "list entities", query, params,
		func() { out = []graph.Entity{} },
		func(row map[string]any) { out = append(out, decodeEntity(row)) })
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// ListRelations pages through relations by id; see graph.Store.
func (s *Store) ListRelations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list relations: %w", err)
	}
	query, params, err := listRelations(q, listRelationsQuery)
	if err != nil {
		return nil, 0, fmt.Errorf("neo4j: list relations: %w", err)
	}
	var out []graph.Relation
	n, err := s.readPage(ctx, "list relations", query, params,
		func() { out = []graph.Relation{} },
		func(row map[string]any) { out = append(out, decodeRelation(row)) })
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// listRelations formats query, listRelationsQuery or one like it, for q,
// and gives its parameters.
func listRelations(q graph.RelationQuery, query string) (string, map[string]any, error) {
	if err := q.Validate(); err != nil {
		return "", nil, err
	}
	types, err := checkTypes(q.Types)
	if err != nil {
		return "", nil, err
	}
	limit, _ := q.Size()
	var conds []string
	add := func(set bool, cond string) {
		if set {
			conds = append(conds, cond)
		}
	}
	add(q.Source != "", `s.id = $source`)
	add(q.Target != "", `t.id = $target`)
	add(len(q.Classes) > 0, `r.class IN $classes`)
	add(q.MinSources > 0, `r.sources >= $minSources`)
	add(q.Contested != nil, `r.contested = $contested`)
	add(len(q.Statuses) > 0, `r.status IN $statuses`)
	add(q.Since != "", `r.date >= $since`)
	add(q.Until != "", `r.date <= $until`)
	match := fmt.Sprintf(listRelationsMatch, types)
	if q.Article != "" {
		match = fmt.Sprintf(listRelationsOfArticle, types, "$article")
	}
	query = fmt.Sprintf(query, match, where(conds), where(append(conds, `r.id > $after`)))
	classes := make([]string, len(q.Classes))
	for i, c := range q.Classes {
		classes[i] = string(c)
	}
	params := map[string]any{
		"source": q.Source, "target": q.Target, "article": q.Article,
		"classes": classes, "statuses": q.Statuses, "since": q.Since, "until": q.Until,
		"minSources": int64(q.MinSources), "contested": q.Contested != nil && *q.Contested,
		"after": q.After, "limit": int64(limit),
	}
	return query, params, nil
}

// ListEvents pages through events by date, then id; see graph.Store.
func (s *Store) ListEvents(ctx context.Context, q graph.EventQuery) ([]graph.Event, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list events: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list events: %w", err)
	}
	limit, _ := q.Size()
	var conds []string
	add := func(set bool, cond string) {
		if set {
			conds = append(conds, cond)
		}
	}
	add(len(q.Types) > 0, `ev.type IN $types`)
	add(q.MinSources > 0, `ev.sources >= $minSources`)
	add(q.Contested != nil, `ev.contested = $contested`)
	add(q.Place != "", `EXISTS { (ev)-[:AT]->(:Entity {id: $place}) }`)
	add(q.Participant != "", `EXISTS { (ev)-[:PARTICIPANT]->(:Entity {id: $participant}) }`)
	add(q.Since != "", `ev.date >= $since`)
	add(q.Until != "", `ev.date <= $until`)
	add(q.MinKilled > 0, `ev.killed >= $minKilled`)
	match := `MATCH (ev:Event)`
	if q.Article != "" {
		match = fmt.Sprintf(eventsOfArticle, "$article")
	}
	query := fmt.Sprintf(listEventsQuery, match, where(conds))
	types := make([]string, len(q.Types))
	for i, c := range q.Types {
		types[i] = string(c)
	}
	params := map[string]any{
		"article": q.Article, "types": types, "place": q.Place, "participant": q.Participant,
		"since": q.Since, "until": q.Until, "minKilled": int64(q.MinKilled),
		"minSources": int64(q.MinSources), "contested": q.Contested != nil && *q.Contested,
		"afterDate": "", "afterID": nil, "limit": int64(limit),
	}
	if q.After != "" {
		date, id, _ := graph.ParseEventKey(q.After) // Validate checked it
		params["afterDate"], params["afterID"] = date, id
	}
	var out []graph.Event
	n, err := s.readPage(ctx, "list events", query, params,
		func() { out = []graph.Event{} },
		func(row map[string]any) { out = append(out, decodeEvent(row)) })
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// ListArticles pages through articles by id; see graph.Store.
func (s *Store) ListArticles(ctx context.Context, q graph.ArticleQuery) ([]graph.Article, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list articles: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list articles: %w", err)
	}
	limit, _ := q.Size()
	var out []graph.Article
	n, err := s.readPage(ctx, "list articles", listArticlesQuery, map[string]any{"after": q.After, "limit": int64(limit)},
		func() { out = []graph.Article{} },
		func(row map[string]any) { out = append(out, decodeArticle(row)) })
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// relationsOfTail follows a relation MATCH anchored at each unwound
// entity; relationsOfEndsTail also reads the relations' ends, without
// mentions.
const (
	relationsOfPage = `
WITH entity, r WHERE r.id > $after
WITH entity, r ORDER BY r.id
WITH entity, collect(DISTINCT r)[..$limit] AS rs`
	relationsOfRels = `
RETURN entity, [r IN rs | {r: ` + relationProjection + `, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS rels`
	relationsOfTail     = relationsOfPage + relationsOfRels
	relationsOfEndsTail = relationsOfPage + `
CALL (rs) {
  UNWIND rs AS r
  UNWIND [startNode(r), endNode(r)] AS e
  WITH DISTINCT e
  ` + noMentions + `
  RETURN collect(` + entityMap + `) AS ends
}` + relationsOfRels + `, ends`
)

// entityIDs drops repeats and the empty id from ids: Relations reads an
// empty entity as every relation, which is not this entity's.
func entityIDs(ids []string) []string {
	var out []string
	for _, id := range unique(ids) {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}

// RelationsOf answers Relations for many entities in one query; see
// graph.Store. f.Entity is ignored.
func (s *Store) RelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error) {
	out, _, err := s.relationsOf(ctx, "relations of", ids, f, false)
	return out, err
}

// RelationsOfWithEnds answers RelationsOf with the entities at the ends of
// its relations, in the same query; see graph.EndsReader.
func (s *Store) RelationsOfWithEnds(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, []graph.Entity, error) {
	return s.relationsOf(ctx, "relations of with ends", ids, f, true)
}

// relationsOf answers RelationsOf, and when withEnds the entities at the
// ends of its relations, sorted by id.
func (s *Store) relationsOf(ctx context.Context, op string, ids []string, f graph.RelationFilter, withEnds bool) (map[string][]graph.Relation, []graph.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("neo4j: %s: %w", op, err)
	}
	match, err := relationMatch(f, "entity")
	if err != nil {
		return nil, nil, fmt.Errorf("neo4j: %s: %w", op, err)
	}
	asked := entityIDs(ids)
	out := map[string][]graph.Relation{}
	var ends []graph.Entity
	if len(asked) == 0 {
		return out, []graph.Entity{}, nil
	}
	query := "UNWIND $entities AS entity\n" + match
	if f.Article != "" {
		query += relationsArticle
	}
	if withEnds {
		query += relationsOfEndsTail
	} else {
		query += relationsOfTail
	}

	// A list slice takes a 32-bit bound, unlike LIMIT.
	limit := int64(math.MaxInt32)
	if f.Limit > 0 && f.Limit < math.MaxInt32 {
		limit = int64(f.Limit)
	}
	err = s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, map[string]any{
			"entities": asked, "article": f.Article, "after": f.After, "limit": limit,
		})
		if err != nil {
			return err
		}
		clear(out) // afresh: a retried transaction runs this again
		ends = decodeRelationsOf(recs, out)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if !withEnds {
		return out, nil, nil
	}
	return out, ends, nil
}

// decodeRelationsOf reads the rows of a relationsOfTail or
// relationsOfEndsTail query into out, returning the ends the rows have,
// each once, sorted by id.
func decodeRelationsOf(recs []*driver.Record, out map[string][]graph.Relation) []graph.Entity {
	byID := map[string]graph.Entity{}
	for _, rec := range recs {
		row := rec.AsMap()
		list, _ := row["rels"].([]any)
		rs := make([]graph.Relation, 0, len(list))
		for _, x := range list {
			m, _ := x.(map[string]any)
			rs = append(rs, decodeRelation(m))
		}
		if len(rs) > 0 {
			out[str(row, "entity")] = rs
		}
		es, _ := row["ends"].([]any)
		for _, x := range es {
			m, _ := x.(map[string]any)
			e := decodeEntity(m)
			byID[e.ID] = e
		}
	}
	ends := make([]graph.Entity, 0, len(byID))
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		ends = append(ends, byID[id])
	}
	return ends
}

const countRelationsOfTail = `
RETURN entity, count(DISTINCT r) AS n`

// CountRelationsOf counts what RelationsOf would return, unpaged, in one
// query; see graph.Store.
func (s *Store) CountRelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string]int, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("neo4j: count relations of: %w", err)
	}
	match, err := relationMatch(f, "entity")
	if err != nil {
		return nil, fmt.Errorf("neo4j: count relations of: %w", err)
	}
	asked := entityIDs(ids)
	out := map[string]int{}
	if len(asked) == 0 {
		return out, nil
	}
	query := "UNWIND $entities AS entity\n" + match
	if f.Article != "" {
		query += relationsArticle
	}
	query += countRelationsOfTail
	err = s.read(ctx, "count relations of", func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, map[string]any{"entities": asked, "article": f.Article})
		if err != nil {
			return err
		}
		clear(out)
		for _, rec := range recs {
			row := rec.AsMap()
			if n := intOf(row, "n"); n > 0 {
				out[str(row, "entity")] = n
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// statsQuery is formatted with every vocabulary type. Relations are
// grouped once by class, type and article, events and mentions by
// article, and Go sums the groups: one pass each, not one per article.
const statsQuery = `CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () {
  MATCH (a:Article)
  RETURN collect({article: a.id, relations: coalesce(a.relationCount, 0), events: coalesce(a.eventCount, 0)}) AS articles
}
CALL () {
  MATCH ()-[r:%[1]s]->()
  WITH coalesce(r.class, '') AS class, type(r) AS type, count(*) AS n
  RETURN collect({class: class, type: type, n: n}) AS relations
}
CALL () { MATCH (ev:Event) RETURN count(ev) AS events }
CALL () {
  MATCH (a:Article)-[:MENTIONS]->(:Entity)
  WITH a.id AS article, count(*) AS n
  RETURN collect({article: article, n: n}) AS mentioned
}
CALL () {
  MATCH (e:Entity)-[r:%[1]s]-()
  WITH e, count(DISTINCT r) AS degree // a self-loop matches twice from its one node
  ORDER BY degree DESC, e.id LIMIT $top
  RETURN collect({id: e.id, degree: degree}) AS top
}
RETURN entities, articles, relations, events, mentioned, top`

var stats = fmt.Sprintf(statsQuery, allTypes)

func intOf(m map[string]any, key string) int {
	n, _ := m[key].(int64)
	return int(n)
}

// Stats counts the whole graph; see graph.Store.
func (s *Store) Stats(ctx context.Context, topN int) (graph.Stats, error) {
	if err := ctx.Err(); err != nil {
		return graph.Stats{}, fmt.Errorf("neo4j: stats: %w", err)
	}
	if err := graph.CheckTopN(topN); err != nil {
		return graph.Stats{}, fmt.Errorf("neo4j: stats: %w", err)
	}
	var st graph.Stats
	err := s.read(ctx, "stats", func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, stats, map[string]any{"top": int64(topN)})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("stats: got %d rows, want 1", len(recs))
		}
		row := recs[0].AsMap()
		st = graph.Stats{Entities: intOf(row, "entities"), Events: intOf(row, "events")}
		arts, _ := row["articles"].([]any)
		st.PerArticle = make([]graph.ArticleCount, 0, len(arts))
		for _, x := range arts {
			m, _ := x.(map[string]any)
			a := graph.ArticleCount{Article: str(m, "article"), Relations: intOf(m, "relations"), Events: intOf(m, "events")}
			st.RawRelations += a.Relations
			st.RawEvents += a.Events
			st.PerArticle = append(st.PerArticle, a)
		}
		sort.Slice(st.PerArticle, func(i, j int) bool { return st.PerArticle[i].Article < st.PerArticle[j].Article })
		st.Articles = len(st.PerArticle)
		per := make(map[string]*graph.ArticleCount, len(st.PerArticle))
		for i := range st.PerArticle {
			per[st.PerArticle[i].Article] = &st.PerArticle[i]
		}
		groups := func(key string, add func(m map[string]any, n int, a *graph.ArticleCount)) {
			list, _ := row[key].([]any)
			for _, x := range list {
				m, _ := x.(map[string]any)
				a := per[str(m, "article")]
				if a == nil {
					a = &graph.ArticleCount{} // an article deleted meanwhile; counted in totals only
				}
				add(m, intOf(m, "n"), a)
			}
		}
		byClass, byType := map[string]int{}, map[string]int{}
		groups("relations", func(m map[string]any, n int, _ *graph.ArticleCount) {
			st.Relations += n
			byClass[str(m, "class")] += n
			byType[str(m, "type")] += n
		})
		groups("mentioned", func(_ map[string]any, n int, a *graph.ArticleCount) { a.Entities += n })
		st.ByClass, st.ByType = graph.SortCounts(byClass), graph.SortCounts(byType)
		top, _ := row["top"].([]any)
		for _, x := range top {
			m, _ := x.(map[string]any)
			st.TopEntities = append(st.TopEntities, graph.EntityDegree{Entity: str(m, "id"), Degree: intOf(m, "degree")})
		}
		return nil
	})
	if err != nil {
		return graph.Stats{}, err
	}
	return st, nil
}
