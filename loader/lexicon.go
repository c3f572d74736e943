package loader

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// verbForm says which inflection of a verb a word is.
type verbForm uint8

const (
	formBase verbForm = iota // speak
	formS                    // speaks
	formPast                 // spoke (also the participle of regular verbs)
	formPart                 // spoken
	formIng                  // speaking
)

// sense is what a trigger word means for the graph: the relation it yields
// toward an actor and toward a place, how its object is introduced, and the
// event label and mode it implies.
type sense struct {
	rel    graph.RelType // with an actor object ("" when actors cannot be objects)
	place  graph.RelType // with a place object ("" when places cannot be objects)
	direct bool          // the object may follow directly ("condemned Russia")
	preps  []string      // prepositions that introduce the object ("speak with")
	label  string        // event label when the text gives none better
	mode   string
	// symmetric relations are stated between parties ("talks between X and
	// Y", "X and Y agreed").
	symmetric bool
}

type verbEntry struct {
	lemma string
	form  verbForm
	sense *sense
	mode  string // PLOVER's mode for a dictionary verb ("demo", "arrest", "firearms")
}

type nounEntry struct {
	sense  *sense
	plural bool
}

func s(rel, place graph.RelType, direct bool, preps, label string) *sense {
	sn := &sense{rel: rel, place: place, direct: direct, label: label}
	if preps != "" {
		sn.preps = strings.Fields(preps)
	}
	switch rel {
	case "MEETS", "NEGOTIATES_WITH", "CALLS", "AGREED_WITH", "EXCHANGED_PRISONERS_WITH", "COOPERATES_WITH":
		sn.symmetric = true
	}
	return sn
}

