package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
)

// graphmlKey declares one GraphML attribute. networkx.read_graphml and Gephi
// read only declared keys, and use attr.type to type the values.
type graphmlKey struct {
	id, domain, name, typ string
}

var graphmlKeys = []graphmlKey{
	{"n_label", "node", "label", "string"}, // Gephi's node label
	{"n_name", "node", "name", "string"},
	{"n_kind", "node", "kind", "string"},
	{"n_aliases", "node", "aliases", "string"},
	{"n_country", "node", "country", "string"},
	{"e_label", "edge", "label", "string"}, // Gephi's edge label
	{"e_type", "edge", "type", "string"},
	{"e_class", "edge", "class", "string"},
	{"e_title", "edge", "title", "string"},
	{"e_date", "edge", "date", "string"},
	{"e_date_text", "edge", "dateText", "string"},
	{"e_status", "edge", "status", "string"},
	{"e_claimed_by", "edge", "claimedBy", "string"},
	{"e_confidence", "edge", "confidence", "double"},
	{"e_event", "edge", "event", "string"},
	{"e_article", "edge", "article", "string"},
	{"e_evidence", "edge", "evidence", "string"},
	{"e_evidence_start", "edge", "evidenceStart", "int"},
	{"e_evidence_end", "edge", "evidenceEnd", "int"},
	{"e_sources", "edge", "sources", "int"},
	{"e_first_reported", "edge", "firstReported", "string"},
	{"e_last_reported", "edge", "lastReported", "string"},
	{"e_contested", "edge", "contested", "boolean"},
}

func writeGraphML(ctx context.Context, w io.Writer, src source) error {
	b := bufio.NewWriter(w)
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		b.WriteString(`  <key id="` + k.id + `" for="` + k.domain + `" attr.name="` + k.name + `" attr.type="` + k.typ + `"/>` + "\n")
	}
	b.WriteString(`  <graph id="geokg" edgedefault="directed">` + "\n")
	err := src.entities(ctx, func(ents []graph.Entity) error {
		for _, e := range ents {
			b.WriteString(`    <node id="` + escape(e.ID) + `">`)
			data(b, "n_label", e.Name)
			data(b, "n_name", e.Name)
			data(b, "n_kind", string(e.Kind))
			data(b, "n_aliases", strings.Join(e.Aliases, "; "))
			data(b, "n_country", e.Country)
			b.WriteString("</node>\n")
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = src.relations(ctx, false, func(rels []graph.Relation, _ map[string]string) error {
		for _, r := range rels {
			graphMLEdge(b, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.WriteString("  </graph>\n</graphml>\n")
	return b.Flush()
}

func graphMLEdge(b *bufio.Writer, r graph.Relation) {
	b.WriteString(`    <edge id="` + escape(r.ID) + `" source="` + escape(r.Source) + `" target="` + escape(r.Target) + `">`)
	data(b, "e_label", string(r.Type))
	data(b, "e_type", string(r.Type))
	data(b, "e_class", string(r.Class))
	data(b, "e_title", r.Title)
	data(b, "e_date", r.Date)
	data(b, "e_date_text", r.DateText)
	data(b, "e_status", r.Status)
	data(b, "e_claimed_by", r.ClaimedBy)
	data(b, "e_confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64))
	data(b, "e_event", r.Event)
	data(b, "e_article", r.Article)
	if ev, ok := firstEvidence(r); ok {
		data(b, "e_evidence", ev.Text)
		data(b, "e_evidence_start", strconv.Itoa(ev.Start))
		data(b, "e_evidence_end", strconv.Itoa(ev.End))
	}
	data(b, "e_sources", strconv.Itoa(r.Sources))
	data(b, "e_first_reported", r.FirstReported)
	data(b, "e_last_reported", r.LastReported)
	data(b, "e_contested", strconv.FormatBool(r.Contested))
	b.WriteString("</edge>\n")
}

// data writes one attribute value; empty values are left out, as GraphML
// allows, so readers see a missing attribute rather than an empty string.
func data(b *bufio.Writer, key, value string) {
	if value == "" {
		return
	}
	b.WriteString(`<data key="` + key + `">` + escape(value) + `</data>`)
}

// escape makes s safe as XML text or a quoted attribute value: markup
// characters and quotes are escaped, and characters XML 1.0 forbids become
// U+FFFD, so no value can break out of its element.
func escape(s string) string {
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s)) // writes to a strings.Builder never fail
	return sb.String()
}
