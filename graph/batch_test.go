package graph

import "testing"

func TestStamped(t *testing.T) {
	in := Batch{
		Article:   Article{ID: "article:a"},
		Entities:  []Entity{{ID: "country:XA", Aliases: []string{"Xa"}, Mentions: []Mention{{Article: "other", Start: 1, End: 3}}}},
		Relations: []Relation{{ID: "r", Evidence: []Evidence{{Start: 0, End: 4}}}},
		Events:    []Event{{ID: "e", Evidence: []Evidence{{Article: "other"}}, Participants: []Participant{{Entity: "country:XA", Role: RoleSource}}}},
	}
	out := in.Stamped()
	for _, got := range []string{out.Entities[0].Mentions[0].Article, out.Relations[0].Article, out.Relations[0].Evidence[0].Article,
		out.Events[0].Article, out.Events[0].Evidence[0].Article} {
		if got != "article:a" {
			t.Errorf("stamped article: got %q, want %q", got, "article:a")
		}
	}
	out.Entities[0].Aliases[0] = "changed"
	out.Events[0].Participants[0].Role = RoleTarget
	if in.Entities[0].Aliases[0] != "Xa" || in.Events[0].Participants[0].Role != RoleSource ||
		in.Entities[0].Mentions[0].Article != "other" || in.Relations[0].Evidence[0].Article != "" {
		t.Errorf("Stamped changed or shares its input: %+v", in)
	}
}
