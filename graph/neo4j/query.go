package neo4j

import (
	"context"
	"errors"
	"fmt"
	"math"
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
RETURN e.id AS id, e.name AS name, e.aliases AS aliases`
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

	// Score on names alone; only the page's entities are read in full.
	type hit struct {
		id, name string
		score    float64
	}
	var out []graph.SearchHit
	err := s.read(ctx, "search", func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, query, map[string]any{
			"words": words, "fuzzy": strings.Join(fuzzy, " "), "kinds": kinds,
		})
		if err != nil {
			return err
		}
		var hits []hit
		for _, rec := range recs {
			m := rec.AsMap()
			h := hit{id: str(m, "id"), name: str(m, "name")}
			names := []graph.SearchName{graph.NewSearchName(h.name)}
			for _, a := range strList(m["aliases"]) {
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
		for i, h := range hits {
			ids[i] = h.id
			scores[h.id] = h.score
		}
		// In the order of ids; one deleted meanwhile is skipped.
		es, err := readEntities(ctx, tx, ids)
		if err != nil {
			return err
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

// List queries count every match, then read one page after the cursor.
const (
	listEntitiesMatch  = `MATCH (e:Entity)`
	listEntitiesKinds  = `e.kind IN $kinds`
	listEntitiesName   = `e.searchText CONTAINS $sub AND any(n IN [toLower(e.name)] + [a IN e.aliases | toLower(a)] WHERE n CONTAINS $sub)`
	listEntitiesAfter  = `e.id > $after`
	listEntitiesCount  = `RETURN count(e) AS total`
	listEntitiesPage   = `RETURN e.id AS id ORDER BY e.id LIMIT $limit`
	listArticlesCount  = `MATCH (a:Article) RETURN count(a) AS total`
	listArticlesPage   = `MATCH (a:Article) WHERE a.id > $after RETURN a {.*} AS a ORDER BY a.id LIMIT $limit`
	listRelationsMatch = `MATCH (s:Entity)-[r:%s]->(t:Entity)`
	listRelationsTail  = `RETURN r {.*} AS r, type(r) AS type, s.id AS source, t.id AS target ORDER BY r.id LIMIT $limit`
	listRelationsCount = `RETURN count(r) AS total`
	listEventsMatch    = `MATCH (ev:Event)`
	listEventsCount    = `RETURN count(ev) AS total`
	// Dated events first by date, then undated; ties and undated by id.
	listEventsPage = `WITH ev, coalesce(ev.date, '') AS d
WHERE $after IS NULL
   OR ($afterDate = '' AND d = '' AND ev.id > $afterID)
   OR ($afterDate <> '' AND (d = '' OR d > $afterDate OR (d = $afterDate AND ev.id > $afterID)))
RETURN ev.id AS id ORDER BY d = '', d, ev.id LIMIT $limit`
)

// total reads the count a list query's first statement returns.
func total(recs []*driver.Record) int {
	if len(recs) != 1 {
		return 0
	}
	n, _ := recs[0].Values[0].(int64)
	return int(n)
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
	countQuery := listEntitiesMatch + where(conds) + "\n" + listEntitiesCount
	pageQuery := listEntitiesMatch + where(append(conds, listEntitiesAfter)) + "\n" + listEntitiesPage
	params := map[string]any{
		"kinds": kindNames(q.Kinds), "sub": strings.ToLower(q.NameContains),
		"after": q.After, "limit": int64(limit),
	}

	var out []graph.Entity
	var n int
	err := s.read(ctx, "list entities", func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, countQuery, params)
		if err != nil {
			return err
		}
		n = total(recs)
		if recs, err = run(ctx, tx, pageQuery, params); err != nil {
			return err
		}
		ids := make([]string, len(recs))
		for i, rec := range recs {
			ids[i] = str(rec.AsMap(), "id")
		}
		out, err = readEntities(ctx, tx, ids)
		return err
	})
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
	if err := q.Validate(); err != nil {
		return nil, 0, fmt.Errorf("neo4j: list relations: %w", err)
	}
	types, err := checkTypes(q.Types)
	if err != nil {
		return nil, 0, fmt.Errorf("neo4j: list relations: %w", err)
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
	add(q.Article != "", `r.article = $article`)
	add(len(q.Classes) > 0, `r.class IN $classes`)
	add(len(q.Statuses) > 0, `r.status IN $statuses`)
	add(q.Since != "", `r.date >= $since`)
	add(q.Until != "", `r.date <= $until`)
	match := fmt.Sprintf(listRelationsMatch, types)
	countQuery := match + where(conds) + "\n" + listRelationsCount
	pageQuery := match + where(append(conds, `r.id > $after`)) + "\n" + listRelationsTail
	classes := make([]string, len(q.Classes))
	for i, c := range q.Classes {
		classes[i] = string(c)
	}
	params := map[string]any{
		"source": q.Source, "target": q.Target, "article": q.Article,
		"classes": classes, "statuses": q.Statuses, "since": q.Since, "until": q.Until,
		"after": q.After, "limit": int64(limit),
	}

	var out []graph.Relation
	var n int
	err = s.read(ctx, "list relations", func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, countQuery, params)
		if err != nil {
			return err
		}
		n = total(recs)
		if recs, err = run(ctx, tx, pageQuery, params); err != nil {
			return err
		}
		out = decodeRelations(recs)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
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
	add(q.Article != "", `ev.article = $article`)
	add(len(q.Types) > 0, `ev.type IN $types`)
	add(q.Place != "", `EXISTS { (ev)-[:AT]->(:Entity {id: $place}) }`)
	add(q.Participant != "", `EXISTS { (ev)-[:PARTICIPANT]->(:Entity {id: $participant}) }`)
	add(q.Since != "", `ev.date >= $since`)
	add(q.Until != "", `ev.date <= $until`)
	add(q.MinKilled > 0, `ev.killed >= $minKilled`)
	countQuery := listEventsMatch + where(conds) + "\n" + listEventsCount
	pageQuery := listEventsMatch + where(conds) + "\n" + listEventsPage
	types := make([]string, len(q.Types))
	for i, c := range q.Types {
		types[i] = string(c)
	}
	params := map[string]any{
		"article": q.Article, "types": types, "place": q.Place, "participant": q.Participant,
		"since": q.Since, "until": q.Until, "minKilled": int64(q.MinKilled),
		"after": nil, "afterDate": "", "afterID": "", "limit": int64(limit),
	}
	if q.After != "" {
		date, id, _ := graph.ParseEventKey(q.After) // Validate checked it
		params["after"], params["afterDate"], params["afterID"] = q.After, date, id
	}

	var out []graph.Event
	var n int
	err := s.read(ctx, "list events", func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, countQuery, params)
		if err != nil {
			return err
		}
		n = total(recs)
		if recs, err = run(ctx, tx, pageQuery, params); err != nil {
			return err
		}
		ids := make([]string, len(recs))
		for i, rec := range recs {
			ids[i] = str(rec.AsMap(), "id")
		}
		out, err = readEvents(ctx, tx, ids)
		return err
	})
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
	var n int
	err := s.read(ctx, "list articles", func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, listArticlesCount, nil)
		if err != nil {
			return err
		}
		n = total(recs)
		if recs, err = run(ctx, tx, listArticlesPage, map[string]any{"after": q.After, "limit": int64(limit)}); err != nil {
			return err
		}
		out = make([]graph.Article, len(recs))
		for i, rec := range recs {
			out[i] = decodeArticle(rec.AsMap())
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// relationsOfTail follows a relation MATCH anchored at each unwound entity.
const relationsOfTail = `
WITH entity, r ORDER BY r.id
WITH entity, collect(DISTINCT r)[..$limit] AS rs
RETURN entity, [r IN rs | {r: r {.*}, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS rels`

// RelationsOf answers Relations for many entities in one query; see
// graph.Store. f.Entity is ignored.
func (s *Store) RelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("neo4j: relations of: %w", err)
	}
	match, err := relationMatch(f, "entity")
	if err != nil {
		return nil, fmt.Errorf("neo4j: relations of: %w", err)
	}
	var asked []string
	for _, id := range unique(ids) {
		if id != "" { // Relations reads an empty entity as every relation, which is not this entity's
			asked = append(asked, id)
		}
	}
	out := map[string][]graph.Relation{}
	if len(asked) == 0 {
		return out, nil
	}
	query := "UNWIND $entities AS entity\n" + match
	if f.Article != "" {
		query += relationsArticle
	}
	query += relationsOfTail

	// A list slice takes a 32-bit bound, unlike LIMIT.
	limit := int64(math.MaxInt32)
	if f.Limit > 0 && f.Limit < math.MaxInt32 {
		limit = int64(f.Limit)
	}
	err = s.read(ctx, "relations of", func(tx driver.ManagedTransaction) error {
		recs, err := run(ctx, tx, query, map[string]any{
			"entities": asked, "article": f.Article, "limit": limit,
		})
		if err != nil {
			return err
		}
		clear(out)
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
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Shortest paths: the distance first, then from the start always the
// relation with the smallest id that gets one hop closer. That walk yields
// the least shortest path by relation ids, as the embedded store's does.
// Both are formatted with the type pattern and a clamped hop count.
const (
	pathEndsQuery = `UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
RETURN id, e IS NOT NULL AS found`
	pathLengthQuery = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:%s*..%d]-(b))
RETURN length(p) AS hops`
	pathStepQuery = `MATCH (at:Entity {id: $at})-[r:%[1]s]-(n:Entity), (to:Entity {id: $to})
WHERE EXISTS { (n)-[:%[1]s*0..%[2]d]-(to) }
RETURN r {.*} AS r, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
       n.id AS next
ORDER BY r.id LIMIT 1`
)

// ShortestPath finds the least shortest path; see graph.Store.
func (s *Store) ShortestPath(ctx context.Context, q graph.PathQuery) ([]graph.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("neo4j: shortest path: %w", err)
	}
	types, err := checkTypes(q.Types)
	if err != nil {
		return nil, fmt.Errorf("neo4j: shortest path: %w", err)
	}
	hops := graph.ClampHops(q.MaxHops)
	op := fmt.Sprintf("shortest path %s to %s", q.From, q.To)

	var path []graph.Relation
	var missing string
	err = s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		path, missing = nil, ""
		recs, err := run(ctx, tx, pathEndsQuery, map[string]any{"ids": []string{q.From, q.To}})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			if found, _ := rec.AsMap()["found"].(bool); !found {
				missing = str(rec.AsMap(), "id")
				return nil
			}
		}
		if q.From == q.To {
			path = []graph.Relation{}
			return nil
		}
		params := map[string]any{"from": q.From, "to": q.To}
		if recs, err = run(ctx, tx, fmt.Sprintf(pathLengthQuery, types, hops), params); err != nil || len(recs) == 0 {
			return err
		}
		k64, _ := recs[0].AsMap()["hops"].(int64)
		k := int(k64)
		path = make([]graph.Relation, 0, k)
		for at := q.From; k > 0; k-- {
			recs, err := run(ctx, tx, fmt.Sprintf(pathStepQuery, types, k-1), map[string]any{"at": at, "to": q.To})
			if err != nil {
				return err
			}
			if len(recs) == 0 {
				return errors.New("shortest path lost its way") // the graph changed under the read
			}
			row := recs[0].AsMap()
			path = append(path, decodeRelation(row))
			at = str(row, "next")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if missing != "" {
		return nil, fmt.Errorf("neo4j: %s: entity %s: %w", op, missing, graph.ErrNotFound)
	}
	return path, nil
}

// Stats queries, formatted with every vocabulary type.
const (
	statsCountsQuery = `CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH ()-[r:%[1]s]->() RETURN count(r) AS relations }
CALL { MATCH (ev:Event) RETURN count(ev) AS events }
CALL { MATCH (a:Article) RETURN count(a) AS articles }
RETURN entities, relations, events, articles`
	statsByQuery = `MATCH ()-[r:%[1]s]->()
RETURN coalesce(r.class, '') AS class, type(r) AS type, count(r) AS n`
	// count(DISTINCT r): a self-loop matches twice from its one node.
	statsTopQuery = `MATCH (e:Entity)-[r:%[1]s]-()
WITH e, count(DISTINCT r) AS degree
RETURN e.id AS id, degree ORDER BY degree DESC, id LIMIT $top`
	statsPerArticleQuery = `MATCH (a:Article)
CALL (a) { MATCH (a)-[m:MENTIONS]->() RETURN count(m) AS entities }
CALL (a) { MATCH ()-[r:%[1]s]->() WHERE r.article = a.id RETURN count(r) AS relations }
CALL (a) { MATCH (ev:Event) WHERE ev.article = a.id RETURN count(ev) AS events }
RETURN a.id AS id, entities, relations, events ORDER BY id`
)

var (
	statsCounts     = fmt.Sprintf(statsCountsQuery, allTypes)
	statsBy         = fmt.Sprintf(statsByQuery, allTypes)
	statsTop        = fmt.Sprintf(statsTopQuery, allTypes)
	statsPerArticle = fmt.Sprintf(statsPerArticleQuery, allTypes)
)

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
		st = graph.Stats{}
		recs, err := run(ctx, tx, statsCounts, nil)
		if err != nil {
			return err
		}
		if len(recs) == 1 {
			m := recs[0].AsMap()
			st.Entities, st.Relations = intOf(m, "entities"), intOf(m, "relations")
			st.Events, st.Articles = intOf(m, "events"), intOf(m, "articles")
		}
		if recs, err = run(ctx, tx, statsBy, nil); err != nil {
			return err
		}
		byClass, byType := map[string]int{}, map[string]int{}
		for _, rec := range recs {
			m := rec.AsMap()
			byClass[str(m, "class")] += intOf(m, "n")
			byType[str(m, "type")] += intOf(m, "n")
		}
		st.ByClass, st.ByType = graph.SortCounts(byClass), graph.SortCounts(byType)
		if recs, err = run(ctx, tx, statsTop, map[string]any{"top": int64(topN)}); err != nil {
			return err
		}
		for _, rec := range recs {
			m := rec.AsMap()
			st.TopEntities = append(st.TopEntities, graph.EntityDegree{Entity: str(m, "id"), Degree: intOf(m, "degree")})
		}
		if recs, err = run(ctx, tx, statsPerArticle, nil); err != nil {
			return err
		}
		for _, rec := range recs {
			m := rec.AsMap()
			st.PerArticle = append(st.PerArticle, graph.ArticleCount{
				Article: str(m, "id"), Entities: intOf(m, "entities"),
				Relations: intOf(m, "relations"), Events: intOf(m, "events"),
			})
		}
		return nil
	})
	if err != nil {
		return graph.Stats{}, err
	}
	return st, nil
}

