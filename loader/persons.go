package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// titledPerson recognises a person introduced by a title, with an optional
// affiliation before it: "Turkish President Recep Tayyip Erdogan", "Kremlin
// aide Yuri Ushakov", "Brazil's President Lula", "Nigeria's
// army spokesperson Maj. Gen. Ada Obi", "President of
// Ukraine Volodymyr Zelenskyy".
func (d *doc) titledPerson(i, hi int) *mention {
	if d.hitIdx[i] < 0 && !isTitleWord(&d.toks[i]) {
		return nil // neither an affiliation nor a title starts here
	}
	j := i
	var of, ctry *docEntity
	affFirst, affLast, bodyLast := -1, -1, -1
	if h, ok := d.hitAt(j); ok {
		ref := d.pickRef(h, hi)
		ent := d.gaz.Entry(ref)
		if d.nameBefore(j, ref) < j {
			return nil // the end of a longer name: gazMention reads it
		}
		switch {
		case ent.Place != nil && h.last+1 < hi && d.toks[h.last+1].is("mayor", "governor"):
			// "Warsaw mayor Rafał Trzaskowski": the city's leader
			of = d.ents.fromRef(ref)
			affFirst, affLast = j, h.last
			j = h.last + 1
		case ent.Country != nil || ent.Org != nil:
			of = d.ents.fromRef(ref)
			affFirst, affLast = j, h.last
			j = h.last + 1
			if j < hi && d.toks[j].kind == tPoss {
				j++
			}
			// A body between the state and the title: "Nigeria's military
			// spokesperson", "Turkish Foreign Ministry spokeswoman".
			if ent.Country != nil && j+1 < hi {
				t := &d.toks[j]
				ctry = of
				switch {
				case t.is("military", "army", "navy") && isTitleWord(&d.toks[j+1]):
					of = d.military(ent.Country, t.lower)
					bodyLast = j
					j++
				case portfolios[t.lower] != "" && d.toks[j+1].is("ministry") && j+2 < hi && isTitleWord(&d.toks[j+2]):
					of = d.ministry(ent.Country, portfolios[t.lower])
					bodyLast = j + 1
					j += 2
				}
			}
		default:
			return nil
		}
	} else if d.toks[i].is("the") {
		return nil
	} else if d.toks[i].is("junta") && i+1 < hi && (d.toks[i+1].in(headTitles) || d.toks[i+1].is("boss")) {
		// "junta boss Min Aung Hlaing", "the junta spokesperson"
		if c := d.leadState(); c != nil {
			of = d.junta(c)
			affFirst, affLast = i, i
			j = i + 1
		}
	} else if d.toks[i].is("army", "military") && i+1 < hi && d.toks[i+1].in(headTitles) {
		// "Army chief Waker-Uz-Zaman": the army of the state the report is
		// about, named by the word "Army".
		if c := d.leadCountry(); c != nil {
			if gc, ok := d.gaz.CountryByCode(strings.TrimPrefix(c.id, "country:")); ok {
				of = d.military(gc, "army")
				affFirst, affLast = i, i
				j = i + 1
			}
		}
	}
	ts, te := d.parseTitle(j, hi)
	if te < ts {
		return nil
	}
	k := te + 1
	// "President of Ukraine Volodymyr Zelenskyy"
	if of == nil && k+1 < hi && d.toks[k].is("of") {
		if h, ok := d.hitAt(k + 1); ok {
			if ent := d.gaz.Entry(d.pickRef(h, hi)); ent.Country != nil || ent.Org != nil {
				of = d.ents.fromRef(d.pickRef(h, hi))
				affFirst, affLast = k+1, h.last
				k = h.last + 1
			}
		}
	}
	if of != nil && k+1 < hi && d.toks[k].is(",") {
		// "The agency's director general, Rafael Grossi, said": the name
		// in apposition, closed by a comma.
		if p, last := d.personName(k+1, hi); p != nil && last+1 < hi && d.toks[last+1].is(",") {
			k++
		}
	}
	p, last := d.personName(k, hi)
	if p == nil {
		return nil
	}
	if of == nil {
		of = d.bodyBefore(i) // "SPD leader Lars Klingbeil", "Awami League (AL) President Ivan Petrov"
	}
	if of == nil && i > 0 && d.toks[i-1].is("government") && d.mAt[i-1] < 0 {
		// "Government spokesman Ivan Petrov": the government of the state
		// the report is about
		if best := d.mostNamedCountry(); best != nil {
			if c, ok := d.gaz.CountryByCode(strings.TrimPrefix(best.id, "country:")); ok {
				of = d.government(c)
			}
		}
	}
	if of == nil && i >= 3 && d.toks[i-1].is("whose") && d.toks[i-2].is(",") && d.mAt[i-3] >= 0 {
		// "the African Union, whose chairman Mahmoud Ali Youssouf"
		if e := d.mentions[d.mAt[i-3]].ent; e != nil && e.isActor() && e.kind != graph.Person {
			of = e
		}
	}
	if affFirst >= 0 {
		if bodyLast > affLast {
			// "Pakistan's military": the body is named too
			ctry.note(d.body, d.toks[affFirst].start, d.toks[affLast].end)
			of.note(d.body, d.toks[affFirst].start, d.toks[bodyLast].end)
		} else {
			of.note(d.body, d.toks[affFirst].start, d.toks[affLast].end)
		}
	}
	rel, title, former := d.titleRole(ts, te)
	rel = bodyLeader(rel, title, of)
	m := &mention{first: i, last: last, ent: p, kind: mName}
	if !former {
		m.role = &role{rel: rel, title: title, of: of, sent: d.toks[i].sent}
	}
	return m
}

