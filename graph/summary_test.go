package graph

import (
	"context"
	"reflect"
	"testing"
)

func TestRelationSummary(t *testing.T) {
	full := Relation{
		ID: "rel:1", Type: "STRUCK", Class: "FIGHT", Source: "country:a", Target: "city:b",
		Title: "President", Date: "2025-05-31", DateText: "overnight", Status: StatusOccurred,
		ClaimedBy: "country:c", Confidence: 0.8, Event: "event:1", Article: "article:1",
		Evidence: []Evidence{{Text: "struck"}}, Sources: 2, FirstReported: "2025-06-01",
		LastReported: "2025-06-02", Contested: true,
		Disagreements: []Disagreement{{}}, Witnesses: []RelationWitness{{}},
	}
	want := Relation{
		ID: "rel:1", Type: "STRUCK", Class: "FIGHT", Source: "country:a", Target: "city:b",
		Date: "2025-05-31", Status: StatusOccurred, Confidence: 0.8, Event: "event:1",
		Sources: 2, Contested: true, Evidence: []Evidence{},
	}
	if got := full.Summary(); !reflect.DeepEqual(got, want) {
		t.Errorf("Summary:\ngot  %+v\nwant %+v", got, want)
	}
	if got := (Relation{}).Summary(); got.Evidence == nil || len(got.Evidence) != 0 {
		t.Errorf("Summary of the zero relation: evidence %#v, want empty, not nil", got.Evidence)
	}
}

func TestRelationSummariesOnly(t *testing.T) {
	ctx := context.Background()
	if RelationSummariesOnly(ctx) {
		t.Error("RelationSummariesOnly(Background): got true, want false")
	}
	if !RelationSummariesOnly(WithRelationSummaries(ctx)) {
		t.Error("RelationSummariesOnly(WithRelationSummaries): got false, want true")
	}
	if !RelationSummariesOnly(WithoutMentions(WithRelationSummaries(ctx))) {
		t.Error("RelationSummariesOnly survives another context value: got false, want true")
	}
}
