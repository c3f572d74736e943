package loader

import "testing"

// TestForcesSentToHelp: troops sent to fight beside an actor are military
// aid to it, and "the rebels" are never the soldiers just named.
func TestForcesSentToHelp(t *testing.T) {
	checkFactTable(t, []factCase{
		{"soldiers sent to help a state", "The Lithuanian government sent 150 soldiers to help Latvia fight the insurgents.",
			[]string{"Lithuanian government PROVIDED_AID_TO Latvia occurred *", "Latvia ATTACKED insurgents occurred *"},
			[]string{"Latvia ATTACKED soldiers *"}},
		{"troops deployed to help an army", "Estonia is deploying extra troops to help the Latvian army on the border.",
			[]string{"Estonia PROVIDED_AID_TO Latvian forces occurred *"}, nil},
		{"peacekeepers to support a government", "Lithuania will send peacekeepers to support the government of Latvia.",
			[]string{"Lithuania PROVIDED_AID_TO Latvian government planned *"}, nil},
		{"troops deployed to a place are no aid", "Estonia deployed 300 troops to Latvia on Monday.",
			[]string{"Estonia DEPLOYED_TO Latvia occurred 2025-03-17"}, []string{"Estonia PROVIDED_AID_TO *"}},
	})
}

// TestGovernmentOf: "the government of X" is X's government, as "the X-ian
// government" is, wherever it stands in the clause.
func TestGovernmentOf(t *testing.T) {
	checkFactTable(t, []factCase{
		{"as the object", "Estonia thanked the government of Latvia for its help.",
			[]string{"Estonia THANKED Latvian government occurred *"}, nil},
		{"as the subject", "The government of Latvia condemned the raid by Belarus.",
			[]string{"Latvian government CONDEMNED Belarus occurred *"}, nil},
	})
}

// TestAttacksAsSubjects: an attack named as the subject of a verb of
// attack is that attack, by whoever the noun names.
func TestAttacksAsSubjects(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a state's offensive takes a town", "A Latvian offensive seized control of the town of Daugavpils on Monday.",
			[]string{"Latvia CAPTURED Daugavpils occurred 2025-03-17"}, []string{"Latvia STRUCK Daugavpils *"}},
		{"a rebel offensive takes a city", "A rebel offensive seized control of Riga on Sunday.",
			[]string{"rebels CAPTURED Riga occurred 2025-03-16"}, nil},
		{"a rebel attack on a city", "The rebel attack on Liepaja killed nine people.",
			[]string{"rebels STRUCK Liepāja occurred *"}, nil},
		{"an armed attack names no group", "An armed attack on Liepaja killed two people.",
			nil, []string{"armed groups STRUCK *"}},
	})
}

// TestVowsOverKillings: a vow that a killing will not go unanswered
// threatens the killers, never the dead.
func TestVowsOverKillings(t *testing.T) {
	checkFactTable(t, []factCase{
		{"the killers told before", "Belarusian forces killed two Latvian border guards on Monday. Latvian Prime Minister Evika Silina vowed that the killing of the guards would not go unanswered.",
			[]string{"Evika Siliņa THREATENED Belarusian forces occurred *"}, []string{"* THREATENED guards *"}},
		{"no killers told", "Karins vowed that the killing of the guards would not go unanswered.",
			nil, []string{"* THREATENED guards *"}},
	})
}

// TestRequestsVotesAndVictims: a sitting asked of a body is a request to
// it, a vote in favour of someone backs them, aid for victims in a place
// goes to its state, and a participle joined by "and" to a trailing one
// shares its subject.
func TestRequestsVotesAndVictims(t *testing.T) {
	checkFactTable(t, []factCase{
		{"an emergency meeting of a body", "Latvia requested an emergency meeting of the UN Security Council on Friday.",
			[]string{"Latvia DEMANDED UN Security Council occurred 2025-03-14"}, []string{"Latvia MEETS *"}},
		{"a call for a session", "Estonia called for an urgent session of NATO.",
			[]string{"Estonia DEMANDED NATO occurred *"}, nil},
		{"a meeting about a state is no request to it", "Lithuania requested a meeting to discuss Belarus.",
			nil, []string{"Lithuania DEMANDED Belarus *"}},
		{"voted in favour of", "The Unity party voted in favour of Evika Silina in the confidence vote.",
			[]string{"Unity party SUPPORTS Evika Siliņa occurred *"}, nil},
		{"voted against backs no one", "The Unity party voted against Evika Silina.",
			nil, []string{"* SUPPORTS Evika Siliņa *"}},
		{"aid for victims in a place", "Finland will provide $3 million in aid to help flood victims in Daugavpils.",
			[]string{"Finland PROVIDED_AID_TO Latvia planned *"}, nil},
		{"a second trailing participle", "Edgars Rinkevics criticised the rally, accusing the opposition of stirring unrest and warning the protesters of consequences.",
			[]string{"Edgars Rinkēvičs ACCUSED opposition occurred *", "Edgars Rinkēvičs WARNED protesters occurred *"}, nil},
	})
}

