package loader

import "github.com/geokg/geokg/graph"

// Threats are often said without a threatening verb: the speaker tells what
// will befall the target ("Israel will pay a heavy price", "the attack will
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
		targets := d.idiomTargets(k-1, lo)
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
// the clause before the modal at k ("the US and Israel will pay"), or the
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
	var out []*docEntity
	for _, x := range d.coordinatedLeft(m, lo) {
		if x.ent != nil && x.ent.isActor() {
			out = addEnt(out, x.ent)
		}
	}
	return out
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
