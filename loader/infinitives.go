package loader

// Infinitive complements: whom "threatened to strike Iranian facilities"
// or "proposed to reopen talks with Armenia" aims at, and the force a
// threat is of.

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// overthrowVerbs are the aims of a fight against a ruler.
var overthrowVerbs = set("topple", "overthrow", "oust", "unseat", "depose", "defeat", "destroy", "dislodge")

// topicVerbs take what is talked about as object, no party to the act.
var topicVerbs = set("discuss", "consider", "address", "examine", "debate", "review", "study", "assess")

// infinitiveTargets returns the counterparts named in an infinitive
// complement starting within a few tokens of k: "to reopen direct
// negotiations with Armenia", "to stop attacks on Aleppo".
func (d *doc) infinitiveTargets(k, hi int, sources []*docEntity) []*docEntity {
	to := -1
	for j := k - 1; j < hi && j < k+4; j++ {
		if d.toks[j].is("to") && j+1 < hi && d.toks[j+1].kind == tWord && !d.toks[j+1].cap && !d.toks[j+1].in(determiners) {
			to = j
			break
		}
		if j >= k && d.toks[j].kind == tPunct {
			return nil
		}
	}
	if to < 0 || d.toks[to+1].in(topicVerbs) {
		return nil // "requested a meeting to discuss Belarus": a topic, not an addressee
	}
	var out []*docEntity
	// The infinitive's own object: "threatened to strike Iranian facilities".
	for j := to + 2; j < hi && j < to+5; j++ {
		if mi := d.mAt[j]; mi >= 0 {
			if m := d.mentions[mi]; m.hasActor() {
				for _, e := range m.entities() {
					if e.isActor() && !slices.Contains(sources, e) {
						out = addEnt(out, e)
					}
				}
				return out
			}
			break
		}
		if !d.toks[j].in(determiners) && (d.toks[j].kind != tWord || d.toks[j].isVerbForm() || d.toks[j].in(prepositions)) {
			break // "to hold elections in Moldova": a place, not the object
		}
	}
	for j := to + 1; j < hi && j < to+10; j++ {
		t := &d.toks[j]
		if t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			break
		}
		if t.is("with", "to", "against", "on") && j+1 < hi {
			if m := d.npMention(j+1, hi); m != nil && m.hasActor() {
				for _, x := range d.coordRight(m, hi, true) {
					for _, e := range x.entities() {
						if e.isActor() && !slices.Contains(sources, e) {
							out = addEnt(out, e)
						}
					}
				}
				return out
			}
		}
	}
	return out
}

// forceWords make a threat one of arms.
var forceWords = set("force", "military", "troops", "intervention", "strikes", "invasion", "war")

// forceWithin reports a word of force in the clause after k.
func (d *doc) forceWithin(k, hi int) bool {
	for j := k; j < hi && j < k+12; j++ {
		if t := &d.toks[j]; t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			return false
		}
		if d.toks[j].in(forceWords) {
			return true
		}
	}
	return false
}

// stateIn returns the state after "in" or "into" in the clause after k.
func (d *doc) stateIn(k, hi int, sources []*docEntity) []*docEntity {
	for j := k; j+1 < hi && j < k+12; j++ {
		if t := &d.toks[j]; t.kind == tPunct && !t.isHyphen() || t.in(clauseWords) {
			return nil
		}
		if d.toks[j].is("in", "into") {
			if m := d.npMention(j+1, hi); m != nil && m.ent != nil && m.ent.kind == graph.Country && !slices.Contains(sources, m.ent) {
				return []*docEntity{m.ent}
			}
		}
	}
	return nil
}
