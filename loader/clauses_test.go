package loader

import "testing"

// TestDictionarySets: the dictionary's synonym sets ("&aircraft",
// "&military") stand for any of their members in a verb + object pattern,
// and a sum before the object does not hide it.
func TestDictionarySets(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a member of a synonym set", "France delivered helicopters to Chad on Monday.",
			[]string{"France PROVIDED_AID_TO Chad occurred 2025-03-17"}, nil},
		{"a sum in dollars before the aid", "Norway will provide up to $30 million in aid to Sudan.",
			[]string{"Norway PROVIDED_AID_TO Sudan planned *"}, nil},
		{"a sum in euros before the assistance", "Germany gave 400 million euros of assistance to Moldova.",
			[]string{"Germany PROVIDED_AID_TO Moldova occurred *"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}

// TestKillingCause: a named person killed in a report of an attack was
// killed by its author, whether the clause names the attack or not, unless
// it gives a cause of its own or the person is on the attacker's side.
func TestKillingCause(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFacts(t, "2025-03-19", tc.text, tc.want, tc.not) })
	}
}
