package gazetteer

import (
	"slices"
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
	names []nameRef
	refs  []Ref // nameRef.ref indexes this
}

type nameRef struct {
	name string
	ref  int32
}

func newTrieBuilder() *trieBuilder { return &trieBuilder{} }

// add indexes name; a name with an apostrophe is indexed with each of ' ’ ʼ
// so "Cote d'Ivoire" also matches "Cote d’Ivoire" and the reverse.
func (b *trieBuilder) add(name string, r Ref) {
	if name == "" {
		return
	}
	i := int32(len(b.refs))
	b.refs = append(b.refs, r)
	if !strings.ContainsAny(name, "'’ʼ") {
		b.names = append(b.names, nameRef{name, i})
		return
	}
	for _, rep := range apostropheForms {
		b.names = append(b.names, nameRef{rep.Replace(name), i})
	}
}

var apostropheForms = []*strings.Replacer{
	strings.NewReplacer("’", "'", "ʼ", "'"),
	strings.NewReplacer("'", "’", "ʼ", "’"),
	strings.NewReplacer("'", "ʼ", "’", "ʼ"),
}

// build freezes the names into a trie laid out in flat arrays; rank orders
// each name's candidates. Sorting the names first makes every node's
// children a contiguous run, so the trie is built in one pass with no maps.
func (b *trieBuilder) build(rank func([]Ref)) *matcher {
	slices.SortFunc(b.names, func(x, y nameRef) int {
		if c := strings.Compare(x.name, y.name); c != 0 {
			return c
		}
		return int(x.ref - y.ref)
	})
	// One node per byte of each name not shared with the previous name.
	size := 1
	for i, nr := range b.names {
		size += len(nr.name)
		if i > 0 {
			size -= commonPrefix(nr.name, b.names[i-1].name)
		}
	}
	m := &matcher{nodes: make([]node, 1, size), edges: make([]edge, 0, size-1)}
	m.nodes[0].term = -1 // node 0 is the root
	m.fill(0, b.names, b.refs, 0)
	for _, e := range m.edges[m.nodes[0].first : m.nodes[0].first+m.nodes[0].n] {
		m.root[e.label] = e.to
	}
	for _, refs := range m.refs {
		rank(refs)
	}
	return m
}

// fill gives node n, which stands for the common prefix names[*][:depth],
// its candidates and children.
func (m *matcher) fill(n int32, names []nameRef, pool []Ref, depth int) {
	i := 0
	for i < len(names) && len(names[i].name) == depth {
		i++
	}
	if i > 0 {
		var refs []Ref
		for _, nr := range names[:i] {
			r := pool[nr.ref]
			if !slices.ContainsFunc(refs, func(have Ref) bool { return have.ID == r.ID && have.Demonym == r.Demonym }) {
				refs = append(refs, r)
			}
		}
		m.nodes[n].term = int32(len(m.refs))
		m.refs = append(m.refs, refs)
		names = names[i:]
	}
	// Reserve this node's edges, one per distinct next byte, then fill
	// each child's subtree.
	first := int32(len(m.edges))
	for j := 0; j < len(names); {
		c := names[j].name[depth]
		m.edges = append(m.edges, edge{label: c, to: int32(len(m.nodes))})
		m.nodes = append(m.nodes, node{term: -1})
		for j < len(names) && names[j].name[depth] == c {
			j++
		}
	}
	m.nodes[n].first, m.nodes[n].n = first, int32(len(m.edges))-first
	for k := first; k < first+m.nodes[n].n; k++ {
		c := m.edges[k].label
		j := 0
		for j < len(names) && names[j].name[depth] == c {
			j++
		}
		m.fill(m.edges[k].to, names[:j], pool, depth+1)
		names = names[j:]
	}
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
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
