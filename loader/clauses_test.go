package loader

import "testing"

// TestDictionarySets: the dictionary's synonym sets ("&aircraft",
// "&military") stand for any of their members in a verb + object pattern,
// and a sum before the object does not hide it.
func TestDictionarySets(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a member of a synonym set", "France delivered helicopters to Chad on Monday.",
			[]string{"France PROVIDED_AID_TO Chad occurred 2025-03-17"}, nil},
		{"a sum in dollars before the aid", "Norway will provide up to $30 million in aid to Sudan.",
			[]string{"Norway PROVIDED_AID_TO Sudan planned *"}, nil},
		{"a sum in euros before the assistance", "Germany gave 400 million euros of assistance to Moldova.",
			[]string{"Germany PROVIDED_AID_TO Moldova occurred *"}, nil},
	})
}

// TestKillingCause: a named person killed in a report of an attack was
// killed by its author, whether the clause names the attack or not, unless
// it gives a cause of its own or the person is on the attacker's side.
func TestKillingCause(t *testing.T) {
	checkFactTable(t, []factCase{
		{"an adjective between the light verb and the attack", "Turkey has launched coordinated strikes on the PKK in Iraq.",
			[]string{"Turkey ATTACKED PKK occurred *"}, nil},
		{"the verb is no adjective after an auxiliary", "Egypt has condemned strikes on Gaza.",
			nil, []string{"Egypt ATTACKED *", "Egypt STRUCK *"}},
		{"no cause named, the attack told just before", "Russia launched missile strikes on Kharkiv on Tuesday. Ivan Petrov, Commander of the city's air defence, has also been killed, officials said.",
			[]string{"Russia ATTACKED Ivan Petrov occurred *"}, nil},
		{"a cause of its own", "Russia launched missile strikes on Kharkiv on Tuesday. Ivan Petrov was killed in a road accident near Lviv.",
			nil, []string{"Russia ATTACKED Ivan Petrov *"}},
		{"an agent of its own", "Russia launched missile strikes on Kharkiv on Tuesday. Later Ivan Petrov was killed by unknown gunmen.",
			nil, []string{"Russia ATTACKED Ivan Petrov *"}},
		{"the attack too far back", "Russia launched missile strikes on Kharkiv on Tuesday. Ukraine asked for air defence. Poland sent envoys. Hungary objected. Slovakia abstained. Ivan Petrov has been killed, officials said.",
			nil, []string{"Russia ATTACKED Ivan Petrov *"}},
	})
}

// TestMediatorsAndCrowds: a mediator named in a compound, crowds named by
// "X groups", and who a phrase after the clause belongs to.
func TestMediatorsAndCrowds(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a brokered compound names the mediator", "Norway-brokered talks between Colombia and the ELN resumed in Oslo.",
			[]string{"Norway MEDIATED Colombia occurred *", "Norway MEDIATED ELN occurred *", "Colombia NEGOTIATES_WITH ELN occurred *"}, nil},
		{"a facilitated meeting is still a meeting", "A Turkey-facilitated meeting between Ivan Petrov and Tomas Vela ended early.",
			[]string{"Ivan Petrov MEETS Tomas Vela occurred *", "Turkey MEDIATED Ivan Petrov occurred *"}, nil},
		{"rebel groups are rebels", "Mali's junta held talks with rebel groups in Bamako.",
			[]string{"Mali junta NEGOTIATES_WITH rebel groups occurred *"}, nil},
		{"joining forces is cooperating", "Chad's army joined forces with rebel groups from the north to fight Boko Haram.",
			[]string{"Chadian forces COOPERATES_WITH rebel groups occurred *"}, nil},
		{"the group is no crowd of groups", "Boko Haram raided Maiduguri. Niger's army joined forces with rebel groups from Diffa to fight the group.",
			[]string{"Nigerien forces ATTACKED Boko Haram occurred *"}, []string{"* ATTACKED rebel groups *"}},
		{"after talks: the subject of the verb before", "China said Ivan Petrov left Myanmar after negotiations with the Arakan Army.",
			[]string{"Ivan Petrov NEGOTIATES_WITH Arakan Army *"}, []string{"China NEGOTIATES_WITH *"}},
		{"backing talks takes no side", "Qatar held talks between Ivan Petrov and Tomas Vela. Japan supported the talks.",
			nil, []string{"Japan SUPPORTS Ivan Petrov *", "Japan SUPPORTS Tomas Vela *"}},
		{"backing a mediation backs the mediator", "Japan backed Qatar's mediation between Ivan Petrov and Tomas Vela.",
			[]string{"Japan SUPPORTS Qatar *"}, nil},
	})
}

