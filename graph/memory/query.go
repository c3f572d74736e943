package memory

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Relation reads start from the sorted indexes of index.go. The other
// reads over whole collections scan: fast enough for the few thousand
// entities and events a news corpus yields, and every filter reads like
// its contract.

// Search scores every entity with graph.SearchScore; see graph.Store.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) ([]graph.SearchHit, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	limit, _ := graph.Page{Limit: q.Limit}.Size()
	kinds := setOf(q.Kinds)
	searcher := graph.NewSearcher(q.Text)
	if len(searcher.Tokens()) == 0 {
		return nil, nil
	}
	type hit struct {
		e     *entity
		score float64
	}
	s.rlock()
	defer s.mu.RUnlock()
	var hits []hit
	for _, e := range s.entities {
		if kinds != nil && !kinds[e.Kind] {
			continue
		}
		if score := searcher.Score(e.search); score > 0 {
			hits = append(hits, hit{e, score})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.e.Name != b.e.Name {
			return a.e.Name < b.e.Name
		}
		return a.e.ID < b.e.ID
	})
	hits = hits[:min(len(hits), limit)]
	out := make([]graph.SearchHit, len(hits))
	mentions := graph.MentionsWanted(ctx)
	for i, h := range hits {
		out[i] = graph.SearchHit{Entity: h.e.export(mentions), Score: h.score}
	}
	return out, nil
}

// setOf is a membership set; nil (any value) for an empty filter.
func setOf[T comparable](values []T) map[T]bool {
	if len(values) == 0 {
		return nil
	}
	m := make(map[T]bool, len(values))
	for _, v := range values {
		m[v] = true
	}
	return m
}

// page cuts ids, sorted, to the ones after the cursor, at most limit.
func page(ids []string, after string, limit int) []string {
	ids = ids[above(ids, after):]
	return ids[:min(len(ids), limit)]
}

// ListEntities pages through entities by id; see graph.Store.
func (s *Store) ListEntities(ctx context.Context, q graph.EntityQuery) ([]graph.Entity, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("list entities: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, 0, fmt.Errorf("list entities: %w", err)
	}
	limit, _ := q.Size()
	kinds := setOf(q.Kinds)
	sub := strings.ToLower(q.NameContains)
	s.rlock()
	defer s.mu.RUnlock()
	var lists [][]string
	for kind, l := range s.byKind.lists {
		if kinds == nil || kinds[graph.Kind(kind)] {
			lists = append(lists, l.sorted)
		}
	}
	out := []graph.Entity{}
	mentions := graph.MentionsWanted(ctx)
	if sub == "" {
		// The kinds' lists are just the matches: count them, read only the page.
		for id := range merged(lists, q.After) {
			if len(out) == limit {
				break
			}
			out = append(out, s.entities[id].export(mentions))
		}
		return out, total(lists), nil
	}
	n := 0
	for id := range merged(lists, "") {
		e := s.entities[id]
		if !slices.ContainsFunc(e.lower, func(l string) bool { return strings.Contains(l, sub) }) {
			continue
		}
		n++
		if id > q.After && len(out) < limit {
			out = append(out, e.export(mentions))
		}
	}
	return out, n, nil
}

// ListRelations pages through relations by id; see graph.Store.
func (s *Store) ListRelations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, int, error) {
	p, err := s.listRelations(ctx, q, false)
	if err != nil {
		return nil, 0, fmt.Errorf("list relations: %w", err)
	}
	return p.Relations, p.Total, nil
}

// ListRelationsWithRefs answers ListRelations with the ends and articles
// of its relations, read under the same lock; see graph.RefsReader.
func (s *Store) ListRelationsWithRefs(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	p, err := s.listRelations(ctx, q, true)
	if err != nil {
		return graph.RelationPage{}, fmt.Errorf("list relations with refs: %w", err)
	}
	return p, nil
}

