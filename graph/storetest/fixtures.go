package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// The fixtures are small invented articles about invented countries, so the
// suite depends on no real news text. Offsets are computed from the bodies,
// so evidence and mention text is always the exact slice it claims to be.

const (
	articleA = "article:a"
	articleB = "article:b"
	articleC = "article:c"
)

const bodyA = "Norland's President Ana Vela condemned Sudria on Friday. " +
	"Sudrian drones struck Port Amar on 3 May, killing 4 people and injuring 12. " +
	"Norland said Sudrian troops had deployed to Port Amar. " +
	"Port Amar lies in northern Norland."

const bodyB = "Ana Vela met Sudrian leader Tomas Reyn in Lake Oran on 10 May, with Ila Moss mediating. " +
	"Madam Vela thanked Reyn afterwards. " +
	"Reyn leads Sudria."

// bodyC names look-alike places for the search and lookup tests.
const bodyC = "Oran, Oran Valley and the Orange Group were named, as was Wrenfield. " +
	"Reyn, a rebel group, and the envoys Bo Lind and Zed Orr spoke."

func ptr[T any](v T) *T { return &v }

func sha(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// span returns the byte offsets of the first occurrence of text in body.
func span(t testing.TB, body, text string) (int, int) {
	t.Helper()
	i := strings.Index(body, text)
	if i < 0 {
		t.Fatalf("fixture: %q is not in the body", text)
	}
	return i, i + len(text)
}

// mentions lists every occurrence of each surface form, as the loader would,
// leaving Article empty as the extraction document does.
func mentions(t testing.TB, body string, texts ...string) []graph.Mention {
	t.Helper()
	var out []graph.Mention
	for _, text := range texts {
		if !strings.Contains(body, text) {
			t.Fatalf("fixture: %q is not in the body", text)
		}
		for off := 0; ; {
			i := strings.Index(body[off:], text)
			if i < 0 {
				break
			}
			start := off + i
			out = append(out, graph.Mention{Start: start, End: start + len(text), Text: text})
			off = start + len(text)
		}
	}
	return out
}

// evidence builds evidence for the given sentences of body, in that order.
func evidence(t testing.TB, body string, sentences ...string) []graph.Evidence {
	t.Helper()
	out := make([]graph.Evidence, 0, len(sentences))
	for _, s := range sentences {
		start, end := span(t, body, s)
		out = append(out, graph.Evidence{Start: start, End: end, Text: s})
	}
	return out
}

// batchA: a strike, a condemnation and a claimed deployment.
func batchA(t testing.TB) graph.Batch {
	t.Helper()
	s1 := "Norland's President Ana Vela condemned Sudria on Friday."
	s2 := "Sudrian drones struck Port Amar on 3 May, killing 4 people and injuring 12."
	s3 := "Norland said Sudrian troops had deployed to Port Amar."
	s4 := "Port Amar lies in northern Norland."
	return graph.Batch{
		Article: graph.Article{
			ID: articleA, Title: "Drones strike Port Amar", Source: "Synthetic Wire",
			Published: "2025-05-03", SHA256: sha(bodyA), Text: bodyA,
		},
		Entities: []graph.Entity{
			{
				ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person,
				Aliases:  []string{"Vela", "President Ana Vela", "Vela"},
				Mentions: mentions(t, bodyA, "President Ana Vela"),
			},
			{
				ID: "country:XN", Name: "Norland", Kind: graph.Country, Country: "XN",
				Lat: ptr(61.5), Lon: ptr(-20.25),
				Mentions: mentions(t, bodyA, "Norland"),
			},
			{
				ID: "country:XS", Name: "Sudria", Kind: graph.Country, Country: "XS",
				Aliases:  []string{"Sudrian"},
				Mentions: mentions(t, bodyA, "Sudrian", "Sudria on"),
			},
			{
				ID: "city:port-amar", Name: "Port Amar", Kind: graph.City, Country: "XN",
				Lat: ptr(60.125), Lon: ptr(-19.5),
				Mentions: mentions(t, bodyA, "Port Amar"),
			},
		},
		// Listed out of id order on purpose: reads must sort by id.
		Relations: []graph.Relation{
			{
				ID: "rel:a:structural-leader", Type: "LEADER_OF", Class: graph.Structural,
				Source: "person:ana-vela", Target: "country:XN", Title: "President",
				Confidence: 0.95, Article: articleA, Evidence: evidence(t, bodyA, s1),
			},
			{
				ID: "rel:a:condemned", Type: "CONDEMNED", Class: "ACCUSE",
				Source: "person:ana-vela", Target: "country:XS",
				Date: "2025-05-02", DateText: "on Friday", Status: graph.StatusOccurred,
				Confidence: 0.8, Article: articleA, Evidence: evidence(t, bodyA, s1),
			},
			{
				ID: "rel:a:struck", Type: "STRUCK", Class: "ASSAULT",
				Source: "country:XS", Target: "country:XN",
				Date: "2025-05-03", DateText: "on 3 May", Status: graph.StatusOccurred,
				Confidence: 0.9, Event: "event:a:strike", Article: articleA,
				Evidence: evidence(t, bodyA, s2),
			},
			{
				ID: "rel:a:deployed", Type: "DEPLOYED_TO", Class: "MOBILIZE",
				Source: "country:XS", Target: "city:port-amar",
				Status: graph.StatusClaimed, ClaimedBy: "country:XN",
				Confidence: 0.6, Article: articleA, Evidence: evidence(t, bodyA, s3),
			},
			{
				ID: "rel:a:located", Type: "LOCATED_IN", Class: graph.Structural,
				Source: "city:port-amar", Target: "country:XN",
				Confidence: 1, Article: articleA,
				// Not in text order: evidence keeps the batch's order.
				Evidence: evidence(t, bodyA, s4, s2),
			},
		},
		Events: []graph.Event{
			{
				ID: "event:a:strike", Type: "ASSAULT", Label: "Sudrian drone strike on Port Amar",
				Mode: "drone", Date: "2025-05-03", DateText: "on 3 May", Status: graph.StatusOccurred,
				Place: "city:port-amar", Killed: ptr(4), Injured: ptr(12),
				// Not sorted by entity: reads sort participants.
				Participants: []graph.Participant{
					{Entity: "country:XS", Role: graph.RoleSource},
					{Entity: "country:XN", Role: graph.RoleTarget},
				},
				Article: articleA, Evidence: evidence(t, bodyA, s2),
			},
		},
	}
}

// batchB: talks with a mediator; shares Ana Vela and Sudria with batchA
// under other aliases.
func batchB(t testing.TB) graph.Batch {
	t.Helper()
	s1 := "Ana Vela met Sudrian leader Tomas Reyn in Lake Oran on 10 May, with Ila Moss mediating."
	s2 := "Madam Vela thanked Reyn afterwards."
	s3 := "Reyn leads Sudria."
	return graph.Batch{
		Article: graph.Article{
			ID: articleB, Title: "Vela and Reyn meet at Lake Oran", Source: "Synthetic Wire",
			Published: "2025-05-10", SHA256: sha(bodyB), Text: bodyB,
		},
		Entities: []graph.Entity{
			{
				ID: "person:ana-vela", Name: "Ana Vela", Kind: graph.Person,
				Aliases:  []string{"Madam Vela", "Vela"},
				Mentions: mentions(t, bodyB, "Ana Vela", "Madam Vela"),
			},
			{
				ID: "person:tomas-reyn", Name: "Tomas Reyn", Kind: graph.Person,
				Aliases:  []string{"Reyn"},
				Mentions: mentions(t, bodyB, "Tomas Reyn"),
			},
			{
				ID: "person:ila-moss", Name: "Ila Moss", Kind: graph.Person,
				Mentions: mentions(t, bodyB, "Ila Moss"),
			},
			{
				ID: "city:lake-oran", Name: "Lake Oran", Kind: graph.City, Country: "XN",
				Mentions: mentions(t, bodyB, "Lake Oran"),
			},
			{
				ID: "country:XS", Name: "Sudria", Kind: graph.Country,
				Aliases:  []string{"Sudrian", "Sudrians"},
				Mentions: mentions(t, bodyB, "Sudria."),
			},
		},
		Relations: []graph.Relation{
			{
				ID: "rel:b:meets", Type: "MEETS", Class: "CONSULT",
				Source: "person:ana-vela", Target: "person:tomas-reyn",
				Date: "2025-05-10", DateText: "on 10 May", Status: graph.StatusOccurred,
				Confidence: 0.9, Event: "event:b:talks", Article: articleB,
				Evidence: evidence(t, bodyB, s1),
			},
			{
				ID: "rel:b:mediated", Type: "MEDIATED", Class: "CONSULT",
				Source: "person:ila-moss", Target: "person:tomas-reyn",
				Date: "2025-05-10", Status: graph.StatusOccurred,
				Confidence: 0.7, Event: "event:b:talks", Article: articleB,
				Evidence: evidence(t, bodyB, s1),
			},
			{
				ID: "rel:b:thanked", Type: "THANKED", Class: "SUPPORT",
				Source: "person:ana-vela", Target: "person:tomas-reyn",
				Status: graph.StatusOccurred, Confidence: 0.75, Article: articleB,
				Evidence: evidence(t, bodyB, s2),
			},
			{
				ID: "rel:b:leader", Type: "LEADER_OF", Class: graph.Structural,
				Source: "person:tomas-reyn", Target: "country:XS", Title: "Leader",
				Confidence: 0.85, Article: articleB, Evidence: evidence(t, bodyB, s3, s1),
			},
		},
		Events: []graph.Event{
			{
				ID: "event:b:talks", Type: "CONSULT", Label: "Vela–Reyn talks at Lake Oran",
				Date: "2025-05-10", DateText: "on 10 May", Status: graph.StatusOccurred,
				Place: "city:lake-oran", Killed: ptr(0), // zero, not unknown
				Participants: []graph.Participant{
					{Entity: "person:tomas-reyn", Role: graph.RoleTarget},
					{Entity: "person:ana-vela", Role: graph.RoleSource},
					{Entity: "person:ila-moss", Role: graph.RoleMediator},
				},
				Article: articleB, Evidence: evidence(t, bodyB, s1),
			},
		},
	}
}

// batchC: look-alike names for ranking and lookup; no relations.
func batchC(t testing.TB) graph.Batch {
	t.Helper()
	return graph.Batch{
		Article: graph.Article{ID: articleC, Title: "Names", SHA256: sha(bodyC), Text: bodyC},
		Entities: []graph.Entity{
			{ID: "city:oran", Name: "Oran", Kind: graph.City, Mentions: mentions(t, bodyC, "Oran,")},
			{ID: "region:oran", Name: "Oran", Kind: graph.Region},
			{ID: "region:oran-valley", Name: "Oran Valley", Kind: graph.Region, Mentions: mentions(t, bodyC, "Oran Valley")},
			{ID: "group:orange", Name: "Orange Group", Kind: graph.Group, Mentions: mentions(t, bodyC, "Orange Group")},
			{ID: "city:wrenfield", Name: "Wrenfield", Kind: graph.City, Aliases: []string{"ORAN"}},
			{ID: "group:reyn", Name: "Reyn", Kind: graph.Group, Mentions: mentions(t, bodyC, "Reyn")},
			{ID: "person:zed-orr", Name: "Zed Orr", Kind: graph.Person, Aliases: []string{"the envoy"}},
			{ID: "person:bo-lind", Name: "Bo Lind", Kind: graph.Person, Aliases: []string{"The Envoy"}},
			{ID: "city:alborg", Name: "Ålborg", Kind: graph.City, Aliases: []string{"ÉTAPE"}},
			{ID: "location:null-island", Name: "Null Island", Kind: graph.Location, Country: "XN", Lat: ptr(0.0), Lon: ptr(0.0)},
		},
		// A self-loop with no evidence and zero confidence, all legal.
		Relations: []graph.Relation{{
			ID: "rel:c:self", Type: "ANNOUNCED", Class: "STATEMENT",
			Source: "group:orange", Target: "group:orange", Article: articleC,
		}},
	}
}

// stored is what a store must hold after applying b to an empty store, per
// the Store contract: the article id stamped everywhere, aliases sorted and
// deduplicated, mentions and participants sorted. It deep-copies b.
func stored(b graph.Batch) graph.Batch {
	out := graph.Batch{Article: b.Article}
	for _, e := range b.Entities {
		e.Aliases = sortedSet(e.Aliases)
		ms := make([]graph.Mention, len(e.Mentions))
		for i, m := range e.Mentions {
			m.Article = b.Article.ID
			ms[i] = m
		}
		sortMentions(ms)
		e.Mentions = ms
		e.Lat, e.Lon = copyPtr(e.Lat), copyPtr(e.Lon)
		out.Entities = append(out.Entities, e)
	}
	events := map[string]graph.Event{}
	for _, ev := range b.Events {
		ev.Article = b.Article.ID
		ev.Evidence = stampEvidence(ev.Evidence, b.Article.ID)
		ps := append([]graph.Participant(nil), ev.Participants...)
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].Entity != ps[j].Entity {
				return ps[i].Entity < ps[j].Entity
			}
			return ps[i].Role < ps[j].Role
		})
		ev.Participants = slices.Compact(ps)
		ev.Killed, ev.Injured = copyPtr(ev.Killed), copyPtr(ev.Injured)
		events[ev.ID] = ev
		out.Events = append(out.Events, alone(ev, b.Article.Published))
	}
	for _, r := range b.Relations {
		r.Article = b.Article.ID
		r.Evidence = stampEvidence(r.Evidence, b.Article.ID)
		ev := events[r.Event]
		out.Relations = append(out.Relations, single(r, b.Article.Published, ev.Killed, ev.Injured))
	}
	return out
}