// TestListsStreetsAndRecognition: putting a state on a list of sponsors
// of terror sanctions it and taking it off lifts that; a force deployed on
// a city's streets is deployed to the city; refusing to recognise a
// state's independence rejects the state.
func TestListsStreetsAndRecognition(t *testing.T) {
	checkFactTable(t, []factCase{
		{"added to a list", "Washington added Venezuela to its list of terror sponsors.",
			[]string{"United States SANCTIONED Venezuela occurred *"}, nil},
		{"put on a blacklist", "Canada put Belarus on its blacklist on Monday.",
			[]string{"Canada SANCTIONED Belarus occurred 2025-03-17"}, nil},
		{"removed from the list", "Washington removed Venezuela from its list of terror sponsors.",
			[]string{"United States LIFTED_SANCTIONS_ON Venezuela occurred *"}, []string{"* DEPORTED *"}},
		{"removed from a blacklist", "Canada removed Belarus from its terrorism blacklist.",
			[]string{"Canada LIFTED_SANCTIONS_ON Belarus occurred *"}, []string{"* DEPORTED *"}},
		{"on the streets of a city", "Armenia voted last week. Its army was deployed on the streets of Yerevan while votes were counted.",
			[]string{"Armenian forces DEPLOYED_TO Yerevan occurred *"}, nil},
		{"the independence of a state", "Madrid refused to recognise the independence of Kosovo.",
			[]string{"Spain REJECTED Kosovo occurred *"}, nil},
	})
}

// TestStateMediaAndRulers: a state's media speak as an organisation of
// the state; the government in a capital is that state's; fighting to
// topple a government and waging an insurgency against it attack it.
func TestStateMediaAndRulers(t *testing.T) {
	checkFactTable(t, []factCase{
		{"state media report an attack", "Syrian state media reported that Israeli jets bombed targets near Homs.",
			[]string{"Syrian state media ACCUSED Israel Defense Forces occurred *"}, nil},
		{"the government in a capital", "The militants have been fighting to topple the weak central government in Bamako for a decade.",
			[]string{"militants ATTACKED Malian government occurred *"}, []string{"militants STRUCK Bamako *"}},
		{"to overthrow the government of a state", "Rebels are fighting to overthrow the government of Chad.",
			[]string{"rebels ATTACKED Chadian government occurred *"}, nil},
		{"an insurgency against", "Boko Haram has waged an insurgency against the Nigerian government since 2009.",
			[]string{"Boko Haram ATTACKED Nigerian government occurred *"}, nil},
		{"fighting to win is no attack on a target", "Farmers are fighting to keep their land near Bamako.",
			nil, []string{"* ATTACKED *"}},
	})
}

// TestLabelsOnArrests: naming an arrest an outrage accuses whoever made it,
// never the one held, however the arrest is named; an accusation after
// "after" is the clause subject's.
func TestLabelsOnArrests(t *testing.T) {
	before := "Peruvian police arrested Pedro Castillo at his home on Friday. "
	checkFactTable(t, []factCase{
		{"the arrest", before + "Gustavo Petro called the arrest an outrage.",
			[]string{"Gustavo Petro ACCUSED Peruvian police occurred *"}, []string{"Gustavo Petro ACCUSED Pedro Castillo *"}},
		{"the detention of the held", before + "Gustavo Petro responded, calling the detention of Castillo an authoritarian act.",
			[]string{"Gustavo Petro ACCUSED Peruvian police occurred *"}, []string{"Gustavo Petro ACCUSED Pedro Castillo *"}},
		{"the held's detention", before + "Gustavo Petro called Castillo's detention an outrage.",
			[]string{"Gustavo Petro ACCUSED Peruvian police occurred *"}, []string{"Gustavo Petro ACCUSED Pedro Castillo *", "Pedro Castillo DETAINED *"}},
		{"after accusing", "Peru held a runoff last week. Dina Boluarte took office on Sunday, after accusing the previous government of sowing chaos.",
			[]string{"Dina Boluarte ACCUSED Peruvian government occurred *"}, nil},
	})
}