// listRelations reads one page of relations matching q and, when
// withRefs, the entities at their ends, without mentions, and their
// articles, each sorted by id.
func (s *Store) listRelations(ctx context.Context, q graph.RelationQuery, withRefs bool) (graph.RelationPage, error) {
	if err := ctx.Err(); err != nil {
		return graph.RelationPage{}, err
	}
	if err := q.Validate(); err != nil {
		return graph.RelationPage{}, err
	}
	limit, _ := q.Size()
	types, classes, statuses := setOf(q.Types), setOf(q.Classes), setOf(q.Statuses)
	dated := q.Since != "" || q.Until != ""
	match := func(r *graph.Relation) bool {
		switch {
		case types != nil && !types[r.Type],
			classes != nil && !classes[r.Class],
			statuses != nil && !statuses[r.Status],
			q.Source != "" && r.Source != q.Source,
			q.Target != "" && r.Target != q.Target,
			q.Article != "" && !witnessed(r.Witnesses, q.Article),
			r.Sources < q.MinSources,
			q.Contested != nil && r.Contested != *q.Contested,
			dated && (r.Date == "" || q.Since != "" && r.Date < q.Since || q.Until != "" && r.Date > q.Until):
			return false
		}
		return true
	}

	s.rlock()
	defer s.mu.RUnlock()
	lists, exact := s.candidates(q, types)
	p := graph.RelationPage{Relations: []graph.Relation{}}
	ends, articles := set{}, set{}
	take := func(id string) {
		r := s.exportRelation(s.relations[id])
		p.Relations = append(p.Relations, r)
		if withRefs {
			ends[r.Source], ends[r.Target], articles[r.Article] = struct{}{}, struct{}{}, struct{}{}
		}
	}
	if exact {
		// The index holds just the matches: count them, read only the page.
		p.Total = total(lists)
		for id := range merged(lists, q.After) {
			if len(p.Relations) == limit {
				break
			}
			take(id)
		}
	} else {
		for id := range merged(lists, "") {
			if !match(s.relations[id]) {
				continue
			}
			p.Total++
			if id > q.After && len(p.Relations) < limit {
				take(id)
			}
		}
	}
	if !withRefs {
		return p, nil
	}
	p.Ends, p.Articles = []graph.Entity{}, []graph.Article{}
	for _, id := range ends.sorted() {
		if e := s.entities[id]; e != nil {
			p.Ends = append(p.Ends, e.export(false))
		}
	}
	for _, id := range articles.sorted() {
		if a := s.articles[id]; a != nil {
			p.Articles = append(p.Articles, a.Article)
		}
	}
	return p, nil
}

// candidates picks the smallest index q's filter allows and returns its
// sorted id lists, and whether they hold exactly the matches of q, no
// other condition left to check; the caller holds the lock.
func (s *Store) candidates(q graph.RelationQuery, types map[graph.RelType]bool) (lists [][]string, exact bool) {
	conds := 0
	for _, on := range []bool{
		types != nil, len(q.Classes) > 0, len(q.Statuses) > 0, q.Source != "", q.Target != "",
		q.Article != "", q.MinSources > 0, q.Contested != nil, q.Since != "" || q.Until != "",
	} {
		if on {
			conds++
		}
	}
	var size int
	consider := func(ls ...[]string) {
		if n := total(ls); lists == nil || n < size {
			lists, size = ls, n
		}
	}
	if q.Source != "" {
		consider(s.out.get(q.Source))
	}
	if q.Target != "" {
		consider(s.in.get(q.Target))
	}
	if types != nil {
		consider(s.ofTypes(types)...)
	}
	if q.Article != "" {
		consider(s.factsOf(q.Article))
	}
	if q.Since != "" || q.Until != "" {
		// A date range is sorted by id only when it is the smallest.
		if from, n := between(s.byDate.sorted, q.Since, q.Until); lists == nil || n < size {
			lists, size = [][]string{idsOf(s.byDate.sorted[from : from+n])}, n
		}
	}
	if lists == nil {
		return [][]string{s.every.sorted}, conds == 0
	}
	return lists, conds == 1
}

