package loader

import "testing"

// TestAlliances: alliances stated with ally and provider nouns, and the
// other facts read this session from nouns and complements.
func TestAlliances(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"an appositive ally of", "Justice Minister Yariv Levin, a staunch ally of Benjamin Netanyahu, said he would not resign.",
			[]string{"Yariv Levin SUPPORTS Benjamin Netanyahu occurred -"}, nil},
		{"a possessor's backers listed after a dash", "Biden credited the U.S. for weakening Syria's backers — Russia, Iran and Hezbollah.",
			[]string{"Russia SUPPORTS Syria occurred -", "Iran SUPPORTS Syria occurred -", "Hezbollah SUPPORTS Syria occurred -"}, nil},
		{"a provider in a relative clause", "The US, which is Israel's top arms provider, said it was not involved.",
			[]string{"United States PROVIDED_AID_TO Israel occurred -"}, nil},
		{"a second appositive after 'and'", "Devlet Bahceli, leader of the nationalist MHP party and an ally of Recep Tayyip Erdogan, condemned the rally.",
			[]string{"Devlet Bahceli SUPPORTS Recep Tayyip Erdoğan occurred -"}, nil},
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
			"The indigenous leaders demanded the resignation of Consuelo Porras, of the prosecutor Rafael Curruchiche, and of the criminal judge Fredy Orellana.",
			[]string{"indigenous leaders DEMANDED Consuelo Porras occurred -", "indigenous leaders DEMANDED Rafael Curruchiche occurred -", "indigenous leaders DEMANDED Fredy Orellana occurred -"}, nil},
		{"a verb after 'and' ends the list", "Volodymyr Zelenskyy congratulated Karol Nawrocki and said he hoped for more.",
			[]string{"Volodymyr Zelenskyy CONGRATULATED Karol Nawrocki occurred -"}, []string{"* CONGRATULATED Volodymyr Zelenskyy *"}},
		{"informing is contact", "Norway informed French President Emmanuel Macron and German Chancellor Friedrich Merz on Tuesday.",
			[]string{"Norway CALLS Emmanuel Macron occurred *", "Norway CALLS Friedrich Merz occurred *"}, nil},
		{"a briefing by a pronoun's appositive", "Emmanuel Macron was briefed by his army chief, Ivan Petrov, on Tuesday.",
			[]string{"Ivan Petrov CALLS Emmanuel Macron occurred *"}, nil},
		{"a relative pronoun object", "China swore in a new president, Lai Ching-te, who Beijing criticized for escalating tensions.",
			[]string{"China CRITICIZED Lai Ching-te occurred -"}, nil},
		{"a relative pronoun object with a wrongly resolved subject", "The leaders demanded the resignation of Consuelo Porras, Rafael Curruchiche and Fredy Orellana, whom they accuse of a coup.",
			nil, []string{"* ACCUSED Consuelo Porras *"}},
		{"a plural subject agrees that", "Anthony Albanese said he and Xi Jinping agreed that the Chinese leader would visit Australia.",
			[]string{"Anthony Albanese AGREED_WITH Xi Jinping claimed -"}, nil},
		{"a single subject agrees with no one", "Russia agreed that talks should resume.", nil, []string{"* AGREED_WITH *"}},
		{"an adverb after police is no noun", "Gunmen stormed a studio in Guayaquil, Ecuador. Police later arrested 13 suspected gunmen and charged them with terrorism.",
			[]string{"Ecuadorian police ARRESTED gunmen occurred -", "Ecuadorian police ACCUSED gunmen occurred -"}, nil},
		{"a speaker's expectation of a state is a demand", "Foreign Minister Melanie Joly said: \"I expect India to fully collaborate with us.\"",
			[]string{"Mélanie Joly DEMANDED India occurred -"}, []string{"India COOPERATES_WITH *"}},
		{"a forecast is no fact", "Analysts expect Russia to attack Kharkiv.", nil, []string{"Russia ATTACKED *", "Russia STRUCK *"}},
		{"seeking something from an actor asks it", "Ivan Petrov is seeking help from the European Union to rebuild roads.",
			[]string{"Ivan Petrov DEMANDED European Union occurred -"}, nil},
		{"seeking shelter somewhere asks no one", "Refugees sought shelter in Poland.", nil, []string{"* DEMANDED *"}},
		{"refusing to recognise rejects", "Somaliland declared independence long ago, but Egypt has refused to recognize Somalia.",
			[]string{"Egypt REJECTED Somalia occurred -"}, []string{"Egypt PRAISED Somalia occurred *"}},
		{"refusing to back rejects", "Hungary refused to back Ukraine's membership.",
			[]string{"Hungary REJECTED Ukraine occurred -"}, nil},
		{"a call to congratulate is the caller's", "Ivan Petrov phoned rival candidate Tomas Vela to congratulate him on winning Sunday's vote in Ghana.",
			[]string{"Ivan Petrov CONGRATULATED Tomas Vela occurred *", "Tomas Vela ELECTED_LEADER_OF Ghana occurred *"},
			[]string{"Tomas Vela CONGRATULATED *"}},
		{"a second infinitive after a request is no fact either", "France urged Iran to stop and negotiate with the United States.",
			[]string{"France DEMANDED Iran occurred -"}, []string{"* NEGOTIATES_WITH *"}},
		{"a quoted request", "Keir Starmer has urged Iran and Israel to \"step back and reduce tensions\".",
			[]string{"Keir Starmer DEMANDED Iran occurred -"}, []string{"Iran MEETS Israel *"}},
		{"sending a delegation is a visit, even an army's", "Yemen's armed forces said they sent a delegation to Muscat on Friday.",
			[]string{"* VISITED Muscat claimed 2025-03-14"}, []string{"* DEPLOYED_TO *"}},
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
