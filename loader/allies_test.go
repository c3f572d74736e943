package loader

import "testing"

// TestAlliances: alliances stated with ally and provider nouns, and the
// other facts read this session from nouns and complements.
func TestAlliances(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"an appositive ally of", "Interior Minister Ana Petrova, a close ally of Viktor Orban, told reporters she would stay on.",
			[]string{"Ana Petrova SUPPORTS Viktor Orbán occurred -"}, nil},
		{"a possessor's backers listed after a dash", "Analysts said the embargo had weakened Venezuela's backers — Cuba, Russia and China.",
			[]string{"Cuba SUPPORTS Venezuela occurred -", "Russia SUPPORTS Venezuela occurred -", "China SUPPORTS Venezuela occurred -"}, nil},
		{"a provider in a relative clause", "France, which is Greece's biggest arms provider, denied any part in the sale.",
			[]string{"France PROVIDED_AID_TO Greece occurred -"}, nil},
		{"a second appositive after 'and'", "Ivan Petrov, head of the conservative Unity bloc and an ally of Aleksandar Vucic, criticised the march.",
			[]string{"Ivan Petrov SUPPORTS Aleksandar Vučić occurred -"}, nil},
		{"a copula", "Belarus is Russia's closest ally.", []string{"Belarus SUPPORTS Russia occurred -"}, nil},
		{"allies of no one named", "NATO allies met in Brussels.", nil, []string{"* SUPPORTS *"}},
		{"a discussed state is a topic", "Russia requested a session of the Security Council to discuss Syria.",
			nil, []string{"Russia MEETS Syria *"}},
		{"qualified leaders are a group of their own", "Indigenous leaders demanded the resignation of Attorney General Consuelo Porras. Opposition leaders met in Lima.",
			[]string{"indigenous leaders DEMANDED Consuelo Porras occurred -"}, []string{"Opposition leaders DEMANDED *"}},
		{"asylum granted to", "Belarus granted asylum to Ivan Petrov last year.",
			[]string{"Belarus PROVIDED_AID_TO Ivan Petrov occurred *"}, nil},
		{"equipment delivered to a national police", "The State Department delivered armored equipment to the Haitian National Police.",
			[]string{"State Department PROVIDED_AID_TO Haitian police occurred -"}, nil},
		{"gratitude expressed to", "Emmanuel Macron expressed his gratitude to Japan.",
			[]string{"Emmanuel Macron THANKED Japan occurred -"}, nil},
		{"a letter sent to", "French President Emmanuel Macron sent a letter to Xi Jinping.",
			[]string{"Emmanuel Macron CALLS Xi Jinping occurred -"}, nil},
		{"asylum sought names no giver", "Assad sought asylum in Russia.", nil, []string{"* PROVIDED_AID_TO *"}},
		{"thanks to is a cause", "Ukraine won thanks to American aid.", nil, []string{"* THANKED *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestCoordinatedObjects: objects listed with a repeated preposition and
// role words, contacts and briefings.
func TestCoordinatedObjects(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a repeated 'of' and role words before each name",
			"The student leaders demanded the removal of Ivan Petrov, of the magistrate Tomas Vela, and of the deputy prosecutor Ana Petrova.",
			[]string{"student leaders DEMANDED Ivan Petrov occurred -", "student leaders DEMANDED Tomas Vela occurred -", "student leaders DEMANDED Ana Petrova occurred -"}, nil},
		{"a verb after 'and' ends the list", "Volodymyr Zelenskyy congratulated Karol Nawrocki and said he hoped for more.",
			[]string{"Volodymyr Zelenskyy CONGRATULATED Karol Nawrocki occurred -"}, []string{"* CONGRATULATED Volodymyr Zelenskyy *"}},
		{"informing is contact", "Norway informed French President Emmanuel Macron and German Chancellor Friedrich Merz on Tuesday.",
			[]string{"Norway CALLS Emmanuel Macron occurred *", "Norway CALLS Friedrich Merz occurred *"}, nil},
		{"a briefing by a pronoun's appositive", "Emmanuel Macron was briefed by his army chief, Ivan Petrov, on Tuesday.",
			[]string{"Ivan Petrov CALLS Emmanuel Macron occurred *"}, nil},
		{"a relative pronoun object", "Kosovo's parliament re-elected its prime minister, Albin Kurti, who Belgrade criticized for stoking unrest.",
			[]string{"Serbia CRITICIZED Albin Kurti occurred -"}, nil},
		{"a relative pronoun object with a wrongly resolved subject", "The leaders demanded the removal of Ivan Petrov, Tomas Vela and Ana Petrova, whom they accuse of fraud.",
			nil, []string{"* ACCUSED Ivan Petrov *"}},
		{"a plural subject agrees that", "Keir Starmer said he and Mark Carney agreed that the Canadian prime minister would come to London in June.",
			[]string{"Keir Starmer AGREED_WITH Mark Carney claimed -"}, nil},
		{"a single subject agrees with no one", "Russia agreed that talks should resume.", nil, []string{"* AGREED_WITH *"}},
		{"an adverb after police is no noun", "Armed men raided a radio station in Cusco, Peru. Police later arrested nine gunmen and charged them with murder.",
			[]string{"Peruvian police ARRESTED gunmen occurred -", "Peruvian police ACCUSED gunmen occurred -"}, nil},
		{"a speaker's expectation of a state is a demand", "Foreign Minister Johann Wadephul said: \"I expect Serbia to cooperate fully with us.\"",
			[]string{"Johann Wadephul DEMANDED Serbia occurred -"}, []string{"Serbia COOPERATES_WITH *"}},
		{"a forecast is no fact", "Analysts expect Russia to attack Kharkiv.", nil, []string{"Russia ATTACKED *", "Russia STRUCK *"}},
		{"seeking something from an actor asks it", "Ivan Petrov is seeking help from the European Union to rebuild roads.",
			[]string{"Ivan Petrov DEMANDED European Union occurred -"}, nil},
		{"seeking shelter somewhere asks no one", "Refugees sought shelter in Poland.", nil, []string{"* DEMANDED *"}},
		{"refusing to recognise rejects", "Somaliland declared independence long ago, but Egypt has refused to recognize Somalia.",
			[]string{"Egypt REJECTED Somalia occurred -"}, []string{"Egypt PRAISED Somalia occurred *"}},
		{"refusing to back rejects", "Hungary refused to back Ukraine's membership.",
			[]string{"Hungary REJECTED Ukraine occurred -"}, nil},
		{"a call to congratulate is the caller's", "Ivan Petrov phoned his opponent Tomas Vela to congratulate him on winning Saturday's election in Malawi.",
			[]string{"Ivan Petrov CONGRATULATED Tomas Vela occurred *", "Tomas Vela ELECTED_LEADER_OF Malawi occurred *"},
			[]string{"Tomas Vela CONGRATULATED *"}},
		{"a second infinitive after a request is no fact either", "France urged Iran to stop and negotiate with the United States.",
			[]string{"France DEMANDED Iran occurred -"}, []string{"* NEGOTIATES_WITH *"}},
		{"a quoted request", "Emmanuel Macron has urged Armenia and Azerbaijan to \"hold back and calm the situation\".",
			[]string{"Emmanuel Macron DEMANDED Armenia occurred -"}, []string{"Armenia MEETS Azerbaijan *"}},
		{"sending a delegation is a visit, even an army's", "Colombia's armed forces announced that they sent a small delegation to Quito on Friday.",
			[]string{"* VISITED Quito claimed 2025-03-14"}, []string{"* DEPLOYED_TO *"}},
		{"being somewhere on an invitation is a visit", "Serbian President Aleksandar Vucic was in Beijing at Xi's invitation.",
			[]string{"Aleksandar Vučić VISITED Beijing occurred -", "Xi Jinping INVITED Aleksandar Vučić occurred -"}, nil},
		{"'his' is the subject's, not the last person's", "Chancellor Friedrich Merz called his talks with Narendra Modi useful while his trip to India was praised.",
			[]string{"Friedrich Merz VISITED India *"}, []string{"Narendra Modi VISITED India *"}},
		{"allegations that X denies", "Kinshasa has accused Kigali of arming rebels, allegations that Rwanda denies.",
			[]string{"DR Congo ACCUSED Rwanda occurred -", "Rwanda DENIED DR Congo * -"}, nil},
		{"hailing ties with a state praises it, during a meeting the subject holds", "Viktor Orban praised ties with China during a meeting with Xi Jinping.",
			[]string{"Viktor Orbán PRAISED China occurred -", "Viktor Orbán MEETS Xi Jinping occurred -"}, nil},
		{"a meeting after which nothing acts has no host", "Protests erupted after talks with Hamas.", nil, []string{"* NEGOTIATES_WITH *"}},
		{"informed by no one", "UNIFIL said it was not informed of the strikes in advance.", nil, []string{"* CALLS *", "EVENT CONSULT *"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}