// total counts the ids of several lists.
func total(lists [][]string) int {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	return n
}

// ListEvents pages through events by date, then id; see graph.Store.
func (s *Store) ListEvents(ctx context.Context, q graph.EventQuery) ([]graph.Event, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("list events: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, 0, fmt.Errorf("list events: %w", err)
	}
	limit, _ := q.Size()
	types := setOf(q.Types)
	dated := q.Since != "" || q.Until != ""
	match := func(ev graph.Event) bool {
		switch {
		case types != nil && !types[ev.Type],
			q.Place != "" && ev.Place != q.Place,
			q.Participant != "" && !slices.ContainsFunc(ev.Participants, func(p graph.Participant) bool { return p.Entity == q.Participant }),
			q.Article != "" && !witnessed(ev.Witnesses, q.Article),
			ev.Sources < q.MinSources,
			q.Contested != nil && ev.Contested != *q.Contested,
			q.MinKilled > 0 && (ev.Killed == nil || *ev.Killed < q.MinKilled),
			dated && (ev.Date == "" || q.Since != "" && ev.Date < q.Since || q.Until != "" && ev.Date > q.Until):
			return false
		}
		return true
	}

	s.rlock()
	defer s.mu.RUnlock()
	// Start from the smallest list of events, in page order: no sort, and
	// a date range is a run of each.
	keys, narrowed := s.evOrder.sorted, false
	for _, c := range []struct {
		id string
		at index
	}{{q.Participant, s.evWith}, {q.Place, s.evAt}} {
		if l := c.at.get(c.id); c.id != "" && (!narrowed || len(l) < len(keys)) {
			keys, narrowed = l, true
		}
	}
	if dated {
		keys = eventsBetween(keys, q.Since, q.Until)
	}
	after := ""
	if q.After != "" {
		date, id, _ := graph.ParseEventKey(q.After)
		after = eventKey(date, id)
	}
	conds := 0
	for _, on := range []bool{
		types != nil, q.Place != "", q.Participant != "", q.Article != "",
		q.MinSources > 0, q.Contested != nil, q.MinKilled > 0,
	} {
		if on {
			conds++
		}
	}
	out := []graph.Event{}
	if conds == 0 || conds == 1 && narrowed {
		// The keys are just the matches: count them, read only the page.
		page := keys[above(keys, after):]
		for _, k := range page[:min(len(page), limit)] {
			out = append(out, exportEvent(s.events[keyID(k)]))
		}
		return out, len(keys), nil
	}
	total := 0
	for _, k := range keys {
		ev := s.events[keyID(k)]
		if !match(ev) {
			continue
		}
		total++
		if k > after && len(out) < limit {
			out = append(out, exportEvent(ev))
		}
	}
	return out, total, nil
}

// ListArticles pages through articles by id; see graph.Store.
func (s *Store) ListArticles(ctx context.Context, q graph.ArticleQuery) ([]graph.Article, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("list articles: %w", err)
	}
	if err := q.Validate(); err != nil {
		return nil, 0, fmt.Errorf("list articles: %w", err)
	}
	limit, _ := q.Size()
	s.rlock()
	defer s.mu.RUnlock()
	ids := s.articleID.sorted
	out := []graph.Article{}
	for _, id := range page(ids, q.After, limit) {
		out = append(out, s.articles[id].Article)
	}
	return out, len(ids), nil
}

// RelationsOf answers Relations for many entities under one lock; see
// graph.Store.
func (s *Store) RelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, error) {
	out, _, err := s.relationsOf(ctx, ids, f, false)
	if err != nil {
		return nil, fmt.Errorf("relations of: %w", err)
	}
	return out, nil
}

