package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/geokg/geokg/graph"
)

func testRoundTrip(t *testing.T, s graph.Store) {
	a, b := batchA(t), batchB(t)
	apply(t, s, a)
	wa := stored(a)

	// Neither batch order nor id order: Entities answers in the order asked.
	ids := []string{"city:port-amar", "person:ana-vela", "country:XS", "country:XN"}
	var want []graph.Entity
	for _, id := range ids {
		want = append(want, entityByID(t, wa.Entities, id))
	}
	checkEntities(t, "Entities after A", entities(t, s, ids...), want)
	checkRelations(t, "Relations after A", relations(t, s, graph.RelationFilter{}), sortedRelations(wa.Relations))
	checkEvents(t, "Events after A", events(t, s, "event:a:strike"), wa.Events)
	checkArticles(t, "Articles after A", articles(t, s, articleA), []graph.Article{wa.Article})

	apply(t, s, b)
	wb := stored(b)
	onlyB := []string{"person:tomas-reyn", "person:ila-moss", "city:lake-oran"}
	want = nil
	for _, id := range onlyB {
		want = append(want, entityByID(t, wb.Entities, id))
	}
	checkEntities(t, "Entities only in B", entities(t, s, onlyB...), want)
	checkRelations(t, "Relations of B", relations(t, s, graph.RelationFilter{Article: articleB}), sortedRelations(wb.Relations))
	checkEvents(t, "Events of both, in the order asked", events(t, s, "event:b:talks", "event:a:strike"), append(wb.Events, wa.Events...))
	checkArticles(t, "Articles of both, in the order asked", articles(t, s, articleB, articleA), []graph.Article{wb.Article, wa.Article})

	c := batchC(t)
	apply(t, s, c)
	wc := stored(c)
	checkEntities(t, "Entities with zero coordinates and non-ASCII names", entities(t, s, "location:null-island", "city:alborg"),
		[]graph.Entity{entityByID(t, wc.Entities, "location:null-island"), entityByID(t, wc.Entities, "city:alborg")})
	checkRelations(t, "Relations of C, a self-loop without evidence", relations(t, s, graph.RelationFilter{Article: articleC}), wc.Relations)

	got := entities(t, s, "country:XN", "person:ila-moss", "country:XN")
	checkIDs(t, "Entities with a repeated id", entityIDs(got), []string{"country:XN", "person:ila-moss", "country:XN"})
	checkEntities(t, "Entities with no ids", entities(t, s), nil)
}

