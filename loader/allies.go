package loader

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// allyNouns name a standing backer of an actor; providerNouns one that
// arms or funds it. News states these alliances in passing, as
// appositives and possessives, not with verbs: "Yariv Levin, a staunch
// ally of the prime minister", "Syria's backers — Russia, Iran and
// Hezbollah", "the US, Israel's top arms provider".
var (
	allyNouns     = set("ally", "allies", "backer", "backers", "patron", "patrons", "sponsor", "sponsors")
	providerNouns = set("provider", "supplier", "suppliers", "donor", "donors")
)

// allyModifiers may stand between the article or possessor and the noun.
var allyModifiers = set("a", "an", "the", "his", "her", "its", "their", "staunch", "close", "closest", "key", "main",
	"longtime", "long-time", "traditional", "top", "biggest", "largest", "major", "chief", "principal", "loyal",
	"strong", "strongest", "regional", "military", "arms", "weapons", "western", "foreign")

// allianceFrames reads the alliances sentence [lo, hi) states with an ally
// or provider noun: "X, a close ally of Y" and "X is Y's ally" (X backs
// Y), "Y's backers, A and B" and "Y's ally A" (A backs Y).
func (d *doc) allianceFrames(lo, hi int) []*frame {
	var fs []*frame
	for k := lo; k < hi; k++ {
		t := &d.toks[k]
		rel := graph.RelType("")
		switch {
		case t.in(allyNouns):
			rel = "SUPPORTS"
		case t.in(providerNouns):
			rel = "PROVIDED_AID_TO"
		default:
			continue
		}
		var backers, backed []*docEntity
		if k+2 < hi && d.toks[k+1].is("of") && d.mAt[k+2] >= 0 {
			// "X, a staunch ally of Y"
			backed = actorsIn(d.mentions[d.mAt[k+2]])
			backers = d.appositionHead(k, lo)
		} else if y := d.possessorBefore(k, lo); y != nil {
			backed = actorsIn(y)
			if x := d.mentionAfterAlly(k, hi); x != nil {
				// "Serbia's friends — Russia, China and Hungary"
				for _, m := range d.coordRight(x, hi, true) {
					backers = addEnt(backers, actorsIn(m)...)
				}
			} else {
				backers = d.appositionHead(y.first, lo) // "the US, Israel's top arms provider"
			}
		}
		backers = actorsOnly(backers)
		if len(backers) == 0 || len(backed) == 0 {
			continue
		}
		sn := senseSupport
		if rel == "PROVIDED_AID_TO" {
			sn = senseAid
		}
		f := &frame{sense: sn, rel: rel, label: sn.label, trigger: k, sent: t.sent, conf: 0.75}
		for _, b := range backers {
			if !slices.Contains(backed, b) {
				f.sources = addEnt(f.sources, b)
			}
		}
		f.targets = backed
		if len(f.sources) > 0 {
			fs = append(fs, f)
		}
	}
	return fs
}

// actorsIn returns a mention's actors.
func actorsIn(m *mention) []*docEntity {
	return actorsOnly(m.entities())
}

// possessorBefore returns the possessor mention before the ally noun at k,
// past its modifiers: "Israel's top arms provider".
func (d *doc) possessorBefore(k, lo int) *mention {
	j := k - 1
	for j >= lo && d.toks[j].in(allyModifiers) && !d.toks[j].is("a", "an", "the") {
		j--
	}
	if j-1 >= lo && d.toks[j].kind == tPoss && d.mAt[j-1] >= 0 {
		if m := d.mentions[d.mAt[j-1]]; m.poss && m.kind != mPronoun {
			return m
		}
	}
	return nil
}

// mentionAfterAlly returns the actor named right after an ally noun, past a
// dash, comma, colon or "such as": "Syria's backers — Russia", "its ally
// Belarus".
func (d *doc) mentionAfterAlly(k, hi int) *mention {
	j := k + 1
	if j < hi && (d.toks[j].isHyphen() || d.toks[j].is(",", ":", "—", "–")) {
		j++
	}
	if j+1 < hi && d.toks[j].is("such") && d.toks[j+1].is("as") || j < hi && d.toks[j].is("including") {
		j += 1 + b2i(d.toks[j].is("such"))
	}
	if j < hi && d.mAt[j] >= 0 {
		if m := d.mentions[d.mAt[j]]; m.hasActor() && !m.poss {
			return m
		}
	}
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// appositionHead returns who an appositive noun phrase ending before k
// describes: the actor before the comma that opens it ("Levin, a staunch
// ally of"), past a coordinated description ("Bahceli, leader of the MHP
// and an ally of"), or the subject of a copula ("the US is Israel's ally").
func (d *doc) appositionHead(k, lo int) []*docEntity {
	j := k - 1
	for j >= lo && d.toks[j].in(allyModifiers) {
		j--
	}
	if j >= lo && d.toks[j].is("is", "was", "are", "were", "remains", "remained", "became") {
		if j-2 >= lo && d.toks[j-1].is("which", "who") && d.toks[j-2].is(",") {
			j -= 2 // "France, which is Chad's main arms supplier"
		}
		for p := j - 1; p >= lo && p >= j-3; p-- {
			if mi := d.mAt[p]; mi >= 0 {
				return d.mentions[mi].entities()
			}
			if !d.toks[p].in(adverbs) {
				break
			}
		}
		return nil
	}
	if j >= lo && d.toks[j].is("and") {
		// "head of the Fidesz party and an ally of Orban": back to the comma
		for p := j - 1; p >= lo && p >= j-10; p-- {
			if d.toks[p].is(",") {
				j = p
				break
			}
		}
	}
	if j-1 >= lo && d.toks[j].is(",") && d.mAt[j-1] >= 0 {
		if m := d.mentions[d.mAt[j-1]]; !m.poss {
			return m.entities()
		}
	}
	return nil
}
