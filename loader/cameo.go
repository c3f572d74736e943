package loader

//go:generate go run ./internal/lexgen -dict dict -out cameo_verbs.tsv

import (
	_ "embed"
	"maps"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// The event-data field's verb dictionary (PETRARCH2's CAMEO 2.0, MIT) gives
// a thousand verbs and thousands of verb + object patterns a CAMEO code;
// the CAMEO → PLOVER 2021 table (CC BY-SA 4.0) gives each code its class.
// Both are vendored in loader/dict and compiled into cameo_verbs.tsv by
// `go generate`. The hand lexicon in lexicon.go comes first: a hand row
// carries prepositions and labels the dictionary does not have, and the
// dictionary fills in every verb the hand rows lack.
//
//go:embed cameo_verbs.tsv
var cameoVerbs string

// Senses the dictionary needs beyond the hand lexicon's.
var (
	senseDemo        = s("PROTESTED_AGAINST", "PROTESTED_AGAINST", false, "against outside", "protest")
	senseArrest      = s("ARRESTED", "", true, "of", "arrest")
	senseDetain      = s("DETAINED", "", true, "of", "detention")
	senseExpel       = s("EXPELLED", "", true, "of from", "expulsion")
	senseDeport      = s("DEPORTED", "", true, "of", "deportation")
	senseSeize       = s("SEIZED", "SEIZED", true, "", "seizure")
	senseBan         = s("BANNED", "", true, "", "ban")
	senseInvestigate = s("INVESTIGATED", "", true, "into of against", "investigation")
	senseSever       = s("SANCTIONED", "", false, "with", "severed relations")
	senseRequest     = s("DEMANDED", "", true, "on to for", "appeal")
)

// noDefault lists dictionary verbs too common to mean their CAMEO code on
// their own ("go", "take", "die"); their verb + object patterns still count
// ("took control of", "held a rally").
var noDefault = wordList("be", "bring", "begin", "break", "carry", "close", "come", "continue", "deal", "die",
	"end", "force", "get", "give", "go", "head", "hold", "join", "keep", "lead", "make", "move", "open",
	"play", "put", "run", "see", "seek", "set", "show", "start", "take", "turn", "use", "pass", "face",
	"work", "help", "reach", "follow", "mark", "meet", "pay", "stand", "stay", "tell", "say", "add",
	"remain", "expect", "plan", "hope", "want", "try", "allow", "let", "need", "look", "report", "speak",
	"talk", "write", "cover", "win", "lose", "fall", "rise", "drop", "raise", "build", "draw", "serve",
	"return", "release", "free", "cut", "hit", "push", "press", "ease", "fire")

// patternVerbs are the common verbs whose dictionary patterns are kept
// ("held them responsible", "took control of"): the other common verbs are
// left out of the lexicon altogether, as the clause reader has always read
// them ("said", "told", "wanted").
var patternVerbs = wordList("hold", "take")

// casualtyVerbs tell what an attack did; the attack is told by its own
// trigger, so the dictionary's rows for them are left out. Killing a named
// actor is an attack on it (senseKill, gated in killedActor).
var casualtyVerbs = wordList("kill", "wound", "injure", "murder", "slay", "die", "assassinate")

// senseKill: "rebels killed Idriss Deby", "gunmen killed a police officer".
var senseKill = s("ATTACKED", "", true, "", "killing")

// senseArmedKilling: "troops killed five people in Jenin", an attack on
// the place as well (armedKilling).
var senseArmedKilling = s("ATTACKED", "STRUCK", true, "", "killing")

// cameoSense maps a CAMEO code, its PLOVER class and mode to the sense the
// loader codes it as; nil where the code names no relation between actors
// (statements, intentions, domestic measures without a target).
func cameoSense(code, class, mode, lemma string) *sense {
	switch class {
	case "CONSULT":
		switch {
		case mode == "phone":
			return senseCall
		case strings.HasPrefix(code, "042"):
			return senseVisit
		case strings.HasPrefix(code, "043"):
			return senseHost
		case strings.HasPrefix(code, "045"):
			return senseMediate
		case strings.HasPrefix(code, "046"):
			return senseTalks
		}
		return senseMeet
	case "SUPPORT":
		switch {
		case strings.HasPrefix(code, "051"):
			return sensePraise
		case strings.HasPrefix(code, "055"), strings.HasPrefix(code, "056"):
			return nil // apologies and forgiveness
		case strings.HasPrefix(code, "057"):
			return senseAgree
		}
		return senseSupport
	case "COOPERATE":
		return senseCooperate
	case "AID":
		return senseAid
	case "CONCEDE", "RETREAT":
		switch mode {
		case "withdraw":
			return senseWithdraw
		case "ease":
			return senseLift
		case "release", "return", "disarm", "ceasefire", "access":
			return nil
		}
		return senseConcede
	case "ACCUSE":
		switch {
		case mode == "investigate":
			return senseInvestigate
		case mode == "allege", strings.HasPrefix(code, "112"), strings.HasPrefix(code, "115"), strings.HasPrefix(code, "116"):
			return senseAccuse
		case strings.HasPrefix(code, "111"):
			return senseCondemn
		}
		return senseCriticize
	case "REQUEST":
		return senseRequest
	case "REJECT":
		return senseReject
	case "THREATEN":
		return senseThreaten
	case "PROTEST":
		return senseDemo
	case "SANCTION":
		switch mode {
		case "expel":
			return senseExpel
		case "withdraw":
			if lemma == "expel" {
				return senseExpel // "expelled two diplomats": they are expelled, whatever it does to relations
			}
			if strings.HasPrefix(code, "161") {
				return senseSever
			}
			return senseReject // halting talks or mediation
		}
		return senseSanction
	case "COERCE":
		switch mode {
		case "seize":
			if code == "192" {
				return senseCapture
			}
			return senseSeize
		case "arrest":
			if lemma == "arrest" || lemma == "apprehend" || lemma == "nab" {
				return senseArrest
			}
			return senseDetain
		case "deport":
			if lemma == "expel" || lemma == "evict" || lemma == "banish" {
				return senseExpel
			}
			return senseDeport
		case "ban":
			return senseBan
		case "restrict":
			if strings.HasPrefix(code, "163") {
				return senseSanction
			}
			return senseBan
		}
		return nil
	case "MOBILIZE":
		if mode == "troops" || mode == "police" {
			return senseDeploy
		}
		return nil
	case "ASSAULT":
		if mode == "seize" {
			return senseCapture
		}
		return senseAttack
	}
	return nil // STATEMENT, AGREE (intentions), unknown
}

// cameoPattern is a verb + object pattern: the verb means sense when its
// object starts with prep and holds words, in order.
type cameoPattern struct {
	prep  string
	words []string
	sense *sense // senseNone: the verb names no relation in this use
	mode  string // PLOVER's mode of the pattern's code
}

// cameoModes holds PLOVER's mode of each dictionary verb's own code.
var cameoModes = map[string]string{}

var cameoPatterns = map[string][]cameoPattern{}

// cameoSets holds the dictionary's synonym sets a pattern word names
// ("&weapon": gun, missile, …), each member split into its words.
var cameoSets = map[string][][]string{}

// patientNoun reports a sense whose noun's possessor undergoes it: "his
// arrest", "Glas' detention", "the activist's deportation".
func patientNoun(sn *sense) bool {
	return sn == senseArrest || sn == senseDetain || sn == senseDeport || sn == senseExpel || sn == senseKilling || sn == senseWarrant
}

// senseNone is the sense of a dictionary verb that names no relation by
// itself, or in one use: it is a trigger word, never a frame.
var senseNone = &sense{}

// loadCameo adds the dictionary to the lexicon; lexicon.go's init calls it
// after the hand rows so they come first.
func loadCameo() {
	for line := range strings.Lines(cameoVerbs) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		switch f[0] {
		case "V":
			lemma, forms, code, class, mode := f[1], f[2], f[3], f[4], f[5]
			if noDefault[lemma] || casualtyVerbs[lemma] {
				continue
			}
			if sn := cameoSense(code, class, mode, lemma); sn != nil {
				cameoModes[lemma] = mode
				addVerb(lemma, forms, sn)
			}
		case "S":
			for _, m := range strings.Split(f[2], "|") {
				cameoSets[f[1]] = append(cameoSets[f[1]], strings.Fields(m))
			}
		case "P":
			lemma, code, class, mode, prep, words := f[1], f[2], f[3], f[4], f[5], f[6]
			if casualtyVerbs[lemma] || eventNounIn(words) || noDefault[lemma] && !patternVerbs[lemma] {
				continue
			}
			sn := cameoSense(code, class, mode, lemma)
			if sn == nil {
				sn = senseNone
			}
			cameoPatterns[lemma] = append(cameoPatterns[lemma], cameoPattern{prep: prep, words: strings.Fields(words), sense: sn, mode: mode})
			if _, ok := verbLex[lemma]; !ok {
				addVerb(lemma, "", senseNone) // a trigger only where a pattern matches
			}
		}
	}
	// Verbs with a complement sense are triggers where the complement follows.
	irregular := map[string]string{"break": "broke,broken", "cut": "cut", "sit": "sat"}
	for _, lemma := range slices.Sorted(maps.Keys(complementSenses)) {
		addVerb(lemma, irregular[lemma], senseNone) // keeps any form verbLex has
	}
	// Election verbs are triggers; electionVerb decides what they mean.
	for _, v := range []string{"confirm", "swear|swore|sworn", "inaugurate", "install", "appoint", "re-elect", "reelect", "name", "win|won|won"} {
		parts := strings.Split(v, "|")
		addVerb(parts[0], strings.Join(parts[1:], ","), senseNone)
	}
	for _, v := range []string{"kill", "murder", "assassinate", "slay|slew|slain"} {
		parts := strings.Split(v, "|")
		addVerb(parts[0], strings.Join(parts[1:], ","), senseKill)
	}
	// The longest pattern is the most specific.
	for _, ps := range cameoPatterns {
		slices.SortStableFunc(ps, func(a, b cameoPattern) int { return len(b.words) - len(a.words) })
	}
}