// TestAffiliationShapes: memberships and offices stated in passing.
func TestAffiliationShapes(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a linked group in an appositive", "Boko Haram, an Islamic State-linked armed group, claimed the raid.",
			[]string{"Boko Haram MEMBER_OF Islamic State - -"}, nil},
		{"the linked group is no party to the clause", "Nigeria's army fought ISWAP, an al-Qaeda-affiliated group.",
			[]string{"ISWAP MEMBER_OF al-Qaeda - -", "Nigerian forces ATTACKED ISWAP occurred -"}, []string{"* ATTACKED al-Qaeda *"}},
		{"linked militants", "Mozambican troops pursued Islamic State-linked militants in Niassa.",
			[]string{"militants MEMBER_OF Islamic State - -"}, nil},
		{"a state's affiliates are backed, not members", "Syria-affiliated Hezbollah fired rockets.",
			nil, []string{"Hezbollah MEMBER_OF Syria *"}},
		{"sworn in as a state's leader leads it", "Ivan Petrov was sworn in as Malawi's president on Monday.",
			[]string{"Ivan Petrov LEADER_OF Malawi - -", "Ivan Petrov ELECTED_LEADER_OF Malawi occurred 2025-03-17"}, nil},
		{"to be sworn in leads nothing yet", "Ivan Petrov will be sworn in as Malawi's president on Monday.",
			[]string{"Ivan Petrov ELECTED_LEADER_OF Malawi planned *"}, []string{"Ivan Petrov LEADER_OF *"}},
		{"a government spokesman of the reported state", "Malawi voted on Sunday. Government spokeswoman Ana Petrova said turnout was high.",
			[]string{"Ana Petrova SPOKESPERSON_FOR Malawian government - -"}, nil},
		{"its envoy is the clause subject's", "Peru asked for a vote on Bolivia, according to Ivan Petrov, its deputy ambassador to the UN.",
			[]string{"Ivan Petrov OFFICIAL_OF Peru - -"}, []string{"Ivan Petrov OFFICIAL_OF Bolivia *"}},
		{"his commander serves his state", "Gustavo Petro was briefed by his top commander, Ivan Petrov, on Monday.",
			[]string{"Ivan Petrov OFFICIAL_OF Colombia - -"}, []string{"Ivan Petrov LEADER_OF Colombia *"}},
	})
}

// TestOrdersAndPlaces: an attack a leader orders is his state's; a part
// of a place ("the streets of", "the south of") is that place.
func TestOrdersAndPlaces(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a leader's order is his state's attack", "Russian President Vladimir Putin ordered strikes against Ukraine on Monday.",
			[]string{"Russia ATTACKED Ukraine occurred 2025-03-17"}, []string{"Vladimir Putin ATTACKED *"}},
		{"an order reported by one's own side accuses no one", "Defence Minister Andrei Belousov said President Vladimir Putin ordered strikes on Ukraine.",
			[]string{"Russia ATTACKED Ukraine *"}, []string{"Andrei Belousov ACCUSED *"}},
		{"deployed on the streets of a city", "Peru's army deployed troops on the streets of Lima on Friday.",
			[]string{"Peruvian forces DEPLOYED_TO Lima occurred 2025-03-14"}, nil},
		{"the south of a state is a place", "Israeli jets bombed the south of Lebanon.",
			[]string{"* STRUCK Lebanon occurred -"}, []string{"* ATTACKED Lebanon *"}},
	})
}

// TestProtestTargets: whom a protest is against when its target is not
// its object.
func TestProtestTargets(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a strike seeking an official's removal", "Teachers staged a strike across Peru on Monday, seeking the removal of Ivan Petrov.",
			[]string{"teachers PROTESTED_AGAINST Ivan Petrov occurred 2025-03-17"}, nil},
		{"the place before the target", "Thousands of farmers protested in Paris against Emmanuel Macron.",
			[]string{"farmers PROTESTED_AGAINST Emmanuel Macron occurred -"}, nil},
		{"a demand for something else names no target", "Nurses went on strike in Lima to demand higher pay from Ivan Petrov.",
			nil, []string{"nurses PROTESTED_AGAINST Ivan Petrov *"}},
	})
}

// TestRequestedActions: what one side urges another to do is a request,
// not a fact, and an object "them" is never the clause's own subject.
func TestRequestedActions(t *testing.T) {
	checkFactTable(t, []factCase{
		{"an urged deal is no deal", "Norway urged Colombia to reach a deal with the ELN.",
			[]string{"Norway DEMANDED Colombia occurred -"}, []string{"Colombia AGREED_WITH *"}},
		{"them is the pair before, not the subject", "Colombia and Venezuela held talks in Havana. Cuba and Norway urged them to reach a deal.",
			[]string{"Cuba DEMANDED Colombia occurred -", "Norway DEMANDED Venezuela occurred -"}, []string{"Cuba DEMANDED Norway *", "Cuba AGREED_WITH Norway *"}},
	})
}

