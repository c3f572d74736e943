package graph

import "sort"

// RelType is a relationship type from the closed vocabulary. Neo4j cannot
// parameterise relationship types, so only values present in Vocabulary may
// ever reach a query.
type RelType string

// Class is a PLOVER event class (CONSULT, ASSAULT, ...) or STRUCTURAL.
type Class string

// Structural is the class of relations that describe standing facts (who
// leads what, what lies where) rather than events.
const Structural Class = "STRUCTURAL"

// Vocabulary maps every allowed relation type to its class.
var Vocabulary = map[RelType]Class{
	"CALLS": "CONSULT", "MEETS": "CONSULT", "NEGOTIATES_WITH": "CONSULT",
	"VISITED": "CONSULT", "HOSTED": "CONSULT", "MEDIATED": "CONSULT",

	"AGREED_WITH": "AGREE", "EXCHANGED_PRISONERS_WITH": "AGREE",
	"COOPERATES_WITH": "COOPERATE",

	"SUPPORTS": "SUPPORT", "PRAISED": "SUPPORT", "THANKED": "SUPPORT",
	"CONGRATULATED": "SUPPORT", "PROVIDED_AID_TO": "AID",

	"DEMANDED": "REQUEST", "PROPOSED": "REQUEST", "INVITED": "REQUEST",

	"ACCUSED": "ACCUSE", "CONDEMNED": "ACCUSE", "CRITICIZED": "ACCUSE",
	"INVESTIGATED": "ACCUSE",

	"PROTESTED_AGAINST": "PROTEST",

	"ARRESTED": "COERCE", "DETAINED": "COERCE", "EXPELLED": "COERCE",
	"DEPORTED": "COERCE", "SEIZED": "COERCE", "BANNED": "COERCE",

	"REJECTED": "REJECT", "DENIED": "REJECT",

	"THREATENED": "THREATEN", "WARNED": "THREATEN",

	"SANCTIONED": "SANCTION", "SUPPORTS_SANCTIONS_ON": "SANCTION",
	"LIFTED_SANCTIONS_ON": "SANCTION",

	"STRUCK": "ASSAULT", "ATTACKED": "ASSAULT", "INVADED": "ASSAULT", "CAPTURED": "ASSAULT",

	"HELD_DRILLS_AROUND": "MOBILIZE", "DEPLOYED_TO": "MOBILIZE",

	"CONCEDED_TO": "CONCEDE", "WITHDREW_FROM": "RETREAT",

	"ANNOUNCED": "STATEMENT", "CLAIMED": "STATEMENT",

	"DEFEATED": "ELECTION", "ELECTED_LEADER_OF": "ELECTION",

	"LEADER_OF": Structural, "OFFICIAL_OF": Structural, "SPOKESPERSON_FOR": Structural,
	"MEMBER_OF": Structural, "PART_OF": Structural, "LOCATED_IN": Structural,
	"CAPITAL_OF": Structural,
}

// EventClasses are the event types an Event may carry.
var EventClasses = []Class{
	"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT",
	"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE",
	"RETREAT", "STATEMENT", "ELECTION",
}

// ClassOf returns the class of t and whether t is in the vocabulary.
func ClassOf(t RelType) (Class, bool) {
	c, ok := Vocabulary[t]
	return c, ok
}

// IsStructural reports whether t describes a standing fact with no event.
func (t RelType) IsStructural() bool { return Vocabulary[t] == Structural }

// Valid reports whether t is in the closed vocabulary.
func (t RelType) Valid() bool {
	_, ok := Vocabulary[t]
	return ok
}

// RelTypes lists the vocabulary sorted, for schema creation and docs.
func RelTypes() []RelType {
	out := make([]RelType, 0, len(Vocabulary))
	for t := range Vocabulary {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// TypesOfClass lists the relation types in class c, sorted.
func TypesOfClass(c Class) []RelType {
	var out []RelType
	for _, t := range RelTypes() {
		if Vocabulary[t] == c {
			out = append(out, t)
		}
	}
	return out
}
