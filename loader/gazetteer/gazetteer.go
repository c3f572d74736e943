// Package gazetteer is geokg's knowledge of the world's names: countries with
// their demonyms, cities and regions from GeoNames, international
// organisations, government bodies and current office-holders. The data is
// generated from public datasets (see gen/ and NOTICE) and embedded; it is
// parsed once per process.
package gazetteer

// Country is a sovereign state or territory.
type Country struct {
	Code       string   // ISO 3166-1 alpha-2, e.g. "RU"; entity id is "country:RU"
	Name       string   // common English name, e.g. "Russia"
	Aliases    []string // official and alternate names: "Russian Federation"
	Demonyms   []string // adjectives and demonyms: "Russian", "Russians"
	Capital    string   // capital city name, when known
	Lat, Lon   float64
	Population int // approximate: the sum over its GeoNames populated places; for ranking
}

// Place is a city, a region or another named location.
type Place struct {
	ID         string // entity id: "city:<geonames id>", "region:<CC>-<admin1 code>" or "loc:<slug>"
	Name       string // "Bilopillia"
	Aliases    []string
	Kind       string // "CITY", "REGION" or "LOCATION"
	Country    string // ISO code; "" for a location spanning several countries
	Region     string // entity id of the containing region, when known
	Lat, Lon   float64
	Population int // regions: approximate, the sum over their GeoNames populated places
}

// Org is an organisation, government body, military or group the gazetteer
// knows by name.
type Org struct {
	ID      string // e.g. "org:nato", "gov:kremlin"
	Name    string
	Aliases []string
	Kind    string // ORGANIZATION, GOVERNMENT_BODY, MILITARY, GROUP
	Country string // ISO code of the state it belongs to, if any (PART_OF)
}

// Officeholder is a person holding a role, so a bare "Macron" or "Peskov"
// resolves to a full name and a structural relation.
type Officeholder struct {
	ID       string // "person:emmanuel-macron"
	Name     string
	Aliases  []string // surname and variant spellings: "Macron", "Zelensky"
	Relation string   // LEADER_OF, OFFICIAL_OF or SPOKESPERSON_FOR
	Title    string   // "President", "Foreign Minister"
	Of       string   // entity id: "country:FR", "gov:kremlin"
	Since    string   // ISO date the role began; "" when not recorded
	Until    string   // ISO date the role ended; "" while it lasts
}

// Gazetteer is the parsed, immutable data set. It is safe for concurrent use.
type Gazetteer struct {
	Countries     []Country
	Places        []Place
	Orgs          []Org
	Officeholders []Officeholder

	byCode  map[string]int   // ISO code -> index in Countries
	byID    map[string]Ref   // entity id -> its (first) entry
	roles   map[string][]int // person id -> indexes in Officeholders
	matcher *matcher
}

// Table names the slice of the Gazetteer a Ref points into.
type Table uint8

const (
	TableCountry      Table = iota + 1 // Countries
	TablePlace                         // Places (cities and regions)
	TableOrg                           // Orgs
	TableOfficeholder                  // Officeholders
)

func (t Table) String() string {
	switch t {
	case TableCountry:
		return "country"
	case TablePlace:
		return "place"
	case TableOrg:
		return "org"
	case TableOfficeholder:
		return "officeholder"
	}
	return "unknown"
}

// Ref points at one gazetteer entry.
type Ref struct {
	ID      string // entity id, e.g. "country:UA", "city:712559"
	Table   Table
	Index   int  // index into the Table's slice
	Demonym bool // the text was a demonym or adjective ("Ukrainian"), not the name
}

// Match is one occurrence of a known name in a text.
type Match struct {
	Start, End int    // byte offsets into the text
	Text       string // text[Start:End]
	// Candidates are the entries this name may denote, most likely first:
	// countries, then organisations and office-holders, then regions, then
	// cities by population. The slice is shared: do not modify it.
	Candidates []Ref
}

// CountryByCode returns the country with the ISO 3166-1 alpha-2 code (e.g. "UA").
func (g *Gazetteer) CountryByCode(code string) (*Country, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return nil, false
	}
	return &g.Countries[i], true
}

// CountryRef returns the reference to the country with the ISO code.
func (g *Gazetteer) CountryRef(code string) (Ref, bool) {
	i, ok := g.byCode[code]
	return Ref{Table: TableCountry, Index: i}, ok
}

// Entry is one gazetteer record; exactly one of its pointers is set.
type Entry struct {
	Country      *Country
	Place        *Place
	Org          *Org
	Officeholder *Officeholder // for a person, the first of their roles (see Roles)
}

// ByID returns the entry with the entity id ("country:UA", "city:712559",
// "region:UA-21", "org:nato", "person:volodymyr-zelenskyy").
func (g *Gazetteer) ByID(id string) (Entry, bool) {
	r, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.Entry(r), true
}

// Entry returns the record r points at.
func (g *Gazetteer) Entry(r Ref) Entry {
	switch r.Table {
	case TableCountry:
		return Entry{Country: &g.Countries[r.Index]}
	case TablePlace:
		return Entry{Place: &g.Places[r.Index]}
	case TableOrg:
		return Entry{Org: &g.Orgs[r.Index]}
	case TableOfficeholder:
		return Entry{Officeholder: &g.Officeholders[r.Index]}
	}
	return Entry{}
}

// Roles returns every role the person holds ("person:vladimir-putin").
func (g *Gazetteer) Roles(personID string) []Officeholder {
	idx := g.roles[personID]
	out := make([]Officeholder, len(idx))
	for i, j := range idx {
		out[i] = g.Officeholders[j]
	}
	return out
}
