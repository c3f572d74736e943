package storetest

import (
	"context"
	"testing"

	"github.com/geokg/geokg/graph"
)

func testNotFound(t *testing.T, s graph.Store) {
	ctx := context.Background()
	_, err := s.FindEntity(ctx, "Ana Vela")
	wantErr(t, "FindEntity on an empty store", err, graph.ErrNotFound)
	_, err = s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:ana-vela", Depth: 1})
	wantErr(t, "Neighborhood on an empty store", err, graph.ErrNotFound)
	checkEntities(t, "Entities on an empty store", entities(t, s, "person:ana-vela"), nil)
	checkRelations(t, "Relations on an empty store", relations(t, s, graph.RelationFilter{}), nil)

	apply(t, s, batchA(t))
	for _, name := range []string{"Nobody", "", "Vel", "Ana Vela "} {
		_, err := s.FindEntity(ctx, name)
		wantErr(t, "FindEntity "+name, err, graph.ErrNotFound)
	}
	_, err = s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:nobody", Depth: 2})
	wantErr(t, "Neighborhood person:nobody", err, graph.ErrNotFound)

	checkIDs(t, "Entities with unknown ids", entityIDs(entities(t, s, "nope", "person:ana-vela", "", "country:XN", "nope")), []string{"person:ana-vela", "country:XN"})
	evs := events(t, s, "nope", "event:a:strike", "event:b:talks")
	if len(evs) != 1 || evs[0].ID != "event:a:strike" {
		t.Errorf("Events with unknown ids: got %d events %v, want only event:a:strike", len(evs), evs)
	}
	as := articles(t, s, articleB, "nope", articleA)
	if len(as) != 1 || as[0].ID != articleA {
		t.Errorf("Articles with unknown ids: got %d articles, want only %s", len(as), articleA)
	}
	checkRelations(t, "Relations at an unknown entity", relations(t, s, graph.RelationFilter{Entity: "person:nobody"}), nil)
	checkRelations(t, "Relations of an unknown article", relations(t, s, graph.RelationFilter{Article: articleB}), nil)
}

func testFindEntity(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t), batchB(t), batchC(t))
	cases := []struct {
		name, query, want string
	}{
		{"canonical name", "Ana Vela", "person:ana-vela"},
		{"other case", "aNA vELA", "person:ana-vela"},
		{"alias from the second article", "MADAM VELA", "person:ana-vela"},
		{"alias from the first article", "president ana vela", "person:ana-vela"},
		{"canonical beats alias", "reyn", "group:reyn"},
		{"alias tie goes to smallest id", "the envoy", "person:bo-lind"},
		{"canonical tie goes to smallest id over an alias", "ORAN", "city:oran"},
		{"place", "port amar", "city:port-amar"},
		{"alias unioned later", "sudrians", "country:XS"},
		{"non-ASCII name", "ålborg", "city:alborg"},
		{"non-ASCII alias", "étape", "city:alborg"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.FindEntity(context.Background(), tc.query)
			if err != nil {
				t.Fatalf("FindEntity %q: got %v, want %s", tc.query, err, tc.want)
			}
			checkEntities(t, "FindEntity "+tc.query, []graph.Entity{got}, entities(t, s, tc.want))
		})
	}
}

// testCaseFolding pins one lower-casing for every name lookup: Go's, which
// maps İ to i and keeps a final Σ as σ, where Neo4j's toLower (Java's)
// would give "i̇" and ς.
func testCaseFolding(t *testing.T, s graph.Store) {
	apply(t, s, graph.Batch{
		Article: graph.Article{ID: "article:fold", Text: "İzmir, ΤΣΙΠΡΑΣ."},
		Entities: []graph.Entity{
			{ID: "city:izmir", Name: "İzmir", Kind: graph.City},
			{ID: "person:tsipras", Name: "Alexis Tsipras", Kind: graph.Person, Aliases: []string{"ΤΣΙΠΡΑΣ"}},
		},
	})
	for _, tc := range []struct{ query, want string }{
		{"izmir", "city:izmir"},
		{"IZMIR", "city:izmir"},
		{"İzmir", "city:izmir"},
		{"τσιπρασ", "person:tsipras"},
		{"ΤΣΙΠΡΑΣ", "person:tsipras"},
	} {
		e, err := s.FindEntity(context.Background(), tc.query)
		if err != nil || e.ID != tc.want {
			t.Errorf("FindEntity %q: got %q, %v, want %s", tc.query, e.ID, err, tc.want)
		}
		es, err := s.SearchEntities(context.Background(), graph.EntityFilter{Search: tc.query})
		if err != nil {
			t.Fatalf("SearchEntities %q: got %v, want nil", tc.query, err)
		}
		checkIDs(t, "SearchEntities "+tc.query, entityIDs(es), []string{tc.want})
		ls, _, err := s.ListEntities(context.Background(), graph.EntityQuery{NameContains: tc.query})
		if err != nil {
			t.Fatalf("ListEntities %q: got %v, want nil", tc.query, err)
		}
		checkIDs(t, "ListEntities "+tc.query, entityIDs(ls), []string{tc.want})
	}
}

