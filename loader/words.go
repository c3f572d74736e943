package loader

import "github.com/geokg/geokg/graph"

// Closed word classes the patterns rely on. They are English function words
// and news vocabulary, not names: names come from the gazetteer.

// wordSet is a closed class of lower-case words. Each set owns one bit of
// the class mask the tokenizer stores on every token, so asking whether a
// token is in a set costs no map lookup.
type wordSet struct {
	bit   classMask // exactly one bit set
	words map[string]bool
}

// classMask holds one bit per word set: 128 sets before the mask must grow
// again (maxWordSets), with set() saying so at start-up.
type classMask [2]uint64

const maxWordSets = 128

func (m classMask) has(b classMask) bool { return m[0]&b[0] != 0 || m[1]&b[1] != 0 }
func (m classMask) empty() bool          { return m[0] == 0 && m[1] == 0 }
func (m *classMask) add(b classMask)     { m[0] |= b[0]; m[1] |= b[1] }

// classOf maps a word to the bits of the sets it belongs to.
var classOf = map[string]classMask{}

var wordSets int

func set(words ...string) wordSet {
	if wordSets == maxWordSets {
		panic("loader: more than 128 word sets: widen classMask")
	}
	var bit classMask
	bit[wordSets/64] = 1 << (wordSets % 64)
	wordSets++
	ws := wordSet{bit: bit, words: make(map[string]bool, len(words))}
	for _, w := range words {
		ws.add(w)
	}
	return ws
}

// add puts w (lower case) into the set after it was made.
func (ws wordSet) add(w string) {
	ws.words[w] = true
	m := classOf[w]
	m.add(ws.bit)
	classOf[w] = m
}

// has reports whether w (lower case) is in the set.
func (ws wordSet) has(w string) bool { return ws.words[w] }

// in reports whether the token's word is in the set.
func (t *token) in(ws wordSet) bool { return t.cls.has(ws.bit) }