// TestStandingTies: ties a text states in passing are cooperation.
func TestStandingTies(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a state has close ties", "Hungary has close ties with China.",
			[]string{"Hungary COOPERATES_WITH China occurred -"}, nil},
		{"a group with ties to a force, in apposition", "Hezbollah, a movement with ties to Iran's Islamic Revolutionary Guard Corps, fired rockets.",
			[]string{"Hezbollah COOPERATES_WITH Islamic Revolutionary Guard Corps occurred -"}, nil},
		{"with which: the relative clause's subject", "China, with which Pakistan has close ties, called for calm.",
			[]string{"Pakistan COOPERATES_WITH China occurred -"}, nil},
		{"tense relations are no cooperation", "Armenia has tense relations with Azerbaijan.",
			nil, []string{"Armenia COOPERATES_WITH *"}},
	})
}

// TestConcessions: yielding to protesters or to the winner, when the
// text does not say to whom.
func TestConcessions(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a resignation after protests against the leader", "Protesters marched against Ivan Petrov in Lima. Ivan Petrov resigned on Monday.",
			[]string{"Ivan Petrov CONCEDED_TO protesters occurred 2025-03-17"}, nil},
		{"a bill dropped after protests", "Students protested against the bill in Tbilisi. Georgia's ruling party dropped the bill on Thursday.",
			[]string{"Georgian ruling party CONCEDED_TO students occurred *"}, nil},
		{"accepting defeat yields to the winner", "Tomas Vela won Sunday's presidential election in Malawi. Ivan Petrov accepted defeat on Monday.",
			[]string{"Ivan Petrov CONCEDED_TO Tomas Vela occurred 2025-03-17"}, nil},
		{"a resignation with no protest yields to no one", "Ivan Petrov resigned on Monday.",
			nil, []string{"Ivan Petrov CONCEDED_TO *"}},
		{"a refusal to resign is no concession", "Protesters marched against Ivan Petrov in Lima. Ivan Petrov refused to resign.",
			nil, []string{"Ivan Petrov CONCEDED_TO *"}},
	})
}

// TestVowsPastAdverbs: a vow to do harm is a threat, whatever adverb
// stands after its "to".
func TestVowsPastAdverbs(t *testing.T) {
	checkFacts(t, "2025-03-19", "Ivan Petrov has vowed to either crush or expel Tomas Vela.",
		[]string{"Ivan Petrov THREATENED Tomas Vela occurred -"}, nil)
	checkFacts(t, "2025-03-19", "Ivan Petrov has vowed to swiftly punish Tomas Vela.",
		[]string{"Ivan Petrov THREATENED Tomas Vela occurred -"}, nil)
}

// TestDirectionalRegions: "southern Lebanon" is a region in Lebanon, and
// what happens there happens there.
func TestDirectionalRegions(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a strike on the side of a state", "Turkish drones struck targets in northern Iraq on Monday.",
			[]string{"northern Iraq LOCATED_IN Iraq - -", "* STRUCK northern Iraq occurred 2025-03-17"}, nil},
		{"a hyphenated side", "Russia shelled north-eastern Ukraine.",
			[]string{"Russia STRUCK north-eastern Ukraine occurred -", "north-eastern Ukraine LOCATED_IN Ukraine - -"}, nil},
		{"a side of a city", "Residents of Eastern Mosul reported clashes.",
			[]string{"Eastern Mosul LOCATED_IN Mosul - -"}, nil},
		{"a regional adjective is no place", "The southern African bloc met in Gaborone.",
			nil, []string{"southern African *"}},
		{"a name of its own is no side of a place", "British troops patrolled Northern Ireland in the 1970s.",
			[]string{"Northern Ireland LOCATED_IN United Kingdom - -"}, []string{"Northern Ireland LOCATED_IN Ireland - -"}},
	})
}

// TestSites: a site named after its town is a site, and where it lies.
func TestSites(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a site named after a town", "The coffins arrived at Ramstein Air Base in Germany.",
			[]string{"Ramstein Air Base LOCATED_IN Germany - -"}, nil},
		{"a site in a city", "Protesters gathered in Azadi Square in Tehran.",
			[]string{"Azadi Square LOCATED_IN Tehran - -"}, nil},
		{"a city's site", "Gunmen stormed Karachi's Marriott Hotel.",
			[]string{"Marriott Hotel LOCATED_IN Karachi - -"}, nil},
	})
}

