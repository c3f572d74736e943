package loader

import (
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// structRel is a standing fact the text states (or the gazetteer supplies
// for an entity the text names): LEADER_OF, MEMBER_OF, CAPITAL_OF ...
type structRel struct {
	src, dst *docEntity
	rel      graph.RelType
	title    string
	sent     int
	conf     float64
}

// structural collects the standing facts sentence si states: roles from
// titles ("Turkish President Recep Tayyip Erdogan"), appositives ("Yuri Ushakov,
// a Kremlin aide,", "X, the head of Y", "Kisumu, the capital
// of Z"), "including" lists (Macron MEMBER_OF European leaders) and "led by".
func (d *doc) structural(si, lo, hi int) {
	for k := lo; k < hi; k++ {
		mi := d.mAt[k]
		if mi < 0 {
			continue
		}
		m := d.mentions[mi]
		if k != m.first {
			continue
		}
		if m.role != nil && m.ent != nil {
			d.addRole(m.ent, m.role, si)
		}
		if m.ent != nil && m.ent.kind == graph.Person && m.role == nil {
			d.titleOfBefore(m.ent, m.first, si, lo)
			d.ownedTitleBefore(m.ent, m.first, si, lo)
		}
		if c := d.stateMediaOwner(m, lo); c != nil {
			d.structs = append(d.structs, structRel{src: m.ent, dst: c, rel: "PART_OF", sent: si, conf: 0.8})
		}
		if o := d.bodyAfterName(m, hi); o != nil {
			d.structs = append(d.structs, structRel{src: m.ent, dst: o.ent, rel: "MEMBER_OF", sent: si, conf: 0.75})
		}
		d.siteIn(m, si, hi)
		if m.ent != nil && m.ent.kind == graph.Person && m.kind != mPronoun {
			d.copulaRole(m, si, hi)
		}
		next := m.last + 1
		if m.poss {
			next++
		}
		if next+1 < hi && d.toks[next].isHyphen() && !d.toks[next].glued && m.ent != nil && m.ent.isActor() && m.ent.kind != graph.Person &&
			d.toks[next+1].is("the", "a", "an") {
			d.partAppositive(m.ent, next+2, si, hi) // "the Quds Force - the foreign arm of the IRGC"
		}
		if next+1 >= hi || !d.toks[next].is(",") || m.ent == nil || m.kind == mPronoun {
			continue
		}
		d.appositive(m, next+1, si, hi)
	}
	d.basedIn(si, lo, hi)
}

// mediaNouns describe a news outlet before its name.
var mediaNouns = wordList("agency", "broadcaster", "television", "tv", "radio", "newspaper", "media", "channel", "outlet")

// stateMediaOwner returns the state whose state media the organisation
// named at m is: "state-run Chinese news agency Xinhua", "Iran's state
// broadcaster IRIB", "Russian state news agency TASS".
func (d *doc) stateMediaOwner(m *mention, lo int) *docEntity {
	if m.ent == nil || m.ent.kind != graph.Organization || m.first-1 < lo || !mediaNouns[d.toks[m.first-1].lower] {
		return nil
	}
	state, owner := false, (*docEntity)(nil)
	for k := m.first - 2; k >= lo && k >= m.first-7; k-- {
		t := &d.toks[k]
		switch {
		case t.is("state", "state-run", "state-owned", "state-controlled", "official"):
			state = true
		case d.mAt[k] >= 0:
			o := d.mentions[d.mAt[k]]
			if owner != nil || o.ent == nil || o.ent.kind != graph.Country {
				return nil
			}
			owner = o.ent
		case t.kind == tPoss || t.isHyphen() || mediaNouns[t.lower] || t.is("news", "run", "owned", "controlled"):
		default:
			k = lo // the phrase ends
		}
	}
	if !state {
		return nil
	}
	return owner
}

// partNouns name a body that is part of another: "the armed wing of
// Hamas", "an affiliate of al-Qaeda".
var partNouns = wordList("arm", "wing", "branch", "unit", "division", "affiliate", "faction", "offshoot", "subsidiary")

// partAppositive reads "[the] [foreign] arm of Y" from j after a body's
// name: the body is part of Y.
func (d *doc) partAppositive(x *docEntity, j, si, hi int) {
	for k := j; k+1 < hi && k <= j+5; k++ {
		t := &d.toks[k]
		if partNouns[t.lower] && d.toks[k+1].is("of") {
			if y := d.npMention(k+2, hi); y != nil && y.ent != nil && y.ent.isActor() && y.ent != x && y.ent.kind != graph.Person {
				d.structs = append(d.structs, structRel{src: x, dst: y.ent, rel: "PART_OF", sent: si, conf: 0.8})
			}
			return
		}
		if t.kind != tWord || d.mAt[k] >= 0 || t.in(clauseWords) {
			return // ("armed", "paramilitary": modifiers go on)
		}
	}
}

// bodyAfterName returns the organisation or group a named person is said
// to be from or of: "Ivan Petrov from Kenya's ruling alliance", "Ana Vela
// of the Green Party". A state is no body here ("Petrov of Russia").
func (d *doc) bodyAfterName(m *mention, hi int) *mention {
	if m.ent == nil || m.ent.kind != graph.Person || m.kind != mName || m.poss {
		return nil
	}
	k := m.last + 1
	if k+1 >= hi || !d.toks[k].is("from", "of") {
		return nil
	}
	if d.toks[k+1].is("the") {
		k++
	}
	if k+1 >= hi || d.mAt[k+1] < 0 {
		return nil
	}
	o := d.mentions[d.mAt[k+1]]
	if o.first != k+1 || o.ent == nil || o.poss && d.toks[m.last+1].is("of") || o.ent.kind != graph.Organization && o.ent.kind != graph.Group {
		return nil
	}
	return o
}

// basedIn reads where organisations sit: "G, based in P", "G is
// headquartered in P", "P is home to the headquarters of G", "P is a stronghold
// of G".
func (d *doc) basedIn(si, lo, hi int) {
	for k := lo; k+2 < hi; k++ {
		t := &d.toks[k]
		switch {
		case t.is("based", "headquartered") && d.toks[k+1].is("in"):
			p := d.npMention(k+2, hi)
			if p == nil || p.ent == nil || !p.ent.isPlace() {
				continue
			}
			j := k - 1
			if j >= lo && d.toks[j].is(",") || j >= lo && d.toks[j].is("is", "are", "was") {
				j--
			}
			if j >= lo && d.mAt[j] >= 0 {
				if g := d.mentions[d.mAt[j]].ent; g != nil && g.isActor() && g.kind != graph.Person && g.kind != graph.Country {
					d.structs = append(d.structs, structRel{src: g, dst: p.ent, rel: "LOCATED_IN", sent: si, conf: 0.85})
				}
			}
		case t.is("headquarters", "base", "stronghold", "bastion") && d.toks[k+1].is("of", "to") ||
			t.is("home") && d.toks[k+1].is("to") && d.seatAfter(k+2, hi):
			// "home to" names a seat only with one: "home to the group's
			// headquarters", not "home to two million people" or "home to NATO troops".
			gm := d.npMention(k+2, hi)
			if gm == nil || gm.ent == nil || !gm.ent.isActor() || gm.ent.kind == graph.Person || gm.ent.kind == graph.Country {
				continue
			}
			if p := d.clausePlace(k, lo); p != nil {
				d.structs = append(d.structs, structRel{src: gm.ent, dst: p, rel: "LOCATED_IN", sent: si, conf: 0.8})
			}
		}
	}
}

// clausePlace returns the first place named in the clause holding token k,
// the subject of "P is a base of G".
func (d *doc) clausePlace(k, lo int) *docEntity {
	start := lo
	for j := k - 1; j >= lo; j-- {
		if t := &d.toks[j]; t.is(",", ";") || t.in(clauseWords) {
			start = j + 1
			break
		}
	}
	for j := start; j < k; j++ {
		if mi := d.mAt[j]; mi >= 0 {
			if e := d.mentions[mi].ent; e != nil && e.isPlace() && e.kind != graph.Country {
				return e
			}
			return nil
		}
	}
	return nil
}

// addRole records a role stated in the text; a role without a body
// ("President Joe Biden") takes the body from the gazetteer when it
// knows this person in such a role. When the gazetteer knows the person's
// office in that body, its relation wins over the one the title suggests:
// a prime minister who is not head of government is an official.
func (d *doc) addRole(p *docEntity, r *role, si int) {
	if r.of != nil {
		rel := r.rel
		for _, o := range d.gaz.Roles(p.id) {
			if o.Of == r.of.id && d.holds(o) && o.Relation != "SPOKESPERSON_FOR" && rel != "SPOKESPERSON_FOR" {
				rel = graph.RelType(o.Relation)
			}
		}
		d.structs = append(d.structs, structRel{src: p, dst: r.of, rel: rel, title: r.title, sent: si, conf: 0.95})
		return
	}
	if r.rel == "LEADER_OF" && headOfState.has(strings.ToLower(r.title)) && len(d.gaz.Roles(p.id)) == 0 {
		// "President Maia Sandu" in a report on Moldova: a head of state
		// the gazetteer does not know leads the state the report opens on.
		if c := d.leadCountry(); c != nil {
			d.structs = append(d.structs, structRel{src: p, dst: c, rel: r.rel, title: r.title, sent: si, conf: 0.6})
		}
		return
	}
	matched := false
	for _, o := range d.gaz.Roles(p.id) {
		if graph.RelType(o.Relation) != r.rel && !(r.rel == "OFFICIAL_OF" && o.Relation == "SPOKESPERSON_FOR") &&
			!(o.Relation != "SPOKESPERSON_FOR" && r.rel != "SPOKESPERSON_FOR" && strings.Contains(strings.ToLower(o.Title), strings.ToLower(r.title))) {
			continue
		}
		if !d.holds(o) {
			continue
		}
		if ent, ok := d.gaz.ByID(o.Of); ok {
			of := d.ents.fromEntry(ent)
			d.structs = append(d.structs, structRel{src: p, dst: of, rel: graph.RelType(o.Relation), title: r.title, sent: si, conf: 0.85})
			matched = true
		}
	}
	if matched {
		return
	}
	// "Army chief Abdel Fattah al-Burhan": the text's title names no body
	// and matches no known role; the known leadership holds.
	for _, o := range d.gaz.Roles(p.id) {
		if o.Relation == "LEADER_OF" && d.holds(o) {
			if ent, ok := d.gaz.ByID(o.Of); ok {
				d.structs = append(d.structs, structRel{src: p, dst: d.ents.fromEntry(ent), rel: "LEADER_OF", title: o.Title, sent: si, conf: 0.8})
			}
			return
		}
	}
}

// headOfState titles name who leads a state, unlike "opposition leader".
var headOfState = set("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan")

// leadCountry returns the state the article opens on: the one country its
// first sentence names (by name or adjective), or nil when it names none
// or several.
func (d *doc) leadCountry() *docEntity {
	if len(d.sents) == 0 {
		return nil
	}
	first := d.sents[0]
	var code string
	for _, h := range d.hits {
		if h.first >= first.hi {
			break
		}
		c := d.gaz.Entry(h.refs[0]).Country
		if c == nil || d.proAnti(h.first) {
			continue
		}
		if code != "" && code != c.Code {
			return nil
		}
		code = c.Code
	}
	return d.ents.countryByCode(code)
}

// appositive reads what follows "X," at k.
func (d *doc) appositive(m *mention, k, si, hi int) {
	t := &d.toks[k]
	switch {
	case t.is("including", "such") && m.ent.kind == graph.Group || t.is("including") && m.ent.kind == graph.Organization:
		j := k + 1
		if t.is("such") {
			j++ // "such as"
		}
		if j < hi && d.mAt[j] >= 0 {
			for _, x := range d.coordRight(d.mentions[d.mAt[j]], hi, true) {
				if x.ent != nil && x.ent != m.ent {
					d.structs = append(d.structs, structRel{src: x.ent, dst: m.ent, rel: "MEMBER_OF", sent: si, conf: 0.85})
				}
			}
		}
	case t.is("led", "headed") && k+2 < hi && d.toks[k+1].is("by") && d.mAt[k+2] >= 0:
		p := d.mentions[d.mAt[k+2]]
		if p.ent != nil && p.ent.kind == graph.Person && m.ent.isActor() && m.ent.kind != graph.Person {
			d.structs = append(d.structs, structRel{src: p.ent, dst: m.ent, rel: "LEADER_OF", title: "leader", sent: si, conf: 0.85})
		}
	case t.is("its", "their", "his", "her") && m.ent.kind == graph.Person:
		// "Ivan Petrov, its deputy ambassador to the UN": an official of
		// the actor "its" stands for; "his top commander, Ivan Petrov":
		// of that person's state
		if of := d.pronounOwner(t, m.first, si); of != nil && of != m.ent {
			if ts, te := d.parseTitle(k+1, hi); te >= ts {
				rel, title, former := d.titleRole(ts, te)
				if rel = bodyLeader(rel, title, of); !former && of.kind == graph.Country && rel == "LEADER_OF" {
					rel = "OFFICIAL_OF" // his commander leads no state
				}
				if !former {
					d.structs = append(d.structs, structRel{src: m.ent, dst: of, rel: rel, title: title, sent: si, conf: 0.75})
				}
			}
		}
	case t.is("the", "a", "an"):
		j := k + 1
		if m.ent.kind == graph.City && j+1 < hi && d.toks[j].is("capital") && d.toks[j+1].is("of") {
			if c := d.npMention(j+2, hi); c != nil && c.ent != nil && c.ent.isPlace() && d.npEndsAt(c.last, hi) {
				d.structs = append(d.structs, structRel{src: m.ent, dst: c.ent, rel: "CAPITAL_OF", sent: si, conf: 0.9})
			}
			return
		}
		if m.ent.isPlace() && m.ent.kind != graph.Country {
			d.placeAppositive(m.ent, j, si, hi) // "Copacabana, a busy district of Rio,"
			return
		}
		if m.ent.kind != graph.Person {
			d.partAppositive(m.ent, j, si, hi) // "the Quds Force, the foreign arm of the IRGC,"
			return
		}
		d.appositiveRole(m.ent, j, si, hi)
	default:
		if m.ent.kind == graph.Person {
			d.appositiveRole(m.ent, k, si, hi)
		}
	}
}

// copulaRole reads a role stated with a copula after a person: "Bazoum is
// the legitimate president of Niger", "Bazoum is recognised as the elected
// president of Niger"; and "X, who ruled Chad for three decades".
func (d *doc) copulaRole(m *mention, si, hi int) {
	k := m.last + 1
	if k+1 < hi && d.toks[k].is(",") && d.toks[k+1].is("who") {
		d.ruledRelative(m.ent, k+2, si, hi)
		return
	}
	if k >= hi || !d.toks[k].is("is", "was", "remains", "remained", "became", "becomes") {
		return
	}
	k++
	if k+1 < hi && d.toks[k].is("recognised", "recognized", "considered", "seen", "regarded") && d.toks[k+1].is("as") {
		k += 2
	}
	if k >= hi || !d.toks[k].is("the") {
		return
	}
	k++
	for n := 0; k+1 < hi && n < 3 && (d.toks[k].in(legitimacyWords) || d.toks[k].is(",", "and")); n++ {
		k++ // "the legitimate, elected president"
	}
	d.appositiveRole(m.ent, k, si, hi)
}

// legitimacyWords qualify an office without changing it.
var legitimacyWords = set("legitimate", "elected", "rightful", "constitutional", "democratically", "lawful", "sitting", "current")

// ruleVerbs tell a person led a state.
var ruleVerbs = set("ruled", "governed", "led")

// ruledRelative reads "who (had) ruled Chad for three decades" from k: the
// person led the state named, or, with none named, the state the report
// is about.
func (d *doc) ruledRelative(p *docEntity, k, si, hi int) {
	if k < hi && d.toks[k].is("had", "has", "have") {
		k++
	}
	for k < hi && d.toks[k].in(adverbs) || k < hi && d.toks[k].is("himself", "herself") {
		k++
	}
	if k >= hi || !d.toks[k].in(ruleVerbs) {
		return
	}
	var of *docEntity
	if k+1 < hi && d.mAt[k+1] >= 0 {
		if c := d.mentions[d.mAt[k+1]].ent; c != nil && c.kind == graph.Country {
			of = c
		}
	} else if k+1 < hi && d.toks[k+1].is("for") {
		of = d.leadCountry()
	}
	if of != nil {
		d.structs = append(d.structs, structRel{src: p, dst: of, rel: "LEADER_OF", title: "ruler", sent: si, conf: 0.8})
	}
}

// ownedTitleBefore reads a title owned by a possessive pronoun before
// the person it describes: "his top commander, Ivan Petrov".
func (d *doc) ownedTitleBefore(p *docEntity, first, si, lo int) {
	if first-2 < lo || !d.toks[first-1].is(",") {
		return
	}
	te := first - 2
	ts := te
	for ts > lo && isTitleWord(&d.toks[ts-1]) {
		ts--
	}
	if ts-1 < lo {
		return
	}
	pron := &d.toks[ts-1]
	if !pron.is("its", "their", "his", "her") || !d.toks[te].in(headTitles) {
		return
	}
	of := d.pronounOwner(pron, ts-1, si)
	if of == nil || of == p {
		return
	}
	rel, title, former := d.titleRole(ts, te)
	if rel = bodyLeader(rel, title, of); of.kind == graph.Country && rel == "LEADER_OF" {
		rel = "OFFICIAL_OF"
	}
	if !former {
		d.structs = append(d.structs, structRel{src: p, dst: of, rel: rel, title: title, sent: si, conf: 0.75})
	}
}

// siteIn reads where a named site lies: "Erbil Air Base in Iraq",
// "the embassy outside Quito", "Surrey's Sikh temple" (a place's site).
func (d *doc) siteIn(m *mention, si, hi int) {
	if m.ent == nil {
		return
	}
	if m.poss && m.ent.isPlace() && m.last+2 < hi && d.mAt[m.last+2] >= 0 {
		if s := d.mentions[d.mAt[m.last+2]]; s.ent != nil && s.ent.kind == graph.Location && largerPlace(m.ent, s.ent) {
			d.structs = append(d.structs, structRel{src: s.ent, dst: m.ent, rel: "LOCATED_IN", sent: si, conf: 0.8})
		}
		return
	}
	k := m.last + 1
	if m.ent.kind != graph.Location || m.poss || k+1 >= hi || !d.toks[k].is("in", "near", "outside") {
		return
	}
	if p := d.npMention(k+1, hi); p != nil && p.ent != nil && p.ent.isPlace() && p.ent != m.ent && largerPlace(p.ent, m.ent) {
		d.structs = append(d.structs, structRel{src: m.ent, dst: p.ent, rel: "LOCATED_IN", sent: si, conf: 0.8})
	}
}

// pronounOwner resolves a possessive pronoun in an appositive to the
// actor it stands for: "its" and "their" to the nearest non-person actor
// named before in the sentence, "his" and "her" to the state of the
// nearest person named before.
func (d *doc) pronounOwner(pron *token, first, si int) *docEntity {
	lo := d.sents[si].lo
	if pron.is("its", "their") {
		// "Russia requested a session on Syria, according to Ivan
		// Petrov, its envoy": the clause's subject first
		for _, m := range d.mainSubject(lo, first) {
			if m.ent != nil && m.ent.isActor() && m.ent.kind != graph.Person {
				return m.ent
			}
		}
	}
	for j := first - 1; j >= lo; j-- {
		mi := d.mAt[j]
		if mi < 0 {
			continue
		}
		e := d.mentions[mi].ent
		if e == nil {
			continue
		}
		if pron.is("its", "their") && e.isActor() && e.kind != graph.Person {
			return e
		}
		if pron.is("his", "her") && e.kind == graph.Person {
			return d.stateOf(e)
		}
		j = d.mentions[mi].first
	}
	return nil
}

// placeAppositive reads "P, a [popular] area in Q," and "P, a village near
// Q,": P lies in Q. Only a short noun phrase may stand between, and Q must
// be a larger place than P (a region or country for a city, a city or more
// for a site).
func (d *doc) placeAppositive(p *docEntity, j, si, hi int) {
	for k := j; k < hi && k <= j+5; k++ {
		t := &d.toks[k]
		if t.is("in", "of") {
			m := d.npMention(k+1, hi)
			if m == nil || m.ent == nil || !m.ent.isPlace() || m.ent == p || !largerPlace(m.ent, p) {
				return
			}
			d.structs = append(d.structs, structRel{src: p, dst: m.ent, rel: "LOCATED_IN", sent: si, conf: 0.8})
			return
		}
		if t.kind != tWord || t.cap || t.isVerbForm() || d.mAt[k] >= 0 {
			return
		}
	}
}

// largerPlace reports whether a can contain b: a coarser kind, or a site in
// a city.
func largerPlace(a, b *docEntity) bool {
	return placeRank(a.kind) < placeRank(b.kind) || a.kind == graph.City && b.kind == graph.Location
}

// titleOfBefore reads a title naming its body before the person it
// describes: "the leader of the Hezbollah movement, Hassan Nasrallah",
// "the head of the Electoral Council, Ana Petrova".
func (d *doc) titleOfBefore(p *docEntity, first, si, lo int) {
	if first-3 < lo || !d.toks[first-1].is(",") {
		return
	}
	// Find "of" within a short noun phrase before the comma.
	for k := first - 2; k > lo && k >= first-10; k-- {
		if !d.toks[k].is("of") {
			if d.toks[k].glued && d.toks[k-1].isHyphen() {
				continue // "the Iran-backed Hezbollah movement"
			}
			if d.toks[k].is(",", ";", "and") || d.toks[k].isVerbForm() {
				return
			}
			continue
		}
		te := k - 1
		ts := te
		for ts > lo && isTitleWord(&d.toks[ts-1]) {
			ts--
		}
		if !d.toks[te].in(headTitles) {
			return
		}
		m := d.npMention(k+1, first-1)
		for q := first - 2; q > k; q-- {
			if mi := d.mAt[q]; mi >= 0 {
				m = d.mentions[mi] // "the Iran-backed Hezbollah movement": the last name is the body
				break
			}
		}
		if m == nil || m.ent == nil || !m.ent.isActor() || m.ent.kind == graph.Person || m.ent == p {
			return
		}
		rel, title, former := d.titleRole(ts, te)
		if former {
			return
		}
		d.structs = append(d.structs, structRel{src: p, dst: m.ent, rel: bodyLeader(rel, title, m.ent), title: title, sent: si, conf: 0.8})
		return
	}
}

// appositiveRole reads "[the] Kremlin spokesman", "Russia's president",
// "the head of the Wagner group" after a person and a comma.
func (d *doc) appositiveRole(p *docEntity, j, si, hi int) {
	if j >= hi {
		return // "B, A": the sentence ends before a role
	}
	if mi := d.mAt[j]; mi >= 0 && d.mentions[mi].ent != nil && d.mentions[mi].ent.kind == graph.Person {
		return // "refuge to Petrov, Kremlin spokesman Dmitry Peskov said": another person speaks
	}
	var of *docEntity
	sub := false
	if mi := d.mAt[j]; mi >= 0 && d.mentions[mi].kind == mBody && d.mentions[mi].ent != nil && d.mentions[mi].ent.isActor() {
		// "the Mali junta spokesperson", "the Kenyan police chief": the body
		// the state's name opens
		of = d.mentions[mi].ent
		j = d.mentions[mi].last + 1
	} else if h, ok := d.hitAt(j); ok {
		ent := d.gaz.Entry(d.pickRef(h, hi))
		if ent.Country == nil && ent.Org == nil {
			return
		}
		of = d.ents.fromEntry(ent)
		j = h.last + 1
		if j < hi && d.toks[j].kind == tPoss {
			j++
		}
	} else if mi := d.mAt[j]; mi >= 0 && d.mentions[mi].ent != nil && (d.mentions[mi].ent.isActor() && d.mentions[mi].ent.kind != graph.Person ||
		d.mentions[mi].ent.isPlace() && d.mentions[mi].poss) {
		of = d.mentions[mi].ent // "the region's top administrator": a place is led only by its governor
		j = d.mentions[mi].last + 1
		if j < hi && d.toks[j].kind == tPoss {
			j++
		}
	}
	ts, te := d.parseTitle(j, hi)
	if te < ts {
		return
	}
	k := te + 1
	if of == nil && k+1 < hi && d.toks[k].is("of") {
		if m := d.npMention(k+1, hi); m != nil && m.ent != nil && m.ent.isActor() && m.ent.kind != graph.Person {
			of = m.ent
			// "head of the Peruvian visa section": of a part of the
			// state, so an official of the state, not its leader
			sub = m.kind == mDemonym && !m.poss && m.last+1 < hi && d.isNounModifiee(m.last+1)
		}
	}
	rel, title, former := d.titleRole(ts, te)
	rel = bodyLeader(rel, title, of)
	if former || of == nil {
		return
	}
	if title == "head" || title == "chief" {
		rel = "LEADER_OF"
	}
	if of.isPlace() && of.kind != graph.Country && rel != "LEADER_OF" {
		return // a region has a governor; its other officials are the state's
	}
	if sub {
		rel = "OFFICIAL_OF"
	}
	d.structs = append(d.structs, structRel{src: p, dst: of, rel: rel, title: title, sent: si, conf: 0.9})
}

// npEndsAt reports whether the noun phrase ends at token k: "the capital of
// Kenya," but not "the capital of Kenya hosted talks".
func (d *doc) npEndsAt(k, hi int) bool {
	if k+1 >= hi {
		return true
	}
	t := &d.toks[k+1]
	return t.kind == tPunct && !t.isHyphen() || t.is("and", "or", "where", "which", "who", "on", "in", "at", "after", "before")
}

// holds reports whether a gazetteer role was held on the publication day
// (always, when the article has no date).
func (d *doc) holds(o gazetteer.Officeholder) bool {
	if !d.hasPub {
		return o.Until == ""
	}
	day := d.pub.Format("2006-01-02")
	return (o.Since == "" || o.Since <= day) && (o.Until == "" || o.Until > day)
}

// seatWords name where a body sits.
var seatWords = set("headquarters", "base", "bases", "office", "offices", "bureau", "leadership", "secretariat", "seat")

// seatAfter reports a seat word in the noun phrase at k.
func (d *doc) seatAfter(k, hi int) bool {
	for j := k; j < hi && j < k+6; j++ {
		if d.toks[j].in(seatWords) {
			return true
		}
		if d.toks[j].kind == tPunct && !d.toks[j].isHyphen() {
			return false
		}
	}
	return false
}
