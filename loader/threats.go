package loader

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// Threats are often said without a threatening verb: the speaker tells what
// will befall the target ("Armenia will pay dearly", "the attack will
// not go unanswered", "those responsible will be punished"). These idioms are
// data: each is the words after the modal, matched in order, with whether
// the idiom needs a negation ("not go unanswered" threatens, "go
// unanswered" alone does not occur).
var threatIdioms = []struct {
	words   []string
	negated bool
}{
	{[]string{"pay", "price"}, false},
	{[]string{"be", "punished"}, false},
	{[]string{"face", "consequences"}, false},
	{[]string{"carry", "consequences"}, false},
	{[]string{"be", "held", "accountable"}, false},
	{[]string{"regret"}, false},
	{[]string{"go", "unanswered"}, true},
	{[]string{"go", "unpunished"}, true},
}

var modalWords = wordList("will", "would", "shall", "must", "'ll")

// senseThreatIdiom is the sense of a threat read from an idiom; its source
// is the speaker, found by attribute.
var senseThreatIdiom = s("THREATENED", "", false, "", "threat")

// threatIdiomFrames finds "TARGET will|would [not] IDIOM" in the sentence
// and returns a frame with the target and no source yet: the speaker of the
// sentence becomes the source once attribute has found it.
func (d *doc) threatIdiomFrames(lo, hi int) []*frame {
	var fs []*frame
	for k := lo + 1; k < hi; k++ {
		if !modalWords[d.toks[k].lower] {
			continue
		}
		j, negated := k+1, false
		if j < hi && d.toks[j].is("not", "never") {
			j, negated = j+1, true
		}
		for j < hi && d.toks[j].in(adverbs) {
			j++
		}
		if !d.threatIdiomAt(j, hi, negated) {
			continue
		}
		prev := k - 1
		if prev > lo && d.toks[prev].kind == tPunct && isOpener([]rune(d.toks[prev].text)[0]) {
			prev-- // `Petrov's killing "will not go unanswered"`
		}
		targets := d.forTarget(j, hi) // "will bring grave consequences for Serbia"
		if len(targets) == 0 {
			targets = d.idiomTargets(prev, lo)
		}
		if len(targets) == 0 {
			targets = d.culprits(prev, lo) // "those responsible will be punished"
		}
		if len(targets) == 0 {
			continue
		}
		fs = append(fs, &frame{sense: senseThreatIdiom, rel: "THREATENED", label: "threat", targets: targets,
			trigger: k, sent: d.toks[k].sent, conf: 0.7})
	}
	return fs
}

