package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Antecedents: which event told before a noun like "the strikes" or
// "Friday's talks" refers to, and how the two fold into one.

// antecedent finds the event an anaphoric noun refers to: the latest frame
// of the same type (else of the same kind of meeting) in the sentences
// before, whose place and date agree.
func (d *doc) antecedent(f *frame, day string) *frame {
	cands := d.frames
	// A bare "the attack" condemned or mourned is first the deadly one.
	bare := f.class() == "ASSAULT" && !f.hasParties() && len(f.places) == 0 && !strings.Contains(f.label, " ")
	if bare {
		for k := len(cands) - 1; k >= 0 && cands[k].sent >= f.sent-8; k-- {
			a := cands[k].root()
			if a != f && !a.hypo && a.class() == "ASSAULT" && (a.killed != nil || a.injured != nil) && a.status != graph.StatusDenied &&
				(day == "" || a.date == "" || a.date == day) {
				return a
			}
		}
	}
	// "the Jordan attack" is first the attack told in Jordan, not a later
	// attack told without a place.
	if len(f.places) > 0 {
		for k := len(cands) - 1; k >= 0 && cands[k].sent >= f.sent-12; k-- {
			a := cands[k].root()
			if a != f && !a.hypo && a.class() == f.class() && a.status != graph.StatusDenied && !a.inferred &&
				slices.ContainsFunc(a.places, func(p *docEntity) bool {
					return slices.ContainsFunc(f.places, func(q *docEntity) bool { return p == q || d.within(p, q) })
				}) && (day == "" || a.date == "" || a.date == day) {
				return a
			}
		}
	}
	// "the strikes" is first the strikes told before, not a drone launch
	// told since.
	if head := labelHead(f.label); head != "" && f.class() == "ASSAULT" {
		for k := len(cands) - 1; k >= 0 && cands[k].sent >= f.sent-8; k-- {
			a := cands[k].root()
			if a != f && !a.hypo && a.class() == "ASSAULT" && a.status != graph.StatusDenied && !a.inferred &&
				labelHead(a.label) == head && (day == "" || a.date == "" || a.date == day) && d.placesCompatible(a.places, f.places) {
				return a
			}
		}
	}
	// Passes: the same relation, then the same kind of meeting; each first
	// among events that happened, then among planned ones.
	for pass := 0; pass < 4; pass++ {
		for k := len(cands) - 1; k >= 0; k-- {
			if cands[k].sent < f.sent-8 {
				break
			}
			a := cands[k].root()
			if a == f || a.sent < f.sent-8 || a.hypo || a.class() != f.class() || a.status == graph.StatusDenied {
				continue
			}
			if a.inferred {
				continue // an accusation read into a report is no antecedent for "the accusation"
			}
			if (a.status == graph.StatusPlanned) != (pass >= 2) && f.status != graph.StatusPlanned {
				continue
			}
			if day != "" && a.date != "" && a.date != day {
				continue
			}
			if pass%2 == 0 && a.rel != f.rel || pass%2 == 1 && meetingKind(a.rel) != meetingKind(f.rel) {
				continue
			}
			if !d.placesCompatible(a.places, f.places) || !labelsCompatible(a, f) {
				continue
			}
			if len(f.places) > 0 && len(a.places) == 0 && (a.sent < f.sent-1 || !d.placesCompatible(d.sentencePlaces(a.sent), f.places)) {
				// "the bombing in Mogadishu" is no placeless attack told long
				// before, nor one told beside another place
				continue
			}
			if f.label == "summit" && !strings.Contains(a.label, "summit") {
				continue // "the summit" is a summit, not any meeting told before
			}
			return a
		}
	}
	return nil
}

// sameTargets reports whether a names every target of f, and f names some.
func sameTargets(a, f *frame) bool {
	for _, t := range f.targets {
		if !slices.Contains(a.targets, t) {
			return false
		}
	}
	return len(f.targets) > 0
}

// labelHead returns the head noun of an event label, singular and without
// a fused "air": "strike" for "Israeli airstrikes", "" for none.
func labelHead(label string) string {
	i := strings.LastIndexByte(label, ' ')
	w := strings.TrimPrefix(label[i+1:], "air")
	if w != "strikes" && w != "strike" && w != "raids" && w != "raid" && w != "attacks" && w != "attack" && w != "bombings" && w != "bombing" {
		return w
	}
	return strings.TrimSuffix(w, "s")
}

