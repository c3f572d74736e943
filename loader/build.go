package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
)

// build turns the analysed document into the extraction document:
// entities with their surface forms, relations with class, date, status and
// evidence, events with their participants, and the structural facts.
func (d *doc) build(articleID string) ([]graph.Entity, []graph.Relation, []graph.Event) {
	d.applyMerges()
	b := &builder{d: d, article: articleID, ents: d.sortedEntities(),
		relations: make([]graph.Relation, 0, len(d.frames)+len(d.structs)),
		events:    make([]graph.Event, 0, len(d.frames))}
	for _, f := range d.frames {
		if f.merged == nil && !f.hypo {
			b.frame(f)
		}
	}
	for _, s := range d.structs {
		b.structural(s.src, s.dst, s.rel, s.title, s.sent, s.conf)
	}
	b.standing()
	return b.entities(), b.sortedRelations(), b.sortedEvents()
}

// applyMerges folds surname-only persons into the full name seen later.
func (d *doc) applyMerges() {
	for from := range d.merge {
		src := d.ents.byID[from]
		dst := d.resolved(src)
		if src == nil || dst == src {
			continue
		}
		for _, m := range src.mentions {
			dst.note(d.body, m.Start, m.End)
		}
		delete(d.ents.byID, from)
	}
	res := func(es []*docEntity) []*docEntity {
		var out []*docEntity
		for _, e := range es {
			out = addEnt(out, d.resolved(e))
		}
		return out
	}
	for _, f := range d.frames {
		f.sources, f.targets, f.places = res(f.sources), res(f.targets), res(f.places)
		if f.claimant != nil {
			f.claimant = d.resolved(f.claimant)
		}
	}
	for k := range d.structs {
		d.structs[k].src, d.structs[k].dst = d.resolved(d.structs[k].src), d.resolved(d.structs[k].dst)
	}
}

type builder struct {
	d         *doc
	article   string
	relations []graph.Relation
	events    []graph.Event
	seen      map[relKey]int // -> index in relations
	ents      []*docEntity   // the registry in first-seen order
	// standingSeen holds the structural facts emitted so far.
	standingSeen map[relKey]bool
}

// relKey identifies one statement of a fact: type, endpoints, sentence.
type relKey struct {
	t        graph.RelType
	src, dst string
	start    int
}

// evidence returns the sentence si as evidence.
func (b *builder) evidence(si int) graph.Evidence {
	s := b.d.sents[si]
	return graph.Evidence{Start: s.start, End: s.end, Text: b.d.body[s.start:s.end]}
}

func (b *builder) evidences(f *frame) []graph.Evidence {
	sents := append([]int{f.sent}, f.sents...)
	slices.Sort(sents)
	out := make([]graph.Evidence, 0, len(sents))
	for k, si := range sents {
		if k > 0 && sents[k-1] == si {
			continue
		}
		out = append(out, b.evidence(si))
	}
	return out
}

// idHash is an FNV-1a hash of an id's parts; ids are its 16 hex digits.
type idHash uint64

func newIDHash() idHash { return 14695981039346656037 }

func (h idHash) add(p string) idHash {
	for i := 0; i < len(p); i++ {
		h ^= idHash(p[i])
		h *= 1099511628211
	}
	h ^= 0xff // a separator, so ("ab","c") and ("a","bc") differ
	h *= 1099511628211
	return h
}

func (h idHash) addInt(n int) idHash {
	for i := 0; i < 8; i++ {
		h ^= idHash(byte(n >> (8 * i)))
		h *= 1099511628211
	}
	return h
}

func (h idHash) id(prefix string) string {
	var buf [16]byte
	const digits = "0123456789abcdef"
	for i := 15; i >= 0; i-- {
		buf[i] = digits[h&0xf]
		h >>= 4
	}
	return prefix + string(buf[:])
}

func round2(f float64) float64 {
	if f < 0.3 {
		f = 0.3
	}
	if f > 1 {
		f = 1
	}
	return math.Round(f*100) / 100
}

// claimPlaces returns where a claimed event took place: the places the
// claim itself names ("claimed to have struck a base near Erbil"), else
// the first place the event was told at, since a claim rarely repeats
// every place of an attack already described.
func claimPlaces(ev *frame) []*docEntity {
	if len(ev.places) > 0 {
		return ev.places
	}
	if r := ev.root(); len(r.places) > 0 {
		return r.places[:1]
	}
	return nil
}

