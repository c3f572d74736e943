package loader

// Verb frames: a verb trigger, its subject and objects, and the verbs that
// need more than the generic reading (elect, send, order, claim).

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// verbFrame builds a frame for a verb trigger.
func (d *doc) verbFrame(i int, v verbEntry, lo, hi int) *frame {
	sn := v.sense
	next := func(k int) *token {
		if k < hi {
			return &d.toks[k]
		}
		return &token{}
	}
	if v.lemma == "elect" {
		return d.electFrame(i, lo, hi)
	}
	if v.lemma == "request" || v.lemma == "seek" || v.lemma == "demand" || v.lemma == "call" && next(i+1).is("for") {
		if f := d.sessionRequest(i, lo, hi); f != nil {
			return f // "requested an emergency meeting of the Security Council"
		}
	}
	if sn == senseListed || sn == senseDelist {
		for k := i + 1; k < hi && k <= i+7; k++ {
			if d.toks[k].is("list", "blacklist") {
				d.used[k] = true // the list is where the actor is put, no sanction of its own
				break
			}
		}
	}
	if v.lemma == "protest" && next(i+1).is("against", "outside", "in") {
		sn = senseDemo // "protested against the bill": a demonstration, not a diplomat's protest
	}
	switch v.lemma {
	case "call":
		switch {
		case next(i + 1).is("for"):
			if f := d.protestCall(i, lo, hi); f != nil {
				return f
			}
			sn = senseCallFor
		case next(i+1).is("on", "upon"):
			sn = senseUrge
		case next(i+1).is("off", "up", "in", "back", "it"):
			return nil
		case d.labelAfterObject(i, hi):
			sn = senseLabel // "calling Petrov's arrest an “outrage”"
		}
	case "claim", "warn", "deny", "announce":
		if v.lemma == "claim" && next(i+1).is("responsibility", "credit") && next(i+2).is("for") {
			// "Hamas claimed responsibility for the rocket attack"
			return d.responsibilityClaim(i, lo, hi)
		}
		if v.lemma == "warn" && d.thatClauseActor(i, hi) {
			// "warned that Iran must dismantle ...": a warning to the
			// clause's subject.
			return d.warningTo(i, i+2, lo, hi, senseWarn)
		}
		if next(i+1).is("that", "to", "responsibility") || d.clauseFollows(i+1, hi) {
			return nil
		}
	case "back":
		if next(i+1).is("to", "from", "in", "down", "off", "away") {
			return nil
		}
	case "inform", "brief", "notify":
		if d.passiveBefore(i, lo) && !next(i+1).is("by") {
			return nil // "was not informed of the strikes": by no one the text names
		}
	case "order":
		// "The court ordered Venezuela not to hold elections": a demand of
		// the actor ordered; ordering a thing done is no demand of anyone,
		// and ordering the army to advance is a command, not a demand
		// between actors.
		m := d.controlObject(i, hi)
		if m == nil || m.ent != nil && (m.ent.kind == graph.Military || m.ent.kind == graph.GovernmentBody) {
			return nil
		}
	case "ask":
		if d.controlObject(i, hi) == nil && !d.askedFor(i, hi) {
			return nil // "asked about Iran"; "asked Iran to allow inspectors back" is a request
		}
	case "encourage":
		if d.controlObject(i, hi) != nil {
			sn = senseUrge // "encouraged Armenia to resume reforms": a request, not praise
		}
	case "expect":
		// "I expect Peru to cooperate fully": a speaker's demand; "analysts
		// expect Russia to attack" is a forecast.
		if d.controlObject(i, hi) == nil || i == lo || !d.toks[i-1].is("i", "we") {
			return nil
		}
	case "send", "dispatch":
		return d.sentTroops(i, lo, hi) // "sent troops to fight in the Kursk region"
	case "deploy":
		if f := d.forceToHelp(i, lo, hi); f != nil {
			return f
		}
	case "deliver", "ship", "supply":
		// "delivered armoured vehicles to the police": aid only when arms or
		// goods go to an actor ("delivered a speech to parliament" is none)
		if subj, _ := d.subjectOf(i, lo, hi); len(subj) > 0 && !d.passiveBefore(i, lo) {
			return d.sentSupplies(i, lo, hi, subj)
		}
		return nil
	case "demand", "urge":
		if d.thatClauseActor(i, hi) {
			return d.warningTo(i, i+2, lo, hi, sn) // "demanded that Russia admit ..."
		}
	case "target", "hit", "strike":
		k := i - 1
		for k > lo && (d.toks[k].in(adverbs) || d.toks[k].in(auxiliaries)) {
			k--
		}
		if k >= lo && d.toks[k].in(measureNouns) {
			return nil // "the sanctions also target a refinery": aimed at, not attacked
		}
		if v.form == formS && i-1 >= lo && d.mAt[i-1] >= 0 {
			// "struck three Houthi targets", "hit Russian targets": a noun
			// after its modifier, not a verb with the name as subject
			if m := d.mentions[d.mAt[i-1]]; m.first > lo {
				p := &d.toks[m.first-1]
				if p.kind == tNum || p.in(determiners) || p.isVerbForm() || p.in(prepositions) || handVerb[verbLex[p.lower].lemma] {
					return nil
				}
			}
		}
	case "launch", "fire":
		// Launching or firing is an attack only with a weapon as object
		// ("launched two rockets", "fired water cannon at", "fired on");
		// "launched strikes" and "launched talks" belong to the noun, whose
		// light verb "launch" is.
		weapon, attack := d.weaponAfter(i, hi)
		if attack && v.lemma == "launch" || !weapon && !attack && !(v.lemma == "fire" && next(i+1).is("at", "on", "upon", "into")) {
			return nil
		}
	case "retaliate":
		if next(i+1).is("with") && d.eventNounWithin(i+2, hi, 4) {
			return nil // "retaliated with tariffs": the measure tells what was done
		}
	case "vote":
		// "voted for Petrov", "voted in favour of Petrov"; "voted
		// against" and "voted to" back no one
		if next(i+1).is("in") && next(i+2).is("favour", "favor") && next(i+3).is("of") {
			return d.favourOf(i, i+4, lo, hi)
		}
		if !next(i + 1).is("for") {
			return nil
		}
	case "pull":
		if !next(i+1).is("out", "back") {
			return nil // "pulled out of the deal", "pulled back from the border"
		}
	case "vow", "threaten":
		// "vowed to retaliate": a vow is a threat only when what is vowed is
		// hostile; "threatened Seoul with countermeasures" needs no verb.
		if v.lemma == "vow" && !d.hostileInfinitive(i+1, hi) {
			return nil
		}
	case "agree":
		if next(i+1).is("that") && !d.pluralSubject(i, lo, hi) {
			return nil // "Russia agreed that ..." names no partner; "he and Xi agreed that" does
		}
	case "lift", "ease":
		// Only sanctions make lifting a fact for the graph.
		ok := false
		for k := i + 1; k < hi && k < i+5; k++ {
			if d.toks[k].is("sanctions", "sanction", "embargo", "restrictions", "tariffs", "tariff", "ban", "bans") {
				ok = true
			}
		}
		if !ok {
			return nil
		}
	case "exchange", "swap", "trade":
		if f := d.tradedCharges(i, lo, hi); f != nil {
			return f // "traded accusations": each accuses the other
		}
		if v.lemma == "trade" {
			return nil
		}
		// Only prisoners make an exchange a fact for the graph ("exchanged
		// fire" is fighting, "exchanged views" talk).
		ok := false
		for k := i + 1; k < hi && k < i+5; k++ {
			if d.toks[k].in(prisonerWords) {
				ok = true
			}
		}
		if !ok {
			return nil
		}
	}
	f := &frame{sense: sn, rel: sn.rel, placeRel: sn.place, label: sn.label, mode: sn.mode, trigger: i,
		sent: d.toks[i].sent, conf: 0.9}
	if f.mode == "" {
		f.mode = v.mode // PLOVER's mode of a dictionary verb: "demo", "arrest", "firearms"
	}
	if sn == senseFire {
		// "launched a ballistic missile": a missile launch
		for k := i + 1; k < hi && k <= i+8 && f.mode == ""; k++ {
			f.mode = modeWords[d.toks[k].lower]
		}
		if v.lemma == "launch" {
			f.label = "launch"
			if f.mode != "" {
				f.label = f.mode + " launch"
			}
		}
	}
	passive := (v.form == formPast || v.form == formPart || v.form == formBase && sameParticiple[v.lemma]) && d.passiveBefore(i, lo)
	reduced := false
	if !passive && (v.form == formPast || v.form == formPart) && i+1 < hi && d.toks[i+1].is("by") && i-1 >= lo &&
		(d.toks[i-1].is(",") && i-2 >= lo && isNounTrigger(&d.toks[i-2]) || isNounTrigger(&d.toks[i-1]) || d.placedNounBefore(i, lo) >= 0) {
		// "the talks, hosted by Cuba": a passive participle after its event
		passive, reduced = true, true
	}
	subj, dist := d.subjectOf(i, lo, hi)
	if reduced {
		subj = nil
	}
	obj := d.objectAfter(i, hi, sn, passive)
	if k := d.placedNounBefore(i, lo); reduced && k >= 0 {
		obj.event = d.eventNounAt(k, hi) // "talks in Doha mediated by Qatar"
	}
	if passive {
		if len(subj) == 0 {
			// "The truce was mediated by Qatar": the event is the object.
			if ev := d.eventSubject(i, lo, hi); ev != nil {
				obj.event = ev
			}
		}
		for _, m := range subj {
			if sn == senseDeploy && m.hasActor() {
				// "troops were deployed to X": the troops deploy
				f.sources = addEnt(f.sources, m.entities()...)
				continue
			}
			f.targetsFrom(d, m)
		}
		for _, m := range obj.agents {
			f.sources = addEnt(f.sources, m.entities()...)
			f.conf = min(f.conf, m.conf)
		}
		if len(subj) == 0 && f.class() == "ASSAULT" {
			// "six bases around Tehran and homes of commanders have been
			// hit": where the things struck are
			for k := i - 2; k >= lo; k-- {
				t := &d.toks[k]
				asWellAs := t.is("as") && (d.toks[k+1].is("well") || k > lo && d.toks[k-1].is("well"))
				if t.in(clauseWords) && !asWellAs || t.kind == tPunct && !t.isHyphen() || (t.isVerbForm() || t.in(commonVerbs)) && !t.in(auxiliaries) {
					break // only the subject's own phrase: not "crashed in Kazakhstan after being hit"
				}
				if t.is("in", "around", "near", "outside") && d.mAt[k+1] >= 0 {
					if e := d.mentions[d.mAt[k+1]].ent; e != nil && e.isPlace() {
						f.places = addEnt(f.places, e)
					}
				}
			}
		}
		if len(obj.agents) == 0 && f.class() == "ASSAULT" {
			// "X was killed in the Israeli strikes": the attack's author
			if ev := d.killingCause(i, hi, subj); ev != nil {
				f.sources = addEnt(f.sources, ev.root().sources...)
				f.conf = min(f.conf, 0.8)
			}
		}
	} else {
		for _, m := range subj {
			f.sources = addEnt(f.sources, m.entities()...)
			f.conf = min(f.conf, m.conf)
		}
		if len(subj) == 0 && f.class() == "ASSAULT" {
			// "a Moldovan offensive seized Kadar": the attack the subject
			// names did it, and is this event
			if ev := d.eventSubject(i, lo, hi); ev != nil && ev.merged == nil && ev.sent == f.sent && ev.class() == "ASSAULT" {
				d.mergeInto(f, ev)
			}
		}
		for _, m := range obj.actors {
			f.targetsFrom(d, m)
			f.conf = min(f.conf, m.conf)
		}
	}
	for _, m := range obj.places {
		f.places = addEnt(f.places, m.entities()...)
	}
	if len(f.targets) == 0 && len(obj.actors) == 0 && obj.event == nil && !passive && sn.direct && len(subj) > 0 {
		// "Lai, who Beijing criticized for ...", "Porras and Orellana, whom
		// they accuse of ...": the relative pronoun stands for the object.
		ante := d.relativeAntecedent(subj[0].first, lo)
		if !slices.ContainsFunc(ante, func(m *mention) bool {
			return slices.ContainsFunc(m.entities(), func(e *docEntity) bool { return slices.Contains(f.sources, e) })
		}) {
			// (a subject among the antecedents is a pronoun resolved to them, wrongly)
			for _, m := range ante {
				f.targetsFrom(d, m)
			}
		}
	}
	if f.rel == "ARRESTED" || f.rel == "DETAINED" {
		// No one arrests a state: "to arrest a former Ecuadorian vice
		// president" holds a person the text does not name.
		f.targets = slices.DeleteFunc(f.targets, func(e *docEntity) bool { return e.kind == graph.Country })
	}
	if passive && len(f.sources) == 0 && len(f.targets) > 0 && (f.rel == "ARRESTED" || f.rel == "DETAINED") {
		f.custody = d.custodyState(f) // "X was arrested in Istanbul": by Turkey's authorities
	}
	if len(f.targets) == 0 && len(obj.actors) == 0 && obj.event == nil && !passive {
		if m := d.tiesWith(i, hi); m != nil {
			f.targetsFrom(d, m) // "hailed ties with Russia": Russia
		}
	}
	if v.lemma == "discuss" && !passive {
		// "discussed Syria" names a topic; "discussed Syria with Lavrov" a
		// partner after "with".
		f.targets = nil
		for _, m := range obj.actors {
			if slices.ContainsFunc(d.toks[i+1:m.first], func(t token) bool { return t.is("with") }) {
				f.targetsFrom(d, m)
			}
		}
	}
	if dist > 6 {
		f.conf -= 0.1
	}
	if v.lemma == "call" && sn == senseCall && len(obj.actors) > 0 && !obj.negative {
		// "called the president a friend", "called Seoul the aggressor": a
		// name for the object, never a phone call; only a negative one is
		// an accusation, and that one has a label.
		if k := obj.actors[len(obj.actors)-1].last + 1; k < hi && d.toks[k].is("a", "an", "the", "his", "her", "their", "our", "its", "one") {
			return nil
		}
	}
	if v.lemma == "call" && sn == senseCall && len(obj.actors) > 0 {
		// "called Faye to concede defeat": the call is the concession
		if k := obj.actors[len(obj.actors)-1].last + 1; k+1 < hi && d.toks[k].is("to") && verbLex[d.toks[k+1].lower].sense == senseConcede {
			f.extra = append(f.extra, "CONCEDED_TO")
		}
	}
	if sn == senseLabel || v.lemma == "call" && sn == senseCall {
		// "called the raid a war crime": a label, not a phone call.
		if obj.event != nil || obj.label != nil || obj.negative {
			if !obj.negative {
				return nil
			}
			f.rel, f.label, f.mode = "ACCUSED", "accusation", ""
			named := f.targets // "called Seoul the aggressor": Seoul, unless the label names someone
			f.targets = nil
			for _, m := range obj.label {
				for _, e := range m.entities() {
					if e.isActor() && !slices.Contains(f.sources, e) {
						f.targets = addEnt(f.targets, e)
					}
				}
			}
			if len(f.targets) == 0 && obj.event != nil {
				d.eventObject(f, obj.event)
			}
			if len(f.targets) == 0 && f.about == nil {
				f.targets = named
			}
		} else if sn == senseLabel {
			return nil
		}
	} else if sn == senseAttend {
		// "Erdogan will not attend the summit": a party to the event's
		// consultation with the other side.
		ev := obj.event
		if ev == nil || ev.root().class() != "CONSULT" {
			return nil
		}
		r := ev.root()
		f.rel, f.label, f.places = r.rel, r.label, append(f.places, r.places...)
		f.targets = nil
		for p := range r.parties {
			if !d.sameSide(f.sources, p) {
				f.targets = addEnt(f.targets, p)
			}
		}
		if f.date == "" {
			f.date, f.dateText = r.date, r.dateText
		}
		if v.lemma != "attend" {
			setStatus(f, graph.StatusDenied) // "boycotted the summit"
		}
	} else if obj.event != nil {
		d.eventObject(f, obj.event)
	}
	if ev := obj.event; ev != nil && patientNoun(ev.root().sense) && f.about != nil {
		// "protested the arrest of Russian citizens": those held are not
		// what is protested; whoever held them is, when the text says.
		f.targets = slices.DeleteFunc(f.targets, func(e *docEntity) bool { return slices.Contains(ev.root().targets, e) })
	}
	if f.class() == "REJECT" && obj.negative && obj.as && !slices.Contains(f.extra, "CRITICIZED") {
		f.extra = append(f.extra, "CRITICIZED") // "dismissed the remarks as reckless": a rejection and a criticism
	}
	if (sn == senseArrive || sn == senseTravel) && len(f.sources) > 0 &&
		!slices.ContainsFunc(f.sources, func(e *docEntity) bool { return e.kind != graph.Military }) {
		f.rel, f.placeRel, f.label, f.mode = "DEPLOYED_TO", "DEPLOYED_TO", "deployment", "" // troops arriving
	}
	if sn == senseLeave {
		// "left the bloc", "quit the alliance": leaving a body, not a
		// place; but a leader who leaves or flees its own country quits it
		// ("Hasina resigned and left the country"), where a visitor leaving
		// is no withdrawal.
		f.targets = slices.DeleteFunc(f.targets, func(e *docEntity) bool {
			return e.kind != graph.Organization && e.kind != graph.Group && !(e.kind == graph.Country && d.ownStateOf(f.sources, e))
		})
		if len(f.targets) == 0 {
			return nil
		}
	}
	if (f.rel == "MEDIATED" || f.rel == "HOSTED") && len(f.targets) == 0 && obj.event == nil && d.consultNounAfter(i+1, hi) {
		// "X and Y signed a deal. Qatar mediated the talks": the talks
		// between the two sides just told.
		if ps := d.pairFrame(f.sent, f.sent-2); ps != nil {
			f.targets = addEnt(f.targets, ps...)
		}
	}
	if len(f.targets) == 0 && (f.class() == "SUPPORT" || f.class() == "REJECT") {
		// "backed efforts to secure Moldova's sovereignty", "refused to
		// recognise the independence of Kosovo"
		f.targets = addEnt(f.targets, d.sovereigntyOf(i+1, hi)...)
	}
	if len(f.targets) == 0 && f.about == nil && f.class() == "REJECT" && len(subj) > 0 && subj[0].first-2 >= lo &&
		d.toks[subj[0].first-1].is("that", "which") && d.claimNounAfter(subj[0].first-2, subj[0].first-1) {
		// "Delhi has accused Islamabad ..., allegations that Pakistan denies"
		if a := d.latestAccuser(f.sent, f.sources); a != nil {
			f.targets = addEnt(f.targets, a)
		}
	}
	if len(f.targets) == 0 && f.about == nil && f.class() == "REJECT" && d.claimNounAfter(i+1, hi) {
		// "Armenia denied the claim": the claim told just before, by its author
		if a := d.latestAccuser(f.sent, f.sources); a != nil {
			f.targets = addEnt(f.targets, a)
		}
	}
	if len(f.targets) == 0 && f.class() == "ASSAULT" && next(i+1).is("to") && next(i+2).in(overthrowVerbs) {
		// "fighting to topple the government in Mogadishu": the fight is
		// against whom it would bring down
		f.targets = addEnt(f.targets, d.infinitiveTargets(i+1, hi, f.sources)...)
	}
	if len(f.targets) == 0 && (f.class() == "REQUEST" || f.class() == "THREATEN") {
		// "proposed to reopen negotiations with Armenia"
		f.targets = addEnt(f.targets, d.infinitiveTargets(i+1, hi, f.sources)...)
	}
	if len(f.targets) == 0 && f.class() == "THREATEN" && d.forceWithin(i+1, hi) {
		// "threatened to restore order by force in Niger": force in a
		// state threatens the state
		f.targets = addEnt(f.targets, d.stateIn(i+1, hi, f.sources)...)
	}
	if p := d.whereAntecedent(i, lo); p != nil && f.placeRel != "" {
		f.places = addEnt(f.places, p)
	}
	if i-2 >= lo && d.toks[i-1].is("of") && d.toks[i-2].is("claim", "claims", "accusation", "accusations", "allegation", "allegations") && len(f.sources) > 0 {
		f.claimant = f.sources[0] // "Iran's claim of hitting"
		setStatus(f, graph.StatusClaimed)
		if c := d.nounRef[i-2]; c != nil && c.sense == senseClaim {
			d.claimOf(c, f, false)
		}
	}
	d.verbModality(f, i, lo, subj)
	if d.controlledSubject(i, lo) != nil || d.controlledConjunct(i, lo) {
		f.hypo = true // what X was urged to do is a request, not a fact
	}
	if v.form == formIng && i > lo && d.toks[i-1].is(",") {
		f.participle = true
	}
	if len(f.sources) == 0 && len(f.targets) == 0 && len(f.places) == 0 && obj.event == nil {
		return nil
	}
	if len(f.sources) == 0 && f.class() == "ASSAULT" && f.status == "" {
		// "The city was struck hours after ...": the attack already told.
		if ante := d.antecedent(f, ""); ante != nil && ante.sent >= f.sent-2 {
			d.mergeInto(ante, f)
			d.sentRefs = append(d.sentRefs, ante)
			return f
		}
	}
	return f
}