// TestLandingsRegionsAndTravel: a projectile that fell somewhere in a
// report of an attack struck it; a name before "district" or "province"
// is a region; the passive of a verb whose participle is its base form is
// passive; a traveller's talks are the traveller's.
func TestLandingsRegionsAndTravel(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a missile fell in a city", "Iran launched missiles at Israel on Tuesday. A missile fell in Haifa.",
			[]string{"Iran STRUCK Haifa occurred 2025-03-18"}, nil},
		{"a drone crashed with no attack told", "A Russian drone crashed near Balti on Sunday.",
			nil, []string{"Russia STRUCK *"}},
		{"an unknown district", "Suspected militants fired on a bus in the Baramdi district of Jammu and Kashmir on Sunday.",
			[]string{"suspected militants STRUCK Baramdi district reported 2025-03-16"}, nil},
		{"a district named after a known town", "Gunmen fired on a bus in the Kathua district of Jammu and Kashmir on Sunday.",
			[]string{"gunmen STRUCK Kathua district occurred 2025-03-16", "Kathua district LOCATED_IN India - -"}, []string{"gunmen STRUCK Kathua occurred *"}},
		{"a district of a known city stands for the city", "Fighting went on in Sudan. The army captured the Tuti district of Khartoum on Monday.",
			[]string{"Sudanese Armed Forces CAPTURED Khartoum occurred 2025-03-17"}, []string{"* CAPTURED Tuti district *"}},
		{"were hit", "Israel launched strikes on Iran on Friday. Several buildings in Isfahan were hit.",
			[]string{"Israel STRUCK Isfahan occurred *"}, []string{"Isfahan ATTACKED *", "Isfahan STRUCK *"}},
		{"arrived for talks", "Anthony Albanese arrived in Tokyo on Saturday for talks with Shigeru Ishiba.",
			[]string{"Anthony Albanese NEGOTIATES_WITH Shigeru Ishiba occurred 2025-03-15"}, nil},
		{"a call for talks is no talks", "Ukraine called for talks with Russia.",
			nil, []string{"Ukraine NEGOTIATES_WITH *"}},
		{"a state's police officer killed", "Gunmen killed a Kosovar police officer on Sunday.",
			[]string{"gunmen ATTACKED Kosovar police occurred 2025-03-16"}, nil},
	})
}

// TestStatedRoles: roles stated with a copula or a relative clause, a
// titled person after a demand for an ouster, and a body after two
// demonyms belongs to the first one's state.
func TestStatedRoles(t *testing.T) {
	checkFactTable(t, []factCase{
		{"is the legitimate president of", "The bloc insists Mohamed Bazoum is the legitimate president of Niger.",
			[]string{"Mohamed Bazoum LEADER_OF Niger - -"}, nil},
		{"is recognised as the elected president of", "Mohamed Bazoum is recognised as the elected president of Niger.",
			[]string{"Mohamed Bazoum LEADER_OF Niger - -"}, nil},
		{"who ruled a state", "Rebels killed Idriss Deby, who had ruled Chad since 1990.",
			[]string{"Idriss Déby Itno LEADER_OF Chad - -"}, nil},
		{"who ruled, the report's state", "Chad's army took power after rebels killed Idriss Deby, who had ruled for three decades.",
			[]string{"Idriss Déby Itno LEADER_OF Chad - -"}, nil},
		{"who met is no ruler", "Chad's army took power after Idriss Deby, who met rebels, was killed.",
			nil, []string{"Idriss Déby Itno LEADER_OF *"}},
		{"the resignation of a titled person", "Teachers began a strike on Monday to press for the ouster of the attorney general, Consuelo Porras.",
			[]string{"teachers PROTESTED_AGAINST Consuelo Porras occurred 2025-03-17"}, nil},
		{"an ethnic adjective after the state's", "Gunmen killed a Kosovar Serbian police officer on Sunday.",
			[]string{"gunmen ATTACKED Kosovar police occurred 2025-03-16"}, []string{"* PART_OF Serbia *", "gunmen ATTACKED Kosovo *"}},
	})
}

// TestCrowdsAndCalls: an unnamed crowd marching to protest, or joining
// protests, is protesters; a party calling for protests protests.
func TestCrowdsAndCalls(t *testing.T) {
	checkFactTable(t, []factCase{
		{"marched to protest", "Thousands of Slovaks marched in Bratislava to protest against Prime Minister Robert Fico.",
			[]string{"protesters PROTESTED_AGAINST Robert Fico occurred *"}, nil},
		{"joined anti-government protests", "Thousands joined anti-government protests in Bratislava on Sunday.",
			[]string{"protesters PROTESTED_AGAINST Slovak government occurred 2025-03-16"}, nil},
		{"a party calls for protests", "The Slovak opposition called for new protests in 20 towns on Friday.",
			[]string{"Slovak opposition PROTESTED_AGAINST Slovak government occurred 2025-03-14"}, nil},
		{"a call for talks is no protest", "Slovakia called for talks with Hungary.",
			nil, []string{"* PROTESTED_AGAINST *"}},
	})
}