// siteHeads end the names of sites and buildings: "Lido Beach", "Beach View
// Hotel", "Banjska Monastery", "Dover Air Force Base".
var siteHeads = wordList("beach", "hotel", "monastery", "square", "palace", "bridge", "base", "camp", "checkpoint",
	"crossing", "prison", "hospital", "stadium", "mosque", "cathedral", "temple", "market", "harbour", "harbor",
	"airfield", "airbase", "compound", "headquarters", "tower", "plant", "mine")

// bodyBefore returns the non-state body named just before a title, past an
// acronym in brackets: the party, group or agency the title belongs to.
func (d *doc) bodyBefore(i int) *docEntity {
	j := i - 1
	if j >= 2 && d.toks[j].text == ")" {
		for p := j - 2; p >= 1 && p >= j-4; p-- {
			if d.toks[p].text != "(" {
				continue
			}
			// the acronym names the body: "Tehreek-e-Insaf (PTI) Chairman",
			// or, when the brackets hold no name the text knows, the name
			// before them: "Democracy Party (DEM Party) spokesperson"
			if (d.mAt[j-1] < 0 || !d.toks[j-1].cap) && d.mAt[p-1] >= 0 {
				j = p - 1
			} else {
				j--
			}
			break
		}
	}
	if j < 0 || d.mAt[j] < 0 || d.toks[j].sent != d.toks[i].sent {
		return nil
	}
	m := d.mentions[d.mAt[j]]
	if m.poss && m.kind != mPronoun || m.ent == nil || !m.ent.isActor() || m.ent.kind == graph.Person || m.ent.kind == graph.Country {
		return nil // a possessor ("Hamas's leader") is read with the title; "its leader" is read here
	}
	return m.ent
}

// orgLeaderTitles head a party, group or body though they lead no state:
// "Hamas chief", "NAB chairman", "junta boss", "IRGC commander".
var orgLeaderTitles = wordList("leader", "chief", "head", "chairman", "chairwoman", "chair", "boss", "commander",
	"commander-in-chief", "secretary-general", "director-general", "director general", "secretary general", "president")

