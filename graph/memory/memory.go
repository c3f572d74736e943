// Package memory is the embedded, in-process graph.Store: the zero-setup
// default, and the store the resolver tests run against.
package memory

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/geokg/geokg/graph"
)

var (
	_ graph.Store      = (*Store)(nil)
	_ graph.EndsReader = (*Store)(nil)
	_ graph.RefsReader = (*Store)(nil)
)

// Store keeps the graph in maps guarded by one RWMutex. Apply validates and
// prepares everything outside the lock, then makes changes that cannot fail
// under the write lock, so a rejected batch changes nothing and readers
// never see half an article.
//
// Articles keep their witnesses; witnesses sit in groups by
// graph.RelationGroupKey / graph.EventGroupKey. A write only notes the
// groups whose witnesses came or went (dirty); the next read fuses each
// of them again, once, however many writes touched it. Fusing after every
// write made loading N reports of one fact cost N² (each write re-fused
// every witness so far); fusing on the next read costs N log N for a
// load, and no more than before when reads and writes alternate.
//
// The indexes below are sorted id lists (index.go), brought up to date
// under the write lock by fusion (facts, events) and by Apply and
// DeleteArticle (entities, articles), so a read sees them whole and pages
// from its cursor without sorting.
type Store struct {
	mu        sync.RWMutex
	entities  map[string]*entity
	relations map[string]*graph.Relation // facts by id, shared so reads copy only what they return; Event is the first report's own event id
	events    map[string]graph.Event     // fused events by id
	eventOf   map[string]string          // a witness's own event id -> the fused event's id
	articles  map[string]*article
	relGroups map[string]*group[graph.RelationWitness]
	evGroups  map[string]*group[graph.EventWitness]
	byName    map[string]set // lower-cased canonical name -> entity ids
	byAlias   map[string]set // lower-cased alias -> entity ids
	out, in   index          // entity id -> ids of facts it is the source / target of
	loops     map[string]int // entity id -> how many of its facts are self-loops, in both out and in
	byType    index          // relation type -> ids of its facts, so a type filter reads only those
	byDate    ids            // dateKey of every dated fact, so a date range reads only those
	every     ids            // every fact's id, for the reads with no index to narrow them
	evOrder   ids            // eventKey of every event, in the order ListEvents pages them
	evAt      index          // place -> eventKey of the events there
	evWith    index          // participant -> eventKey of its events
	byKind    index          // entity kind -> ids of its entities, for paging entities
	articleID ids            // every article's id, for paging articles
	dirty     touched        // groups whose facts are stale until the next read fuses them
}

// entity is an entity with its mentions kept per article, so re-applying an
// article replaces just that article's mentions.
type entity struct {
	graph.Entity                            // Aliases sorted and unique; Mentions unused
	mentions     map[string][]graph.Mention // article id -> mentions sorted by start, end
	articles     []string                   // keys of mentions, sorted, so reads need not sort
	lower        []string                   // lower-cased name, then aliases, for substring search
	search       []graph.SearchName         // name, then aliases, for relevance search
}

// setMentions replaces the mentions one article holds; nil removes them.
func (e *entity) setMentions(article string, ms []graph.Mention) {
	i, found := slices.BinarySearch(e.articles, article)
	switch {
	case len(ms) == 0 && found:
		e.articles = slices.Delete(e.articles, i, i+1)
		delete(e.mentions, article)
	case len(ms) > 0 && !found:
		e.articles = slices.Insert(e.articles, i, article)
		fallthrough
	case len(ms) > 0:
		e.mentions[article] = ms
	}
}

// article is an article with what it contributed, for replacement.
type article struct {
	graph.Article
	relations []graph.RelationWitness
	events    []graph.EventWitness
	entities  set // entities holding mentions from this article
}

type set map[string]struct{}

