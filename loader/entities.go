package loader

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// docEntity is an entity while the document is being built.
type docEntity struct {
	id       string
	name     string
	kind     graph.Kind
	country  string // ISO code for places, bodies and known persons
	lat, lon *float64
	region   string   // containing region id, for cities the gazetteer knows
	capital  int8     // 1 when this city is its country's capital, -1 when not, 0 not yet known
	aliases  []string // surface forms, in order of appearance
	used     bool     // a relation or event points at it
	mentions []graph.Mention
	order    int // first-seen order, for stable tie-breaks
	// seen holds the mention spans and alias texts already noted, so noting
	// a name the hundredth time costs what noting it the first time did.
	seen map[noteKey]bool
}

// noteKey is a mention span (text "") or an alias (start and end -1).
type noteKey struct {
	start, end int
	text       string
}

func (e *docEntity) isActor() bool {
	switch e.kind {
	case graph.Person, graph.Country, graph.GovernmentBody, graph.Military, graph.Organization, graph.Group:
		return true
	}
	return false
}

func (e *docEntity) isPlace() bool {
	switch e.kind {
	case graph.Country, graph.City, graph.Region, graph.Location:
		return true
	}
	return false
}

// placeRank orders places from coarse to specific.
func placeRank(k graph.Kind) int {
	switch k {
	case graph.Country:
		return 1
	case graph.Region:
		return 2
	case graph.City, graph.Location:
		return 3
	}
	return 0
}

// entities is the document's entity registry, keyed by id.
type entities struct {
	byID   map[string]*docEntity
	byCode map[string]*docEntity // countries by ISO code, sparing the id concatenation
	gaz    *gazetteer.Gazetteer
	n      int
}

func newEntities(g *gazetteer.Gazetteer) *entities {
	return &entities{byID: map[string]*docEntity{}, byCode: map[string]*docEntity{}, gaz: g}
}

// get returns the entity with id, creating it with name and kind.
func (es *entities) get(id, name string, kind graph.Kind) *docEntity {
	if e, ok := es.byID[id]; ok {
		return e
	}
	e := &docEntity{id: id, name: name, kind: kind, order: es.n}
	es.n++
	es.byID[id] = e
	return e
}

// fromRef returns the entity for a gazetteer entry.
func (es *entities) fromRef(r gazetteer.Ref) *docEntity {
	return es.fromEntry(es.gaz.Entry(r))
}

// fromEntry returns the entity for a gazetteer record.
func (es *entities) fromEntry(ent gazetteer.Entry) *docEntity {
	switch {
	case ent.Country != nil:
		return es.country(ent.Country)
	case ent.Place != nil:
		p := ent.Place
		kind := graph.Kind(p.Kind)
		if kind != graph.Region && kind != graph.Location {
			kind = graph.City
		}
		e := es.get(p.ID, p.Name, kind)
		e.country, e.region = p.Country, p.Region
		if e.lat == nil && (p.Lat != 0 || p.Lon != 0) {
			e.lat, e.lon = ptr(p.Lat), ptr(p.Lon)
		}
		return e
	case ent.Org != nil:
		o := ent.Org
		kind := graph.Kind(o.Kind)
		if !kind.Valid() {
			kind = graph.Organization
		}
		e := es.get(o.ID, o.Name, kind)
		e.country = o.Country
		return e
	case ent.Officeholder != nil:
		return es.get(ent.Officeholder.ID, ent.Officeholder.Name, graph.Person)
	}
	return nil
}

func (es *entities) country(c *gazetteer.Country) *docEntity {
	if e, ok := es.byCode[c.Code]; ok {
		return e
	}
	e := es.get("country:"+c.Code, c.Name, graph.Country)
	e.country = c.Code
	if c.Lat != 0 || c.Lon != 0 {
		e.lat, e.lon = ptr(c.Lat), ptr(c.Lon)
	}
	es.byCode[c.Code] = e
	return e
}

func (es *entities) countryByCode(code string) *docEntity {
	if c, ok := es.gaz.CountryByCode(code); ok {
		return es.country(c)
	}
	return nil
}

func ptr(f float64) *float64 { return &f }

// note records a mention of e at body[start:end] and its surface form.
func (e *docEntity) note(body string, start, end int) {
	if e.seen == nil {
		e.seen = map[noteKey]bool{}
	}
	span := noteKey{start: start, end: end}
	if e.seen[span] {
		return
	}
	e.seen[span] = true
	text := body[start:end]
	e.mentions = append(e.mentions, graph.Mention{Start: start, End: end, Text: text})
	alias := noteKey{start: -1, end: -1, text: text}
	if e.seen[alias] {
		return
	}
	e.seen[alias] = true
	e.aliases = append(e.aliases, text)
}

// sortedAliases lists the surface forms other than the canonical name.
func (e *docEntity) sortedAliases() []string {
	out := make([]string, 0, len(e.aliases))
	for _, a := range e.aliases {
		if a != e.name {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// slug turns a name into an id part: "Volodymyr Zelenskyy" -> "volodymyr-zelenskyy".
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		if f, ok := foldRune[r]; ok {
			r = f
		}
		r = unicode.ToLower(r)
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '’' {
			continue
		}
		dash = true
	}
	return b.String()
}

// foldRune strips the diacritics most common in news names, so
// "Erdoğan" and "Erdogan" get one id.
var foldRune = func() map[rune]rune {
	m := map[rune]rune{}
	for base, list := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćč", 'd': "ďđ", 'e': "èéêëēėęě", 'g': "ğ", 'i': "ìíîïīıį",
		'l': "łľ", 'n': "ñńň", 'o': "òóôõöøō", 'r': "ř", 's': "śşšș", 't': "ţțť", 'u': "ùúûüūůű",
		'y': "ýÿ", 'z': "źżž",
		'A': "ÀÁÂÃÄÅĀĂĄ", 'C': "ÇĆČ", 'E': "ÈÉÊËĒĖĘĚ", 'I': "ÌÍÎÏİ", 'N': "ÑŃŇ", 'O': "ÒÓÔÕÖØ",
		'S': "ŚŞŠȘ", 'U': "ÙÚÛÜ", 'Z': "ŹŻŽ",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// withPrefix returns a non-person actor whose name starts with prefix,
// when exactly one does.
func (es *entities) withPrefix(prefix string) *docEntity {
	var found *docEntity
	for _, e := range es.byID {
		if e.kind != graph.Person && e.isActor() && strings.HasPrefix(e.name, prefix) {
			if found != nil && found != e {
				return nil
			}
			found = e
		}
	}
	return found
}
