package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Relevance search is scored here, once, so every store ranks alike: the
// embedded store scores every entity, Neo4j scores the candidates its indexes
// find. For a store's candidates to be complete, a name scores above zero
// only when one of the query's tokens is a substring of the lower-cased name
// (exact, prefix and substring matches; a store finds those with CONTAINS),
// or is within FuzzyEdits of one of the name's tokens (a store finds those
// with a fuzzy index lookup using the same tokens and edit limits).

// SearchThreshold is the least score a search hit has. It lets one strong
// word of a two-word query through ("President Putin" finds "Vladimir
// Putin"), but not a weak one.
const SearchThreshold = 0.35

// SearchScore is the relevance in [SearchThreshold, 1] of the best of names
// for query, or 0 below the threshold.
func SearchScore(query string, names []string) float64 {
	return NewSearcher(query).Score(names)
}

// Searcher scores names against one query; build it once per search.
type Searcher struct {
	lower  string   // lower-cased query, blanks collapsed
	tokens []string // SearchTokens of lower
}

// NewSearcher prepares query for scoring.
func NewSearcher(query string) *Searcher {
	lower := strings.Join(strings.Fields(strings.ToLower(query)), " ")
	return &Searcher{lower: lower, tokens: SearchTokens(lower)}
}

// Tokens are the query's words, each a substring of the lower-cased query;
// a query with none matches nothing.
func (s *Searcher) Tokens() []string { return s.tokens }

// Score is SearchScore for this query.
func (s *Searcher) Score(names []string) float64 {
	if len(s.tokens) == 0 {
		return 0
	}
	best := 0.0
	for _, n := range names {
		best = max(best, s.scoreName(n))
	}
	if best < SearchThreshold {
		return 0
	}
	return best
}

// scoreName ranks a whole-string match (exact 1, prefix 0.9 to 1, substring
// 0.6 to 0.8) against a word-by-word match (at most 0.85), whichever is
// better. Longer shares of the name score higher, so "Oran" ranks "Oran
// Valley" above "Oran Valley Council".
func (s *Searcher) scoreName(name string) float64 {
	n := strings.Join(strings.Fields(strings.ToLower(name)), " ")
	if n == s.lower {
		return 1
	}
	ql, nl := runes(s.lower), runes(n)
	whole := 0.0
	switch {
	case strings.HasPrefix(n, s.lower):
		whole = 0.9 + 0.09*ql/nl
	case ql >= 3 && strings.Contains(n, s.lower):
		whole = 0.6 + 0.2*ql/nl
	}
	return max(whole, s.scoreTokens(SearchTokens(n)))
}

// scoreTokens averages, over the query's tokens, each one's best match among
// the name's tokens (a query word matching nothing counts 0), scaled by how
// much of the name the query covers.
func (s *Searcher) scoreTokens(names []string) float64 {
	if len(names) == 0 {
		return 0
	}
	covered := make([]bool, len(names))
	sum := 0.0
	for _, q := range s.tokens {
		best, at := 0.0, -1
		for i, n := range names {
			if sim := tokenSimilarity(q, n); sim > best {
				best, at = sim, i
			}
		}
		if at >= 0 {
			covered[at] = true
		}
		sum += best
	}
	n := 0
	for _, c := range covered {
		if c {
			n++
		}
	}
	avg := sum / float64(len(s.tokens))
	return 0.85 * avg * (0.75 + 0.25*float64(n)/float64(len(names)))
}

// tokenSimilarity of a query word q to a name word n: 1 when equal, then the
// best of prefix (0.7 to 0.95), substring of three runes or more (0.4 to
// 0.6) and a fuzzy match within FuzzyEdits(q) (1 - edits/longer length).
func tokenSimilarity(q, n string) float64 {
	if q == n {
		return 1
	}
	ql, nl := runes(q), runes(n)
	sim := 0.0
	switch {
	case strings.HasPrefix(n, q):
		sim = 0.7 + 0.25*ql/nl
	case ql >= 3 && strings.Contains(n, q):
		sim = 0.4 + 0.2*ql/nl
	}
	if k := FuzzyEdits(q); k > 0 && abs(int(ql)-int(nl)) <= k {
		if d := editDistance(q, n, k); d <= k {
			sim = max(sim, 1-float64(d)/max(ql, nl))
		}
	}
	return sim
}

// FuzzyEdits is how many edits a query word may be from a name word: none
// for words of one or two runes, one up to five, two from six (Lucene's
// fuzzy queries allow at most two).
func FuzzyEdits(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// editDistance is the optimal-string-alignment distance between a and b in
// runes (insertions, deletions, substitutions and swaps of neighbours), or
// k+1 when it exceeds k. Lucene's fuzzy matching counts swaps as one edit
// too, so it finds every pair this accepts.
func editDistance(a, b string, k int) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows: the one before the previous is needed for swaps.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], k+1)
}

// SearchTokens splits lower-cased text into words the way Lucene's standard
// tokenizer does for the scripts names come in: runs of letters, digits and
// combining marks, joined across an underscore, across an apostrophe, a
// period, a colon or a middle dot between two letters, and across a comma,
// semicolon, period or apostrophe between two digits; every Han or Hiragana
// character is a word of its own. Each word is a substring of text.
func SearchTokens(text string) []string {
	var out []string
	rs := []rune(text)
	start := -1 // rune index where the current word began
	var b strings.Builder
	flush := func() {
		if start >= 0 {
			out = append(out, b.String())
			b.Reset()
			start = -1
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r):
			flush()
			out = append(out, string(r))
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			b.WriteRune(r)
		case start >= 0 && i+1 < len(rs) && joins(rs[i-1], r, rs[i+1]):
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) && !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hiragana, r) ||
		unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// joins reports whether mid keeps the runes either side of it in one word.
func joins(before, mid, after rune) bool {
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.M, r) }
	switch {
	case letter(before) && letter(after):
		return strings.ContainsRune("'’.:·", mid)
	case unicode.IsDigit(before) && unicode.IsDigit(after):
		return strings.ContainsRune(",;.'’", mid)
	}
	return false
}

func runes(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
