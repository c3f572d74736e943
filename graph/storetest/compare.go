package storetest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/linediff"
)

// The contract says a nil slice and an empty one mean the same; that is the
// only thing comparisons smooth over. Everything else, order included, must
// match exactly.

func canonEntities(es []graph.Entity) []graph.Entity {
	out := make([]graph.Entity, len(es))
	for i, e := range es {
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if e.Mentions == nil {
			e.Mentions = []graph.Mention{}
		}
		out[i] = e
	}
	return out
}

func canonRelations(rs []graph.Relation) []graph.Relation {
	out := make([]graph.Relation, len(rs))
	for i, r := range rs {
		if r.Evidence == nil {
			r.Evidence = []graph.Evidence{}
		}
		out[i] = r
	}
	return out
}

func canonEvents(evs []graph.Event) []graph.Event {
	out := make([]graph.Event, len(evs))
	for i, ev := range evs {
		if ev.Participants == nil {
			ev.Participants = []graph.Participant{}
		}
		if ev.Evidence == nil {
			ev.Evidence = []graph.Evidence{}
		}
		out[i] = ev
	}
	return out
}

func canonArticles(as []graph.Article) []graph.Article {
	if as == nil {
		return []graph.Article{}
	}
	return as
}

// check reports got != want as a line diff of their JSON forms, which show
// pointer targets and nil/empty the way a reader of the failure needs.
func check(t testing.TB, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, w := dump(got), dump(want)
	t.Errorf("%s: got %s, want %s\n%s", what, oneLine(g), oneLine(w), linediff.Lines(g, w))
}

func checkEntities(t testing.TB, what string, got, want []graph.Entity) {
	t.Helper()
	check(t, what, canonEntities(got), canonEntities(want))
}

func checkRelations(t testing.TB, what string, got, want []graph.Relation) {
	t.Helper()
	check(t, what, canonRelations(got), canonRelations(want))
}

func checkEvents(t testing.TB, what string, got, want []graph.Event) {
	t.Helper()
	check(t, what, canonEvents(got), canonEvents(want))
}

func checkArticles(t testing.TB, what string, got, want []graph.Article) {
	t.Helper()
	check(t, what, canonArticles(got), canonArticles(want))
}

// checkIDs compares id lists, for tests where the ids say it all.
func checkIDs(t testing.TB, what string, got, want []string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: got %q, want %q", what, got, want)
	}
}

func dump(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(b)
}

func oneLine(s string) string {
	const max = 200
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		s = s[:max] + "..."
	}
	return s
}
