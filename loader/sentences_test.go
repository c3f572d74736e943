package loader

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "Talks began. They ended.", []string{"Talks began.", "They ended."}},
		{"closing quotes", "He called it “STOPPING THE ‘BLOODBATH.’” The announcement came later.",
			[]string{"He called it “STOPPING THE ‘BLOODBATH.’”", "The announcement came later."}},
		{"title abbreviations", "Lt. Gen. Ahmed Chaudhry spoke. Dr. Smith agreed.", []string{"Lt. Gen. Ahmed Chaudhry spoke.", "Dr. Smith agreed."}},
		{"acronym before name", "U.S. Treasury Secretary Scott Bessent arrived in Tokyo.", []string{"U.S. Treasury Secretary Scott Bessent arrived in Tokyo."}},
		{"acronym at end", "Troops left the U.S. The move surprised Berlin.", []string{"Troops left the U.S.", "The move surprised Berlin."}},
		{"initial", "George W. Bush met him. It went well.", []string{"George W. Bush met him.", "It went well."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"lower case after period", "He wrote e.g. this one.", []string{"He wrote e.g. this one."}},
		{"question and exclamation", "Will they meet? Yes! Soon.", []string{"Will they meet?", "Yes!", "Soon."}},
		{"headline line", "Kyiv condemns strike\n\nRussia hit the city.", []string{"Kyiv condemns strike", "Russia hit the city."}},
		{"wrapped line continues", "Russia and Ukraine\nagreed to talk.\nNext line.", []string{"Russia and Ukraine\nagreed to talk.", "Next line."}},
		{"no final period", "Talks ended", []string{"Talks ended"}},
		{"ellipsis", "He paused… Then he left.", []string{"He paused…", "Then he left."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tc.text) {
				got = append(got, tc.text[s.start:s.end])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	text := "Russia’s U.S.-backed Zelenskyy-Putin talks don't start; 1,000 POWs."
	toks := tokenize(nil, text, asciiLower(text), []span{{0, len(text)}})
	var got []string
	for _, tk := range toks {
		got = append(got, tk.text)
	}
	want := []string{"Russia", "’s", "U.S.", "-", "backed", "Zelenskyy", "-", "Putin", "talks", "don't", "start", ";", "1,000", "POWs", "."}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if toks[1].kind != tPoss || !toks[1].glued {
		t.Errorf("got possessive kind %v glued %v, want tPoss glued", toks[1].kind, toks[1].glued)
	}
	if !toks[5].cap || toks[4].cap || !toks[2].allCaps {
		t.Errorf("got cap flags Zelenskyy=%v backed=%v U.S.=%v allCaps", toks[5].cap, toks[4].cap, toks[2].allCaps)
	}
	for _, tk := range toks {
		if text[tk.start:tk.end] != tk.text {
			t.Errorf("token %q at %d:%d does not match the body", tk.text, tk.start, tk.end)
		}
	}
}

// A digit of another script once left the tokenizer where it stood, growing
// the token list until the process ran out of memory.
func TestTokenizeOtherScriptDigits(t *testing.T) {
	for _, text := range []string{"struck ٣ towns", "３ drones", "߀", "1٣2"} {
		toks := tokenize(nil, text, asciiLower(text), []span{{0, len(text)}})
		if len(toks) == 0 || len(toks) > len(text) {
			t.Errorf("%q: got %d tokens, want between 1 and %d", text, len(toks), len(text))
		}
	}
}
