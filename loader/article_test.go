package loader

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestExtractArticle(t *testing.T) {
	ld, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	const body = "China held military drills around Taiwan on Monday.\n"
	tests := []struct {
		name    string
		in      Article
		same    string // a file whose extraction must equal in's, but for the body
		wantErr string // "" for success; else a substring of an ErrInvalid error
	}{
		{"metadata as fields is front matter", Article{Text: body, Title: " Drills ", Source: "https://example.org", Published: "2025-06-02 Monday"},
			"---\ntitle: Drills\nsource: https://example.org\npublished: 2025-06-02\n---\n" + body, ""},
		{"no metadata reads front matter", Article{Text: "---\ntitle: Drills\n---\n" + body}, "---\ntitle: Drills\n---\n" + body, ""},
		{"fields fill in the rest", Article{Name: "2025-06-01 drills.txt", Text: body, Source: "wire"},
			"---\nsource: wire\ntitle: 2025-06-01 drills\npublished: 2025-06-01\n---\n" + body, ""},
		{"both is ambiguous", Article{Text: "---\ntitle: T\n---\n" + body, Title: "Other"}, "", "its own front matter"},
		{"bad date", Article{Text: body, Published: "June"}, "", `published "June" is not a date`},
		{"empty text", Article{Text: " ", Title: "T"}, "", "article is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ld.ExtractArticle(context.Background(), tc.in)
			if tc.wantErr != "" {
				if !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got error %v, want ErrInvalid saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want, err := ld.Extract("", []byte(tc.same))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Article, want.Article) || !reflect.DeepEqual(got.Batch(), want.Batch()) {
				t.Errorf("got %+v, want %+v", got.Article, want.Article)
			}
		})
	}
}
