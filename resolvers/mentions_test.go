package resolvers

import (
	"strings"
	"testing"
)

// TestMentionsOnlyWhenSelected checks the handler reads entities without
// their mentions and reads mentions, in one batched call, only for a query
// that selects them.
func TestMentionsOnlyWhenSelected(t *testing.T) {
	s := newCallCounter(fixtureStore(t))
	c, _ := newClient(t, s)
	cases := []struct {
		name, query, calls string
	}{
		{"entity without mentions", `{ entity(name: "Port Amar") { id name relations { nodes { target { name } } } } }`,
			"Entities:1 FindEntity:1 RelationsOf:1"},
		{"entity with mentions", `{ entity(name: "Port Amar") { id mentions { nodes { text } } } }`,
			"FindEntity:1 MentionsOf:1"},
		{"list with mentions", `{ entities(first: 10) { nodes { id mentions { nodes { start } } } } }`,
			"ListEntities:1 MentionsOf:1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s.reset()
			if _, errs := query(t, c, tc.query); len(errs) > 0 {
				t.Fatalf("errors: %+v", errs)
			}
			if _, got := s.reset(); got != tc.calls {
				t.Errorf("store calls: got %q, want %q", got, tc.calls)
			}
		})
	}
	// The answer is what the entity's mentions are.
	got, errs := query(t, c, `{ entity(name: "Sudria") { mentions { nodes { text } } } }`)
	if len(errs) > 0 || !strings.Contains(got, `"text":"Sudrian"`) {
		t.Errorf("Sudria's mentions: got %s, %+v; want the mention Sudrian", got, errs)
	}
}