// testArticleStamped pins the contract's normalisation with literal values:
// the batch's article id everywhere, sorted aliases, mentions, participants
// (a repeated one stored once).
func testArticleStamped(t *testing.T, s graph.Store) {
	const body = "Kai Dorn met Lu Sen. Dorn and Sen spoke again."
	b := graph.Batch{
		Article: graph.Article{ID: "article:s", SHA256: sha(body), Text: body},
		Entities: []graph.Entity{
			{
				ID: "person:kai-dorn", Name: "Kai Dorn", Kind: graph.Person,
				Aliases: []string{"dorn", "Dorn", "Kai", "Dorn"},
				Mentions: []graph.Mention{
					{Start: 21, End: 25, Text: "Dorn"},
					{Article: "article:elsewhere", Start: 0, End: 8, Text: "Kai Dorn"},
				},
			},
			{ID: "person:lu-sen", Name: "Lu Sen", Kind: graph.Person, Mentions: []graph.Mention{{Start: 13, End: 19, Text: "Lu Sen"}}},
		},
		Relations: []graph.Relation{{
			ID: "rel:s:meets", Type: "MEETS", Class: "CONSULT", Source: "person:kai-dorn", Target: "person:lu-sen",
			Confidence: 0.5, Event: "event:s:talks",
			Evidence: []graph.Evidence{{Article: "article:elsewhere", Start: 21, End: 47, Text: "Dorn and Sen spoke again."}, {Start: 0, End: 20, Text: "Kai Dorn met Lu Sen."}},
		}},
		Events: []graph.Event{{
			ID: "event:s:talks", Type: "CONSULT", Label: "talks",
			Participants: []graph.Participant{
				{Entity: "person:lu-sen", Role: graph.RoleTarget},
				{Entity: "person:kai-dorn", Role: graph.RoleTarget},
				{Entity: "person:kai-dorn", Role: graph.RoleSource},
				{Entity: "person:lu-sen", Role: graph.RoleTarget},
			},
			Evidence: []graph.Evidence{{Start: 0, End: 20, Text: "Kai Dorn met Lu Sen."}},
		}},
	}
	apply(t, s, b)

	checkEntities(t, "Entities", entities(t, s, "person:kai-dorn"), []graph.Entity{{
		ID: "person:kai-dorn", Name: "Kai Dorn", Kind: graph.Person,
		Aliases: []string{"Dorn", "Kai", "dorn"},
		Mentions: []graph.Mention{
			{Article: "article:s", Start: 0, End: 8, Text: "Kai Dorn"},
			{Article: "article:s", Start: 21, End: 25, Text: "Dorn"},
		},
	}})
	checkRelations(t, "Relations", relations(t, s, graph.RelationFilter{}), []graph.Relation{single(graph.Relation{
		ID: "rel:s:meets", Type: "MEETS", Class: "CONSULT", Source: "person:kai-dorn", Target: "person:lu-sen",
		Confidence: 0.5, Event: "event:s:talks", Article: "article:s",
		Evidence: []graph.Evidence{
			{Article: "article:s", Start: 21, End: 47, Text: "Dorn and Sen spoke again."},
			{Article: "article:s", Start: 0, End: 20, Text: "Kai Dorn met Lu Sen."},
		},
	}, "", nil, nil)})
	checkEvents(t, "Events", events(t, s, "event:s:talks"), []graph.Event{alone(graph.Event{
		ID: "event:s:talks", Type: "CONSULT", Label: "talks", Article: "article:s",
		Participants: []graph.Participant{
			{Entity: "person:kai-dorn", Role: graph.RoleSource},
			{Entity: "person:kai-dorn", Role: graph.RoleTarget},
			{Entity: "person:lu-sen", Role: graph.RoleTarget},
		},
		Evidence: []graph.Evidence{{Article: "article:s", Start: 0, End: 20, Text: "Kai Dorn met Lu Sen."}},
	}, "")})
}

func testIdempotent(t *testing.T, s graph.Store) {
	a, b := batchA(t), batchB(t)
	apply(t, s, a, b)
	once := take(t, s)
	apply(t, s, a, b, a)
	check(t, "state after applying A, B, then B, A, B again", take(t, s), once)

	wa := stored(a)
	checkRelations(t, "Relations of A after re-applying", relations(t, s, graph.RelationFilter{Article: articleA}), sortedRelations(wa.Relations))
	ana := entities(t, s, "person:ana-vela")
	if len(ana) != 1 {
		t.Fatalf("Entities person:ana-vela: got %d entities, want 1", len(ana))
	}
	wantMentions := len(a.Entities[0].Mentions) + len(b.Entities[0].Mentions)
	if got := len(ana[0].Mentions); got != wantMentions {
		t.Errorf("person:ana-vela mentions after re-applying: got %d, want %d", got, wantMentions)
	}
}

