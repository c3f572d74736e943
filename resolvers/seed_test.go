package resolvers

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/geokg/geokg/graph/memory"
	"github.com/geokg/geokg/loader"
)

const seedArticle = "../articles/2025-05-17-trump-putin-call.txt"

// seedStore is a memory store holding the real seed article, extracted by the
// real loader.
func seedStore(t testing.TB) *memory.Store {
	t.Helper()
	data, err := loader.ReadArticle(seedArticle)
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	ld, err := loader.New(nil)
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	doc, err := ld.Extract(seedArticle, data)
	if err != nil {
		t.Fatalf("extract seed: %v", err)
	}
	s := memory.New()
	if err := s.Apply(context.Background(), doc.Batch()); err != nil {
		t.Fatalf("apply seed: %v", err)
	}
	return s
}

func seedClient(t testing.TB) *client.Client {
	t.Helper()
	c, _ := newClient(t, seedStore(t))
	return c
}

func TestSeedArticle(t *testing.T) {
	c := seedClient(t)
	const firstSentence = "President Donald Trump announced he will speak with Russian President Vladimir Putin on Monday " +
		"in an effort to bring an end to the war in Ukraine, describing the mission as “STOPPING THE ‘BLOODBATH.’”"
	tests := []struct {
		name         string
		entity       string
		direction    string
		relType      string
		wantTarget   string
		wantDate     string
		wantStatus   string // "" when any status will do
		wantEvidence string // "" when any evidence will do
	}{
		{"Trump will call Putin on Monday", "Trump", "OUT", "CALLS", "Vladimir Putin", "2025-05-19", "planned", firstSentence},
		{"Russia struck Bilopillia on Saturday", "Russia", "OUT", "STRUCK", "Bilopillia", "2025-05-17", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var resp struct {
				Entity *struct {
					Relations struct {
						Nodes []struct {
							Target   struct{ Name string }
							Date     *string
							Status   *string
							Evidence []struct {
								Text       string
								Start, End int
								Article    struct{ Text string }
							}
						}
					}
				}
			}
			err := c.Post(`query($name: String, $dir: Direction, $types: [String!]) {
				entity(name: $name) { relations(direction: $dir, types: $types) { nodes {
					target { name } date status evidence { text start end article { text } } } } } }`,
				&resp, client.Var("name", tc.entity), client.Var("dir", tc.direction), client.Var("types", []string{tc.relType}))
			if err != nil {
				t.Fatalf("query: %v", err)
			}
			if resp.Entity == nil {
				t.Fatalf("entity(name: %q): got null, want an entity", tc.entity)
			}
			var targets []string
			for _, r := range resp.Entity.Relations.Nodes {
				targets = append(targets, r.Target.Name)
				if r.Target.Name != tc.wantTarget {
					continue
				}
				if r.Date == nil || *r.Date != tc.wantDate {
					t.Errorf("date: got %v, want %s", deref(r.Date), tc.wantDate)
				}
				if tc.wantStatus != "" && (r.Status == nil || *r.Status != tc.wantStatus) {
					t.Errorf("status: got %v, want %s", deref(r.Status), tc.wantStatus)
				}
				if len(r.Evidence) == 0 {
					t.Fatalf("evidence: got none, want the stating sentence")
				}
				for _, ev := range r.Evidence {
					if body := ev.Article.Text; ev.Start < 0 || ev.End > len(body) || ev.Start > ev.End || body[ev.Start:ev.End] != ev.Text {
						t.Errorf("evidence %q is not the article text at [%d:%d]", ev.Text, ev.Start, ev.End)
					}
				}
				if tc.wantEvidence != "" && r.Evidence[0].Text != tc.wantEvidence {
					t.Errorf("evidence: got %q, want %q", r.Evidence[0].Text, tc.wantEvidence)
				}
				return
			}
			t.Errorf("%s %s %s targets: got %q, want one to be %s", tc.entity, tc.direction, tc.relType, targets, tc.wantTarget)
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}
