package storetest

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// testFuseRandom applies (alone or several at once), re-applies changed
// and deletes random reports of a few strikes and meetings, reading at
// random moments, and checks every
// read against graph.FuseRelations / graph.FuseEvents over the witnesses
// of the articles present: however a store keeps its facts up to date, it
// must give what fusing every witness from scratch gives.
func testFuseRandom(t *testing.T, s graph.Store) {
	ctx := context.Background()
	for seed := range uint64(4) {
		r := rand.New(rand.NewPCG(seed, 9))
		live := map[string]graph.Batch{}
		for op := range 40 {
			k := r.IntN(6)
			id := fmt.Sprintf("article:f%d", k)
			if _, ok := live[id]; ok && r.IntN(4) == 0 {
				if err := s.DeleteArticle(ctx, id); err != nil {
					t.Fatalf("seed %d op %d: DeleteArticle %s: got %v, want nil", seed, op, id, err)
				}
				delete(live, id)
			} else if r.IntN(3) > 0 {
				b := randomReport(r, k)
				apply(t, s, b)
				live[id] = b
			} else {
				// Several at once, an article maybe twice: its last version counts.
				var bs []graph.Batch
				for range 1 + r.IntN(4) {
					b := randomReport(r, r.IntN(6))
					bs = append(bs, b)
				}
				if err := s.ApplyAll(ctx, bs); err != nil {
					t.Fatalf("seed %d op %d: ApplyAll: got %v, want nil", seed, op, err)
				}
				for _, b := range bs {
					live[b.Article.ID] = b
				}
			}
			if r.IntN(3) == 0 || op == 39 {
				checkFused(t, s, fmt.Sprintf("seed %d op %d", seed, op), live)
			}
		}
		for id := range live {
			if err := s.DeleteArticle(ctx, id); err != nil {
				t.Fatalf("seed %d: DeleteArticle %s: got %v, want nil", seed, id, err)
			}
		}
		checkFused(t, s, fmt.Sprintf("seed %d, every article deleted", seed), nil)
	}
}

// checkFused compares the store's facts with those fused from scratch
// from the witnesses of live.
func checkFused(t *testing.T, s graph.Store, when string, live map[string]graph.Batch) {
	t.Helper()
	relGroups := map[string][]graph.RelationWitness{}
	evGroups := map[string][]graph.EventWitness{}
	for _, id := range slices.Sorted(maps.Keys(live)) {
		rels, evs := graph.Witnesses(live[id])
		for _, w := range rels {
			key := graph.RelationGroupKey(w.Relation)
			relGroups[key] = append(relGroups[key], w)
		}
		for _, w := range evs {
			key := graph.EventGroupKey(w.Event)
			evGroups[key] = append(evGroups[key], w)
		}
	}
	var wantEvents []graph.Event
	fusedOf := map[string]string{} // a witness's own event id -> its fused event's id
	for _, ws := range evGroups {
		for _, ev := range graph.FuseEvents(ws) {
			wantEvents = append(wantEvents, ev)
			for _, w := range ev.Witnesses {
				fusedOf[w.ID] = ev.ID
			}
		}
	}
	var wantRels []graph.Relation
	for _, ws := range relGroups {
		for _, r := range graph.FuseRelations(ws) {
			r.Event = fusedOf[r.Event]
			wantRels = append(wantRels, r)
		}
	}
	slices.SortFunc(wantRels, func(a, b graph.Relation) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(wantEvents, func(a, b graph.Event) int { return strings.Compare(a.ID, b.ID) })
	ids := make([]string, len(wantEvents))
	for i, ev := range wantEvents {
		ids[i] = ev.ID
	}

	checkRelations(t, when+": Relations", relations(t, s, graph.RelationFilter{}), wantRels)
	checkEvents(t, when+": Events", events(t, s, ids...), wantEvents)
	_, total, err := s.ListEvents(context.Background(), graph.EventQuery{Page: graph.Page{Limit: 1}})
	if err != nil {
		t.Fatalf("%s: ListEvents: got %v, want nil", when, err)
	}
	if total != len(wantEvents) {
		t.Errorf("%s: ListEvents total: got %d, want %d", when, total, len(wantEvents))
	}
}

// randomReport is a random version of article k: one to three relations
// among two countries and two cities, of types a re-applied version may
// change (STRUCK, ATTACKED, the symmetric MEETS either way round), dated
// by day, month, year or not at all, with random statuses, claimants,
// confidences and casualty figures, and up to two events.
func randomReport(r *rand.Rand, k int) graph.Batch {
	id := fmt.Sprintf("article:f%d", k)
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	date := func() string {
		return pick("", "2025-05-30", "2025-05-31", "2025-06-01", "2025-06-02", "2025-06-04", "2025-05", "2025-06", "2025")
	}
	status := func() string {
		return pick("", graph.StatusOccurred, graph.StatusClaimed, graph.StatusDenied, graph.StatusReported)
	}
	figure := func() *int {
		if r.IntN(2) == 0 {
			return nil
		}
		return ptr(1 + r.IntN(3))
	}
	text := fmt.Sprintf("Report %d of strikes and talks.", k)
	ev := []graph.Evidence{{Start: 0, End: 6, Text: text[:6]}}
	countries := []string{"country:XA", "country:XB"}
	cities := []string{"city:c1", "city:c2"}
	b := graph.Batch{
		Article: graph.Article{ID: id, Title: "Report " + id, Published: pick("", "2025-06-01", "2025-06-02", "2025-06-03", "2025-06-05"),
			SHA256: sha(text), Text: text},
		Entities: []graph.Entity{
			{ID: "country:XA", Name: "Xa", Kind: graph.Country},
			{ID: "country:XB", Name: "Xb", Kind: graph.Country},
			{ID: "city:c1", Name: "C1", Kind: graph.City},
			{ID: "city:c2", Name: "C2", Kind: graph.City},
		},
	}
	for j := range r.IntN(3) {
		e := graph.Event{ID: fmt.Sprintf("event:f%d:%d", k, j), Type: graph.Class(pick("ASSAULT", "CONSULT")), Label: "event",
			Mode: pick("", "drone", "missile"), Date: date(), DateText: pick("", "overnight", "on Sunday"), Status: status(),
			Place: pick("", "city:c1", "city:c2"), Killed: figure(), Injured: figure(), Evidence: ev}
		for _, c := range countries {
			if r.IntN(2) == 0 {
				e.Participants = append(e.Participants, graph.Participant{Entity: c, Role: pick(graph.RoleSource, graph.RoleTarget)})
			}
		}
		b.Events = append(b.Events, e)
	}
	for j := range 1 + r.IntN(3) {
		rel := graph.Relation{ID: fmt.Sprintf("rel:f%d:%d", k, j), Type: graph.RelType(pick("STRUCK", "ATTACKED", "MEETS")),
			Source: pick(countries...), Date: date(), DateText: pick("", "overnight", "on Sunday"), Status: status(),
			Confidence: float64(5+r.IntN(5)) / 10, Evidence: ev}
		rel.Class = graph.Vocabulary[rel.Type]
		if rel.Type == "MEETS" {
			rel.Target = countries[0]
			if rel.Source == countries[0] {
				rel.Target = countries[1]
			}
		} else {
			rel.Target = pick(cities...)
		}
		if r.IntN(3) == 0 {
			rel.ClaimedBy = pick(countries...)
		}
		if len(b.Events) > 0 && r.IntN(2) == 0 {
			rel.Event = b.Events[r.IntN(len(b.Events))].ID
		}
		b.Relations = append(b.Relations, rel)
	}
	return b
}
