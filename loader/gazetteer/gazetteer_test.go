package gazetteer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func mustLoad(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestLoadParsesOnce(t *testing.T) {
	a, b := mustLoad(t), mustLoad(t)
	if a != b {
		t.Errorf("Load returned %p then %p, want the same gazetteer", a, b)
	}
}

func TestLoadCounts(t *testing.T) {
	g := mustLoad(t)
	kinds := map[string]int{}
	for _, p := range g.Places {
		kinds[p.Kind]++
	}
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"countries", len(g.Countries), 240},
		{"regions", kinds[KindRegion], 3000},
		{"cities", kinds[KindCity], 20000},
		{"locations", kinds[KindLocation], 20},
		{"orgs", len(g.Orgs), 100},
		{"officeholders", len(g.Officeholders), 100},
	} {
		if c.got < c.min {
			t.Errorf("got %d %s, want at least %d", c.got, c.what, c.min)
		}
	}
}

// hit is the part of a Match a test checks: the matched text and its best
// candidate.
type hit struct {
	text, id string
	demonym  bool
}

func hits(ms []Match) []hit {
	out := make([]hit, len(ms))
	for i, m := range ms {
		out[i] = hit{m.Text, m.Candidates[0].ID, m.Candidates[0].Demonym}
	}
	return out
}

