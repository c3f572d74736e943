package loader

import (
	"fmt"
	"strings"
	"testing"
)

// analyseText runs the extraction stages over text published on day.
func analyseText(t *testing.T, published, text string) *doc {
	t.Helper()
	return analyse(newTestLoader(t).kb, text, published)
}

// mentionsOf renders the mentions of text as "surface=Entity Name/KIND",
// with "+rel:title:Body" for a role the mention states, and groups as
// "surface=[A,B]".
func mentionsOf(t *testing.T, published, text string) []string {
	t.Helper()
	d := analyseText(t, published, text)
	var out []string
	for _, m := range d.mentions {
		surface := d.body[d.toks[m.first].start:d.toks[m.last].end]
		if m.ent == nil {
			var names []string
			for _, e := range m.group {
				names = append(names, d.resolved(e).name)
			}
			out = append(out, surface+"=["+strings.Join(names, ",")+"]")
			continue
		}
		e := d.resolved(m.ent)
		s := fmt.Sprintf("%s=%s/%s", surface, e.name, e.kind)
		if m.role != nil {
			body := "-"
			if m.role.of != nil {
				body = m.role.of.name
			}
			s += fmt.Sprintf("+%s:%s:%s", m.role.rel, m.role.title, body)
		}
		out = append(out, s)
	}
	return out
}

func TestMentions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
		not  []string
	}{
		{"demonym title", "Russian President Vladimir Putin spoke.",
			[]string{"Russian President Vladimir Putin=Vladimir Putin/PERSON+LEADER_OF:President:Russia"}, nil},
		{"org title lower case", "Kremlin spokesman Dmitry Peskov said so.",
			[]string{"Kremlin spokesman Dmitry Peskov=Dmitry Peskov/PERSON+SPOKESPERSON_FOR:spokesman:Kremlin"}, nil},
		{"possessive country and surname", "France's President Macron agreed.",
			[]string{"France's President Macron=Emmanuel Macron/PERSON+LEADER_OF:President:France"}, nil},
		{"two-word title", "Ukrainian Foreign Minister Andrii Sybiha arrived.",
			[]string{"Ukrainian Foreign Minister Andrii Sybiha=Andrii Sybiha/PERSON+OFFICIAL_OF:Foreign Minister:Ukraine"}, nil},
		{"unknown person after title", "Kenyan Foreign Minister Musalia Mudavadi arrived.",
			[]string{"Kenyan Foreign Minister Musalia Mudavadi=Musalia Mudavadi/PERSON+OFFICIAL_OF:Foreign Minister:Kenya"}, nil},
		{"title of country", "President of Ukraine Volodymyr Zelenskyy spoke.",
			[]string{"President of Ukraine Volodymyr Zelenskyy=Volodymyr Zelenskyy/PERSON+LEADER_OF:President:Ukraine"}, nil},
		{"body between country and title", "Nigeria's military spokesperson Maj. Gen. Ada Obiorah spoke.",
			[]string{"Nigeria's military spokesperson Maj. Gen. Ada Obiorah=Ada Obiorah/PERSON+SPOKESPERSON_FOR:spokesperson:Nigerian forces"}, nil},
		{"former title states no role", "Former President Andrzej Duda spoke.",
			[]string{"Former President Andrzej Duda=Andrzej Duda/PERSON"}, nil},
		{"military body", "Russian forces advanced.", []string{"Russian forces=Armed Forces of the Russian Federation/MILITARY"}, nil},
		{"government body", "Ukrainian officials said so.", []string{"Ukrainian officials=Ukrainian government/GOVERNMENT_BODY"}, nil},
		{"military adjective is no body", "A Russian military position was hit.", []string{"Russian=Russia/COUNTRY"}, []string{"Russian military=Armed Forces of the Russian Federation/MILITARY"}},
		{"ministry by portfolio", "The Russian Defence Ministry said so.", []string{"Russian Defence Ministry=Russian Ministry of Defence/GOVERNMENT_BODY"}, nil},
		{"ministry of portfolio of country", "The Ministry of Defence of Ukraine said so.", []string{"Ministry of Defence of Ukraine=Ukrainian Ministry of Defence/GOVERNMENT_BODY"}, nil},
		{"possessive ministry", "India's defence ministry said so.", []string{"India's defence ministry=Indian Ministry of Defence/GOVERNMENT_BODY"}, nil},
		{"collective", "European leaders met.", []string{"European leaders=European leaders/GROUP"}, nil},
		{"member noun", "He will call leaders from NATO.", []string{"leaders from NATO=NATO/ORGANIZATION"}, nil},
		{"unknown person mid-sentence", "The group is led by Abu Mohammed al-Golani today.", []string{"Abu Mohammed al-Golani=Abu Mohammed al-Golani/PERSON"}, nil},
		{"unknown body by head word", "Pakistan called a meeting of the National Security Committee.", []string{"National Security Committee=National Security Committee/GOVERNMENT_BODY"}, nil},
		{"unknown outlet after a cue", "He spoke via Zangi Messenger on Friday.", []string{"Zangi Messenger=Zangi Messenger/ORGANIZATION"}, nil},
		{"acronym", "The statement was carried by KUNA.", []string{"KUNA=KUNA/ORGANIZATION"}, nil},
		{"no names in shouting", "“HOPEFULLY IT WILL BE A PRODUCTIVE DAY,” he posted.", nil, []string{"HOPEFULLY=HOPEFULLY/ORGANIZATION", "IT=IT/ORGANIZATION"}},
		{"no names in a title-case headline", "Kenya Condemns Raids, Reports Somali Gunmen in Border Zone", nil, []string{"Border Zone=Border Zone/PERSON"}},
		{"sentence start is no name", "Meanwhile Kyiv waited.", nil, []string{"Meanwhile=Meanwhile/PERSON"}},
		{"capital as government", "Beijing said the drills were routine.", []string{"Beijing=China/COUNTRY"}, nil},
		{"capital as place", "Talks were held in Beijing.", []string{"Beijing=Beijing/CITY"}, nil},
		{"region word", "Shelling hit the Sumy region.", []string{"Sumy region=Sumy/REGION"}, nil},
		{"feature name", "Ships met near Scarborough Shoal.", []string{"Scarborough Shoal=Scarborough Shoal/LOCATION"}, nil},
		{"air force", "Ukraine's air force said so.", []string{"Ukraine's air force=Armed Forces of Ukraine/MILITARY"}, nil},
		{"unknown sea", "Warships sailed into the Yellow Sea.", []string{"Yellow Sea=Yellow Sea/LOCATION"}, nil},
		{"unknown body with of", "South Korea's Joint Chiefs of Staff said so.", []string{"Joint Chiefs of Staff=South Korean Joint Chiefs of Staff/MILITARY"}, nil},
		{"unknown village", "Troops entered the village of Novopil.", []string{"Novopil=Novopil/CITY"}, nil},
		{"mayor of a city", "Kyiv mayor Vitali Klitschko spoke.", []string{"Kyiv mayor Vitali Klitschko=Vitali Klitschko/PERSON+LEADER_OF:mayor:Kyiv"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mentionsOf(t, "2025-05-17", tc.text)
			for _, w := range tc.want {
				if !has(got, w) {
					t.Errorf("missing %q\ngot: %q", w, got)
				}
			}
			for _, n := range tc.not {
				if has(got, n) {
					t.Errorf("unexpected %q\ngot: %q", n, got)
				}
			}
		})
	}
}