// eventNounIn reports whether a pattern's words hold an event noun of the
// hand lexicon ("held talks", "suspended talks"): the noun is its own trigger
// and knows its parties, so the pattern would only tell it twice.
func eventNounIn(words string) bool {
	for _, w := range strings.Fields(words) {
		if _, ok := nounLex[w]; ok {
			return true
		}
	}
	return false
}

// patternLex holds the verbs the dictionary knows only through verb +
// object patterns ("revise * constitution"): they are triggers, but no verbs
// to the clause reader until a pattern matches, so "the revised proposal"
// reads as it always has.
var patternLex = map[string]verbEntry{}

// addVerb adds lemma, its regular inflections and the dictionary's irregular
// ones, keeping any form the hand lexicon already has. A verb with
// senseNone goes to patternLex.
func addVerb(lemma, irregular string, sn *sense) {
	add := func(w string, f verbForm) {
		lexWords.add(w)
		if sn == senseNone {
			if _, dup := verbLex[w]; !dup {
				patternLex[w] = verbEntry{lemma: lemma, form: f, sense: sn}
			}
			return
		}
		if _, dup := verbLex[w]; !dup {
			verbLex[w] = verbEntry{lemma: lemma, form: f, sense: sn, mode: cameoModes[lemma]}
			delete(patternLex, w)
		}
	}
	for _, w := range strings.Split(irregular, ",") {
		switch {
		case w == "":
		case strings.HasSuffix(w, "ing"):
			add(w, formIng)
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(lemma, "s"):
			add(w, formS)
		default:
			add(w, formPast)
		}
	}
	add(lemma, formBase)
	add(thirdPerson(lemma), formS)
	add(regularPast(lemma), formPast)
	add(ingForm(lemma), formIng)
}

