package memory

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestTypeIndex checks that listing relations by type, which reads the
// type index, finds what filtering every relation by type finds, after
// articles come, change a fact's type and go.
func TestTypeIndex(t *testing.T) {
	ctx := context.Background()
	s := New()
	for i := range 300 {
		if err := s.Apply(ctx, indexBatch(i)); err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
	}
	// Article 5's fact becomes a call: it must leave the MEETS index.
	b := indexBatch(5)
	b.Relations[0].Type = "CALLS"
	if err := s.Apply(ctx, b); err != nil {
		t.Fatalf("reapply 5 as CALLS: %v", err)
	}
	for _, id := range []int{0, 100, 7, 8} {
		if err := s.DeleteArticle(ctx, fmt.Sprintf("article:%05d", id)); err != nil {
			t.Fatalf("delete %d: %v", id, err)
		}
	}

	// The index holds each fact once, under its type, and nothing else:
	// a stale id would still be filtered out, but would leak.
	indexed := 0
	for typ, ids := range s.byType.lists {
		for _, id := range ids.sorted {
			indexed++
			if r, ok := s.relations[id]; !ok || string(r.Type) != typ {
				t.Errorf("type index: %s under %s, want it under its own type (present: %v, type %q)", id, typ, ok, r.Type)
			}
		}
	}
	if indexed != len(s.relations) {
		t.Errorf("type index: got %d ids, want one per fact, %d", indexed, len(s.relations))
	}

	all, _, err := s.ListRelations(ctx, graph.RelationQuery{Page: graph.Page{Limit: graph.MaxPageSize}})
	if err != nil {
		t.Fatalf("list all: %v", err)
	}
	for _, types := range [][]graph.RelType{{"STRUCK"}, {"MEETS"}, {"CALLS"}, {"STRUCK", "CALLS", "STRUCK"}, {"HOSTED"}} {
		var want []string
		for _, r := range all {
			if slices.Contains(types, r.Type) {
				want = append(want, r.ID)
			}
		}
		listed, total, err := s.ListRelations(ctx, graph.RelationQuery{Types: types, Page: graph.Page{Limit: graph.MaxPageSize}})
		if err != nil {
			t.Fatalf("list %v: %v", types, err)
		}
		rels, err := s.Relations(ctx, graph.RelationFilter{Types: types})
		if err != nil {
			t.Fatalf("relations %v: %v", types, err)
		}
		for what, got := range map[string][]graph.Relation{"ListRelations": listed, "Relations": rels} {
			ids := make([]string, len(got))
			for i, r := range got {
				ids[i] = r.ID
			}
			if !slices.Equal(ids, want) {
				t.Errorf("%s %v: got %d ids %v, want %d %v", what, types, len(ids), ids, len(want), want)
			}
		}
		if total != len(want) {
			t.Errorf("ListRelations %v: got total %d, want %d", types, total, len(want))
		}
	}
}

// churnBatch is article i in one of several versions: it states facts
// among a few shared entities (so facts fuse across articles and hubs
// form), of a type, date and direction the version picks, with a
// self-loop now and then.
func churnBatch(i, version int) graph.Batch {
	art := fmt.Sprintf("article:%03d", i)
	text := fmt.Sprintf("Article %d, version %d.", i, version)
	ev := []graph.Evidence{{Start: 0, End: len(text), Text: text}}
	ent := func(n int) string { return fmt.Sprintf("person:e%d", n%6) }
	types := []graph.RelType{"MEETS", "CALLS", "STRUCK"}
	dates := []string{"", "2025-05", "2025-05-03", "2025-05-17", "2024-12-31"}
	b := graph.Batch{Article: graph.Article{ID: art, Title: text, Text: text}}
	for n := range 6 {
		kind := []graph.Kind{graph.Person, graph.Country, graph.Organization}[(n+version)%3]
		b.Entities = append(b.Entities, graph.Entity{ID: ent(n), Name: fmt.Sprintf("E%d", n), Kind: kind})
	}
	for k := range 3 {
		src, tgt := ent(i+k), ent(i*version+2*k+1)
		if (i+k+version)%7 == 0 {
			tgt = src
		}
		if version%2 == 1 {
			src, tgt = tgt, src
		}
		b.Relations = append(b.Relations, graph.Relation{
			ID: fmt.Sprintf("%s:r%d", art, k), Type: types[(i+k*version)%len(types)], Class: "CONSULT",
			Source: src, Target: tgt, Date: dates[(i+k+version)%len(dates)], Evidence: ev,
		})
	}
	for k := range 2 {
		e := graph.Event{
			ID: fmt.Sprintf("%s:ev%d", art, k), Type: []graph.Class{"ASSAULT", "CONSULT"}[(i+k+version)%2],
			Label: text, Date: dates[(i+2*k+version)%len(dates)], Evidence: ev,
			Participants: []graph.Participant{
				{Entity: ent(i + k), Role: graph.RoleSource},
				{Entity: ent(i*version + k + 3), Role: graph.RoleTarget},
			},
		}
		if (i+k)%3 != 0 {
			e.Place = ent(i + version + 2*k)
		}
		b.Events = append(b.Events, e)
	}
	return b
}