// RelationsOfWithEnds answers RelationsOf with the entities at the ends
// of its relations, read under the same lock; see graph.EndsReader.
func (s *Store) RelationsOfWithEnds(ctx context.Context, ids []string, f graph.RelationFilter) (map[string][]graph.Relation, []graph.Entity, error) {
	out, ends, err := s.relationsOf(ctx, ids, f, true)
	if err != nil {
		return nil, nil, fmt.Errorf("relations of with ends: %w", err)
	}
	return out, ends, nil
}

// relationsOf answers RelationsOf, and when withEnds the entities at the
// ends of its relations, without mentions, sorted by id.
func (s *Store) relationsOf(ctx context.Context, ids []string, f graph.RelationFilter, withEnds bool) (map[string][]graph.Relation, []graph.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	sel, err := newSelector(f)
	if err != nil {
		return nil, nil, err
	}
	s.rlock()
	defer s.mu.RUnlock()
	out := map[string][]graph.Relation{}
	ends := set{}
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		rs := s.relationsAt(id, sel)
		if len(rs) == 0 {
			continue
		}
		out[id] = rs
		for _, r := range rs {
			if withEnds {
				ends[r.Source], ends[r.Target] = struct{}{}, struct{}{}
			}
		}
	}
	if !withEnds {
		return out, nil, nil
	}
	es := make([]graph.Entity, 0, len(ends))
	for _, id := range ends.sorted() {
		if e := s.entities[id]; e != nil {
			es = append(es, e.export(false))
		}
	}
	return out, es, nil
}

// CountRelationsOf counts what RelationsOf would return, unpaged; see
// graph.Store.
func (s *Store) CountRelationsOf(ctx context.Context, ids []string, f graph.RelationFilter) (map[string]int, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("count relations of: %w", err)
	}
	f.After, f.Limit = "", 0
	sel, err := newSelector(f)
	if err != nil {
		return nil, fmt.Errorf("count relations of: %w", err)
	}
	s.rlock()
	defer s.mu.RUnlock()
	out := map[string]int{}
	for _, id := range ids {
		if n := s.countAt(id, sel); n > 0 {
			out[id] = n
		}
	}
	return out, nil
}

// ShortestPath finds the smallest-ids shortest path breadth-first; see
// graph.Store.
func (s *Store) ShortestPath(ctx context.Context, q graph.PathQuery) ([]graph.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("shortest path: %w", err)
	}
	types, err := typeSet(q.Types)
	if err != nil {
		return nil, fmt.Errorf("shortest path: %w", err)
	}
	hops := graph.ClampHops(q.MaxHops)
	s.rlock()
	defer s.mu.RUnlock()
	for _, id := range []string{q.From, q.To} {
		if s.entities[id] == nil {
			return nil, fmt.Errorf("shortest path %s to %s: entity %s: %w", q.From, q.To, id, graph.ErrNotFound)
		}
	}
	if q.From == q.To {
		return []graph.Relation{}, nil
	}
	// Hops from every entity within reach to q.To, then from q.From always
	// the smallest relation id that gets one hop closer: that sequence is the
	// least among all shortest paths.
	type step struct {
		rel  string
		next string
	}
	steps := func(id string) []step {
		var out []step
		for _, rid := range s.out.get(id) {
			if r := s.relations[rid]; types == nil || types[r.Type] {
				out = append(out, step{rid, r.Target})
			}
		}
		for _, rid := range s.in.get(id) {
			if r := s.relations[rid]; types == nil || types[r.Type] {
				out = append(out, step{rid, r.Source})
			}
		}
		return out
	}
	dist := map[string]int{q.To: 0}
	frontier := []string{q.To}
	for d := 1; d <= hops && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, st := range steps(id) {
				if _, seen := dist[st.next]; !seen {
					dist[st.next] = d
					next = append(next, st.next)
				}
			}
		}
		if _, found := dist[q.From]; found {
			break
		}
		frontier = next
	}
	k, found := dist[q.From]
	if !found {
		return nil, nil
	}
	path := make([]graph.Relation, 0, k)
	for at := q.From; k > 0; k-- {
		best := step{}
		for _, st := range steps(at) {
			if d, ok := dist[st.next]; ok && d == k-1 && (best.rel == "" || st.rel < best.rel) {
				best = st
			}
		}
		path = append(path, s.exportRelation(s.relations[best.rel]))
		at = best.next
	}
	return path, nil
}

