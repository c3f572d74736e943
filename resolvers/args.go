package resolvers

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

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

// classes parses PLOVER class names; structural says whether STRUCTURAL,
// the class of standing facts, is allowed (relations yes, events no).
func classes(field string, names []string, structural bool) ([]graph.Class, error) {
	valid := append([]graph.Class(nil), graph.EventClasses...)
	if structural {
		valid = append(valid, graph.Structural)
	}
	out := make([]graph.Class, 0, len(names))
	for _, n := range names {
		c := graph.Class(n)
		if !slices.Contains(valid, c) {
			names := make([]string, len(valid))
			for i, v := range valid {
				names[i] = string(v)
			}
			return nil, badInput("%s: unknown class %q; valid classes are %s", field, n, strings.Join(names, ", "))
		}
		out = append(out, c)
	}
	return out, nil
}

// statuses checks status names against graph.Statuses.
func statuses(field string, names []string) ([]string, error) {
	for _, n := range names {
		if !slices.Contains(graph.Statuses, n) {
			return nil, badInput("%s: unknown status %q; valid statuses are %s", field, n, strings.Join(graph.Statuses, ", "))
		}
	}
	return names, nil
}

// day checks an optional ISO 8601 day argument and returns it, "" when
// absent.
func day(field string, s *string) (string, error) {
	if s == nil || *s == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, *s); err != nil {
		return "", badInput("%s: %q is not an ISO 8601 day (want YYYY-MM-DD, e.g. 2025-05-17)", field, *s)
	}
	return *s, nil
}

// dateRange checks since and until and that they are in order; prefix
// names them in messages ("relations: where.").
func dateRange(prefix string, since, until *string) (string, string, error) {
	from, err := day(prefix+"since", since)
	if err != nil {
		return "", "", err
	}
	to, err := day(prefix+"until", until)
	if err != nil {
		return "", "", err
	}
	if from != "" && to != "" && from > to {
		return "", "", badInput("%ssince %s is after until %s", prefix, from, to)
	}
	return from, to, nil
}

// str dereferences an optional string argument.
func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// bounded returns *n, or def when n is nil, if it lies in lo..hi.
func bounded(field string, n *int, def, lo, hi int) (int, error) {
	v := def
	if n != nil {
		v = *n
	}
	if v < lo || v > hi {
		return 0, badInput("%s must be between %d and %d, got %d", field, lo, hi, v)
	}
	return v, nil
}

// relationQuery checks a relations filter and turns it into a store query.
func relationQuery(w *RelationWhere) (graph.RelationQuery, error) {
	var q graph.RelationQuery
	if w == nil {
		return q, nil
	}
	var err error
	if q.Types, err = relTypes(w.Types); err != nil {
		return q, err
	}
	if q.Classes, err = classes("relations: where.classes", w.Classes, true); err != nil {
		return q, err
	}
	if q.Statuses, err = statuses("relations: where.statuses", w.Statuses); err != nil {
		return q, err
	}
	if q.Since, q.Until, err = dateRange("relations: where.", w.Since, w.Until); err != nil {
		return q, err
	}
	if q.MinSources, err = bounded("relations: where.minSources", w.MinSources, 0, 0, math.MaxInt32); err != nil {
		return q, err
	}
	q.Source, q.Target, q.Article, q.Contested = str(w.Source), str(w.Target), str(w.Article), w.Contested
	return q, nil
}

// eventQuery checks an events filter and turns it into a store query.
func eventQuery(w *EventWhere) (graph.EventQuery, error) {
	var q graph.EventQuery
	if w == nil {
		return q, nil
	}
	var err error
	if q.Types, err = classes("events: where.types", w.Types, false); err != nil {
		return q, err
	}
	if q.Since, q.Until, err = dateRange("events: where.", w.Since, w.Until); err != nil {
		return q, err
	}
	if q.MinKilled, err = bounded("events: where.minKilled", w.MinKilled, 0, 0, math.MaxInt32); err != nil {
		return q, err
	}
	if q.MinSources, err = bounded("events: where.minSources", w.MinSources, 0, 0, math.MaxInt32); err != nil {
		return q, err
	}
	q.Place, q.Participant, q.Article, q.Contested = str(w.Place), str(w.Participant), str(w.Article), w.Contested
	return q, nil
}

// searchText checks search(text:): something to look for, and not so much
// that typo-tolerant matching gets expensive.
func searchText(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", badInput("search: text must not be empty")
	}
	if n := utf8.RuneCountInString(text); n > MaxSearchText {
		return "", badInput("search: text must be at most %d characters, got %d", MaxSearchText, n)
	}
	return text, nil
}