// bodyLeader makes the head of a non-state body its leader: a state's
// "chief" is one official among many, a party's or group's is its leader.
func bodyLeader(rel graph.RelType, title string, of *docEntity) graph.RelType {
	if rel != "OFFICIAL_OF" || of == nil || of.kind == graph.Country {
		return rel
	}
	words := strings.Fields(strings.ToLower(title))
	if len(words) > 0 && orgLeaderTitles[words[len(words)-1]] && !slices.Contains(words, "deputy") && !slices.Contains(words, "vice") {
		return "LEADER_OF"
	}
	return rel
}

func isTitleWord(t *token) bool {
	return t.in(headTitles) || t.in(titleModifiers) || t.in(ranks)
}

// parseTitle returns the token range of a title starting at j (te < ts when
// there is none). A title is a run of title words with at least one head
// ("Foreign Minister", "Minister of the Interior", "spokesperson Maj. Gen.").
func (d *doc) parseTitle(j, hi int) (ts, te int) {
	ts, te = j, j-1
	head := false
	for k := j; k < hi; k++ {
		t := &d.toks[k]
		if h, ok := d.hitAt(k); ok && h.refs[0].Table == gazetteer.TableOfficeholder && k > j {
			return ts, d.titleEnd(ts, te, head) // the name starts: "Defence Minister Gen Nakatani"
		}
		switch {
		case t.kind == tPunct && t.text == "." && k > j && d.toks[k-1].in(ranks) && t.glued:
			continue
		case t.kind == tPunct && t.isHyphen() && t.glued && k > j:
			continue // "Secretary-General"
		case t.kind != tWord:
			return ts, d.titleEnd(ts, te, head)
		case t.is("of"):
			// "Minister of the Interior", "Secretary of State", "Chief of Staff"
			if k+1 < hi && (portfolios[d.toks[k+1].lower] != "" || d.toks[k+1].is("state", "staff", "defence", "defense")) {
				continue
			}
			return ts, d.titleEnd(ts, te, head)
		case t.is("the") && k == j:
			return ts, ts - 1
		case t.in(headTitles) || t.in(ranks):
			if !t.cap && k == j && !t.is("spokesman", "spokeswoman", "spokesperson", "aide", "envoy", "adviser", "advisor", "ambassador", "commander", "chief", "minister", "president", "leader", "head", "secretary", "director", "mayor", "governor",
				"chairman", "chairwoman", "chairperson", "chair", "lawmaker", "legislator", "official", "representative", "boss", "counterpart", "member",
				"expert", "rapporteur", "investigator", "inspector") {
				return ts, ts - 1
			}
			if t.in(headTitles) {
				head = true
			}
			te = k
			if t.in(ranks) {
				head = true
			}
		case t.in(titleModifiers) || portfolios[t.lower] != "":
			te = k
		default:
			return ts, d.titleEnd(ts, te, head)
		}
	}
	return ts, d.titleEnd(ts, te, head)
}

func (d *doc) titleEnd(ts, te int, head bool) int {
	if !head {
		return ts - 1
	}
	// Trailing modifiers are not part of the title ("the President of").
	for te >= ts && !d.toks[te].in(headTitles) && !d.toks[te].in(ranks) && portfolios[d.toks[te].lower] == "" && !d.toks[te].is("state", "staff", "affairs") {
		te--
	}
	if te >= ts && te+1 < len(d.toks) && d.toks[te+1].text == "." && d.toks[te+1].glued && d.toks[te].in(ranks) {
		te++ // "Gen."
	}
	return te
}