// checkIndexes compares every index with one built afresh from the facts
// and events: one missing from an index, or an id a write left behind,
// fails.
func checkIndexes(t *testing.T, step string, s *Store) {
	t.Helper()
	s.rlock() // settles the pending fusion first
	defer s.mu.RUnlock()
	out, in, byType := map[string][]string{}, map[string][]string{}, map[string][]string{}
	loops := map[string]int{}
	var every, byDate []string
	for id, r := range s.relations {
		out[r.Source] = append(out[r.Source], id)
		in[r.Target] = append(in[r.Target], id)
		byType[string(r.Type)] = append(byType[string(r.Type)], id)
		every = append(every, id)
		if r.Date != "" {
			byDate = append(byDate, dateKey(r.Date, id))
		}
		if r.Source == r.Target {
			loops[r.Source]++
		}
	}
	evAt, evWith := map[string][]string{}, map[string][]string{}
	var evOrder []string
	for id, ev := range s.events {
		key := eventKey(ev.Date, id)
		evOrder = append(evOrder, key)
		if ev.Place != "" {
			evAt[ev.Place] = append(evAt[ev.Place], key)
		}
		var with []string
		for _, p := range ev.Participants {
			with = append(with, p.Entity)
		}
		slices.Sort(with)
		for _, e := range slices.Compact(with) {
			evWith[e] = append(evWith[e], key)
		}
	}
	byKind := map[string][]string{}
	for id, e := range s.entities {
		byKind[string(e.Kind)] = append(byKind[string(e.Kind)], id)
	}
	checkIndex(t, step+": byKind", s.byKind, byKind)
	checkIDs(t, step+": articleID", s.articleID, slices.Collect(maps.Keys(s.articles)))
	checkIndex(t, step+": out", s.out, out)
	checkIndex(t, step+": in", s.in, in)
	checkIndex(t, step+": byType", s.byType, byType)
	checkIndex(t, step+": evAt", s.evAt, evAt)
	checkIndex(t, step+": evWith", s.evWith, evWith)
	checkIDs(t, step+": every", s.every, every)
	checkIDs(t, step+": byDate", s.byDate, byDate)
	checkIDs(t, step+": evOrder", s.evOrder, evOrder)
	if !maps.Equal(s.loops, loops) {
		t.Errorf("%s: self-loops: got %v, want %v", step, s.loops, loops)
	}
}

func checkIndex(t *testing.T, what string, got index, want map[string][]string) {
	t.Helper()
	if len(got.stale) > 0 || len(got.lists) != len(want) {
		t.Errorf("%s: %d keys, %d not flushed; want %d keys", what, len(got.lists), len(got.stale), len(want))
	}
	for key, ids := range want {
		slices.Sort(ids)
		if l := got.get(key); !slices.Equal(l, ids) {
			t.Errorf("%s of %s: got %q, want %q", what, key, l, ids)
		}
	}
}