// single is the fact one article alone states: its relation, reported by
// it once, with the casualties of its event.
func single(r graph.Relation, published string, killed, injured *int) graph.Relation {
	w := graph.RelationWitness{Relation: r, Published: published, Killed: copyPtr(killed), Injured: copyPtr(injured)}
	w.Evidence = append([]graph.Evidence(nil), r.Evidence...)
	r.Sources, r.FirstReported, r.LastReported = 1, published, published
	r.Witnesses = []graph.RelationWitness{w}
	return r
}

// alone is the event one article alone reports.
func alone(ev graph.Event, published string) graph.Event {
	w := graph.EventWitness{Event: ev, Published: published}
	w.Participants = append([]graph.Participant(nil), ev.Participants...)
	w.Evidence = append([]graph.Evidence(nil), ev.Evidence...)
	w.Killed, w.Injured = copyPtr(ev.Killed), copyPtr(ev.Injured)
	ev.Sources, ev.FirstReported, ev.LastReported = 1, published, published
	ev.Witnesses = []graph.EventWitness{w}
	return ev
}

func copyPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func stampEvidence(in []graph.Evidence, article string) []graph.Evidence {
	out := make([]graph.Evidence, len(in))
	for i, e := range in {
		e.Article = article
		out[i] = e
	}
	return out
}