func TestMatch(t *testing.T) {
	g := mustLoad(t)
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{
			name: "countries and demonyms",
			text: "Russian forces struck Ukraine overnight, the Ukrainian air force said, as Russia denied it.",
			want: []hit{{"Russian", "country:RU", true}, {"Ukraine", "country:UA", false}, {"Ukrainian", "country:UA", true}, {"Russia", "country:RU", false}},
		},
		{
			name: "adjectives of several states",
			text: "Chinese, Indian, Pakistani and Taiwanese officials met Americans and Israelis.",
			want: []hit{{"Chinese", "country:CN", true}, {"Indian", "country:IN", true}, {"Pakistani", "country:PK", true}, {"Taiwanese", "country:TW", true}, {"Americans", "country:US", true}, {"Israelis", "country:IL", true}},
		},
		{
			name: "longest name wins over its prefix",
			text: "South Korea and North Korea both claim Korea; the South Korean army drilled.",
			want: []hit{{"South Korea", "country:KR", false}, {"North Korea", "country:KP", false}, {"Korea", "country:KR", false}, {"South Korean", "country:KR", true}},
		},
		{
			name: "cities and regions",
			text: "A drone hit Bilopillia in the Sumy region; Kharkiv and Sumy Oblast were shelled, and Khan Younis too.",
			want: []hit{{"Bilopillia", "city:712559", false}, {"Sumy region", "region:UA-21", false}, {"Kharkiv", "city:706483", false}, {"Sumy Oblast", "region:UA-21", false}, {"Khan Younis", "city:281124", false}},
		},
		{
			name: "old spellings",
			text: "Kiev and Kharkov, then Odessa.",
			want: []hit{{"Kiev", "city:703448", false}, {"Kharkov", "city:706483", false}, {"Odessa", "city:698740", false}},
		},
		{
			name: "organisations and bodies",
			text: "NATO and the EU met at the UN; the Kremlin, the White House and the Pentagon replied, Hamas and the Houthis did not, TASS and Reuters reported.",
			want: []hit{{"NATO", "org:nato", false}, {"EU", "org:eu", false}, {"UN", "org:un", false}, {"Kremlin", "gov:kremlin", false}, {"White House", "gov:white-house", false}, {"Pentagon", "gov:pentagon", false}, {"Hamas", "group:hamas", false}, {"Houthis", "group:houthis", false}, {"TASS", "org:tass", false}, {"Reuters", "org:reuters", false}},
		},
		{
			name: "an organisation named after a city",
			text: "The Washington Post said Washington would act.",
			want: []hit{{"The Washington Post", "org:washington-post", false}, {"Washington", "city:4140963", false}},
		},
		{
			name: "persons by full name, surname and variant spelling",
			text: "Volodymyr Zelenskyy spoke to Putin; Zelensky and Zelenskiy are the same man, Peskov said.",
			want: []hit{{"Volodymyr Zelenskyy", "person:volodymyr-zelenskyy", false}, {"Putin", "person:vladimir-putin", false}, {"Zelensky", "person:volodymyr-zelenskyy", false}, {"Zelenskiy", "person:volodymyr-zelenskyy", false}, {"Peskov", "person:dmitry-peskov", false}},
		},
		{
			name: "word boundaries",
			text: "Ukraine-based, Russia's, NATO-led, Kyivstar, Ukrainians, Georgian, UKRAINE, Iranians.",
			want: []hit{{"Ukraine", "country:UA", false}, {"Russia", "country:RU", false}, {"NATO", "org:nato", false}, {"Ukrainians", "country:UA", true}, {"Georgian", "country:GE", true}, {"Iranians", "country:IR", true}},
		},
		{
			name: "curly and straight apostrophes",
			text: "Côte d’Ivoire and Côte d'Ivoire; Sa’ar and Sa'ar; Russia’s “Kremlin”.",
			want: []hit{{"Côte d’Ivoire", "country:CI", false}, {"Côte d'Ivoire", "country:CI", false}, {"Sa’ar", "person:gideon-saar", false}, {"Sa'ar", "person:gideon-saar", false}, {"Russia", "country:RU", false}, {"Kremlin", "gov:kremlin", false}},
		},
		{
			name: "common words are not towns",
			text: "Police said Most of the Reading was Nice. Split votes in March.",
			want: []hit{},
		},
		{
			name: "lower case is not a name",
			text: "china plates and a turkey sandwich in georgia.",
			want: []hit{},
		},
		{
			name: "non-Latin neighbours",
			text: "Росія Russia—Ukraine«Kyiv»",
			want: []hit{{"Russia", "country:RU", false}, {"Ukraine", "country:UA", false}, {"Kyiv", "city:703448", false}},
		},
		{
			name: "curated locations",
			text: "Ships in the Red Sea and the Black Sea; shelling near the Zaporizhzhia nuclear plant.",
			want: []hit{{"Red Sea", "loc:red-sea", false}, {"Black Sea", "loc:black-sea", false}, {"Zaporizhzhia nuclear plant", "loc:zaporizhzhia-nuclear-power-plant", false}},
		},
		{name: "empty", text: "", want: []hit{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Match(tt.text)
			for _, m := range ms {
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("match %q at [%d,%d) but text there is %q", m.Text, m.Start, m.End, tt.text[m.Start:m.End])
				}
			}
			got := hits(ms)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Match(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchCandidatesRanked(t *testing.T) {
	g := mustLoad(t)
	tests := []struct {
		text string
		want []string // leading candidate ids, in order
	}{
		{"Georgia", []string{"country:GE", "region:US-GA"}},
		{"Kharkiv", []string{"city:706483", "region:UA-07"}},
		{"Kyiv", []string{"city:703448", "region:UA-12", "region:UA-13"}},
		{"Gaza", []string{"city:281133"}},
		{"Congolese", []string{"country:CD", "country:CG"}},
	}
	for _, tt := range tests {
		ms := g.Match(tt.text)
		if len(ms) != 1 {
			t.Errorf("Match(%q): got %d matches, want 1", tt.text, len(ms))
			continue
		}
		var got []string
		for _, c := range ms[0].Candidates[:min(len(tt.want), len(ms[0].Candidates))] {
			got = append(got, c.ID)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Match(%q) candidates: got %v, want %v first", tt.text, got, tt.want)
		}
	}
}

func TestLookups(t *testing.T) {
	g := mustLoad(t)
	if c, ok := g.CountryByCode("UA"); !ok || c.Name != "Ukraine" || c.Capital != "Kyiv" {
		t.Errorf("CountryByCode(UA): got %+v %v, want Ukraine with capital Kyiv", c, ok)
	}
	if _, ok := g.CountryByCode("XX"); ok {
		t.Errorf("CountryByCode(XX): got ok, want not found")
	}
	tests := []struct {
		id, name string
	}{
		{"country:RU", "Russia"},
		{"city:712559", "Bilopillia"},
		{"region:UA-21", "Sumy"},
		{"region:CN-07", "Fujian"},
		{"loc:donbas", "Donbas"},
		{"org:nato", "NATO"},
		{"gov:kremlin", "Kremlin"},
		{"group:hamas", "Hamas"},
		{"person:dmitry-peskov", "Dmitry Peskov"},
	}
	for _, tt := range tests {
		e, ok := g.ByID(tt.id)
		if !ok {
			t.Errorf("ByID(%q): not found", tt.id)
			continue
		}
		if got := entryName(e); got != tt.name {
			t.Errorf("ByID(%q): got %q, want %q", tt.id, got, tt.name)
		}
	}
	if _, ok := g.ByID("city:0"); ok {
		t.Errorf("ByID(city:0): got ok, want not found")
	}
	if e, _ := g.ByID("city:712559"); e.Place.Region != "region:UA-21" || e.Place.Country != "UA" {
		t.Errorf("Bilopillia: got region %q country %q, want region:UA-21 UA", e.Place.Region, e.Place.Country)
	}
	roles := g.Roles("person:marco-rubio")
	if len(roles) != 2 || roles[0].Title != "Secretary of State" || roles[0].Of != "country:US" {
		t.Errorf("Roles(marco-rubio): got %+v, want Secretary of State and National Security Adviser", roles)
	}
	if r := g.Roles("person:dmitry-peskov"); len(r) != 1 || r[0].Relation != "SPOKESPERSON_FOR" || r[0].Of != "gov:kremlin" {
		t.Errorf("Roles(dmitry-peskov): got %+v, want SPOKESPERSON_FOR gov:kremlin", r)
	}
}

func entryName(e Entry) string {
	switch {
	case e.Country != nil:
		return e.Country.Name
	case e.Place != nil:
		return e.Place.Name
	case e.Org != nil:
		return e.Org.Name
	case e.Officeholder != nil:
		return e.Officeholder.Name
	}
	return ""
}

// TestReferences checks that the curated tables point at entries that exist.
func TestReferences(t *testing.T) {
	g := mustLoad(t)
	for _, o := range g.Officeholders {
		if _, ok := g.ByID(o.Of); !ok {
			t.Errorf("officeholder %s: of %q does not exist", o.ID, o.Of)
		}
		for _, d := range []string{o.Since, o.Until} {
			if d != "" && !isISODate(d) {
				t.Errorf("officeholder %s: date %q, want YYYY-MM-DD", o.ID, d)
			}
		}
	}
	for _, o := range g.Orgs {
		if _, ok := g.CountryByCode(o.Country); o.Country != "" && !ok {
			t.Errorf("org %s: country %q does not exist", o.ID, o.Country)
		}
	}
	for _, p := range g.Places {
		if _, ok := g.CountryByCode(p.Country); p.Country != "" && !ok {
			t.Errorf("place %s: country %q does not exist", p.ID, p.Country)
		}
		if _, ok := g.ByID(p.Region); p.Region != "" && !ok {
			t.Errorf("place %s: region %q does not exist", p.ID, p.Region)
		}
	}
}

func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	return strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == ""
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// smallFS is a data set of a few entries, for tests that need exact control.
func smallFS() fstest.MapFS {
	return fstest.MapFS{
		"data/countries.tsv.gz": {Data: gz("UA\tUkraine\t\tUkrainian\tKyiv\t49\t32\t100\n")},
		"data/places.tsv.gz": {Data: gz("region:UA-21\tSumy\tSumy Oblast\tREGION\tUA\t\t51\t34\t500\n" +
			"city:1\tSumy\t\tCITY\tUA\tregion:UA-21\t50.9\t34.8\t300\n" +
			"city:2\tPolice\t\tCITY\tUA\t\t50\t30\t5000\n" +
			"city:3\tKryvyi Rih\tKryvyy Rih|Kryvyi Rih’\tCITY\tUA\t\t47.9\t33.4\t600000\n")},
		"data/locations.tsv":      {Data: []byte("# comment\nloc:donbas\tDonbas\t\tUA\t48\t37.8\n")},
		"data/orgs.tsv":           {Data: []byte("gov:kremlin\tKremlin\t\tGOVERNMENT_BODY\tRU\n")},
		"data/officeholders.tsv":  {Data: []byte("person:a-b\tA B\tB\tLEADER_OF\tPresident\tcountry:UA\t2020-01-01\t\n")},
		"data/commonwords.txt.gz": {Data: gz("police\nmost\n")},
	}
}

func TestParseSmall(t *testing.T) {
	g, err := parse(smallFS())
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	got := hits(g.Match("Sumy, Sumy Oblast, Police, Kryvyi Rih’s mayor and Kryvyy Rih, B and A B, Donbas."))
	want := []hit{{"Sumy", "city:1", false}, {"Sumy Oblast", "region:UA-21", false}, {"Kryvyi Rih", "city:3", false},
		{"Kryvyy Rih", "city:3", false}, {"B", "person:a-b", false}, {"A B", "person:a-b", false}, {"Donbas", "loc:donbas", false}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file, data string
	}{
		{"short row", "data/orgs.tsv", "gov:kremlin\tKremlin\n"},
		{"bad org kind", "data/orgs.tsv", "gov:kremlin\tKremlin\t\tPALACE\tRU\n"},
		{"bad relation", "data/officeholders.tsv", "person:a\tA\t\tFRIEND_OF\tx\tcountry:UA\t\t\n"},
		{"bad latitude", "data/locations.tsv", "loc:x\tX\t\t\t95\t0\n"},
		{"bad place kind", "data/places.tsv.gz", string(gz("city:1\tX\t\tTOWN\tUA\t\t0\t0\t1\n"))},
		{"not gzip", "data/places.tsv.gz", "city:1\tX\t\tCITY\tUA\t\t0\t0\t1\n"},
		{"bad population", "data/places.tsv.gz", string(gz("city:1\tX\t\tCITY\tUA\t\t0\t0\tmany\n"))},
		{"duplicate id", "data/orgs.tsv", "gov:kremlin\tKremlin\t\tGOVERNMENT_BODY\tRU\ngov:kremlin\tKremlin\t\tGOVERNMENT_BODY\tRU\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := smallFS()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			_, err := parse(fsys)
			if !errors.Is(err, ErrBadData) {
				t.Errorf("parse: got %v, want ErrBadData", err)
			}
		})
	}
	fsys := smallFS()
	delete(fsys, "data/orgs.tsv")
	if _, err := parse(fsys); err == nil {
		t.Errorf("parse without orgs.tsv: got nil error, want one")
	}
}

// FuzzMatch checks Match's invariants on any input, valid UTF-8 or not:
// matches in order, not overlapping, on the text they claim, each with
// candidates.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"", "Ukraine", "Côte d’Ivoire\xff", "\xe2\x80", "U.S.A.U.S.", "South Korean-North Korea", "Kyiv\u0301"} {
		f.Add(s)
	}
	g := mustLoad(f)
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range g.Match(text) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("match [%d,%d) after %d in %q", m.Start, m.End, end, text)
			}
			if text[m.Start:m.End] != m.Text || len(m.Candidates) == 0 {
				t.Fatalf("match %+v in %q", m, text)
			}
			end = m.End
		}
	})
}