// TestBodyTitleAppositive: "X, the Mali junta spokesperson," speaks for
// the junta, not for Mali.
func TestBodyTitleAppositive(t *testing.T) {
	checkFacts(t, "2025-03-19", "Colonel Ivan Petrov, the Niger junta spokesperson, read a statement.",
		[]string{"Ivan Petrov SPOKESPERSON_FOR Niger junta - -"}, []string{"Ivan Petrov SPOKESPERSON_FOR Niger - -"})
}

// factCase is one row of a table of sentences and the facts they must and
// must not give.
type factCase struct {
	name, text string
	want, not  []string
}

// checkFactTable runs each case as a subtest, in an article published on
// Wednesday 2025-03-19.
func checkFactTable(t *testing.T, cases []factCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestOfficeholdersOfTheirDay: an article from before 2025 names the
// office-holders of its day, and a later one does not.
func TestOfficeholdersOfTheirDay(t *testing.T) {
	checkFacts(t, "2024-02-05", "Defense Secretary Lloyd Austin said President Biden had approved the plan.",
		[]string{"Lloyd Austin OFFICIAL_OF United States - -", "Joe Biden LEADER_OF United States - -"}, nil)
	checkFacts(t, "2023-09-20", "The Canadian Prime Minister said Canada would expel a diplomat.",
		[]string{"Justin Trudeau LEADER_OF Canada - -"}, nil)
	checkFacts(t, "2025-09-20", "The Canadian Prime Minister said Canada would expel a diplomat.",
		nil, []string{"Justin Trudeau LEADER_OF *"})
}

// TestPurposeOfPatternVerbs: in "police broke into the embassy to arrest
// X" the police arrest, not the main clause's subject, and no one arrests
// a state.
func TestPurposeOfPatternVerbs(t *testing.T) {
	checkFacts(t, "2025-03-19", "The Spanish prime minister moved on Friday to sever relations with Peru, hours after police broke into the Spanish Embassy to arrest a fugitive Peruvian judge.",
		nil, []string{"* ARRESTED Peru *"})
}

// TestFiringAndAsides: "opened fire on" is firing on, and the words a
// clause puts between its subject and its verb (an adverb between commas, a
// participle phrase "armed with ...") do not hide the subject.
func TestFiringAndAsides(t *testing.T) {
	checkFactTable(t, []factCase{
		{"opened fire on an actor", "Russian soldiers opened fire on Ukrainian troops near Kupiansk.",
			[]string{"Armed Forces of the Russian Federation ATTACKED Armed Forces of Ukraine occurred *"}, nil},
		{"opened fire on a thing in a place", "Unknown gunmen opened fire on a minibus in Peshawar.",
			[]string{"unknown gunmen STRUCK Peshawar occurred *"}, nil},
		{"open and fire apart", "The museum will open in June. A fire destroyed a warehouse in Peshawar.",
			nil, []string{"* STRUCK Peshawar *"}},
		{"an adverb between commas", "Strikers demanding higher wages have, meanwhile, stormed the port of Mombasa.",
			[]string{"strikers STRUCK Mombasa occurred *"}, nil},
		{"a reporting aside before a second verb", "Israel struck Sidon on Monday, Lebanese officials said, and shelled Tyre.",
			[]string{"Israel STRUCK Tyre claimed *"}, []string{"Lebanon STRUCK *", "* STRUCK Tyre occurred *"}},
		{"armed with", "Militants armed with grenades attacked Nigerien troops in Tillaberi.",
			[]string{"militants ATTACKED Nigerien forces occurred *"}, nil},
	})
}

// TestKillingsAndMembers: an actor killing a number of people attacks the
// place it names; a person "of" or "from" a party belongs to it, as does a
// party's "member".
func TestKillingsAndMembers(t *testing.T) {
	checkFactTable(t, []factCase{
		{"an armed actor kills a number of people", "Russian missiles killed eleven people in Odesa overnight.",
			[]string{"Armed Forces of the Russian Federation STRUCK Odesa occurred *"}, nil},
		{"a killing with no actor is no attack", "Landslides killed forty people in Kerala last week.",
			nil, []string{"* STRUCK Kerala *"}},
		{"a passive killing is read by the killed", "Eleven people were killed in Odesa overnight.",
			nil, []string{"* STRUCK Odesa *"}},
		{"a person of a party", "Maria Costa of the Social Democratic Party met Olaf Scholz in Berlin.",
			[]string{"Maria Costa MEETS Olaf Scholz occurred *", "Maria Costa MEMBER_OF Social Democratic Party - -"}, []string{"Social Democratic Party MEETS *"}},
		{"a person of a state acts herself", "Maria Costa of Brazil met Olaf Scholz in Berlin.",
			[]string{"Maria Costa MEETS Olaf Scholz occurred *"}, []string{"Brazil MEETS *"}},
		{"a party member before the name", "Green Party member Lena Brandt criticised Olaf Scholz.",
			[]string{"Lena Brandt MEMBER_OF Green Party - -"}, nil},
		{"a member in apposition", "Lena Brandt, a senior member of the Green Party, criticised Olaf Scholz.",
			[]string{"Lena Brandt MEMBER_OF Green Party - -"}, nil},
	})
}

// TestCrowdsInTheStreets: taking to the streets is a protest, a crowd the
// text does not name protests all the same, and the city it marches in is
// where, not what, it protests.
func TestCrowdsInTheStreets(t *testing.T) {
	checkFactTable(t, []factCase{
		{"taking to the streets", "Teachers took to the streets in Accra on Friday.",
			[]string{"teachers PROTESTED_AGAINST Ghanaian government occurred 2025-03-14"}, nil},
		{"taking to the streets to oust a leader", "Nurses took to the streets of Lima demanding the resignation of Dina Boluarte.",
			[]string{"nurses PROTESTED_AGAINST Dina Boluarte occurred *"}, nil},
		{"a crowd with no name", "Thousands of people marched in Bratislava against Robert Fico on Friday.",
			[]string{"protesters PROTESTED_AGAINST Robert Fico occurred 2025-03-14"}, []string{"* PROTESTED_AGAINST Bratislava *"}},
		{"hundreds alone", "Hundreds marched in Accra on Friday.",
			[]string{"protesters PROTESTED_AGAINST Ghanaian government occurred 2025-03-14"}, nil},
		{"a flood is no crowd", "Floods forced hundreds from their homes in Accra.",
			nil, []string{"protesters *"}},
	})
}

// TestTitledObjectsAndRequests: a title of a place or of an unnamed body
// before the name in apposition is the person; "asked X for" is a request
// of X; expelling a state's diplomats expels them.
func TestTitledObjectsAndRequests(t *testing.T) {
	checkFactTable(t, []factCase{
		{"the governor of a place, then the name", "Nigerian police arrested the governor of Kano, Abba Yusuf, on Tuesday.",
			[]string{"Nigerian police ARRESTED Abba Yusuf occurred *"}, []string{"* ARRESTED Kano *"}},
		{"the leader of an unnamed party, then the name", "Kenyan police detained the leader of the main opposition party, Raila Odinga.",
			[]string{"Kenyan police DETAINED Raila Odinga occurred *"}, nil},
		{"the date after a name in apposition", "Ghana's police detained Kwame Mensah, the opposition's treasurer, on Friday.",
			[]string{"Ghanaian police DETAINED Kwame Mensah occurred 2025-03-14"}, nil},
		{"asked X for Y", "Moldova asked Romania for emergency gas supplies.",
			[]string{"Moldova DEMANDED Romania occurred *"}, nil},
		{"asked X about Y is a question", "Journalists asked Maia Sandu about gas supplies.",
			nil, []string{"* DEMANDED Maia Sandu *"}},
		{"expelled diplomats", "Latvia expelled three Belarusian diplomats on Monday.",
			[]string{"Latvia EXPELLED Belarusian government occurred 2025-03-17"}, []string{"* SANCTIONED *"}},
	})
}

// TestSpeakersAndPronouns: "he" opening a sentence is the last sentence's
// subject rather than its object; a quote's "we" is a "he said" speaker
// whose person is sure; backing a war told in a report blames no one.
func TestSpeakersAndPronouns(t *testing.T) {
	checkFactTable(t, []factCase{
		{"he is the subject before", "Petr Fiala met Robert Fico in Prague. He later criticised Hungary.",
			[]string{"Petr Fiala CRITICIZED Hungary occurred *"}, []string{"Robert Fico CRITICIZED *"}},
		{"a pronoun speaker of a quote", "Petr Fiala met Robert Fico in Prague. \"We urge Hungary to lift its veto,\" he said.",
			[]string{"Petr Fiala DEMANDED Hungary occurred *"}, []string{"Robert Fico DEMANDED *"}},
		{"a pronoun speaker in doubt says nothing", "In Prague, Petr Fiala met Robert Fico. \"We urge Hungary to lift its veto,\" he said.",
			nil, []string{"* DEMANDED Hungary *"}},
		{"backing a war is no accusation", "Ivan Petrov said Minsk backs Russia's war on Ukraine.",
			nil, []string{"Ivan Petrov ACCUSED *"}},
		{"backing an attack, reported, blames the backer", "Gunmen raided a police station in Mitrovica. Albin Kurti said Serbia backed the raid.",
			[]string{"Albin Kurti ACCUSED Serbia occurred *"}, nil},
		{"a war told by its opponent is one", "Ivan Petrov said Russia had chosen war.",
			[]string{"Ivan Petrov ACCUSED Russia occurred *"}, nil},
	})
}

// TestThreatsOfForce: a speaker announcing its own side's force threatens;
// a forecast by others is no threat.
func TestThreatsOfForce(t *testing.T) {
	checkFactTable(t, []factCase{
		{"not hesitate to strike", "\"We would not hesitate to hit Armenia,\" Ilham Aliyev said on Friday.",
			[]string{"Ilham Aliyev THREATENED Armenia occurred *"}, []string{"* ATTACKED Armenia *"}},
		{"respond to any attack", "Venezuela said it would respond firmly to any Guyanese incursion.",
			[]string{"Venezuela THREATENED Guyana occurred *"}, nil},
		{"countermeasures against", "Beijing said it will take firm countermeasures against Lithuania.",
			[]string{"China THREATENED Lithuania occurred *"}, nil},
		{"a forecast by others", "Analysts said Azerbaijan would attack Armenia in the spring.",
			nil, []string{"* THREATENED *"}},
		{"no speaker, no threat", "Azerbaijan will retaliate against Armenia.",
			nil, []string{"* THREATENED *"}},
	})
}

// TestElectionShapes: an election told by its voters, by the winner's
// declaration, or over a rival named with a description.
func TestElectionShapes(t *testing.T) {
	checkFactTable(t, []factCase{
		{"voters in a state elect a leader", "Voters in Ghana elected John Mahama as president on Saturday.",
			[]string{"John Mahama ELECTED_LEADER_OF Ghana occurred 2025-03-15"}, nil},
		{"declared the winner of a state's election", "Yamandu Orsi was declared the winner of Uruguay's presidential runoff.",
			[]string{"Yamandú Orsi ELECTED_LEADER_OF Uruguay occurred *"}, nil},
		{"the winner of a contest that is no election", "Yamandu Orsi was declared the winner of the football pools.",
			nil, []string{"* ELECTED_LEADER_OF *"}},
		{"a rival with a description before the name", "Ivan Petrov beat governing coalition candidate Tomas Vela in the runoff.",
			[]string{"Ivan Petrov DEFEATED Tomas Vela occurred *"}, nil},
	})
}

// TestSuppliesWarrantsAndControl: sending arms is aid, an aid package is
// for its recipient, recalling an envoy to a state downgrades ties with it,
// a warrant for someone is a case against them, and regaining control of a
// place captures it. A denied act is no "move" others react to.
func TestSuppliesWarrantsAndControl(t *testing.T) {
	checkFactTable(t, []factCase{
		{"sent arms to a state", "Sweden sent howitzers and ammunition to Ukraine in May.",
			[]string{"Sweden PROVIDED_AID_TO Ukraine occurred *"}, nil},
		{"will send systems", "Norway will send two more air defence systems to Kyiv.",
			[]string{"Norway PROVIDED_AID_TO Ukraine planned *"}, nil},
		{"sent a bill is no aid", "The cabinet sent the budget bill to parliament.",
			nil, []string{"* PROVIDED_AID_TO *"}},
		{"an aid package for", "Canada unveiled a new humanitarian aid package for Haiti.",
			[]string{"Canada PROVIDED_AID_TO Haiti *"}, nil},
		{"recalled its envoy to", "Peru recalled its ambassador to Mexico on Friday.",
			[]string{"Peru SANCTIONED Mexico occurred 2025-03-14"}, []string{"Peru SANCTIONED Peru *"}},
		{"a warrant for someone", "A court in Argentina issued an arrest warrant for Nicolas Maduro.",
			[]string{"Argentina INVESTIGATED Nicolás Maduro occurred *"}, nil},
		{"regained control", "Syrian troops regained control of Aleppo on Sunday.",
			[]string{"Syrian forces CAPTURED Aleppo occurred 2025-03-16"}, nil},
		{"a denied act is no move", "Chile imposed sanctions on Peru. Peru denied sending arms to Bolivia. Argentina welcomed the move.",
			[]string{"Argentina SUPPORTS_SANCTIONS_ON Peru occurred *"}, []string{"Argentina PRAISED *"}},
	})
}

// TestDeliveriesAndOusted: delivering or shipping arms to an actor is aid,
// a speech is not; an "ousted" leader is still a titled person.
func TestDeliveriesAndOusted(t *testing.T) {
	checkFactTable(t, []factCase{
		{"delivered vehicles to the police", "Kenya delivered armoured vehicles to the Haitian police last week.",
			[]string{"Kenya PROVIDED_AID_TO Haiti* occurred *"}, nil},
		{"shipped shells", "Iran shipped artillery shells to Russia by sea.",
			[]string{"Iran PROVIDED_AID_TO Russia occurred *"}, nil},
		{"a delivered speech is no aid", "Ivan Petrov delivered a speech to the Moldovan parliament.",
			nil, []string{"* PROVIDED_AID_TO *"}},
		{"an ousted leader", "Belarus granted asylum to ousted Kyrgyz President Kurmanbek Bakiyev.",
			[]string{"Belarus PROVIDED_AID_TO Kurmanbek Bakiyev occurred *"}, nil},
	})
}

// TestLeadersLeavingAndTheCountry: "the country" is the state last named
// or titled; a leader leaving or fleeing its own state quits it, a visitor
// leaving does not.
func TestLeadersLeavingAndTheCountry(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a titled leader leaves the country", "Sri Lankan President Gotabaya Rajapaksa quit office and flew out of the country. On Wednesday he left the country for good.",
			[]string{"Gotabaya Rajapaksa WITHDREW_FROM Sri Lanka occurred 2025-03-19"}, nil},
		{"a leader flees the state by name", "Sri Lanka's president, Gotabaya Rajapaksa, fled Sri Lanka by air.",
			[]string{"Gotabaya Rajapaksa WITHDREW_FROM Sri Lanka occurred *"}, nil},
		{"a visitor leaves", "Antony Blinken left Sri Lanka on Wednesday.",
			nil, []string{"* WITHDREW_FROM *"}},
		{"the country's police", "Unrest spread across Kenya. The country's police detained Boniface Mwangi.",
			[]string{"Kenyan police DETAINED Boniface Mwangi occurred *"}, nil},
	})
}

