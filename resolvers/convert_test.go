package resolvers

import (
	"reflect"
	"testing"

	"github.com/geokg/geokg/graph"
)

// The neighborhood resolver reads relation summaries
// (graph.WithRelationSummaries): a Graph's edges must need nothing else.
func TestSubgraphNeedsOnlySummaries(t *testing.T) {
	r := graph.Relation{
		ID: "rel:1", Type: "STRUCK", Class: "FIGHT", Source: "country:a", Target: "city:b",
		Title: "President", Date: "2025-05-31", DateText: "overnight", Status: graph.StatusOccurred,
		ClaimedBy: "country:c", Confidence: 0.8, Event: "event:1", Article: "article:1",
		Evidence: []graph.Evidence{{Text: "struck"}}, Sources: 2, Contested: true,
	}
	ents := []graph.Entity{{ID: "city:b", Name: "B", Kind: graph.City}, {ID: "country:a", Name: "A", Kind: graph.Country}}
	full := subgraph(graph.Subgraph{Entities: ents, Relations: []graph.Relation{r}})
	summary := subgraph(graph.Subgraph{Entities: ents, Relations: []graph.Relation{r.Summary()}})
	if !reflect.DeepEqual(summary, full) {
		t.Errorf("subgraph of summaries:\ngot  %+v\nwant %+v", summary.Edges, full.Edges)
	}
	if e := full.Edges[0]; e.Date == nil || e.Status == nil || !e.Contested || e.Sources != 2 || e.Class != "FIGHT" {
		t.Errorf("subgraph edge %+v: want every field of the relation's summary set", e)
	}
}
