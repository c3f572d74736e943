package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

var _ graph.RefsReader = (*Store)(nil)

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
