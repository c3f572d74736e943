// Package api holds the side-by-side benchmark of geokg and @neo4j/graphql
// (run.sh); this test keeps the peer's typeDefs in step with the graph.
package api

import (
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestTypeDefsCoverVocabulary checks the peer declares one outgoing
// relationship field per vocabulary type, so Q1 asks it for every relation
// geokg can return.
func TestTypeDefsCoverVocabulary(t *testing.T) {
	src, err := os.ReadFile("peer/typeDefs.graphql")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^\s+\w+: \[Entity!\]! @relationship\(type: "(\w+)", direction: OUT, properties: "Fact"\)$`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		got = append(got, m[1])
	}
	var want []string
	for _, rt := range graph.RelTypes() {
		want = append(want, string(rt))
	}
	if !slices.Equal(got, want) {
		t.Errorf("peer/typeDefs.graphql relationship types:\ngot  %v\nwant %v (graph.RelTypes)", got, want)
	}
}
