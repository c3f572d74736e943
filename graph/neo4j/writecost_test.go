package neo4j

import (
	"context"
	"fmt"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// spokeBatch is article i: a hub attacks a town only this article names,
// which attacks the other hub, so every article adds a relationship out of
// one hub and one into the other (Neo4j walks the end with fewer
// relationships in the direction asked).
func spokeBatch(i int) graph.Batch {
	art := fmt.Sprintf("article:spoke%04d", i)
	town := fmt.Sprintf("city:town%04d", i)
	text := fmt.Sprintf("Northland shelled Town %d, which shelled Southland.", i)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Published: "2025-05-01", Text: text},
		Entities: []graph.Entity{
			{ID: "country:NL", Name: "Northland", Kind: graph.Country},
			{ID: "country:SL", Name: "Southland", Kind: graph.Country},
			{ID: town, Name: fmt.Sprintf("Town %d", i), Kind: graph.City},
		},
		Relations: []graph.Relation{
			{ID: art + ":n", Type: "ATTACKED", Class: "ASSAULT", Source: "country:NL", Target: town, Date: "2025-05-01", Evidence: ev},
			{ID: art + ":s", Type: "ATTACKED", Class: "ASSAULT", Source: town, Target: "country:SL", Date: "2025-05-01", Evidence: ev},
		},
	}
}

// pairBatch is an article relating the two hubs to each other, with an
// event all such articles report: each one whose id is smaller renames
// the fused fact and event, which refreshes the fused event of the
// facts of every article before it.
func pairBatch(art string) graph.Batch {
	text := "Northland condemned Southland over the shelling."
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	return graph.Batch{
		Article: graph.Article{ID: art, Published: "2025-05-02", Text: text},
		Entities: []graph.Entity{
			{ID: "country:NL", Name: "Northland", Kind: graph.Country},
			{ID: "country:SL", Name: "Southland", Kind: graph.Country},
		},
		Relations: []graph.Relation{{ID: art + ":c", Type: "CONDEMNED", Class: "DISAPPROVE", Source: "country:NL", Target: "country:SL",
			Date: "2025-05-02", Event: art + ":ev", Evidence: ev}},
		Events: []graph.Event{{ID: art + ":ev", Type: "DISAPPROVE", Label: "condemnation", Date: "2025-05-02",
			Participants: []graph.Participant{{Entity: "country:NL", Role: graph.RoleSource}, {Entity: "country:SL", Role: graph.RoleTarget}}, Evidence: ev}},
	}
}

// saveHits writes b as Apply does, profiling the save statement, and
// returns the database hits it took.
func saveHits(t *testing.T, s *Store, b graph.Batch) int64 {
	t.Helper()
	ctx := context.Background()
	var hits int64
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		w := prepare(plan{applies: []graph.Batch{b}})
		old, del, err := s.lock(ctx, tx, w, nil)
		if err != nil {
			return err
		}
		groups, err := s.lockGroups(ctx, tx, union(old, w.keys))
		if err != nil {
			return err
		}
		f, err := s.fuse(groups, w.replaced, w.rels, w.evs)
		if err != nil {
			return err
		}
		res, err := tx.Run(ctx, strings.Replace(save, noReplan, noReplan+"PROFILE ", 1), saveParams(f, del, w.entityIDs))
		if err != nil {
			return err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return err
		}
		hits = 0
		var walk func(p driver.ProfiledPlan)
		walk = func(p driver.ProfiledPlan) {
			hits += p.DbHits()
			for _, c := range p.Children() {
				walk(c)
			}
		}
		walk(sum.Profile())
		return nil
	})
	if err != nil {
		t.Fatalf("write %s: %v", b.Article.ID, err)
	}
	return hits
}

// TestHubPairWriteCost writes a fact between two entities as they gain
// relationships to others: what the save statement reads stays the same,
// since it finds a group's facts, a fact and the facts of a renamed event
// by their group, id and event, not by walking the relationships of
// either end. Its plan is made on the empty graph, as on a new database
// (write statements are not planned again, see noReplan).
func TestHubPairWriteCost(t *testing.T) {
	c := neo4jtest.Open(t)
	s := open(t, c)
	defer s.Close(context.Background())
	ctx := context.Background()
	query(t, c, `CALL db.clearQueryCaches()`, nil)
	saveHits(t, s, pairBatch("article:pair3"))
	var hits []int64
	spokes := 0
	for i, degree := range []int{10, 200} {
		var bs []graph.Batch
		for ; spokes < degree; spokes++ {
			bs = append(bs, spokeBatch(spokes))
		}
		if err := s.ApplyAll(ctx, bs); err != nil {
			t.Fatal(err)
		}
		hits = append(hits, saveHits(t, s, pairBatch(fmt.Sprintf("article:pair%d", 2-i))))
	}
	t.Logf("save statement database hits at degree 10, 200: %v", hits)
	// 190 more relationships at each end cost a walk over them at least
	// once per part that matched from an end; a few hits of slack for the
	// one more witness the last write renames.
	if grew := hits[1] - hits[0]; grew > 40 {
		t.Errorf("save statement's database hits with hubs of degree 10 and 200: %v, want about the same", hits)
	}
	rels, err := s.Relations(ctx, graph.RelationFilter{Entity: "country:NL", Types: []graph.RelType{"CONDEMNED"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 1 || rels[0].ID != "article:pair1:c" || rels[0].Event != "article:pair1:ev" || rels[0].Sources != 3 {
		t.Errorf("fact between the hubs: got %+v, want article:pair1:c of 3 sources, event article:pair1:ev", rels)
	}
}