// Senses shared by verbs and nouns.
var (
	senseCall       = s("CALLS", "", true, "with to", "call")
	senseSpeak      = s("CALLS", "", false, "with to", "call")
	senseMeet       = s("MEETS", "", true, "with", "meeting")
	senseTalks      = s("NEGOTIATES_WITH", "", false, "with between", "talks")
	senseVisit      = s("VISITED", "VISITED", true, "to", "visit")
	senseTravel     = s("VISITED", "VISITED", false, "to", "visit")
	senseArrive     = s("VISITED", "VISITED", false, "in at", "visit")
	senseHost       = s("HOSTED", "", true, "", "hosting")
	senseMediate    = s("MEDIATED", "", true, "between", "mediation")
	senseAgree      = s("AGREED_WITH", "", false, "with between to on", "agreement")
	senseSwap       = s("EXCHANGED_PRISONERS_WITH", "", false, "with between", "prisoner exchange")
	senseCooperate  = s("COOPERATES_WITH", "", false, "with between", "cooperation")
	senseSupport    = s("SUPPORTS", "", true, "for", "support")
	senseSolidarity = s("SUPPORTS", "", false, "with", "solidarity")
	sensePraise     = s("PRAISED", "", true, "", "praise")
	senseThank      = s("THANKED", "", true, "", "thanks")
	senseCongrat    = s("CONGRATULATED", "", true, "", "congratulations")
	senseAid        = s("PROVIDED_AID_TO", "", true, "to", "aid")
	senseAidNoun    = s("PROVIDED_AID_TO", "", true, "to for", "aid")               // "military aid for Taiwan"
	senseWarrant    = s("INVESTIGATED", "", false, "for against", "arrest warrant") // "issued a warrant for X's arrest"
	// Light-verb nouns whose recipient follows "to": "expressed gratitude
	// to", "granted asylum to", "sent a letter to", "paid tribute to".
	senseGratitude = s("THANKED", "", false, "to", "thanks")
	senseAsylum    = s("PROVIDED_AID_TO", "", false, "to", "asylum")
	senseLetter    = s("CALLS", "", false, "to", "letter")
	senseTribute   = s("PRAISED", "", false, "to", "tribute")
	senseCongratTo = s("CONGRATULATED", "", false, "to", "congratulations")
	senseDemand    = s("DEMANDED", "", true, "from on of", "demand")
	senseUrge      = s("DEMANDED", "", true, "on", "demand")
	senseCallFor   = s("DEMANDED", "", false, "for", "demand")
	senseConds     = s("DEMANDED", "", false, "for on", "conditions")
	sensePropose   = s("PROPOSED", "", false, "to", "proposal")
	senseOffer     = s("PROPOSED", "", true, "to", "offer")
	senseInvite    = s("INVITED", "", true, "", "invitation")
	senseAccuse    = s("ACCUSED", "", true, "against", "accusation")
	senseCondemn   = s("CONDEMNED", "", true, "of", "condemnation")
	senseCriticize = s("CRITICIZED", "", true, "of", "criticism")
	// Summoning an envoy and lodging a protest are formal criticism of the
	// envoy's state ("summoned the ambassadors of X and Y").
	senseSummon   = s("CRITICIZED", "", true, "of", "summons")
	senseProtest  = s("CRITICIZED", "", true, "with to against over", "protest")
	senseReject   = s("REJECTED", "", true, "of", "rejection")
	senseDeny     = s("DENIED", "", true, "of", "denial")
	senseThreaten = s("THREATENED", "", true, "to against", "threat")
	senseWarn     = s("WARNED", "", true, "", "warning")
	senseSanction = s("SANCTIONED", "", true, "on against", "sanctions")
	senseLift     = s("LIFTED_SANCTIONS_ON", "", false, "on against from", "sanctions relief")
	senseAttack   = s("ATTACKED", "STRUCK", true, "on against at of", "attack")
	senseFire     = s("ATTACKED", "STRUCK", false, "on upon at into toward towards", "attack")
	// "retaliated against Israel": an attack in return
	senseRetaliate = s("ATTACKED", "STRUCK", false, "against on at", "retaliation")
	// senseKilling is a killing told as a noun, whose possessor is the
	// victim: "Nijjar's killing", "the assassination of Haniyeh".
	senseKilling = s("ATTACKED", "", false, "of", "killing")
	// senseClash is fighting between armed forces; a clash of leaders or
	// states is often only words, so findFrames keeps armed parties only.
	senseClash = func() *sense {
		sn := s("ATTACKED", "STRUCK", false, "with near in at", "clashes")
		sn.symmetric = true
		return sn
	}()
	// senseWar is fighting a war: "Russia's war in Ukraine", "its war
	// with Hamas", "the war between Serbia and Kosovo".
	senseWar = func() *sense {
		sn := s("ATTACKED", "", false, "in with against on between", "war")
		sn.symmetric = true
		return sn
	}()
	senseInvade   = s("INVADED", "INVADED", true, "of", "invasion")
	senseCapture  = s("CAPTURED", "CAPTURED", true, "of", "capture")
	senseDrills   = s("HELD_DRILLS_AROUND", "HELD_DRILLS_AROUND", false, "around near off", "drills")
	senseDeploy   = s("DEPLOYED_TO", "DEPLOYED_TO", false, "to in into on", "deployment")
	senseWithdraw = s("WITHDREW_FROM", "WITHDREW_FROM", false, "from", "withdrawal")
	senseLeave    = s("WITHDREW_FROM", "", true, "from", "withdrawal")
	sensePullOut  = s("WITHDREW_FROM", "WITHDREW_FROM", false, "of from", "withdrawal")
	senseConcede  = s("CONCEDED_TO", "", false, "to", "concession")
	senseClaim    = s("", "CLAIMED", true, "", "claim")
	senseDefeat   = s("DEFEATED", "", true, "", "election")
	senseElect    = s("ELECTED_LEADER_OF", "ELECTED_LEADER_OF", false, "of", "election")
	// senseLabel verbs name something: only a negative label is a fact (an
	// accusation), as in "described the strike as an act of terror".
	senseLabel = s("ACCUSED", "", true, "", "accusation")
	// senseAttend joins the subject to a consultation: its relation and
	// other parties come from the event attended.
	senseAttend = s("MEETS", "", true, "", "meeting")
)