// TestTrailingSpeakers: the speaker after a quote may open with "the" or
// follow the verb with a title and a comma before the name; fighting told
// by a third party blames neither side.
func TestTrailingSpeakers(t *testing.T) {
	checkFactTable(t, []factCase{
		{"the title and name after the quote", `"Baku will pay a heavy price," the Armenian foreign minister Ararat Mirzoyan said.`,
			[]string{"Ararat Mirzoyan THREATENED Azerbaijan occurred -"}, nil},
		{"the verb, then the title and name", `"Baku will pay a heavy price," said the Armenian foreign minister, Ararat Mirzoyan.`,
			[]string{"Ararat Mirzoyan THREATENED Azerbaijan occurred -"}, []string{"Armenia THREATENED *"}},
		{"fighting told by a third party", "Fighting between the army and the RSF has forced thousands to flee, the United Nations said.",
			nil, []string{"United Nations ACCUSED *"}},
		{"narration after the speaker is the writer's", "Armenia and Azerbaijan agreed on Monday to reopen the border, the Armenian foreign ministry said, after talks between Ararat Mirzoyan and Jeyhun Bayramov in Geneva.",
			[]string{"Ararat Mirzoyan NEGOTIATES_WITH Jeyhun Bayramov occurred -"}, nil},
	})
}

// TestForceInAState: a threat of force in a state threatens the state, and
// a bloc's leaders act as a group of the bloc.
func TestForceInAState(t *testing.T) {
	checkFactTable(t, []factCase{
		{"force in a state", "The bloc's leaders threatened to restore order by force in Guinea if the junta refuses.",
			nil, []string{"* THREATENED Guinea *"}},
		{"a bloc's leaders threaten force in a state", "ECOWAS leaders threatened to restore civilian rule by force in Guinea if the junta refuses.",
			[]string{"ECOWAS leaders THREATENED Guinea occurred *"}, nil},
		{"military intervention in a state", "The African Union threatened military intervention in Guinea.",
			[]string{"African Union THREATENED Guinea occurred *"}, nil},
		{"an election in a state is no threat to it", "The junta threatened to delay elections in Guinea.",
			nil, []string{"* THREATENED Guinea *"}},
	})
}

// TestListsWithTimesAndTheNation: a list of places with a time after each
// is one list; "the nation" refers back to a state, never to the clause's
// own subject.
func TestListsWithTimesAndTheNation(t *testing.T) {
	checkFactTable(t, []factCase{
		{"places with times between", "Russia withdrew its troops from Georgia in August 2008, Moldova in 2010 and Armenia in May.",
			[]string{"Russia WITHDREW_FROM Georgia occurred *", "Russia WITHDREW_FROM Moldova occurred *", "Russia WITHDREW_FROM Armenia occurred *"}, nil},
		{"the nation after another subject", "Moldova held elections in April. Romania supports the nation with weapons.",
			[]string{"Romania SUPPORTS Moldova occurred *"}, []string{"Romania SUPPORTS Romania *"}},
	})
}

// TestCloserAndTogether: growing closer to an actor, working together and
// working out differences are cooperation and agreement.
func TestCloserAndTogether(t *testing.T) {
	checkFactTable(t, []factCase{
		{"grown closer to", "Samoa has grown closer to China in recent years.",
			[]string{"Samoa COOPERATES_WITH China occurred *"}, nil},
		{"moved closer to", "Hungary moved closer to Russia after the election.",
			[]string{"Hungary COOPERATES_WITH Russia occurred *"}, nil},
		{"a pair working together", "Chile and Peru are working together on the border.",
			[]string{"Chile COOPERATES_WITH Peru occurred *"}, nil},
		{"achieve by working together", "Ottawa and Delhi can achieve a lot by working together.",
			[]string{"Canada COOPERATES_WITH India *"}, nil},
		{"worked out differences", "Tokyo and Seoul have worked out their differences over the islands.",
			[]string{"Japan AGREED_WITH South Korea occurred *"}, nil},
		{"worked out alone is no agreement", "Japan worked out a new budget.",
			nil, []string{"* AGREED_WITH *"}},
		{"moved closer to a place", "Russian troops moved closer to Kharkiv.",
			nil, []string{"* COOPERATES_WITH *"}},
	})
}

