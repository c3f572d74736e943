package loader

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDictionaryVerbs: verbs the hand lexicon lacks reach the graph through
// the generated CAMEO lexicon, one sentence per PLOVER class they add.
func TestDictionaryVerbs(t *testing.T) {
	tests := []struct {
		name, published, text string
		want, not             []string
	}{
		{"arrest (COERCE 173)", "2025-03-19", "Turkey arrested Ivan Petrov on Wednesday.",
			[]string{"Turkey ARRESTED Ivan Petrov occurred 2025-03-19"}, nil},
		{"detain (COERCE 173, a detention verb)", "2025-03-19", "Germany detained Ivan Petrov.",
			[]string{"Germany DETAINED Ivan Petrov occurred -"}, nil},
		{"expel (COERCE 174)", "2025-03-19", "Poland expelled Ivan Petrov.",
			[]string{"Poland EXPELLED Ivan Petrov occurred -"}, nil},
		{"denounce (ACCUSE 111)", "2025-03-19", "Chile denounced Peru on Monday.",
			[]string{"Chile CONDEMNED Peru occurred 2025-03-17"}, nil},
		{"demonstrate against (PROTEST 141)", "2025-03-19", "Protesters demonstrated against Emmanuel Macron in Paris.",
			[]string{"protesters PROTESTED_AGAINST Emmanuel Macron occurred -"}, nil},
		{"a pattern: imposed sanctions (SANCTION)", "2025-03-19", "Poland imposed sanctions on Belarus.",
			[]string{"Poland SANCTIONED Belarus occurred -"}, nil},
		{"a war is an attack, and backing it backs the warring side", "2025-03-19", "North Korea fully supports Russia's war in Ukraine.",
			[]string{"Russia ATTACKED Ukraine occurred -", "North Korea SUPPORTS Russia occurred -"}, nil},
		{"holding an actor responsible accuses it", "2025-03-19", `Hezbollah said it holds Israel "fully responsible" for the blasts.`,
			[]string{"Hezbollah ACCUSED Israel occurred -"}, nil},
		{"waging war from a relative clause", "2025-03-19", "Russia, which is waging war with Ukraine in the Donbas, said it would press on.",
			[]string{"Russia ATTACKED Ukraine occurred -"}, []string{"Russia STRUCK Donbas *"}},
		{"a withdrawal of a state's troops", "2025-03-19", "Kenya hosts the last base after the withdrawal of Italian troops from Niger.",
			[]string{"Italian forces WITHDREW_FROM Niger occurred -"}, nil},
		{"a visit on someone's invitation", "2025-03-19", "Ilham Aliyev was in Ankara on Erdogan's invitation.",
			[]string{"Recep Tayyip Erdoğan INVITED Ilham Aliyev occurred -"}, nil},
		{"at the invitation of", "2025-03-19", "Zelenskyy came to Washington at the invitation of Donald Trump.",
			[]string{"Donald Trump INVITED Volodymyr Zelenskyy occurred -"}, nil},
		{"a joint operation is cooperation and an attack", "2025-03-19", "Mozambique's army and Rwandan forces launched a joint operation against the terrorists.",
			[]string{"Mozambican forces COOPERATES_WITH Rwandan forces occurred -", "Rwandan forces ATTACKED terrorists occurred -"}, nil},
		{"a military operation", "2025-03-19", "Israel launched a military operation in Gaza.",
			[]string{"Israel STRUCK Gaza occurred -"}, nil},
		{"a search operation is no attack", "2025-03-19", "A search operation by the Pakistani army is continuing near Quetta.",
			nil, []string{"* STRUCK *", "* ATTACKED *", "* INVESTIGATED *"}},
		{"launching toward a target", "2025-03-19", "North Korea launched two ballistic missiles toward Japan on Tuesday.",
			[]string{"North Korea ATTACKED Japan occurred 2025-03-18"}, nil},
		{"an attack carried out by its author", "2025-03-19", "Ukrainian guns fired back after the attack carried out by Russia-backed separatists.",
			[]string{"Russia SUPPORTS Russia-backed separatists occurred -"}, nil},
		{"a designation as terrorists is a sanction", "2025-03-19", "Ecuador designated Los Choneros as a terrorist organization.",
			[]string{"Ecuador SANCTIONED Los Choneros occurred -"}, nil},
		{"recalling an ambassador downgrades relations", "2025-03-19", "Chile recalled its ambassador from Peru on Monday.",
			[]string{"Chile SANCTIONED Peru occurred 2025-03-17"}, nil},
		{"breaking off relations", "2025-03-19", "Chile broke off diplomatic relations with Peru.",
			[]string{"Chile SANCTIONED Peru occurred -"}, nil},
		{"a refused meeting is a rejection beside the denied meeting", "2025-03-19", "Chile refused to meet Peru.",
			[]string{"Chile REJECTED Peru occurred -", "Chile MEETS Peru denied -"}, nil},
		{"would not sit down with", "2025-03-19", "Kinshasa would not sit down with the M23 rebels.",
			[]string{"DR Congo REJECTED M23 occurred -"}, nil},
		{"a meeting that did not happen is no refusal", "2025-03-19", "Chile did not meet Peru on Monday.",
			nil, []string{"Chile REJECTED *"}},
		{"a call to concede defeat concedes", "2025-03-19", "After the count, Ivan Petrov called Tomas Vela to concede defeat.",
			[]string{"Ivan Petrov CONCEDED_TO Tomas Vela occurred -", "Ivan Petrov CALLS Tomas Vela occurred -"}, nil},
		{"calling an event a crime accuses its author", "2025-03-19", "Israel struck Gaza. Egypt said the strike was a war crime.",
			[]string{"Egypt ACCUSED Israel occurred -"}, nil},
		{"a good word is no accusation", "2025-03-19", "Israel struck Gaza. Egypt said the talks were useful.",
			nil, []string{"Egypt ACCUSED *"}},
		{"a denial before the clause denies its act", "2025-03-19", "Russia denied it had struck Sumy. Moscow denied striking Kharkiv.",
			[]string{"Russia STRUCK Sumy denied -", "Russia STRUCK Kharkiv denied -"}, nil},
		{"a gerund is not coded", "2025-03-19", "Fighting between Chile and Peru stopped.",
			nil, []string{"Chile ATTACKED *", "Peru ATTACKED *"}},
		{"a halt verb before an event noun leaves it to the noun", "2025-03-19", "Chile suspended talks with Peru.",
			[]string{"Chile REJECTED Peru occurred -"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFacts(t, tc.published, tc.text, tc.want, tc.not)
		})
	}
}

