package loader

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugFrames(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("DBG"))
	l, _ := New(nil)
	raw, _ := readArticle("x", data)
	d := analyse(l.kb, raw.Body, raw.Published)
	for _, m := range d.mentions {
		n := ""
		for _, e := range m.entities() {
			n += e.id + " "
		}
		fmt.Printf("M %q kind=%d poss=%v -> %s\n", d.body[d.toks[m.first].start:d.toks[m.last].end], m.kind, m.poss, n)
	}
	for _, f := range d.frames {
		var pl []string
		for _, p := range f.places {
			pl = append(pl, p.name)
		}
		fmt.Printf("F trig=%q label=%q rel=%s src=%d tgt=%d places=%v date=%s hypo=%v merged=%v\n", d.toks[f.trigger].text, f.label, f.rel, len(f.sources), len(f.targets), pl, f.date, f.hypo, f.merged != nil)
	}
}