// verbDefs lists each verb as "base" or "base|past|participle" (irregular)
// with its sense.
var verbDefs = []struct {
	forms string
	sense *sense
}{
	{"speak|spoke|spoken", senseSpeak}, {"talk", senseSpeak}, {"call", senseCall},
	{"phone", senseCall}, {"telephone", senseCall}, {"inform", senseCall}, {"brief", senseCall}, {"notify", senseCall},
	{"meet|met|met", senseMeet}, {"negotiate", senseTalks},
	{"visit", senseVisit}, {"tour", senseVisit}, {"host", senseHost},
	{"travel", senseTravel}, {"fly|flew|flown", senseTravel}, {"arrive", senseArrive},
	{"mediate", senseMediate}, {"broker", senseMediate}, {"shuttle", senseMediate},
	{"agree|agreed|agreed", senseAgree}, {"sign", senseAgree},
	{"exchange", senseSwap}, {"swap|swapped|swapped", senseSwap}, {"trade", senseSwap},
	{"cooperate", senseCooperate}, {"collaborate", senseCooperate},
	{"support", senseSupport}, {"back", senseSupport}, {"endorse", senseSupport},
	{"praise", sensePraise}, {"hail", sensePraise}, {"commend", sensePraise}, {"laud", sensePraise},
	{"welcome", sensePraise},
	{"thank", senseThank}, {"congratulate", senseCongrat},
	{"aid", senseAid}, {"provide", senseAid}, {"deliver", senseAid}, {"ship|shipped|shipped", senseAid}, {"supply|supplied|supplied", senseAid},
	{"demand", senseDemand}, {"urge", senseUrge}, {"pressure", senseUrge}, {"order", senseDemand}, {"ask", senseUrge}, {"request", senseUrge}, {"vote", senseSupport},
	{"propose", sensePropose}, {"offer", senseOffer}, {"expect", senseUrge},
	{"invite", senseInvite},
	{"accuse", senseAccuse}, {"blame", senseAccuse},
	{"condemn", senseCondemn}, {"denounce", senseCondemn}, {"decry", senseCondemn},
	{"summon", senseSummon}, {"protest", senseProtest},
	{"criticize", senseCriticize}, {"criticise", senseCriticize}, {"slam|slammed|slammed", senseCriticize},
	{"rebuke", senseCriticize}, {"lambast", senseCriticize}, {"chide", senseCriticize},
	{"reject", senseReject}, {"dismiss", senseReject}, {"rebuff", senseReject}, {"deny|denied|denied", senseDeny},
	{"threaten", senseThreaten}, {"warn", senseWarn}, {"vow", senseThreaten},
	{"sanction", senseSanction}, {"lift", senseLift}, {"ease", senseLift},
	{"strike|struck|struck", senseAttack}, {"hit|hit|hit", senseAttack}, {"attack", senseAttack},
	{"shell", senseAttack}, {"bomb", senseAttack}, {"target", senseAttack}, {"pound", senseAttack},
	{"raid", senseAttack}, {"destroy", senseAttack}, {"bombard", senseAttack}, {"fire|fired|fired", senseFire},
	{"launch", senseFire}, {"ambush", senseAttack}, {"retaliate", senseRetaliate},
	{"clash", senseClash}, {"invade", senseInvade}, {"capture", senseCapture}, {"seize", senseCapture},
	{"recapture", senseCapture}, {"retake|retook|retaken", senseCapture}, {"annex", senseCapture},
	{"deploy", senseDeploy}, {"send|sent|sent", senseDeploy}, {"dispatch", senseDeploy}, {"withdraw|withdrew|withdrawn", senseWithdraw}, {"retreat", senseWithdraw},
	{"leave|left|left", senseLeave}, {"flee|fled|fled", senseLeave}, {"quit|quit|quit", senseLeave}, {"exit", senseLeave},
	{"pull|pulled|pulled", sensePullOut},
	{"concede", senseConcede},
	{"claim", senseClaim},
	{"describe", senseLabel}, {"label", senseLabel}, {"brand", senseLabel}, {"dub", senseLabel},
	{"term", senseLabel},
	{"attend", senseAttend}, {"boycott", senseAttend}, {"skip|skipped|skipped", senseAttend},
	{"defeat", senseDefeat}, {"beat|beat|beaten", senseDefeat}, {"elect", senseElect},
	{"triumph", senseDefeatOver}, {"prevail", senseDefeatOver},
}

