package storetest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/geokg/geokg/graph"
)

// pageWalk pages through a collection with After until a short page, and
// checks every page reports the same total, no item comes twice, items come
// in order, and the union is the whole list.
func pageWalk[T any](t *testing.T, what string, limit int, key func(T) string, less func(a, b T) bool,
	fetch func(after string, limit int) ([]T, int, error), want []string) {
	t.Helper()
	var got []string
	seen := map[string]bool{}
	after := ""
	var prev *T
	for pages := 0; ; pages++ {
		if pages > len(want)+1 {
			t.Fatalf("%s: more than %d pages of %d, want the walk to end", what, pages, limit)
		}
		items, total, err := fetch(after, limit)
		if err != nil {
			t.Fatalf("%s after %q: got %v, want nil", what, after, err)
		}
		if total != len(want) {
			t.Errorf("%s after %q: got total %d, want %d", what, after, total, len(want))
		}
		if len(items) > limit {
			t.Fatalf("%s after %q: got %d items, want at most %d", what, after, len(items), limit)
		}
		for i := range items {
			k := key(items[i])
			if seen[k] {
				t.Errorf("%s: got %s twice", what, k)
			}
			seen[k] = true
			if prev != nil && !less(*prev, items[i]) {
				t.Errorf("%s: got %s after %s, want sorted order", what, k, key(*prev))
			}
			prev = &items[i]
			got = append(got, k)
		}
		if len(items) < limit {
			break
		}
		after = key(items[len(items)-1])
	}
	checkIDs(t, what+" walked", got, want)
}

// allFixtureEntityIDs lists the entity ids of batches, sorted.
func allFixtureEntityIDs(batches ...graph.Batch) []string {
	seen := map[string]bool{}
	var out []string
	for _, b := range batches {
		for _, e := range b.Entities {
			if !seen[e.ID] {
				seen[e.ID] = true
				out = append(out, e.ID)
			}
		}
	}
	sort.Strings(out)
	return out
}