func checkIDs(t *testing.T, what string, got ids, want []string) {
	t.Helper()
	slices.Sort(want)
	if len(got.pending) > 0 || !slices.Equal(got.sorted, want) {
		t.Errorf("%s: got %q (%d pending), want %q", what, got.sorted, len(got.pending), want)
	}
}

// TestIndexesFollowWrites checks the relation indexes after every kind of
// write: articles added, re-ingested with facts that change type,
// direction and date, deleted (a fused fact then takes the next witness's
// id), and ingested again after deletion, several in one ApplyAll too.
func TestIndexesFollowWrites(t *testing.T) {
	ctx := context.Background()
	s := New()
	steps := []struct {
		name  string
		write func() error
	}{
		{"load", func() error {
			var bs []graph.Batch
			for i := range 40 {
				bs = append(bs, churnBatch(i, 0))
			}
			return s.ApplyAll(ctx, bs)
		}},
		{"reingest changed", func() error {
			for i := 0; i < 40; i += 3 {
				if err := s.Apply(ctx, churnBatch(i, 1)); err != nil {
					return err
				}
			}
			return nil
		}},
		{"reingest same", func() error { return s.Apply(ctx, churnBatch(3, 1)) }},
		{"delete", func() error {
			for _, i := range []int{0, 1, 2, 9, 17, 30} {
				if err := s.DeleteArticle(ctx, fmt.Sprintf("article:%03d", i)); err != nil {
					return err
				}
			}
			return nil
		}},
		{"reingest deleted", func() error {
			return s.ApplyAll(ctx, []graph.Batch{churnBatch(0, 2), churnBatch(9, 3), churnBatch(9, 4)})
		}},
		{"delete all", func() error {
			arts, _, err := s.ListArticles(ctx, graph.ArticleQuery{Page: graph.Page{Limit: graph.MaxPageSize}})
			if err != nil {
				return err
			}
			for _, a := range arts {
				if err := s.DeleteArticle(ctx, a.ID); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		checkIndexes(t, st.name, s)
		checkQueries(t, st.name, s)
	}
	if len(s.relations) != 0 {
		t.Errorf("after deleting every article: %d facts left", len(s.relations))
	}
}

// checkQueries compares the indexed reads with the same filters applied
// to every fact.
func checkQueries(t *testing.T, step string, s *Store) {
	t.Helper()
	ctx := context.Background()
	all, err := s.Relations(ctx, graph.RelationFilter{})
	if err != nil {
		t.Fatalf("%s: all relations: %v", step, err)
	}
	tr := true
	queries := []graph.RelationQuery{
		{},
		{Types: []graph.RelType{"MEETS", "STRUCK"}},
		{Source: "person:e1"},
		{Target: "person:e2", Types: []graph.RelType{"CALLS"}},
		{Since: "2025-05-03"},
		{Until: "2025-05-03"},
		{Since: "2025-05-01", Until: "2025-05-17", Types: []graph.RelType{"MEETS"}},
		{Article: "article:004"},
		{Source: "person:e3", Target: "person:e3"},
		{MinSources: 2},
		{Contested: &tr, Source: "person:e0"},
	}
	for _, q := range queries {
		var want []string
		for _, r := range all {
			if matches(r, q) {
				want = append(want, r.ID)
			}
		}
		// Two pages, so the cursor is read too.
		var got []string
		total, after := 0, ""
		for range 2 {
			q.Page = graph.Page{After: after, Limit: max(len(want)/2, 1)}
			rs, n, err := s.ListRelations(ctx, q)
			if err != nil {
				t.Fatalf("%s: list %+v: %v", step, q, err)
			}
			for _, r := range rs {
				got = append(got, r.ID)
				after = r.ID
			}
			total = n
		}
		if total != len(want) || !slices.Equal(got, want[:min(len(want), 2*max(len(want)/2, 1))]) {
			t.Errorf("%s: list %+v: got %d of %d %v, want %d %v", step, q, len(got), total, got, len(want), want)
		}
	}
	checkEventQueries(t, step, s)
	checkEntityQueries(t, step, s)
	for _, id := range []string{"person:e0", "person:e3", "person:none"} {
		for _, d := range []graph.Direction{graph.Out, graph.In, graph.Both} {
			f := graph.RelationFilter{Entity: id, Direction: d}
			var want []string
			for _, r := range all {
				if d != graph.In && r.Source == id || d != graph.Out && r.Target == id {
					want = append(want, r.ID)
				}
			}
			rs, err := s.Relations(ctx, f)
			if err != nil {
				t.Fatalf("%s: relations %+v: %v", step, f, err)
			}
			counts, err := s.CountRelationsOf(ctx, []string{id}, f)
			if err != nil {
				t.Fatalf("%s: count %+v: %v", step, f, err)
			}
			if got := idsIn(rs); !slices.Equal(got, want) || counts[id] != len(want) {
				t.Errorf("%s: relations %+v: got %v counted %d, want %v", step, f, got, counts[id], want)
			}
		}
	}
}

// checkEventQueries compares ListEvents, which reads the event indexes,
// with its filters applied to every event, two pages each.
func checkEventQueries(t *testing.T, step string, s *Store) {
	t.Helper()
	s.rlock()
	all := slices.Collect(maps.Values(s.events))
	s.mu.RUnlock()
	slices.SortFunc(all, func(a, b graph.Event) int {
		if graph.EventBefore(a.Date, a.ID, b.Date, b.ID) {
			return -1
		}
		return 1
	})
	queries := []graph.EventQuery{
		{},
		{Participant: "person:e1"},
		{Place: "person:e2"},
		{Place: "person:e2", Participant: "person:e2"},
		{Place: "person:e4", Since: "2025-05-03"},
		{Participant: "person:e3", Since: "2025-05-01", Until: "2025-05-17"},
		{Since: "2025-05-03"},
		{Until: "2025-05-03"},
		{Types: []graph.Class{"ASSAULT"}},
		{Article: "article:004"},
		{MinSources: 2},
	}
	for _, q := range queries {
		var want []string
		for _, ev := range all {
			if matchesEvent(ev, q) {
				want = append(want, ev.ID)
			}
		}
		size := max(len(want)/2, 1)
		var got []string
		total := 0
		for range 2 {
			q.Page.Limit = size
			evs, n, err := s.ListEvents(context.Background(), q)
			if err != nil {
				t.Fatalf("%s: list events %+v: %v", step, q, err)
			}
			for _, ev := range evs {
				got = append(got, ev.ID)
				q.After = graph.EventKey(ev)
			}
			total = n
		}
		if total != len(want) || !slices.Equal(got, want[:min(len(want), 2*size)]) {
			t.Errorf("%s: list events %+v: got %d of %d %v, want %d %v", step, q, len(got), total, got, len(want), want)
		}
	}
}

// checkEntityQueries compares ListEntities, which reads the kind index,
// with its filters applied to every entity, two pages each.
func checkEntityQueries(t *testing.T, step string, s *Store) {
	t.Helper()
	s.rlock()
	all := slices.Sorted(maps.Keys(s.entities))
	kindOf := map[string]graph.Kind{}
	for id, e := range s.entities {
		kindOf[id] = e.Kind
	}
	s.mu.RUnlock()
	for _, q := range []graph.EntityQuery{
		{},
		{Kinds: []graph.Kind{graph.Country}},
		{Kinds: []graph.Kind{graph.Person, graph.Organization}},
		{NameContains: "e1"},
		{Kinds: []graph.Kind{graph.Organization}, NameContains: "E"},
	} {
		var want []string
		for _, id := range all {
			// Every name is E<n> and the id ends in e<n>.
			if (len(q.Kinds) == 0 || slices.Contains(q.Kinds, kindOf[id])) && strings.Contains(strings.ToLower(id), strings.ToLower(q.NameContains)) {
				want = append(want, id)
			}
		}
		size := max(len(want)/2, 1)
		var got []string
		total := 0
		for range 2 {
			q.Page.Limit = size
			es, n, err := s.ListEntities(context.Background(), q)
			if err != nil {
				t.Fatalf("%s: list entities %+v: %v", step, q, err)
			}
			for _, e := range es {
				got = append(got, e.ID)
				q.After = e.ID
			}
			total = n
		}
		if total != len(want) || !slices.Equal(got, want[:min(len(want), 2*size)]) {
			t.Errorf("%s: list entities %+v: got %d of %d %v, want %d %v", step, q, len(got), total, got, len(want), want)
		}
	}
}

// matchesEvent is ListEvents' filter read off its contract.
func matchesEvent(ev graph.Event, q graph.EventQuery) bool {
	switch {
	case len(q.Types) > 0 && !slices.Contains(q.Types, ev.Type),
		q.Place != "" && ev.Place != q.Place,
		q.Participant != "" && !slices.ContainsFunc(ev.Participants, func(p graph.Participant) bool { return p.Entity == q.Participant }),
		q.Article != "" && !witnessed(ev.Witnesses, q.Article),
		ev.Sources < q.MinSources,
		(q.Since != "" || q.Until != "") && ev.Date == "",
		q.Since != "" && ev.Date < q.Since,
		q.Until != "" && ev.Date > q.Until:
		return false
	}
	return true
}

// matches is ListRelations' filter read off its contract.
func matches(r graph.Relation, q graph.RelationQuery) bool {
	switch {
	case len(q.Types) > 0 && !slices.Contains(q.Types, r.Type),
		q.Source != "" && r.Source != q.Source,
		q.Target != "" && r.Target != q.Target,
		q.Article != "" && !witnessed(r.Witnesses, q.Article),
		r.Sources < q.MinSources,
		q.Contested != nil && r.Contested != *q.Contested,
		(q.Since != "" || q.Until != "") && r.Date == "",
		q.Since != "" && r.Date < q.Since,
		q.Until != "" && r.Date > q.Until:
		return false
	}
	return true
}

func idsIn(rs []graph.Relation) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// TestCountSeesLastWrite checks that a count read straight after a write,
// before any other read fused it, counts what the write added.
func TestCountSeesLastWrite(t *testing.T) {
	ctx := context.Background()
	s := New()
	for i := range 3 {
		if err := s.Apply(ctx, indexBatch(i)); err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
		counts, err := s.CountRelationsOf(ctx, []string{"person:envoy"}, graph.RelationFilter{})
		if err != nil || counts["person:envoy"] != i+1 {
			t.Errorf("after article %d: got count %d, %v; want %d", i, counts["person:envoy"], err, i+1)
		}
	}
}

// TestIDsFlush checks the merge of pending changes into a sorted list,
// case by case.
func TestIDsFlush(t *testing.T) {
	type change struct {
		id    string
		added bool
	}
	tests := []struct {
		name    string
		sorted  []string
		changes []change
		want    []string
	}{
		{"add to empty", nil, []change{{"b", true}, {"a", true}}, []string{"a", "b"}},
		{"add between and around", []string{"b", "d"}, []change{{"e", true}, {"a", true}, {"c", true}}, []string{"a", "b", "c", "d", "e"}},
		{"remove present", []string{"a", "b", "c"}, []change{{"b", false}, {"c", false}}, []string{"a"}},
		{"remove absent", []string{"a", "c"}, []change{{"b", false}}, []string{"a", "c"}},
		{"removed and added again stays once", []string{"a", "b"}, []change{{"b", false}, {"b", true}}, []string{"a", "b"}},
		{"added when present stays once", []string{"a", "b"}, []change{{"a", true}}, []string{"a", "b"}},
		{"added and removed again is absent", []string{"a"}, []change{{"b", true}, {"b", false}}, []string{"a"}},
		{"remove all", []string{"a", "b"}, []change{{"a", false}, {"b", false}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ids{sorted: slices.Clone(tt.sorted)}
			for _, c := range tt.changes {
				l.note(c.id, c.added)
			}
			l.flush()
			if !slices.Equal(l.sorted, tt.want) || len(l.pending) > 0 {
				t.Errorf("got %v (%d pending), want %v", l.sorted, len(l.pending), tt.want)
			}
		})
	}
}