// complementSenses are verbs whose meaning comes from a word after their
// object: "held Israel fully responsible", "will hold them accountable".
var complementSenses = map[string]map[string]*sense{
	"hold": {"responsible": senseAccuse, "accountable": senseAccuse, "liable": senseAccuse},
	// "named 20 gangs as terrorist organizations", "designated the group a
	// terrorist entity": a designation is a sanction.
	"name":      {"terrorist": senseSanction, "terrorists": senseSanction},
	"designate": {"terrorist": senseSanction, "terrorists": senseSanction},
	"declare":   {"terrorist": senseSanction, "terrorists": senseSanction},
	"list":      {"terrorist": senseSanction, "terrorists": senseSanction},
	// Downgrading relations is PLOVER's SANCTION (CAMEO 161): "recalled its
	// ambassador from X", "severed diplomatic ties with X".
	"recall": {"ambassador": senseRecall, "envoy": senseRecall, "diplomats": senseRecall, "ambassadors": senseRecall},
	"sever":  {"ties": senseSever, "relations": senseSever},
	"cut":    {"ties": senseSever, "relations": senseSever},
	"break":  {"ties": senseSever, "relations": senseSever},
	// "removed Cuba from the list of state sponsors of terrorism": a
	// designation lifted; "added Cuba to the list", "put Cuba on its
	// blacklist": one made.
	"remove": {"list": senseDelist, "blacklist": senseDelist},
	"add":    {"list": senseListed, "blacklist": senseListed},
	"put":    {"list": senseListed, "blacklist": senseListed},
	"place":  {"list": senseListed, "blacklist": senseListed},
	// "would not sit down with the RSF": to sit down with is to meet.
	"sit": {"down": senseMeet},
	// "joined forces with local militias": to cooperate with them.
	"join": {"forces": senseCooperate},
}

