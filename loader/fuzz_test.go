package loader

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
)

// The fuzz targets run their seeds (f.Add and testdata/fuzz) with every
// go test; scripts/test.sh fuzzes each briefly, and
// `go test ./loader -run '^$' -fuzz FuzzExtract -fuzztime 10m` for real.

// fuzzSeeds are inputs that once crashed or hung an entry point, and a few
// ordinary articles for the fuzzer to mutate.
var fuzzSeeds = []string{
	"",
	"Russia struck Kharkiv on Friday.",
	"---\ntitle: T\npublished: 2025-05-16\n---\nPresident Zelensky met Erdogan in Ankara on Monday, officials said.",
	"struck ٣ towns ３ drones ߀ 1٣2 on Friday ٣٣.٣", // non-ASCII digits once stalled the tokenizer (OOM)
	"Kyiv\xff\xfe",
	"---\n" + strings.Repeat("k: v\n", 70) + "---\nBody.",
	"---\n{a: 1, a: 2}\n---\nBody.",
	"---\nanchors: &a [*a, *a]\n---\nBody.",
	"---\ntitle: &x [1,2]\nsource: *x\n---\nBody.",
	"---\n---\n",
	"\uFEFF---\ntitle: x\n---\nB.",
	strings.Repeat("Putin ", 300),
	strings.Repeat("Russia, Ukraine and France said, ", 80),
	"\x00\x01\x02 binary \x7f\x1b[31m",
	"U.S. Sen. J. Smith, Jr. met Gen. Obi in St. Louis... Then? “Yes!” he said…",
}

func FuzzReadArticle(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("2025-05-16-a.txt", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, err := readArticle(name, data)
		if err != nil {
			if !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("error %v does not wrap graph.ErrInvalid", err)
			}
			return
		}
		if !utf8.ValidString(a.Body) || strings.TrimSpace(a.Body) == "" {
			t.Fatalf("accepted body %q: want valid, non-blank UTF-8", a.Body)
		}
		if !strings.HasSuffix(string(data), a.Body) {
			t.Fatalf("body %q is not the end of the input", a.Body)
		}
	})
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range fuzzSeeds {
		if header, _, ok, _ := splitFrontMatter(s); ok {
			f.Add(header)
		}
	}
	f.Add("title: [unclosed")
	f.Add("- a\n- b")
	f.Fuzz(func(t *testing.T, header string) {
		if _, err := parseFrontMatter(header); err != nil && !errors.Is(err, graph.ErrInvalid) {
			t.Fatalf("error %v does not wrap graph.ErrInvalid", err)
		}
	})
}

// FuzzExtract checks what any input may yield: an ErrInvalid, or a
// document whose evidence and mentions point at the text they quote.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	l := newTestLoader(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := l.Extract("2025-05-16-a.txt", data)
		if err != nil {
			if !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("error %v does not wrap graph.ErrInvalid", err)
			}
			return
		}
		body := doc.text
		inBody := func(what string, start, end int, text string) {
			if start < 0 || end > len(body) || start > end || body[start:end] != text {
				t.Fatalf("%s [%d:%d] %q does not quote the body", what, start, end, text)
			}
		}
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				inBody("mention of "+e.ID, m.Start, m.End, m.Text)
			}
		}
		for _, r := range doc.Relations {
			for _, ev := range r.Evidence {
				inBody("evidence of "+r.ID, ev.Start, ev.End, ev.Text)
			}
		}
		if err := doc.Batch().Validate(); err != nil {
			t.Fatalf("batch does not validate: %v", err)
		}
	})
}
