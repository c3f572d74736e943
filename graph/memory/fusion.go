package memory

import "github.com/geokg/geokg/graph"

// Fusion in the embedded store: each article's witnesses sit in the
// groups of their facts, and the facts of a touched group are fused again
// on the next read (see graph/fuse.go).

// settle fuses the dirty groups again; the caller holds the write lock.
func (s *Store) settle() {
	if len(s.dirty.rels)+len(s.dirty.events) == 0 {
		return
	}
	s.fuse(s.dirty)
	s.dirty = touched{rels: set{}, events: set{}}
}

// touched is the groups whose witnesses changed.
type touched struct{ rels, events set }

// place puts an article's witnesses in their groups, or with drop takes
// them out, marking the groups dirty.
func (s *Store) place(a *article, drop bool) {
	d := s.dirty
	for _, w := range a.events {
		key := graph.EventGroupKey(w.Event)
		d.events[key] = struct{}{}
		g := s.evGroups[key]
		if g == nil {
			g = &group[graph.EventWitness]{witnesses: map[string][]graph.EventWitness{}}
			s.evGroups[key] = g
		}
		if drop {
			delete(g.witnesses, a.ID)
		} else {
			g.witnesses[a.ID] = append(g.witnesses[a.ID], w)
		}
	}
	for _, w := range a.relations {
		key := graph.RelationGroupKey(w.Relation)
		d.rels[key] = struct{}{}
		g := s.relGroups[key]
		if g == nil {
			g = &group[graph.RelationWitness]{witnesses: map[string][]graph.RelationWitness{}}
			s.relGroups[key] = g
		}
		if drop {
			delete(g.witnesses, a.ID)
		} else {
			g.witnesses[a.ID] = append(g.witnesses[a.ID], w)
		}
	}
}

// fuse replaces the facts of the touched groups with those fused from
// their witnesses now; a group left with none goes. Every old fact goes
// before any new one is written: a fact keeps its first witness's id, so
// a witness that moved groups (its type changed on re-ingest) names a
// fact in both, and removing the old group's after writing the new
// group's would delete the new one.
func (s *Store) fuse(d touched) {
	for key := range d.events {
		g := s.evGroups[key]
		for _, id := range g.facts {
			for _, w := range s.events[id].Witnesses {
				delete(s.eventOf, w.ID)
			}
			s.indexEvent(s.events[id], false)
			delete(s.events, id)
		}
		g.facts = nil
	}
	for key := range d.events {
		g := s.evGroups[key]
		if len(g.witnesses) == 0 {
			delete(s.evGroups, key)
			continue
		}
		for _, ev := range graph.FuseEvents(g.all()) {
			s.events[ev.ID] = ev
			s.indexEvent(ev, true)
			g.facts = append(g.facts, ev.ID)
			for _, w := range ev.Witnesses {
				s.eventOf[w.ID] = ev.ID
			}
		}
	}
	for key := range d.rels {
		g := s.relGroups[key]
		for _, id := range g.facts {
			s.unindex(s.relations[id])
			delete(s.relations, id)
		}
		g.facts = nil
	}
	for key := range d.rels {
		g := s.relGroups[key]
		if len(g.witnesses) == 0 {
			delete(s.relGroups, key)
			continue
		}
		for _, r := range graph.FuseRelations(g.all()) {
			s.relations[r.ID] = &r
			g.facts = append(g.facts, r.ID)
			s.reindex(&r)
		}
	}
	for _, x := range []index{s.out, s.in, s.byType, s.evAt, s.evWith} {
		x.flush()
	}
	for _, l := range []*ids{&s.byDate, &s.every, &s.evOrder} {
		l.flush()
	}
}

// indexEvent puts an event in the event indexes, or takes it out; they
// are right again at the next flush.
func (s *Store) indexEvent(ev graph.Event, add bool) {
	key := eventKey(ev.Date, ev.ID)
	note := func(x index, id string) {
		switch {
		case id == "":
		case add:
			x.add(id, key)
		default:
			x.remove(id, key)
		}
	}
	note(s.evAt, ev.Place)
	for _, p := range ev.Participants {
		note(s.evWith, p.Entity)
	}
	if add {
		s.evOrder.add(key)
	} else {
		s.evOrder.remove(key)
	}
}

// reindex puts a fact in the relation indexes, unindex takes it out; the
// indexes are right again at the next flush.
func (s *Store) reindex(r *graph.Relation) {
	s.out.add(r.Source, r.ID)
	s.in.add(r.Target, r.ID)
	s.byType.add(string(r.Type), r.ID)
	s.every.add(r.ID)
	if r.Date != "" {
		s.byDate.add(dateKey(r.Date, r.ID))
	}
	if r.Source == r.Target {
		s.loops[r.Source]++
	}
}

func (s *Store) unindex(r *graph.Relation) {
	s.out.remove(r.Source, r.ID)
	s.in.remove(r.Target, r.ID)
	s.byType.remove(string(r.Type), r.ID)
	s.every.remove(r.ID)
	if r.Date != "" {
		s.byDate.remove(dateKey(r.Date, r.ID))
	}
	if r.Source == r.Target {
		if s.loops[r.Source]--; s.loops[r.Source] == 0 {
			delete(s.loops, r.Source)
		}
	}
}

// factsOf lists, sorted, the facts an article is a witness of; the
// caller holds the lock.
func (s *Store) factsOf(article string) []string {
	a := s.articles[article]
	if a == nil {
		return nil
	}
	ids := set{}
	for _, w := range a.relations {
		for _, id := range s.relGroups[graph.RelationGroupKey(w.Relation)].facts {
			if witnessed(s.relations[id].Witnesses, article) {
				ids[id] = struct{}{}
			}
		}
	}
	return ids.sorted()
}

// witnessed reports whether an article is among a fact's witnesses.
func witnessed[W interface{ ArticleID() string }](ws []W, article string) bool {
	for _, w := range ws {
		if w.ArticleID() == article {
			return true
		}
	}
	return false
}

// group is the witnesses sharing one group key, per article, and the ids
// of the facts fused from them.
type group[W any] struct {
	witnesses map[string][]W
	facts     []string
}

func (g *group[W]) all() []W {
	var out []W
	for _, a := range keysOf(g.witnesses) {
		out = append(out, g.witnesses[a]...)
	}
	return out
}
