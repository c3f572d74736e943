package loader

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// Elections are told with more verbs than "elected": a vote confirms,
// swears in or inaugurates a leader ("was confirmed as Fiji's prime
// minister"), a candidate wins an election ("won re-election", "on winning
// Sunday's election") and triumphs over a rival.

// installVerbs put someone into an office when "as" and a title follow.
var installVerbs = wordList("confirm", "swear", "inaugurate", "install", "appoint", "re-elect", "reelect", "name")

// electionNouns are what a candidate wins.
var electionNouns = wordList("election", "elections", "re-election", "reelection", "vote", "poll", "polls",
	"presidency", "runoff", "run-off", "ballot", "premiership")

// senseDefeatOver is "triumphed over X", "prevailed over X".
var senseDefeatOver = s("DEFEATED", "", false, "over against", "election")

// installFrame reads "X was confirmed as Fiji's prime minister", "X was
// sworn in as president of Y": an election when the title leads a state.
func (d *doc) installFrame(i, lo, hi int) *frame {
	k := i + 1
	if k < hi && d.toks[k].is("in") {
		k++ // "sworn in as"
	}
	if k >= hi || !d.toks[k].is("as") || !d.passiveDated(i, lo) {
		return nil
	}
	ts, te := d.parseTitle(k+1, hi)
	of := (*docEntity)(nil)
	if mi := d.mAt[k+1]; mi >= 0 && d.mentions[mi].poss {
		m := d.mentions[mi]
		ts, te = d.parseTitle(m.last+2, hi)
		of = m.ent
	} else if te >= ts && te+2 < hi && d.toks[te+1].is("of") {
		if m := d.npMention(te+2, hi); m != nil {
			of = m.ent
		}
	}
	if te < ts || of == nil || of.kind != graph.Country {
		return nil
	}
	if rel, _, _ := d.titleRole(ts, te); rel != "LEADER_OF" {
		return nil // "appointed as foreign minister" is no election
	}
	f := d.electedFrame(i, lo, hi, of)
	if f != nil && f.status != graph.StatusPlanned && f.status != graph.StatusDenied && !f.hypo && !f.future {
		// "was sworn in as Fiji's prime minister": he now leads it
		title := d.body[d.toks[ts].start:d.toks[te].end]
		for _, p := range f.sources {
			d.structs = append(d.structs, structRel{src: p, dst: of, rel: "LEADER_OF", title: title, sent: f.sent, conf: 0.8})
		}
	}
	return f
}

// passiveDated is passiveBefore past a date phrase: "was on Saturday
// confirmed".
func (d *doc) passiveDated(i, lo int) bool {
	j := i - 1
	for j > lo && (d.toks[j].in(dateWords) || d.toks[j].is("on", "early", "late", "last") || d.toks[j].kind == tNum) {
		j--
	}
	return d.passiveBefore(j+1, lo)
}

// winFrame reads "X won re-election", "X won Sunday's presidential
// election": the winner is elected to lead the state the article tells of.
func (d *doc) winFrame(i, lo, hi int) *frame {
	won := false
	for k := i + 1; k < hi && k <= i+5; k++ {
		if electionNouns[d.toks[k].lower] {
			won = true
			break
		}
		if d.toks[k].is(",", ";", "and", "in") {
			break
		}
	}
	if !won {
		return nil
	}
	subj, _ := d.subjectOf(i, lo, hi)
	if len(subj) == 0 || subj[0].ent == nil || subj[0].ent.kind != graph.Person {
		return nil
	}
	state := d.ledState(subj[0].ent)
	if state == nil {
		return nil
	}
	return d.electedFrame(i, lo, hi, state)
}

// electedFrame builds the election frame of the subject of the verb at i.
func (d *doc) electedFrame(i, lo, hi int, state *docEntity) *frame {
	subj, _ := d.subjectOf(i, lo, hi)
	f := &frame{sense: senseElect, rel: "ELECTED_LEADER_OF", label: "election", trigger: i, sent: d.toks[i].sent, conf: 0.8}
	if f.sources = personsOf(subj); len(f.sources) == 0 {
		return nil
	}
	f.targets = []*docEntity{state}
	d.verbModality(f, i, lo, subj)
	return f
}

// ledState returns the state p is said to lead in this article, or the one
// state the article opens on when p leads nothing named.
func (d *doc) ledState(p *docEntity) *docEntity {
	for _, r := range d.structs {
		if r.src == p && r.rel == "LEADER_OF" && r.dst.kind == graph.Country {
			return r.dst
		}
	}
	for _, m := range d.mentions {
		if m.ent == p && m.role != nil && m.role.rel == "LEADER_OF" && m.role.of != nil && m.role.of.kind == graph.Country {
			return m.role.of
		}
	}
	return d.leadCountry()
}

// electionVerb dispatches the election readings of a verb; ok is false
// when the verb is no election verb.
func (d *doc) electionVerb(i int, lemma string, lo, hi int) (f *frame, ok bool) {
	switch {
	case installVerbs[lemma]:
		if f := d.installFrame(i, lo, hi); f != nil {
			return f, true
		}
	case lemma == "win" && (!strings.HasSuffix(d.toks[i].lower, "ing") || i > lo && d.toks[i-1].is("on", "after", "for")):
		// "won the vote"; "congratulated him on winning the election"
		if f := d.winFrame(i, lo, hi); f != nil {
			return f, true
		}
	}
	return nil, false
}

// winnerFrames reads "X was declared the winner of Peru's presidential
// election", "X became the winner of the vote": X is elected to lead the
// state the election belongs to.
func (d *doc) winnerFrames(lo, hi int) []*frame {
	var fs []*frame
	for k := lo + 2; k+2 < hi; k++ {
		if !d.toks[k].is("winner") || !d.toks[k-1].is("the") || !d.toks[k+1].is("of") {
			continue
		}
		v := k - 2
		if !d.toks[v].is("declared", "named", "proclaimed", "confirmed", "became", "is", "was") {
			continue
		}
		var state *docEntity
		won := false
		for j := k + 2; j < hi && j <= k+7; j++ {
			if mi := d.mAt[j]; mi >= 0 && d.mentions[mi].poss && d.mentions[mi].ent != nil && d.mentions[mi].ent.kind == graph.Country {
				state = d.mentions[mi].ent
			}
			if electionNouns[d.toks[j].lower] {
				won = true
				break
			}
		}
		if !won {
			continue
		}
		if state == nil {
			state = d.clauseState(k, lo, hi)
		}
		if state == nil {
			continue
		}
		if f := d.electedFrame(v, lo, hi, state); f != nil {
			fs = append(fs, f)
		}
	}
	return fs
}

// clauseState returns the state of the first place the sentence of token i
// names ("voters in Taiwan"), else the state the article opens on.
func (d *doc) clauseState(i, lo, hi int) *docEntity {
	for k := lo; k < hi; k++ {
		mi := d.mAt[k]
		if mi < 0 {
			continue
		}
		m := d.mentions[mi]
		k = m.last
		if e := m.ent; e != nil && e.isPlace() && e.country != "" && k > lo && d.toks[m.first-1].is("in", "across") {
			if e.kind == graph.Country {
				return e
			}
			return d.ents.countryByCode(e.country)
		}
	}
	return d.leadCountry()
}

// personsOf returns the persons the mentions refer to.
func personsOf(ms []*mention) []*docEntity {
	var out []*docEntity
	for _, m := range ms {
		for _, e := range m.entities() {
			if e.kind == graph.Person {
				out = addEnt(out, e)
			}
		}
	}
	return out
}
