package graph

import (
	"reflect"
	"strings"
	"testing"
)

func TestSearchTokens(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"volodymyr zelenskyy", []string{"volodymyr", "zelenskyy"}},
		{"  ana-vela, (reyn)!", []string{"ana", "vela", "reyn"}},
		{"o'brien o’neil", []string{"o'brien", "o’neil"}},
		{"u.n. peace-keepers", []string{"u.n", "peace", "keepers"}},
		{"a:b c: d", []string{"a:b", "c", "d"}},
		{"1,000.5 troops, 12.", []string{"1,000.5", "troops", "12"}},
		{"f-16 f16 mig_29", []string{"f", "16", "f16", "mig_29"}},
		{"'quoted' .dot", []string{"quoted", "dot"}},
		{"ålborg étape", []string{"ålborg", "étape"}},
		{"習近平 さん", []string{"習", "近", "平", "さ", "ん"}},
		{"reyn~2 +x*", []string{"reyn", "2", "x"}},
		{"", nil},
		{" !? ", nil},
	}
	for _, tc := range cases {
		got := SearchTokens(tc.text)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SearchTokens(%q): got %q, want %q", tc.text, got, tc.want)
		}
		for _, tok := range got {
			if !strings.Contains(tc.text, tok) {
				t.Errorf("SearchTokens(%q): token %q is not a substring", tc.text, tok)
			}
		}
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		k    int
		want int
	}{
		{"putin", "putin", 2, 0},
		{"putn", "putin", 1, 1},
		{"ptuin", "putin", 1, 1}, // a swap is one edit
		{"zelensky", "zelenskyy", 2, 1},
		{"zelenskiy", "zelenskyy", 2, 1},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3}, // above k reads as k+1
		{"ca", "abc", 3, 3},         // optimal string alignment, not full Damerau
		{"", "abc", 5, 3},
		{"ålborg", "alborg", 1, 1}, // runes, not bytes
	}
	for _, tc := range cases {
		if got := new(Searcher).editDistance([]rune(tc.a), []rune(tc.b), tc.k); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d): got %d, want %d", tc.a, tc.b, tc.k, got, tc.want)
		}
	}
}

func TestSearchScore(t *testing.T) {
	cases := []struct {
		query string
		names []string
		want  float64
	}{
		{"Ana Vela", []string{"Ana Vela"}, 1},
		{"ana   VELA", []string{"Ana Vela"}, 1},
		{"vela", []string{"Ana Vela", "Vela"}, 1},
		{"zzz", []string{"Ana Vela"}, 0},
		{"", []string{""}, 0},
		{"!!", []string{"!!"}, 0}, // no words, no match
		{"a", []string{"Ila Moss"}, 0},
	}
	for _, tc := range cases {
		if got := SearchScore(tc.query, tc.names); got != tc.want {
			t.Errorf("SearchScore(%q, %q): got %v, want %v", tc.query, tc.names, got, tc.want)
		}
	}

	// Each query's names, best first.
	orders := []struct {
		query string
		names []string
	}{
		{"oran", []string{"Oran", "Oran Valley", "Orange Group", "Lake Oran", "Iran"}},
		{"zelensky", []string{"Zelenskyy", "Volodymyr Zelenskyy", "Zelenskiy Street Market"}},
		{"putin", []string{"Putin", "Putina", "Vladimir Putin", "Ptuin Hills"}},
		{"vladimir putin", []string{"Vladimir Putin", "Vladimir Putin Jr", "Putin Vladimir", "Vladimir"}},
	}
	for _, o := range orders {
		prev := 2.0
		for _, n := range o.names {
			got := SearchScore(o.query, []string{n})
			if got <= 0 || got >= prev {
				t.Errorf("SearchScore(%q, %q): got %v, want in (0, %v): %q ranks best first", o.query, n, got, prev, o.names)
			}
			prev = got
		}
	}
}

// TestSearchScoreCandidates checks the promise the stores rely on to find
// candidates: a name scores only when a query token is a substring of it or
// within FuzzyEdits of one of its tokens.
func TestSearchScoreCandidates(t *testing.T) {
	names := []string{"Ana Vela", "Volodymyr Zelenskyy", "Port Amar", "U.N.", "O'Brien", "Ålborg", "Lake Oran", "Iran", "Oran Valley"}
	queries := []string{"a", "an", "ana", "vel", "zelensky", "zelenskiy", "volodymyr zelensky", "port", "amar port", "u.n", "un",
		"obrien", "alborg", "oran", "iran", "orn", "lake", "valley oran", "ptr", "x y z", "ana zz"}
	for _, q := range queries {
		s := NewSearcher(q)
		for _, n := range names {
			if s.Score([]SearchName{NewSearchName(n)}) == 0 {
				continue
			}
			lower := strings.ToLower(n)
			found := false
			for _, tok := range s.Tokens() {
				if strings.Contains(lower, tok) {
					found = true
				}
				for _, nt := range SearchTokens(lower) {
					if k := FuzzyEdits(tok); k > 0 && s.editDistance([]rune(tok), []rune(nt), k) <= k {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("SearchScore(%q, %q) > 0 with no token contained or within edits", q, n)
			}
		}
	}
}
