package loader

import (
	"context"
	"sync"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// sentence is one sentence: its byte span and its token range [lo, hi).
type sentence struct {
	span
	lo, hi int
}

// doc is the state of one article's extraction: tokens, mentions, frames
// and structural facts, built sentence by sentence so that pronouns and
// anaphors resolve against what came before.
type doc struct {
	gaz    *gazetteer.Gazetteer
	kb     *kb
	body   string
	lower  string
	pub    time.Time
	hasPub bool

	sents     []sentence
	toks      []token
	hits      []gazHit
	hitIdx    []int32         // token -> index in hits of the hit starting there, -1 for none
	countries map[string]bool // ISO codes the article names outright
	// countryNames maps each surface form naming a country outright to its
	// code; fuller caches fullerCountry's answer per surface form. Both are
	// built on first use.
	countryNames []countryName
	fuller       map[string]string

	ents     *entities
	mentions []*mention
	mAt      []int32 // token -> index in mentions, -1 for none
	surnames map[string]*docEntity
	// givenNames maps a person's given name to them, or to nil when two
	// people of the article share it.
	givenNames map[string]*docEntity
	// longSurnames are the keys of surnames long enough for a one-typo match.
	longSurnames []string
	merge        map[string]*docEntity // surname-only person id -> full-name person

	used       []bool         // tokens consumed as part of another trigger
	nounRef    map[int]*frame // event noun token -> the event it denotes
	frames     []*frame
	sentFrames []*frame // frames of the current sentence
	sentRefs   []*frame // earlier events the current sentence refers back to
	curDates   []dateExpr
	structs    []structRel
	// A quotation left open at a sentence's end runs on into the next
	// ones, in its speaker's voice (quoteSpeakers).
	quoteOpen    bool
	quoteSpeaker *docEntity
	quoteSent    int
	// The speaker of the last quotation, and its sentence: a quotation
	// that follows at once with no speaker of its own is theirs too.
	lastSpeaker *docEntity
	lastQuote   int
	scratch     *scratch // buffers lent for this document; see release
}

// scratch holds per-document buffers that Extract reuses, sparing the
// collector a token array per article.
type scratch struct {
	toks   []token
	mAt    []int32
	used   []bool
	hitIdx []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// grow returns buf resized to n, reallocating only when it is too small.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	return buf[:n]
}

// release hands the document's buffers back for the next article; d must
// not be used afterwards.
func (d *doc) release() {
	s := d.scratch
	if s == nil {
		return
	}
	clear(d.toks) // drop references into this article's text
	s.toks, s.mAt, s.used, s.hitIdx = d.toks[:0], d.mAt[:0], d.used[:0], d.hitIdx[:0]
	d.scratch, d.toks, d.mAt, d.used, d.hitIdx = nil, nil, nil, nil, nil
	scratchPool.Put(s)
}

// analyseContext runs the extraction stages over a body: sentences (none
// longer than MaxSentenceBytes), tokens, gazetteer matches, then mentions,
// events and structural facts per sentence. It stops with an error when ctx
// ends, checked between sentences, or the body exceeds a limit (limits.go).
// On error the document's buffers are already released.
func analyseContext(ctx context.Context, k *kb, body, published string) (_ *doc, err error) {
	d := &doc{
		gaz: k.gaz, kb: k, body: body, lower: asciiLower(body),
		ents:     newEntities(k.gaz),
		surnames: map[string]*docEntity{}, givenNames: map[string]*docEntity{},
		merge:   map[string]*docEntity{},
		nounRef: map[int]*frame{},
	}
	d.pub, d.hasPub = parseDay(published)
	spans := boundSpans(body, splitSentences(body), MaxSentenceBytes)
	d.scratch = scratchPool.Get().(*scratch)
	defer func() {
		if err != nil {
			d.release()
		}
	}()
	d.toks = tokenize(d.scratch.toks[:0], body, d.lower, spans)
	if err := checkTokens(len(d.toks)); err != nil {
		return nil, err
	}
	if err := canceled(ctx); err != nil {
		return nil, err
	}
	d.sents = make([]sentence, len(spans))
	ti := 0
	for si, s := range spans {
		lo := ti
		for ti < len(d.toks) && d.toks[ti].sent == si {
			ti++
		}
		d.sents[si] = sentence{span: s, lo: lo, hi: ti}
	}
	d.mAt = grow(d.scratch.mAt, len(d.toks))
	for i := range d.mAt {
		d.mAt[i] = -1
	}
	d.used = grow(d.scratch.used, len(d.toks))
	clear(d.used)
	d.hits, d.hitIdx = alignHits(d.toks, k.gaz.Match(body), d.scratch.hitIdx)
	d.countries = map[string]bool{}
	for _, h := range d.hits {
		if len(h.refs) == 1 {
			if e := k.gaz.Entry(h.refs[0]); e.Country != nil {
				d.countries[e.Country.Code] = true
			}
		}
	}
	seen := make(map[string]bool, len(d.sents))
	for si, s := range d.sents {
		if err := canceled(ctx); err != nil {
			return nil, err
		}
		d.sentFrames, d.sentRefs = nil, nil
		if d.furnitureLine(s.lo, s.hi) {
			continue
		}
		from := len(d.mentions)
		d.findMentions(si, s.lo, s.hi)
		if err := d.checkMentions(from); err != nil {
			return nil, err
		}
		text := body[s.start:s.end]
		if seen[text] {
			continue // a repeated paragraph (a caption, a pull quote) states nothing new
		}
		seen[text] = true
		d.linkedCompounds(si, s.lo, s.hi)
		d.findFrames(si, s.lo, s.hi)
		d.structural(si, s.lo, s.hi)
	}
	d.alsoDates()
	d.followDates()
	return d, nil
}

// followDates dates an undated attack from the same attacker's dated
// attack a few sentences before: a report tells one episode, and its
// later sentences ("Indian strikes hit ...", "the raids destroyed ...")
// rarely repeat the day. A past perfect ("had struck") speaks of an
// earlier time and inherits nothing.
func (d *doc) followDates() {
	for k, f := range d.frames {
		if f.merged != nil || f.date != "" || len(f.sources) == 0 || f.class() != "ASSAULT" ||
			f.status == graph.StatusPlanned || f.status == graph.StatusDenied || d.perfectBefore(f.trigger) {
			continue
		}
		for p := k - 1; p >= 0 && d.frames[p].sent >= f.sent-8; p-- {
			e := d.frames[p]
			if e.merged != nil || e.date == "" || e.class() != "ASSAULT" || len(e.sources) == 0 ||
				e.status == graph.StatusPlanned || e.status == graph.StatusDenied {
				continue
			}
			if d.sourcesCompatible(e.sources, f.sources) && d.placesCompatible(e.places, f.places) {
				f.date, f.dateText = e.date, e.dateText
				f.conf -= 0.1
			}
			break // only the latest dated attack can be the episode
		}
	}
}

// perfectBefore reports a past-perfect auxiliary just before the verb at i.
func (d *doc) perfectBefore(i int) bool {
	lo := d.sentLo(i)
	for j := i - 1; j >= lo && j >= i-3; j-- {
		if d.toks[j].is("had") {
			return true
		}
		if !d.toks[j].in(adverbs) {
			return false
		}
	}
	return false
}

// alsoDates dates an undated plan that says it repeats one ("also", "too")
// from the same actor's plan of the same kind a sentence or two before: "The
// minister will meet the envoy on Friday. She also plans to meet the
// mediators." Without "also" nothing is inherited.
func (d *doc) alsoDates() {
	for k, f := range d.frames {
		if f.merged != nil || f.date != "" || len(f.sources) == 0 || f.status != graph.StatusPlanned {
			continue
		}
		also := false
		s := d.sents[f.sent]
		for j := s.lo; j < s.hi && j < f.trigger; j++ {
			also = also || d.toks[j].is("also", "too")
		}
		if !also {
			continue
		}
		for p := k - 1; p >= 0 && d.frames[p].sent >= f.sent-2; p-- {
			e := d.frames[p]
			if e.merged == nil && e.rel == f.rel && e.date != "" && len(e.sources) > 0 && e.sources[0] == f.sources[0] && e.status == f.status {
				f.date, f.dateText = e.date, e.dateText
				f.conf -= 0.15
				break
			}
		}
	}
}

// furnitureLine reports a line of page furniture rather than a sentence:
// it opens with a furniture word (or a number and one: "3 min read") and
// does not end like a sentence.
func (d *doc) furnitureLine(lo, hi int) bool {
	if hi-lo > 12 || hi == lo {
		return false
	}
	if last := d.toks[hi-1].text; last == "." || last == "!" || last == "?" || last == "”" || last == "\"" {
		return false
	}
	first := &d.toks[lo]
	if first.kind == tNum && lo+1 < hi {
		first = &d.toks[lo+1]
	}
	return first.kind == tWord && first.in(furniture)
}
