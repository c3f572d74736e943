package graph

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDatesAgree(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"same day", "2025-05-17", "2025-05-17", true},
		{"overnight: adjacent days", "2025-05-17", "2025-05-18", true},
		{"adjacent days across a month", "2025-05-31", "2025-06-01", true},
		{"two days apart", "2025-05-17", "2025-05-19", false},
		{"undated and dated", "", "2025-05-17", true},
		{"month contains the day", "2025-05", "2025-05-17", true},
		{"day outside the month", "2025-05-17", "2025-06", false},
		{"year contains the month", "2025", "2025-05", true},
		{"different years", "2024", "2025-05-17", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DatesAgree(tc.a, tc.b); got != tc.want {
				t.Errorf("DatesAgree(%q, %q): got %v, want %v", tc.a, tc.b, got, tc.want)
			}
			if got := DatesAgree(tc.b, tc.a); got != tc.want {
				t.Errorf("DatesAgree(%q, %q): got %v, want %v", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

func TestRelationGroupKey(t *testing.T) {
	rel := func(typ RelType, s, t string) Relation { return Relation{Type: typ, Source: s, Target: t} }
	tests := []struct {
		name string
		a, b Relation
		same bool
	}{
		{"symmetric type both directions", rel("MEETS", "x", "y"), rel("MEETS", "y", "x"), true},
		{"directed type both directions", rel("STRUCK", "x", "y"), rel("STRUCK", "y", "x"), false},
		{"other type", rel("STRUCK", "x", "y"), rel("ATTACKED", "x", "y"), false},
		{"other target", rel("STRUCK", "x", "y"), rel("STRUCK", "x", "z"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := RelationGroupKey(tc.a) == RelationGroupKey(tc.b); got != tc.same {
				t.Errorf("same key for %+v and %+v: got %v, want %v", tc.a, tc.b, got, tc.same)
			}
		})
	}
}

func TestEventGroupKey(t *testing.T) {
	src := func(ids ...string) []Participant {
		var ps []Participant
		for _, id := range ids {
			ps = append(ps, Participant{Entity: id, Role: RoleSource})
		}
		return ps
	}
	tests := []struct {
		name string
		a, b Event
		same bool
	}{
		{"same place", Event{Type: "ASSAULT", Place: "city:a"}, Event{Type: "ASSAULT", Place: "city:a", Participants: src("x")}, true},
		{"different places same day", Event{Type: "ASSAULT", Place: "city:a", Date: "2025-05-17"}, Event{Type: "ASSAULT", Place: "city:b", Date: "2025-05-17"}, false},
		{"other type", Event{Type: "ASSAULT", Place: "city:a"}, Event{Type: "CONSULT", Place: "city:a"}, false},
		{"no place: same actors", Event{Type: "CONSULT", Participants: src("y", "x")}, Event{Type: "CONSULT", Participants: src("x", "y")}, true},
		{"no place: other actors", Event{Type: "CONSULT", Participants: src("x")}, Event{Type: "CONSULT", Participants: src("y")}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := EventGroupKey(tc.a) == EventGroupKey(tc.b); got != tc.same {
				t.Errorf("same key for %+v and %+v: got %v, want %v", tc.a, tc.b, got, tc.same)
			}
		})
	}
}

// rw is a STRUCK witness of article art, published pub, dated date.
func rw(id, art, pub, date, status string) RelationWitness {
	return RelationWitness{
		Relation:  Relation{ID: id, Type: "STRUCK", Class: "ASSAULT", Source: "x", Target: "y", Date: date, Status: status, Article: art, Confidence: 0.5},
		Published: pub,
	}
}

func factIDs(facts []Relation) [][]string {
	var out [][]string
	for _, f := range facts {
		var ids []string
		for _, w := range f.Witnesses {
			ids = append(ids, w.ID)
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	return out
}

func TestFuseRelationsIdentity(t *testing.T) {
	tests := []struct {
		name string
		ws   []RelationWitness
		want [][]string // witness ids per fact, facts by id
	}{
		{"same day, two articles", []RelationWitness{
			rw("r:a", "a", "2025-05-17", "2025-05-17", StatusOccurred),
			rw("r:b", "b", "2025-05-18", "2025-05-17", StatusReported),
		}, [][]string{{"r:a", "r:b"}}},
		{"overnight strike reported under adjacent days", []RelationWitness{
			rw("r:a", "a", "2025-05-18", "2025-05-17", StatusOccurred),
			rw("r:b", "b", "2025-05-18", "2025-05-18", StatusOccurred),
		}, [][]string{{"r:a", "r:b"}}},
		{"a week apart: two strikes", []RelationWitness{
			rw("r:a", "a", "2025-05-10", "2025-05-10", StatusOccurred),
			rw("r:b", "b", "2025-05-17", "2025-05-17", StatusOccurred),
		}, [][]string{{"r:a"}, {"r:b"}}},
		{"a window spans one day from its first", []RelationWitness{
			rw("r:a", "a", "", "2025-05-16", ""), rw("r:b", "b", "", "2025-05-17", ""), rw("r:c", "c", "", "2025-05-18", ""),
		}, [][]string{{"r:a", "r:b"}, {"r:c"}}},
		{"undated report of a recent strike", []RelationWitness{
			rw("r:a", "a", "2025-05-17", "2025-05-17", StatusOccurred),
			rw("r:b", "b", "2025-05-18", "", StatusDenied),
		}, [][]string{{"r:a", "r:b"}}},
		{"undated joins the latest recent fact", []RelationWitness{
			rw("r:a", "a", "", "2025-05-10", ""), rw("r:b", "b", "", "2025-05-17", ""),
			rw("r:c", "c", "2025-05-18", "", ""),
		}, [][]string{{"r:a"}, {"r:b", "r:c"}}},
		{"undated, published long after: its own fact", []RelationWitness{
			rw("r:a", "a", "2025-05-17", "2025-05-17", ""),
			rw("r:b", "b", "2025-07-01", "", ""), rw("r:c", "c", "", "", ""),
		}, [][]string{{"r:a"}, {"r:b", "r:c"}}},
		{"month and day", []RelationWitness{
			rw("r:a", "a", "", "2025-05", ""), rw("r:b", "b", "", "2025-05-17", ""),
		}, [][]string{{"r:a", "r:b"}}},
		{"month alone", []RelationWitness{
			rw("r:a", "a", "", "2025-06", ""), rw("r:b", "b", "", "2025-05-17", ""), rw("r:c", "c", "", "2025", ""),
		}, [][]string{{"r:a"}, {"r:b", "r:c"}}}, // the year contains the day
		{"one article stating it twice", []RelationWitness{
			rw("r:a1", "a", "2025-05-17", "2025-05-17", ""), rw("r:a2", "a", "2025-05-17", "2025-05-17", ""),
		}, [][]string{{"r:a1", "r:a2"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FuseRelations(tc.ws)
			if ids := factIDs(got); !reflect.DeepEqual(ids, tc.want) {
				t.Errorf("facts: got %q, want %q", ids, tc.want)
			}
			// The same set in any order is the same facts.
			for range 5 {
				ws := slices.Clone(tc.ws)
				rand.Shuffle(len(ws), func(i, j int) { ws[i], ws[j] = ws[j], ws[i] })
				if again := FuseRelations(ws); !reflect.DeepEqual(again, got) {
					t.Fatalf("facts of shuffled witnesses: got %+v, want %+v", again, got)
				}
			}
		})
	}
}

func TestFuseRelationsDerived(t *testing.T) {
	a := rw("r:c", "art:c", "2025-05-17", "2025-05-17", StatusOccurred)
	a.Confidence, a.Killed, a.DateText = 0.9, ptrTo(9), "on Saturday"
	b := rw("r:a", "art:a", "2025-05-19", "2025-05-17", StatusDenied)
	b.Confidence, b.ClaimedBy = 0.6, "country:RU"
	c := rw("r:b", "art:b", "2025-05-18", "2025-05-18", StatusOccurred)
	c.Confidence, c.Killed = 0.5, ptrTo(11)
	got := FuseRelations([]RelationWitness{a, b, c})
	if len(got) != 1 {
		t.Fatalf("facts: got %d, want 1", len(got))
	}
	f := got[0]
	want := struct {
		ID, Article, Date, DateText, Status, First, Last string
		Sources                                          int
		Confidence                                       float64
		Contested                                        bool
		Disagreements                                    []Disagreement
		Order                                            []string
	}{"r:a", "art:c", "2025-05-17", "on Saturday", StatusOccurred, "2025-05-17", "2025-05-19", 3, 0.98, true,
		[]Disagreement{{"status", []string{"denied", "occurred"}}, {"killed", []string{"9", "11"}}},
		[]string{"r:c", "r:b", "r:a"}}
	var order []string
	for _, w := range f.Witnesses {
		order = append(order, w.ID)
	}
	if f.ID != want.ID || f.Article != want.Article || f.Date != want.Date || f.DateText != want.DateText ||
		f.Status != want.Status || f.FirstReported != want.First || f.LastReported != want.Last ||
		f.Sources != want.Sources || f.Confidence != want.Confidence || f.Contested != want.Contested ||
		!reflect.DeepEqual(f.Disagreements, want.Disagreements) || !reflect.DeepEqual(order, want.Order) {
		t.Errorf("fact: got id %s article %s date %s %q status %s reported %s..%s sources %d confidence %v contested %v %v order %v, want %+v",
			f.ID, f.Article, f.Date, f.DateText, f.Status, f.FirstReported, f.LastReported, f.Sources, f.Confidence,
			f.Contested, f.Disagreements, order, want)
	}
	if f.ClaimedBy != "" {
		t.Errorf("claimedBy: got %q, want the occurred witnesses' (none)", f.ClaimedBy)
	}
}

func TestFuseContested(t *testing.T) {
	tests := []struct {
		name     string
		statuses []string
		killed   []*int
		want     bool
	}{
		{"occurred and denied", []string{StatusOccurred, StatusDenied}, nil, true},
		{"claimed by one side, denied by the other", []string{StatusClaimed, StatusDenied}, nil, true},
		{"occurred and failed", []string{StatusOccurred, StatusFailed}, nil, true},
		{"planned then occurred", []string{StatusPlanned, StatusOccurred}, nil, false},
		{"all deny", []string{StatusDenied, StatusDenied}, nil, false},
		{"casualty figures differ", []string{StatusOccurred, StatusOccurred}, []*int{ptrTo(9), ptrTo(12)}, true},
		{"one figure, one silent", []string{StatusOccurred, StatusOccurred}, []*int{ptrTo(9), nil}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ws []RelationWitness
			for i, st := range tc.statuses {
				w := rw(string(rune('a'+i)), string(rune('a'+i)), "2025-05-17", "2025-05-17", st)
				if i < len(tc.killed) {
					w.Killed = tc.killed[i]
				}
				ws = append(ws, w)
			}
			got := FuseRelations(ws)
			if len(got) != 1 || got[0].Contested != tc.want {
				t.Errorf("contested: got %+v, want one fact, contested %v", got, tc.want)
			}
		})
	}
}

func TestFuseEvents(t *testing.T) {
	ev := func(id, art, place, date string, killed *int, parts ...string) EventWitness {
		w := EventWitness{Event: Event{ID: id, Type: "ASSAULT", Label: "strike " + id, Place: place, Date: date, Killed: killed, Article: art}, Published: date}
		for _, p := range parts {
			if target, ok := strings.CutPrefix(p, ">"); ok {
				w.Participants = append(w.Participants, Participant{Entity: target, Role: RoleTarget})
				continue
			}
			w.Participants = append(w.Participants, Participant{Entity: p, Role: RoleSource})
		}
		return w
	}
	got := FuseEvents([]EventWitness{
		ev("e:b", "b", "city:s", "2025-05-17", ptrTo(9), "country:RU"),
		ev("e:a", "a", "city:s", "2025-05-18", ptrTo(12), "country:RU", "country:UA"),
		ev("e:c", "c", "city:s", "2025-05-17", nil),               // names no one: joins the largest
		ev("e:d", "d", "city:s", "2025-05-17", nil, "country:XX"), // other actors: another event
	})
	var ids [][]string
	for _, e := range got {
		var w []string
		for _, x := range e.Witnesses {
			w = append(w, x.ID)
		}
		slices.Sort(w)
		ids = append(ids, w)
	}
	if want := [][]string{{"e:a", "e:b", "e:c"}, {"e:d"}}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("events: got %q, want %q", ids, want)
	}
	e := got[0]
	if e.ID != "e:a" || e.Label != "strike e:b" || e.Sources != 3 || *e.Killed != 12 || !e.Contested || e.Date != "2025-05-17" ||
		!reflect.DeepEqual(e.Participants, []Participant{{"country:RU", RoleSource}, {"country:UA", RoleSource}}) {
		t.Errorf("fused event: got %+v", e)
	}

	// One caller, one day, two callees: two calls. The same callee: one.
	calls := FuseEvents([]EventWitness{
		ev("e:1", "a", "", "2025-05-19", nil, "person:trump", ">person:putin"),
		ev("e:2", "a", "", "2025-05-19", nil, "person:trump", ">person:zelenskyy", ">org:nato"),
		ev("e:3", "b", "", "2025-05-19", nil, "person:trump", ">person:putin"),
	})
	var sizes []int
	for _, c := range calls {
		sizes = append(sizes, len(c.Witnesses))
	}
	if !slices.Equal(sizes, []int{2, 1}) {
		t.Errorf("calls: got %d events of %v witnesses, want 2 events of [2 1]", len(calls), sizes)
	}
}

func ptrTo[T any](v T) *T { return &v }

// TestFuseIgnoresOrder fuses the same witnesses given in every order: a
// witness naming no participant joins one of two equally large groups,
// the same one each time.
func TestFuseIgnoresOrder(t *testing.T) {
	ev := func(article, id string, parts ...Participant) EventWitness {
		return EventWitness{Event: Event{ID: id, Type: "ASSAULT", Date: "2025-05-31", Place: "city:x", Article: article,
			Participants: parts}, Published: "2025-06-01"}
	}
	ws := []EventWitness{
		ev("article:b", "event:b", Participant{Entity: "country:XA", Role: RoleSource}),
		ev("article:a", "event:a2", Participant{Entity: "country:XB", Role: RoleSource}),
		ev("article:a", "event:a1"),
	}
	rel := func(article, id, date string) RelationWitness {
		return RelationWitness{Relation: Relation{ID: id, Type: "STRUCK", Source: "country:XA", Target: "city:x",
			Date: date, Article: article, Confidence: 0.5}, Published: "2025-06-01"}
	}
	rs := []RelationWitness{rel("article:b", "rel:b", "2025-05"), rel("article:a", "rel:a2", "2025-05-31"), rel("article:a", "rel:a1", "")}
	wantEvents, wantRels := FuseEvents(ws), FuseRelations(rs)
	for _, p := range [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		if got := FuseEvents([]EventWitness{ws[p[0]], ws[p[1]], ws[p[2]]}); !reflect.DeepEqual(got, wantEvents) {
			t.Errorf("FuseEvents in order %v: got %+v, want %+v", p, got, wantEvents)
		}
		if got := FuseRelations([]RelationWitness{rs[p[0]], rs[p[1]], rs[p[2]]}); !reflect.DeepEqual(got, wantRels) {
			t.Errorf("FuseRelations in order %v: got %+v, want %+v", p, got, wantRels)
		}
	}
}