func testSearchEntities(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t), batchB(t), batchC(t))
	cases := []struct {
		name string
		f    graph.EntityFilter
		want []string
	}{
		{"exact, then prefix, then substring", graph.EntityFilter{Search: "oran"}, []string{
			"city:oran", "region:oran", "city:wrenfield", // exact (Wrenfield by alias), by name then id
			"region:oran-valley", "group:orange", // prefix: "Oran Valley" < "Orange Group"
			"city:lake-oran", // substring
		}},
		{"case-insensitive", graph.EntityFilter{Search: "ORAN"}, []string{
			"city:oran", "region:oran", "city:wrenfield", "region:oran-valley", "group:orange", "city:lake-oran",
		}},
		{"kind", graph.EntityFilter{Search: "oran", Kind: graph.City}, []string{"city:oran", "city:wrenfield", "city:lake-oran"}},
		{"limit", graph.EntityFilter{Search: "oran", Limit: 2}, []string{"city:oran", "region:oran"}},
		{"negative limit is no limit", graph.EntityFilter{Search: "oran", Kind: graph.Region, Limit: -1}, []string{"region:oran", "region:oran-valley"}},
		{"best of name and aliases", graph.EntityFilter{Search: "re"}, []string{
			"group:reyn", "person:tomas-reyn", // prefix: "Reyn", alias "Reyn" of Tomas Reyn
			"person:ana-vela", "city:wrenfield", // substring: "President Ana Vela", "Wrenfield"
		}},
		{"alias only", graph.EntityFilter{Search: "Vela"}, []string{"person:ana-vela"}},
		{"non-ASCII prefix", graph.EntityFilter{Search: "ÅL"}, []string{"city:alborg"}},
		{"empty search, one kind", graph.EntityFilter{Kind: graph.Person}, []string{
			"person:ana-vela", "person:bo-lind", "person:ila-moss", "person:tomas-reyn", "person:zed-orr",
		}},
		{"empty search", graph.EntityFilter{}, []string{
			"person:ana-vela", "person:bo-lind", "person:ila-moss", "city:lake-oran", "country:XN",
			"location:null-island", "city:oran", "region:oran", "region:oran-valley", "group:orange",
			"city:port-amar", "group:reyn", "country:XS", "person:tomas-reyn", "city:wrenfield",
			"person:zed-orr", "city:alborg", // "Å" sorts after ASCII in byte order
		}},
		{"no match", graph.EntityFilter{Search: "zzz"}, nil},
		{"kind with no entities", graph.EntityFilter{Kind: graph.Military}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.SearchEntities(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("SearchEntities %+v: got %v, want nil", tc.f, err)
			}
			checkIDs(t, "SearchEntities ids", entityIDs(got), tc.want)
			checkEntities(t, "SearchEntities values", got, entities(t, s, entityIDs(got)...))
		})
	}
}

