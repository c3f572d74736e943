package gazetteer

import (
	"bufio"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./gen -out data

//go:embed data/*.tsv data/*.gz
var dataFS embed.FS

// ErrBadData reports a malformed data file.
var ErrBadData = errors.New("gazetteer: bad data")

// Place kinds.
const (
	KindCity     = "CITY"
	KindRegion   = "REGION"
	KindLocation = "LOCATION"
)

// placeIDPrefix is the entity id prefix of each place kind.
var placeIDPrefix = map[string]string{KindCity: "city:", KindRegion: "region:", KindLocation: "loc:"}

// commonWordMinPopulation is the population from which a city whose name is
// a single common English word ("Nice", "Reading", "Police", "Most") is still
// matched by that name: below it, a capitalised "Police said" or "Most of"
// at a sentence start would be read as a town far more often than not.
// Region names ("Central", "Western") and the generated aliases of cities
// and regions ("Soul" for Seoul) are never matched when they are such words;
// curated locations always are.
const commonWordMinPopulation = 1_000_000

// Load returns the embedded gazetteer, parsed on first use.
func Load() (*Gazetteer, error) { return load() }

var load = sync.OnceValues(func() (*Gazetteer, error) { return parse(dataFS) })

// Match returns every non-overlapping, leftmost-longest occurrence in text of
// a known name, alias or demonym. Names match case-sensitively, only on word
// boundaries, with ' ’ and ʼ interchangeable.
func (g *Gazetteer) Match(text string) []Match { return g.matcher.find(text) }

// parse reads the data files in fsys (laid out as data/...) and builds the
// indexes and the matcher.
func parse(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{}
	var err error
	if g.Countries, err = readTable(fsys, "data/countries.tsv.gz", 8, parseCountry); err != nil {
		return nil, err
	}
	if g.Places, err = readTable(fsys, "data/places.tsv.gz", 9, parsePlace); err != nil {
		return nil, err
	}
	locs, err := readTable(fsys, "data/locations.tsv", 6, parseLocation)
	if err != nil {
		return nil, err
	}
	g.Places = append(g.Places, locs...)
	if g.Orgs, err = readTable(fsys, "data/orgs.tsv", 5, parseOrg); err != nil {
		return nil, err
	}
	if g.Officeholders, err = readTable(fsys, "data/officeholders.tsv", 8, parseOfficeholder); err != nil {
		return nil, err
	}
	common, err := readTable(fsys, "data/commonwords.txt.gz", 1, func(f []string) (string, error) { return f[0], nil })
	if err != nil {
		return nil, err
	}
	if err := g.index(); err != nil {
		return nil, err
	}
	g.matcher = g.buildMatcher(toSet(common))
	return g, nil
}

func (g *Gazetteer) index() error {
	g.byCode = make(map[string]int, len(g.Countries))
	g.byID = make(map[string]Ref, len(g.Countries)+len(g.Places)+len(g.Orgs)+len(g.Officeholders))
	g.roles = map[string][]int{}
	add := func(id string, r Ref) error {
		if _, dup := g.byID[id]; dup {
			return fmt.Errorf("%w: duplicate id %q", ErrBadData, id)
		}
		g.byID[id] = r
		return nil
	}
	for i, c := range g.Countries {
		g.byCode[c.Code] = i
		if err := add("country:"+c.Code, Ref{ID: "country:" + c.Code, Table: TableCountry, Index: i}); err != nil {
			return err
		}
	}
	for i, p := range g.Places {
		if err := add(p.ID, Ref{ID: p.ID, Table: TablePlace, Index: i}); err != nil {
			return err
		}
	}
	for i, o := range g.Orgs {
		if err := add(o.ID, Ref{ID: o.ID, Table: TableOrg, Index: i}); err != nil {
			return err
		}
	}
	for i, o := range g.Officeholders {
		if _, seen := g.roles[o.ID]; !seen {
			if err := add(o.ID, Ref{ID: o.ID, Table: TableOfficeholder, Index: i}); err != nil {
				return err
			}
		}
		g.roles[o.ID] = append(g.roles[o.ID], i)
	}
	return nil
}

func (g *Gazetteer) buildMatcher(common map[string]bool) *matcher {
	b := newTrieBuilder()
	for i, c := range g.Countries {
		r := Ref{ID: "country:" + c.Code, Table: TableCountry, Index: i}
		b.add(c.Name, r)
		for _, a := range c.Aliases {
			b.add(a, r)
		}
		r.Demonym = true
		for _, d := range c.Demonyms {
			b.add(d, r)
		}
	}
	for i, p := range g.Places {
		r := Ref{ID: p.ID, Table: TablePlace, Index: i}
		if p.Kind == KindLocation || !isCommonWord(p.Name, common) ||
			p.Kind == KindCity && p.Population >= commonWordMinPopulation {
			b.add(p.Name, r)
		}
		for _, a := range p.Aliases {
			if p.Kind == KindLocation || !isCommonWord(a, common) {
				b.add(a, r)
			}
		}
	}
	for i, o := range g.Orgs {
		r := Ref{ID: o.ID, Table: TableOrg, Index: i}
		b.add(o.Name, r)
		for _, a := range o.Aliases {
			b.add(a, r)
		}
	}
	for i, o := range g.Officeholders {
		r := g.byID[o.ID] // a person with several roles is one candidate
		if r.Index != i {
			continue
		}
		b.add(o.Name, r)
		for _, a := range o.Aliases {
			b.add(a, r)
		}
	}
	return b.build(g.rank)
}

// isCommonWord reports whether name is one word whose lower-case form is a
// common English word.
func isCommonWord(name string, common map[string]bool) bool {
	if len(name) > 32 || strings.ContainsAny(name, " -") {
		return false
	}
	var buf [32]byte
	lower := buf[:len(name)]
	for i := range len(name) {
		c := name[i]
		if c >= utf8.RuneSelf {
			return common[strings.ToLower(name)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return common[string(lower)] // no allocation: the compiler looks up in place
}

// rank orders candidates most likely first: countries, curated locations,
// organisations, office-holders, then regions and cities together, larger
// first. The largest city of a country also goes before that country's
// regions of the same name: a bare "Kharkiv", "New York" or "Washington" is
// the city, while "Kharkiv region" or "New York State" names the region
// alone. Ranking regions and cities by size rather than regions first keeps
// a bare "Gaza" on the Palestinian city, not Mozambique's Gaza Province.
func (g *Gazetteer) rank(refs []Ref) {
	slices.SortStableFunc(refs, func(a, b Ref) int {
		if ka, kb := g.kindRank(a), g.kindRank(b); ka != kb {
			return ka - kb
		}
		if a.Table == TablePlace && b.Table == TablePlace {
			if pa, pb := g.Places[a.Index].Population, g.Places[b.Index].Population; pa != pb {
				return pb - pa
			}
		}
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		if a.Demonym != b.Demonym { // a name before the same entry's demonym
			if b.Demonym {
				return -1
			}
			return 1
		}
		return 0
	})
	for j := 0; j < len(refs); j++ {
		if !g.isPlace(refs[j], KindRegion) {
			continue
		}
		country := g.Places[refs[j].Index].Country
		for i := j + 1; i < len(refs); i++ {
			if c := refs[i]; g.isPlace(c, KindCity) && g.Places[c.Index].Country == country {
				copy(refs[j+1:i+1], refs[j:i])
				refs[j] = c
				j++ // the region moved to j+1; go on after it
				break
			}
		}
	}
}

func (g *Gazetteer) isPlace(r Ref, kind string) bool {
	return r.Table == TablePlace && g.Places[r.Index].Kind == kind
}

func (g *Gazetteer) kindRank(r Ref) int {
	switch r.Table {
	case TableCountry:
		return 0
	case TablePlace:
		if g.Places[r.Index].Kind == KindLocation {
			return 1
		}
		return 4
	case TableOrg:
		return 2
	case TableOfficeholder:
		return 3
	}
	return 5
}

func toSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// readTable parses a tab-separated file of n columns (gzip-compressed when
// its name ends in .gz); blank lines and lines starting with # are skipped.
func readTable[T any](fsys fs.FS, name string, n int, row func([]string) (T, error)) ([]T, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: open %s: %w", name, err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrBadData, name, err)
		}
		defer zr.Close()
		r = zr
	}
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != n {
			return nil, fmt.Errorf("%w: %s:%d: %d fields, want %d", ErrBadData, name, line, len(fields), n)
		}
		v, err := row(fields)
		if err != nil {
			return nil, fmt.Errorf("%w: %s:%d: %v", ErrBadData, name, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadData, name, err)
	}
	return out, nil
}

// list splits a |-separated field; an empty field is an empty list.
func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func parseCountry(f []string) (Country, error) {
	c := Country{Code: f[0], Name: f[1], Aliases: list(f[2]), Demonyms: list(f[3]), Capital: f[4]}
	if len(c.Code) != 2 || c.Name == "" {
		return c, fmt.Errorf("country code %q name %q", c.Code, c.Name)
	}
	var err error
	if c.Lat, c.Lon, c.Population, err = coords(f[5], f[6], f[7]); err != nil {
		return c, err
	}
	return c, nil
}

func parsePlace(f []string) (Place, error) {
	p := Place{ID: f[0], Name: f[1], Aliases: list(f[2]), Kind: f[3], Country: f[4], Region: f[5]}
	if p.Name == "" || p.Kind == KindLocation || placeIDPrefix[p.Kind] == "" || !strings.HasPrefix(p.ID, placeIDPrefix[p.Kind]) {
		return p, fmt.Errorf("place id %q kind %q name %q", p.ID, p.Kind, p.Name)
	}
	var err error
	if p.Lat, p.Lon, p.Population, err = coords(f[6], f[7], f[8]); err != nil {
		return p, err
	}
	return p, nil
}

func parseLocation(f []string) (Place, error) {
	p := Place{ID: f[0], Name: f[1], Aliases: list(f[2]), Kind: KindLocation, Country: f[3]}
	if p.Name == "" || !strings.HasPrefix(p.ID, placeIDPrefix[KindLocation]) {
		return p, fmt.Errorf("location id %q name %q", p.ID, p.Name)
	}
	var err error
	p.Lat, p.Lon, _, err = coords(f[4], f[5], "")
	return p, err
}

// Org kinds.
var orgKinds = []string{"ORGANIZATION", "GOVERNMENT_BODY", "MILITARY", "GROUP"}

func parseOrg(f []string) (Org, error) {
	o := Org{ID: f[0], Name: f[1], Aliases: list(f[2]), Kind: f[3], Country: f[4]}
	if !strings.Contains(o.ID, ":") || o.Name == "" || !slices.Contains(orgKinds, o.Kind) {
		return o, fmt.Errorf("org id %q kind %q name %q", o.ID, o.Kind, o.Name)
	}
	return o, nil
}

// Officeholder relations.
var roleRelations = []string{"LEADER_OF", "OFFICIAL_OF", "SPOKESPERSON_FOR"}

func parseOfficeholder(f []string) (Officeholder, error) {
	o := Officeholder{ID: f[0], Name: f[1], Aliases: list(f[2]), Relation: f[3], Title: f[4], Of: f[5], Since: f[6], Until: f[7]}
	if !strings.HasPrefix(o.ID, "person:") || o.Name == "" || o.Of == "" || !slices.Contains(roleRelations, o.Relation) {
		return o, fmt.Errorf("officeholder id %q relation %q of %q", o.ID, o.Relation, o.Of)
	}
	return o, nil
}

// coords parses latitude, longitude and population; empty fields are zero.
func coords(lat, lon, pop string) (float64, float64, int, error) {
	var la, lo float64
	var p int
	var err error
	if lat != "" {
		if la, err = strconv.ParseFloat(lat, 64); err != nil || la < -90 || la > 90 {
			return 0, 0, 0, fmt.Errorf("latitude %q", lat)
		}
	}
	if lon != "" {
		if lo, err = strconv.ParseFloat(lon, 64); err != nil || lo < -180 || lo > 180 {
			return 0, 0, 0, fmt.Errorf("longitude %q", lon)
		}
	}
	if pop != "" {
		if p, err = strconv.Atoi(pop); err != nil || p < 0 {
			return 0, 0, 0, fmt.Errorf("population %q", pop)
		}
	}
	return la, lo, p, nil
}
