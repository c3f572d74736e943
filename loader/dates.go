package loader

import (
	"strconv"
	"time"
)

// dateExpr is a date expression found in a sentence: a weekday ("on
// Monday", "Friday's"), a relative day ("yesterday", "last week") or an
// explicit date ("May 16", "16 May 2025").
type dateExpr struct {
	first, last int // token indices, inclusive
	text        string

	weekday time.Weekday
	hasWD   bool
	relDays int // yesterday -1, tomorrow +1, last week -7
	hasRel  bool
	year    int // explicit date parts; 0 when absent
	month   time.Month
	day     int
}

var weekdayNames = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var relativeDays = map[string]int{"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

// dateWords may start a date expression; other words skip the date
// lookups.
var dateWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "yesterday", "today", "tonight", "tomorrow", "last", "next")

// findDates returns the date expressions among toks[lo:hi].
func findDates(body string, toks []token, lo, hi int) []dateExpr {
	var out []dateExpr
	for i := lo; i < hi; i++ {
		t := &toks[i]
		if t.kind != tNum && !(t.kind == tWord && t.in(dateWords)) {
			continue
		}
		var d dateExpr
		d.first, d.last = i, i
		switch {
		case weekdayOK(t):
			d.weekday, d.hasWD = weekdayNames[t.lower], true
			// "Thursday, March 13, 2025" / "Thursday March 13"
			j := i + 1
			if j < hi && toks[j].text == "," {
				j++
			}
			if e, ok := explicitDate(toks, j, hi); ok {
				d.year, d.month, d.day, d.last = e.year, e.month, e.day, e.last
			} else if j := i + 1; j < hi && toks[j].is("morning", "afternoon", "evening", "night") {
				d.last = j
			}
		case t.kind == tWord && isRelativeDay(t.lower):
			d.relDays, d.hasRel = relativeDays[t.lower], true
		case t.is("last", "next") && i+1 < hi && toks[i+1].is("week", "night"):
			d.last = i + 1
			d.relDays = map[string]int{"week": 7, "night": 1}[toks[i+1].lower]
			if t.is("last") {
				d.relDays = -d.relDays
			}
			d.hasRel = true
		default:
			e, ok := explicitDate(toks, i, hi)
			if !ok {
				continue
			}
			d.year, d.month, d.day, d.last = e.year, e.month, e.day, e.last
		}
		// Take in the preposition and time-of-day words around the date.
		first := d.first
		if first > lo && toks[first-1].is("on", "by", "since", "until", "through") {
			first--
			if first > lo && toks[first-1].is("early", "late") {
				first--
			}
		} else if first > lo && toks[first-1].is("last", "next", "this") && d.hasWD {
			first--
			if toks[first].lower == "next" {
				d.relDays, d.hasRel = 7, true // marks an explicit future
			} else if toks[first].lower == "last" {
				d.relDays, d.hasRel = -7, true
			}
		}
		d.first = first
		d.text = body[toks[d.first].start:toks[d.last].end]
		out = append(out, d)
		i = d.last
	}
	return out
}

func isRelativeDay(w string) bool {
	_, ok := relativeDays[w]
	return ok
}

// weekdayOK accepts a capitalised weekday name (or its possessive form).
func weekdayOK(t *token) bool {
	_, ok := weekdayNames[t.lower]
	return ok && t.cap
}

type ymd struct {
	year  int
	month time.Month
	day   int
	last  int
}

// explicitDate parses "May 16", "May 16, 2025", "16 May", "16 May 2025" at
// toks[i].
func explicitDate(toks []token, i, hi int) (ymd, bool) {
	if i >= hi {
		return ymd{}, false
	}
	t := &toks[i]
	if m, ok := monthNames[t.lower]; ok && t.cap && i+1 < hi {
		if d := dayNumber(&toks[i+1]); d > 0 {
			e := ymd{month: m, day: d, last: i + 1}
			j := i + 2
			if j < hi && toks[j].text == "," {
				j++
			}
			if j < hi {
				if y := yearNumber(&toks[j]); y > 0 {
					e.year, e.last = y, j
				}
			}
			return e, true
		}
	}
	if d := dayNumber(t); d > 0 && i+1 < hi {
		if m, ok := monthNames[toks[i+1].lower]; ok && toks[i+1].cap && len(toks[i+1].lower) >= 3 {
			e := ymd{month: m, day: d, last: i + 1}
			if i+2 < hi {
				if y := yearNumber(&toks[i+2]); y > 0 {
					e.year, e.last = y, i+2
				}
			}
			return e, true
		}
	}
	return ymd{}, false
}

func dayNumber(t *token) int {
	if t.kind != tNum || len(t.text) > 2 {
		return 0
	}
	n, err := strconv.Atoi(t.text)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

func yearNumber(t *token) int {
	if t.kind != tNum || len(t.text) != 4 {
		return 0
	}
	n, err := strconv.Atoi(t.text)
	if err != nil || n < 1900 || n > 2100 {
		return 0
	}
	return n
}

// resolve turns d into an ISO day relative to the publication day pub.
// future selects the next weekday after pub instead of the most recent one
// on or before it. It returns "" when d cannot be pinned to a day.
func (d dateExpr) resolve(pub time.Time, hasPub, future bool) string {
	if d.day > 0 {
		y := d.year
		if y == 0 {
			if !hasPub {
				return ""
			}
			y = pub.Year()
			t := time.Date(y, d.month, d.day, 0, 0, 0, 0, time.UTC)
			// A month and day without a year is the nearest such day in
			// the direction of the tense.
			if !future && t.After(pub.AddDate(0, 0, 7)) {
				y--
			} else if future && t.Before(pub.AddDate(0, 0, -7)) {
				y++
			}
		}
		t := time.Date(y, d.month, d.day, 0, 0, 0, 0, time.UTC)
		if t.Month() != d.month { // 31 April
			return ""
		}
		return t.Format("2006-01-02")
	}
	if !hasPub {
		return ""
	}
	if d.hasWD {
		if d.hasRel && d.relDays > 0 {
			future = true
		}
		diff := int(d.weekday - pub.Weekday())
		var t time.Time
		if future {
			if diff <= 0 {
				diff += 7
			}
			t = pub.AddDate(0, 0, diff)
		} else {
			if diff > 0 {
				diff -= 7
			}
			if d.hasRel && d.relDays < 0 && diff == 0 {
				diff = -7 // "last Saturday" in a Saturday article
			}
			t = pub.AddDate(0, 0, diff)
		}
		return t.Format("2006-01-02")
	}
	if d.hasRel {
		return pub.AddDate(0, 0, d.relDays).Format("2006-01-02")
	}
	return ""
}

// parseDay parses an ISO day; ok is false for "".
func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}
