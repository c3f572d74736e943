package loader

import (
	"testing"
)

func TestDates(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published string
		future    bool
		wantText  string
		want      string
	}{
		{"future weekday", "He will speak with Putin on Monday.", "2025-05-17", true, "on Monday", "2025-05-19"},
		{"past weekday same day", "The attack on Saturday killed nine.", "2025-05-17", false, "on Saturday", "2025-05-17"},
		{"past weekday earlier", "Friday's talks ended.", "2025-05-17", false, "Friday", "2025-05-16"},
		{"past Sunday", "a plan put forward by Orban on Sunday", "2025-05-16", false, "on Sunday", "2025-05-11"},
		{"future same weekday is next week", "They will meet on Saturday.", "2025-05-17", true, "on Saturday", "2025-05-24"},
		{"last weekday same day", "They met last Saturday.", "2025-05-17", false, "last Saturday", "2025-05-10"},
		{"next weekday", "They meet next Tuesday.", "2025-05-17", false, "next Tuesday", "2025-05-20"},
		{"morning", "by Wednesday morning", "2025-04-02", false, "by Wednesday morning", "2025-04-02"},
		{"early on", "early on Wednesday", "2025-05-07", false, "early on Wednesday", "2025-05-07"},
		{"yesterday", "Officials said yesterday.", "2025-03-01", false, "yesterday", "2025-02-28"},
		{"tomorrow", "They meet tomorrow.", "2025-12-31", true, "tomorrow", "2026-01-01"},
		{"last week", "It happened last week.", "2025-05-17", false, "last week", "2025-05-10"},
		{"month day", "the April 22 attack", "2025-05-07", false, "April 22", "2025-04-22"},
		{"month day comma year", "on May 7, 2025, officials said", "2025-06-01", false, "on May 7, 2025", "2025-05-07"},
		{"day month year", "signed on 16 May 2025", "2025-05-20", false, "on 16 May 2025", "2025-05-16"},
		{"weekday with date", "in Thursday, March 13, 2025.", "2025-03-13", false, "Thursday, March 13, 2025", "2025-03-13"},
		{"past month day in previous year", "the December 30 strike", "2025-01-02", false, "December 30", "2024-12-30"},
		{"future month day in next year", "talks on January 3", "2025-12-20", true, "on January 3", "2026-01-03"},
		{"impossible day", "on April 31", "2025-05-01", false, "on April 31", ""},
		{"modal may is not a month", "They may 3 times", "2025-05-01", false, "", ""},
		{"no published", "on Monday", "", true, "on Monday", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := []span{{0, len(tc.text)}}
			toks := tokenize(nil, tc.text, asciiLower(tc.text), sents)
			ds := findDates(tc.text, toks, 0, len(toks))
			if tc.wantText == "" {
				if len(ds) != 0 {
					t.Fatalf("got dates %+v, want none", ds)
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("got %d dates %+v, want 1", len(ds), ds)
			}
			pub, ok := parseDay(tc.published)
			got := ds[0].resolve(pub, ok, tc.future)
			if ds[0].text != tc.wantText || got != tc.want {
				t.Errorf("got %q -> %q, want %q -> %q", ds[0].text, got, tc.wantText, tc.want)
			}
		})
	}
}