// frame emits one event and the relations projecting it.
// custodians are who hold someone a text says was arrested without saying
// by whom: the state's police when the article names them, else its
// government.
func (d *doc) custodians(code string) []*docEntity {
	if p, ok := d.ents.byID["gov:"+code+"-police"]; ok && len(p.mentions) > 0 {
		return []*docEntity{p}
	}
	c, ok := d.gaz.CountryByCode(code)
	if !ok {
		return nil
	}
	return []*docEntity{d.government(c)}
}

// capitalsAsStates returns es with each capital city replaced by its
// state: the target of a relation that has no place form is an actor.
func (d *doc) capitalsAsStates(es []*docEntity) []*docEntity {
	var out []*docEntity
	for i, e := range es {
		if e.kind != graph.City || !d.isCapital(e) {
			continue
		}
		if c := d.ents.countryByCode(e.country); c != nil {
			if out == nil {
				out = slices.Clone(es)
			}
			out[i] = c
		}
	}
	if out == nil {
		return es
	}
	return out
}

func (b *builder) frame(f *frame) {
	d := b.d
	sources := actorsOnly(f.sources)
	if len(sources) == 0 && f.custody != "" {
		sources = d.custodians(f.custody)
	}
	targets := f.targets
	if f.placeRel == "" {
		targets = d.capitalsAsStates(targets) // "accused Islamabad of": Pakistan, when no place can be meant
	}
	targets = actorsOnly(targets)
	if f.class() == "ASSAULT" {
		// A state does not attack its own officers: "the strikes" that
		// killed Iran's commanders were not Iran's, whatever an anaphor
		// found.
		// Nor does its own army attack the state: "the junta's airstrikes
		// in Myanmar" are on a place there, told by the place relation.
		targets = slices.DeleteFunc(slices.Clone(targets), func(t *docEntity) bool {
			s := d.officeState(t)
			if t.kind != graph.Person && t.country != "" {
				s = d.ents.countryByCode(t.country) // the state, its army, its police
			}
			return s != nil && slices.ContainsFunc(sources, func(e *docEntity) bool { return e == s || e.country == s.country && e.kind != graph.Person })
		})
	}
	places := f.places
	if len(targets) == 0 && f.about != nil && !(f.rel == "SUPPORTS" && f.about.root().class() == "CONSULT" && f.about.root().sense.symmetric) {
		// (backing talks takes no side in them; backing a mediation backs the mediator)
		// Condemning an attack targets its attacker; threatening sanctions
		// or strikes targets their target; claiming one is about what it
		// hit, or where.
		about := f.about.root().sources
		if f.class() == "THREATEN" || f.class() == "STATEMENT" || f.class() == "SANCTION" && f.about.root().class() == "SANCTION" ||
			len(about) == 0 && !(f.class() == "ACCUSE" && hostileClass(f.about.root().class())) {
			// (condemning "the detention of X" whose author goes unnamed
			// blames no one: least of all X)
			about = f.about.root().targets
		}
		if f.class() == "STATEMENT" && len(places) == 0 {
			places = claimPlaces(f.about)
		}
		for _, t := range actorsOnly(about) {
			if !d.sameSide(sources, t) {
				targets = append(targets, t) // not "the spokesman welcomed the deal" toward his own side
			}
		}
	}
	// "The United States, Japan and South Korea held a call": every pair
	// of the subjects took part, not only the first with the others.
	allPairs := f.sense.symmetric && len(targets) == 0 && len(sources) > 2
	if f.sense.symmetric && len(targets) == 0 && len(sources) > 1 {
		sources, targets = sources[:1], sources[1:]
	}
	status := f.status
	if status == "" {
		status = graph.StatusOccurred
	}
	class := f.class()
	place := mostSpecific(places)
	ev := graph.Event{Type: class, Label: f.label, Mode: f.mode, Date: f.date, DateText: f.dateText, Status: status,
		Killed: f.killed, Injured: f.injured, Article: b.article, Evidence: b.evidences(f)}
	if place != nil {
		ev.Place = place.id
		b.use(place)
	}
	start := d.toks[f.trigger].start
	h := newIDHash().add(b.article).add(string(class)).add(f.label).addInt(start)
	ev.Participants = make([]graph.Participant, 0, len(sources)+len(targets)+len(f.mediators))
	for _, s := range sources {
		ev.Participants = append(ev.Participants, graph.Participant{Entity: s.id, Role: graph.RoleSource})
		h = h.add("S").add(s.id)
		b.use(s)
	}
	for _, t := range targets {
		if slices.Contains(sources, t) {
			continue
		}
		ev.Participants = append(ev.Participants, graph.Participant{Entity: t.id, Role: graph.RoleTarget})
		h = h.add("T").add(t.id)
		b.use(t)
	}
	for _, m := range actorsOnly(f.mediators) {
		if !slices.Contains(sources, m) && !slices.Contains(targets, m) {
			ev.Participants = append(ev.Participants, graph.Participant{Entity: m.id, Role: graph.RoleMediator})
			b.use(m)
		}
	}
	if len(ev.Participants) == 0 && place == nil && f.killed == nil && f.injured == nil {
		return
	}
	slices.SortFunc(ev.Participants, func(a, c graph.Participant) int {
		if a.Role != c.Role {
			return strings.Compare(a.Role, c.Role)
		}
		return strings.Compare(a.Entity, c.Entity)
	})
	ev.ID = h.id("event:")
	b.events = append(b.events, ev)

	conf := round2(f.conf)
	claimedBy := ""
	if status == graph.StatusClaimed && f.claimant != nil {
		claimedBy = f.claimant.id
		b.use(f.claimant)
	}
	emit := func(t graph.RelType, s, o *docEntity) {
		c, ok := graph.ClassOf(t)
		if t == "" || s == o || !ok {
			return
		}
		r := graph.Relation{Type: t, Class: c, Source: s.id, Target: o.id, Date: f.date,
			DateText: f.dateText, Status: status, ClaimedBy: claimedBy, Confidence: conf, Event: ev.ID,
			Article: b.article, Evidence: ev.Evidence}
		r.ID = newIDHash().add(b.article).add(string(t)).add(s.id).add(o.id).addInt(start).id("relation:")
		b.addRelation(r)
	}
	for _, s := range sources {
		for _, t := range targets {
			emit(f.rel, s, t)
			for _, x := range f.extra {
				emit(x, s, t)
			}
		}
		if f.placeRel != "" && f.placeRel != "PROTESTED_AGAINST" {
			// A protest's place is only where it was: "marched in Dhaka"
			// is no protest against Dhaka (its government is the target,
			// protestedGovernment).
			for _, p := range places {
				if !slices.Contains(targets, p) {
					emit(f.placeRel, s, p)
					b.use(p)
				}
			}
		}
	}
	if allPairs {
		for x, s := range targets {
			for _, t := range targets[x+1:] {
				emit(f.rel, s, t)
				for _, r := range f.extra {
					emit(r, s, t)
				}
			}
		}
	}
}