var (
	determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
		"our", "some", "any", "another", "other", "each", "both", "all", "several", "many", "two", "three")
	auxiliaries = set("will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have",
		"had", "is", "are", "was", "were", "be", "been", "being", "did", "does", "do", "not", "n't", "never",
		"'ll", "also", "to", "got", "gets", "get")
	beForms = set("is", "are", "was", "were", "be", "been", "being", "got", "gets", "get", "'s", "’s")
	adverbs = set("also", "either", "reportedly", "allegedly", "then", "now", "later", "previously", "already",
		"repeatedly", "strongly", "jointly", "publicly", "officially", "again", "still", "recently", "just",
		"further", "formally", "finally", "initially", "openly", "directly", "personally", "sharply", "swiftly",
		"quickly", "immediately", "separately", "firmly", "once", "twice", "yet", "apparently", "briefly",
		"subsequently", "effectively", "fiercely", "heavily", "vehemently", "categorically", "explicitly",
		"indirectly", "long", "even", "only", "first", "earlier", "soon", "likely", "reluctantly", "quietly",
		"privately", "narrowly", "overnight", "successfully", "unexpectedly", "meanwhile", "however", "instead",
		"nevertheless", "nonetheless")
	// controlVerbs take an infinitive without making it a plan: "began to
	// withdraw", "tried to reach".
	controlVerbs = set("began", "begins", "begin", "started", "starts", "continued", "continues", "tried",
		"tries", "moved", "moves", "appears", "seems", "appeared", "seemed", "needs", "needed", "helped",
		"managed", "attempted", "sought", "decided", "chose", "went", "help", "helps")
	// planWords before "to" make the following verb planned: "intends to travel".
	planWords = set("plans", "plan", "planned", "planning", "intends", "intend", "intended", "aims", "aim",
		"aimed", "wants", "want", "wanted", "hopes", "hope", "hoped", "seeks", "seek", "sought", "expected",
		"set", "due", "scheduled", "ready", "poised", "going", "decided", "decides", "vowed", "vows", "pledged",
		"pledges", "promised", "promises", "agreed", "agree", "agrees", "prepared", "preparing", "prepares",
		"prepare", "expects", "is", "are", "was", "were", "offered", "offers", "proposed", "proposes",
		"threatened", "threatens", "will", "would")
	// intentNouns before "to" make the infinitive a plan: "a proposal to resume talks".
	intentNouns = set("proposal", "proposals", "offer", "offers", "plan", "plans", "call", "calls", "demand",
		"demands", "invitation", "agreement", "deal", "bid", "effort", "efforts", "attempt", "pledge",
		"promise", "decision", "readiness", "willingness", "intention", "request", "order", "orders")
	// claimForms are the forms of "claim" that attribute a statement.
	claimForms   = set("claim", "claims", "claimed", "claiming")
	negators     = set("not", "n't", "never", "no", "neither", "nor", "refused", "refuses", "refuse", "declined", "declines", "denied")
	failWords    = set("failed", "fails", "fail", "collapsed", "stalled", "broke", "aborted", "faltered", "unsuccessful", "fruitless", "inconclusive")
	hypothetical = set("may", "might", "could", "possible", "possibly", "potential", "potentially", "perhaps", "maybe", "if", "whether", "unless", "hypothetical", "would")
	hedges       = set("reportedly", "allegedly", "purportedly", "apparently", "suspected", "alleged", "unconfirmed")
	// reportVerbs attribute the clause they introduce to their subject.
	reportVerbs = set("said", "says", "say", "saying", "claimed", "claims", "claim", "claiming", "stated", "states",
		"told", "tells", "added", "adds", "insisted", "insists", "alleged", "alleges", "announced", "announces",
		"asserted", "asserts", "noted", "notes", "posted", "posts", "wrote", "writes", "reported", "reports",
		"confirmed", "confirms", "declared", "declares", "maintained", "maintains", "argued", "argues",
		"stressed", "stresses", "underlined", "underlines", "emphasized", "emphasised", "warned", "suggested",
		"acknowledged", "admitted", "tweeted", "explained", "believes", "believed", "thinks", "described",
		"contended", "contends", "accused", "noting", "adding", "stating", "announcing", "vowed", "vows", "vowing",
		"warning")
	// Clause openers stop the search for a subject or object.
	clauseWords = set("that", "which", "who", "whom", "whose", "where", "when", "while", "whilst", "although",
		"though", "because", "if", "unless", "after", "before", "since", "until", "despite", "amid", "as",
		"but", "whereas", "so", "yet", "whether", "following", "ahead", "once")
	// locatives introduce a place rather than an actor.
	locatives = set("in", "at", "near", "into", "from", "to", "outside", "inside", "around", "across", "over",
		"toward", "towards", "through", "throughout", "within", "off", "along", "via", "of", "on", "between",
		"beyond", "nearby", "under", "above", "below", "past", "north", "south", "east", "west", "for")
	prepositions = set("in", "at", "near", "into", "from", "to", "outside", "inside", "around", "across", "over",
		"toward", "towards", "through", "throughout", "within", "off", "along", "via", "of", "on", "between",
		"with", "by", "for", "against", "about", "among", "amid", "during", "without", "under", "after",
		"before", "since", "including", "like", "than", "upon", "despite", "per", "following")
	pronounWords = set("he", "him", "his", "she", "her", "they", "them", "their", "its", "himself", "herself", "themselves")
	// commonVerbs are frequent English verb forms outside the lexicon (a
	// general list, not harvested from articles); they end clauses when
	// searching for an object. Bases that are common nouns ("face", "use",
	// "show") are left out.
	commonVerbs = set(
		"said", "says", "say", "told", "tell", "tells", "added", "adds", "made", "make", "makes", "took",
		"take", "takes", "taken", "gave", "give", "gives", "given", "came", "comes", "come", "went", "goes",
		"go", "gone", "knew", "knows", "known", "saw", "seen", "sees", "remain", "remains", "remained",
		"become", "became", "becomes", "kept", "keeps", "left", "leaves", "brought", "brings", "bring",
		"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
		"should", "must", "did", "does", "do", "been", "be", "being",
		"refused", "refuses", "declined", "declines", "sought", "seeks", "tried", "tries",
		"follows", "followed", "marks", "marked", "signals", "signalled", "signaled", "underscores",
		"underscored", "highlights", "highlighted", "reflects", "reflected", "shows", "showed", "shown",
		"means", "meant", "includes", "included", "involve", "involves", "involved", "occurred", "occurs",
		"happened", "happens", "coincide", "coincided", "coincides", "raised", "raises", "faced", "faces",
		"exposed", "exposes", "expose", "ensure", "ensured", "ensures", "secure", "secured", "secures",
		"halt", "halted", "halts", "end", "ended", "ends", "stopped", "stops", "caused", "causes",
		"allowed", "allows", "prevented", "prevents", "used", "uses", "needed", "needs", "helped", "helps",
		"killed", "killing", "injured", "injuring", "wounded", "wounding", "died", "dies",
		"described", "describing", "expressed", "expressing", "voiced", "voicing", "stated", "declared",
		"confirmed", "continued", "continues", "continue", "tested", "test", "maintains", "maintained",
		"labeled", "labelled", "called", "calling", "named", "naming", "conducted", "conducts", "conduct",
		"held", "hold", "holds", "holding", "reached", "concluded", "concludes", "focused", "focuses",
		"houses", "housed", "stressed", "underlined", "appears", "appeared", "seems", "seemed", "looked",
		"looks", "rose", "risen", "fell", "fallen", "increased", "reduced", "remains", "lies", "lay")
	// lightVerbs take an event noun as object and make their subject its
	// agent: "held talks with", "gave backing to", "carried out raids on".
	lightVerbs = set("wage", "wages", "waged", "waging", "hold", "holds", "held", "holding", "have", "has", "had", "having", "conduct", "conducts",
		"conducted", "conducting", "launch", "launches", "launched", "launching", "carry", "carried",
		"carries", "stage", "staged", "stages", "staging", "mount", "mounted", "mounts", "voice", "voiced",
		"voices", "voicing", "express", "expressed", "expresses", "expressing", "impose", "imposed", "imposes",
		"imposing", "reach", "reached", "reaches", "reaching", "sign", "signed", "signs", "signing", "make",
		"made", "makes", "making", "give", "gave", "gives", "giving", "announce", "announced", "announces",
		"announcing", "begin", "began", "begins", "start", "started", "starts", "resume", "resumed", "resumes",
		"join", "joined", "joins", "continue", "continued", "continues",
		"continuing", "extend", "extended", "extends", "pledge", "pledged", "pledges", "offer", "offered",
		"offers", "issue", "issued", "issues", "prepare", "prepared", "prepares", "preparing", "present",
		"presented", "presents", "unveil", "unveiled", "unveils", "renew", "renewed", "renews", "seek",
		"sought", "seeks", "lodge", "lodged", "level", "levelled", "leveled", "push", "pushed", "pushes",
		"intensify", "intensified", "intensifies", "step", "stepped", "steps", "conclude", "concluded",
		"concludes", "concluding", "accept", "accepted", "accepts", "agree", "agreed", "agrees", "agreeing",
		"host", "hosted", "hosts", "chair", "chairs", "chaired", "raise", "raised", "raises", "raising", "reimpose", "reimposed", "reimposes", "slap",
		"slapped", "slaps", "tighten", "tightened", "tightens", "expand", "expanded", "expands", "adopt",
		"adopted", "adopts", "approve", "approved", "approves", "introduce", "introduced", "introduces",
		"send", "sent", "sends", "sending", "deliver", "delivered", "delivers", "file", "filed", "files",
		"grant", "granted", "grants", "granting", "pay", "paid", "pays", "paying", "convey", "conveyed", "conveys",
		"write", "wrote", "writes", "supply", "supplied", "supplies", "provide", "provided", "provides",
		"providing", "donate", "donated", "donates", "ship", "shipped", "ships", "allocate", "allocated",
		"allocates", "earmark", "earmarked", "earmarks", "order", "ordered", "orders", "ordering", "authorize",
		"authorized", "authorizes", "authorise", "authorised", "authorises",
		"hand", "handed", "hands", "pass", "passed")
	// amountWords make up a sum or quantity before what it measures: "up to
	// $2 million in", "500 million euros of", "2,000 tonnes of".
	amountWords = set("$", "€", "£", "¥", "us", "usd", "eur", "million", "millions", "billion", "billions",
		"trillion", "thousand", "thousands", "hundreds", "dollars", "dollar", "euros", "euro", "pounds",
		"yuan", "yen", "rupees", "francs", "rubles", "roubles", "tonnes", "tons", "worth", "up", "to",
		"more", "than", "about", "around", "nearly", "almost", "some", "over", "additional", "an", "a",
		"another", "extra", "new", "fresh", "further")
	// orderVerbs are the light verbs of command: "ordered the strikes".
	orderVerbs = set("order", "ordered", "orders", "ordering", "authorize", "authorized", "authorizes", "authorise",
		"authorised", "authorises")
	// placeParts name a part of the place after "of": "the streets of
	// Suva", "the outskirts of Kyiv".
	placeParts = set("streets", "outskirts", "centre", "center", "heart", "suburbs", "parts", "areas", "districts",
		"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "border", "coast")
	// npLinks join a head to a trigger noun inside one noun phrase: "a new
	// round of consultations", "a wave of raids".
	npLinks = set("round", "series", "wave", "number", "set", "package", "barrage", "string", "spate",
		"volley", "flurry", "salvo", "host", "raft", "new", "fresh", "further", "more", "of", "renewed",
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "next",
		"final", "another", "latest", "large-scale", "major", "possible", "potential")
)