// TestThreatIdioms: a speaker telling what will befall a target threatens
// it, without a threatening verb.
func TestThreatIdioms(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"pay a price", `North Korea warned that South Korea and Japan would pay a "heavy price" over the joint drills.`,
			[]string{"North Korea THREATENED South Korea occurred -", "North Korea THREATENED Japan occurred -"}, nil},
		{"trailing speaker", `"Chile will regret this," Peru said.`,
			[]string{"Peru THREATENED Chile occurred -"}, nil},
		{"without a speaker there is no threat", "Sooner or later Poland will pay a heavy price.", nil, []string{"* THREATENED Poland *"}},
		{"going unanswered needs the negation", "Iran said Israel would go unanswered.", nil, []string{"Iran THREATENED *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not)
		})
	}
}

// TestGroupActors: role nouns without a proper name are actors, and a
// title of a non-state body makes its holder the body's leader.
func TestGroupActors(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"masked gunmen", "Masked gunmen stormed Kabul on Monday.", []string{"masked gunmen STRUCK Kabul occurred *"}, nil},
		{"killing a named person is an attack", "Rebels killed Idriss Deby Itno.", []string{"rebels ATTACKED Idriss Déby Itno occurred -"}, nil},
		{"killing a number of people is a casualty count, not an actor", "Rebels killed nine people in Kabul.", nil, []string{"rebels ATTACKED *"}},
		{"a role noun that modifies is no actor", "The civilian attack in Kabul was condemned.", nil, []string{"civilians *"}},
		{"an X-backed group is backed by X", "Israeli jets struck the Iran-backed Hezbollah movement.",
			[]string{"Iran SUPPORTS Hezbollah occurred -"}, nil},
		{"a state's police", "Ecuadorian police arrested Jorge Glas.",
			[]string{"Ecuadorian police ARRESTED Jorge Glas occurred -", "Ecuadorian police PART_OF Ecuador - -"}, nil},
		{"a past tense after a body noun is its verb", "The Ruritanian army withdrew. The Israeli military posted a warning.",
			[]string{"Israel Defense Forces PART_OF Israel - -"}, nil},
		{"police arriving are deployed", "Bangladeshi police officers arrived in Liberia on Tuesday.",
			[]string{"Bangladeshi police DEPLOYED_TO Liberia occurred 2025-03-18"}, []string{"Bangladeshi police VISITED *"}},
		{"an X-backed group named by its head noun", "Hezbollah vowed revenge. The Iran-backed group said two fighters died.",
			[]string{"Iran SUPPORTS Hezbollah occurred -"}, nil},
		{"the government is the main state's", "Georgia's parliament met in Tbilisi. Georgia said protests grew. Protesters marched against the government.",
			[]string{"protesters PROTESTED_AGAINST Georgian government occurred -"}, nil},
		{"a place's residents are a group", "Istanbul residents protested against Turkey.",
			[]string{"Istanbul residents PROTESTED_AGAINST Turkey occurred -"}, nil},
		{"the international community", "The rebel group urged the international community to act.",
			nil, []string{"* DEMANDED community *"}},
		{"a backed group named with its backer", "British jets bombed Iran-backed militias in Yemen.",
			[]string{"Iran SUPPORTS Iran-backed militias occurred -", "British forces ATTACKED Iran-backed militias occurred -"},
			[]string{"* ATTACKED Iran *"}},
		{"a backed mission backs no one it fights", "Kenyan police joined the UN-backed mission to fight gangs.",
			nil, []string{"United Nations SUPPORTS gangs *"}},
		{"the possessor of a detention is held", "Ecuador detained Jorge Glas. His detention shocked Mexico.",
			[]string{"Ecuador DETAINED Jorge Glas occurred -"}, []string{"Jorge Glas DETAINED *"}},
		{"a site named by its head", "Clifton Beach, a seaside district of Karachi, was calm.",
			[]string{"Clifton Beach LOCATED_IN Karachi - -"}, []string{"Clifton Beach * person *"}},
		{"a country is no place within a city", "Mogadishu, a city of Somalia, was busy.",
			[]string{"Mogadishu LOCATED_IN Somalia - -"}, []string{"Somalia LOCATED_IN Mogadishu *"}},
		{"a body's lawmaker", "On Friday, SNP lawmaker Tomas Vela posted on Telegram.",
			[]string{"Tomas Vela OFFICIAL_OF SNP - -"}, nil},
		{"a state's rebels are a group, not its body", "Syrian rebels seized Damascus.",
			[]string{"Syrian rebels CAPTURED Damascus occurred -"}, []string{"Syrian rebels PART_OF *"}},
		{"a parliament is its own body", "The Turkish parliament passed a law.",
			[]string{"Turkish parliament PART_OF Turkey - -"}, nil},
		{"an honorific and a surname name a person", "Police detained Mr Zabrowski on Monday. Chile condemned Mr. Zabrowski.",
			[]string{"police DETAINED Zabrowski occurred 2025-03-17", "Chile CONDEMNED Zabrowski occurred -"}, nil},
		{"a descriptor opening the sentence is no part of the name", "Centrist Ana Petrova met Ivan Petrov.",
			[]string{"Ana Petrova MEETS Ivan Petrov occurred -"}, []string{"Centrist Ana Petrova *"}},
		{"a Korean family name refers back", "Kim Jong Un met Vladimir Putin. Later, North Korean leader Kim visited Moscow.",
			[]string{"Kim Jong Un VISITED Moscow occurred -"}, []string{"Kim VISITED *"}},
		{"talks behind a hyphenated modifier", "Xi Jinping and Narendra Modi held one-on-one talks for an hour.",
			[]string{"Xi Jinping NEGOTIATES_WITH Narendra Modi occurred -"}, nil},
		{"we in a quote is its speaker", `"We call on Benjamin Netanyahu to halt the push," Haim Bibas said.`,
			[]string{"Haim Bibas DEMANDED Benjamin Netanyahu occurred -"}, nil},
		{"we in a quote after the speaker", `Emomali Rahmon said: "We agreed to sign a treaty with Uzbekistan."`,
			[]string{"Emomali Rahmon AGREED_WITH Uzbekistan *"}, nil},
		{"a pronoun speaker lends no one the quote", `Yoav Gallant was sacked. "We call on Benjamin Netanyahu to stop," he said.`,
			nil, []string{"Yoav Gallant DEMANDED *"}},
		{"a state's ruling party", "Protesters marched against Georgia's ruling party.",
			[]string{"protesters PROTESTED_AGAINST Georgian ruling party occurred -"}, []string{"* PART_OF *"}},
		{"an army chief leads the reported state's army", "Bangladesh Prime Minister Sheikh Hasina resigned. Army chief Waker-Uz-Zaman spoke.",
			[]string{"Waker-Uz-Zaman LEADER_OF Bangladeshi forces - -", "Bangladeshi forces PART_OF Bangladesh - -"}, nil},
		{"the military is the reported state's", "Nepal's parliament met in Kathmandu on Monday. The military guarded the building overnight.",
			[]string{"Nepalese forces PART_OF Nepal - -"}, nil},
		{"a party's leader before the name", "The move angered CHP leader Ozgur Ozel on Monday.",
			[]string{"Ozgur Ozel LEADER_OF CHP - -"}, nil},
		{"the acronym in brackets names the body", "Police arrested Democratic Progress Movement (DPM) Chairman Ivan Petrov.",
			[]string{"Ivan Petrov LEADER_OF DPM - -"}, nil},
		{"the title of a body before the name", "Jets killed the leader of the Hezbollah movement, Hassan Nasrallah.",
			[]string{"Hassan Nasrallah LEADER_OF Hezbollah - -"}, []string{"Hassan LOCATED_IN *"}},
		{"a new president is the president", "Taiwan's new president, Lai Ching-te, spoke.",
			[]string{"Lai Ching-te LEADER_OF Taiwan - -"}, nil},
		{"a party's workers are a group of their own", "On Tuesday, PTI workers marched against Imran Khan.",
			[]string{"PTI workers PROTESTED_AGAINST Imran Khan occurred 2025-03-18"}, []string{"PTI PROTESTED_AGAINST *"}},
		{"a labour strike is a protest", "Indigenous communities began a national strike against Consuelo Porras.",
			[]string{"indigenous communities PROTESTED_AGAINST Consuelo Porras occurred -"}, []string{"* ATTACKED *", "* STRUCK *"}},
		{"a title alone refers back to its holder", "Prime Minister Anthony Albanese met Xi Jinping. Xi praised the prime minister.",
			[]string{"Xi Jinping PRAISED Anthony Albanese occurred -"}, nil},
		{"a former title refers to no one", "Prime Minister Anthony Albanese met Xi Jinping. Xi praised the former prime minister.",
			nil, []string{"Xi Jinping PRAISED Anthony Albanese *"}},
		{"a group's chief leads it", "Hamas chief Yahya Sinwar spoke on Monday.", []string{"Yahya Sinwar LEADER_OF Hamas - -"}, nil},
		{"an army chief leads the army, not the state", "Pakistan's army chief Asim Munir spoke.",
			[]string{"Asim Munir LEADER_OF Pakistan Armed Forces - -"}, []string{"Asim Munir LEADER_OF Pakistan - -"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not)
		})
	}
}

