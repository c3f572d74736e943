package loader

import "testing"

// TestStateBodies: bodies named through their state, directly or by the
// report's context, belong to that state.
func TestStateBodies(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"an unknown ministry after a possessive", "Taiwan's Ministry of National Defense condemned China.",
			[]string{"Taiwanese Ministry of National Defense PART_OF Taiwan - -", "Taiwanese Ministry of National Defense CONDEMNED China occurred *"}, nil},
		{"an unknown committee after a demonym", "According to the Uzbek National Guard Committee, Afghan troops crossed the river.",
			[]string{"* National Guard Committee PART_OF Uzbekistan - -"}, nil},
		{"bare police in a report about one state", "Gunmen stormed a television studio in Guayaquil, Ecuador. Police arrested 13 gunmen.",
			[]string{"Ecuadorian police ARRESTED gunmen occurred *", "Ecuadorian police PART_OF Ecuador - -"}, nil},
		{"bare police when the lead names two states", "Ecuador and Peru closed their border. Police arrested 13 gunmen.",
			[]string{"police ARRESTED gunmen occurred *"}, []string{"* police PART_OF *"}},
		{"a junta named by its state", "Soldiers seized power in Niger. ECOWAS condemned the Niger junta.",
			[]string{"ECOWAS CONDEMNED Niger junta occurred -", "Niger junta PART_OF Niger - -"}, nil},
		{"the junta of the state the report is about", "Floods hit Myanmar last week. The Karen National Union denounced the junta for its bombing raids.",
			[]string{"Karen National Union CONDEMNED Myanmar junta occurred -"}, nil},
		{"the group named after adjectives", "Floods hit Myanmar last week. The Karen National Union issued a statement. On Monday the ethnic armed group thanked donors but denounced the junta over new raids.",
			[]string{"Karen National Union CONDEMNED Myanmar junta occurred *"}, nil},
		{"a junta boss", "Soldiers seized power in Niger. Junta boss Abdourahamane Tiani met ECOWAS envoys.",
			[]string{"Abdourahamane Tiani LEADER_OF *"}, nil},
		{"a fuller form of a known name", "Reza Tavakoli, the head of the Islamic Revolutionary Guards, addressed a rally in Tabriz.",
			[]string{"Reza Tavakoli LEADER_OF Islamic Revolutionary Guard Corps - -"}, nil},
		{"a longer name ending in a known one, of its kind", "U.S. jets struck Kataib Hezbollah in Iraq.",
			[]string{"* ATTACKED Kataib Hezbollah occurred -"}, []string{"American forces ATTACKED Hezbollah occurred -"}},
		{"church, tribunal and party names", "The Bulgarian Orthodox Church condemned the Constitutional Tribunal over the raid. A member of the Renewal party spoke up.",
			[]string{"Bulgarian Orthodox Church CONDEMNED *"}, nil},
		{"a state's own junta does not attack the state", "Floods hit Myanmar last week. The junta kept up airstrikes in Myanmar.",
			nil, []string{"Myanmar junta ATTACKED Myanmar *"}},
		{"a demonym reaches a coordinated body", "A hunt by the Pakistani army and police is continuing in Balochistan.",
			[]string{"Pakistani police PART_OF Pakistan - -"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestNounArguments: an event noun's parties read from its phrase,
// wherever the noun stands in the sentence.
func TestNounArguments(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"between X and Y before a verb", "Talks between Serbia and Kosovo resumed on Monday.",
			[]string{"Serbia NEGOTIATES_WITH Kosovo occurred 2025-03-17"}, nil},
		{"a meeting as the subject", "A meeting between Albin Kurti and Aleksandar Vucic ended in acrimony.",
			[]string{"Albin Kurti MEETS Aleksandar Vučić occurred *"}, nil},
		{"a place inside the subject is no subject", "Israeli strikes in Beirut killed Omar Dalil on Friday.",
			[]string{"Israel ATTACKED Omar Dalil occurred 2025-03-14"}, []string{"Beirut ATTACKED *"}},
		{"clashes between two states' police", "Trade stopped after clashes between Armenian and Azerbaijani border guards last year.",
			[]string{"Armenian * ATTACKED Azerbaijani * occurred *"}, nil},
		{"fighting between two forces opens the sentence", "Fighting between the Sudanese army and the Rapid Support Forces continued in Khartoum.",
			[]string{"Sudanese Armed Forces ATTACKED Rapid Support Forces occurred -"}, nil},
		{"a killing told as a noun, its victim the possessor", "Officials said agents of the Russian government carried out Ivan Petrov's killing.",
			[]string{"Russian government ATTACKED Ivan Petrov *"}, nil},
		{"a town's name before a surname is a given name", "The killing of Ismail Haniyeh in Tehran shocked Hamas.",
			nil, []string{"Ismail *"}},
		{"the leader of a body, named after a comma, is the one killed", "Turkish strikes near Sulaymaniyah killed the head of the Iran-backed Badr movement, Omar Dalil.",
			[]string{"Turkey ATTACKED Omar Dalil occurred -", "Omar Dalil LEADER_OF Badr* - -"}, []string{"Turkey ATTACKED Badr*"}},
		{"a quoted count before the weapons", "A navy spokesman said Ukraine launched \"approximately 80\" drones towards Russia overnight.",
			[]string{"Ukraine ATTACKED Russia * -"}, nil},
		{"', then' keeps the first verb's subject", "Gunmen shot a Malian soldier, then stormed a church in Mali.",
			[]string{"gunmen STRUCK Mali occurred -"}, []string{"Malian forces STRUCK *", "Malian army STRUCK *"}},
		{"killed in a named attack", "Sami Rafik was killed in Israeli strikes on Friday.",
			[]string{"Israel ATTACKED Sami Rafik occurred 2025-03-14"}, nil},
		{"coordinated victims with appositives, killed in the strikes told before",
			"Russia launched strikes on Ukraine on Friday. Ivan Petrov, the commander of the Azov Brigade, and Tomas Vela, the former head of the Energy Agency, were killed in the strikes.",
			[]string{"Russia ATTACKED Ivan Petrov occurred 2025-03-14", "Russia ATTACKED Tomas Vela occurred 2025-03-14"},
			[]string{"* ATTACKED Azov Brigade *"}},
		{"'the strikes' are the strikes, not a later drone launch",
			"Russia launched strikes on Ukraine on Friday. Ukraine launched 100 drones towards Russia. Ivan Petrov was killed in the strikes.",
			[]string{"Russia ATTACKED Ivan Petrov occurred *"}, []string{"Ukraine ATTACKED Ivan Petrov *"}},
		{"killed in an explosion is no earlier attack", "Russia launched missiles toward Ukraine. Tomas Vela was assassinated in an explosion at his flat in Minsk.",
			nil, []string{"Russia ATTACKED Tomas Vela *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestRoles: who leads or speaks for a body, read from titles and
// appositives, and references to such people and to states.
func TestRoles(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a plural possessive and a descriptive title", "Hamas' political leader, Ivan Petrov, was killed in Doha.",
			[]string{"Ivan Petrov LEADER_OF Hamas - -"}, nil},
		{"a possessive pronoun names the body", "Hamas welcomed a message from its exiled leader Ivan Petrov.",
			[]string{"Ivan Petrov LEADER_OF Hamas - -"}, nil},
		{"a group named after a group noun", "The violence followed the arrest of Tomas Vela, the leader of the street gang Barrio Azteca.",
			[]string{"Tomas Vela LEADER_OF Barrio Azteca - -"}, nil},
		{"a known name inside a longer one", "National Security Council spokesman Ivan Petrov told reporters the sanctions were justified.",
			[]string{"Ivan Petrov SPOKESPERSON_FOR National Security Council - -"}, []string{"* UN Security Council *"}},
		{"capitals as states, New Delhi as Delhi", "Delhi has accused Beijing of arming insurgents.",
			[]string{"India ACCUSED China occurred -"}, nil},
		{"the chief of an acronym the article introduced", "Police detained People's Unity Front (PUF) Chairman Tomas Vela in Dhaka. Bangladesh's army later criticised the PUF chief.",
			[]string{"* CRITICIZED Tomas Vela occurred -"}, []string{"* CRITICIZED PUF *"}},
		{"a state's president named by a title anaphor leads it", "The Russian president did not comment on Friday.",
			[]string{"Vladimir Putin LEADER_OF Russia - -"}, nil},
		{"an unknown town before its country", "Javier Milei met David Cameron in Davos, Switzerland.",
			[]string{"Davos LOCATED_IN Switzerland - -"}, nil},
		{"a comma before another titled person is no appositive", "Washington will offer a visa to Tomas Vela, White House press secretary Karoline Leavitt told reporters.",
			[]string{"Karoline Leavitt SPOKESPERSON_FOR White House - -"}, []string{"Tomas Vela SPOKESPERSON_FOR *"}},
		{"the head of a state's section is its official", "On Monday, Ivan Petrov, head of the Chilean consular office in Lima, spoke to reporters.",
			[]string{"Ivan Petrov OFFICIAL_OF Chile - -"}, []string{"Ivan Petrov LEADER_OF Chile *"}},
		{"a surname that names a region too", "Judge Fredy Orellana ruled on Monday. The leaders accused Orellana of a coup.",
			nil, []string{"* LOCATED_IN Ecuador *"}},
		{"the attack named after its place", "Gunmen raided an outpost in Niger on Monday, killing four French soldiers. France bombed Mali on Thursday. Macron honoured the soldiers killed in the Niger attack.",
			[]string{"gunmen STRUCK Niger occurred *"}, []string{"France STRUCK Niger *", "Niger ATTACKED *"}},
		{"a state's counterpart, whose given name is also a region's", "She said Foreign Minister Anita Anand and her Colombian counterpart Carolina Soto would meet.",
			[]string{"Carolina Soto OFFICIAL_OF Colombia - -"}, []string{"Carolina LOCATED_IN *"}},
		{"a person from a party", "Ivan Petrov from Ghana's ruling coalition phoned rival candidate Tomas Vela to congratulate him.",
			[]string{"Ivan Petrov MEMBER_OF Ghanaian ruling coalition - -", "Ivan Petrov CONGRATULATED Tomas Vela occurred -"},
			[]string{"Ghanaian ruling coalition CONGRATULATED *"}},
		{"a region's top administrator leads it", "Gunmen shot at a truck in Punjab. Ivan Petrov, the region's top administrator, denounced the shooting.",
			[]string{"Ivan Petrov LEADER_OF Punjab - -"}, nil},
		{"a region's other officials are not its own", "Militants fired upon a bus in Jammu and Kashmir. Ana Petrova, the region's police spokesperson, spoke.",
			nil, []string{"Ana Petrova * Jammu and Kashmir *"}},
		{"a possessed detention is the one told before", "Peru detained Tomas Vargas. Chile condemned Vargas' detention.",
			[]string{"Chile CONDEMNED Peru occurred -"}, []string{"Chile CONDEMNED Tomas Vargas *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestThreatCulprits: a vow of revenge threatens whoever did the deed it
// names, or the actor its consequences fall on.
func TestThreatCulprits(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"the killing of a named victim, in quotes", "Turkish drones killed Tomas Vela near Sulaymaniyah. Iraq's Foreign Minister Ivan Petrov vowed that Vela's killing “will not go unanswered.”",
			[]string{"Ivan Petrov THREATENED Turkish forces occurred *"}, nil},
		{"those responsible", "Masked gunmen fired on a bus in Sindh. Tomas Vela condemned the attack and vowed that those responsible will be held accountable.",
			[]string{"Tomas Vela THREATENED masked gunmen occurred *"}, nil},
		{"consequences for a named actor", "\"An invasion of Kosovo by Serbia would carry grave consequences for Serbia,\" Johann Wadephul warned.",
			[]string{"Johann Wadephul THREATENED Serbia occurred *"}, nil},
		{"no deed told, no culprit", "Tomas Vela vowed that those responsible will be held accountable.", nil, []string{"* THREATENED *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestProtests: a street protest that names no target is against the
// government where it happens; a state's protest is diplomatic.
func TestProtests(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"students demonstrating in the report's state", "Serbia arrested Belgrade mayor Ivan Petrov. Students at Belgrade University demonstrated again on Thursday.",
			[]string{"students PROTESTED_AGAINST Serbian government occurred 2025-03-13"}, []string{"Belgrade University PROTESTED_AGAINST *"}},
		{"a march in a region's city", "Protesters marched through Aktobe, the capital of Aktobe Region, on Friday.",
			[]string{"protesters PROTESTED_AGAINST Kazakh* government occurred *"}, nil},
		{"a named target stays the target", "Protesters demonstrated against Emmanuel Macron in Paris.",
			[]string{"protesters PROTESTED_AGAINST Emmanuel Macron occurred -"}, []string{"* PROTESTED_AGAINST French government *"}},
		{"a state's protest is no march", "Russia protested the move.", nil, []string{"* PROTESTED_AGAINST *"}},
		{"a participle phrase after the subject", "Nepal's prime minister Ana Petrova quit. Protesters calling for early elections have stormed her office in Kathmandu.",
			[]string{"protesters STRUCK Kathmandu occurred *"}, nil},
		{"presidential candidates are named with their modifier", "Two presidential candidates conceded to Tomas Vela on Monday.",
			[]string{"presidential candidates CONCEDED_TO Tomas Vela occurred 2025-03-17"}, nil},
		{"a dateline month is no march", "March 4 (TASS) - Kazakh President Kassym-Jomart Tokayev signed a trade deal.", nil, []string{"* PROTESTED_AGAINST *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestCustody: arrests told without an agent are the state's.
func TestCustody(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"taken into custody, the state's police named later", "Georgia's opposition leader Tomas Vela was taken into custody on Wednesday in Tbilisi. Georgian police have since detained 12 protesters.",
			[]string{"Georgian police DETAINED Tomas Vela occurred 2025-03-19"}, nil},
		{"arrested in a city, no police named", "Ivan Petrov was arrested in Kabul on Monday.",
			[]string{"Afghan government ARRESTED Ivan Petrov occurred 2025-03-17"}, nil},
		{"an agent named stays the agent", "Police took Ekrem Imamoglu into custody.",
			[]string{"police DETAINED Ekrem Imamoglu occurred -"}, nil},
		{"a subject with an adverb-led appositive", "Turkey's police raided the home of Ekrem Imamoglu. Imamoglu, widely seen as a challenger to Recep Tayyip Erdogan, was taken into custody on Wednesday in Istanbul.",
			[]string{"Turkish police DETAINED Ekrem Imamoglu occurred 2025-03-19"}, []string{"* DETAINED Recep Tayyip Erdoğan *"}},
		{"a deployment's place later in its clause", "Kenya is deploying extra soldiers to help counter raids by bandits in Turkana.",
			[]string{"Kenya DEPLOYED_TO Turkana* occurred -"}, nil},
		{"would help to", "Recep Tayyip Erdogan told reporters Ankara would help to stabilise Syria.",
			[]string{"Turkey PROVIDED_AID_TO Syria planned -"}, nil},
		{"taking control of a town captures it", "M23 rebels took control of Goma on Sunday.",
			[]string{"M23 CAPTURED Goma occurred 2025-03-16"}, nil},
		{"taking steps captures nothing", "The government took steps to control prices.", nil, []string{"* CAPTURED *"}},
		{"no state, no custodian", "Ivan Petrov was arrested.", nil, []string{"* ARRESTED *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}
