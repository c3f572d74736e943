package loader

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// Missions: a force or body sent by an organisation to a state, named by
// its sponsor and place ("the U.N. mission in Haiti"), its host's adjective
// ("the Haitian mission"), its sponsor alone ("the United Nations-backed
// mission") or, once named, "the mission". All are one actor: the mission
// to that state.

// mission reads a mission's name at i, or returns nil.
func (d *doc) mission(i, hi int) *mention {
	t := &d.toks[i]
	if t.is("the") && i+1 < hi && d.toks[i+1].is("mission") && !(i+2 < hi && d.toks[i+2].is("of", "to")) {
		// "the mission": the one named before
		if e := d.recent(t.sent, 12, func(e *docEntity) bool { return strings.HasPrefix(e.id, "org:mission-") }); e != nil {
			return &mention{first: i, last: i + 1, ent: e, kind: mAnaphor, conf: 0.7}
		}
		return nil
	}
	h, ok := d.hitAt(i)
	if !ok {
		return nil
	}
	ref := d.pickRef(h, hi)
	k := h.last + 1
	if k+2 < hi && d.toks[k].isHyphen() && backerWords[d.toks[k+1].lower] {
		k += 2 // "the United Nations-backed mission"
	}
	if k >= hi || !d.toks[k].is("mission") {
		return nil
	}
	ent := d.gaz.Entry(ref)
	var code string
	switch {
	case ref.Demonym && ent.Country != nil:
		code = ent.Country.Code // "the Haitian mission"
	case ent.Org != nil:
		if k+2 < hi && d.toks[k+1].is("in", "to") {
			if h2, ok := d.hitAt(k + 2); ok {
				if c := d.gaz.Entry(d.pickRef(h2, hi)).Country; c != nil {
					code = c.Code // "the U.N. mission in Haiti"
					name := d.body[t.start:d.toks[h2.last].end]
					e := d.ents.get("org:mission-"+strings.ToLower(code), name, graph.Organization)
					return &mention{first: i, last: h2.last, ent: e, kind: mName, conf: 0.8}
				}
			}
		}
		if lead := d.leadState(); lead != nil {
			code = lead.Code // "the U.N. mission" in a report about one state
		}
	}
	if code == "" {
		return nil
	}
	name := d.body[t.start:d.toks[k].end]
	e := d.ents.get("org:mission-"+strings.ToLower(code), name, graph.Organization)
	return &mention{first: i, last: k, ent: e, kind: mName, conf: 0.75}
}