// TestGeneratedLexiconFresh: cameo_verbs.tsv is what `go generate` makes of
// the vendored dictionaries.
func TestGeneratedLexiconFresh(t *testing.T) {
	out := filepath.Join(t.TempDir(), "verbs.tsv")
	cmd := exec.Command("go", "run", "./internal/lexgen", "-dict", "dict", "-out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lexgen: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != cameoVerbs {
		t.Fatal("cameo_verbs.tsv is stale: run go generate ./loader and commit")
	}
}

// TestElections: the verbs of elections beyond "elected".
func TestElections(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"confirmed as a state's leader", "After a tense vote, Ana Petrova was on Tuesday confirmed as Estonia's prime minister.",
			[]string{"Ana Petrova ELECTED_LEADER_OF Estonia occurred 2025-03-18"}, nil},
		{"appointed to a post that leads no state", "Ana Petrova was appointed as Bulgaria's foreign minister.",
			nil, []string{"* ELECTED_LEADER_OF *"}},
		{"winning re-election", "Bangladesh Prime Minister Sheikh Hasina won re-election in January.",
			[]string{"Sheikh Hasina ELECTED_LEADER_OF Bangladesh occurred *"}, nil},
		{"winning something else", "Sheikh Hasina won praise from India.", nil, []string{"* ELECTED_LEADER_OF *"}},
		{"triumphing over a rival", "Sitiveni Rabuka narrowly triumphed over Frank Bainimarama.",
			[]string{"Sitiveni Rabuka DEFEATED Frank Bainimarama occurred -"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not)
		})
	}
}