// TestAggressionAndPairs: an aggression on a place or actor is an attack,
// a bare one a stance; "them" after a pair joined by "and the" is both.
func TestAggressionAndPairs(t *testing.T) {
	checkFactTable(t, []factCase{
		{"an aggression on a state", "Iran condemned the Israeli aggression on Lebanon.",
			[]string{"Iran CONDEMNED Israel occurred *", "Israel ATTACKED Lebanon *"}, nil},
		{"a bare aggression", "Poland warned of growing Russian aggression.",
			nil, []string{"Russia ATTACKED *", "Russia STRUCK *"}},
		{"removed from a terror list", "Washington removed the Houthis from its list of terrorist organisations.",
			[]string{"United States LIFTED_SANCTIONS_ON Houthis occurred *"}, nil},
		{"it is no crowd", "Ecuador freed 200 prisoners. It condemned Peru.",
			[]string{"Ecuador CONDEMNED Peru occurred *"}, []string{"prisoners *"}},
		{"traded accusations", "Armenia and Azerbaijan traded accusations over the shooting on Tuesday.",
			[]string{"Armenia ACCUSED Azerbaijan occurred 2025-03-18", "Azerbaijan ACCUSED Armenia occurred 2025-03-18"}, nil},
		{"traded goods", "Armenia and Iran traded goods worth millions.",
			nil, []string{"* ACCUSED *", "* EXCHANGED_PRISONERS_WITH *"}},
		{"them after X and the Y", "Kenya hosted talks between Ethiopia and the TPLF and urged them to settle.",
			[]string{"Kenya DEMANDED Ethiopia occurred *", "Kenya DEMANDED TPLF occurred *"}, nil},
	})
}