// nounDefs lists trigger nouns (singular|plural) with their sense.
var nounDefs = []struct {
	forms string
	sense *sense
}{
	{"call|calls", senseCall}, {"conversation|conversations", senseSpeak},
	{"meeting|meetings", senseMeet}, {"summit|summits", senseMeet},
	{"talks|talks", senseTalks}, {"negotiation|negotiations", senseTalks}, {"dialogue|dialogues", senseTalks},
	{"visit|visits", senseVisit}, {"trip|trips", senseVisit},
	{"mediation|mediation", senseMediate},
	{"agreement|agreements", senseAgree}, {"deal|deals", senseAgree}, {"accord|accords", senseAgree},
	{"pact|pacts", senseAgree}, {"treaty|treaties", senseAgree}, {"declaration|declarations", senseAgree},
	{"ceasefire|ceasefires", senseAgree}, {"truce|truces", senseAgree},
	{"swap|swaps", senseSwap}, {"exchange|exchanges", senseSwap},
	{"cooperation|cooperation", senseCooperate},
	{"support|support", senseSupport}, {"backing|backing", senseSupport}, {"solidarity|solidarity", senseSolidarity},
	{"aid|aid", senseAidNoun}, {"assistance|assistance", senseAidNoun}, {"equipment|equipment", senseAid},
	{"gratitude|gratitude", senseGratitude}, {"thanks|thanks", senseGratitude}, {"appreciation|appreciation", senseGratitude},
	{"asylum|asylum", senseAsylum}, {"refuge|refuge", senseAsylum}, {"sanctuary|sanctuary", senseAsylum},
	{"letter|letters", senseLetter}, {"message|messages", senseLetter},
	{"tribute|tributes", senseTribute}, {"congratulations|congratulations", senseCongratTo},
	{"demand|demands", senseDemand}, {"condition|conditions", senseConds}, {"ultimatum|ultimatums", senseDemand},
	{"proposal|proposals", sensePropose}, {"offer|offers", senseOffer}, {"invitation|invitations", senseInvite},
	{"accusation|accusations", senseAccuse}, {"protest|protests", senseProtest},
	{"condemnation|condemnations", senseCondemn}, {"criticism|criticisms", senseCriticize},
	{"rejection|rejections", senseReject}, {"denial|denials", senseDeny},
	{"threat|threats", senseThreaten}, {"warning|warnings", senseWarn},
	{"sanction|sanctions", senseSanction}, {"tariff|tariffs", senseSanction}, {"embargo|embargoes", senseSanction},
	{"ban|bans", senseSanction},
	{"attack|attacks", senseAttack}, {"strike|strikes", senseAttack}, {"airstrike|airstrikes", senseAttack},
	{"shelling|shelling", senseAttack}, {"bombing|bombings", senseAttack}, {"bombardment|bombardments", senseAttack},
	{"offensive|offensives", senseAttack}, {"insurgency|insurgencies", senseAttack}, {"assault|assaults", senseAttack}, {"raid|raids", senseAttack},
	{"incursion|incursions", senseAttack}, {"ambush|ambushes", senseAttack}, {"aggression|aggressions", senseAttack},
	{"clash|clashes", senseClash}, {"fighting|fighting", senseClash}, {"gunbattle|gunbattles", senseClash},
	{"killing|killings", senseKilling}, {"assassination|assassinations", senseKilling}, {"war|wars", senseWar}, {"invasion|invasions", senseInvade}, {"capture|capture", senseCapture},
	{"drill|drills", senseDrills}, {"exercise|exercises", senseDrills}, {"maneuvers|maneuvers", senseDrills},
	{"manoeuvres|manoeuvres", senseDrills},
	{"deployment|deployments", senseDeploy}, {"withdrawal|withdrawals", senseWithdraw},
	{"claim|claims", senseClaim},
	{"arrest|arrests", senseArrest}, {"detention|detentions", senseDetain}, {"expulsion|expulsions", senseExpel},
	{"deportation|deportations", senseDeport}, {"investigation|investigations", senseInvestigate},
	{"probe|probes", senseInvestigate}, {"inquiry|inquiries", senseInvestigate}, {"warrant|warrants", senseWarrant},
	{"demonstration|demonstrations", senseDemo}, {"rally|rallies", senseDemo}, {"boycott|boycotts", senseDemo},
}

var (
	verbLex = map[string]verbEntry{}
	// handVerb marks the lemmas of verbDefs: a dictionary pattern may refine
	// their sense but never silence them.
	handVerb = map[string]bool{}
	nounLex  = map[string]nounEntry{}
	// sameParticiple marks verbs whose participle is their base form
	// ("hit", "cut"): "were hit" is passive though the word reads as base.
	sameParticiple = map[string]bool{}
	// lexWords marks every form in either lexicon, so most tokens skip the
	// lexicon lookups.
	lexWords = set()
)

