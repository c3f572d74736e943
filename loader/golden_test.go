package loader

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/linediff"
)

var update = flag.Bool("update", false, "rewrite the .facts golden files in testdata")

// TestGolden extracts every testdata/*.txt and compares its facts, judged by
// the article's .expect, with its .facts golden; `go test ./loader -update`
// rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	l := newTestLoader(t)
	for _, f := range files {
		base := strings.TrimSuffix(f, ".txt")
		t.Run(filepath.Base(base), func(t *testing.T) {
			data, err := ReadArticle(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := l.Extract(filepath.Base(f), data)
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			again, err := l.Extract(filepath.Base(f), data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(again, doc) {
				t.Error("a second extraction of the same article differs: output is not deterministic")
			}
			xs, err := readExpect(base + ".expect")
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			got := goldenFacts(filepath.Base(f), doc, xs, err == nil)
			golden := base + ".facts"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./loader -update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("the extraction of %s differs from %s (go test ./loader -update rewrites it; review its diff):\n%s",
					f, golden, linediff.Lines(got, string(want)))
			}
		})
	}
}

// TestGoldenOrphans: a golden whose article is gone, or one in the JSON
// form the .facts files replaced, would never be checked.
func TestGoldenOrphans(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/*.facts")
	for _, g := range goldens {
		if _, err := os.Stat(strings.TrimSuffix(g, ".facts") + ".txt"); err != nil {
			t.Errorf("%s has no article: %v (delete it)", g, err)
		}
	}
	old, _ := filepath.Glob("testdata/*.golden.json")
	for _, g := range old {
		t.Errorf("%s is a JSON golden, which nothing reads: delete it (go test ./loader -update writes the .facts golden)", g)
	}
}

// TestGoldenMarks: each relation line carries the expectations' verdict,
// and the expected lines nothing matches are listed.
func TestGoldenMarks(t *testing.T) {
	const text = "---\npublished: 2025-05-17\n---\nRussia attacked Ukraine on Friday. Vladimir Putin met Xi Jinping in Moscow. " +
		"Dmitry Peskov, the Kremlin spokesman, said talks went well."
	tests := []struct {
		name   string
		expect string // "" for an article with no .expect
		want   []string
	}{
		{"judged", "# a comment\nRussia ATTACKED Ukraine\n?Xi Jinping MEETS Vladimir Putin\n!Dmitry Peskov SPOKESPERSON_FOR *\nDonald Trump CALLS *\n@Russia PERSON\n", []string{
			"+  Russia ATTACKED Ukraine occurred 2025-05-16: \"Russia attacked Ukraine on Friday.\"",
			"?  Vladimir Putin MEETS Xi Jinping occurred -: ",
			"!! Dmitry Peskov SPOKESPERSON_FOR Kremlin - - title=spokesman: ",
			".  Moscow LOCATED_IN Russia - -: ",
			"- missing: Donald Trump CALLS *",
			"- wrong kind: @Russia PERSON (Russia is COUNTRY)",
			"EVENT ASSAULT attack - -/- occurred 2025-05-16; SOURCE Russia; TARGET Ukraine",
			"ENTITY COUNTRY Russia (country:RU) RU, ",
		}},
		{"unexpected", "Russia ATTACKED Ukraine\n", []string{"!  Vladimir Putin MEETS Xi Jinping "}},
		{"no expectations", "", []string{"# go test ./loader -update writes this file from the extraction; no test.expect judges it.", ".  Russia ATTACKED Ukraine "}},
	}
	doc, err := newTestLoader(t).Extract("test.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var xs []expectation
			if tc.expect != "" {
				path := filepath.Join(t.TempDir(), "test.expect")
				if err := os.WriteFile(path, []byte(tc.expect), 0o644); err != nil {
					t.Fatal(err)
				}
				if xs, err = readExpect(path); err != nil {
					t.Fatal(err)
				}
			}
			got := goldenFacts("test.txt", doc, xs, tc.expect != "")
			lines := strings.Split(got, "\n")
			for _, w := range tc.want {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, w) }) {
					t.Errorf("got\n%s\nwant a line starting %q", got, w)
				}
			}
		})
	}
}

// goldenFacts renders an extraction for review, one fact per line, each
// section sorted: the relations as relationFact does, marked by the
// expectations' verdict, with their title, claimant and the start of their
// first evidence sentence; the expected lines no relation matches; the
// events as eventFact does, with status, date, mode and participants; the
// entities with kind, id, country, mention count and aliases.
func goldenFacts(file string, doc *Document, xs []expectation, haveExpect bool) string {
	name := entityNames(doc)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s (%s, published %s): %s\n", file, doc.Article.ID, orDash(doc.Article.Published), oneLine(doc.Article.Title))
	expect := strings.TrimSuffix(file, ".txt") + ".expect"
	if haveExpect {
		fmt.Fprintf(&b, "# go test ./loader -update writes this file from the extraction, judged by %s:\n", expect)
	} else {
		fmt.Fprintf(&b, "# go test ./loader -update writes this file from the extraction; no %s judges it.\n", expect)
	}
	fmt.Fprintf(&b, "# %s expected, %s acceptable, %s not expected, %s forbidden, %s not judged; - missing: an expected line no relation matches.\n",
		markExpected, markAcceptable, markUnexpected, markForbidden, markUnjudged)

	ents, partOf := entitiesByID(doc)
	var rels []string
	for _, r := range doc.Relations {
		line := relationFact(r, name)
		if r.Title != "" {
			line += " title=" + r.Title
		}
		if r.ClaimedBy != "" {
			line += " claimedBy=" + name[r.ClaimedBy]
		}
		line += ": " + quote(r.Evidence[0].Text)
		if n := len(r.Evidence) - 1; n > 0 {
			line += fmt.Sprintf(" (+%d more)", n)
		}
		rels = append(rels, fmt.Sprintf("%-2s %s", verdict(xs, r, ents, partOf), line))
	}
	slices.SortFunc(rels, func(a, b string) int { return strings.Compare(a[3:], b[3:]) })
	section(&b, rels)

	var missing []string
	for _, x := range xs {
		switch {
		case x.kinds != nil:
			for _, e := range doc.Entities {
				if names(&e, x.src, nil) && !slices.Contains(x.kinds, string(e.Kind)) {
					missing = append(missing, fmt.Sprintf("- wrong kind: %s (%s is %s)", x.line, e.Name, e.Kind))
				}
			}
		case x.forbidden || x.optional:
		case !slices.ContainsFunc(doc.Relations, func(r graph.Relation) bool { return x.matches(r, ents, partOf) }):
			missing = append(missing, "- missing: "+x.line)
		}
	}
	section(&b, missing)

	var events []string
	for _, ev := range doc.Events {
		line := eventFact(ev, name) + " " + orDash(ev.Status) + " " + orDash(ev.Date)
		if ev.Mode != "" {
			line += " mode=" + ev.Mode
		}
		for _, p := range ev.Participants {
			line += "; " + p.Role + " " + name[p.Entity]
		}
		events = append(events, line)
	}
	slices.Sort(events)
	section(&b, events)

	var entities []string
	for _, e := range doc.Entities {
		line := fmt.Sprintf("ENTITY %s %s (%s) %s, %d mention", e.Kind, e.Name, e.ID, orDash(e.Country), len(e.Mentions))
		if len(e.Mentions) != 1 {
			line += "s"
		}
		if len(e.Aliases) > 0 {
			line += ", aka " + strings.Join(e.Aliases, "|")
		}
		entities = append(entities, line)
	}
	slices.Sort(entities)
	section(&b, entities)
	return b.String()
}

// section writes lines after a blank line, when there are any.
func section(b *strings.Builder, lines []string) {
	if len(lines) == 0 {
		return
	}
	b.WriteString("\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
}

// oneLine folds the line breaks and runs of spaces of a sentence.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// quoteWords is how much of an evidence sentence a golden line quotes:
// enough to find the sentence, short enough to read the line.
const quoteWords = 14

// quote renders the start of an evidence sentence in quotes.
func quote(s string) string {
	w := strings.Fields(s)
	if len(w) > quoteWords {
		return `"` + strings.Join(w[:quoteWords], " ") + ` …"`
	}
	return `"` + strings.Join(w, " ") + `"`
}