// threatIdiomAt reports whether a threat idiom's words follow from j, each
// within three words of the last (`pay a "heavy price"`).
func (d *doc) threatIdiomAt(j, hi int, negated bool) bool {
	for _, idiom := range threatIdioms {
		if idiom.negated != negated {
			continue
		}
		k, ok := j, true
		for n, w := range idiom.words {
			found := false
			for m := k; m < hi && m < k+4; m++ {
				if n == 0 && m > k {
					break // the idiom starts right after the modal
				}
				if d.toks[m].lower == w {
					k, found = m+1, true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// idiomTargets returns the actors the idiom befalls: the mentions that end
// the clause before the modal at k ("Greece and Cyprus will pay"), or the
// owner of an event noun there ("Nilforoushan's killing will not go
// unanswered" befalls whoever killed him: no actor the text names, so none).
func (d *doc) idiomTargets(k, lo int) []*docEntity {
	if k < lo || d.mAt[k] < 0 {
		return nil
	}
	m := d.mentions[d.mAt[k]]
	if m.kind == mPronoun || m.ent == nil || !m.ent.isActor() {
		return nil
	}
	of := m.first - 1
	if of > lo && d.toks[of].is("the") {
		of--
	}
	if of-1 >= lo && d.toks[of].is("of") && d.toks[of-1].in(culpritWords) {
		// "the killing of the soldiers will not go unanswered" befalls
		// the killers, never the soldiers; a crowd named by a role noun
		// is the latest attack's victims, whatever name that gave them
		victim := m.ent
		if pluralAgent(victim) {
			victim = nil
		}
		return d.authorOf(of-1, victim)
	}
	var out []*docEntity
	for _, x := range d.coordinatedLeft(m, lo) {
		if x.ent != nil && x.ent.isActor() {
			out = addEnt(out, x.ent)
		}
	}
	return out
}

// forTarget returns the actor after "for" within the few words after an
// idiom starting at j: "consequences for Iran".
func (d *doc) forTarget(j, hi int) []*docEntity {
	for k := j; k+1 < hi && k < j+6; k++ {
		if d.toks[k].kind == tPunct && !d.toks[k].isHyphen() {
			return nil
		}
		if d.toks[k].is("for") && d.mAt[k+1] >= 0 {
			if m := d.mentions[d.mAt[k+1]]; m.hasActor() && m.kind != mPronoun {
				return actorsIn(m)
			}
		}
	}
	return nil
}

// culpritWords name, before a threat idiom, whoever did a deed the article
// told: "those responsible", "the perpetrators", "his killers", and the deed
// itself: "Nilforoushan's killing", "this attack".
var culpritWords = set("responsible", "perpetrators", "culprits", "killers", "attackers", "assailants", "murderers",
	"killing", "killings", "assassination", "murder", "death", "deaths", "attack", "attacks", "aggression", "crime", "crimes")

// culprits returns the author of the deed a threat idiom's subject names,
// ending at k: the actor whose attack on the possessor the article told
// ("Nilforoushan's killing"), or the author of the latest attack ("those
// responsible"). An attack on the speaker's side is what a vow of revenge
// answers, so the author is never on the victim's side.
func (d *doc) culprits(k, lo int) []*docEntity {
	for j := k - 1; j-1 >= lo && j >= k-3 && d.toks[j+1].kind == tWord && d.mAt[j+1] < 0; j-- {
		if d.toks[j].is("of") && d.toks[j-1].in(culpritWords) {
			return d.authorOf(j-1, nil) // "the killing of the guards": whoever the text said killed
		}
	}
	if k < lo || !d.toks[k].in(culpritWords) {
		return nil
	}
	var victim *docEntity
	if j := k - 1; j-1 >= lo && d.toks[j].kind == tPoss && d.mAt[j-1] >= 0 {
		victim = d.mentions[d.mAt[j-1]].ent
	}
	return d.authorOf(k, victim)
}

// authorOf returns the sources of the latest attack told up to the deed
// named at k, on victim when it is not nil.
func (d *doc) authorOf(k int, victim *docEntity) []*docEntity {
	sent := d.toks[k].sent
	for n := len(d.frames) - 1; n >= 0 && d.frames[n].sent >= sent-10; n-- {
		a := d.frames[n].root()
		if a.class() != "ASSAULT" || a.hypo || a.status == graph.StatusDenied || len(a.sources) == 0 {
			continue
		}
		if victim != nil && !slices.Contains(a.targets, victim) {
			continue
		}
		return a.sources
	}
	return nil
}

// coordinatedLeft returns m and the mentions joined to it on the left by
// "and", "or" and commas: "the US and Israel".
func (d *doc) coordinatedLeft(m *mention, lo int) []*mention {
	out := []*mention{m}
	for k := m.first - 1; k-1 >= lo && d.toks[k].is("and", "or", ","); {
		mi := d.mAt[k-1]
		if mi < 0 {
			break
		}
		x := d.mentions[mi]
		out = append(out, x)
		k = x.first - 1
	}
	return out
}

// speakerIsSource turns a threat idiom's speaker into its source: the
// threat is the speaker's act, not a claim about one.
func speakerIsSource(f *frame) {
	if f.sense != senseThreatIdiom || len(f.sources) > 0 || f.claimant == nil {
		return
	}
	for _, t := range f.targets {
		if t == f.claimant {
			return
		}
	}
	f.sources = []*docEntity{f.claimant}
	f.claimant = nil
	f.status = graph.StatusOccurred
}