func (s set) sorted() []string {
	out := make([]string, 0, len(s))
	for id := range s {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// New returns an empty store.
func New() *Store {
	return &Store{
		entities:  map[string]*entity{},
		relations: map[string]*graph.Relation{},
		events:    map[string]graph.Event{},
		eventOf:   map[string]string{},
		articles:  map[string]*article{},
		relGroups: map[string]*group[graph.RelationWitness]{},
		evGroups:  map[string]*group[graph.EventWitness]{},
		byName:    map[string]set{},
		byAlias:   map[string]set{},
		out:       newIndex(),
		in:        newIndex(),
		loops:     map[string]int{},
		byType:    newIndex(),
		evAt:      newIndex(),
		evWith:    newIndex(),
		byKind:    newIndex(),
		dirty:     touched{rels: set{}, events: set{}},
	}
}

func add(m map[string]set, key, id string) {
	s := m[key]
	if s == nil {
		s = set{}
		m[key] = s
	}
	s[id] = struct{}{}
}

func remove(m map[string]set, key, id string) {
	if s := m[key]; s != nil {
		delete(s, id)
		if len(s) == 0 {
			delete(m, key)
		}
	}
}

// Apply writes one article's batch; see graph.Store.
func (s *Store) Apply(ctx context.Context, b graph.Batch) error {
	return s.ApplyAll(ctx, []graph.Batch{b})
}

// ApplyAll writes several articles' batches at once; see graph.Store.
func (s *Store) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("apply: %w", err)
	}
	for _, b := range bs {
		if err := b.Validate(); err != nil {
			return fmt.Errorf("apply %s: %w", b.Article.ID, err)
		}
	}
	arts := make([]*article, len(bs))
	ps := make([]graph.Batch, len(bs))
	for i, b := range bs {
		ps[i] = prepare(b)
		rels, evs := graph.Witnesses(ps[i])
		arts[i] = &article{Article: ps[i].Article, relations: rels, events: evs, entities: set{}}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	for i, art := range arts {
		s.dropArticle(art.ID)
		s.articles[art.ID] = art
		s.articleID.add(art.ID) // re-applied: dropped and added back, which flush skips
		for _, e := range ps[i].Entities {
			s.mergeEntity(e, art)
		}
		s.place(art, false)
	}
	s.flushListings()
	return nil
}

// flushListings brings the entity and article indexes up to date after a
// write; the caller holds the write lock.
func (s *Store) flushListings() {
	s.byKind.flush()
	s.articleID.flush()
}

// rlock takes the read lock once no group is dirty, fusing the dirty ones
// under the write lock first: every read sees the facts of every write
// before it.
func (s *Store) rlock() {
	s.mu.RLock()
	for len(s.dirty.rels)+len(s.dirty.events) > 0 {
		s.mu.RUnlock()
		s.mu.Lock()
		s.settle()
		s.mu.Unlock()
		s.mu.RLock()
	}
}

func has(s set, key string) bool {
	_, ok := s[key]
	return ok
}

// prepare copies b into the shape the store keeps, so nothing the caller
// holds aliases the store's memory and the locked section cannot fail.
func prepare(b graph.Batch) graph.Batch {
	p := b.Stamped()
	for i := range p.Entities {
		e := &p.Entities[i]
		e.Aliases = sortedSet(e.Aliases)
		e.Lat, e.Lon = copyPtr(e.Lat), copyPtr(e.Lon)
	}
	for i := range p.Events {
		ev := &p.Events[i]
		sort.Slice(ev.Participants, func(i, j int) bool {
			a, b := ev.Participants[i], ev.Participants[j]
			if a.Entity != b.Entity {
				return a.Entity < b.Entity
			}
			return a.Role < b.Role
		})
		// A participant is a link, so stating it twice is stating it once, as Neo4j's MERGE stores it.
		ev.Participants = slices.Compact(ev.Participants)
		ev.Killed, ev.Injured = copyPtr(ev.Killed), copyPtr(ev.Injured)
	}
	return p
}

func sortedSet(in []string) []string {
	out := slices.Clone(in)
	sort.Strings(out)
	return slices.Compact(out)
}

func copyPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// dropArticle removes an article, its mentions and its witnesses, marking
// their groups dirty; its entities stay.
func (s *Store) dropArticle(id string) {
	old := s.articles[id]
	if old == nil {
		return
	}
	s.place(old, true)
	for eid := range old.entities {
		s.entities[eid].setMentions(id, nil)
	}
	delete(s.articles, id)
	s.articleID.remove(id)
}

// mergeEntity folds e, already prepared, into the store: aliases unioned,
// non-empty values win, this article's mentions replaced.
func (s *Store) mergeEntity(e graph.Entity, art *article) {
	cur := s.entities[e.ID]
	fresh := cur == nil
	if fresh {
		cur = &entity{Entity: graph.Entity{ID: e.ID}, mentions: map[string][]graph.Mention{}}
		s.entities[e.ID] = cur
	}
	if cur.Name != e.Name {
		if cur.Name != "" {
			remove(s.byName, strings.ToLower(cur.Name), e.ID)
		}
		cur.Name = e.Name
		add(s.byName, strings.ToLower(e.Name), e.ID)
	}
	if fresh || cur.Kind != e.Kind {
		s.byKind.remove(string(cur.Kind), e.ID)
		s.byKind.add(string(e.Kind), e.ID)
	}
	cur.Kind = e.Kind
	cur.TakeLocation(e)
	for _, a := range e.Aliases {
		add(s.byAlias, strings.ToLower(a), e.ID)
	}
	cur.Aliases = sortedSet(append(cur.Aliases, e.Aliases...))
	cur.lower = append(cur.lower[:0], strings.ToLower(cur.Name))
	cur.search = append(cur.search[:0], graph.NewSearchName(cur.Name))
	for _, a := range cur.Aliases {
		cur.lower = append(cur.lower, strings.ToLower(a))
		cur.search = append(cur.search, graph.NewSearchName(a))
	}

	// An entity listed twice in one batch keeps the mentions of both listings.
	ms := append(cur.mentions[art.ID], e.Mentions...)
	if len(ms) == 0 {
		return
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End < ms[j].End
	})
	cur.setMentions(art.ID, ms)
	art.entities[e.ID] = struct{}{}
}