// chargeWords are what two sides trade when each accuses the other.
var chargeWords = wordList("accusations", "allegations", "blame", "barbs", "insults", "charges", "recriminations")

// tradedCharges reads "Thailand and Cambodia traded accusations", "the two
// sides exchanged blame": each side accuses the other. The second
// direction joins the sentence's frames; the first is returned.
func (d *doc) tradedCharges(i, lo, hi int) *frame {
	found := false
	for k := i + 1; k < hi && k <= i+3; k++ {
		if chargeWords[d.toks[k].lower] {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	subj, _ := d.subjectOf(i, lo, hi)
	var sides []*docEntity
	for _, m := range subj {
		for _, e := range m.entities() {
			if e.isActor() {
				sides = addEnt(sides, e)
			}
		}
	}
	if len(sides) != 2 {
		return nil
	}
	var fs [2]*frame
	for n := range fs {
		fs[n] = &frame{sense: senseAccuse, rel: "ACCUSED", label: "accusation", sources: []*docEntity{sides[n]},
			targets: []*docEntity{sides[1-n]}, trigger: i, sent: d.toks[i].sent, conf: 0.8}
		d.verbModality(fs[n], i, lo, subj)
	}
	d.sentFrames = append(d.sentFrames, fs[1])
	return fs[0]
}

// ownStateOf reports whether the persons among actors lead or serve state
// c, by the article's titles or the gazetteer.
func (d *doc) ownStateOf(actors []*docEntity, c *docEntity) bool {
	for _, a := range actors {
		if a.kind != graph.Person {
			continue
		}
		if d.stateOf(a) == c || d.sameSide([]*docEntity{a}, c) {
			return true
		}
		for _, m := range d.mentions {
			if m.ent == a && m.role != nil && m.role.of == c {
				return true // "Bangladesh Prime Minister Sheikh Hasina"
			}
		}
	}
	return false
}

// sameSide reports whether e is the state one of the actors belongs to or
// leads (Putin and Russia are one side of talks with Ukraine).
func (d *doc) sameSide(actors []*docEntity, e *docEntity) bool {
	for _, a := range actors {
		if a == e || a.country != "" && a.country == e.country {
			return true
		}
		for _, s := range d.structs {
			if s.src == a && s.dst == e {
				return true
			}
		}
		for _, o := range d.gaz.Roles(a.id) {
			if o.Of == e.id {
				return true
			}
		}
		if e.kind == graph.Person && a.kind == graph.Country && d.stateOf(e) == a {
			return true // Ukraine and its president
		}
		if a.kind == graph.Person && e.kind != graph.Person && e.country != "" {
			if s := d.stateOf(a); s != nil && s.id == "country:"+e.country {
				return true // Pashinyan and Armenian forces
			}
		}
	}
	return false
}

// causeAfter returns the attack a passive verb at i says its patient
// suffered: "killed in the Israeli strikes", "killed by a Zionist airstrike",
// "died in an explosion". Only an attack with an author counts.
func (d *doc) causeAfter(i, hi int) *frame {
	for k := i + 1; k+1 < hi && k <= i+4; k++ {
		t := &d.toks[k]
		if t.kind == tPunct || t.in(clauseWords) {
			return nil
		}
		if !t.is("in", "by", "during", "amid") {
			continue
		}
		ev := d.eventNounAt(k+1, hi)
		if ev == nil || ev.root().class() != "ASSAULT" || len(ev.root().sources) == 0 {
			return nil
		}
		if d.toks[k+1].is("a", "an") && ev.root().sent != d.toks[i].sent {
			return nil // "killed in an explosion" is a new event, not the attack told before
		}
		return ev
	}
	return nil
}

// killingCause returns the attack a passive verb at i is part of: the one
// its cause phrase names ("killed in the strikes"), or, when the clause
// names no cause at all ("X has also been killed, state TV said"), the
// attack last told in the four sentences before, by a side the victims
// are not on: the report's subject.
func (d *doc) killingCause(i, hi int, victims []*mention) *frame {
	if ev := d.causeAfter(i, hi); ev != nil {
		return ev
	}
	k := i + 1
	for k < hi && d.toks[k].in(adverbs) {
		k++
	}
	if k < hi && !d.toks[k].is(",", ".", ";") && !d.toks[k].in(clauseWords) {
		return nil // "killed in a car crash", "killed by unknown gunmen": a cause of its own
	}
	sent := d.toks[i].sent
	var best *frame
	bestSent := sent - 5
	for n := len(d.frames) - 1; n >= 0 && d.frames[n].sent >= sent-12; n-- {
		// (frames told further back fold into no attack this close)
		a := d.frames[n].root()
		last := slices.Max(append([]int{a.sent}, a.sents...))
		if last > bestSent && last < sent && a.class() == "ASSAULT" && len(a.sources) > 0 && !a.hypo && a.status != graph.StatusDenied && !a.inferred &&
			!slices.ContainsFunc(victims, func(m *mention) bool {
				return slices.ContainsFunc(m.entities(), func(e *docEntity) bool { return d.sameSide(a.sources, e) })
			}) {
			best, bestSent = a, last
		}
	}
	return best
}

// pluralSubject reports whether the verb at i has two or more actors as
// its subject: "he and Xi agreed".
func (d *doc) pluralSubject(i, lo, hi int) bool {
	subj, _ := d.subjectOf(i, lo, hi)
	var es []*docEntity
	for _, m := range subj {
		es = addEnt(es, m.entities()...)
	}
	return len(es) > 1
}

// relativeAntecedent returns what an object relative pronoun before the
// subject starting at k stands for: the actors before "whom" or "who".
func (d *doc) relativeAntecedent(k, lo int) []*mention {
	j := k - 1
	if j < lo || !d.toks[j].is("who", "whom") {
		return nil
	}
	j--
	if j >= lo && d.toks[j].is(",") {
		j--
	}
	if j < lo || d.mAt[j] < 0 {
		return nil
	}
	m := d.mentions[d.mAt[j]]
	if !m.hasActor() || m.kind == mPronoun {
		return nil
	}
	return d.coordinated(m, lo)
}

// custodyState returns the code of the state an arrest told without an
// agent happens in: its place's, else the report's lead state's.
func (d *doc) custodyState(f *frame) string {
	for _, p := range f.places {
		if p.country != "" {
			return p.country
		}
	}
	if c := d.leadState(); c != nil {
		return c.Code
	}
	return ""
}

// controlledConjunct reports a verb joined by "and" to a controlled
// infinitive: "urged India and Pakistan to show restraint and calm tensions".
func (d *doc) controlledConjunct(i, lo int) bool {
	for k := i - 1; k > lo && k >= i-3; k-- {
		if d.toks[k].is("and", "or") {
			w := k - 1 // "to stop and negotiate": the word before "and" is the first infinitive
			for w > lo && d.toks[w].kind == tPunct && isCloser([]rune(d.toks[w].text)[0]) {
				w--
			}
			if w > lo && d.controlledSubject(w, lo) != nil {
				return true
			}
			if pv := d.previousVerb(k, lo); pv >= 0 {
				return d.controlledSubject(pv, lo) != nil
			}
			return false
		}
		if !d.toks[k].in(adverbs) {
			return false
		}
	}
	return false
}

// tiesNouns name a standing relation between actors.
var tiesNouns = set("ties", "relations", "relationship", "partnership", "friendship", "alliance")

// tiesWith returns the actor in "ties with X" right after the verb at i,
// past an article and adjectives ("hailed the close ties with Russia").
func (d *doc) tiesWith(i, hi int) *mention {
	k := i + 1
	for k < hi && k <= i+3 && d.mAt[k] < 0 && (d.toks[k].in(determiners) || d.isNounModifiee(k) && !d.toks[k].in(tiesNouns)) {
		k++
	}
	if k+2 >= hi || !d.toks[k].in(tiesNouns) || !d.toks[k+1].is("with") || d.mAt[k+2] < 0 {
		return nil
	}
	if m := d.mentions[d.mAt[k+2]]; m.hasActor() && !m.poss {
		return m
	}
	return nil
}
