package neo4j

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/geokg/geokg/graph"
)

func factText(t *testing.T, id string, witnesses int) string {
	t.Helper()
	r := graph.Relation{ID: id, Type: "MEETS", Source: "person:a", Target: "person:b", Sources: witnesses}
	for i := range witnesses {
		w := graph.RelationWitness{Relation: graph.Relation{
			ID: fmt.Sprintf("%s-w%d", id, i), Article: fmt.Sprintf("article:%d", i),
			Evidence: []graph.Evidence{{Text: fmt.Sprintf("report %d", i), Start: i, End: i + 8}},
		}}
		r.Witnesses = append(r.Witnesses, w)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A cached fact decodes as parsing it does, and neither a hit nor the
// first decode shares memory with what the cache keeps.
func TestFactCacheDecodesAsParsing(t *testing.T) {
	c := factCache{budget: 1 << 20}
	text := factText(t, "rel:1", 3)
	var want graph.Relation
	if err := json.Unmarshal([]byte(text), &want); err != nil {
		t.Fatal(err)
	}
	want.Evidence = []graph.Evidence{}
	for _, w := range want.Witnesses {
		want.Evidence = append(want.Evidence, w.Evidence...)
	}
	if len(want.Evidence) != 3 {
		t.Fatalf("fixture: %d evidence, want 3", len(want.Evidence))
	}
	first := c.decode(text)
	if !reflect.DeepEqual(first, want) {
		t.Fatalf("first decode:\ngot  %+v\nwant %+v", first, want)
	}
	first.Evidence[0].Text = "changed"
	first.Witnesses[0].Evidence[0].Text = "changed"
	first.Witnesses[1].Article = "changed"
	for i := range 2 {
		got := c.decode(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("decode %d after changing an earlier result:\ngot  %+v\nwant %+v", i+2, got, want)
		}
		got.Witnesses[2].Evidence[0].Text = "changed"
	}
	if n, _ := c.size(); n != 1 {
		t.Errorf("cache holds %d texts, want 1", n)
	}
}

// A text that is no fact's JSON decodes leniently and is not kept.
func TestFactCacheSkipsBadText(t *testing.T) {
	c := factCache{budget: 1 << 20}
	for _, text := range []string{"", "{", `{"id": 5}`} {
		r := c.decode(text)
		if r.Evidence == nil || len(r.Evidence) != 0 {
			t.Errorf("decode %q: evidence %#v, want empty, not nil", text, r.Evidence)
		}
	}
	if n, used := c.size(); n != 0 || used != 0 {
		t.Errorf("cache holds %d texts (%d bytes) after bad ones, want none", n, used)
	}
}

// The cache never holds more than its budget, and a text larger than the
// whole budget is decoded without being kept.
func TestFactCacheBounded(t *testing.T) {
	small := factText(t, "rel:small", 1)
	c := factCache{budget: 3 * factCost(small)}
	for i := range 10 {
		text := factText(t, fmt.Sprintf("rel:%d", i), 1)
		if got := c.decode(text); got.ID != fmt.Sprintf("rel:%d", i) {
			t.Fatalf("decode rel:%d: got id %q", i, got.ID)
		}
		if _, used := c.size(); used > c.budget {
			t.Fatalf("after %d texts the cache holds %d bytes, over its budget of %d", i+1, used, c.budget)
		}
	}
	big := factText(t, "rel:big", 50)
	if got := c.decode(big); len(got.Evidence) != 50 {
		t.Fatalf("decode a text over the budget: %d evidence, want 50", len(got.Evidence))
	}
	n, _ := c.size()
	if got := c.decode(big); len(got.Evidence) != 50 {
		t.Fatalf("decode it again: %d evidence, want 50", len(got.Evidence))
	}
	if m, _ := c.size(); m != n || n > 3 {
		t.Errorf("a text over the budget changed the cache: %d texts, then %d; want at most 3, unchanged", n, m)
	}
}