// batchA2 is a second version of article A: one relation dropped, one
// changed, one added; the strike event replaced; Port Amar no longer named.
func batchA2(t testing.TB) graph.Batch {
	a := batchA(t)
	a2 := graph.Batch{Article: a.Article}
	a2.Article.Title = "Drone raid on Norland"
	a2.Entities = []graph.Entity{
		{
			ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person,
			Aliases: []string{"Ana"}, Mentions: mentions(t, bodyA, "Ana Vela"),
		},
		{ID: "country:XN", Name: "Norland", Kind: graph.Country, Country: "XN", Mentions: mentions(t, bodyA, "Norland said")},
		{ID: "country:XS", Name: "Sudria", Kind: graph.Country, Country: "XS", Mentions: mentions(t, bodyA, "Sudria on")},
	}
	leader := a.Relations[0]
	struck := a.Relations[2]
	struck.Confidence, struck.Status, struck.Event = 0.5, graph.StatusReported, "event:a:raid"
	accused := graph.Relation{
		ID: "rel:a:accused", Type: "ACCUSED", Class: "ACCUSE", Source: "country:XN", Target: "country:XS",
		Status: graph.StatusOccurred, Confidence: 0.7, Article: articleA,
		Evidence: evidence(t, bodyA, "Norland said Sudrian troops had deployed to Port Amar."),
	}
	a2.Relations = []graph.Relation{leader, struck, accused}
	a2.Events = []graph.Event{{
		ID: "event:a:raid", Type: "ASSAULT", Label: "Sudrian raid", Status: graph.StatusReported, Killed: ptr(5),
		Participants: []graph.Participant{{Entity: "country:XS", Role: graph.RoleSource}, {Entity: "country:XN", Role: graph.RoleTarget}},
		Article:      articleA, Evidence: struck.Evidence,
	}}
	return a2
}

func testReapplyReplaces(t *testing.T, s graph.Store) {
	a, a2, b := batchA(t), batchA2(t), batchB(t)
	apply(t, s, a, b, a2)
	wa2, wb := stored(a2), stored(b)

	checkRelations(t, "Relations of A after the new version", relations(t, s, graph.RelationFilter{Article: articleA}), sortedRelations(wa2.Relations))
	checkRelations(t, "Relations of B, untouched", relations(t, s, graph.RelationFilter{Article: articleB}), sortedRelations(wb.Relations))
	checkRelations(t, "all Relations", relations(t, s, graph.RelationFilter{}), sortedRelations(append(wa2.Relations, wb.Relations...)))
	checkEvents(t, "Events old and new", events(t, s, "event:a:strike", "event:a:raid", "event:b:talks"), append(wa2.Events, wb.Events...))
	checkArticles(t, "Articles", articles(t, s, articleA), []graph.Article{wa2.Article})

	// Never deleted; its only article no longer names it, so no mentions.
	checkEntities(t, "Entities city:port-amar", entities(t, s, "city:port-amar"), []graph.Entity{{
		ID: "city:port-amar", Name: "Port Amar", Kind: graph.City, Country: "XN", Lat: ptr(60.125), Lon: ptr(-19.5),
	}})
	anaB := entityByID(t, wb.Entities, "person:ana-vela")
	ana := graph.Entity{
		ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person,
		Aliases:  []string{"Ana", "Madam Vela", "President Ana Vela", "Vela"},
		Mentions: append(append([]graph.Mention(nil), entityByID(t, wa2.Entities, "person:ana-vela").Mentions...), anaB.Mentions...),
	}
	xsB := entityByID(t, wb.Entities, "country:XS")
	xs := graph.Entity{
		ID: "country:XS", Name: "Sudria", Kind: graph.Country, Country: "XS",
		Aliases:  []string{"Sudrian", "Sudrians"},
		Mentions: append(append([]graph.Mention(nil), entityByID(t, wa2.Entities, "country:XS").Mentions...), xsB.Mentions...),
	}
	checkEntities(t, "merged Entities after the new version", entities(t, s, "person:ana-vela", "country:XS"), []graph.Entity{ana, xs})

	// Going back to the first version restores it exactly.
	apply(t, s, a)
	checkRelations(t, "Relations of A after the first version again", relations(t, s, graph.RelationFilter{Article: articleA}), sortedRelations(stored(a).Relations))
	checkEvents(t, "Events after the first version again", events(t, s, "event:a:raid", "event:a:strike"), stored(a).Events)
}

