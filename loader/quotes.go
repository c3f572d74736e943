package loader

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// firstPerson are the pronouns a speaker uses of itself inside a quote.
var firstPerson = wordList("we", "us", "our", "i", "my")

// quoteSpeakers resolves "we", "our" and "I" inside a quotation to its
// speaker: `"We urge the premier to stop," Petrov said`, `Rahmon
// said: "we agreed to sign a treaty with Uzbekistan"`. The speaker is the
// actor named beside a reporting verb outside the quote; a quote with no
// such speaker in its sentence leaves the pronoun alone. Runs after the
// sentence's mentions are found, since the speaker often follows the quote.
//
// A quotation that follows another at once, with no speaker of its own,
// is the same speaker's. A quotation that runs on past its sentence (`Petrov said: "We are ready.
// We urge Kyiv to talk."`) keeps its speaker for the next sentences, until
// it closes, for a few sentences at most.
func (d *doc) quoteSpeakers(lo, hi int) {
	in := make([]bool, hi-lo)
	sent := d.toks[lo].sent
	carried := d.quoteOpen && d.quoteSpeaker != nil && sent-d.quoteSent <= 3
	open, any := carried, carried
	for k := lo; k < hi; k++ {
		if t := &d.toks[k]; t.kind == tPunct && (t.text == "“" || t.text == "”" || t.text == "\"") {
			open = t.text == "“" || t.text == "\"" && !open
			any = true
			continue
		}
		in[k-lo] = open
	}
	d.quoteOpen = open
	if !any {
		return
	}
	var speaker *docEntity
	for k := lo; k < hi && speaker == nil; k++ {
		if in[k-lo] || !d.toks[k].in(reportVerbs) {
			continue
		}
		speaker = d.speakerAround(k, lo, hi, in)
	}
	if speaker == nil && carried {
		speaker = d.quoteSpeaker
	}
	if opener := &d.toks[lo]; speaker == nil && d.lastSpeaker != nil && d.lastQuote == sent-1 && opener.kind == tPunct && (opener.text == "“" || opener.text == "\"") {
		speaker = d.lastSpeaker // `"We urge Kyiv to talk," Petrov said. "We are ready."`
	}
	if speaker != nil {
		d.lastSpeaker, d.lastQuote = speaker, sent
	}
	if open && speaker != nil {
		if !carried || speaker != d.quoteSpeaker {
			d.quoteSent = sent
		}
		d.quoteSpeaker = speaker
	}
	if speaker == nil {
		return
	}
	for k := lo; k < hi; k++ {
		t := &d.toks[k]
		if !in[k-lo] || d.mAt[k] >= 0 || !firstPerson[t.lower] || t.allCaps && len(t.text) > 1 {
			continue
		}
		d.add(&mention{first: k, last: k, ent: speaker, kind: mPronoun, conf: 0.7, poss: t.is("our", "my")})
	}
}

// speakerAround returns the actor beside the reporting verb at k, outside
// any quote: its subject ("Bibas said") or the name after it ("said Bibas").
func (d *doc) speakerAround(k, lo, hi int, in []bool) *docEntity {
	for _, j := range []int{k - 1, k + 1} {
		if j < lo || j >= hi || in[j-lo] || d.mAt[j] < 0 {
			continue
		}
		if m := d.mentions[d.mAt[j]]; m.ent != nil && m.ent.isActor() && (m.kind != mPronoun || d.surePronoun(m)) {
			return m.ent
		}
	}
	// A pronoun speaker ("he said") counts only when its person is sure: a
	// wrong speaker puts words in the wrong mouth.
	if subj, _ := d.subjectOf(k, lo, hi); len(subj) > 0 && subj[0].ent != nil && subj[0].ent.isActor() &&
		(subj[0].kind != mPronoun || d.surePronoun(subj[0])) && !in[subj[0].first-lo] {
		return subj[0].ent
	}
	return nil
}

// surePronoun reports a "he" or "she" whose person is not in doubt: the
// only person named in the sentences just before, or the subject of the
// last one (previousSubject).
func (d *doc) surePronoun(m *mention) bool {
	t := &d.toks[m.first]
	if !t.is("he", "she") || m.ent == nil || m.ent.kind != graph.Person {
		return false
	}
	if d.previousSubject(m.first) == m.ent {
		return true
	}
	sent := t.sent
	var only *docEntity
	for k := len(d.mentions) - 1; k >= 0; k-- {
		o := d.mentions[k]
		if o.first >= m.first || o.ent == nil || o.ent.kind != graph.Person {
			continue
		}
		if d.toks[o.first].sent < sent-2 {
			break
		}
		if e := d.resolved(o.ent); only != nil && e != only {
			return false
		} else {
			only = e
		}
	}
	return only == d.resolved(m.ent)
}

// beForms link a subject to what it is said to be.
var copulas = wordList("is", "was", "were", "are", "been")

// labelledEvents reads "X said the strike was a war crime": a reported
// judgement of an event as a crime, an aggression or a provocation is the
// speaker's accusation of the event's author (the builder takes the author
// from the event). The event is named by the subject of the copula; the
// speaker is the subject of a reporting verb before it.
func (d *doc) labelledEvents(lo, hi int) []*frame {
	var fs []*frame
	for k := lo + 2; k+1 < hi; k++ {
		if !copulas[d.toks[k].lower] || !d.negativeLabelAfter(k+1, hi) {
			continue
		}
		// The reporting verb and the subject NP between it and the copula.
		for r := k - 1; r >= lo && r >= k-8; r-- {
			if !d.toks[r].in(reportVerbs) {
				continue
			}
			start := r + 1
			if start < k && d.toks[start].is("that") {
				start++
			}
			ev := d.eventNounAt(start, k)
			if ev == nil {
				break
			}
			subj, _ := d.subjectOf(r, lo, hi)
			if len(subj) == 0 || subj[0].ent == nil || !subj[0].ent.isActor() || slices.Contains(ev.root().sources, subj[0].ent) {
				break // no speaker, or the speaker's own act
			}
			fs = append(fs, &frame{sense: senseAccuse, rel: "ACCUSED", label: "accusation", sources: []*docEntity{subj[0].ent},
				about: ev, trigger: k, sent: d.toks[k].sent, conf: 0.7})
			break
		}
	}
	return fs
}

// negativeLabelAfter reports a negative label within a short noun phrase
// from k: "a war crime", "an unprovoked aggression", "an escalation".
func (d *doc) negativeLabelAfter(k, hi int) bool {
	for j := k; j < hi && j < k+5; j++ {
		t := &d.toks[j]
		if t.in(negativeLabels) || t.is("escalation") {
			return true
		}
		if t.is(",", ";", "that", "and") {
			return false
		}
	}
	return false
}