// TestEmergencyRuleAndEncouragement: a state of emergency or a curfew
// declared over a place is rule by decree over it; encouraging an actor to
// act is a request; the subject of a verb after "and" is the finite verb's
// before it, not a noun's.
func TestEmergencyRuleAndEncouragement(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a state of emergency in a region", "Kassym-Jomart Tokayev declared a two-week state of emergency in Mangystau on Wednesday.",
			[]string{"Kassym-Jomart Tokayev BANNED Mangystau occurred 2025-03-19"}, nil},
		{"a curfew in a city", "Kazakhstan imposed a curfew in Almaty.",
			[]string{"Kazakhstan BANNED Almaty occurred *"}, nil},
		{"an emergency meeting is no decree", "Kazakhstan announced an emergency meeting in Almaty.",
			nil, []string{"* BANNED *"}},
		{"encouraged to act", "The European Union encouraged Georgia to resume reforms.",
			[]string{"European Union DEMANDED Georgia occurred *"}, []string{"European Union PRAISED Georgia *"}},
		{"no signs of, and", "Imran Khan showed no signs of retreat and then sought help from the Supreme Court.",
			[]string{"Imran Khan DEMANDED Supreme Court occurred *"}, nil},
	})
}

// TestPlacesOfWhatWasHit: things hit in a passive clause are hit where the
// subject's phrase says, never where another clause says.
func TestPlacesOfWhatWasHit(t *testing.T) {
	checkFactTable(t, []factCase{
		{"bases around a city", "Israel launched strikes on Iran on Friday. Several bases around Isfahan as well as two depots have also been hit.",
			[]string{"Israel STRUCK Isfahan occurred *"}, nil},
		{"a place of another clause", "The airliner crashed in Kazakhstan after being hit over Grozny by Russian air defences.",
			nil, []string{"* STRUCK Kazakhstan *"}},
	})
}

// TestVisitPlaceBefore: a visit told after where something befell the
// visitor was there.
func TestVisitPlaceBefore(t *testing.T) {
	checkFactTable(t, []factCase{
		{"snubbed in a state during a visit", "Olaf Scholz was snubbed in Beijing during his recent visit.",
			[]string{"Olaf Scholz VISITED Beijing occurred *"}, nil},
		{"a visit with its own place", "Olaf Scholz was praised in Paris during his visit to Beijing.",
			[]string{"Olaf Scholz VISITED Beijing occurred *"}, []string{"Olaf Scholz VISITED Paris *"}},
	})
}

// TestBodiesAndExperts: a title after a body's bracketed short form
// belongs to the body, named by the short form ("DEM Party") or, when the
// brackets name nothing, by the name before them; an acronym before a
// body's head word is one name; an expert of a body is its official.
func TestBodiesAndExperts(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a two-word short form in brackets", "Later, the Green Democratic Party (GD Party) spokesperson Mira Kovac spoke to reporters.",
			[]string{"Mira Kovac SPOKESPERSON_FOR GD Party - -"}, nil},
		{"brackets that name nothing", "Later, the Green Democratic Party (in opposition) spokesperson Mira Kovac spoke to reporters.",
			[]string{"Mira Kovac SPOKESPERSON_FOR Green Democratic Party - -"}, nil},
		{"an acronym and a head word", "On Monday, GD Party lawmaker Ivo Lasic visited the prison.",
			[]string{"Ivo Lasic OFFICIAL_OF GD Party - -"}, nil},
		{"an expert of a body", "Jean Dupont, a UN expert on Haiti, said the police were outgunned.",
			[]string{"Jean Dupont OFFICIAL_OF United Nations - -"}, nil},
	})
}

// TestMissions: a mission is one actor however it is named: by sponsor and
// place, by its host's adjective, by its sponsor alone, or as "the mission".
func TestMissions(t *testing.T) {
	checkFactTable(t, []factCase{
		{"sponsor and place, then the mission", "Chad sent 400 police officers to Haiti on Monday. Canada delivered armoured vehicles to the UN mission in Haiti. Brazil thanked the mission.",
			[]string{"Canada PROVIDED_AID_TO UN mission in Haiti occurred *", "Brazil THANKED UN mission in Haiti occurred *"}, nil},
		{"a mission to a planet is no actor", "The mission to Mars was delayed. Canada thanked the mission.",
			nil, []string{"Canada THANKED *"}},
	})
}