// labelsCompatible reports whether two event labels can name one event:
// "the rocket strike" the "rocket attack", but not "the suicide attack" the
// "missile attack" or "Operation Sindoor".
func labelsCompatible(a, f *frame) bool {
	if a.mode != "" && f.mode != "" && a.mode != f.mode {
		return false
	}
	fw, aw := strings.Fields(f.label), strings.Fields(a.label)
	if len(fw) < 2 || len(aw) < 2 {
		return true
	}
	for _, w := range fw[:len(fw)-1] {
		for _, x := range aw {
			if strings.EqualFold(w, x) {
				return true
			}
		}
	}
	return false
}

// meetingKind groups relation types that one anaphor can refer across:
// "the meeting" may be the talks, but not a phone call.
func meetingKind(r graph.RelType) graph.RelType {
	switch r {
	case "NEGOTIATES_WITH":
		return "MEETS"
	case "DETAINED":
		return "ARRESTED" // "the detention of Glas" is the arrest told before
	}
	return r
}

// placesCompatible reports whether two place lists can describe one event:
// either is empty, or one place lies in or equals another.
func (d *doc) placesCompatible(a, b []*docEntity) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y || d.within(x, y) || d.within(y, x) {
				return true
			}
		}
	}
	return false
}

// sentencePlaces returns the places sentence si names.
func (d *doc) sentencePlaces(si int) []*docEntity {
	var out []*docEntity
	for _, m := range d.mentions {
		if d.toks[m.first].sent == si && m.ent != nil && m.ent.isPlace() && m.ent.kind != graph.Country {
			out = addEnt(out, m.ent)
		}
	}
	return out
}

// within reports whether place a lies in place b.
func (d *doc) within(a, b *docEntity) bool {
	switch b.kind {
	case graph.Country:
		return a.country == b.country && a.country != ""
	case graph.Region:
		return a.region == b.id
	}
	return false
}

// mergeInto folds src into dst: parties, places, date, casualties, mode,
// evidence.
func (d *doc) mergeInto(dst, src *frame) {
	if dst == src {
		return
	}
	src.merged = dst
	dst.sources = addEnt(dst.sources, src.sources...)
	dst.targets = addEnt(dst.targets, src.targets...)
	dst.places = addEnt(dst.places, src.places...)
	if dst.date == "" && src.date != "" {
		dst.date, dst.dateText = src.date, src.dateText
	}
	if dst.mode == "" {
		dst.mode = src.mode
	}
	if dst.killed == nil {
		dst.killed = src.killed
	}
	if dst.injured == nil {
		dst.injured = src.injured
	}
	if dst.rel == "" {
		dst.rel = src.rel
	}
	if dst.placeRel == "" {
		dst.placeRel = src.placeRel
	}
	for _, x := range src.extra {
		if !slices.Contains(dst.extra, x) {
			dst.extra = append(dst.extra, x)
		}
	}
	if (dst.status == "" || dst.status == graph.StatusOccurred) && !(src.status == graph.StatusPlanned && (d.byPublication(dst.date) || src.sent > dst.sent)) {
		// A later mention in the future ("the negotiations will move
		// forward", "he hoped the deal would hold") does not make an event
		// already told a plan.
		dst.status = src.status
	}
	if dst.claimant == nil {
		dst.claimant = src.claimant
	}
	if src.sent != dst.sent && !slices.Contains(dst.sents, src.sent) {
		dst.sents = append(dst.sents, src.sent)
	}
	dst.conf = min(dst.conf, src.conf+0.05)
}

// sameParties reports whether f's sources are among a's (or a's named
// label equals f's): f can be a later mention of a.
func (d *doc) sameParties(a, f *frame) bool {
	if strings.HasPrefix(f.label, "Operation ") && strings.EqualFold(a.label, f.label) {
		return true
	}
	for _, s := range f.sources {
		if !slices.Contains(a.sources, s) {
			return false
		}
	}
	for _, t := range f.targets {
		if !slices.Contains(a.targets, t) && !slices.Contains(a.sources, t) {
			return false
		}
	}
	return len(f.sources) > 0
}