// addRelation keeps one relation per type, endpoints and sentence: two
// readings of one statement are one fact, at the higher confidence.
func (b *builder) addRelation(r graph.Relation) {
	if b.seen == nil {
		b.seen = map[relKey]int{}
	}
	key := relKey{r.Type, r.Source, r.Target, r.Evidence[0].Start}
	if k, ok := b.seen[key]; ok {
		if r.Confidence > b.relations[k].Confidence {
			b.relations[k] = r
		}
		return
	}
	b.seen[key] = len(b.relations)
	b.relations = append(b.relations, r)
}

func (b *builder) use(e *docEntity) { e.used = true }

// actorsOnly drops places that are not also actors (a city cannot meet).
func actorsOnly(es []*docEntity) []*docEntity {
	var out []*docEntity
	for _, e := range es {
		if e.isActor() {
			out = append(out, e)
		}
	}
	return out
}

// mostSpecific returns the finest place: a city before a region before a
// country.
func mostSpecific(ps []*docEntity) *docEntity {
	var best *docEntity
	for _, p := range ps {
		if best == nil || placeRank(p.kind) > placeRank(best.kind) {
			best = p
		}
	}
	return best
}

// structural emits a standing fact with the sentence as evidence.
func (b *builder) structural(s, o *docEntity, t graph.RelType, title string, si int, conf float64) {
	if s == nil || o == nil || s == o {
		return
	}
	ev := b.evidence(si)
	r := graph.Relation{Type: t, Class: graph.Structural, Source: s.id, Target: o.id, Title: title,
		Confidence: round2(conf), Article: b.article, Evidence: []graph.Evidence{ev}}
	r.ID = newIDHash().add(b.article).add(string(t)).add(s.id).add(o.id).addInt(ev.Start).id("relation:")
	if b.standingSeen == nil {
		b.standingSeen = map[relKey]bool{}
	}
	if k := (relKey{t, s.id, o.id, 0}); b.standingSeen[k] {
		return // one standing fact per pair, at its first statement
	} else {
		b.standingSeen[k] = true
	}
	b.use(s)
	b.use(o)
	b.addRelation(r)
}

