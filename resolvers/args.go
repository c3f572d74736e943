package resolvers

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// relTypes parses relation type names from the API, rejecting names outside
// the vocabulary with the list of valid ones.
func relTypes(names []string) ([]graph.RelType, error) {
	if len(names) == 0 {
		return nil, nil
	}
	out := make([]graph.RelType, 0, len(names))
	for _, n := range names {
		t := graph.RelType(n)
		if !t.Valid() {
			valid := make([]string, 0, len(graph.Vocabulary))
			for _, v := range graph.RelTypes() {
				valid = append(valid, string(v))
			}
			return nil, badInput("unknown relation type %q; valid types are %s", n, strings.Join(valid, ", "))
		}
		out = append(out, t)
	}
	return out, nil
}