// TestQuotesAcrossSentences: a quotation that runs on past its sentence,
// or follows another at once, is still its speaker's.
func TestQuotesAcrossSentences(t *testing.T) {
	checkFactTable(t, []factCase{
		{"a quote that runs on", "Maia Sandu said: \"Our position is firm. We urge Moscow to withdraw its troops.\"",
			[]string{"Maia Sandu DEMANDED Russia occurred *"}, nil},
		{"a quote that follows at once", "\"We are ready to talk,\" Maia Sandu said. \"We condemn Moscow for this.\"",
			[]string{"Maia Sandu CONDEMNED *"}, nil},
		{"a quote after a sentence of narrative", "\"We are ready to talk,\" Maia Sandu said. Russia struck Odesa. \"We condemn Moscow.\"",
			nil, []string{"Maia Sandu CONDEMNED *"}},
	})
}

// TestCondemnationShapes: how a condemnation was said stands between the
// verb and its object; condemning a detention whose author goes unnamed
// blames no one, least of all the detainee; a passive light verb's agent
// is the event's author.
func TestCondemnationShapes(t *testing.T) {
	checkFactTable(t, []factCase{
		{"in the strongest terms", "Norway condemned in the strongest terms Russia's shelling of Kherson.",
			[]string{"Norway CONDEMNED Russia occurred *"}, nil},
		{"a quoted manner", "Norway condemned \"in no uncertain terms\" the Russian strikes on Kherson.",
			[]string{"Norway CONDEMNED Russia occurred *"}, nil},
		{"a detention with no author", "The African Union condemned the detention of Ousmane Sonko.",
			nil, []string{"* CONDEMNED Ousmane Sonko *"}},
		{"a passive light verb's agent", "Ousmane Sonko's arrest warrant was issued by the Senegalese government on Monday.",
			[]string{"Senegal* INVESTIGATED Ousmane Sonko occurred *"}, nil},
	})
}