// Body nouns after a demonym or country name make a government body, a
// military or a collective: "Russian forces", "Ukrainian officials".
var (
	militaryNouns = set("forces", "troops", "military", "army", "armed", "soldiers", "navy", "units",
		"marines", "drones", "missiles", "warships", "warplanes", "jets", "bombers", "artillery", "fighters",
		"aircraft", "militaries", "servicemen", "paratroopers", "gunboats", "submarines")
	governmentNouns = set("officials", "authorities", "government", "administration",
		"diplomats", "leaders", "lawmakers", "parliament", "cabinet", "presidency", "embassy", "negotiators",
		"delegation", "delegations", "envoys", "ministers", "regime", "side", "mediators", "junta")
	collectiveNouns = set("leaders", "officials", "allies", "nations", "countries", "governments", "powers",
		"partners", "states", "diplomats", "ministers")
	// memberNouns stand for the body they belong to: "ministers from ASEAN",
	// "envoys of Serbia and Kosovo".
	memberNouns = set("leaders", "officials", "representatives", "delegations", "delegation", "members",
		"envoys", "diplomats", "negotiators", "ministers", "delegates", "agents", "operatives")
	// portfolios name ministries ("Defence Ministry", "Ministry of Foreign Affairs").
	portfolios = map[string]string{
		"defence": "Defence", "defense": "Defence", "foreign": "Foreign Affairs", "interior": "Interior",
		"finance": "Finance", "justice": "Justice", "health": "Health", "energy": "Energy", "economy": "Economy",
		"trade": "Trade", "home": "Interior", "intelligence": "Intelligence", "emergency": "Emergency Situations",
		"emergencies": "Emergency Situations", "information": "Information", "agriculture": "Agriculture",
		"education": "Education", "culture": "Culture", "transport": "Transport", "economic": "Economy",
		"external": "External Affairs",
	}
	regionWords = set("region", "oblast", "province", "governorate", "prefecture", "district", "county", "state", "territory")
	placeNouns  = map[string]graph.Kind{"town": graph.City, "city": graph.City, "village": graph.City,
		"settlement": graph.City, "region": graph.Region, "province": graph.Region, "oblast": graph.Region,
		"area":   "", // "the area": the last place of any kind
		"island": graph.Location, "islands": graph.Location, "shoal": graph.Location, "reef": graph.Location,
		"atoll": graph.Location, "strait": graph.Location, "peninsula": graph.Location, "enclave": graph.Region,
		"country": graph.Country, "nation": graph.Country}
	// siteNouns after an unknown name make it a place: "the Abu Shouk camp".
	siteNouns       = set("camp", "camps", "base", "airbase", "airport", "airfield", "port", "refinery", "crossing", "checkpoint", "neighbourhood", "neighborhood")
	settlementNouns = set("village", "town", "city", "settlement", "hamlet", "port", "district", "suburb")
	// regionNouns follow the name of a region: "the Reasi district".
	regionNouns = set("district", "province", "region", "county", "governorate", "oblast", "prefecture", "municipality")
	sideNouns   = set("sides", "countries", "nations", "delegations", "parties", "neighbours", "neighbors", "governments", "leaders", "presidents", "men", "women", "ministers")
)

