package loader

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// Concessions: a leader resigning, or a government dropping a bill, after
// protests against it yields to the protesters; a candidate accepting
// defeat yields to the winner. The text rarely says "to whom".

// yieldVerbs give something up by themselves: "resigned", "stepped down".
var yieldVerbs = set("resign", "resigns", "resigned", "resigning", "quit", "quits")

// retractVerbs give up what their object names: "dropped the bill".
var retractVerbs = set("drop", "drops", "dropped", "dropping", "withdraw", "withdraws", "withdrew", "withdrawn",
	"withdrawing", "scrap", "scraps", "scrapped", "scrapping", "shelve", "shelves", "shelved", "abandon",
	"abandons", "abandoned", "repeal", "repeals", "repealed", "revoke", "revokes", "revoked", "suspend",
	"suspends", "suspended", "reverse", "reverses", "reversed")

// retracted are what a government gives up under protest.
var retracted = set("bill", "bills", "plan", "plans", "law", "laws", "proposal", "proposals", "reform", "reforms",
	"decision", "decree", "legislation", "measure", "measures", "amendment", "amendments", "tax", "hike")

// concessionFrames reads the sentence's concessions.
func (d *doc) concessionFrames(lo, hi int) []*frame {
	var fs []*frame
	for i := lo; i < hi; i++ {
		t := &d.toks[i]
		var winners []*docEntity
		switch {
		case t.in(yieldVerbs) || t.is("stepped", "steps", "step") && i+1 < hi && d.toks[i+1].is("down"):
			winners = d.protestersAgainst(i, lo)
		case t.in(retractVerbs) && d.retractedObject(i, hi):
			winners = d.protestersAgainst(i, lo)
		case t.is("accept", "accepted", "accepts", "concede", "conceded", "concedes") && i+1 < hi && d.toks[i+1].is("defeat") &&
			!(i+2 < hi && d.toks[i+2].is("to")):
			winners = d.electionWinners(i)
		default:
			continue
		}
		subj, _ := d.subjectOf(i, lo, hi)
		var sources []*docEntity
		for _, m := range subj {
			sources = addEnt(sources, actorsIn(m)...)
		}
		winners = slices.DeleteFunc(winners, func(e *docEntity) bool { return slices.Contains(sources, e) })
		if len(sources) == 0 || len(winners) == 0 {
			continue
		}
		f := &frame{sense: senseConcede, rel: "CONCEDED_TO", label: "concession", sources: sources, targets: winners,
			trigger: i, sent: t.sent, conf: 0.6}
		d.verbModality(f, i, lo, subj)
		if !f.hypo && f.status != graph.StatusPlanned && f.status != graph.StatusDenied {
			fs = append(fs, f)
		}
	}
	return fs
}

// retractedObject reports a bill, plan or law within the few words after
// the verb at i: "dropped the bill", "withdrew plans to amend".
func (d *doc) retractedObject(i, hi int) bool {
	for k := i + 1; k < hi && k <= i+4; k++ {
		if d.toks[k].in(retracted) {
			return true
		}
		if d.toks[k].kind == tPunct || d.mAt[k] >= 0 && !d.mentions[d.mAt[k]].poss {
			return false
		}
	}
	return false
}

// protestersAgainst returns who protested in this sentence or the three
// before: the sources of the latest protest frames, whoever they were
// against (a government yields to protests against its bill as much as
// against itself).
func (d *doc) protestersAgainst(i, lo int) []*docEntity {
	sent := d.toks[i].sent
	var out []*docEntity
	for _, f := range d.recentFrames(sent - 3) {
		r := f.root()
		if r.class() == "PROTEST" && r.sent >= sent-3 && r.sent <= sent && !r.hypo {
			out = addEnt(out, actorsOnly(r.sources)...)
		}
	}
	return out
}

// recentFrames returns the frames told from sentence from on, this
// sentence's included; the scan stops at older ones, so a long article
// costs no more per question than a short one.
func (d *doc) recentFrames(from int) []*frame {
	n := len(d.frames)
	for n > 0 && d.frames[n-1].sent >= from {
		n--
	}
	return slices.Concat(d.frames[n:], d.sentFrames)
}

// electionWinners returns who the article says, in the thirty sentences
// before token i, won the election: the elected and the victors.
func (d *doc) electionWinners(i int) []*docEntity {
	var out []*docEntity
	for _, f := range d.recentFrames(d.toks[i].sent - 30) {
		if r := f.root(); (r.rel == "ELECTED_LEADER_OF" || r.rel == "DEFEATED") && r.trigger < i && !r.hypo {
			out = addEnt(out, r.sources...)
		}
	}
	return out
}