// TestTariffsTargetsAndRetaliation: tariffs are sanctions on the state
// whose goods they tax; "targets" after a name is a noun; retaliating
// against an actor attacks it, retaliating with tariffs does not.
func TestTariffsTargetsAndRetaliation(t *testing.T) {
	checkFactTable(t, []factCase{
		{"tariffs on a state", "Washington imposed new tariffs on Brazil on Wednesday.",
			[]string{"United States SANCTIONED Brazil occurred 2025-03-19"}, nil},
		{"tariffs on imports from", "India raised tariffs on imports from Bangladesh.",
			[]string{"India SANCTIONED Bangladesh occurred *"}, nil},
		{"targets after a name is a noun", "Israeli jets hit two Hezbollah targets in the Bekaa Valley.",
			[]string{"Israel* ATTACKED Hezbollah occurred *"}, []string{"Hezbollah STRUCK *"}},
		{"a ban on a state's goods", "Russia imposed a ban on Moldovan wine in 2013.",
			[]string{"Russia SANCTIONED Moldova occurred *"}, nil},
		{"a ban on protests is no sanction", "The governor imposed a ban on protests in Tbilisi.",
			nil, []string{"* SANCTIONED *"}},
		{"lifting its own sanctions", "Canada lifted its sanctions on Syria on Friday.",
			[]string{"Canada LIFTED_SANCTIONS_ON Syria occurred *"}, nil},
		{"retaliated against", "Pakistan retaliated against Indian positions along the border.",
			[]string{"Pakistan ATTACKED India* occurred *"}, nil},
		{"retaliated with tariffs", "Canada retaliated with tariffs on American steel.",
			nil, []string{"* ATTACKED *"}},
	})
}

