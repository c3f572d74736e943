package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"JSON by default, as /export", []string{"export"}, func(t *testing.T, out string) {
			var doc struct{ Nodes []struct{ ID string } }
			if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Nodes) == 0 {
				t.Fatalf("got %.100q (%v), want node-link JSON with nodes", out, err)
			}
		}},
		{"whole graph as GraphML", []string{"export", "--format", "graphml"}, func(t *testing.T, out string) {
			var doc struct {
				Nodes []struct {
					ID string `xml:"id,attr"`
				} `xml:"graph>node"`
				Edges []struct {
					Source string `xml:"source,attr"`
					Target string `xml:"target,attr"`
				} `xml:"graph>edge"`
			}
			if err := xml.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("GraphML does not parse: %v", err)
			}
			found := false
			for _, e := range doc.Edges {
				found = found || (e.Source == "person:donald-trump" && e.Target == "person:vladimir-putin")
			}
			if len(doc.Nodes) < 10 || !found {
				t.Errorf("got %d nodes, Trump->Putin edge %v; want the seed graph with that edge", len(doc.Nodes), found)
			}
		}},
		{"neighbourhood as CSV", []string{"export", "--format", "csv", "--name", "Trump", "--types", "calls"}, func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("CSV does not parse: %v", err)
			}
			if len(rows) < 2 {
				t.Fatalf("got %d rows, want a header and relations", len(rows))
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			for _, r := range rows[1:] {
				if r[col["type"]] != "CALLS" || r[col["source"]] != "Donald Trump" {
					t.Errorf("got row %v, want only Trump's CALLS", r)
				}
			}
		}},
		{"neighbourhood as JSON", []string{"export", "--format", "json", "--id", "country:RU", "--depth", "2"}, func(t *testing.T, out string) {
			var doc struct {
				Nodes []map[string]any `json:"nodes"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("JSON does not parse: %v", err)
			}
			if len(doc.Nodes) < 2 {
				t.Errorf("got %d nodes, want Russia and its neighbours", len(doc.Nodes))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, err := runCLI(tt.args...)
			if err != nil {
				t.Fatalf("geokg %v: %v\n%s", tt.args, err, stderr)
			}
			tt.check(t, out)
		})
	}
}

func TestExportCommandErrors(t *testing.T) {
	tests := []struct {
		name, wantErr string
		args          []string
	}{
		{"unknown format", `export format "xml"`, []string{"export", "--format", "xml"}},
		{"unknown entity", `"Nobody"`, []string{"export", "--name", "Nobody"}},
		{"unknown type", "NOT_A_TYPE", []string{"export", "--id", "country:RU", "--types", "not_a_type"}},
		{"stray argument", "export takes no arguments", []string{"export", "extra"}},
		{"depth over the GraphQL limit", "depth must be between 1 and 3, got 99", []string{"export", "--name", "Russia", "--depth", "99"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCLI(tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("geokg %v: got error %v, want one containing %q", tt.args, err, tt.wantErr)
			}
		})
	}
}