// export copies an entity out, with its mentions (see mentionList) when
// mentions is set and none otherwise (graph.WithoutMentions).
func (e *entity) export(mentions bool) graph.Entity {
	out := e.Entity
	out.Aliases = slices.Clone(e.Aliases)
	out.Lat, out.Lon = copyPtr(e.Lat), copyPtr(e.Lon)
	out.Mentions = []graph.Mention{}
	if mentions {
		out.Mentions = e.mentionList()
	}
	return out
}

// mentionList copies the entity's mentions out, ordered by article.
func (e *entity) mentionList() []graph.Mention {
	n := 0
	for _, ms := range e.mentions {
		n += len(ms)
	}
	out := make([]graph.Mention, 0, n)
	for _, a := range e.articles {
		out = append(out, e.mentions[a]...)
	}
	return out
}

// MentionsOf returns the mentions of each entity; see graph.Store.
func (s *Store) MentionsOf(ctx context.Context, ids []string) (map[string][]graph.Mention, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("mentions of: %w", err)
	}
	s.rlock()
	defer s.mu.RUnlock()
	out := make(map[string][]graph.Mention, len(ids))
	for _, id := range ids {
		if e := s.entities[id]; e != nil && len(e.articles) > 0 {
			out[id] = e.mentionList()
		}
	}
	return out, nil
}

// exportRelation copies a fact out, its event the fused one; the caller
// holds the lock.
func (s *Store) exportRelation(r *graph.Relation) graph.Relation {
	out := r.Clone()
	out.Event = s.eventOf[r.Event]
	return out
}

// exportEdge is a relation as Neighborhood returns it: its Summary under
// graph.WithRelationSummaries, with no copy of the witnesses made first.
func (s *Store) exportEdge(r *graph.Relation, summary bool) graph.Relation {
	if !summary {
		return s.exportRelation(r)
	}
	out := r.Summary()
	out.Event = s.eventOf[r.Event]
	return out
}

func exportEvent(ev graph.Event) graph.Event { return ev.Clone() }

// Entities returns the entities with the given ids; see graph.Store.
func (s *Store) Entities(ctx context.Context, ids []string) ([]graph.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	s.rlock()
	defer s.mu.RUnlock()
	out := make([]graph.Entity, 0, len(ids))
	mentions := graph.MentionsWanted(ctx)
	for _, id := range ids {
		if e := s.entities[id]; e != nil {
			out = append(out, e.export(mentions))
		}
	}
	return out, nil
}

// FindEntity looks an entity up by name or alias; see graph.Store.
func (s *Store) FindEntity(ctx context.Context, name string) (graph.Entity, error) {
	if err := ctx.Err(); err != nil {
		return graph.Entity{}, fmt.Errorf("find entity: %w", err)
	}
	key := strings.ToLower(name)
	s.rlock()
	defer s.mu.RUnlock()
	for _, index := range []map[string]set{s.byName, s.byAlias} {
		if ids := index[key]; len(ids) > 0 {
			return s.entities[minKey(ids)].export(graph.MentionsWanted(ctx)), nil
		}
	}
	return graph.Entity{}, fmt.Errorf("find entity %q: %w", name, graph.ErrNotFound)
}

func minKey(s set) string {
	first := true
	var m string
	for k := range s {
		if first || k < m {
			m, first = k, false
		}
	}
	return m
}

