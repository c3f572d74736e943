package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// mkind says how a mention names its entity.
type mkind uint8

const (
	mName    mkind = iota // a name: "Vladimir Putin", "Kyiv", "NATO"
	mDemonym              // an adjective standing for its country: "Russian aggression"
	mBody                 // a body named by its country: "Syrian forces", "Kenya's defence ministry"
	mPronoun              // he, his, they, its
	mAnaphor              // "the city", "the Armenian leader", "both sides"
)

// mention is one reference to an entity (or to several, for "the two
// sides" and "they") in the body.
type mention struct {
	first, last int // token indices, inclusive
	ent         *docEntity
	group       []*docEntity
	kind        mkind
	poss        bool       // possessive: "Russia's", "his"
	conf        float64    // 1 for names; lower for resolved pronouns and anaphors
	role        *role      // the role a titled mention states
	backer      *docEntity // "Iran-backed militias": the actor named as backing the group
}

// role is a structural fact a title or appositive states about a person:
// "Russian President" -> LEADER_OF Russia with title "President".
type role struct {
	rel   graph.RelType
	title string
	of    *docEntity // nil when the text names no body ("President Joe Biden")
	sent  int
}

// entities returns the entities m refers to.
func (m *mention) entities() []*docEntity {
	if m.ent != nil {
		return []*docEntity{m.ent}
	}
	return m.group
}

// gazHit is a gazetteer match aligned to tokens.
type gazHit struct {
	first, last int
	refs        []gazetteer.Ref
}

// alignHits maps gazetteer matches onto token ranges, dropping matches that
// start or end inside a token. It returns the hits and, for each token, the
// index of the hit starting there (-1 for none).
func alignHits(toks []token, ms []gazetteer.Match, buf []int32) ([]gazHit, []int32) {
	at := grow(buf, len(toks))
	for i := range at {
		at[i] = -1
	}
	hits := make([]gazHit, 0, len(ms))
	j := 0
	for _, m := range ms {
		for j < len(toks) && toks[j].start < m.Start {
			j++
		}
		if j == len(toks) {
			break
		}
		if toks[j].start != m.Start {
			continue
		}
		k := j
		for k+1 < len(toks) && toks[k+1].start < m.End {
			k++
		}
		// "U.S." may match as "U.S" when the token keeps its final period.
		if toks[k].end != m.End && !(toks[k].end == m.End+1 && toks[k].text[len(toks[k].text)-1] == '.') {
			continue
		}
		if toks[k].sent != toks[j].sent {
			continue
		}
		at[j] = int32(len(hits))
		hits = append(hits, gazHit{first: j, last: k, refs: m.Candidates})
	}
	return hits, at
}