// titleRole maps the title tokens to a structural relation and the title
// text ("President", "Foreign Minister", "military spokesperson").
func (d *doc) titleRole(ts, te int) (graph.RelType, string, bool) {
	var words []string
	former := false
	first, last := -1, -1
	for k := ts; k <= te; k++ {
		t := &d.toks[k]
		if t.kind != tWord {
			continue
		}
		if t.in(formerTitles) {
			former = true
			continue
		}
		if t.is("acting", "interim", "caretaker", "political", "spiritual", "jailed", "imprisoned", "exiled", "slain", "founding") {
			continue // an acting prime minister leads all the same, and so does a jailed one
		}
		if t.in(ranks) && !(t.is("general") && k > ts && d.toks[k-1].is("secretary", "attorney", "inspector")) {
			continue
		}
		if t.is("the") {
			continue
		}
		if first < 0 {
			first = k
		}
		last = k
		words = append(words, t.lower)
	}
	if first < 0 { // only ranks: "Lt. Gen."
		first, last = ts, te
	}
	title := d.body[d.toks[first].start:d.toks[last].end]
	norm := strings.Join(words, " ")
	switch {
	case spokesTitles.has(norm) || strings.Contains(norm, "spokes") || strings.Contains(norm, "press secretary"):
		return "SPOKESPERSON_FOR", title, former
	case norm == "member" || strings.HasSuffix(norm, " member"):
		return "MEMBER_OF", title, former // "Green Party member Ana Vela"
	case leaderTitles.has(norm) || norm == "mayor" || norm == "governor" || norm == "administrator" || norm == "top administrator":
		return "LEADER_OF", title, former
	}
	return "OFFICIAL_OF", title, former
}

// personName reads a person's name at token k: an office-holder the
// gazetteer knows, or a run of capitalised words ("Hakan Fidan", "Lai
// Ching-te", "George W. Bush"). It returns the person and the last token.
func (d *doc) personName(k, hi int) (*docEntity, int) {
	if k >= hi {
		return nil, 0
	}
	if h, ok := d.hitAt(k); ok {
		if h.refs[0].Table == gazetteer.TableOfficeholder {
			return d.ents.fromRef(h.refs[0]), h.last
		}
		if h.refs[0].Table != gazetteer.TablePlace || d.nameRun(h.last+1, hi) < h.last+1 {
			return nil, 0
		}
		// After a title, "Ferdinand Marcos" is a name even if a town is
		// called Ferdinand.
	}
	last := d.nameRun(k, hi)
	if last < k {
		return nil, 0
	}
	if last == k {
		if p := d.bySurname(d.toks[k].lower); p != nil {
			return p, last // "DPRK leader Kim" after "Kim Jong Un": the person named before
		}
	}
	return d.person(k, last), last
}

// nameRun returns the last token of a run of capitalised name words at k
// (k-1 when there is none).
func (d *doc) nameRun(k, hi int) int {
	last := k - 1
	words := 0
	for j := k; j < hi && words < 5; j++ {
		t := &d.toks[j]
		if h, ok := d.hitAt(j); ok && j > k && h.refs[0].Table != gazetteer.TablePlace {
			break
		}
		switch {
		case t.kind == tWord && t.cap && !t.allCaps && !isTitleWord(t) && !(words == 0 && (t.in(notNames) || j == d.sentLo(j) && commonWord(t))):
			if _, wd := weekdayNames[t.lower]; wd {
				return last
			}
			if _, mo := monthNames[t.lower]; mo {
				return last
			}
			last = j
			words++
		case t.kind == tWord && t.allCaps && len(t.text) == 1:
			last = j
			words++
		case t.kind == tPunct && t.text == "." && t.glued && j == last+1 && words > 0 && (len(d.toks[last].text) == 1 || d.toks[last].is("jr", "sr")):
			last = j // an initial or a suffix: "W.", "Jr."
		case t.isHyphen() && t.glued && j == last+1 && words > 0 && j+1 < hi && d.toks[j+1].glued && d.toks[j+1].kind == tWord:
			last = j + 1 // "Ching-te", "al-Sham"
			j++
		case t.kind == tWord && t.in(nameParticles) && !t.cap && words > 0 && j+1 < hi && d.toks[j+1].cap:
			continue
		case t.kind == tWord && t.in(nameParticles) && !t.cap && words > 0 && j+2 < hi && d.toks[j+1].isHyphen() && d.toks[j+1].glued && d.toks[j+2].cap && d.toks[j+2].glued:
			last = j + 2 // "al-Golani"
			j += 2
			words++
		default:
			return last
		}
	}
	return last
}