// Match ranks for SearchEntities, best first.
const (
	rankExact = iota
	rankPrefix
	rankSubstring
	rankNone
)

// rank says how lower-cased s matches lower-cased q.
func rank(s, q string) int {
	switch {
	case s == q:
		return rankExact
	case strings.HasPrefix(s, q):
		return rankPrefix
	case strings.Contains(s, q):
		return rankSubstring
	}
	return rankNone
}

// SearchEntities ranks entities by how well a name or alias matches; see
// graph.Store. A scan is fast enough for the few thousand entities a news
// corpus yields.
func (s *Store) SearchEntities(ctx context.Context, f graph.EntityFilter) ([]graph.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search entities: %w", err)
	}
	q := strings.ToLower(f.Search)
	type hit struct {
		e    *entity
		rank int
	}
	s.rlock()
	defer s.mu.RUnlock()
	var hits []hit
	for _, e := range s.entities {
		if f.Kind != "" && e.Kind != f.Kind {
			continue
		}
		best := rankNone
		for _, l := range e.lower {
			best = min(best, rank(l, q))
		}
		if best != rankNone {
			hits = append(hits, hit{e, best})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.e.Name != b.e.Name {
			return a.e.Name < b.e.Name
		}
		return a.e.ID < b.e.ID
	})
	if f.Limit > 0 && len(hits) > f.Limit {
		hits = hits[:f.Limit]
	}
	out := make([]graph.Entity, len(hits))
	mentions := graph.MentionsWanted(ctx)
	for i, h := range hits {
		out[i] = h.e.export(mentions)
	}
	return out, nil
}

// typeSet checks types against the vocabulary; nil means any type.
func typeSet(types []graph.RelType) (map[graph.RelType]bool, error) {
	if len(types) == 0 {
		return nil, nil
	}
	m := make(map[graph.RelType]bool, len(types))
	for _, t := range types {
		if !t.Valid() {
			return nil, fmt.Errorf("%w: relation type %q is not in the vocabulary", graph.ErrInvalid, t)
		}
		m[t] = true
	}
	return m, nil
}

// selector is a checked RelationFilter.
type selector struct {
	f       graph.RelationFilter
	types   map[graph.RelType]bool // nil: any
	out, in bool                   // which ends of an entity to look at
}

func newSelector(f graph.RelationFilter) (selector, error) {
	types, err := typeSet(f.Types)
	if err != nil {
		return selector{}, err
	}
	sel := selector{f: f, types: types}
	switch f.Direction {
	case graph.Out:
		sel.out = true
	case graph.In:
		sel.in = true
	case graph.Both, "":
		sel.out, sel.in = true, true
	default:
		return selector{}, fmt.Errorf("%w: direction %q is not OUT, IN or BOTH", graph.ErrInvalid, f.Direction)
	}
	return sel, nil
}

// Relations lists relations matching f, sorted by id; see graph.Store.
func (s *Store) Relations(ctx context.Context, f graph.RelationFilter) ([]graph.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	sel, err := newSelector(f)
	if err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}

	s.rlock()
	defer s.mu.RUnlock()
	if f.Entity != "" {
		return s.relationsAt(f.Entity, sel), nil
	}
	var lists [][]string
	switch {
	case f.Article != "":
		lists = [][]string{s.factsOf(f.Article)}
	case sel.types != nil:
		lists = s.ofTypes(sel.types)
	default:
		lists = [][]string{s.every.sorted}
	}
	return s.pick(merged(lists, f.After), sel), nil
}

// ofTypes lists the sorted ids of the facts of each of the given types;
// the caller holds the lock.
func (s *Store) ofTypes(types map[graph.RelType]bool) [][]string {
	out := make([][]string, 0, len(types))
	for t := range types {
		out = append(out, s.byType.get(string(t)))
	}
	return out
}

// relationsAt lists the relations sel selects at one entity, ignoring
// sel.f.Entity; the caller holds the lock.
func (s *Store) relationsAt(id string, sel selector) []graph.Relation {
	return s.pick(merged(s.touching(id, sel), sel.f.After), sel)
}

// countAt counts the relations relationsAt would return, unpaged; the
// caller holds the lock.
func (s *Store) countAt(id string, sel selector) int {
	if sel.types == nil && sel.f.Article == "" {
		n := total(s.touching(id, sel))
		if sel.out && sel.in {
			n -= s.loops[id] // a self-loop is in both lists
		}
		return n
	}
	n := 0
	for rid := range merged(s.touching(id, sel), "") {
		if s.passes(rid, sel) {
			n++
		}
	}
	return n
}

