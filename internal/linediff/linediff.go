// Package linediff shows how two texts differ, line by line, for test
// failure messages.
package linediff

import (
	"fmt"
	"strings"
)

// maxShown caps the lines a diff prints, so a broken run does not print two
// whole documents.
const maxShown = 30

// Lines shows the lines only in got (+) or only in want (-), from a
// longest-common-subsequence alignment, numbered as in their own text.
func Lines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	// lcs[i][j] is the LCS length of g[i:] and w[j:].
	lcs := make([][]int, len(g)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(w)+1)
	}
	for i := len(g) - 1; i >= 0; i-- {
		for j := len(w) - 1; j >= 0; j-- {
			if g[i] == w[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	shown := 0
	line := func(sign string, i int, text string) {
		if shown < maxShown {
			fmt.Fprintf(&b, "  %s line %d: %s\n", sign, i+1, strings.TrimSpace(text))
		}
		shown++
	}
	i, j := 0, 0
	for i < len(g) || j < len(w) {
		switch {
		case i < len(g) && j < len(w) && g[i] == w[j]:
			i++
			j++
		case j < len(w) && (i == len(g) || lcs[i][j+1] >= lcs[i+1][j]):
			line("- want", j, w[j])
			j++
		default:
			line("+ got ", i, g[i])
			i++
		}
	}
	if shown > maxShown {
		fmt.Fprintf(&b, "  ... %d more differing lines\n", shown-maxShown)
	}
	return b.String()
}