func init() {
	// A call is by phone; meetings, visits and hostings happen in person.
	senseCall.mode = "phone"
	senseMeet.mode, senseVisit.mode, senseHost.mode = "in-person", "in-person", "in-person"
	for _, d := range verbDefs {
		parts := strings.Split(d.forms, "|")
		base := parts[0]
		handVerb[base] = true
		past, part := regularPast(base), regularPast(base)
		if len(parts) == 3 {
			past, part = parts[1], parts[2]
		}
		add := func(w string, f verbForm) {
			if _, dup := verbLex[w]; !dup {
				verbLex[w] = verbEntry{lemma: base, form: f, sense: d.sense}
			}
		}
		add(base, formBase)
		add(thirdPerson(base), formS)
		add(past, formPast)
		add(part, formPart)
		if part == base {
			sameParticiple[base] = true
		}
		add(ingForm(base), formIng)
	}
	for _, d := range nounDefs {
		sing, plural, _ := strings.Cut(d.forms, "|")
		nounLex[sing] = nounEntry{sense: d.sense, plural: sing == plural}
		nounLex[plural] = nounEntry{sense: d.sense, plural: true}
	}
	loadCameo()
	for _, lex := range []func(func(string)){
		func(f func(string)) {
			for w := range verbLex {
				f(w)
			}
		},
		func(f func(string)) {
			for w := range nounLex {
				f(w)
			}
		},
	} {
		lex(func(w string) {
			lexWords.add(w)
		})
	}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func regularPast(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case strings.HasSuffix(b, "y") && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ied"
	case doublesFinal(b):
		return b + b[len(b)-1:] + "ed"
	}
	return b + "ed"
}

func thirdPerson(b string) string {
	switch {
	case strings.HasSuffix(b, "y") && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	case strings.HasSuffix(b, "s"), strings.HasSuffix(b, "sh"), strings.HasSuffix(b, "ch"), strings.HasSuffix(b, "x"):
		return b + "es"
	}
	return b + "s"
}

func ingForm(b string) string {
	switch {
	case strings.HasSuffix(b, "ee"):
		return b + "ing"
	case strings.HasSuffix(b, "e"):
		return b[:len(b)-1] + "ing"
	case doublesFinal(b):
		return b + b[len(b)-1:] + "ing"
	}
	return b + "ing"
}

// doublesFinal reports the short verbs whose final consonant doubles
// ("hit" -> "hitting", "ban" -> "banned").
func doublesFinal(b string) bool {
	n := len(b)
	if n < 3 || n > 4 {
		return false
	}
	c := b[n-1]
	return !isVowel(c) && c != 'w' && c != 'x' && c != 'y' && isVowel(b[n-2]) && !isVowel(b[n-3]) &&
		(n == 3 || !isVowel(b[n-4]))
}

// Modifier words that refine an event's label and mode: "drone attack",
// "phone call", "prisoner swap".
var modeWords = map[string]string{
	"drone": "drone", "drones": "drone", "missile": "missile", "missiles": "missile",
	"rocket": "missile", "rockets": "missile", "ballistic": "missile", "cruise": "missile",
	"air": "air", "aerial": "air", "airstrike": "air", "airstrikes": "air", "artillery": "artillery",
	"shelling": "artillery", "naval": "naval", "ground": "ground", "cyber": "cyber",
	"phone": "phone", "telephone": "phone", "video": "video", "face-to-face": "in-person",
	"in-person": "in-person",
}

// labelModifiers say what kind of event a noun is and belong to its label
// ("peace talks", "joint drills"); degreeModifiers only say how big, how new
// or how complete it is and stay out of the label ("a fresh attack").
var (
	labelModifiers = set("peace", "prisoner", "prisoners", "pow", "trade", "military", "joint", "live-fire",
		"ceasefire", "security", "border", "nuclear", "terrorist", "terror", "retaliatory", "suicide", "direct",
		"indirect", "bilateral", "trilateral", "multilateral", "diplomatic", "economic", "humanitarian", "naval", "amphibious")
	degreeModifiers = set("large-scale", "massive", "major", "deadly", "fresh", "new", "renewed", "first",
		"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "final", "further", "full", "unconditional", "comprehensive", "immediate", "permanent",
		"temporary", "partial", "limited", "complete")
)
