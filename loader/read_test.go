package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestReadArticle(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		data      string
		title     string
		source    string
		published string
		body      string
		err       string // substring of the error; "" for success
	}{
		{name: "front matter", file: "a.txt",
			data:  "---\ntitle: Talks resume\nsource: https://example.org/x\npublished: 2025-05-17\n---\nBody text.\n",
			title: "Talks resume", source: "https://example.org/x", published: "2025-05-17", body: "Body text.\n"},
		{name: "estimated date", file: "a.txt",
			data:  "---\npublished: 2025-05-20 (estimated)\nnote: kept as retrieved\n---\nBody.",
			title: "a", published: "2025-05-20", body: "Body."},
		{name: "timestamp", file: "a.txt", data: "---\npublished: 2025-05-20T10:00:00Z\n---\nBody.", title: "a", published: "2025-05-20", body: "Body."},
		{name: "crlf", file: "a.txt", data: "---\r\ntitle: T\r\n---\r\nBody.\r\n", title: "T", body: "Body.\r\n"},
		{name: "no front matter, date from file name", file: "/x/2024-02-29-leap.txt", data: "Plain body.",
			title: "2024-02-29-leap", published: "2024-02-29", body: "Plain body."},
		{name: "front matter date wins over file name", file: "2024-01-01-x.txt", data: "---\npublished: 2025-05-17\n---\nB.", title: "2024-01-01-x", published: "2025-05-17", body: "B."},
		{name: "dashes later are body", file: "a.txt", data: "Body.\n---\nMore.", title: "a", body: "Body.\n---\nMore."},
		{name: "empty", file: "a.txt", data: "", err: "article is empty"},
		{name: "blank", file: "a.txt", data: " \n\t\n", err: "article is empty"},
		{name: "front matter only", file: "a.txt", data: "---\ntitle: x\n---\n\n", err: "no body text"},
		{name: "unterminated", file: "a.txt", data: "---\ntitle: x\nBody.", err: "no closing --- line"},
		{name: "bad yaml", file: "a.txt", data: "---\ntitle: [unclosed\n---\nBody.", err: "malformed front matter"},
		{name: "yaml list", file: "a.txt", data: "---\n- a\n- b\n---\nBody.", err: "malformed front matter"},
		{name: "bad published", file: "a.txt", data: "---\npublished: last Tuesday\n---\nBody.", err: `published "last Tuesday" is not a date`},
		{name: "impossible published", file: "a.txt", data: "---\npublished: 2025-02-30\n---\nBody.", err: "is not a date"},
		{name: "invalid utf8", file: "a.txt", data: "Kyiv\xff\xfe", err: "not valid UTF-8 (first bad byte at offset 4)"},
		{name: "too large", file: "a.txt", data: strings.Repeat("a", MaxArticleBytes+1), err: "larger than the"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readArticle(tc.file, []byte(tc.data))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want one containing %q", err, tc.err)
				}
				if !errors.Is(err, graph.ErrInvalid) {
					t.Errorf("got error %v, want it to wrap graph.ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v", err)
			}
			if got.Title != tc.title || got.Source != tc.source || got.Published != tc.published || got.Body != tc.body {
				t.Errorf("got title %q source %q published %q body %q, want %q %q %q %q",
					got.Title, got.Source, got.Published, got.Body, tc.title, tc.source, tc.published, tc.body)
			}
		})
	}
}

func TestReadArticleFile(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.txt")
	if err := os.WriteFile(ok, []byte("Body."), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: refused by size without being read.
	if err := f.Truncate(MaxArticleBytes + 10); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name, path, err string
	}{
		{"ok", ok, ""},
		{"missing", filepath.Join(dir, "nope.txt"), "no such file"},
		{"directory", dir, "is a directory"},
		{"too large", big, "larger than the"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := ReadArticle(tc.path)
			if tc.err == "" {
				if err != nil || string(data) != "Body." {
					t.Fatalf("got %q, %v; want %q, nil", data, err, "Body.")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("got error %v, want one containing %q", err, tc.err)
			}
		})
	}
}