// TestAntecedentPlaces: an attack noun naming its place refers back only to
// an attack told just before with no other place.
func TestAntecedentPlaces(t *testing.T) {
	checkFactTable(t, []factCase{
		{"the attack in a place after a placeless one", "Russia launched missile strikes on Monday. The attack on Kharkiv killed five people.",
			[]string{"Russia STRUCK Kharkiv occurred 2025-03-17"}, nil},
		{"a bombing elsewhere is another attack", "Israeli strikes on the south killed 12 people, Lebanon said. Odesa was quiet. Al-Shabaab claimed responsibility for the bombing in Mogadishu.",
			[]string{"al-Shabaab STRUCK Mogadishu *"}, []string{"Israel STRUCK Mogadishu *", "Lebanon* ACCUSED al-Shabaab *"}},
	})
}

// TestPartsOfBodies: a body described as another's arm or wing is part of
// it, and a state's news agency is part of the state; a named force is no
// person.
func TestPartsOfBodies(t *testing.T) {
	checkFactTable(t, []factCase{
		{"the armed wing of", "The Qassam Brigades, the armed wing of Hamas, fired rockets at Ashkelon.",
			[]string{"Qassam Brigades PART_OF Hamas - -"}, nil},
		{"an arm after a dash", "Israel struck the Radwan Force - the elite arm of Hezbollah - near Tyre.",
			[]string{"Radwan Force PART_OF Hezbollah - -", "Israel ATTACKED Radwan Force occurred *"}, nil},
		{"state news agency", "The talks ended on Friday, according to state-run Vietnamese news agency VNA.",
			[]string{"VNA PART_OF Vietnam - -"}, nil},
		{"a private news agency", "The talks ended on Friday, according to Russian news agency Interfax.",
			nil, []string{"Interfax PART_OF *"}},
	})
}
