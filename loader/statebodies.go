package loader

import (
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// A state's bodies named through the state: "Russian forces", "Kenya's
// defence ministry", "the Niger junta", "Turkish police".

// bodyMention recognises a government body or military named through its
// country: "Russian forces", "Ukrainian officials", "Pakistan's military",
// "Kenya's defence ministry", "the Turkish Defence Ministry".
func (d *doc) bodyMention(i, last int, ref gazetteer.Ref, hi int) *mention {
	j := last + 1
	if j < hi && d.toks[j].kind == tPoss {
		j++
	}
	if j >= hi {
		return nil
	}
	c := d.gaz.Entry(ref).Country
	if c == nil {
		return nil
	}
	if ref.Demonym && i > 0 && d.mAt[i-1] >= 0 {
		// "a Kosovar Albanian police officer": the first adjective names
		// the state, the second the officer's people
		if p := d.mentions[d.mAt[i-1]]; p.kind == mDemonym && p.ent != nil && p.ent.kind == graph.Country && p.last == i-1 {
			if pc, ok := d.gaz.CountryByCode(p.ent.country); ok {
				c, i = pc, p.first
			}
		}
	}
	t := &d.toks[j]
	if t.kind != tWord {
		return nil
	}
	switch {
	case t.is("military", "army", "defence", "defense") && j+1 < hi && d.toks[j+1].is("sources"):
		// "Ruritanian military sources": the state's military speaking
		return &mention{first: i, last: j + 1, ent: d.military(c, ""), kind: mBody}
	case t.is("diplomatic", "government", "official", "security", "intelligence") && j+1 < hi && d.toks[j+1].is("sources"):
		return &mention{first: i, last: j + 1, ent: d.government(c), kind: mBody}
	case t.is("state") && j+1 < hi && d.toks[j+1].is("media", "television", "tv", "broadcaster", "radio") &&
		!(j+2 < hi && d.toks[j+2].cap && d.toks[j+2].kind == tWord):
		// "Syrian state media said": the state's media speaking, an
		// organisation of the state ("Syria's state broadcaster SANA" is
		// the named one)
		name := demonym(c) + " state " + d.toks[j+1].lower
		if d.toks[j+1].is("tv") {
			name = demonym(c) + " state TV"
		}
		e := d.ents.get("org:"+slug(name), name, graph.Organization)
		e.country = c.Code
		return &mention{first: i, last: j + 1, ent: e, kind: mBody}
	case t.is("coast") && j+1 < hi && d.toks[j+1].is("guard"):
		if r, ok := d.kb.coastGuardOf[c.Code]; ok {
			return &mention{first: i, last: j + 1, ent: d.ents.fromRef(r), kind: mBody}
		}
		e := d.ents.get("military:"+c.Code+"-coast-guard", demonym(c)+" coast guard", graph.Military)
		e.country = c.Code
		return &mention{first: i, last: j + 1, ent: e, kind: mBody}
	case portfolios[t.lower] != "" && j+1 < hi && d.toks[j+1].is("ministry"):
		return &mention{first: i, last: j + 1, ent: d.ministry(c, portfolios[t.lower]), kind: mBody}
	case t.is("ministry") && j+2 < hi && d.toks[j+1].is("of") && portfolios[d.toks[j+2].lower] != "":
		last := j + 2
		if last+1 < hi && d.toks[last+1].is("affairs") {
			last++
		}
		return &mention{first: i, last: last, ent: d.ministry(c, portfolios[d.toks[j+2].lower]), kind: mBody}
	case t.is("air") && j+1 < hi && d.toks[j+1].is("force", "forces", "defence", "defense", "defences", "defenses"):
		return &mention{first: i, last: j + 1, ent: d.military(c, ""), kind: mBody} // "Ukraine's air force"
	case t.is("junta") || t.is("military") && j+1 < hi && d.toks[j+1].is("junta", "regime"):
		last := j
		if !t.is("junta") {
			last++
		}
		return &mention{first: i, last: last, ent: d.junta(c), kind: mBody} // "the Niger junta", "Myanmar's military regime"
	case t.is("law") && j+1 < hi && d.toks[j+1].is("enforcers", "enforcement"):
		return &mention{first: i, last: j + 1, ent: d.police(c), kind: mBody} // "Tajik law enforcers"
	case t.is("border") && j+1 < hi && d.toks[j+1].is("guards", "guard", "troops", "forces", "police"):
		return &mention{first: i, last: j + 1, ent: d.military(c, "border guards"), kind: mBody} // "Kyrgyz border guards"
	case t.is("national", "federal", "state") && j+1 < hi && d.toks[j+1].is("police"):
		return &mention{first: i, last: j + 1, ent: d.police(c), kind: mBody} // "Haitian National Police"
	case t.is("police"):
		last := j
		if j+1 < hi && d.toks[j+1].is("officers", "officer", "forces", "force", "service") {
			last++ // "Kenyan police officers"
		} else if j+1 < hi && d.isNounModifiee(j+1) && !pastTense(&d.toks[j+1]) {
			return nil // "a Turkish police station"
		}
		return &mention{first: i, last: last, ent: d.police(c), kind: mBody}
	case t.in(militaryNouns):
		if t.is("military", "army", "navy") && j+1 < hi && d.isNounModifiee(j+1) && !pastTense(&d.toks[j+1]) {
			return nil // "Russian military position": an adjective
		}
		last := j
		if t.is("armed") {
			if j+1 >= hi || !d.toks[j+1].is("forces") {
				return nil
			}
			last++
		}
		return &mention{first: i, last: last, ent: d.military(c, t.lower), kind: mBody}
	case t.is("ruling", "governing") && j+1 < hi && d.toks[j+1].is("party", "coalition"):
		// "Georgia's ruling party", "Senegal's governing coalition"
		name := demonym(c) + " " + t.lower + " " + d.toks[j+1].lower
		e := d.ents.get("org:"+slug(name), name, graph.Organization)
		e.country = c.Code
		return &mention{first: i, last: j + 1, ent: e, kind: mBody}
	case t.is("parliament", "legislature") && !(j+1 < hi && d.isNounModifiee(j+1) && !pastTense(&d.toks[j+1])):
		e := d.ents.get("gov:"+c.Code+"-parliament", demonym(c)+" parliament", graph.GovernmentBody)
		e.country = c.Code
		return &mention{first: i, last: j, ent: e, kind: mBody}
	case t.in(governmentNouns):
		if t.is("government", "administration", "cabinet", "parliament", "presidency") && j+1 < hi && d.isNounModifiee(j+1) &&
			(j > last+1 || !pastTense(&d.toks[j+1])) { // "the Indian government carried out" is the government; "Colombia's government suspended" the state
			return nil // "a Philippine government vessel": an adjective
		}
		return &mention{first: i, last: j, ent: d.government(c), kind: mBody}
	case agentNouns[t.lower] == graph.Group && d.toks[i].cap && i == j-1:
		// "Syrian rebels", "Georgian opposition": a group of that state's
		// people, not a body of its state.
		if j+1 < hi && d.isNounModifiee(j+1) && !pastTense(&d.toks[j+1]) {
			return nil
		}
		name := d.body[d.toks[i].start:t.end]
		return &mention{first: i, last: j, ent: d.ents.get("group:"+slug(name), name, graph.Group), kind: mBody}
	}
	return nil
}

// ministryOf reads "Ministry of Defence of Ukraine", "Ministry of Foreign
// Affairs of Russia".
func (d *doc) ministryOf(i, hi int) *mention {
	if !d.toks[i].is("ministry") || i+4 >= hi || !d.toks[i+1].is("of") || portfolios[d.toks[i+2].lower] == "" {
		return nil
	}
	j := i + 3
	if d.toks[j].is("affairs") {
		j++
	}
	if j+1 >= hi || !d.toks[j].is("of") {
		return nil
	}
	h, ok := d.hitAt(j + 1)
	if !ok {
		return nil
	}
	c := d.gaz.Entry(d.pickRef(h, hi)).Country
	if c == nil {
		return nil
	}
	return &mention{first: i, last: h.last, ent: d.ministry(c, portfolios[d.toks[i+2].lower]), kind: mBody}
}

// governmentOf reads "the government of Moldova", "the authorities of
// Niger": the state's government, as "the Moldovan government" is.
func (d *doc) governmentOf(i, hi int) *mention {
	if !d.toks[i].is("government", "authorities", "administration") || i+2 >= hi || !d.toks[i+1].is("of") {
		return nil
	}
	h, ok := d.hitAt(i + 2)
	if !ok {
		return nil
	}
	ref := d.pickRef(h, hi)
	c := d.gaz.Entry(ref).Country
	if ref.Demonym || c == nil {
		return nil // "the government of Kharkiv region" is a region's
	}
	return &mention{first: i, last: h.last, ent: d.government(c), kind: mBody}
}

// military returns the country's armed forces: the gazetteer's entry when
// it has one, else "Russian forces".
func (d *doc) military(c *gazetteer.Country, noun string) *docEntity {
	if r, ok := d.kb.militaryOf[c.Code]; ok {
		return d.ents.fromRef(r)
	}
	if r, ok := d.kb.armyOf[c.Code]; ok && (noun == "army" || noun == "troops" || noun == "soldiers") {
		return d.ents.fromRef(r) // "American troops" are the army; "U.S. warships" are not
	}
	e := d.ents.get("military:"+c.Code, demonym(c)+" forces", graph.Military)
	e.country = c.Code
	return e
}

// government returns the country's government as an actor ("Ukrainian
// officials", "the Ukrainian authorities").
func (d *doc) government(c *gazetteer.Country) *docEntity {
	e := d.ents.get("gov:"+c.Code, demonym(c)+" government", graph.GovernmentBody)
	e.country = c.Code
	return e
}

// junta returns the military government ruling a state: "the Niger junta".
func (d *doc) junta(c *gazetteer.Country) *docEntity {
	e := d.ents.get("military:"+c.Code+"-junta", c.Name+" junta", graph.Military)
	e.country = c.Code
	return e
}

// police returns the country's police: "Turkish police", "Kenyan police
// officers".
func (d *doc) police(c *gazetteer.Country) *docEntity {
	e := d.ents.get("gov:"+c.Code+"-police", demonym(c)+" police", graph.GovernmentBody)
	e.country = c.Code
	return e
}

func (d *doc) ministry(c *gazetteer.Country, portfolio string) *docEntity {
	name := demonym(c) + " Ministry of " + portfolio
	e := d.ents.get("gov:"+c.Code+"-"+slug(portfolio), name, graph.GovernmentBody)
	e.country = c.Code
	return e
}
