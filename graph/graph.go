// Package graph holds geokg's domain types and the Store contract that every
// backend (graph/memory, graph/neo4j) implements. It imports only the
// standard library so the loader, the stores and the API can all depend on it.
package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sentinel errors; stores translate their own failures into these at the
// boundary and wrap them with %w so callers can use errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid")
	// ErrUnavailable: the store could not be reached (refused, reset, timed
	// out), as opposed to refusing the work; trying again later may succeed.
	ErrUnavailable = errors.New("store unavailable")
)

// Kind is an entity kind from the ontology.
type Kind string

const (
	Person         Kind = "PERSON"
	Country        Kind = "COUNTRY"
	GovernmentBody Kind = "GOVERNMENT_BODY"
	Military       Kind = "MILITARY"
	Organization   Kind = "ORGANIZATION"
	Group          Kind = "GROUP"
	City           Kind = "CITY"
	Region         Kind = "REGION"
	Location       Kind = "LOCATION"
)

// Kinds lists every entity kind in a stable order.
var Kinds = []Kind{Person, Country, GovernmentBody, Military, Organization, Group, City, Region, Location}

// Valid reports whether k is one of the ontology's kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Mention is one occurrence of an entity in an article body.
type Mention struct {
	Article string `json:"article,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Evidence ties a relation or event to the sentence that states it. Start and
// End are UTF-8 byte offsets into the article body; Text is that exact slice.
type Evidence struct {
	Article string `json:"article,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Entity is an actor or a place. IDs come from content (person:donald-trump,
// country:RU), so the same actor named in two articles is one node.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Kind     Kind      `json:"kind"`
	Aliases  []string  `json:"aliases"`
	Country  string    `json:"country,omitempty"` // ISO code for places and bodies, when known
	Lat      *float64  `json:"lat,omitempty"`
	Lon      *float64  `json:"lon,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// TakeLocation copies what a later statement of the entity knows of where
// it is (country, coordinates) over what e has, keeping e's where the
// later one is silent. Both stores apply it when an article restates an
// entity.
func (e *Entity) TakeLocation(o Entity) {
	if o.Country != "" {
		e.Country = o.Country
	}
	if o.Lat != nil {
		e.Lat = o.Lat
	}
	if o.Lon != nil {
		e.Lon = o.Lon
	}
}

// Status of a non-structural relation or event.
const (
	StatusOccurred = "occurred"
	StatusPlanned  = "planned"
	StatusClaimed  = "claimed"
	StatusReported = "reported"
	StatusDenied   = "denied"
	StatusFailed   = "failed"
)

// Statuses lists the valid statuses.
var Statuses = []string{StatusOccurred, StatusPlanned, StatusClaimed, StatusReported, StatusDenied, StatusFailed}

// Relation is a typed, directed edge between two entities. Relations belong to
// the article that states them: the ID is derived from the article and the
// fact, so re-applying an article rewrites the same relations.
type Relation struct {
	ID         string     `json:"id"`
	Type       RelType    `json:"type"`
	Class      Class      `json:"class"`
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Title      string     `json:"title,omitempty"` // LEADER_OF / OFFICIAL_OF role, e.g. "President"
	Date       string     `json:"date,omitempty"`  // ISO 8601 day
	DateText   string     `json:"dateText,omitempty"`
	Status     string     `json:"status,omitempty"`
	ClaimedBy  string     `json:"claimedBy,omitempty"` // entity id
	Confidence float64    `json:"confidence"`
	Event      string     `json:"event,omitempty"` // event id
	Article    string     `json:"article"`
	Evidence   []Evidence `json:"evidence"`

	// Set on the facts stores return (see FuseRelations), never in a batch:
	// for a fact, Article is its first report's and Evidence every
	// witness's.
	Sources       int               `json:"sources,omitempty"` // distinct articles
	FirstReported string            `json:"firstReported,omitempty"`
	LastReported  string            `json:"lastReported,omitempty"`
	Contested     bool              `json:"contested,omitempty"`
	Disagreements []Disagreement    `json:"disagreements,omitempty"`
	Witnesses     []RelationWitness `json:"witnesses,omitempty"`
}

// Participant roles in an event.
const (
	RoleSource   = "SOURCE"
	RoleTarget   = "TARGET"
	RoleMediator = "MEDIATOR"
)

// Participant links an event to an entity with a role.
type Participant struct {
	Entity string `json:"entity"`
	Role   string `json:"role"`
}

// Event is an n-ary happening (a drone attack, peace talks) that relations
// project onto pairs of entities.
type Event struct {
	ID           string        `json:"id"`
	Type         Class         `json:"type"`
	Label        string        `json:"label"`
	Mode         string        `json:"mode,omitempty"`
	Date         string        `json:"date,omitempty"`
	DateText     string        `json:"dateText,omitempty"`
	Status       string        `json:"status,omitempty"`
	Place        string        `json:"place,omitempty"` // entity id
	Killed       *int          `json:"killed,omitempty"`
	Injured      *int          `json:"injured,omitempty"`
	Participants []Participant `json:"participants"`
	Article      string        `json:"article"`
	Evidence     []Evidence    `json:"evidence"`

	// Set on the fused events stores return (see FuseEvents), never in a batch.
	Sources       int            `json:"sources,omitempty"`
	FirstReported string         `json:"firstReported,omitempty"`
	LastReported  string         `json:"lastReported,omitempty"`
	Contested     bool           `json:"contested,omitempty"`
	Disagreements []Disagreement `json:"disagreements,omitempty"`
	Witnesses     []EventWitness `json:"witnesses,omitempty"`
}

// Article is a loaded news article; its ID comes from the hash of its body.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // ISO day
	SHA256    string `json:"sha256"`
	Text      string `json:"text"`
}

// Batch is everything one article contributes. Store.Apply writes it
// atomically: all of it or none of it.
type Batch struct {
	Article   Article
	Entities  []Entity
	Relations []Relation
	Events    []Event
}

// Validate checks the invariants every store relies on, so both stores reject
// the same bad batches with the same error.
func (b Batch) Validate() error {
	if b.Article.ID == "" {
		return fmt.Errorf("%w: batch has no article id", ErrInvalid)
	}
	ids := make(map[string]bool, len(b.Entities))
	for _, e := range b.Entities {
		if e.ID == "" || e.Name == "" {
			return fmt.Errorf("%w: entity %q has no id or name", ErrInvalid, e.ID)
		}
		if !e.Kind.Valid() {
			return fmt.Errorf("%w: entity %s has unknown kind %q", ErrInvalid, e.ID, e.Kind)
		}
		for _, a := range e.Aliases {
			if strings.TrimSpace(a) == "" {
				// A blank alias would make entity(name: "") find this entity.
				return fmt.Errorf("%w: entity %s has a blank alias", ErrInvalid, e.ID)
			}
		}
		ids[e.ID] = true
	}
	events := make(map[string]bool, len(b.Events))
	for _, ev := range b.Events {
		if ev.ID == "" {
			return fmt.Errorf("%w: event has no id", ErrInvalid)
		}
		if ev.Place != "" && !ids[ev.Place] {
			return fmt.Errorf("%w: event %s place %s is not in the batch", ErrInvalid, ev.ID, ev.Place)
		}
		for _, p := range ev.Participants {
			if !ids[p.Entity] {
				return fmt.Errorf("%w: event %s participant %s is not in the batch", ErrInvalid, ev.ID, p.Entity)
			}
		}
		events[ev.ID] = true
	}
	for _, r := range b.Relations {
		if r.ID == "" {
			return fmt.Errorf("%w: relation %s-%s->%s has no id", ErrInvalid, r.Source, r.Type, r.Target)
		}
		if _, ok := Vocabulary[r.Type]; !ok {
			return fmt.Errorf("%w: relation type %q is not in the vocabulary", ErrInvalid, r.Type)
		}
		if !ids[r.Source] || !ids[r.Target] {
			return fmt.Errorf("%w: relation %s has an endpoint that is not in the batch", ErrInvalid, r.ID)
		}
		if r.ClaimedBy != "" && !ids[r.ClaimedBy] {
			return fmt.Errorf("%w: relation %s claimedBy %s is not in the batch", ErrInvalid, r.ID, r.ClaimedBy)
		}
		if r.Event != "" && !events[r.Event] {
			return fmt.Errorf("%w: relation %s event %s is not in the batch", ErrInvalid, r.ID, r.Event)
		}
	}
	return nil
}

// Stamped returns a copy of b with b.Article.ID on every mention, evidence,
// relation and event, sharing no slice with b, so a store can keep it and
// the loader can hand it out without aliasing.
func (b Batch) Stamped() Batch {
	id := b.Article.ID
	out := Batch{Article: b.Article}
	for _, e := range b.Entities {
		e.Aliases = slices.Clone(e.Aliases)
		e.Mentions = slices.Clone(e.Mentions)
		for i := range e.Mentions {
			e.Mentions[i].Article = id
		}
		out.Entities = append(out.Entities, e)
	}
	for _, r := range b.Relations {
		r.Article = id
		r.Evidence = stampEvidence(r.Evidence, id)
		out.Relations = append(out.Relations, r)
	}
	for _, ev := range b.Events {
		ev.Article = id
		ev.Evidence = stampEvidence(ev.Evidence, id)
		ev.Participants = slices.Clone(ev.Participants)
		out.Events = append(out.Events, ev)
	}
	return out
}

func stampEvidence(in []Evidence, article string) []Evidence {
	out := slices.Clone(in)
	for i := range out {
		out[i].Article = article
	}
	return out
}