// Listing and delisting take the listed actor as direct object.
var (
	senseDelist = s("LIFTED_SANCTIONS_ON", "", true, "", "removal from a list")
	senseListed = s("SANCTIONED", "", true, "", "listing")
)

// senseRecall is recalling one's envoy from a state.
var senseRecall = s("SANCTIONED", "", false, "from to", "recall of envoy") // "its ambassador to/from X"

// complementSense returns the sense a complement word within a few tokens
// after the verb at i gives it, or nil.
func (d *doc) complementSense(lemma string, i, hi int) *sense {
	words := complementSenses[lemma]
	for k := i + 1; words != nil && k < hi && k <= i+7; k++ {
		if sn := words[d.toks[k].lower]; sn != nil {
			return sn
		}
		if d.toks[k].is(".", ";") {
			break
		}
	}
	return nil
}

// cameoSenseAt picks the sense of the verb at i from its patterns: the
// longest pattern whose words follow the verb. ok is false when no pattern
// matches.
func (d *doc) cameoSenseAt(lemma string, i, hi int) (sn *sense, mode string, ok bool) {
	if sn := d.complementSense(lemma, i, hi); sn != nil {
		return sn, "", true
	}
	for _, p := range cameoPatterns[lemma] {
		if d.patternFollows(p, i+1, hi) {
			return p.sense, p.mode, true
		}
	}
	return nil, "", false
}

