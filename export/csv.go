package export

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/geokg/geokg/graph"
)

var csvHeader = []string{
	"id", "source_id", "source", "target_id", "target", "type", "class", "title",
	"date", "date_text", "status", "claimed_by", "confidence", "event", "article",
	"evidence", "evidence_start", "evidence_end",
	"sources", "first_reported", "last_reported", "contested",
}

// writeCSV writes one row per relation fact with both endpoints' names, so
// the file reads on its own in a spreadsheet; evidence is the first
// report's first sentence.
func writeCSV(ctx context.Context, w io.Writer, src source) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	err := src.relations(ctx, true, func(rels []graph.Relation, names map[string]string) error {
		for _, r := range rels {
			ev, hasEv := firstEvidence(r)
			start, end := "", ""
			if hasEv {
				start, end = strconv.Itoa(ev.Start), strconv.Itoa(ev.End)
			}
			row := []string{
				cell(r.ID), cell(r.Source), cell(names[r.Source]), cell(r.Target), cell(names[r.Target]),
				cell(string(r.Type)), cell(string(r.Class)), cell(r.Title),
				cell(r.Date), cell(r.DateText), cell(r.Status), cell(r.ClaimedBy),
				strconv.FormatFloat(r.Confidence, 'g', -1, 64), cell(r.Event), cell(r.Article),
				cell(ev.Text), start, end,
				strconv.Itoa(r.Sources), cell(r.FirstReported), cell(r.LastReported), strconv.FormatBool(r.Contested),
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// cell defuses spreadsheet formulas (CSV injection): text that starts with
// = + - @, a tab or a carriage return gets a leading ' as OWASP advises, so
// an evidence sentence like "=HYPERLINK(...)" shows as text. Quoting of
// commas, quotes and newlines is encoding/csv's job.
func cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
