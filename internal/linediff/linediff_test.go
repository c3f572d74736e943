package linediff

import (
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name, got, want, diff string
	}{
		{"equal", "a\nb", "a\nb", ""},
		{"changed line", "a\nB\nc", "a\nb\nc", "  - want line 2: b\n  + got  line 2: B\n"},
		{"added line", "a\nb\nc", "a\nc", "  + got  line 2: b\n"},
		{"removed line", "a\nc", "a\nb\nc", "  - want line 2: b\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Lines(tc.got, tc.want); got != tc.diff {
				t.Errorf("got %q, want %q", got, tc.diff)
			}
		})
	}
}

func TestLinesCapped(t *testing.T) {
	got := Lines(strings.Repeat("x\n", 40), "")
	if n := strings.Count(got, "+ got"); n != maxShown || !strings.Contains(got, "... 10 more differing lines") {
		t.Errorf("got %d lines shown in\n%s\nwant %d and a count of the rest", n, got, maxShown)
	}
}
