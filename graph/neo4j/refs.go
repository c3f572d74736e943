package neo4j

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

var (
	_ graph.RefsReader            = (*Store)(nil)
	_ graph.ArticleEntitiesReader = (*Store)(nil)
)

// listRelationsRefsQuery is listRelationsQuery that also reads the
// entities at the page's relations' ends, each once, without mentions.
const listRelationsRefsQuery = listRelationsHead + `
  WITH collect({r: ` + relationProjection + `, type: type(r), source: s.id, target: t.id}) AS page,
       collect(s) + collect(t) AS nodes
  CALL (nodes) {
    UNWIND nodes AS e
    WITH DISTINCT e
    ` + noMentions + `
    RETURN collect(` + entityMap + `) AS ends
  }
  RETURN page, ends
}
RETURN total, page, ends`

// ListRelationsWithRefs answers ListRelations with the ends and articles
// of its relations in one read transaction; see graph.RefsReader. The
// article a fact names is inside its JSON, which Cypher cannot read, so
// the articles are a second statement of the transaction, on the ids the
// page decoded to.
func (s *Store) ListRelationsWithRefs(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	const op = "list relations with refs"
	if err := ctx.Err(); err != nil {
		return graph.RelationPage{}, fmt.Errorf("neo4j: %s: %w", op, err)
	}
	query, params, err := listRelations(q, listRelationsRefsQuery)
	if err != nil {
		return graph.RelationPage{}, fmt.Errorf("neo4j: %s: %w", op, err)
	}
	var p graph.RelationPage
	err = s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, params)
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("%s: got %d rows, want 1", op, len(recs))
		}
		row := recs[0].AsMap()
		// Afresh: a retried transaction decodes again.
		p = graph.RelationPage{Total: intOf(row, "total"), Relations: []graph.Relation{}, Ends: []graph.Entity{}}
		var articles []string
		for _, x := range asList(row["page"]) {
			m, _ := x.(map[string]any)
			r := decodeRelation(m)
			p.Relations = append(p.Relations, r)
			articles = append(articles, r.Article)
		}
		for _, x := range asList(row["ends"]) {
			m, _ := x.(map[string]any)
			p.Ends = append(p.Ends, decodeEntity(m))
		}
		slices.SortFunc(p.Ends, func(a, b graph.Entity) int { return cmp.Compare(a.ID, b.ID) })
		slices.Sort(articles)
		p.Articles, err = s.readArticles(ctx, tx, slices.Compact(articles))
		return err
	})
	if err != nil {
		return graph.RelationPage{}, err
	}
	return p, nil
}

// articleEntitiesQuery reads, for each article, the ends and fact of
// every relation it is a witness of and the fact of every event, as the
// article's ListRelations and ListEvents find them; formatted with the
// type pattern. The claimant, place and participants are inside the
// facts' JSON, which Cypher cannot read, and no witness text is read.
const articleEntitiesQuery = `UNWIND $articles AS article
CALL (article) {
  ` + relationsOfArticle + `
  RETURN collect([startNode(r).id, endNode(r).id, r.fact]) AS relations
}
CALL (article) {
  %[3]s
  RETURN collect(ev.fact) AS events
}
RETURN article, relations, events`

// ArticleEntities reads the entities of many articles in one read
// transaction: the ids their relations and events name, then the
// entities; see graph.ArticleEntitiesReader.
func (s *Store) ArticleEntities(ctx context.Context, articles []string) (map[string][]graph.Entity, error) {
	const op = "article entities"
	out := map[string][]graph.Entity{}
	if len(articles) == 0 {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("neo4j: %s: %w", op, err)
		}
		return out, nil
	}
	query := fmt.Sprintf(articleEntitiesQuery, allTypes, "article", fmt.Sprintf(eventsOfArticle, "article"))
	err := s.read(ctx, op, func(tx driver.ManagedTransaction) error {
		recs, err := s.run(ctx, tx, query, map[string]any{"articles": unique(articles)})
		if err != nil {
			return err
		}
		named := make(map[string][]string, len(recs)) // article -> entity ids, sorted
		var all []string
		for _, rec := range recs {
			row := rec.AsMap()
			ids := entitiesNamed(row["relations"], row["events"])
			named[str(row, "article")] = ids
			all = append(all, ids...)
		}
		slices.Sort(all)
		es, err := s.readEntities(ctx, tx, slices.Compact(all))
		if err != nil {
			return err
		}
		byID := make(map[string]graph.Entity, len(es))
		for _, e := range es {
			byID[e.ID] = e
		}
		clear(out) // afresh: a retried transaction runs this again
		for article, ids := range named {
			list := make([]graph.Entity, 0, len(ids))
			for _, id := range ids {
				if e, ok := byID[id]; ok {
					list = append(list, copyEntity(e))
				}
			}
			out[article] = list
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// entitiesNamed reads the entity ids out of an articleEntitiesQuery row's
// relations and events, each once, sorted: the relations' ends and
// claimants, the events' places and participants.
func entitiesNamed(relations, events any) []string {
	var ids []string
	add := func(id string) {
		if id != "" {
			ids = append(ids, id)
		}
	}
	for _, x := range asList(relations) {
		r := strList(x)
		if len(r) != 3 {
			continue
		}
		var fact struct {
			ClaimedBy string `json:"claimedBy"`
		}
		_ = json.Unmarshal([]byte(r[2]), &fact) // lenient, as every property is
		add(r[0])
		add(r[1])
		add(fact.ClaimedBy)
	}
	for _, x := range asList(events) {
		text, _ := x.(string)
		var ev struct {
			Place        string `json:"place"`
			Participants []struct {
				Entity string `json:"entity"`
			} `json:"participants"`
		}
		_ = json.Unmarshal([]byte(text), &ev)
		add(ev.Place)
		for _, p := range ev.Participants {
			add(p.Entity)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