// patternFollows reports whether p's preposition and words follow token k,
// in order, each within a few words of the last: "held a large rally",
// "imposed fresh sanctions on".
func (d *doc) patternFollows(p cameoPattern, k, hi int) bool {
	const gap = 3
	if p.prep == "" {
		k = d.amountAfter(k, hi) // "provide $5 million in aid"
	}
	if p.prep != "" {
		if k >= hi || !d.toks[k].is(p.prep) {
			return false
		}
		k++
	}
	for _, w := range p.words {
		found := false
		for j := k; j < hi && j < k+gap; j++ {
			if n := d.patternWordAt(w, j, hi); n > 0 {
				k, found = j+n, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// patternWordAt returns how many tokens from j a pattern word matches, 0
// if none: the word itself or its plural, or for a synonym set ("&weapon")
// any member ("armed forces" takes two tokens).
func (d *doc) patternWordAt(w string, j, hi int) int {
	if !strings.HasPrefix(w, "&") {
		if wordForm(d.toks[j].lower, w) {
			return 1
		}
		return 0
	}
	for _, m := range cameoSets[w] {
		if j+len(m) > hi {
			continue
		}
		ok := true
		for n, mw := range m {
			if !wordForm(d.toks[j+n].lower, mw) {
				ok = false
				break
			}
		}
		if ok {
			return len(m)
		}
	}
	return 0
}

// wordForm reports whether tok is w or its regular plural.
func wordForm(tok, w string) bool {
	return tok == w || len(tok) == len(w)+1 && tok[len(w)] == 's' && tok[:len(w)] == w ||
		len(tok) == len(w)+2 && tok[len(w):] == "es" && tok[:len(w)] == w
}

func wordList(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// eventNounWithin reports an event noun of the lexicon in the noun phrase
// from k: within n words, hyphenated compounds counting as one ("concluded
// one-on-one talks"), and before any comma or clause word.
func (d *doc) eventNounWithin(k, hi, n int) bool {
	for j, words := k, 0; j < hi && words < n; j++ {
		t := &d.toks[j]
		if _, ok := nounLex[t.lower]; ok {
			return true
		}
		if t.is(",", ";", "that", "which", "who") {
			return false
		}
		if !t.isHyphen() && !(j > k && d.toks[j-1].isHyphen()) {
			words++
		}
	}
	return false
}

// killedActor reports whether the verb at i kills a named actor: the
// object after it, past determiners, kinship and titles ("his father", "the
// leader of the Hezbollah movement, Hassan Nasrallah"), is a person or a
// group, not a number of people.
func (d *doc) killedActor(i, hi int) bool {
	for k := i + 1; k < hi && k <= i+10; k++ {
		t := &d.toks[k]
		if d.mAt[k] < 0 && isTitleWord(t) && d.titledAppositive(k, hi) != nil {
			return true // "killed the leader of the Hezbollah movement, Hassan Nasrallah"
		}
		if mi := d.mAt[k]; mi >= 0 {
			m := d.mentions[mi]
			if m.ent != nil && (m.ent.kind == graph.Person || m.ent.kind == graph.Group || m.ent.kind == graph.Military || m.ent.kind == graph.GovernmentBody) {
				return true
			}
			k = m.last
			continue
		}
		if t.kind == tNum || t.isVerbForm() || t.is(";", "and", "in", "at", "on", "during", "after") {
			return false
		}
	}
	return false
}

// killedSubject reports a passive killing of a named actor whose cause the
// sentence names: "X was killed in the Israeli strikes".
func (d *doc) killedSubject(i, lo, hi int) bool {
	v := verbLex[d.toks[i].lower]
	if v.form != formPast && v.form != formPart || !d.passiveBefore(i, lo) {
		return false
	}
	subj, _ := d.subjectOf(i, lo, hi)
	if d.killingCause(i, hi, subj) == nil {
		return false
	}
	for _, m := range subj {
		if m.ent != nil && (m.ent.kind == graph.Person || m.ent.kind == graph.Group || m.ent.kind == graph.Military) {
			return true
		}
	}
	return false
}

// armedKilling reports an actor killing a number of people: "Israeli
// troops killed five people in Jenin", "the drones killed at least nine".
// It is an attack by the actor, on the place it names; a killing with no
// actor for a subject ("floods killed 20") is none.
func (d *doc) armedKilling(i, lo, hi int) bool {
	v := verbLex[d.toks[i].lower]
	if v.form == formIng || v.form == formBase || d.passiveBefore(i, lo) {
		return false
	}
	k := i + 1
	for k < hi && d.toks[k].is("least", "at", "more", "than", "around", "about", "nearly", "almost", "over", "some", "up", "to") {
		k++
	}
	if _, ok := d.number(k); !ok || d.mAt[k] >= 0 {
		return false
	}
	subj, _ := d.subjectOf(i, lo, hi)
	for _, m := range subj {
		for _, e := range m.entities() {
			if e.isActor() && e.kind != graph.Person {
				return true
			}
		}
	}
	return false
}

// labelAfterObject reports "called X a Y": after the verb at i, an object of
// a few words and then an indefinite article or an opening quote, before
// any comma.
func (d *doc) labelAfterObject(i, hi int) bool {
	for k := i + 2; k < hi && k <= i+6; k++ {
		t := &d.toks[k]
		if t.is(",", ";", ".", "to", "for", "on", "with") {
			return false
		}
		if t.is("a", "an") || t.text == "“" || t.text == "\"" {
			return true
		}
	}
	return false
}

// patternVerb reads a word of patternLex at i: an election verb, or a verb
// whose pattern matches here; ok is false when the word is no verb here.
func (d *doc) patternVerb(i, lo, hi int) (v verbEntry, f *frame, ok bool) {
	v, ok = patternLex[d.toks[i].lower]
	if !ok {
		return v, nil, false
	}
	if f, ok := d.electionVerb(i, v.lemma, lo, hi); ok {
		return v, f, true
	}
	sn, mode, ok := d.cameoSenseAt(v.lemma, i, hi)
	if !ok || sn == senseNone {
		return v, nil, false
	}
	v.sense, v.mode = sn, mode
	return v, nil, true
}
