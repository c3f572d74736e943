package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
)

// analyse runs the extraction stages over a body with no deadline, for
// tests whose articles are under every limit.
func analyse(k *kb, body, published string) *doc {
	d, err := analyseContext(context.Background(), k, body, published)
	if err != nil {
		panic(err)
	}
	return d
}

// hostileText builds n bytes (or a little less) of text of one of the
// shapes that once made extraction super-linear or unbounded.
func hostileText(tb testing.TB, shape string, n int) string {
	tb.Helper()
	var unit string
	switch shape {
	case "unpunctuated":
		// The team's articles with every sentence end removed: one sentence
		// full of names, verbs and report words.
		unit = unpunctuated(tb)
	case "name":
		unit = "Putin "
	case "names":
		unit = "Vladimir Putin met Volodymyr Zelensky in Istanbul on Monday. "
	case "list":
		unit = "Russia, Ukraine, France, Germany, Poland, Turkey and Iran said, "
	case "digits":
		unit = "٣ ３ ߀ 12,5 ٣٣.٣ "
	case "news":
		unit = "Russian forces struck Kharkiv on Friday, killing 3 people, officials said. " +
			"President Zelensky will meet Turkish President Erdogan in Ankara on Monday.\n\n"
	default:
		tb.Fatalf("unknown shape %q", shape)
	}
	s := strings.Repeat(unit, n/len(unit)+1)[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// unpunctuated returns the bodies of testdata/*.txt joined with sentence
// ends, line breaks and front matter removed.
func unpunctuated(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no testdata articles: %v", err)
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		raw, err := readArticle(f, data)
		if err != nil {
			tb.Fatal(err)
		}
		b.WriteString(raw.Body)
		b.WriteByte(' ')
	}
	s := regexp.MustCompile(`[.!?…\n\r]+|---`).ReplaceAllString(b.String(), " ")
	return regexp.MustCompile(` +`).ReplaceAllString(s, " ")
}

func TestBoundSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  int
		want []string
	}{
		{"short sentences kept", "One two. Three four.", 10, []string{"One two.", "Three four."}},
		{"cut at the last comma in the second half", "aaaa, bbbb cccc dddd", 12, []string{"aaaa,", "bbbb cccc", "dddd"}},
		{"cut at a space", "aaaa bbbb cccc dddd", 10, []string{"aaaa bbbb", "cccc dddd"}},
		{"no space: cut at a rune boundary", "ééééé", 3, []string{"é", "é", "é", "é", "é"}},
		{"multibyte run without spaces", "ab日本語", 4, []string{"ab", "日", "本", "語"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range boundSpans(tc.text, splitSentences(tc.text), tc.max) {
				if s.end-s.start > tc.max {
					t.Errorf("span %q is %d bytes, more than %d", tc.text[s.start:s.end], s.end-s.start, tc.max)
				}
				got = append(got, tc.text[s.start:s.end])
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLimits checks every limit refuses what is over it with an error that
// says which limit, wrapping graph.ErrInvalid, and lets what is just under
// it through.
func TestLimits(t *testing.T) {
	l := newTestLoader(t)
	keys := func(n int) string {
		var b strings.Builder
		b.WriteString("---\n")
		for i := range n {
			fmt.Fprintf(&b, "k%d: v\n", i)
		}
		return b.String() + "---\nRussia and Ukraine met in Istanbul."
	}
	tests := []struct {
		name string
		data string
		err  string // "" when the article must be accepted
	}{
		{"front matter keys at the limit", keys(MaxFrontMatterKeys), ""},
		{"front matter keys over the limit", keys(MaxFrontMatterKeys + 1), "front matter has 65 keys, more than the limit of 64"},
		{"front matter flow mapping over the limit", "---\n{" + strings.Repeat("a: 1, ", 100) + "}\n---\nBody.", "more than the limit of 64"},
		{"front matter bytes over the limit", "---\ntitle: " + strings.Repeat("x", MaxFrontMatterBytes) + "\n---\nBody.", "front matter is 16392 bytes, larger than the 16384-byte limit"},
		{"front matter 60k keys", keys(60000), "larger than the 16384-byte limit"},
		{"tokens over the limit", strings.Repeat("!", MaxTokens+1), "has 400001 words, numbers and marks, more than the limit of 400000"},
		{"one name too often", strings.Repeat("Putin ", MaxMentionsPerEntity+1), fmt.Sprintf(`names "Vladimir Putin" more than %d times`, MaxMentionsPerEntity)},
		{"one name at the limit", strings.Repeat("Putin ", MaxMentionsPerEntity-10), ""},
		{"binary valid UTF-8", strings.Repeat("\x00\x01\x7f", 1000), ""},
		{"invalid UTF-8 deep inside", strings.Repeat("a", 300000) + "\xff", "first bad byte at offset 300000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := l.Extract("a.txt", []byte(tc.data))
			if tc.err == "" {
				if err != nil {
					t.Fatalf("got %v, want the article accepted", err)
				}
				return
			}
			if err == nil || !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("got %v, want an ErrInvalid containing %q", err, tc.err)
			}
		})
	}
}

func TestCheckOutput(t *testing.T) {
	if err := checkOutput(MaxEntities, MaxRelations, MaxEvents); err != nil {
		t.Errorf("at the caps: got %v, want nil", err)
	}
	err := checkOutput(1, MaxRelations+1, 1)
	if !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), "20001 relations") {
		t.Errorf("over the relation cap: got %v, want an ErrInvalid naming 20001 relations", err)
	}
}

// TestLongSentenceStillExtracts checks that cutting an over-long sentence
// keeps what its pieces state.
func TestLongSentenceStillExtracts(t *testing.T) {
	l := newTestLoader(t)
	text := "Russian forces struck Kharkiv on Friday killing three people " + strings.Repeat("and officials said nothing more ", 200)
	doc, err := l.Extract("2025-05-16-a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Relations {
		if r.Type == "STRUCK" {
			return
		}
	}
	t.Errorf("got relations %+v, want Russia STRUCK Kharkiv from the first piece", doc.Relations)
}

func TestExtractCanceled(t *testing.T) {
	l := newTestLoader(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := l.ExtractContext(ctx, "a.txt", []byte(hostileText(t, "news", 64<<10)))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	// The buffers went back to the pool: the next article extracts as usual.
	doc, err := l.Extract("a.txt", []byte(hostileText(t, "news", 4<<10)))
	if err != nil || len(doc.Relations) == 0 {
		t.Errorf("after a canceled extraction: got %d relations, %v; want some relations", len(doc.Relations), err)
	}
}

// BenchmarkExtractGrowth prints how extraction time grows with the input,
// for each shape of hostile text, from 16 KiB to the 1 MiB limit: each
// doubling of the input may at most about double the time
// (bench/extract-growth.sh prints the ratios). Inputs over a limit are
// refused, which must be as quick.
func BenchmarkExtractGrowth(b *testing.B) {
	l := newTestLoader(b)
	for _, shape := range []string{"news", "unpunctuated", "name", "names", "list", "digits"} {
		for size := 16 << 10; size <= MaxArticleBytes; size *= 2 {
			text := []byte(hostileText(b, shape, size))
			b.Run(fmt.Sprintf("%s/%dKiB", shape, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if _, err := l.Extract("a.txt", text); err != nil && !errors.Is(err, graph.ErrInvalid) {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