func testRelations(t *testing.T, s graph.Store) {
	a, b, c := batchA(t), batchB(t), batchC(t)
	apply(t, s, a, b, c)
	all := sortedRelations(append(append(stored(a).Relations, stored(b).Relations...), stored(c).Relations...))
	checkRelations(t, "all Relations", relations(t, s, graph.RelationFilter{}), all)

	const tomas, xs, ana = "person:tomas-reyn", "country:XS", "person:ana-vela"
	cases := []struct {
		name string
		f    graph.RelationFilter
		want []string
	}{
		{"all", graph.RelationFilter{}, relationIDs(all)},
		{"out", graph.RelationFilter{Entity: tomas, Direction: graph.Out}, []string{"rel:b:leader"}},
		{"in", graph.RelationFilter{Entity: tomas, Direction: graph.In}, []string{"rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"both", graph.RelationFilter{Entity: tomas, Direction: graph.Both}, []string{"rel:b:leader", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"empty direction is both", graph.RelationFilter{Entity: tomas}, []string{"rel:b:leader", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"out across articles", graph.RelationFilter{Entity: xs, Direction: graph.Out}, []string{"rel:a:deployed", "rel:a:struck"}},
		{"in across articles", graph.RelationFilter{Entity: xs, Direction: graph.In}, []string{"rel:a:condemned", "rel:b:leader"}},
		{"claimedBy is not an endpoint", graph.RelationFilter{Entity: "country:XN", Direction: graph.Out}, []string{}},
		{"types", graph.RelationFilter{Types: []graph.RelType{"LEADER_OF"}}, []string{"rel:a:structural-leader", "rel:b:leader"}},
		{"types and direction", graph.RelationFilter{Entity: tomas, Direction: graph.In, Types: []graph.RelType{"THANKED", "MEETS"}}, []string{"rel:b:meets", "rel:b:thanked"}},
		{"article", graph.RelationFilter{Article: articleB}, []string{"rel:b:leader", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"article and entity", graph.RelationFilter{Article: articleA, Entity: ana, Direction: graph.Out}, []string{"rel:a:condemned", "rel:a:structural-leader"}},
		{"article excludes the other article", graph.RelationFilter{Article: articleA, Entity: ana}, []string{"rel:a:condemned", "rel:a:structural-leader"}},
		{"limit", graph.RelationFilter{Limit: 3}, []string{"rel:a:condemned", "rel:a:deployed", "rel:a:located"}},
		{"limit after filtering", graph.RelationFilter{Entity: ana, Limit: 2}, []string{"rel:a:condemned", "rel:a:structural-leader"}},
		{"limit beyond the count", graph.RelationFilter{Entity: tomas, Direction: graph.Out, Limit: 10}, []string{"rel:b:leader"}},
		{"direction without entity is ignored", graph.RelationFilter{Direction: graph.In, Article: articleB}, []string{"rel:b:leader", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"}},
		{"type with no relations", graph.RelationFilter{Types: []graph.RelType{"INVADED"}}, nil},
		{"self-loop once", graph.RelationFilter{Entity: "group:orange"}, []string{"rel:c:self"}},
		{"self-loop out", graph.RelationFilter{Entity: "group:orange", Direction: graph.Out}, []string{"rel:c:self"}},
		{"self-loop in", graph.RelationFilter{Entity: "group:orange", Direction: graph.In}, []string{"rel:c:self"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := relations(t, s, tc.f)
			checkIDs(t, "Relations ids", relationIDs(got), tc.want)
			checkRelations(t, "Relations values", got, relationsByID(t, all, relationIDs(got)...))
		})
	}

	for _, f := range []graph.RelationFilter{
		{Entity: tomas, Direction: "SIDEWAYS"},
		{Types: []graph.RelType{"LEADER_OF", "LOVES"}},
		{Types: []graph.RelType{"leader_of"}},
	} {
		_, err := s.Relations(context.Background(), f)
		wantErr(t, "Relations "+dump(f), err, graph.ErrInvalid)
	}
}

func testNeighborhood(t *testing.T, s graph.Store) {
	a, b, c := batchA(t), batchB(t), batchC(t)
	apply(t, s, a, b, c)
	all := append(append(stored(a).Relations, stored(b).Relations...), stored(c).Relations...)

	const ila = "person:ila-moss"
	depth3 := []string{"rel:a:condemned", "rel:a:deployed", "rel:a:struck", "rel:a:structural-leader", "rel:b:leader", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"}
	depth3Ents := []string{"city:port-amar", "country:XN", "country:XS", "person:ana-vela", ila, "person:tomas-reyn"}
	cases := []struct {
		name     string
		q        graph.NeighborhoodQuery
		rels     []string
		entities []string
	}{
		{"depth 1", graph.NeighborhoodQuery{ID: ila, Depth: 1}, []string{"rel:b:mediated"}, []string{ila, "person:tomas-reyn"}},
		{"depth 0 clamps to 1", graph.NeighborhoodQuery{ID: ila}, []string{"rel:b:mediated"}, []string{ila, "person:tomas-reyn"}},
		{"depth 2 includes edges among neighbours", graph.NeighborhoodQuery{ID: ila, Depth: 2},
			[]string{"rel:b:leader", "rel:b:mediated", "rel:b:meets", "rel:b:thanked"},
			[]string{"country:XS", "person:ana-vela", ila, "person:tomas-reyn"}},
		// Port Amar and Norland are 3 hops away, so the relation between them is not kept.
		{"depth 3", graph.NeighborhoodQuery{ID: ila, Depth: 3}, depth3, depth3Ents},
		{"depth above max clamps", graph.NeighborhoodQuery{ID: ila, Depth: 50}, depth3, depth3Ents},
		{"types limit the walk", graph.NeighborhoodQuery{ID: ila, Depth: 3, Types: []graph.RelType{"MEDIATED", "LEADER_OF"}},
			[]string{"rel:b:leader", "rel:b:mediated"}, []string{"country:XS", ila, "person:tomas-reyn"}},
		{"limit cuts relations by id, entities follow", graph.NeighborhoodQuery{ID: ila, Depth: 3, Limit: 3},
			[]string{"rel:a:condemned", "rel:a:deployed", "rel:a:struck"},
			[]string{"city:port-amar", "country:XN", "country:XS", "person:ana-vela", ila}},
		{"both directions", graph.NeighborhoodQuery{ID: "city:port-amar", Depth: 1},
			[]string{"rel:a:deployed", "rel:a:located"}, []string{"city:port-amar", "country:XN", "country:XS"}},
		{"claimedBy and event places are not edges", graph.NeighborhoodQuery{ID: "city:lake-oran", Depth: 3}, nil, []string{"city:lake-oran"}},
		{"self-loop", graph.NeighborhoodQuery{ID: "group:orange", Depth: 2}, []string{"rel:c:self"}, []string{"group:orange"}},
		{"no relation of the type", graph.NeighborhoodQuery{ID: "country:XN", Depth: 2, Types: []graph.RelType{"MEETS"}}, nil, []string{"country:XN"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Neighborhood(context.Background(), tc.q)
			if err != nil {
				t.Fatalf("Neighborhood %+v: got %v, want nil", tc.q, err)
			}
			checkIDs(t, "Neighborhood relations", relationIDs(got.Relations), tc.rels)
			checkIDs(t, "Neighborhood entities", entityIDs(got.Entities), tc.entities)
			checkRelations(t, "Neighborhood relation values", got.Relations, relationsByID(t, all, relationIDs(got.Relations)...))
			checkEntities(t, "Neighborhood entity values", got.Entities, entities(t, s, entityIDs(got.Entities)...))
		})
	}
	_, err := s.Neighborhood(context.Background(), graph.NeighborhoodQuery{ID: ila, Types: []graph.RelType{"LOVES"}})
	wantErr(t, "Neighborhood with an unknown type", err, graph.ErrInvalid)
}

// testCopies checks that neither the caller's batch nor a returned value
// shares memory with what the store keeps.
func testCopies(t *testing.T, s graph.Store) {
	a := batchA(t)
	want := stored(a)
	apply(t, s, a)
	a.Entities[0].Aliases[0] = "changed"
	a.Entities[0].Mentions[0].Text = "changed"
	*a.Entities[1].Lat = 0
	a.Relations[0].Evidence[0].Text = "changed"
	a.Events[0].Participants[0].Entity = "changed"
	*a.Events[0].Killed = 99

	ctx := context.Background()
	for i := 0; i < 2; i++ {
		es := entities(t, s, "person:ana-vela", "country:XN")
		checkEntities(t, "Entities after changing the batch and earlier results", es, []graph.Entity{want.Entities[0], want.Entities[1]})
		es[0].Aliases[0] = "changed"
		es[0].Mentions[0].Text = "changed"
		*es[1].Lat = 0

		found, err := s.FindEntity(ctx, "Ana Vela")
		if err != nil {
			t.Fatalf("FindEntity: got %v, want nil", err)
		}
		checkEntities(t, "FindEntity after changing earlier results", []graph.Entity{found}, want.Entities[:1])
		found.Aliases[0] = "changed"

		rs := relations(t, s, graph.RelationFilter{Article: articleA})
		checkRelations(t, "Relations after changing earlier results", rs, sortedRelations(want.Relations))
		rs[0].Evidence[0].Text = "changed"

		evs := events(t, s, "event:a:strike")
		checkEvents(t, "Events after changing earlier results", evs, want.Events)
		evs[0].Participants[0].Entity = "changed"
		*evs[0].Killed = 99

		sub, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "person:ana-vela"})
		if err != nil {
			t.Fatalf("Neighborhood: got %v, want nil", err)
		}
		sub.Entities[0].Mentions[0].Text = "changed"
		sub.Relations[0].Evidence[0].Text = "changed"
	}
}
