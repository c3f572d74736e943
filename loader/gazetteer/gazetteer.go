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
	Population int
}

// Place is a city or region.
type Place struct {
	ID         string // entity id: "city:<geonames id>" or "region:<CC>-<admin1 code>"
	Name       string // "Bilopillia"
	Aliases    []string
	Kind       string // "CITY" or "REGION"
	Country    string // ISO code
	Region     string // entity id of the containing region, when known
	Lat, Lon   float64
	Population int
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
	Since    string   // ISO date the role began
}

// Gazetteer is the parsed, immutable data set. It is safe for concurrent use.
type Gazetteer struct {
	Countries     []Country
	Places        []Place
	Orgs          []Org
	Officeholders []Officeholder
}
