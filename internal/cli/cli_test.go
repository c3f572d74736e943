package cli

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"usage", Usagef("bad flag %q", "-x"), 2},
		{"wrapped usage", fmt.Errorf("serve: %w", Usagef("bad")), 2},
		{"other", errors.New("store down"), 1},
	}
	for _, tc := range tests {
		if got := ExitCode(tc.err); got != tc.want {
			t.Errorf("%s: got exit code %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	fs := NewFlagSet("geokg", "load", "load PATH...", io.Discard)
	if help, err := Parse(fs, []string{"-h"}); !help || err != nil {
		t.Errorf("-h: got help %v, error %v, want help and no error", help, err)
	}
	fs = NewFlagSet("geokg", "load", "load PATH...", io.Discard)
	if _, err := Parse(fs, []string{"-nope"}); ExitCode(err) != 2 {
		t.Errorf("unknown flag: got %v, want a usage error", err)
	}
}
