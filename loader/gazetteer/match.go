package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// matcher finds every known name in a text. Names may only start and end on
// word boundaries, so instead of a full Aho-Corasick automaton (whose failure
// links exist to find matches starting anywhere) it walks one byte trie from
// each word start and keeps the longest name ending on a word boundary. That
// is the leftmost-longest rule, and each walk stops as soon as no name shares
// the prefix, so the cost is close to one pass over the text.
type matcher struct {
	root  [256]int32 // first byte -> node, 0 for none
	nodes []node
	edges []edge
	refs  [][]Ref // node.term -> candidates
}

type node struct {
	first, n int32 // edges[first:first+n], sorted by label
	term     int32 // index into refs, -1 if no name ends here
}

type edge struct {
	label byte
	to    int32
}

// trieBuilder collects names before they are frozen into a matcher.
type trieBuilder struct {
	kids  []map[byte]int32
	terms []int32
	refs  [][]Ref
}

func newTrieBuilder() *trieBuilder {
	return &trieBuilder{kids: []map[byte]int32{nil}, terms: []int32{-1}}
}

// add indexes name; a name with an apostrophe is indexed with each of ' ’ ʼ
// so "Cote d'Ivoire" also matches "Cote d’Ivoire" and the reverse.
func (b *trieBuilder) add(name string, r Ref) {
	if name == "" {
		return
	}
	if !strings.ContainsAny(name, "'’ʼ") {
		b.addOne(name, r)
		return
	}
	for _, rep := range apostropheForms {
		b.addOne(rep.Replace(name), r)
	}
}

var apostropheForms = []*strings.Replacer{
	strings.NewReplacer("’", "'", "ʼ", "'"),
	strings.NewReplacer("'", "’", "ʼ", "’"),
	strings.NewReplacer("'", "ʼ", "’", "ʼ"),
}

func (b *trieBuilder) addOne(name string, r Ref) {
	n := int32(0)
	for i := 0; i < len(name); i++ {
		c := name[i]
		m := b.kids[n]
		if m == nil {
			m = map[byte]int32{}
			b.kids[n] = m
		}
		next, ok := m[c]
		if !ok {
			next = int32(len(b.kids))
			m[c] = next
			b.kids = append(b.kids, nil)
			b.terms = append(b.terms, -1)
		}
		n = next
	}
	t := b.terms[n]
	if t < 0 {
		t = int32(len(b.refs))
		b.terms[n] = t
		b.refs = append(b.refs, nil)
	}
	for _, have := range b.refs[t] {
		if have.ID == r.ID && have.Demonym == r.Demonym {
			return
		}
	}
	b.refs[t] = append(b.refs[t], r)
}

// build freezes the trie into flat arrays; rank orders each name's candidates.
func (b *trieBuilder) build(rank func([]Ref)) *matcher {
	m := &matcher{nodes: make([]node, len(b.kids)), refs: b.refs}
	// Node ids are assigned in insertion order, so edges are laid out by a
	// walk over the ids; each node's edges are sorted for binary search.
	for id, kids := range b.kids {
		m.nodes[id] = node{first: int32(len(m.edges)), n: int32(len(kids)), term: b.terms[id]}
		for c := 0; c < 256; c++ {
			if to, ok := kids[byte(c)]; ok {
				m.edges = append(m.edges, edge{label: byte(c), to: to})
			}
		}
	}
	for c, to := range b.kids[0] {
		m.root[c] = to
	}
	for _, refs := range m.refs {
		rank(refs)
	}
	return m
}

func (m *matcher) child(n int32, c byte) int32 {
	nd := &m.nodes[n]
	es := m.edges[nd.first : nd.first+nd.n]
	if len(es) <= 8 {
		for _, e := range es {
			if e.label == c {
				return e.to
			}
			if e.label > c {
				return 0
			}
		}
		return 0
	}
	lo, hi := 0, len(es)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if es[mid].label < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(es) && es[lo].label == c {
		return es[lo].to
	}
	return 0
}

// longest returns the end of the longest name starting at i that ends on a
// word boundary, and its candidates; end is -1 if there is none.
func (m *matcher) longest(text string, i int) (end int, refs []Ref) {
	end = -1
	n := m.root[text[i]]
	j := i + 1
	for n != 0 {
		if t := m.nodes[n].term; t >= 0 && boundaryAt(text, j) {
			end, refs = j, m.refs[t]
		}
		if j == len(text) {
			break
		}
		n = m.child(n, text[j])
		j++
	}
	return end, refs
}

// find returns all non-overlapping leftmost-longest matches.
func (m *matcher) find(text string) []Match {
	var out []Match
	prevWord := false // whether the rune before i is a word character
	for i := 0; i < len(text); {
		c := text[i]
		if !prevWord && m.root[c] != 0 {
			if end, refs := m.longest(text, i); end > 0 {
				out = append(out, Match{Start: i, End: end, Text: text[i:end], Candidates: refs})
				r, _ := utf8.DecodeLastRuneInString(text[i:end])
				prevWord = isWordRune(r)
				i = end
				continue
			}
		}
		if c < utf8.RuneSelf {
			prevWord = asciiWord[c]
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		prevWord = isWordRune(r)
		i += size
	}
	return out
}

// boundaryAt reports whether a name ending at j ends a word: the text ends
// there or the next rune is not a letter, digit or combining mark.
func boundaryAt(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	if c := text[j]; c < utf8.RuneSelf {
		return !asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return !isWordRune(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