// findMentions finds the mentions in sentence si (tokens lo..hi-1) and
// resolves pronouns and anaphors against the document so far.
func (d *doc) findMentions(si, lo, hi int) {
	headline := isHeadline(d.toks[lo:hi])
	for i := lo; i < hi; {
		if m := d.titledPerson(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.placeLedOrg(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.directionalRegion(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.mission(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.gazMention(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.anaphor(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.collective(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.collectivePhrase(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.agentGroup(i, hi); m != nil {
			i = d.add(m)
			continue
		}
		if m := d.unknownName(i, lo, hi, headline); m != nil {
			i = d.add(m)
			continue
		}
		i++
	}
	d.sharedHeads(lo, hi)
	d.quoteSpeakers(lo, hi)
}

// placeLedOrg reads an organisation whose name opens with a place the
// gazetteer knows: "Tigray People's Liberation Front", "Sudan People's
// Liberation Movement".
func (d *doc) placeLedOrg(i, hi int) *mention {
	h, ok := d.hitAt(i)
	if !ok || h.refs[0].Table == gazetteer.TableOrg || h.refs[0].Table == gazetteer.TableOfficeholder {
		return nil
	}
	last := d.orgRun(i, hi)
	if last <= h.last {
		return nil
	}
	if name := d.body[d.toks[i].start:d.toks[last].end]; siteHeads[d.toks[last].lower] && h.refs[0].Table == gazetteer.TablePlace {
		// "Dover Air Force Base", "Erbil Air Base": a site named after its town
		return &mention{first: i, last: last, ent: d.ents.get("loc:"+slug(name), name, graph.Location), kind: mName, conf: 0.8}
	}
	if last <= h.last+1 {
		return nil
	}
	kind, ok := orgHeads[d.toks[last].lower]
	if !ok || kind == graph.GovernmentBody || kind == graph.Military {
		return nil // "Kenya Defence Forces", "Ukraine's Security Service" have their own patterns
	}
	name := d.body[d.toks[i].start:d.toks[last].end]
	return &mention{first: i, last: last, ent: d.org(name, kind), kind: mName, conf: 0.8}
}

// sharedHeads gives a demonym coordinated with a demonym body the same
// head: in "Thai and Cambodian forces" the Thai are forces too.
func (d *doc) sharedHeads(lo, hi int) {
	for k := lo + 1; k+1 < hi; k++ {
		if !d.toks[k].is("and") || d.mAt[k-1] < 0 || d.mAt[k+1] < 0 {
			continue
		}
		a, b := d.mentions[d.mAt[k-1]], d.mentions[d.mAt[k+1]]
		if a.ent == nil || a.ent.kind != graph.Country || a.first != a.last || b.ent == nil || b.kind != mBody ||
			b.ent.kind != graph.Military && b.ent.kind != graph.GovernmentBody {
			continue
		}
		c, ok := d.gaz.CountryByCode(strings.TrimPrefix(a.ent.id, "country:"))
		if !ok || !slices.Contains(c.Demonyms, d.toks[a.first].text) {
			continue
		}
		switch {
		case b.ent.kind == graph.Military:
			a.ent = d.military(c, d.toks[b.last].lower)
		case strings.HasSuffix(b.ent.id, "-police"):
			a.ent = d.police(c) // "Kyrgyz and Tajik law enforcers"
		default:
			a.ent = d.government(c)
		}
		a.kind = mBody
		if a.ent.kind != graph.Military {
			a.ent.note(d.body, d.toks[a.first].start, d.toks[a.last].end)
		}
		// The demonym alone ("Rwandan troops") is no name of an army: it
		// stays out of the army's aliases, which would make it look like
		// the state.
	}
}

// add records m and returns the token after it.
func (d *doc) add(m *mention) int {
	if m.conf == 0 {
		m.conf = 1
	}
	if m.ent != nil && m.ent.kind == graph.Person && m.kind == mName {
		m.first = d.honorificBefore(m.first) // "Mr Petrov": the honorific is part of the name
	}
	if m.last+1 < len(d.toks) && d.toks[m.last+1].kind == tPoss {
		m.poss = true
	}
	idx := int32(len(d.mentions))
	d.mentions = append(d.mentions, m)
	for k := m.first; k <= m.last; k++ {
		d.mAt[k] = idx
	}
	if m.ent != nil && m.ent.kind == graph.Person {
		d.noteSurname(m.ent)
	}
	if m.kind != mPronoun {
		for _, e := range m.entities() {
			if m.kind == mAnaphor && m.ent == nil {
				continue // "both sides" is not a surface form of each side
			}
			e.note(d.body, d.toks[m.first].start, d.toks[m.last].end)
		}
	}
	return m.last + 1
}

// noteSurname indexes a person by the last word of their name, so a later
// "Obi" or "Ushakov" finds them.
func (d *doc) noteSurname(p *docEntity) {
	i := strings.LastIndexByte(p.name, ' ')
	if i < 0 {
		return
	}
	keys := []string{asciiLower(p.name[i+1:])}
	if strings.Count(p.name, " ") == 1 && strings.Contains(p.name[i+1:], "-") {
		keys = append(keys, asciiLower(p.name[:i])) // "Lai Ching-te": the family name comes first
	}
	if j := strings.IndexByte(p.name, ' '); strings.Count(p.name, " ") == 2 && j >= 2 && j <= 4 && len(p.name)-i-1 <= 3 {
		keys = append(keys, asciiLower(p.name[:j])) // "Kim Jong Un": a short family name first, a short last syllable
	}
	if j := strings.IndexByte(p.name, ' '); j >= 4 {
		// The given name, when no other person of the article bears it.
		g := asciiLower(p.name[:j])
		if q, seen := d.givenNames[g]; !seen {
			d.givenNames[g] = p
		} else if q != p {
			d.givenNames[g] = nil
		}
	}
	for _, k := range keys {
		if _, taken := d.surnames[k]; !taken {
			d.surnames[k] = p
			if len(k) >= 6 {
				d.longSurnames = append(d.longSurnames, k)
			}
		}
	}
}

// isHeadline reports whether a sentence is in title case or capitals, where
// capitalisation says nothing about names.
func isHeadline(toks []token) bool {
	words, caps := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || len(t.text) < 4 {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	if len(toks) > 0 {
		if last := toks[len(toks)-1].text; last == "." || last == "?" || last == "!" || last == "”" || last == "\"" {
			return false // a headline does not end like a sentence
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// hitAt returns the gazetteer hit starting at token i.
func (d *doc) hitAt(i int) (gazHit, bool) {
	if i >= len(d.hitIdx) || d.hitIdx[i] < 0 {
		return gazHit{}, false
	}
	return d.hits[d.hitIdx[i]], true
}

// gazMention turns a gazetteer hit at token i into a mention, choosing among
// its candidates and recognising bodies ("Russian forces", "Pakistan's
// military"), regions ("Sumy region") and capitals used for their
// governments ("Beijing said").
func (d *doc) gazMention(i, hi int) *mention {
	h, ok := d.hitAt(i)
	if !ok {
		if m := d.ministryOf(i, hi); m != nil {
			return m
		}
		if m := d.governmentOf(i, hi); m != nil {
			return m
		}
		// "ministers from ASEAN", "envoys of Serbia and Kosovo"
		if d.toks[i].in(memberNouns) && i+2 < hi && d.toks[i+1].is("from", "of") {
			k := i + 2
			if k+1 < hi && d.toks[k].is("the") {
				k++ // "agents of the Indian government"
			}
			if h2, ok := d.hitAt(k); ok && h2.refs[0].Table != gazetteer.TablePlace && h2.refs[0].Table != gazetteer.TableOfficeholder && (!h2.refs[0].Demonym || k > i+2) {
				m := d.gazMention(k, hi)
				if m != nil && (m.kind == mName || m.kind == mBody && k > i+2) {
					m.first = i
					return m
				}
			}
		}
		return nil
	}
	ref := d.pickRef(h, hi)
	if s := d.nameBefore(i, ref); s < i {
		org := d.gaz.Entry(ref).Org
		end := h.last
		if orgNameHas(org, d.body[d.toks[s].start:d.toks[i-1].end]) {
			// "Islamic Revolutionary Guards": a fuller form of the known name
			return &mention{first: s, last: end, ent: d.ents.fromRef(ref), kind: mName}
		}
		// "National Security Council", "Kataib Hezbollah": a longer name
		// that ends with a known one is another body, of the kind its head
		// word says, else of the known one's kind.
		kind, ok := orgHeads[d.toks[end].lower]
		if !ok {
			kind = graph.Kind(org.Kind)
		}
		name := d.body[d.toks[s].start:d.toks[end].end]
		return &mention{first: s, last: end, ent: d.stateOrg(s, name, kind), kind: mName, conf: 0.75}
	}
	if ref.Demonym || ref.Table == gazetteer.TableCountry {
		if m := d.bodyMention(i, h.last, ref, hi); m != nil {
			return m
		}
	}
	if p := d.surnames[d.lower[d.toks[i].start:d.toks[i].end]]; p != nil && h.first == h.last && ref.Table == gazetteer.TablePlace &&
		(d.gaz.Entry(ref).Place.Kind == gazetteer.KindCity || d.gaz.Entry(ref).Place.Kind == gazetteer.KindRegion) && !d.isLocative(i) {
		// "congratulated Sandu" after "President Maia Sandu": the person,
		// not a town of that name.
		return &mention{first: i, last: i, ent: p, kind: mName, conf: 0.8}
	}
	if ref.Demonym && d.proAnti(i) {
		return nil // "a pro-Russian bloc" is not Russia
	}

	if ref.Demonym {
		return &mention{first: i, last: h.last, ent: d.ents.fromRef(ref), kind: mDemonym}
	}
	last := h.last
	if ref.Table == gazetteer.TablePlace {
		pl := d.gaz.Entry(ref).Place
		if last+1 < hi && d.toks[last+1].cap && d.toks[last+1].in(geoFeatures) {
			// "Scarborough Shoal": the name is part of a longer place name.
			name := d.body[d.toks[i].start:d.toks[last+1].end]
			e := d.ents.get("loc:"+slug(name), name, graph.Location)
			return &mention{first: i, last: last + 1, ent: e, kind: mName, conf: 0.8}
		}
		if last+1 < hi && d.toks[last+1].cap && orgHeads[d.toks[last+1].lower] != "" {
			// "Africa Corps", "Donbas Battalion": a body named after a place
			end := d.orgRun(last+1, hi)
			if orgHeads[d.toks[end].lower] == "" {
				end = last + 1
			}
			name := d.body[d.toks[i].start:d.toks[end].end]
			return &mention{first: i, last: end, ent: d.org(name, orgHeads[d.toks[end].lower]), kind: mName, conf: 0.75}
		}
		if pl.Kind == gazetteer.KindCity && pl.Population < smallTown && len(d.countries) > 0 && !d.countries[pl.Country] {
			return nil // a small town abroad: more likely an unknown local name
		}
		if pl.Kind == gazetteer.KindCity && pl.Population < smallTown && d.nameRun(last+1, hi) > last && !d.toks[last+1].in(regionWords) {
			return nil // "Abu Mohammed": a name that starts like a village
		}
		if pl.Kind == gazetteer.KindCity && h.first == h.last && (!d.isLocative(i) || d.toks[i-1].is("of", "for", "on")) && d.personAfterCity(last+1, hi) {
			return nil // "Hassan Nasrallah", "Salem Ahmed": a given name that is also a town's
		}
	}
	e := d.ents.fromRef(ref)
	if e.kind == graph.Region || e.kind == graph.City {
		if last+1 < hi && d.toks[last+1].in(regionWords) && e.kind == graph.Region {
			last++
		}
	}
	if e.kind == graph.City && last+1 < hi && d.toks[last+1].is("district", "province", "county", "governorate") && i > 0 && d.toks[i-1].is("the") &&
		!d.cityAfterOf(last+2, hi) {
		// "the Reasi district of Jammu and Kashmir": the district named
		// after the town, a region of its own around it
		name := d.body[d.toks[i].start:d.toks[last+1].end]
		r := d.ents.get("region:"+slug(name), name, graph.Region)
		r.country, r.region = e.country, e.region
		return &mention{first: i, last: last + 1, ent: r, kind: mName, conf: 0.8}
	}
	if e.kind == graph.City && d.isCapital(e) && !d.isLocative(i) && (d.verbFollows(last+1) || last+1 < hi && (d.toks[last+1].kind == tPoss || d.toks[last+1].in(reportVerbs)) || d.coordinatedSubject(last+1, hi)) {
		// "Beijing stated", "Moscow's demands": a capital standing for its state.
		if c := d.ents.countryByCode(e.country); c != nil {
			return &mention{first: i, last: last, ent: c, kind: mName, conf: 0.9}
		}
	}
	return &mention{first: i, last: last, ent: e, kind: mName}
}

// orgNameHas reports whether every word of words occurs in the
// organisation's name or one of its aliases.
func orgNameHas(org *gazetteer.Org, words string) bool {
	names := append([]string{org.Name}, org.Aliases...)
	for _, w := range strings.Fields(words) {
		found := false
		for _, n := range names {
			if containsWords(n, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// nameBefore returns where a capitalised run that an organisation's name
// at i ends starts: "National" before "Security Council". It returns i when
// the name stands alone: after a mention, a determiner, a sentence start
// that is a function word, or a date.
func (d *doc) nameBefore(i int, ref gazetteer.Ref) int {
	if ref.Table != gazetteer.TableOrg {
		return i
	}
	lo := d.sentLo(i)
	s := i
	for s > lo {
		t := &d.toks[s-1]
		if t.kind != tWord || !t.cap || t.allCaps || d.mAt[s-1] >= 0 || t.in(dateWords) || t.in(determiners) || t.in(prepositions) ||
			t.in(headTitles) || t.in(ranks) || t.in(lexWords) {
			break
		}
		if _, ok := d.hitAt(s - 1); ok {
			break
		}
		s--
	}
	return s
}

// smallTown is the population under which a town in a country the article
// does not name is taken for an unknown local name ("the Soba district").
const smallTown = 50_000

// geoFeatures extend a place name into a longer geographic name.
var geoFeatures = set("shoal", "sea", "strait", "straits", "island", "islands", "bay", "gulf", "river", "lake",
	"reef", "peninsula", "valley", "desert", "canal", "mountains", "heights", "airport", "dam", "corridor", "atoll")

// pickRef chooses the candidate a hit most likely denotes: a region when a
// region word follows, a place in a country the article names, otherwise the
// gazetteer's own ranking.
func (d *doc) pickRef(h gazHit, hi int) gazetteer.Ref {
	refs := h.refs
	if len(refs) == 1 {
		if refs[0].Table == gazetteer.TableCountry {
			if r, ok := d.fullerCountry(h, refs[0]); ok {
				return r
			}
		}
		return refs[0]
	}
	if h.last+1 < hi && d.toks[h.last+1].in(regionWords) {
		for _, r := range refs {
			if e := d.gaz.Entry(r); e.Place != nil && e.Place.Kind == gazetteer.KindRegion {
				return r
			}
		}
	}
	if refs[0].Table == gazetteer.TablePlace {
		for _, r := range refs {
			if e := d.gaz.Entry(r); e.Place != nil && d.countries[e.Place.Country] {
				return r
			}
		}
	}
	return refs[0]
}

// fullerCountry returns the one other country the article names in full
// whose name contains this hit's words, when the hit's own country is named
// no other way: "Congo" after "the Democratic Republic of Congo" is that
// state, not the Republic of the Congo. Answers are cached per surface form.
func (d *doc) fullerCountry(h gazHit, own gazetteer.Ref) (gazetteer.Ref, bool) {
	text := d.lower[d.toks[h.first].start:d.toks[h.last].end]
	if !d.kb.shortNames[text] {
		return own, false // "Sudan" is Sudan whatever else "South Sudan" is
	}
	if d.fuller == nil {
		// Each surface form naming a country outright, once, with its code.
		d.fuller = map[string]string{}
		seen := map[string]bool{}
		for _, o := range d.hits {
			if len(o.refs) == 1 && o.refs[0].Table == gazetteer.TableCountry {
				name := d.lower[d.toks[o.first].start:d.toks[o.last].end]
				if !seen[name] {
					seen[name] = true
					d.countryNames = append(d.countryNames, countryName{name, d.gaz.Entry(o.refs[0]).Country.Code})
				}
			}
		}
	}
	if len(d.countryNames) < 2 {
		return own, false
	}
	found, ok := d.fuller[text]
	if !ok {
		found = d.fullerName(text, d.gaz.Entry(own).Country.Code)
		d.fuller[text] = found
	}
	if found == "" {
		return own, false
	}
	return d.gaz.CountryRef(found)
}

// fullerName returns the code of the one country other than ownCode named
// by a longer form containing text as whole words, or "".
func (d *doc) fullerName(text, ownCode string) string {
	found := ""
	for _, c := range d.countryNames {
		name, code := c.name, c.code
		switch {
		case name == text:
			continue
		case code == ownCode:
			return "" // "Republic of the Congo" named too
		case len(name) > len(text) && strings.Contains(name, text) && containsWords(name, text):
			if found != "" && found != code {
				return ""
			}
			found = code
		}
	}
	return found
}

// proAnti reports a "pro-" or "anti-" glued before the token at i.
func (d *doc) proAnti(i int) bool {
	return i >= 2 && d.toks[i-1].isHyphen() && d.toks[i-1].glued && d.toks[i-2].is("pro", "anti")
}

// countryName is one surface form naming a country outright.
type countryName struct{ name, code string }

// containsWords reports whether text occurs in name as whole words.
func containsWords(name, text string) bool {
	for i := 0; i+len(text) <= len(name); {
		k := strings.Index(name[i:], text)
		if k < 0 {
			return false
		}
		k += i
		if (k == 0 || name[k-1] == ' ') && (k+len(text) == len(name) || name[k+len(text)] == ' ') {
			return true
		}
		i = k + 1
	}
	return false
}

// isCapital reports whether the city is its country's capital
// ("Washington" for "Washington D.C.").
func (d *doc) isCapital(e *docEntity) bool {
	if e.capital == 0 {
		e.capital = -1
		if c, ok := d.gaz.CountryByCode(e.country); ok && c.Capital != "" && e.kind == graph.City {
			cs, es := slug(c.Capital), slug(e.name)
			if cs == es || strings.HasPrefix(cs, es+"-") || strings.HasSuffix(cs, "-"+es) { // "Kuwait" City, New "Delhi"
				e.capital = 1
			}
		}
	}
	return e.capital == 1
}

// isLocative reports whether the token before i makes what follows a place.
func (d *doc) isLocative(i int) bool {
	if i == 0 || d.toks[i-1].sent != d.toks[i].sent {
		return false
	}
	p := &d.toks[i-1]
	return p.in(locatives) || p.is("and", ",", "&") && i >= 2 && d.mAt[i-2] >= 0 && d.mentions[d.mAt[i-2]].ent != nil && d.mentions[d.mAt[i-2]].ent.isPlace() && d.mentions[d.mAt[i-2]].ent.kind != graph.Country
}

// isNounModifiee reports whether token j is a lower-case content word that
// an adjective before it would modify ("military position").
func (d *doc) isNounModifiee(j int) bool {
	t := &d.toks[j]
	if t.kind != tWord || t.cap {
		return false
	}
	return !t.in(auxiliaries) && !t.in(prepositions) && !t.in(clauseWords) && !t.in(commonVerbs) && !t.in(adverbs) &&
		t.lower != "and" && t.lower != "or" && !t.isVerbForm()
}

// isVerbForm reports an inflected form of a lexicon verb ("attacked",
// "meets"), which cannot head a noun phrase.
func (t *token) isVerbForm() bool {
	if !t.in(lexWords) {
		return false
	}
	v, ok := verbLex[t.lower]
	// Verbs the dictionary knows only through patterns ("revised") are in
	// patternLex, not verbLex: to the clause reader they are ordinary words.
	return ok && v.form != formBase
}

// preferredDemonyms overrides the country data where its first adjective
// is a dated spelling news no longer uses.
var preferredDemonyms = map[string]string{"KG": "Kyrgyz", "TJ": "Tajik", "EC": "Ecuadorian"}

// demonym returns the adjective for a country ("Russian"), or its name.
func demonym(c *gazetteer.Country) string {
	if d, ok := preferredDemonyms[c.Code]; ok {
		return d
	}
	for _, d := range c.Demonyms {
		if !strings.HasSuffix(d, "s") || strings.HasSuffix(d, "ss") {
			return d
		}
	}
	return c.Name
}

// personAfterCity reports whether the word at k continues a person's name
// begun by a one-word city name: a capitalised word the gazetteer does not
// know that is no title, place word or organisation head.
func (d *doc) personAfterCity(k, hi int) bool {
	if k >= hi || d.nameRun(k, hi) < k {
		return false
	}
	t := &d.toks[k]
	if _, ok := d.hitAt(k); ok || t.in(regionWords) || t.in(geoFeatures) || orgHeads[t.lower] != "" || commonWord(t) {
		return false
	}
	return true
}

// honorifics stand before a person's name: "Mr Petrov", "Dr. Ana Obi".
var honorifics = wordList("mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame")

// honorificBefore returns the first token of an honorific just before the
// name starting at first ("Mr", or "Mr" "." for "Mr."), or first.
func (d *doc) honorificBefore(first int) int {
	k := first - 1
	if k >= 0 && d.toks[k].text == "." && d.toks[k].glued {
		k--
	}
	if k >= 0 && d.toks[k].sent == d.toks[first].sent && d.mAt[k] < 0 && honorifics[d.toks[k].lower] && d.toks[k].cap {
		return k
	}
	return first
}

// pastTense reports a lower-case word in "-ed" that follows a body noun as
// its verb, not as the noun it modifies: "the Israeli military posted".
func pastTense(t *token) bool {
	return t.kind == tWord && !t.cap && (len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed") || irregularPasts[t.lower])
}

// irregularPasts are past tenses news tells actors' deeds with.
var irregularPasts = wordList("began", "took", "held", "gave", "went", "came", "made", "fled", "led", "left", "met",
	"sent", "fought", "broke", "drove", "threw", "stood", "ran", "won", "lost", "told", "said", "saw", "got", "kept",
	"struck", "hit", "shot", "seized", "stormed", "set", "put", "began", "rose", "fell", "spoke", "wrote", "sought")

// collective recognises non-state collectives: "European leaders",
// "Western allies", "Arab nations".
func (d *doc) collective(i, hi int) *mention {
	t := &d.toks[i]
	if !t.cap || t.kind != tWord || i+1 >= hi || !d.toks[i+1].in(collectiveNouns) {
		return nil
	}
	if !(strings.HasSuffix(t.lower, "an") || strings.HasSuffix(t.lower, "ern") || strings.HasSuffix(t.lower, "ic") || t.is("g7", "g20", "world", "gulf", "nato")) {
		return nil
	}
	if _, ok := d.hitAt(i); ok {
		return nil
	}
	name := t.text + " " + d.toks[i+1].lower
	e := d.ents.get("group:"+slug(name), name, graph.Group)
	return &mention{first: i, last: i + 1, ent: e, kind: mName}
}

// coordinatedSubject reports whether the names joined at k by "and" or
// commas end in a verb: "Tokyo and Seoul condemned".
func (d *doc) coordinatedSubject(k, hi int) bool {
	for n := 0; n < 4 && k+1 < hi && d.toks[k].is("and", ","); n++ {
		h, ok := d.hitAt(k + 1)
		if !ok {
			return false
		}
		k = h.last + 1
		if d.verbFollows(k) || k < hi && d.toks[k].in(reportVerbs) {
			return true
		}
	}
	return false
}