// Titles before or after a name. headTitles can stand alone as a role;
// titleModifiers only refine one; ranks are military grades.
var (
	headTitles = set("president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "boss", "counterpart", "administrator",
		"leader", "secretary", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor",
		"envoy", "ambassador", "commander", "chief", "head", "mayor", "governor", "senator", "chairman",
		"chairwoman", "chair", "director", "negotiator", "prince", "monarch", "representative", "diplomat",
		"official", "general", "admiral", "marshal", "speaker", "ayatollah", "lawmaker", "legislator", "congressman",
		"congresswoman", "mp", "member", "expert", "rapporteur", "investigator", "inspector")
	titleModifiers = set("political", "spiritual", "jailed", "imprisoned", "exiled", "slain", "founding", "regional", "provincial", "district", "parliamentary", "new", "incoming", "longtime", "long-serving", "veteran", "embattled", "prime", "vice", "deputy", "foreign", "external", "defence", "defense", "interior", "finance",
		"home", "state", "presidential", "national", "security", "special", "supreme", "acting", "interim",
		"former", "military", "press", "top", "senior", "chief", "first", "crown", "army", "navy", "armed",
		"forces", "general", "attorney", "intelligence", "economy", "trade", "justice", "health", "energy",
		"kremlin", "white", "house", "staff", "of", "affairs", "the", "lieutenant", "lt", "gen", "col",
		"maj", "brig", "adm", "colonel", "major", "brigadier", "foreign-policy", "assistant", "executive",
		"secretary-general", "late", "ex", "outgoing", "incoming", "newly", "elected", "president-elect", "ousted",
		"deposed", "toppled")
	ranks        = set("lieutenant", "lt", "gen", "general", "col", "colonel", "maj", "major", "brig", "brigadier", "adm", "admiral", "capt", "captain", "sgt", "sergeant", "marshal", "field")
	leaderTitles = set("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "supreme leader", "leader", "boss", "monarch", "head of state", "ayatollah",
		"chairman", "chairwoman", "chairperson", "chair", "secretary general", "secretary-general", "director general",
		"director-general")
	spokesTitles  = set("spokesman", "spokeswoman", "spokesperson", "press secretary", "spokespeople")
	formerTitles  = set("former", "late", "ex", "outgoing")
	nameParticles = set("bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "den", "la", "le", "di", "du", "dos", "das", "del", "abu", "ben")
	// Capitalised words that are not names at the start of a capitalised run.
	notNames = set("the", "a", "an", "in", "on", "at", "but", "and", "or", "while", "with", "as", "after",
		"before", "for", "from", "to", "by", "of", "it", "its", "he", "she", "they", "we", "i", "his", "her",
		"their", "this", "that", "these", "those", "there", "here", "when", "where", "what", "who", "why",
		"how", "if", "meanwhile", "however", "also", "both", "some", "many", "most", "all", "no", "not",
		"officials", "one", "two", "three", "our", "my", "your",
		"during", "since", "despite", "although", "though", "because", "so", "yet", "then", "now", "over",
		"under", "about", "across", "amid", "among", "following", "according", "last", "next", "earlier",
		"later", "today", "yesterday", "tomorrow", "mr", "mrs", "ms", "dr", "sir", "st", "minister",
		"president", "spokesman", "spokeswoman", "spokesperson", "secretary", "general", "state", "state-run",
		"with", "western", "eastern", "northern", "southern", "central", "new", "chief", "head", "senior", "top")
	// furniture words open the lines a web page puts around an article
	// ("Updated 10:42 GMT", "Photo: AFP", "3 min read"); such a line without
	// a sentence's final punctuation states nothing.
	furniture = set("updated", "update", "published", "posted", "last", "min", "mins", "minute", "minutes",
		"read", "reading", "photo", "photos", "picture", "pictures", "image", "images", "file", "credit",
		"video", "videos", "watch", "listen", "live", "breaking", "exclusive", "analysis", "opinion",
		"related", "more", "see", "also", "advertisement", "sponsored", "share", "comments", "subscribe",
		"by", "source", "caption")
	// thingHeads end names of things, never of people: prizes, documents,
	// buildings, routes.
	thingHeads = set("prize", "award", "medal", "cup", "trophy", "agreement", "accord", "accords", "treaty",
		"declaration", "act", "law", "plan", "initiative", "corridor", "bridge", "road", "highway", "pipeline",
		"airport", "port", "square", "palace", "tower", "stadium", "dam", "canal", "line")
	// orgHeads end (or start) the names of organisations, by kind.
	orgHeads = map[string]graph.Kind{
		"agency": graph.Organization, "times": graph.Organization, "news": graph.Organization,
		"post": graph.Organization, "journal": graph.Organization, "press": graph.Organization,
		"media": graph.Organization, "television": graph.Organization,
		"tv": graph.Organization, "radio": graph.Organization, "network": graph.Organization,
		"bank": graph.Organization, "fund": graph.Organization, "union": graph.Organization,
		"organization": graph.Organization, "organisation": graph.Organization, "association": graph.Organization,
		"institute": graph.Organization, "university": graph.Organization, "company": graph.Organization,
		"corporation": graph.Organization, "group": graph.Organization, "foundation": graph.Organization,
		"alliance": graph.Organization, "forum": graph.Organization, "inc": graph.Organization,
		"ministry": graph.GovernmentBody, "committee": graph.GovernmentBody, "council": graph.GovernmentBody,
		"parliament": graph.GovernmentBody, "assembly": graph.GovernmentBody, "court": graph.GovernmentBody,
		"commission": graph.GovernmentBody, "office": graph.GovernmentBody, "department": graph.GovernmentBody,
		"service": graph.GovernmentBody, "senate": graph.GovernmentBody, "congress": graph.GovernmentBody,
		"cabinet": graph.GovernmentBody, "authority": graph.GovernmentBody, "directorate": graph.GovernmentBody,
		"bureau": graph.GovernmentBody, "presidency": graph.GovernmentBody, "duma": graph.GovernmentBody,
		"army": graph.Military, "forces": graph.Military, "command": graph.Military, "guard": graph.Military,
		"navy": graph.Military, "brigade": graph.Military, "brigades": graph.Military, "corps": graph.Military, "battalion": graph.Military,
		"force": graph.Military, "fleet": graph.Military, "regiments": graph.Military, "battalions": graph.Military,
		"regiment": graph.Military, "division": graph.Military, "militia": graph.Military, "staff": graph.Military,
		"front": graph.Group, "movement": graph.Group, "party": graph.Organization, "brotherhood": graph.Group,
		"church": graph.Organization, "diocese": graph.Organization, "federation": graph.Organization,
		"tribunal": graph.GovernmentBody, "commons": graph.GovernmentBody,
	}
	// mediaCues before an unknown name mark it as an organisation: "told
	// Reuters", "via Al Arabiya", "reported AFP".
	mediaCues = set("via", "told", "reported", "quoted", "according", "broadcaster", "outlet", "agency", "newspaper", "daily", "state-run", "state-owned", "state", "news")
)
