package loader

import "slices"

// Standing ties: "Serbia has close ties with Russia", "a militia with ties
// to the IRGC", "Russia, with which Uzbekistan has close ties," state a
// cooperation that holds, not an event of the day.

// tieVerbs have ties as their object: "has close ties with".
var tieVerbs = set("has", "have", "had", "having", "maintains", "maintain", "maintained", "enjoys", "enjoy",
	"enjoyed", "keeps", "keep", "kept")

// tieModifiers may stand between the verb or "with" and "ties".
var tieModifiers = set("close", "closer", "strong", "stronger", "deep", "deepening", "warm", "longstanding",
	"long-standing", "good", "friendly", "historic", "historical", "cordial", "military", "economic", "political",
	"diplomatic", "extensive", "special")

// tieFrames reads the sentence's standing ties.
func (d *doc) tieFrames(lo, hi int) []*frame {
	var fs []*frame
	for k := lo + 1; k+1 < hi; k++ {
		if f := d.closerTo(k, lo, hi); f != nil {
			fs = append(fs, f)
			continue
		}
		if f := d.workedTogether(k, lo, hi); f != nil {
			fs = append(fs, f)
			continue
		}
		if !d.toks[k].is("ties", "relations") {
			continue
		}
		var om *mention
		if d.toks[k+1].is("with", "to") {
			om = d.npMention(k+2, hi) // "ties to Iran's Revolutionary Guards": the Guards
		}
		j := k - 1
		for j > lo && d.toks[j].in(tieModifiers) {
			j--
		}
		var holders []*docEntity
		switch {
		case d.toks[j].in(tieVerbs):
			if rel := d.relativeTie(j, lo); rel != nil {
				// "Russia, with which Uzbekistan has close ties,": the
				// relative clause's subject holds ties with the antecedent
				holders, om = d.mentions[d.mAt[j-1]].entities(), rel
				break
			}
			subj, _ := d.subjectOf(j, lo, hi) // "Serbia has close ties with Russia"
			for _, m := range subj {
				holders = addEnt(holders, m.entities()...)
			}
		case d.toks[j].is("with") && j-1 > lo:
			// "Kataib Hezbollah, a militia with ties to the IRGC"
			holders = d.appositionHead(d.descriptionStart(j, lo), lo)
		}
		if om == nil || !om.hasActor() || om.poss {
			continue
		}
		targets := actorsIn(om)
		holders = slices.DeleteFunc(actorsOnly(holders), func(e *docEntity) bool { return slices.Contains(targets, e) })
		if len(holders) == 0 || len(targets) == 0 {
			continue
		}
		fs = append(fs, &frame{sense: senseCooperate, rel: "COOPERATES_WITH", label: "ties", sources: holders,
			targets: targets, trigger: k, sent: d.toks[k].sent, conf: 0.7})
	}
	return fs
}

// relativeTie returns the antecedent of "X, with which Y has ties": the
// tie verb is at j and Y ends just before it.
func (d *doc) relativeTie(j, lo int) *mention {
	if j-1 < lo {
		return nil
	}
	mi := d.mAt[j-1]
	if mi < 0 {
		return nil
	}
	p := d.mentions[mi].first - 1
	if p-3 < lo || !d.toks[p].is("which", "whom") || !d.toks[p-1].is("with") || !d.toks[p-2].is(",") || d.mAt[p-3] < 0 {
		return nil
	}
	if a := d.mentions[d.mAt[p-3]]; a.hasActor() && !a.poss {
		return a
	}
	return nil
}

// descriptionStart returns the start of the appositive description that
// ends at j ("a militia" before "with ties"): the index of its first
// word after the comma.
func (d *doc) descriptionStart(j, lo int) int {
	k := j
	for k-1 > lo && !d.toks[k-1].is(",") && k > j-4 {
		k--
	}
	return k
}

// closerVerbs move one actor nearer another: "has grown closer to China".
var closerVerbs = set("grow", "grew", "grown", "growing", "move", "moved", "moving", "draw", "drew", "drawn", "drawing",
	"edge", "edged", "edging", "inch", "inched", "inching")

// closerTo reads "Fiji has grown closer to China", "Serbia moved closer to
// Russia" with "closer" at k: a cooperation in the making.
func (d *doc) closerTo(k, lo, hi int) *frame {
	if !d.toks[k].is("closer") || k-1 < lo || !d.toks[k-1].in(closerVerbs) || k+2 >= hi || !d.toks[k+1].is("to", "with") {
		return nil
	}
	om := d.npMention(k+2, hi)
	if om == nil || !om.hasActor() || om.poss {
		return nil
	}
	subj, _ := d.subjectOf(k-1, lo, hi)
	var holders []*docEntity
	for _, m := range subj {
		holders = addEnt(holders, m.entities()...)
	}
	targets := actorsIn(om)
	holders = slices.DeleteFunc(actorsOnly(holders), func(e *docEntity) bool { return slices.Contains(targets, e) })
	if len(holders) == 0 || len(targets) == 0 {
		return nil
	}
	return &frame{sense: senseCooperate, rel: "COOPERATES_WITH", label: "rapprochement", sources: holders,
		targets: targets, trigger: k, sent: d.toks[k].sent, conf: 0.7}
}

// workedTogether reads a pair working together or working out its
// differences, with the work verb at k: "the UK and Argentina can achieve
// much by working together", "Beijing and Canberra had worked out some
// problems".
func (d *doc) workedTogether(k, lo, hi int) *frame {
	if !d.toks[k].is("work", "works", "worked", "working") || k+1 >= hi {
		return nil
	}
	sn, label := senseCooperate, "cooperation"
	switch {
	case d.toks[k+1].is("together"):
	case d.toks[k+1].is("out") && d.differencesWithin(k+2, hi):
		sn, label = senseAgree, "agreement"
	default:
		return nil
	}
	var pair []*docEntity
	if k-1 >= lo && d.toks[k-1].is("by") {
		// "the UK and Argentina can achieve much by working together":
		// the pair named last before it works
		for j := k - 2; j >= lo && len(pair) == 0; j-- {
			if mi := d.mAt[j]; mi >= 0 {
				left := d.coordinatedLeft(d.mentions[mi], lo)
				for n := len(left) - 1; n >= 0; n-- {
					pair = addEnt(pair, actorsIn(left[n])...) // in the order named
				}
				if len(pair) < 2 {
					pair = nil
				}
				j = d.mentions[mi].first
			}
		}
	} else {
		subj, _ := d.subjectOf(k, lo, hi)
		for _, m := range subj {
			pair = addEnt(pair, actorsIn(m)...)
		}
	}
	if len(pair) < 2 {
		return nil
	}
	return &frame{sense: sn, rel: sn.rel, label: label, sources: pair[:1], targets: pair[1:], trigger: k,
		sent: d.toks[k].sent, conf: 0.7}
}

// differencesWithin reports what a pair works out within a few words
// from k: "some problems", "their differences", "a deal".
func (d *doc) differencesWithin(k, hi int) bool {
	for j := k; j < hi && j < k+4; j++ {
		if d.toks[j].is("problems", "differences", "disputes", "issues", "deal", "agreement", "compromise") {
			return true
		}
		if t := &d.toks[j]; t.kind != tWord || d.mAt[j] >= 0 && d.mentions[d.mAt[j]].kind != mPronoun {
			return false // ("their differences" are the pair's own)
		}
	}
	return false
}
