package loader

import "github.com/geokg/geokg/graph"

// directionWords open a region named by its side of a known place:
// "southern Lebanon", "Eastern Khartoum", "north-western Syria".
var directionWords = wordList("northern", "southern", "eastern", "western", "northeastern", "northwestern",
	"southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "central")

// directionalRegion reads "southern Lebanon" as a region of its own, lying
// in Lebanon: where a strike hit or a group holds ground is the side of
// the state the text names, not all of it.
func (d *doc) directionalRegion(i, hi int) *mention {
	t := &d.toks[i]
	k := i + 1
	w := t.lower
	if k+1 < hi && !t.glued && d.toks[k].isHyphen() && d.toks[k+1].glued {
		w += "-" + d.toks[k+1].lower // "north-western": three tokens
		k += 2
	}
	if !directionWords[w] || k >= hi {
		return nil
	}
	h, ok := d.hitAt(k) // hits are longest matches: "Northern Ireland" leaves none at "Ireland"
	if !ok {
		return nil
	}
	ref := d.pickRef(h, hi)
	if ref.Demonym {
		return nil // "southern African", "northern Indian": adjectives, not places
	}
	place := d.ents.fromRef(ref)
	if place == nil || !(place.kind == graph.Country || place.kind == graph.Region || place.kind == graph.City) {
		return nil
	}
	name := d.body[t.start:d.toks[h.last].end]
	e := d.ents.get("region:"+slug(w+" "+place.name), name, graph.Region)
	e.country = place.country
	place.note(d.body, d.toks[k].start, d.toks[h.last].end)
	d.structs = append(d.structs, structRel{src: e, dst: place, rel: "LOCATED_IN", sent: t.sent, conf: 0.9})
	return &mention{first: i, last: h.last, ent: e, kind: mName}
}
