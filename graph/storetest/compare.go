package storetest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
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
	t.Errorf("%s: got %s, want %s\n%s", what, oneLine(g), oneLine(w), lineDiff(g, w))
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

// lineDiff shows the lines only in got (+) or only in want (-), from a
// longest-common-subsequence alignment, capped so a broken store does not
// print two whole graphs.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	// lcs[i][j] is the LCS length of g[i:] and w[j:].
	lcs := make([][]int, len(g)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(w)+1)
	}
	for i := len(g) - 1; i >= 0; i-- {
		for j := len(w) - 1; j >= 0; j-- {
			if g[i] == w[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	shown := 0
	line := func(sign string, i int, text string) {
		if shown < 30 {
			fmt.Fprintf(&b, "  %s line %d: %s\n", sign, i+1, strings.TrimSpace(text))
		}
		shown++
	}
	i, j := 0, 0
	for i < len(g) || j < len(w) {
		switch {
		case i < len(g) && j < len(w) && g[i] == w[j]:
			i++
			j++
		case j < len(w) && (i == len(g) || lcs[i][j+1] >= lcs[i+1][j]):
			line("- want", j, w[j])
			j++
		default:
			line("+ got ", i, g[i])
			i++
		}
	}
	if shown > 30 {
		fmt.Fprintf(&b, "  ... %d more differing lines\n", shown-30)
	}
	return b.String()
}