// TestResolve checks coreference: surnames and variant spellings, title
// anaphora, pronouns, "the town" and "the two sides".
func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"pronoun to the last person", "President Donald Trump announced he will speak with Putin.", []string{"he=Donald Trump/PERSON"}},
		{"possessive pronoun", "Putin's absence and his rejection of the offer surprised Kyiv.", []string{"his=Vladimir Putin/PERSON"}},
		{"surname of an unknown person", "Kenyan Foreign Minister Musalia Mudavadi arrived. Mudavadi said talks went well.", []string{"Mudavadi=Musalia Mudavadi/PERSON"}},
		{"variant spelling", "Maj. Gen. Ada Obiorah spoke. Obiora later added more.", []string{"Obiora=Ada Obiorah/PERSON"}},
		{"surname before full name", "Mudavadi arrived late. Musalia Mudavadi, Kenya's foreign minister, then spoke.", []string{"Musalia Mudavadi=Musalia Mudavadi/PERSON"}},
		{"title anaphora from the text", "Ukrainian President Volodymyr Zelenskyy arrived. The Ukrainian leader thanked Germany.", []string{"The Ukrainian leader=Volodymyr Zelenskyy/PERSON+LEADER_OF:leader:Ukraine"}},
		{"title anaphora from the gazetteer", "The Russian president did not comment.", []string{"The Russian president=Vladimir Putin/PERSON+LEADER_OF:president:Russia"}},
		{"the town", "Drones hit Bilopillia. The town declared mourning.", []string{"The town=Bilopillia/CITY"}},
		{"the region", "Shelling hit the Sumy region. The region lost power.", []string{"The region=Sumy/REGION"}},
		{"they to a pair", "Envoys of Serbia and Kosovo ended their meeting.", []string{"their=[Serbia,Kosovo]"}},
		{"the two sides", "Talks between Armenia and Azerbaijan ended. The two sides will meet again.", []string{"The two sides=[Armenia,Azerbaijan]"}},
		{"it as a subject", "Hamas said it had fired rockets.", []string{"it=Hamas/GROUP"}},
		{"the army", "The Sudanese Armed Forces advanced. Later the army took the bridge.", []string{"the army=Sudanese Armed Forces/MILITARY"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mentionsOf(t, "2025-05-17", tc.text)
			for _, w := range tc.want {
				if !has(got, w) {
					t.Errorf("missing %q\ngot: %q", w, got)
				}
			}
		})
	}
}

func TestCasualties(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"participles", "Russian drones struck Sumy, killing nine and injuring seven.", "EVENT ASSAULT attack Sumy 9/7"},
		{"number then verb", "Russian strikes on Kherson left 9 killed and 20 wounded.", "EVENT ASSAULT strikes Kherson 9/20"},
		{"at least with people", "Missiles hit Odesa; at least 12 people were wounded.", "EVENT ASSAULT attack Odesa -/12"},
		{"parenthetical", "At least five people, among them a nurse, were killed in the bombing of Kassala.", "EVENT ASSAULT bombing Kassala 5/-"},
		{"dead", "An airstrike on Mariupol left five dead.", "EVENT ASSAULT airstrike Mariupol 5/-"},
		{"death toll", "The death toll from the attack on Kramatorsk rose to 30.", "EVENT ASSAULT attack Kramatorsk 30/-"},
		{"no year as count", "The 2022 invasion of Ukraine killed many.", "EVENT ASSAULT invasion - -/-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := facts(t, "2025-05-17", tc.text)
			if !has(got, tc.want) {
				t.Errorf("missing %q\ngot:\n  %s", tc.want, strings.Join(got, "\n  "))
			}
		})
	}
}