// testRetypedFact: a new version of an article where a fact keeps its id
// but changes type (the loader re-read "condemned" as "accused") moves the
// fact to its new group; nothing of the old type is left behind. Each
// round flips it back, so an order-dependent write shows within a few.
func testRetypedFact(t *testing.T, s graph.Store) {
	a := batchA(t)
	apply(t, s, a)
	for round := range 6 {
		b := batchA(t)
		i := slices.IndexFunc(b.Relations, func(r graph.Relation) bool { return r.ID == "rel:a:condemned" })
		if round%2 == 0 {
			b.Relations[i].Type = "ACCUSED"
		}
		apply(t, s, b)
		want := sortedRelations(stored(b).Relations)
		checkRelations(t, fmt.Sprintf("Relations after version %d", round+1), relations(t, s, graph.RelationFilter{}), want)
		for _, typ := range []graph.RelType{"CONDEMNED", "ACCUSED"} {
			var wantTyped []graph.Relation
			for _, r := range want {
				if r.Type == typ {
					wantTyped = append(wantTyped, r)
				}
			}
			checkRelations(t, fmt.Sprintf("Relations of type %s after version %d", typ, round+1),
				relations(t, s, graph.RelationFilter{Types: []graph.RelType{typ}}), wantTyped)
		}
	}
}

func testMergeAcrossArticles(t *testing.T, s graph.Store) {
	a, b := batchA(t), batchB(t)
	apply(t, s, a, b)
	wa, wb := stored(a), stored(b)

	ana := graph.Entity{
		ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person,
		Aliases:  []string{"Madam Vela", "President Ana Vela", "Vela"},
		Mentions: append(append([]graph.Mention(nil), entityByID(t, wa.Entities, "person:ana-vela").Mentions...), entityByID(t, wb.Entities, "person:ana-vela").Mentions...),
	}
	// B gives no country code for Sudria: A's is kept.
	xs := graph.Entity{
		ID: "country:XS", Name: "Sudria", Kind: graph.Country, Country: "XS",
		Aliases:  []string{"Sudrian", "Sudrians"},
		Mentions: append(append([]graph.Mention(nil), entityByID(t, wa.Entities, "country:XS").Mentions...), entityByID(t, wb.Entities, "country:XS").Mentions...),
	}
	checkEntities(t, "merged Entities", entities(t, s, "person:ana-vela", "country:XS"), []graph.Entity{ana, xs})
	all, err := s.SearchEntities(context.Background(), graph.EntityFilter{Search: "vela"})
	if err != nil {
		t.Fatalf("SearchEntities vela: got %v, want nil", err)
	}
	checkIDs(t, "SearchEntities vela", entityIDs(all), []string{"person:ana-vela"})

	// A third article renames and moves things; empty values keep the old ones.
	const body = "Port Amar City and Norland."
	d := graph.Batch{
		Article: graph.Article{ID: "article:d", SHA256: sha(body), Text: body},
		Entities: []graph.Entity{
			{ID: "city:port-amar", Name: "Port Amar City", Kind: graph.City, Mentions: mentions(t, body, "Port Amar City")},
			{ID: "country:XN", Name: "Norland", Kind: graph.Country, Lat: ptr(62.0), Lon: ptr(-21.0)},
			{ID: "city:lake-oran", Name: "Lake Oran", Kind: graph.Location},
		},
	}
	apply(t, s, d)
	wd := stored(d)
	pa := entityByID(t, wa.Entities, "city:port-amar")
	pa.Name = "Port Amar City"
	pa.Aliases = nil
	pa.Mentions = append(pa.Mentions, wd.Entities[0].Mentions...)
	xn := entityByID(t, wa.Entities, "country:XN")
	xn.Lat, xn.Lon = ptr(62.0), ptr(-21.0)
	lo := entityByID(t, wb.Entities, "city:lake-oran")
	lo.Kind = graph.Location
	checkEntities(t, "Entities after a third article", entities(t, s, "city:port-amar", "country:XN", "city:lake-oran"), []graph.Entity{pa, xn, lo})
	found, err := s.FindEntity(context.Background(), "port amar city")
	if err != nil || found.ID != "city:port-amar" {
		t.Errorf("FindEntity by the new name: got %s, %v, want city:port-amar", found.ID, err)
	}
	// The old name was never an alias, so it no longer finds the entity.
	_, err = s.FindEntity(context.Background(), "port amar")
	wantErr(t, "FindEntity by the replaced name", err, graph.ErrNotFound)
}

