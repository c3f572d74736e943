package loader

import (
	"strings"

	"github.com/geokg/geokg/loader/gazetteer"
)

// kb holds the indexes the loader derives once from the gazetteer.
type kb struct {
	gaz *gazetteer.Gazetteer
	// leaders lists each country's LEADER_OF office-holders by ISO code.
	leaders map[string][]gazetteer.Officeholder
	// militaryOf is each country's armed forces as a whole, when the
	// gazetteer has them; armyOf its land army, which stands for the whole
	// only when the text says "army", "troops" or "soldiers".
	militaryOf map[string]gazetteer.Ref
	armyOf     map[string]gazetteer.Ref
	// coastGuardOf is each country's coast guard, when the gazetteer has one.
	coastGuardOf map[string]gazetteer.Ref
	// shortNames are a country's lower-cased alternate names that occur as
	// whole words in another country's names ("congo", "korea"): an article
	// naming that other country in full may mean it by the short name.
	shortNames map[string]bool
}

func newKB(g *gazetteer.Gazetteer) *kb {
	k := &kb{gaz: g, leaders: map[string][]gazetteer.Officeholder{}, militaryOf: map[string]gazetteer.Ref{},
		armyOf: map[string]gazetteer.Ref{}, coastGuardOf: map[string]gazetteer.Ref{}}
	for _, o := range g.Officeholders {
		if o.Relation == "LEADER_OF" && strings.HasPrefix(o.Of, "country:") {
			code := strings.TrimPrefix(o.Of, "country:")
			k.leaders[code] = append(k.leaders[code], o)
		}
	}
	// A country's armed forces as a whole win over one branch of them.
	rank := map[string]int{}
	for i, o := range g.Orgs {
		if o.Kind != "MILITARY" || o.Country == "" {
			continue
		}
		n := strings.ToLower(o.Name)
		if strings.Contains(n, "coast guard") {
			k.coastGuardOf[o.Country] = gazetteer.Ref{ID: o.ID, Table: gazetteer.TableOrg, Index: i}
			continue
		}
		r := 0
		switch {
		case strings.Contains(n, "armed forces") || strings.Contains(n, "defense forces") || strings.Contains(n, "defence forces") || strings.Contains(n, "liberation army"):
			r = 3
		case strings.Contains(n, "military"):
			r = 2
		case strings.HasSuffix(n, " army"):
			k.armyOf[o.Country] = gazetteer.Ref{ID: o.ID, Table: gazetteer.TableOrg, Index: i}
			continue
		}
		if r > rank[o.Country] {
			rank[o.Country] = r
			k.militaryOf[o.Country] = gazetteer.Ref{ID: o.ID, Table: gazetteer.TableOrg, Index: i}
		}
	}
	k.shortNames = shortCountryNames(g.Countries)
	return k
}

// shortCountryNames finds the alternate (not primary) country names that
// are whole words of another country's names.
func shortCountryNames(cs []gazetteer.Country) map[string]bool {
	out := map[string]bool{}
	names := make([][]string, len(cs))
	for i := range cs {
		names[i] = append([]string{strings.ToLower(cs[i].Name)}, lowerAll(cs[i].Aliases)...)
	}
	for i := range cs {
		for _, a := range names[i][1:] {
			if a == names[i][0] || out[a] {
				continue
			}
		search:
			for j := range cs {
				if j == i {
					continue
				}
				for _, n := range names[j] {
					if len(n) > len(a) && strings.Contains(n, a) && containsWords(n, a) {
						out[a] = true
						break search
					}
				}
			}
		}
	}
	return out
}

func lowerAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}