// Deleting an article: what its content touched, then the article with its
// relations, events and mentions, then the touched entities nothing refers
// to any more. A plain DELETE of those entities fails rather than cut a
// relationship another transaction has just added.
const (
	deleteFindQuery = `MATCH (a:Article {id: $article})
CALL (a) { MATCH (a)-[:MENTIONS]->(e:Entity) RETURN collect(e.id) AS mentioned }
CALL { MATCH (s)-[r:%[1]s]->(t) WHERE r.article = $article
       RETURN collect(s.id) + collect(t.id) + collect(r.claimedBy) AS linked }
CALL { MATCH (ev:Event)-[:AT|PARTICIPANT]->(e:Entity) WHERE ev.article = $article
       RETURN collect(e.id) AS involved }
RETURN mentioned + linked + involved AS touched`
	deleteArticleQuery = `MATCH (a:Article {id: $article}) DETACH DELETE a`
	// claimedBy is a property, so a scan; deleting is rare.
	deleteClaimantsQuery = `MATCH ()-[r:%[1]s]->() WHERE r.claimedBy IN $ids
RETURN collect(DISTINCT r.claimedBy) AS claimants`
	deleteOrphansQuery = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)--() } AND NOT id IN $claimants
DELETE e`
)

var (
	deleteFind      = fmt.Sprintf(deleteFindQuery, allTypes)
	deleteClaimants = fmt.Sprintf(deleteClaimantsQuery, allTypes)
)

// DeleteArticle removes an article and what only it supported; see
// graph.Store.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	op := "delete article " + id
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	sess := s.session(ctx, driver.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		// Lock the article first, as Apply does, so the two never interleave.
		recs, err := run(ctx, tx, lockForDelete, map[string]any{"article": id})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, graph.ErrNotFound
		}
		if recs, err = run(ctx, tx, deleteFind, map[string]any{"article": id}); err != nil {
			return nil, err
		}
		var touched []string
		if len(recs) == 1 {
			for _, t := range strList(recs[0].AsMap()["touched"]) {
				if t != "" {
					touched = append(touched, t)
				}
			}
		}
		touched = unique(touched)
		for _, st := range []statement{
			{dropRelations, map[string]any{"article": id, "ids": []string{}}},
			{dropEventsQuery, map[string]any{"article": id, "ids": []string{}}},
			{deleteArticleQuery, map[string]any{"article": id}},
		} {
			if _, err := run(ctx, tx, st.query, st.params); err != nil {
				return nil, err
			}
		}
		if recs, err = run(ctx, tx, deleteClaimants, map[string]any{"ids": touched}); err != nil {
			return nil, err
		}
		claimants := []string{}
		if len(recs) == 1 {
			claimants = strList(recs[0].AsMap()["claimants"])
		}
		_, err = run(ctx, tx, deleteOrphansQuery, map[string]any{"ids": touched, "claimants": claimants})
		return nil, err
	})
	if err != nil {
		return s.fail(ctx, op, err)
	}
	return nil
}

// lockForDelete takes the article's write lock and says whether it exists.
const lockForDelete = `MATCH (a:Article {id: $article})
SET a.id = a.id
RETURN a.id AS id`