// Stats counts the whole graph; see graph.Store.
func (s *Store) Stats(ctx context.Context, topN int) (graph.Stats, error) {
	if err := ctx.Err(); err != nil {
		return graph.Stats{}, fmt.Errorf("stats: %w", err)
	}
	if err := graph.CheckTopN(topN); err != nil {
		return graph.Stats{}, fmt.Errorf("stats: %w", err)
	}
	s.rlock()
	defer s.mu.RUnlock()
	st := graph.Stats{
		Entities: len(s.entities), Relations: len(s.relations),
		Events: len(s.events), Articles: len(s.articles),
	}
	byClass, byType := map[string]int{}, map[string]int{}
	degree := map[string]int{}
	for _, a := range s.articles {
		st.RawRelations += len(a.relations)
		st.RawEvents += len(a.events)
	}
	for _, r := range s.relations {
		byClass[string(r.Class)]++
		byType[string(r.Type)]++
		degree[r.Source]++
		if r.Target != r.Source {
			degree[r.Target]++
		}
	}
	st.ByClass, st.ByType = graph.SortCounts(byClass), graph.SortCounts(byType)
	for id, d := range degree {
		st.TopEntities = append(st.TopEntities, graph.EntityDegree{Entity: id, Degree: d})
	}
	slices.SortFunc(st.TopEntities, func(a, b graph.EntityDegree) int {
		return cmp.Or(cmp.Compare(b.Degree, a.Degree), strings.Compare(a.Entity, b.Entity))
	})
	st.TopEntities = st.TopEntities[:min(len(st.TopEntities), topN)]
	for _, id := range keysOf(s.articles) {
		a := s.articles[id]
		st.PerArticle = append(st.PerArticle, graph.ArticleCount{
			Article: id, Entities: len(a.entities), Relations: len(a.relations), Events: len(a.events),
		})
	}
	return st, nil
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// DeleteArticle removes an article and what only it supported; see
// graph.Store.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete article %s: %w", id, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.articles[id]
	if old == nil {
		return fmt.Errorf("delete article %s: %w", id, graph.ErrNotFound)
	}
	// The entities the article's content touched are the only ones it can orphan.
	touched := set{}
	for eid := range old.entities {
		touched[eid] = struct{}{}
	}
	for _, r := range old.relations {
		for _, eid := range []string{r.Source, r.Target, r.ClaimedBy} {
			touched[eid] = struct{}{}
		}
	}
	for _, ev := range old.events {
		touched[ev.Place] = struct{}{}
		for _, p := range ev.Participants {
			touched[p.Entity] = struct{}{}
		}
	}
	s.dropArticle(id)
	s.settle() // which entities are left unreferenced is read from the facts

	// What the remaining witnesses name stays.
	referenced := set{}
	for _, a := range s.articles {
		for _, r := range a.relations {
			referenced[r.ClaimedBy] = struct{}{}
		}
		for _, ev := range a.events {
			referenced[ev.Place] = struct{}{}
			for _, p := range ev.Participants {
				referenced[p.Entity] = struct{}{}
			}
		}
	}
	for eid := range touched {
		e := s.entities[eid]
		if e == nil || len(e.articles) > 0 || len(s.out.get(eid)) > 0 || len(s.in.get(eid)) > 0 {
			continue
		}
		if _, ok := referenced[eid]; ok {
			continue
		}
		remove(s.byName, strings.ToLower(e.Name), eid)
		for _, a := range e.Aliases {
			remove(s.byAlias, strings.ToLower(a), eid)
		}
		s.byKind.remove(string(e.Kind), eid)
		delete(s.entities, eid)
	}
	s.flushListings()
	return nil
}