func testSearch(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t), batchB(t), batchC(t), batchS(t))
	cases := []struct {
		name string
		q    graph.SearchQuery
		want []string
	}{
		{"exact, prefix, word, then typo", graph.SearchQuery{Text: "oran"}, []string{
			"city:oran", "region:oran", "city:wrenfield", // exact name or alias, by name then id
			"region:oran-valley", "group:orange", // the name starts so; the shorter name is the closer match
			"city:lake-oran", // a whole word of the name
			"country:IR",     // one edit away
		}},
		{"case and blanks", graph.SearchQuery{Text: "  ORAN  "}, []string{
			"city:oran", "region:oran", "city:wrenfield", "region:oran-valley", "group:orange", "city:lake-oran", "country:IR",
		}},
		{"one word of two, missing a letter", graph.SearchQuery{Text: "Zelensky"}, []string{"person:volodymyr-zelenskyy"}},
		{"typo, after a name it begins", graph.SearchQuery{Text: "Putn"}, []string{"city:putna", "person:vladimir-putin"}},
		{"swapped letters", graph.SearchQuery{Text: "Ptuin"}, []string{"person:vladimir-putin"}},
		{"two typos in a long word", graph.SearchQuery{Text: "Zelenskiy"}, []string{"person:volodymyr-zelenskyy"}},
		{"typo in the first name", graph.SearchQuery{Text: "Vladmir Putin"}, []string{"person:vladimir-putin"}},
		{"name prefix before word prefix", graph.SearchQuery{Text: "put"}, []string{"city:putna", "person:vladimir-putin"}},
		{"one strong word of two", graph.SearchQuery{Text: "President Putin"}, []string{"person:vladimir-putin", "person:ana-vela"}},
		{"words in another order", graph.SearchQuery{Text: "vela ana"}, []string{"person:ana-vela"}},
		{"alias", graph.SearchQuery{Text: "Madam Vela"}, []string{"person:ana-vela"}},
		{"apostrophe inside a word", graph.SearchQuery{Text: "obrien"}, []string{"person:conor-obrien"}},
		{"periods inside a word", graph.SearchQuery{Text: "u.n."}, []string{"organization:un"}},
		{"kinds", graph.SearchQuery{Text: "oran", Kinds: []graph.Kind{graph.Region, graph.Country}}, []string{"region:oran", "region:oran-valley", "country:IR"}},
		{"limit", graph.SearchQuery{Text: "oran", Limit: 2}, []string{"city:oran", "region:oran"}},
		{"query syntax is text", graph.SearchQuery{Text: `+("Reyn")*`}, []string{"group:reyn", "person:tomas-reyn"}},
		{"colon inside a word", graph.SearchQuery{Text: `Ila:Mos\`}, nil},
		{"fuzzy syntax is text", graph.SearchQuery{Text: "reyn~2"}, []string{"group:reyn", "person:tomas-reyn"}},
		{"non-ASCII", graph.SearchQuery{Text: "alborg"}, []string{"city:alborg"}},
		{"nothing close", graph.SearchQuery{Text: "zzzz"}, nil},
		{"empty", graph.SearchQuery{}, nil},
		{"no words", graph.SearchQuery{Text: " !? "}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(context.Background(), tc.q)
			if err != nil {
				t.Fatalf("Search %+v: got %v, want nil", tc.q, err)
			}
			var ids []string
			var es []graph.Entity
			for i, h := range hits {
				ids = append(ids, h.Entity.ID)
				es = append(es, h.Entity)
				if h.Score < graph.SearchThreshold || h.Score > 1 {
					t.Errorf("Search %q hit %s: got score %v, want in [%v, 1]", tc.q.Text, h.Entity.ID, h.Score, graph.SearchThreshold)
				}
				if i > 0 && h.Score > hits[i-1].Score {
					t.Errorf("Search %q: got %s (%v) after %s (%v), want scores descending", tc.q.Text, h.Entity.ID, h.Score, hits[i-1].Entity.ID, hits[i-1].Score)
				}
				if want := graph.SearchScore(tc.q.Text, append([]string{h.Entity.Name}, h.Entity.Aliases...)); h.Score != want {
					t.Errorf("Search %q hit %s: got score %v, want graph.SearchScore's %v", tc.q.Text, h.Entity.ID, h.Score, want)
				}
			}
			checkIDs(t, "Search "+tc.q.Text, ids, tc.want)
			checkEntities(t, "Search values", es, entities(t, s, ids...))
		})
	}
	hits, err := s.Search(context.Background(), graph.SearchQuery{Text: "Ana Vela"})
	if err != nil || len(hits) == 0 || hits[0].Score != 1 {
		t.Errorf("Search for an exact name: got %+v, %v, want score 1 first", hits, err)
	}

	for _, q := range []graph.SearchQuery{
		{Text: "oran", Kinds: []graph.Kind{"PLANET"}},
		{Text: "oran", Limit: graph.MaxPageSize + 1},
	} {
		_, err := s.Search(context.Background(), q)
		wantErr(t, "Search "+dump(q), err, graph.ErrInvalid)
	}
}

func testListEntities(t *testing.T, s graph.Store) {
	a, b, c := batchA(t), batchB(t), batchC(t)
	apply(t, s, a, b, c)
	all := allFixtureEntityIDs(a, b, c)
	ctx := context.Background()
	cases := []struct {
		name string
		q    graph.EntityQuery
		want []string
	}{
		{"all", graph.EntityQuery{}, all},
		{"kinds", graph.EntityQuery{Kinds: []graph.Kind{graph.Region, graph.Country}}, []string{"country:XN", "country:XS", "region:oran", "region:oran-valley"}},
		{"name or alias contains", graph.EntityQuery{NameContains: "ORAN"}, []string{
			"city:lake-oran", "city:oran", "city:wrenfield", "group:orange", "region:oran", "region:oran-valley",
		}},
		{"kinds and name", graph.EntityQuery{Kinds: []graph.Kind{graph.City}, NameContains: "oran"}, []string{"city:lake-oran", "city:oran", "city:wrenfield"}},
		{"non-ASCII", graph.EntityQuery{NameContains: "étape"}, []string{"city:alborg"}},
		{"none", graph.EntityQuery{NameContains: "zzz"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			q.Limit = graph.MaxPageSize
			got, total, err := s.ListEntities(ctx, q)
			if err != nil {
				t.Fatalf("ListEntities %+v: got %v, want nil", q, err)
			}
			checkIDs(t, "ListEntities ids", entityIDs(got), tc.want)
			if total != len(tc.want) {
				t.Errorf("ListEntities total: got %d, want %d", total, len(tc.want))
			}
			checkEntities(t, "ListEntities values", got, entities(t, s, entityIDs(got)...))
			for _, limit := range []int{1, 3} {
				pageWalk(t, fmt.Sprintf("ListEntities pages of %d", limit), limit,
					func(e graph.Entity) string { return e.ID }, func(a, b graph.Entity) bool { return a.ID < b.ID },
					func(after string, limit int) ([]graph.Entity, int, error) {
						q := tc.q
						q.After, q.Limit = after, limit
						return s.ListEntities(ctx, q)
					}, tc.want)
			}
		})
	}

	// The default page, a cursor between ids, and one past the end.
	got, total, err := s.ListEntities(ctx, graph.EntityQuery{Page: graph.Page{Limit: 0}})
	if err != nil || total != len(all) || len(got) != min(len(all), graph.DefaultPageSize) {
		t.Errorf("ListEntities default page: got %d of %d, %v, want %d of %d", len(got), total, err, min(len(all), graph.DefaultPageSize), len(all))
	}
	got, total, err = s.ListEntities(ctx, graph.EntityQuery{Page: graph.Page{After: "d", Limit: 3}})
	if err != nil {
		t.Fatal(err)
	}
	checkIDs(t, "ListEntities after an id that is not there", entityIDs(got), []string{"group:orange", "group:reyn", "location:null-island"})
	if total != len(all) {
		t.Errorf("ListEntities total after a cursor: got %d, want %d (the page does not change it)", total, len(all))
	}
	got, total, err = s.ListEntities(ctx, graph.EntityQuery{Page: graph.Page{After: "zzz"}})
	if err != nil || len(got) != 0 || total != len(all) {
		t.Errorf("ListEntities past the end: got %d entities of %d, %v, want none of %d", len(got), total, err, len(all))
	}

	for _, q := range []graph.EntityQuery{
		{Kinds: []graph.Kind{"PLANET"}},
		{Kinds: []graph.Kind{""}},
		{Page: graph.Page{Limit: graph.MaxPageSize + 1}},
	} {
		_, _, err := s.ListEntities(ctx, q)
		wantErr(t, "ListEntities "+dump(q), err, graph.ErrInvalid)
	}
}

func testListRelations(t *testing.T, s graph.Store) {
	a, b, c := batchA(t), batchB(t), batchC(t)
	apply(t, s, a, b, c)
	all := sortedRelations(append(append(stored(a).Relations, stored(b).Relations...), stored(c).Relations...))
	const ana, tomas = "person:ana-vela", "person:tomas-reyn"
	ctx := context.Background()
	cases := []struct {
		name string
		q    graph.RelationQuery
		want []string
	}{
		{"all", graph.RelationQuery{}, relationIDs(all)},
		{"types", graph.RelationQuery{Types: []graph.RelType{"LEADER_OF", "STRUCK"}}, []string{"rel:a:struck", "rel:a:structural-leader", "rel:b:leader"}},
		{"classes", graph.RelationQuery{Classes: []graph.Class{graph.Structural, "SUPPORT"}}, []string{"rel:a:located", "rel:a:structural-leader", "rel:b:leader", "rel:b:thanked"}},
		{"types and classes", graph.RelationQuery{Types: []graph.RelType{"LEADER_OF", "MEETS"}, Classes: []graph.Class{"CONSULT"}}, []string{"rel:b:meets"}},
		{"source", graph.RelationQuery{Source: ana}, []string{"rel:a:condemned", "rel:a:structural-leader", "rel:b:meets", "rel:b:thanked"}},
		{"target", graph.RelationQuery{Target: tomas}, []string{"rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"source and target", graph.RelationQuery{Source: ana, Target: tomas}, []string{"rel:b:meets", "rel:b:thanked"}},
		{"self-loop", graph.RelationQuery{Source: "group:orange", Target: "group:orange"}, []string{"rel:c:self"}},
		{"unknown source", graph.RelationQuery{Source: "person:nobody"}, nil},
		{"statuses", graph.RelationQuery{Statuses: []string{graph.StatusClaimed, graph.StatusDenied}}, []string{"rel:a:deployed"}},
		{"occurred", graph.RelationQuery{Statuses: []string{graph.StatusOccurred}}, []string{"rel:a:condemned", "rel:a:struck", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"since, inclusive, undated left out", graph.RelationQuery{Since: "2025-05-03"}, []string{"rel:a:struck", "rel:b:mediated", "rel:b:meets"}},
		{"until, inclusive", graph.RelationQuery{Until: "2025-05-03"}, []string{"rel:a:condemned", "rel:a:struck"}},
		{"one day", graph.RelationQuery{Since: "2025-05-10", Until: "2025-05-10"}, []string{"rel:b:mediated", "rel:b:meets"}},
		{"since after until", graph.RelationQuery{Since: "2025-05-10", Until: "2025-05-01"}, nil},
		{"article", graph.RelationQuery{Article: articleB}, []string{"rel:b:leader", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"article and source", graph.RelationQuery{Article: articleA, Source: ana}, []string{"rel:a:condemned", "rel:a:structural-leader"}},
		{"everything at once", graph.RelationQuery{Types: []graph.RelType{"MEETS", "THANKED"}, Classes: []graph.Class{"CONSULT", "SUPPORT"},
			Source: ana, Target: tomas, Statuses: []string{graph.StatusOccurred}, Since: "2025-05-01", Article: articleB}, []string{"rel:b:meets"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			q.Limit = graph.MaxPageSize
			got, total, err := s.ListRelations(ctx, q)
			if err != nil {
				t.Fatalf("ListRelations %+v: got %v, want nil", q, err)
			}
			checkIDs(t, "ListRelations ids", relationIDs(got), tc.want)
			if total != len(tc.want) {
				t.Errorf("ListRelations total: got %d, want %d", total, len(tc.want))
			}
			checkRelations(t, "ListRelations values", got, relationsByID(t, all, relationIDs(got)...))
			for _, limit := range []int{1, 3} {
				pageWalk(t, fmt.Sprintf("ListRelations pages of %d", limit), limit,
					func(r graph.Relation) string { return r.ID }, func(a, b graph.Relation) bool { return a.ID < b.ID },
					func(after string, limit int) ([]graph.Relation, int, error) {
						q := tc.q
						q.After, q.Limit = after, limit
						return s.ListRelations(ctx, q)
					}, tc.want)
			}
		})
	}

	for _, q := range []graph.RelationQuery{
		{Types: []graph.RelType{"LOVES"}},
		{Classes: []graph.Class{"GOSSIP"}},
		{Classes: []graph.Class{""}},
		{Statuses: []string{"rumoured"}},
		{Statuses: []string{"OCCURRED"}},
		{Since: "2025-5-3"},
		{Until: "tomorrow"},
		{Since: "2025-02-30"},
		{Page: graph.Page{Limit: graph.MaxPageSize + 1}},
	} {
		_, _, err := s.ListRelations(ctx, q)
		wantErr(t, "ListRelations "+dump(q), err, graph.ErrInvalid)
	}
}

func eventIDs(evs []graph.Event) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.ID
	}
	return out
}

func testListEvents(t *testing.T, s graph.Store) {
	a, b, e := batchA(t), batchB(t), batchE(t)
	apply(t, s, a, b, e)
	ctx := context.Background()
	// Dated first, by date, then id; then the undated by id.
	all := []string{"event:e:early", "event:a:strike", "event:e:raid", "event:b:talks", "event:e:undated-call", "event:e:undated-statement"}
	cases := []struct {
		name string
		q    graph.EventQuery
		want []string
	}{
		{"all", graph.EventQuery{}, all},
		{"types", graph.EventQuery{Types: []graph.Class{"ASSAULT"}}, []string{"event:e:early", "event:a:strike", "event:e:raid"}},
		{"place", graph.EventQuery{Place: "city:port-amar"}, []string{"event:a:strike", "event:e:raid"}},
		{"participant", graph.EventQuery{Participant: "country:XN"}, []string{"event:e:early", "event:a:strike", "event:e:raid", "event:e:undated-call"}},
		{"participant in any role", graph.EventQuery{Participant: "person:ila-moss"}, []string{"event:b:talks"}},
		{"since", graph.EventQuery{Since: "2025-05-03"}, []string{"event:a:strike", "event:e:raid", "event:b:talks"}},
		{"until", graph.EventQuery{Until: "2025-05-02"}, []string{"event:e:early"}},
		{"killed at least", graph.EventQuery{MinKilled: 4}, []string{"event:e:early", "event:a:strike"}},
		{"killed at least one; zero is not", graph.EventQuery{MinKilled: 1}, []string{"event:e:early", "event:a:strike", "event:e:raid"}},
		{"article", graph.EventQuery{Article: articleE}, []string{"event:e:early", "event:e:raid", "event:e:undated-call", "event:e:undated-statement"}},
		{"combined", graph.EventQuery{Types: []graph.Class{"ASSAULT", "CONSULT"}, Participant: "country:XS", Since: "2025-05-01", Until: "2025-05-31"}, []string{"event:a:strike", "event:e:raid"}},
		{"unknown place", graph.EventQuery{Place: "city:nowhere"}, nil},
	}
	events := func(q graph.EventQuery) ([]graph.Event, int, error) { return s.ListEvents(ctx, q) }
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			q.Limit = graph.MaxPageSize
			got, total, err := events(q)
			if err != nil {
				t.Fatalf("ListEvents %+v: got %v, want nil", q, err)
			}
			checkIDs(t, "ListEvents ids", eventIDs(got), tc.want)
			if total != len(tc.want) {
				t.Errorf("ListEvents total: got %d, want %d", total, len(tc.want))
			}
			checkEvents(t, "ListEvents values", got, eventsByID(t, s, eventIDs(got)...))
			for _, limit := range []int{1, 2} {
				pageWalk(t, fmt.Sprintf("ListEvents pages of %d", limit), limit,
					graph.EventKey,
					func(a, b graph.Event) bool { return graph.EventBefore(a.Date, a.ID, b.Date, b.ID) },
					func(after string, limit int) ([]graph.Event, int, error) {
						q := tc.q
						q.After, q.Limit = after, limit
						return events(q)
					}, eventKeys(t, s, tc.want))
			}
		})
	}

	// Cursors between events: undated sort after every date.
	for _, c := range []struct {
		after string
		want  []string
	}{
		{"2025-05-03|event:a:strike", []string{"event:e:raid", "event:b:talks", "event:e:undated-call", "event:e:undated-statement"}},
		{"2025-05-04|", []string{"event:e:raid", "event:b:talks", "event:e:undated-call", "event:e:undated-statement"}},
		{"9999-12-31|z", []string{"event:e:undated-call", "event:e:undated-statement"}},
		{"|event:e:undated-call", []string{"event:e:undated-statement"}},
		{"|", []string{"event:e:undated-call", "event:e:undated-statement"}},
		{"|zzz", nil},
	} {
		got, total, err := events(graph.EventQuery{Page: graph.Page{After: c.after}})
		if err != nil {
			t.Fatalf("ListEvents after %q: got %v, want nil", c.after, err)
		}
		checkIDs(t, "ListEvents after "+c.after, eventIDs(got), c.want)
		if total != len(all) {
			t.Errorf("ListEvents total after %q: got %d, want %d", c.after, total, len(all))
		}
	}

	for _, q := range []graph.EventQuery{
		{Types: []graph.Class{"LOVES"}},
		{Types: []graph.Class{graph.Structural}},
		{Since: "May 3"},
		{Until: "2025-13-01"},
		{MinKilled: -1},
		{Page: graph.Page{After: "event:a:strike"}},
		{Page: graph.Page{Limit: graph.MaxPageSize + 1}},
	} {
		_, _, err := events(q)
		wantErr(t, "ListEvents "+dump(q), err, graph.ErrInvalid)
	}
}

func eventsByID(t testing.TB, s graph.Store, ids ...string) []graph.Event {
	t.Helper()
	if len(ids) == 0 {
		return nil
	}
	return events(t, s, ids...)
}

// eventKeys maps event ids to their cursor keys, read back from s.
func eventKeys(t testing.TB, s graph.Store, ids []string) []string {
	t.Helper()
	var out []string
	for _, ev := range eventsByID(t, s, ids...) {
		out = append(out, graph.EventKey(ev))
	}
	return out
}

func testListArticles(t *testing.T, s graph.Store) {
	ctx := context.Background()
	got, total, err := s.ListArticles(ctx, graph.ArticleQuery{})
	if err != nil || len(got) != 0 || total != 0 {
		t.Errorf("ListArticles on an empty store: got %d of %d, %v, want none", len(got), total, err)
	}
	a, b, c := batchA(t), batchB(t), batchC(t)
	apply(t, s, c, a, b)
	want := []graph.Article{stored(a).Article, stored(b).Article, stored(c).Article}
	got, total, err = s.ListArticles(ctx, graph.ArticleQuery{})
	if err != nil {
		t.Fatalf("ListArticles: got %v, want nil", err)
	}
	checkArticles(t, "ListArticles", got, want)
	if total != 3 {
		t.Errorf("ListArticles total: got %d, want 3", total)
	}
	pageWalk(t, "ListArticles pages of 2", 2, func(a graph.Article) string { return a.ID }, func(a, b graph.Article) bool { return a.ID < b.ID },
		func(after string, limit int) ([]graph.Article, int, error) {
			return s.ListArticles(ctx, graph.ArticleQuery{Page: graph.Page{After: after, Limit: limit}})
		}, []string{articleA, articleB, articleC})
	_, _, err = s.ListArticles(ctx, graph.ArticleQuery{Page: graph.Page{Limit: graph.MaxPageSize + 1}})
	wantErr(t, "ListArticles above the page size", err, graph.ErrInvalid)
}

func testRelationsOf(t *testing.T, s graph.Store) {
	a, b, c := batchA(t), batchB(t), batchC(t)
	apply(t, s, a, b, c)
	ctx := context.Background()
	ids := append(allFixtureEntityIDs(a, b, c), "person:nobody", "person:ana-vela", "")
	filters := []graph.RelationFilter{
		{},
		{Direction: graph.Out},
		{Direction: graph.In, Types: []graph.RelType{"MEETS", "MEDIATED", "LEADER_OF"}},
		{Article: articleA},
		{Limit: 2},
		{After: "rel:", Limit: 1},
		{Direction: graph.Out, After: "rel:b"},
		{Entity: "person:ila-moss"}, // ignored
	}
	for _, f := range filters {
		got, err := s.RelationsOf(ctx, ids, f)
		if err != nil {
			t.Fatalf("RelationsOf %+v: got %v, want nil", f, err)
		}
		counts, err := s.CountRelationsOf(ctx, ids, f)
		if err != nil {
			t.Fatalf("CountRelationsOf %+v: got %v, want nil", f, err)
		}
		for _, id := range ids {
			one := f
			one.Entity = id
			want := relations(t, s, one)
			unpaged := one
			unpaged.After, unpaged.Limit = "", 0
			wantCount := len(relations(t, s, unpaged))
			if id == "" {
				want, wantCount = nil, 0 // Relations reads an empty Entity as every relation
			}
			for _, r := range got[id] {
				if r.ID <= f.After {
					t.Errorf("RelationsOf %+v for %q: got %s, want only ids after %q", f, id, r.ID, f.After)
				}
			}
			if n, ok := counts[id]; n != wantCount || ok && n == 0 {
				t.Errorf("CountRelationsOf %+v for %q: got %d (entry %v), want %d", f, id, n, ok, wantCount)
			}
			rs, ok := got[id]
			if ok && len(rs) == 0 {
				t.Errorf("RelationsOf %+v: got an empty entry for %q, want none", f, id)
			}
			checkRelations(t, fmt.Sprintf("RelationsOf %+v for %q", f, id), rs, want)
		}
		for id := range got {
			if !slices.Contains(ids, id) {
				t.Errorf("RelationsOf %+v: got an entry for %s, which was not asked for", f, id)
			}
		}
	}
	got, err := s.RelationsOf(ctx, nil, graph.RelationFilter{})
	if err != nil || len(got) != 0 {
		t.Errorf("RelationsOf no ids: got %v, %v, want an empty map", got, err)
	}
	for _, f := range []graph.RelationFilter{{Direction: "SIDEWAYS"}, {Types: []graph.RelType{"LOVES"}}} {
		_, err := s.RelationsOf(ctx, []string{"person:ana-vela"}, f)
		wantErr(t, "RelationsOf "+dump(f), err, graph.ErrInvalid)
		_, err = s.CountRelationsOf(ctx, []string{"person:ana-vela"}, f)
		wantErr(t, "CountRelationsOf "+dump(f), err, graph.ErrInvalid)
	}
}

func testShortestPath(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t), batchB(t), batchC(t), batchE(t))
	ctx := context.Background()
	const ila, ana, xn = "person:ila-moss", "person:ana-vela", "country:XN"
	cases := []struct {
		name string
		q    graph.PathQuery
		want []string
	}{
		{"one hop", graph.PathQuery{From: ana, To: xn, MaxHops: 3}, []string{"rel:a:structural-leader"}},
		{"against the direction", graph.PathQuery{From: xn, To: ana, MaxHops: 3}, []string{"rel:a:structural-leader"}},
		{"parallel relations: smaller id", graph.PathQuery{From: ana, To: "person:tomas-reyn", MaxHops: 1}, []string{"rel:b:meets"}},
		{"two paths: smaller first id", graph.PathQuery{From: ana, To: "city:port-amar", MaxHops: 2}, []string{"rel:a:condemned", "rel:a:deployed"}},
		// Three 3-hop paths; the second hop decides.
		{"three hops", graph.PathQuery{From: ila, To: xn, MaxHops: 6}, []string{"rel:b:mediated", "rel:b:leader", "rel:a:struck"}},
		{"three hops backwards", graph.PathQuery{From: xn, To: ila, MaxHops: 6}, []string{"rel:a:struck", "rel:b:leader", "rel:b:mediated"}},
		{"types limit the walk", graph.PathQuery{From: ila, To: xn, MaxHops: 6, Types: []graph.RelType{"MEDIATED", "MEETS", "LEADER_OF"}},
			[]string{"rel:b:mediated", "rel:b:meets", "rel:a:structural-leader"}},
		{"first id decides, not the last", graph.PathQuery{From: "location:pine", To: "location:quay", MaxHops: 6}, []string{"rel:e:1", "rel:e:9"}},
		{"from the other end", graph.PathQuery{From: "location:quay", To: "location:pine", MaxHops: 6}, []string{"rel:e:0", "rel:e:2"}},
		{"shortest beats smaller ids", graph.PathQuery{From: "location:zinc", To: "location:quay", MaxHops: 6}, []string{"rel:e:0b", "rel:e:0c"}},
		{"too far", graph.PathQuery{From: ila, To: xn, MaxHops: 2}, nil},
		{"hops clamp to 1", graph.PathQuery{From: ana, To: "person:tomas-reyn", MaxHops: 0}, []string{"rel:b:meets"}},
		{"hops clamp to 1, too far", graph.PathQuery{From: ila, To: ana, MaxHops: -5}, nil},
		{"hops clamp to the maximum", graph.PathQuery{From: ila, To: xn, MaxHops: 1000}, []string{"rel:b:mediated", "rel:b:leader", "rel:a:struck"}},
		{"not connected", graph.PathQuery{From: "city:oran", To: xn, MaxHops: 6}, nil},
		{"no relation of the types", graph.PathQuery{From: ana, To: xn, MaxHops: 6, Types: []graph.RelType{"INVADED"}}, nil},
		{"self-loop is no path", graph.PathQuery{From: "group:orange", To: xn, MaxHops: 6}, nil},
	}
	all := relations(t, s, graph.RelationFilter{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.ShortestPath(ctx, tc.q)
			if err != nil {
				t.Fatalf("ShortestPath %+v: got %v, want nil", tc.q, err)
			}
			if tc.want == nil && got != nil {
				t.Errorf("ShortestPath %+v: got %q, want nil", tc.q, relationIDs(got))
			}
			checkIDs(t, "ShortestPath", relationIDs(got), tc.want)
			checkRelations(t, "ShortestPath values", got, relationsByID(t, all, relationIDs(got)...))
		})
	}
	got, err := s.ShortestPath(ctx, graph.PathQuery{From: ana, To: ana, MaxHops: 3})
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("ShortestPath from an entity to itself: got %v, %v, want an empty, non-nil path", got, err)
	}
	for _, q := range []graph.PathQuery{{From: "person:nobody", To: ana}, {From: ana, To: "person:nobody"}, {From: "person:nobody", To: "person:nobody"}} {
		_, err := s.ShortestPath(ctx, q)
		wantErr(t, "ShortestPath "+dump(q), err, graph.ErrNotFound)
	}
	_, err = s.ShortestPath(ctx, graph.PathQuery{From: ana, To: xn, Types: []graph.RelType{"LOVES"}})
	wantErr(t, "ShortestPath with an unknown type", err, graph.ErrInvalid)
}

func testStats(t *testing.T, s graph.Store) {
	ctx := context.Background()
	got, err := s.Stats(ctx, 10)
	if err != nil {
		t.Fatalf("Stats on an empty store: got %v, want nil", err)
	}
	check(t, "Stats on an empty store", canonStats(got), canonStats(graph.Stats{}))

	apply(t, s, batchA(t), batchB(t), batchC(t))
	count := func(key string, n int) graph.Count { return graph.Count{Key: key, Count: n} }
	degree := func(id string, n int) graph.EntityDegree { return graph.EntityDegree{Entity: id, Degree: n} }
	perArticle := func(id string, es, rs, evs int) graph.ArticleCount {
		return graph.ArticleCount{Article: id, Entities: es, Relations: rs, Events: evs}
	}
	want := graph.Stats{
		Entities: 17, Relations: 10, Events: 2, Articles: 3, RawRelations: 10, RawEvents: 2,
		ByClass: []graph.Count{
			count("STRUCTURAL", 3), count("CONSULT", 2), count("ACCUSE", 1), count("ASSAULT", 1), count("MOBILIZE", 1), count("STATEMENT", 1), count("SUPPORT", 1)},
		ByType: []graph.Count{count("LEADER_OF", 2), count("ANNOUNCED", 1), count("CONDEMNED", 1), count("DEPLOYED_TO", 1), count("LOCATED_IN", 1),
			count("MEDIATED", 1), count("MEETS", 1), count("STRUCK", 1), count("THANKED", 1)},
		// Ties by id; the self-loop counts once.
		TopEntities: []graph.EntityDegree{degree("country:XS", 4), degree("person:ana-vela", 4), degree("person:tomas-reyn", 4), degree("country:XN", 3),
			degree("city:port-amar", 2), degree("group:orange", 1), degree("person:ila-moss", 1)},
		// Entities counts those the article mentions.
		PerArticle: []graph.ArticleCount{perArticle(articleA, 4, 5, 1), perArticle(articleB, 5, 4, 1), perArticle(articleC, 4, 1, 0)},
	}
	got, err = s.Stats(ctx, 10)
	if err != nil {
		t.Fatalf("Stats: got %v, want nil", err)
	}
	check(t, "Stats", canonStats(got), canonStats(want))

	got, err = s.Stats(ctx, 2)
	if err != nil {
		t.Fatalf("Stats top 2: got %v, want nil", err)
	}
	check(t, "Stats top 2", canonStats(got).TopEntities, want.TopEntities[:2])
	got, err = s.Stats(ctx, 0)
	if err != nil || len(got.TopEntities) != 0 || got.Relations != 10 {
		t.Errorf("Stats top 0: got %+v, %v, want counts and no top entities", got, err)
	}
	for _, n := range []int{-1, graph.MaxPageSize + 1} {
		_, err := s.Stats(ctx, n)
		wantErr(t, fmt.Sprintf("Stats top %d", n), err, graph.ErrInvalid)
	}
}

func canonStats(st graph.Stats) graph.Stats {
	if st.ByClass == nil {
		st.ByClass = []graph.Count{}
	}
	if st.ByType == nil {
		st.ByType = []graph.Count{}
	}
	if st.TopEntities == nil {
		st.TopEntities = []graph.EntityDegree{}
	}
	if st.PerArticle == nil {
		st.PerArticle = []graph.ArticleCount{}
	}
	return st
}

// batchG refers to entities without mentioning them: Norland only as the
// claimant of a relation, Port Amar only as an event's place.
func batchG() graph.Batch {
	return graph.Batch{
		Article: graph.Article{ID: "article:g", Title: "References"},
		Entities: []graph.Entity{
			{ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person},
			{ID: "country:XS", Name: "Sudria", Kind: graph.Country},
			{ID: "country:XN", Name: "Norland", Kind: graph.Country},
			{ID: "city:port-amar", Name: "Port Amar", Kind: graph.City},
		},
		Relations: []graph.Relation{{ID: "rel:g:accused", Type: "ACCUSED", Class: "ACCUSE", Source: "person:ana-vela", Target: "country:XS",
			Status: graph.StatusClaimed, ClaimedBy: "country:XN"}},
		Events: []graph.Event{{ID: "event:g:visit", Type: "CONSULT", Label: "visit", Place: "city:port-amar",
			Participants: []graph.Participant{{Entity: "person:ana-vela", Role: graph.RoleSource}}}},
	}
}

func testDeleteArticle(t *testing.T, s graph.Store) {
	ctx := context.Background()
	a, b, c := batchA(t), batchB(t), batchC(t)
	wantErr(t, "DeleteArticle on an empty store", s.DeleteArticle(ctx, articleA), graph.ErrNotFound)
	apply(t, s, a, b, c)
	before := take(t, s)

	if err := s.DeleteArticle(ctx, articleA); err != nil {
		t.Fatalf("DeleteArticle %s: got %v, want nil", articleA, err)
	}
	wb, wc := stored(b), stored(c)
	checkArticles(t, "Articles after deleting A", articles(t, s, articleA, articleB), []graph.Article{wb.Article})
	checkRelations(t, "Relations after deleting A", relations(t, s, graph.RelationFilter{}), sortedRelations(append(wb.Relations, wc.Relations...)))
	checkEvents(t, "Events after deleting A", events(t, s, "event:a:strike", "event:b:talks"), wb.Events)
	// Only A named Norland and Port Amar; Ana Vela and Sudria are in B too and
	// keep B's mentions and every alias they had.
	checkEntities(t, "Entities only A named", entities(t, s, "country:XN", "city:port-amar"), nil)
	ana := entityByID(t, wb.Entities, "person:ana-vela")
	ana.Aliases = []string{"Madam Vela", "President Ana Vela", "Vela"}
	xs := entityByID(t, wb.Entities, "country:XS")
	xs.Country = "XS"
	checkEntities(t, "Entities B names too", entities(t, s, "person:ana-vela", "country:XS"), []graph.Entity{ana, xs})
	_, err := s.FindEntity(ctx, "Norland")
	wantErr(t, "FindEntity of a deleted entity", err, graph.ErrNotFound)
	_, err = s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "country:XN"})
	wantErr(t, "Neighborhood of a deleted entity", err, graph.ErrNotFound)
	hits, err := s.Search(ctx, graph.SearchQuery{Text: "Norland"})
	if err != nil || len(hits) != 0 {
		t.Errorf("Search for a deleted entity: got %d hits, %v, want none", len(hits), err)
	}
	_, total, err := s.ListEntities(ctx, graph.EntityQuery{})
	if err != nil || total != 15 {
		t.Errorf("ListEntities total after deleting A: got %d, %v, want 15", total, err)
	}
	st, err := s.Stats(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	check(t, "Stats after deleting A", []int{st.Entities, st.Relations, st.Events, st.Articles, len(st.PerArticle)}, []int{15, 5, 1, 2, 2})

	wantErr(t, "DeleteArticle twice", s.DeleteArticle(ctx, articleA), graph.ErrNotFound)
	wantErr(t, "DeleteArticle of an unknown article", s.DeleteArticle(ctx, "article:nope"), graph.ErrNotFound)

	// Applying it again restores everything.
	apply(t, s, a)
	check(t, "state after deleting A and applying it again", take(t, s), before)

	// C mentions some of its entities and lists others it neither mentions
	// nor links: only what its content touched can go.
	if err := s.DeleteArticle(ctx, articleC); err != nil {
		t.Fatalf("DeleteArticle %s: got %v, want nil", articleC, err)
	}
	checkEntities(t, "Entities C mentioned or linked", entities(t, s, "city:oran", "region:oran-valley", "group:orange", "group:reyn"), nil)
	checkIDs(t, "Entities C only listed", entityIDs(entities(t, s, "region:oran", "city:wrenfield", "person:zed-orr", "person:bo-lind", "city:alborg", "location:null-island")),
		[]string{"region:oran", "city:wrenfield", "person:zed-orr", "person:bo-lind", "city:alborg", "location:null-island"})
	checkRelations(t, "Relations of C after deleting it", relations(t, s, graph.RelationFilter{Article: articleC}), nil)

	// An entity another article's relation or event still refers to stays.
	apply(t, s, batchG())
	if err := s.DeleteArticle(ctx, articleA); err != nil {
		t.Fatalf("DeleteArticle %s: got %v, want nil", articleA, err)
	}
	checkIDs(t, "Entities G refers to", entityIDs(entities(t, s, "country:XN", "city:port-amar")), []string{"country:XN", "city:port-amar"})
	if err := s.DeleteArticle(ctx, "article:g"); err != nil {
		t.Fatalf("DeleteArticle article:g: got %v, want nil", err)
	}
	checkEntities(t, "Entities only G referred to, after deleting it", entities(t, s, "country:XN", "city:port-amar"), nil)
	checkIDs(t, "Entities B names", entityIDs(entities(t, s, "person:ana-vela", "country:XS")), []string{"person:ana-vela", "country:XS"})
	checkEvents(t, "Events after deleting G", events(t, s, "event:g:visit"), nil)
}

// testQueryCanceled checks every new read and the delete honour an ended
// context.
func testQueryCanceled(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"Search", func() error { _, err := s.Search(ctx, graph.SearchQuery{Text: "vela"}); return err }},
		{"ListEntities", func() error { _, _, err := s.ListEntities(ctx, graph.EntityQuery{}); return err }},
		{"ListRelations", func() error { _, _, err := s.ListRelations(ctx, graph.RelationQuery{}); return err }},
		{"ListEvents", func() error { _, _, err := s.ListEvents(ctx, graph.EventQuery{}); return err }},
		{"ListArticles", func() error { _, _, err := s.ListArticles(ctx, graph.ArticleQuery{}); return err }},
		{"RelationsOf", func() error {
			_, err := s.RelationsOf(ctx, []string{"person:ana-vela"}, graph.RelationFilter{})
			return err
		}},
		{"ShortestPath", func() error {
			_, err := s.ShortestPath(ctx, graph.PathQuery{From: "person:ana-vela", To: "country:XN"})
			return err
		}},
		{"Stats", func() error { _, err := s.Stats(ctx, 5); return err }},
		{"DeleteArticle", func() error { return s.DeleteArticle(ctx, articleA) }},
	}
	for _, c := range calls {
		wantErr(t, c.name+" with a canceled context", c.call(), context.Canceled)
	}
	checkArticles(t, "Articles after a canceled DeleteArticle", articles(t, s, articleA), []graph.Article{stored(batchA(t)).Article})
}

// testQueryCopies checks values from the new reads share no memory with the
// store.
func testQueryCopies(t *testing.T, s graph.Store) {
	a := batchA(t)
	apply(t, s, a)
	want := stored(a)
	ctx := context.Background()
	for range 2 {
		hits, err := s.Search(ctx, graph.SearchQuery{Text: "Ana Vela"})
		if err != nil || len(hits) == 0 {
			t.Fatalf("Search: got %d hits, %v", len(hits), err)
		}
		checkEntities(t, "Search after changing earlier results", []graph.Entity{hits[0].Entity}, []graph.Entity{entityByID(t, want.Entities, "person:ana-vela")})
		hits[0].Entity.Aliases[0] = "changed"
		hits[0].Entity.Mentions[0].Text = "changed"

		es, _, err := s.ListEntities(ctx, graph.EntityQuery{Kinds: []graph.Kind{graph.Person}})
		if err != nil {
			t.Fatal(err)
		}
		checkEntities(t, "ListEntities after changing earlier results", es, []graph.Entity{entityByID(t, want.Entities, "person:ana-vela")})
		es[0].Aliases[0] = "changed"

		rs, _, err := s.ListRelations(ctx, graph.RelationQuery{})
		if err != nil {
			t.Fatal(err)
		}
		checkRelations(t, "ListRelations after changing earlier results", rs, sortedRelations(want.Relations))
		rs[0].Evidence[0].Text = "changed"

		m, err := s.RelationsOf(ctx, []string{"person:ana-vela"}, graph.RelationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		m["person:ana-vela"][0].Evidence[0].Text = "changed"

		evs, _, err := s.ListEvents(ctx, graph.EventQuery{})
		if err != nil {
			t.Fatal(err)
		}
		checkEvents(t, "ListEvents after changing earlier results", evs, want.Events)
		evs[0].Participants[0].Entity = "changed"
		*evs[0].Killed = 99

		path, err := s.ShortestPath(ctx, graph.PathQuery{From: "person:ana-vela", To: "city:port-amar", MaxHops: 2})
		if err != nil || len(path) != 2 {
			t.Fatalf("ShortestPath: got %d relations, %v", len(path), err)
		}
		path[0].Evidence[0].Text = "changed"
	}
}