func sortedSet(in []string) []string {
	out := append([]string(nil), in...)
	sort.Strings(out)
	n := 0
	for i, s := range out {
		if i == 0 || s != out[n-1] {
			out[n] = s
			n++
		}
	}
	return out[:n]
}

func sortMentions(ms []graph.Mention) {
	sort.Slice(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}

// entityByID picks one entity out of a list, failing the test if it is absent.
func entityByID(t testing.TB, es []graph.Entity, id string) graph.Entity {
	t.Helper()
	for _, e := range es {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("fixture: no entity %s", id)
	return graph.Entity{}
}

// relationsByID picks relations out of the fixtures in the order of ids.
func relationsByID(t testing.TB, rs []graph.Relation, ids ...string) []graph.Relation {
	t.Helper()
	out := make([]graph.Relation, 0, len(ids))
	for _, id := range ids {
		found := false
		for _, r := range rs {
			if r.ID == id {
				out = append(out, r)
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("fixture: no relation %s", id)
		}
	}
	return out
}

func entityIDs(es []graph.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func relationIDs(rs []graph.Relation) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

const (
	articleE = "article:e"
	articleS = "article:s"
)

// batchE adds events around A's and B's dates, two undated, and a small
// network of invented places for shortest-path tie-breaks: from Pine to
// Quay, two 2-hop paths (via Yarrow over rel:e:1 then rel:e:9, via Xeno
// over rel:e:2 then rel:e:0) and a 3-hop path whose ids are all smaller.
func batchE(t testing.TB) graph.Batch {
	t.Helper()
	const body = "Norland and Sudria met, undated. Pine, Quay, Xeno, Yarrow, Zinc and Wold."
	place := func(id, name string) graph.Entity {
		return graph.Entity{ID: id, Name: name, Kind: graph.Location, Mentions: mentions(t, body, name)}
	}
	rel := func(id string, typ graph.RelType, source, target string) graph.Relation {
		c, _ := graph.ClassOf(typ)
		return graph.Relation{ID: id, Type: typ, Class: c, Source: source, Target: target, Confidence: 0.5}
	}
	xn := graph.Entity{ID: "country:XN", Name: "Norland", Kind: graph.Country, Mentions: mentions(t, body, "Norland")}
	xs := graph.Entity{ID: "country:XS", Name: "Sudria", Kind: graph.Country, Mentions: mentions(t, body, "Sudria")}
	return graph.Batch{
		Article: graph.Article{ID: articleE, Title: "Events and places", Published: "2025-05-12", SHA256: sha(body), Text: body},
		Entities: []graph.Entity{
			xn, xs,
			{ID: "city:port-amar", Name: "Port Amar", Kind: graph.City},
			place("location:pine", "Pine"), place("location:quay", "Quay"), place("location:xeno", "Xeno"),
			place("location:yarrow", "Yarrow"), place("location:zinc", "Zinc"), place("location:wold", "Wold"),
		},
		Relations: []graph.Relation{
			rel("rel:e:1", "PART_OF", "location:pine", "location:yarrow"),
			rel("rel:e:9", "PART_OF", "location:yarrow", "location:quay"),
			rel("rel:e:2", "LOCATED_IN", "location:xeno", "location:pine"), // against the walk: direction does not matter
			rel("rel:e:0", "PART_OF", "location:xeno", "location:quay"),
			rel("rel:e:0a", "PART_OF", "location:pine", "location:zinc"),
			rel("rel:e:0b", "PART_OF", "location:zinc", "location:wold"),
			rel("rel:e:0c", "PART_OF", "location:wold", "location:quay"),
		},
		Events: []graph.Event{
			{ID: "event:e:undated-statement", Type: "STATEMENT", Label: "statement",
				Participants: []graph.Participant{{Entity: "country:XS", Role: graph.RoleSource}}},
			// Two days after A's strike on the same place: another raid, not a second report of it.
			{ID: "event:e:raid", Type: "ASSAULT", Label: "raid", Date: "2025-05-05", Status: graph.StatusReported,
				Place: "city:port-amar", Killed: ptr(2),
				Participants: []graph.Participant{{Entity: "country:XS", Role: graph.RoleSource}, {Entity: "country:XN", Role: graph.RoleTarget}}},
			{ID: "event:e:early", Type: "ASSAULT", Label: "early shelling", Date: "2025-04-30", Killed: ptr(10),
				Participants: []graph.Participant{{Entity: "country:XN", Role: graph.RoleSource}}},
			{ID: "event:e:undated-call", Type: "CONSULT", Label: "call",
				Participants: []graph.Participant{{Entity: "country:XN", Role: graph.RoleSource}, {Entity: "country:XS", Role: graph.RoleTarget}}},
		},
	}
}

// batchS names people and places for typo-tolerant search, with a few
// look-alikes to rank against.
func batchS(t testing.TB) graph.Batch {
	t.Helper()
	return graph.Batch{
		Article: graph.Article{ID: articleS, Title: "Search names", SHA256: sha("")},
		Entities: []graph.Entity{
			{ID: "person:volodymyr-zelenskyy", Name: "Volodymyr Zelenskyy", Kind: graph.Person},
			{ID: "person:vladimir-putin", Name: "Vladimir Putin", Kind: graph.Person},
			{ID: "city:putna", Name: "Putna", Kind: graph.City},
			{ID: "country:IR", Name: "Iran", Kind: graph.Country},
			{ID: "person:conor-obrien", Name: "Conor O'Brien", Kind: graph.Person},
			{ID: "organization:un", Name: "United Nations", Kind: graph.Organization, Aliases: []string{"U.N.", "UN"}},
		},
	}
}