// person returns the person named by tokens k..last, joining a surname or a
// variant spelling to a full name seen earlier.
func (d *doc) person(k, last int) *docEntity {
	name := d.body[d.toks[k].start:d.toks[last].end]
	if k == last || (last == k+2 && d.toks[k+1].isHyphen()) {
		if p := d.bySurname(d.toks[k].lower); p != nil {
			return p
		}
	}
	e := d.ents.get("person:"+slug(name), name, graph.Person)
	if k < last {
		// An earlier surname-only person is this one.
		if p, ok := d.ents.byID["person:"+slug(d.toks[last].text)]; ok && p != e {
			d.merge[p.id] = e
		}
	}
	return e
}

// bySurname finds a person seen earlier by surname, allowing one edit for
// long names ("Chaudhary" for "Chaudhry").
func (d *doc) bySurname(w string) *docEntity {
	if p, ok := d.surnames[w]; ok {
		return p
	}
	if p := d.givenNames[w]; p != nil {
		return p // "Abiy" after "Abiy Ahmed": Ethiopian, Arab and other names go by the first
	}
	if len(w) < 6 {
		return nil
	}
	var found *docEntity
	for _, s := range d.longSurnames {
		if p := d.surnames[s]; s[0] == w[0] && withinOneEdit(s, w) {
			if found != nil && found != p {
				return nil // ambiguous
			}
			found = p
		}
	}
	return found
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion or substitution.
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// unknownName recognises names the gazetteer does not know: runs of
// capitalised words classified by their head ("National Security
// Committee", "Global Times"), acronyms ("AFP"), names after media cues
// ("via Al Arabiya"), and two- to four-word person names ("Ada Obi").
func (d *doc) unknownName(i, lo, hi int, headline bool) *mention {
	t := &d.toks[i]
	if headline || t.kind != tWord || !t.cap || t.in(notNames) {
		return nil
	}
	if t.is("operation") || i > lo && d.toks[i-1].is("operation") && d.toks[i-1].cap {
		return nil // "Operation Blue Star" names an operation, not an actor
	}
	sentStart := i == lo || (i == lo+1 && d.toks[lo].kind == tPunct)
	if sentStart && !t.allCaps && commonWord(t) {
		return nil // "Calling the raids illegal ...", "Regional officials said"
	}
	if t.allCaps {
		if len(t.text) < 2 || len(t.text) > 6 || sentStart || strings.Contains(t.text, ".") {
			return nil
		}
		for k := max(lo, i-2); k < hi && k <= i+2; k++ {
			if k != i && d.toks[k].kind == tWord && (d.toks[k].allCaps || d.toks[k].text == "A" || d.toks[k].text == "I") {
				return nil // shouted text: "WE WILL NEVER GIVE UP"
			}
		}
		if i+1 < hi && d.toks[i+1].cap && orgHeads[d.toks[i+1].lower] != "" && !d.toks[i+1].allCaps {
			// "DEM Party", "SDF Command": the acronym heads a body's name
			name := d.body[t.start:d.toks[i+1].end]
			return &mention{first: i, last: i + 1, ent: d.org(name, orgHeads[d.toks[i+1].lower]), kind: mName, conf: 0.8}
		}
		e := d.ents.get("org:"+slug(t.text), t.text, graph.Organization)
		return &mention{first: i, last: i, ent: e, kind: mName, conf: 0.8}
	}
	last := d.orgRun(i, hi)
	if last < i {
		return nil
	}
	n := 0
	for k := i; k <= last; k++ {
		if d.toks[k].kind == tWord && d.toks[k].cap {
			n++
		}
	}
	name := d.body[d.toks[i].start:d.toks[last].end]
	if (d.toks[last].in(geoFeatures) || siteHeads[d.toks[last].lower]) && n >= 2 {
		// "the Yellow Sea", "the Kerch Strait"
		e := d.ents.get("loc:"+slug(name), name, graph.Location)
		return &mention{first: i, last: last, ent: e, kind: mName, conf: 0.8}
	}
	if kind, ok := orgHeads[d.toks[last].lower]; ok && n >= 2 {
		return &mention{first: i, last: last, ent: d.stateOrg(i, name, kind), kind: mName, conf: 0.8}
	}
	if kind, ok := orgHeads[t.lower]; ok && n >= 2 && strings.Contains(name, " of ") {
		return &mention{first: i, last: last, ent: d.stateOrg(i, name, kind), kind: mName, conf: 0.8}
	}
	if i > lo && d.toks[i-1].in(mediaCues) && n <= 3 {
		return &mention{first: i, last: last, ent: d.org(name, graph.Organization), kind: mName, conf: 0.7}
	}
	// Person names: no "of" inside, no lexicon words.
	plast := d.nameRun(i, hi)
	if plast < i {
		return nil
	}
	words := 0
	for k := i; k <= plast; k++ {
		tk := &d.toks[k]
		if tk.kind != tWord {
			continue
		}
		words++
		if _, v := verbLex[tk.lower]; v {
			return nil
		}
		if _, nn := nounLex[tk.lower]; nn {
			return nil
		}
		if orgHeads[tk.lower] != "" || tk.in(notNames) {
			return nil
		}
	}
	if d.toks[plast].in(thingHeads) {
		return nil // "the Nobel Peace Prize", "the Minsk Agreement": not a person
	}
	if pl := &d.toks[plast]; strings.HasSuffix(pl.lower, "s") && plast > i && bodyPlural(pl.lower) {
		// "the Joint Chiefs", "the Revolutionary Guards": a body, not a
		// person; a short form of a body already named, or nothing.
		name := d.body[d.toks[i].start:pl.end]
		if e := d.ents.withPrefix(name + " "); e != nil {
			return &mention{first: i, last: plast, ent: e, kind: mName, conf: 0.75}
		}
		return nil
	}
	if plast+1 < hi && d.toks[plast+1].in(regionNouns) && !d.toks[plast+1].cap && i > lo && d.toks[i-1].is("the", "in", "of") &&
		!d.cityAfterOf(plast+2, hi) { // "the Soba district of Khartoum" is a part of the city, which stands for it
		// "the Reasi district of Jammu", "in Kadar province": a region
		// the gazetteer does not know, in the state named after "of"
		name := d.body[d.toks[i].start:d.toks[plast+1].end]
		e := d.ents.get("region:"+slug(name), name, graph.Region)
		if k := plast + 2; k+1 < hi && d.toks[k].is("of") {
			if h, ok := d.hitAt(k + 1); ok {
				if c := d.gaz.Entry(d.pickRef(h, hi)).Country; c != nil && e.country == "" {
					e.country = c.Code
				}
			}
		}
		return &mention{first: i, last: plast + 1, ent: e, kind: mName, conf: 0.7}
	}
	if plast+1 < hi && !d.toks[plast+1].cap && d.toks[plast+1].in(siteNouns) ||
		plast+2 < hi && d.toks[plast+2].in(siteNouns) && !d.toks[plast+1].cap && d.toks[plast+1].is("displacement", "refugee", "military", "air", "naval", "army") {
		// "the Abu Shouk displacement camp", "the Zamzam camp": a site
		name := d.body[d.toks[i].start:d.toks[plast].end]
		e := d.ents.get("loc:"+slug(name), name, graph.Location)
		return &mention{first: i, last: plast, ent: e, kind: mName, conf: 0.7}
	}
	if plast+1 < hi && d.toks[plast+1].in(groupNameHeads) && !d.toks[plast+1].cap || i > lo && d.toks[i-1].in(groupNameHeads) && !d.toks[i-1].cap {
		// "the Los Lobos group", "the drug gang Los Choneros": a group,
		// however much its name looks like a person's; "the Droa party" is
		// named with its head
		end := plast
		if plast+1 < hi && d.toks[plast+1].is("party") {
			end++
		}
		name := d.body[d.toks[i].start:d.toks[end].end]
		e := d.ents.get("group:"+slug(name), name, graph.Group)
		return &mention{first: i, last: end, ent: e, kind: mName, conf: 0.75}
	}
	if c := d.placeAfterComma(plast, hi); c != "" && i > lo && d.toks[i-1].is("in", "at", "near", "from", "outside") {
		// "in Davos, Switzerland": a town the gazetteer does not know, in
		// the country named after it
		name := d.body[d.toks[i].start:d.toks[plast].end]
		e := d.ents.get("city:"+slug(name)+"-"+strings.ToLower(c), name, graph.City)
		e.country = c
		return &mention{first: i, last: plast, ent: e, kind: mName, conf: 0.7}
	}
	if i >= 2 && d.toks[i-1].is("of") && d.toks[i-2].in(settlementNouns) {
		// "the village of Novopil": a place the gazetteer does not know
		name := d.body[d.toks[i].start:d.toks[plast].end]
		e := d.ents.get("city:"+slug(name), name, graph.City)
		return &mention{first: i, last: plast, ent: e, kind: mName, conf: 0.7}
	}
	if words == 1 {
		if p := d.bySurname(t.lower); p != nil {
			return &mention{first: i, last: plast, ent: p, kind: mName, conf: 0.9}
		}
		if d.honorificBefore(i) < i {
			// "Mr Petrov" with no full name before: a person known by surname
			return &mention{first: i, last: plast, ent: d.person(i, plast), kind: mName, conf: 0.75}
		}
		return nil
	}
	if sentStart && words < 2 {
		return nil
	}
	if personDescriptors[t.lower] && plast >= i+2 {
		i++ // "Centrist Ana Petrova": the descriptor opens the sentence, the name follows
	}
	return &mention{first: i, last: plast, ent: d.person(i, plast), kind: mName, conf: 0.8}
}

// placeAfterComma returns the code of the country named after ", " at
// last+1, ending its clause or the sentence: "Davos, Switzerland," or
// "Davos, Switzerland.".
func (d *doc) placeAfterComma(last, hi int) string {
	k := last + 1
	if k+1 >= hi || !d.toks[k].is(",") {
		return ""
	}
	h, ok := d.hitAt(k + 1)
	if !ok || h.refs[0].Table != gazetteer.TableCountry || h.refs[0].Demonym {
		return ""
	}
	if e := h.last + 1; e < hi && !d.toks[e].is(",", ".", ";", "on", "in", "and") && d.toks[e].kind != tPunct {
		return ""
	}
	if c := d.gaz.Entry(h.refs[0]).Country; c != nil {
		return c.Code
	}
	return ""
}

// groupNameHeads name what an unknown name beside them is: "the drug
// gang Los Choneros", "the Los Lobos group".
var groupNameHeads = set("gang", "cartel", "militia", "group", "faction", "movement", "outfit", "party")

// personDescriptors describe a person before the name and are capitalised
// only at the start of a sentence.
var personDescriptors = wordList("centrist", "leftist", "rightist", "conservative", "liberal", "nationalist",
	"populist", "socialist", "communist", "veteran", "incumbent", "outgoing", "jailed", "exiled", "ousted",
	"opposition", "independent", "reformist", "hardliner", "moderate", "billionaire", "businessman", "activist")

// orgRun returns the last token of a capitalised run that may contain
// "of", "for" and "and" between capitalised words.
func (d *doc) orgRun(i, hi int) int {
	last := i - 1
	for j := i; j < hi && j-i < 8; j++ {
		t := &d.toks[j]
		if _, ok := d.hitAt(j); ok && j > i {
			break
		}
		if t.kind == tWord && t.cap {
			last = j
			continue
		}
		if t.is("of", "for", "and") && j > i && j+1 < hi && d.toks[j+1].cap && d.toks[j+1].kind == tWord && !d.toks[j+1].in(dateWords) {
			continue
		}
		if t.kind == tPoss && j > i && d.toks[j-1].is("people", "peoples", "workers") && j+1 < hi && d.toks[j+1].cap {
			continue // "Tigray People's Liberation Front"
		}
		if t.isHyphen() && t.glued && j+1 < hi && d.toks[j+1].glued {
			continue
		}
		break
	}
	return last
}

// stateOrg returns the body an unknown name starting at i names. After a
// state's possessive or demonym a government body or military is that
// state's ("South Korea's Joint Chiefs of Staff", "Taiwan's Ministry of
// National Defense", "the Kyrgyz National Security Committee"), with the
// state in its id: another state's body of the same name is another body.
func (d *doc) stateOrg(i int, name string, kind graph.Kind) *docEntity {
	if kind == graph.GovernmentBody || kind == graph.Military {
		if c := d.ownerState(i); c != nil {
			prefix := "gov:"
			if kind == graph.Military {
				prefix = "military:"
			}
			e := d.ents.get(prefix+c.Code+"-"+slug(name), demonym(c)+" "+name, kind)
			e.country = c.Code
			return e
		}
	}
	return d.org(name, kind)
}

// ownerState returns the state named just before token i as a possessor
// ("Taiwan's") or a demonym ("Kyrgyz").
func (d *doc) ownerState(i int) *gazetteer.Country {
	j := i - 1
	if j >= 1 && d.toks[j].kind == tPoss {
		j--
	}
	if j < 0 || d.mAt[j] < 0 || d.toks[j].sent != d.toks[i].sent {
		return nil
	}
	m := d.mentions[d.mAt[j]]
	if m.ent == nil || m.ent.kind != graph.Country || !(m.kind == mDemonym || m.poss) {
		return nil
	}
	c, _ := d.gaz.CountryByCode(m.ent.country)
	return c
}

func (d *doc) org(name string, kind graph.Kind) *docEntity {
	prefix := "org:"
	switch kind {
	case graph.GovernmentBody:
		prefix = "gov:"
	case graph.Military:
		prefix = "military:"
	case graph.Group:
		prefix = "group:"
	}
	return d.ents.get(prefix+slug(name), name, kind)
}

// commonWord reports a capitalised word that is only capitalised because it
// opens a sentence: a word of the loader's own vocabulary (a trigger, a
// function word, a class word) or an -ing or -ly form.
func commonWord(t *token) bool {
	if !t.cls.empty() || t.in(lexWords) {
		return true
	}
	w := t.lower
	return len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly"))
}

// bodyPlural reports a plural that names the members of a body: the plural
// of a title or an organisation head ("Chiefs", "Guards"), or a body noun.
func bodyPlural(w string) bool {
	sing := strings.TrimSuffix(w, "s")
	return headTitles.has(sing) || orgHeads[sing] != "" || militaryNouns.has(w) || governmentNouns.has(w) ||
		collectiveNouns.has(w) || memberNouns.has(w)
}

// cityAfterOf reports "of" at k followed by a city the gazetteer knows.
func (d *doc) cityAfterOf(k, hi int) bool {
	if k+1 >= hi || !d.toks[k].is("of") {
		return false
	}
	h, ok := d.hitAt(k + 1)
	return ok && d.gaz.Entry(d.pickRef(h, hi)).Place != nil && d.ents.fromRef(d.pickRef(h, hi)).kind == graph.City
}