func testInvalid(t *testing.T, s graph.Store) {
	apply(t, s, batchA(t))
	before := take(t, s)

	cases := []struct {
		name   string
		mutate func(b *graph.Batch)
	}{
		{"no article id", func(b *graph.Batch) { b.Article.ID = "" }},
		{"entity without id", func(b *graph.Batch) { b.Entities[1].ID = "" }},
		{"entity without name", func(b *graph.Batch) { b.Entities[1].Name = "" }},
		{"entity of unknown kind", func(b *graph.Batch) { b.Entities[2].Kind = "PLANET" }},
		{"entity with a blank alias", func(b *graph.Batch) { b.Entities[1].Aliases = append(b.Entities[1].Aliases, " ") }},
		{"event without id", func(b *graph.Batch) { b.Events[0].ID = "" }},
		{"event place not in batch", func(b *graph.Batch) { b.Events[0].Place = "city:nowhere" }},
		{"event participant not in batch", func(b *graph.Batch) { b.Events[0].Participants[1].Entity = "person:ghost" }},
		{"relation without id", func(b *graph.Batch) { b.Relations[0].ID = "" }},
		{"second relation of unknown type", func(b *graph.Batch) { b.Relations[1].Type = "LOVES" }},
		{"last relation target not in batch", func(b *graph.Batch) { b.Relations[3].Target = "country:XX" }},
		{"relation claimedBy not in batch", func(b *graph.Batch) { b.Relations[2].ClaimedBy = "person:ghost" }},
		{"relation event not in batch", func(b *graph.Batch) { b.Relations[2].Event = "event:ghost" }},
		{"new entity then invalid relation", func(b *graph.Batch) {
			b.Entities = append(b.Entities, graph.Entity{ID: "person:ghost", Name: "Ghost", Kind: graph.Person})
			b.Relations[1].Source = "person:nobody"
		}},
	}
	for _, tc := range cases {
		for _, base := range []graph.Batch{batchB(t), batchA(t)} {
			b := base
			tc.mutate(&b)
			err := s.Apply(context.Background(), b)
			wantErr(t, tc.name+" on "+base.Article.ID, err, graph.ErrInvalid)
			check(t, "state after "+tc.name+" on "+base.Article.ID, take(t, s), before)
		}
	}
	// The unmutated base batch is valid, so each case failed for its own reason.
	apply(t, s, batchB(t))
}

// testApplyAll writes several articles at once, one of them twice: the
// graph is what applying them one by one gives, so applying them one by
// one afterwards changes nothing; a batch with an invalid article writes
// none of them.
func testApplyAll(t *testing.T, s graph.Store) {
	ctx := context.Background()
	bs := []graph.Batch{batchA(t), batchB(t), batchA2(t), batchC(t)}
	if err := s.ApplyAll(ctx, bs); err != nil {
		t.Fatalf("ApplyAll A, B, A2, C: got %v, want nil", err)
	}
	all := take(t, s)
	checkRelations(t, "Relations of A after ApplyAll: its last version's", relations(t, s, graph.RelationFilter{Article: articleA}),
		sortedRelations(stored(batchA2(t)).Relations))
	apply(t, s, bs...)
	check(t, "state after applying A, B, A2, C one by one again", take(t, s), all)

	if err := s.ApplyAll(ctx, nil); err != nil {
		t.Errorf("ApplyAll of nothing: got %v, want nil", err)
	}
	bad := batchB(t)
	bad.Relations[0].Type = "LOVES"
	a := batchA(t)
	a.Article.Title = "Changed"
	err := s.ApplyAll(ctx, []graph.Batch{a, bad})
	wantErr(t, "ApplyAll with an invalid article", err, graph.ErrInvalid)
	check(t, "state after a rejected ApplyAll", take(t, s), all)
}