// checkFacts extracts text and checks the facts it must and must not give.
func checkFacts(t *testing.T, published, text string, want, not []string) {
	t.Helper()
	got := facts(t, published, text)
	for _, w := range want {
		if !has(got, w) {
			t.Errorf("missing %q\ngot:\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	for _, n := range not {
		if has(got, n) {
			t.Errorf("unexpected %q\ngot:\n  %s", n, strings.Join(got, "\n  "))
		}
	}
}

// TestPloverMode: an event coded from the dictionary carries PLOVER's mode.
func TestPloverMode(t *testing.T) {
	tests := []struct{ text, class, mode string }{
		{"Protesters demonstrated against Emmanuel Macron in Paris.", "PROTEST", "demo"},
		{"Turkey arrested Ivan Petrov on Wednesday.", "COERCE", "arrest"},
	}
	l := newTestLoader(t)
	for _, tc := range tests {
		doc, err := l.Extract("test.txt", []byte("---\npublished: 2025-03-19\n---\n"+tc.text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ev := range doc.Events {
			if string(ev.Type) == tc.class {
				got = append(got, ev.Mode)
			}
		}
		if !slices.Contains(got, tc.mode) {
			t.Errorf("%q: %s event modes %q, want %q", tc.text, tc.class, got, tc.mode)
		}
	}
}
