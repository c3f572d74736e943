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
	prepared := make([]SearchName, len(names))
	for i, n := range names {
		prepared[i] = NewSearchName(n)
	}
	return NewSearcher(query).Score(prepared)
}

// SearchName is a name or alias prepared for scoring, so a store can keep it
// rather than split the name again for every search.
type SearchName struct {
	lower  string // lower-cased, blanks collapsed
	runes  float64
	tokens []searchToken
}

type searchToken struct {
	text  string
	runes []rune
}

// NewSearchName prepares name for scoring.
func NewSearchName(name string) SearchName {
	lower := strings.Join(strings.Fields(strings.ToLower(name)), " ")
	n := SearchName{lower: lower, runes: runes(lower)}
	for _, t := range SearchTokens(lower) {
		n.tokens = append(n.tokens, searchToken{t, []rune(t)})
	}
	return n
}

// Searcher scores names against one query. Build one per search; it reuses
// buffers, so it is not safe for concurrent use.
type Searcher struct {
	query   SearchName
	covered []bool
	rows    [3][]int // editDistance's rows
}

// NewSearcher prepares query for scoring.
func NewSearcher(query string) *Searcher {
	return &Searcher{query: NewSearchName(query)}
}

// Tokens are the query's words, each a substring of the lower-cased query;
// a query with none matches nothing.
func (s *Searcher) Tokens() []string {
	out := make([]string, len(s.query.tokens))
	for i, t := range s.query.tokens {
		out[i] = t.text
	}
	return out
}

// Score is the relevance of the best of names, as SearchScore.
func (s *Searcher) Score(names []SearchName) float64 {
	if len(s.query.tokens) == 0 {
		return 0
	}
	best := 0.0
	for i := range names {
		best = max(best, s.scoreName(&names[i]))
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
func (s *Searcher) scoreName(n *SearchName) float64 {
	q := &s.query
	if n.lower == q.lower {
		return 1
	}
	whole := 0.0
	switch {
	case strings.HasPrefix(n.lower, q.lower):
		whole = 0.9 + 0.09*q.runes/n.runes
	case q.runes >= 3 && strings.Contains(n.lower, q.lower):
		whole = 0.6 + 0.2*q.runes/n.runes
	}
	return max(whole, s.scoreTokens(n.tokens))
}

// scoreTokens averages, over the query's tokens, each one's best match among
// the name's tokens (a query word matching nothing counts 0), scaled by how
// much of the name the query covers.
func (s *Searcher) scoreTokens(names []searchToken) float64 {
	if len(names) == 0 {
		return 0
	}
	s.covered = append(s.covered[:0], make([]bool, len(names))...)
	sum := 0.0
	for i := range s.query.tokens {
		q := &s.query.tokens[i]
		best, at := 0.0, -1
		for j := range names {
			if sim := s.tokenSimilarity(q, &names[j]); sim > best {
				best, at = sim, j
			}
		}
		if at >= 0 {
			s.covered[at] = true
		}
		sum += best
	}
	n := 0
	for _, c := range s.covered {
		if c {
			n++
		}
	}
	avg := sum / float64(len(s.query.tokens))
	return 0.85 * avg * (0.75 + 0.25*float64(n)/float64(len(names)))
}

// tokenSimilarity of a query word q to a name word n: 1 when equal, then the
// best of prefix (0.7 to 0.95), substring of three runes or more (0.4 to
// 0.6) and a fuzzy match within FuzzyEdits(q) (1 - edits/longer length).
func (s *Searcher) tokenSimilarity(q, n *searchToken) float64 {
	if q.text == n.text {
		return 1
	}
	ql, nl := len(q.runes), len(n.runes)
	sim := 0.0
	switch {
	case strings.HasPrefix(n.text, q.text):
		sim = 0.7 + 0.25*float64(ql)/float64(nl)
	case ql >= 3 && strings.Contains(n.text, q.text):
		sim = 0.4 + 0.2*float64(ql)/float64(nl)
	}
	if k := fuzzyEdits(ql); k > 0 && abs(ql-nl) <= k {
		if d := s.editDistance(q.runes, n.runes, k); d <= k {
			sim = max(sim, 1-float64(d)/float64(max(ql, nl)))
		}
	}
	return sim
}

// FuzzyEdits is how many edits a query word may be from a name word: none
// for words of one or two runes, one up to five, two from six (Lucene's
// fuzzy queries allow at most two).
func FuzzyEdits(word string) int { return fuzzyEdits(utf8.RuneCountInString(word)) }

func fuzzyEdits(runes int) int {
	switch {
	case runes <= 2:
		return 0
	case runes <= 5:
		return 1
	}
	return 2
}

// editDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), or k+1
// when it exceeds k. Lucene's fuzzy matching counts swaps as one edit too,
// so it finds every pair this accepts.
func (s *Searcher) editDistance(a, b []rune, k int) int {
	for i := range s.rows {
		if cap(s.rows[i]) < len(b)+1 {
			s.rows[i] = make([]int, len(b)+1)
		}
	}
	// The row before the previous one is needed for swaps.
	prev2, prev, cur := s.rows[0][:len(b)+1], s.rows[1][:len(b)+1], s.rows[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
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
	return min(prev[len(b)], k+1)
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