// hostileClass reports the classes whose events have a victim as target.
func hostileClass(c graph.Class) bool {
	return c == "ASSAULT" || c == "COERCE" || c == "SANCTION" || c == "THREATEN"
}

// standing adds what the gazetteer knows about the mentioned entities:
// bodies PART_OF their country, places LOCATED_IN their region (when the
// article names it) and country. Evidence is the first sentence naming the
// entity.
func (b *builder) standing() {
	d := b.d
	for _, e := range b.ents {
		if len(e.mentions) == 0 {
			continue
		}
		si := d.toks[d.tokenAt(e.mentions[0].Start)].sent
		switch e.kind {
		case graph.GovernmentBody, graph.Military:
			if c := d.ents.countryByCode(e.country); c != nil {
				b.structural(e, c, "PART_OF", "", si, 0.9)
			}
		case graph.City, graph.Location:
			// One link up the chain city -> region -> country: the region
			// when the article names it, else the country.
			if r, ok := d.ents.byID[e.region]; ok && len(r.mentions) > 0 {
				b.structural(e, r, "LOCATED_IN", "", si, 0.9)
			} else if c := d.ents.countryByCode(e.country); c != nil {
				b.structural(e, c, "LOCATED_IN", "", si, 0.9)
			}
		case graph.Region:
			if c := d.ents.countryByCode(e.country); c != nil {
				b.structural(e, c, "LOCATED_IN", "", si, 0.9)
			}
		}
	}
}

// tokenAt returns the index of the token starting at byte offset off.
func (d *doc) tokenAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= off })
}

// sortedEntities lists the registry's entities in first-seen order.
func (d *doc) sortedEntities() []*docEntity {
	out := make([]*docEntity, 0, len(d.ents.byID))
	for _, e := range d.ents.byID {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, c *docEntity) int { return a.order - c.order })
	return out
}

// entities lists every entity the article mentions or a fact points at,
// sorted by id.
func (b *builder) entities() []graph.Entity {
	// Entities the structural pass added (a country of a city) come last.
	if len(b.ents) != len(b.d.ents.byID) {
		b.ents = b.d.sortedEntities()
	}
	out := make([]graph.Entity, 0, len(b.ents))
	for _, e := range b.ents {
		if len(e.mentions) == 0 && !e.used {
			continue
		}
		ms := append([]graph.Mention{}, e.mentions...)
		slices.SortFunc(ms, func(a, c graph.Mention) int { return a.Start - c.Start })
		aliases := e.sortedAliases()
		if aliases == nil {
			aliases = []string{}
		}
		if ms == nil {
			ms = []graph.Mention{}
		}
		out = append(out, graph.Entity{ID: e.id, Name: e.name, Kind: e.kind, Aliases: aliases,
			Country: e.country, Lat: e.lat, Lon: e.lon, Mentions: ms})
	}
	slices.SortFunc(out, func(a, c graph.Entity) int { return strings.Compare(a.ID, c.ID) })
	return out
}

func (b *builder) sortedRelations() []graph.Relation {
	// Sort indexes rather than the large structs themselves.
	idx := make([]int32, len(b.relations))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(x, y int32) int { return strings.Compare(b.relations[x].ID, b.relations[y].ID) })
	// Apply the permutation in place, cycle by cycle.
	rs := b.relations
	for i := range idx {
		if idx[i] < 0 {
			continue
		}
		tmp := rs[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = -1
			if k == i {
				rs[j] = tmp
				break
			}
			rs[j] = rs[k]
			j = k
		}
	}
	return rs
}

func (b *builder) sortedEvents() []graph.Event {
	slices.SortFunc(b.events, func(a, c graph.Event) int { return strings.Compare(a.ID, c.ID) })
	if b.events == nil {
		return []graph.Event{}
	}
	return b.events
}

// articleID is "article:" plus the first 16 hex digits of the body's SHA-256.
func articleID(body string) (id, sum string) {
	h := sha256.Sum256([]byte(body))
	sum = hex.EncodeToString(h[:])
	return "article:" + sum[:16], sum
}