// touching is the sorted lists of the relations at an entity on sel's ends.
func (s *Store) touching(id string, sel selector) [][]string {
	var lists [][]string
	if sel.out {
		lists = append(lists, s.out.get(id))
	}
	if sel.in {
		lists = append(lists, s.in.get(id))
	}
	return lists
}

// passes reports whether relation id passes sel's type and article.
func (s *Store) passes(id string, sel selector) bool {
	r := s.relations[id]
	return (sel.types == nil || sel.types[r.Type]) && (sel.f.Article == "" || witnessed(r.Witnesses, sel.f.Article))
}

// pick copies out the relations of ids, in order, that pass sel's type
// and article, up to sel's limit.
func (s *Store) pick(ids iter.Seq[string], sel selector) []graph.Relation {
	var rs []graph.Relation
	for id := range ids {
		if !s.passes(id, sel) {
			continue
		}
		rs = append(rs, s.exportRelation(s.relations[id]))
		if sel.f.Limit > 0 && len(rs) == sel.f.Limit {
			break
		}
	}
	return rs
}

// Events returns the events with the given ids; see graph.Store.
func (s *Store) Events(ctx context.Context, ids []string) ([]graph.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	s.rlock()
	defer s.mu.RUnlock()
	out := make([]graph.Event, 0, len(ids))
	for _, id := range ids {
		if ev, ok := s.events[id]; ok {
			out = append(out, exportEvent(ev))
		}
	}
	return out, nil
}

// Articles returns the articles with the given ids; see graph.Store.
func (s *Store) Articles(ctx context.Context, ids []string) ([]graph.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	s.rlock()
	defer s.mu.RUnlock()
	out := make([]graph.Article, 0, len(ids))
	for _, id := range ids {
		if a := s.articles[id]; a != nil {
			out = append(out, a.Article)
		}
	}
	return out, nil
}

// Neighborhood walks q.Types relations breadth-first; see graph.Store.
func (s *Store) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (graph.Subgraph, error) {
	if err := ctx.Err(); err != nil {
		return graph.Subgraph{}, fmt.Errorf("neighborhood: %w", err)
	}
	types, err := typeSet(q.Types)
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("neighborhood: %w", err)
	}
	depth := graph.ClampDepth(q.Depth)
	limit := q.Limit
	if limit <= 0 {
		limit = graph.DefaultNeighborhoodLimit
	}

	s.rlock()
	defer s.mu.RUnlock()
	if s.entities[q.ID] == nil {
		return graph.Subgraph{}, fmt.Errorf("neighborhood %s: %w", q.ID, graph.ErrNotFound)
	}
	// The entities fewer than depth hops away: the last hop's far ends
	// are not walked from.
	walked := []string{q.ID}
	seen := set{q.ID: {}}
	frontier := walked
	for hop := 1; hop < depth && len(frontier) > 0; hop++ {
		var next []string
		for _, id := range frontier {
			for _, l := range [][]string{s.out.get(id), s.in.get(id)} {
				for _, rid := range l {
					r := s.relations[rid]
					if types != nil && !types[r.Type] {
						continue
					}
					for _, end := range []string{r.Source, r.Target} {
						if _, ok := seen[end]; !ok {
							seen[end] = struct{}{}
							next = append(next, end)
						}
					}
				}
			}
		}
		walked = append(walked, next...)
		frontier = next
	}

	// The relations touching them, smallest ids first, read only as far as
	// the limit: the answer's cost follows the limit, not their degrees.
	lists := make([][]string, 0, 2*len(walked))
	for _, id := range walked {
		lists = append(lists, s.out.get(id), s.in.get(id))
	}
	var sub graph.Subgraph
	ends := []string{q.ID}
	summaries := graph.RelationSummariesOnly(ctx)
	for rid := range merged(lists, "") {
		r := s.relations[rid]
		if types != nil && !types[r.Type] {
			continue
		}
		sub.Relations = append(sub.Relations, s.exportEdge(r, summaries))
		ends = append(ends, r.Source, r.Target)
		if len(sub.Relations) == limit {
			break
		}
	}
	slices.Sort(ends)
	ends = slices.Compact(ends)
	mentions := graph.MentionsWanted(ctx)
	sub.Entities = make([]graph.Entity, len(ends))
	for i, id := range ends {
		sub.Entities[i] = s.entities[id].export(mentions)
	}
	return sub, nil
}

// Close does nothing: the store holds no outside resources.
func (s *Store) Close(context.Context) error { return nil }
