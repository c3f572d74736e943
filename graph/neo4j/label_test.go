package neo4j

import (
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestKindLabel(t *testing.T) {
	tests := []struct {
		kind graph.Kind
		want string
	}{
		{graph.Person, "Person"},
		{graph.Country, "Country"},
		{graph.GovernmentBody, "GovernmentBody"},
		{graph.Military, "Military"},
		{graph.Organization, "Organization"},
		{graph.Group, "Group"},
		{graph.City, "City"},
		{graph.Region, "Region"},
		{graph.Location, "Location"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := kindLabel(tc.kind); got != tc.want {
			t.Errorf("kindLabel(%q): got %q, want %q", tc.kind, got, tc.want)
		}
	}
	if len(tests)-1 != len(graph.Kinds) {
		t.Errorf("got cases for %d kinds, want one for each of the %d", len(tests)-1, len(graph.Kinds))
	}
}
