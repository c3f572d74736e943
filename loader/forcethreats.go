package loader

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// A speaker announcing its own side's force is threatening, not reporting
// an attack: "we will not hesitate to strike Iran", "Iran would respond to
// any Israeli attack", "China will take countermeasures against the US".
// The field codes these as threats of force (CAMEO 138), so the planned
// attack the verb alone would give is replaced by the threat.

// senseForceThreat marks the threats read here, so the attack frame they
// replace can be found after attribution.
var senseForceThreat = s("THREATENED", "", false, "", "threat")

// measureWords are what "take ... against X" takes as a threat.
var measureWords = wordList("action", "actions", "measures", "countermeasures", "steps", "retaliation")

// forceThreatFrames finds "SUBJECT will|would [not hesitate to] VERB
// TARGET" with a hostile verb in a reported sentence.
func (d *doc) forceThreatFrames(lo, hi int) []*frame {
	speaker := d.sentenceSpeaker(lo, hi)
	if speaker == nil {
		return nil
	}
	var fs []*frame
	for k := lo + 1; k+1 < hi; k++ {
		if !modalWords[d.toks[k].lower] {
			continue
		}
		v := k + 1
		for v < hi && d.toks[v].in(adverbs) {
			v++
		}
		if v+2 < hi && d.toks[v].is("not", "never") && d.toks[v+1].is("hesitate") && d.toks[v+2].is("to") {
			v += 3 // "will not hesitate to strike"
			for v < hi && d.toks[v].in(adverbs) {
				v++
			}
		}
		if v >= hi {
			break
		}
		targets := d.forceTarget(v, hi)
		if len(targets) == 0 {
			continue
		}
		subj, _ := d.subjectOf(k, lo, hi)
		var sources []*docEntity
		for _, m := range subj {
			for _, e := range m.entities() {
				if e.isActor() && !slices.Contains(targets, e) {
					sources = addEnt(sources, e)
				}
			}
		}
		if len(sources) == 0 || !d.sameSide(sources, speaker) {
			continue // "analysts said Russia would attack": a forecast
		}
		fs = append(fs, &frame{sense: senseForceThreat, rel: "THREATENED", label: "threat", sources: sources, targets: targets,
			trigger: v, sent: d.toks[v].sent, conf: 0.65})
	}
	return fs
}

// forceTarget returns the actor a hostile verb at v is aimed at, within a
// few words: "strike Iran", "respond to any Israeli attack", "take
// resolute countermeasures against the US". Nil when v is no hostile verb.
func (d *doc) forceTarget(v, hi int) []*docEntity {
	t := &d.toks[v]
	start := v + 1
	switch {
	case t.in(hostileVerbs):
	case t.is("take"):
		found := false
		for k := v + 1; k < hi && k <= v+4; k++ {
			if measureWords[d.toks[k].lower] {
				start, found = k+1, true
				break
			}
		}
		if !found || start >= hi || !d.toks[start].is("against") {
			return nil
		}
	default:
		return nil
	}
	for k := start; k < hi && k <= start+4; k++ {
		tk := &d.toks[k]
		if mi := d.mAt[k]; mi >= 0 {
			m := d.mentions[mi]
			if !m.hasActor() || m.kind == mPronoun && !m.poss {
				return nil
			}
			return actorsIn(m)
		}
		if tk.kind != tWord || tk.in(clauseWords) || tk.isVerbForm() || tk.cap {
			return nil
		}
	}
	return nil
}

// sentenceSpeaker returns the actor of the sentence's first reporting verb:
// a threat is someone's words, and a journalist's forecast ("Israel will
// strike") is none.
func (d *doc) sentenceSpeaker(lo, hi int) *docEntity {
	for k := lo; k < hi; k++ {
		if !d.toks[k].in(reportVerbs) {
			continue
		}
		for _, j := range []int{k - 1, k + 1} {
			if j >= lo && j < hi && d.mAt[j] >= 0 {
				m := d.mentions[d.mAt[j]]
				if j > k && m.last+1 < hi && (d.verbFollows(m.last+1) || d.toks[m.last+1].in(auxiliaries)) {
					continue // "said Russia would attack": the clause's subject
				}
				if m.ent != nil && m.ent.isActor() && !m.poss {
					return m.ent // "Netanyahu said", "said Netanyahu"
				}
			}
		}
		if subj, _ := d.subjectOf(k, lo, hi); len(subj) > 0 && subj[0].ent != nil && subj[0].ent.isActor() {
			return subj[0].ent
		}
		return nil
	}
	return nil
}

// keepForceThreats makes each threat the speaker's act and drops the
// planned attack its verb would also give.
func (d *doc) keepForceThreats(fs []*frame) []*frame {
	return slices.DeleteFunc(fs, func(f *frame) bool {
		if f.sense != senseForceThreat {
			return false
		}
		f.claimant, f.status = nil, graph.StatusOccurred // the threat is made, whatever comes of it
		for _, g := range fs {
			if g != f && g.class() == "ASSAULT" && g.trigger >= f.trigger && g.trigger <= f.trigger+6 {
				g.hypo = true
			}
		}
		return false
	})
}
