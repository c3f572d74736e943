package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters (with inner apostrophes or dots: "don't", "U.S.")
	tNum                  // digits with inner , or . ("1,000", "3.5")
	tPunct                // one punctuation rune; "'s" possessives are tPoss
	tPoss                 // possessive 's or ’s
)

// token is one word, number or punctuation mark of the body. text and lower
// are slices of the body and of its ASCII-lowercased copy, so tokens cost no
// allocation of their own.
type token struct {
	start, end int
	text       string
	lower      string
	kind       tokKind
	cap        bool      // starts with an upper-case letter
	allCaps    bool      // two or more letters, all upper case
	glued      bool      // no space between this token and the previous one
	sent       int       // sentence index
	cls        classMask // the word sets the word belongs to (see wordSet)
}

func (t *token) is(words ...string) bool {
	for _, w := range words {
		if t.lower == w {
			return true
		}
	}
	return false
}

// isHyphen reports whether t is a hyphen or dash joining two words with no
// spaces ("Zelenskyy-Putin", "face-to-face").
func (t *token) isHyphen() bool {
	return t.kind == tPunct && (t.text == "-" || t.text == "‑" || t.text == "–")
}

// asciiLower returns a copy of s with ASCII letters lower-cased; byte offsets
// are unchanged, unlike strings.ToLower.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// tokenize splits the sentences of body into tokens, appending them to
// toks (a reused buffer, or nil).
func tokenize(toks []token, body, lower string, sents []span) []token {
	if cap(toks) == 0 {
		toks = make([]token, 0, len(body)/4)
	}
	for si, s := range sents {
		prevEnd := -1
		quoted := false // a single quote opened in this sentence: a later ' may close it
		for i := s.start; i < s.end; {
			if c := body[i]; c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				i++
				continue
			}
			r, n := rune(body[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(body[i:])
			}
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			start := i
			kind := tPunct
			switch {
			case unicode.IsLetter(r):
				kind = tWord
				i = scanWord(body, i, s.end)
			case unicode.IsDigit(r):
				// scanNumber reads ASCII digits only: a digit of another
				// script ("٣", "３") is a token of its own, so the scan
				// always moves on.
				kind = tNum
				if i = scanNumber(body, i, s.end); i == start {
					i += n
				}
			case (r == '\'' || r == '’') && possessiveAt(body, i+n, s.end) && prevEnd == i:
				kind = tPoss
				i += n + 1
			case (r == '\'' || r == '’') && prevEnd == i && !quoted && pluralPossessiveAt(body, i, n, s.end):
				kind = tPoss // "Hamas' leader", "the Philippines’ coast guard"
				i += n
			case r == '‘' || r == '\'' && prevEnd != i:
				quoted = true
				i += n
			default:
				i += n
			}
			t := token{start: start, end: i, text: body[start:i], lower: lower[start:i], kind: kind, glued: prevEnd == start, sent: si}
			if kind == tWord {
				t.cap = unicode.IsUpper(r)
				t.allCaps = isAllCaps(t.text)
			}
			if kind != tNum {
				t.cls = classOf[t.lower]
				if kind == tWord && lyAdverb(t.lower) {
					t.cls.add(adverbs.bit) // "fully supports", "reportedly struck"
				}
			}
			toks = append(toks, t)
			prevEnd = i
		}
	}
	return toks
}

// pluralPossessiveAt reports whether the apostrophe at body[i:i+n] makes
// the word before it, which ends in s, a possessive: a word follows after
// one space ("Hamas' leader", not "'Hamas' said" inside quotes, which the
// caller rules out).
func pluralPossessiveAt(body string, i, n, end int) bool {
	if i == 0 || body[i-1] != 's' && body[i-1] != 'S' || i+n+1 >= end || body[i+n] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(body[i+n+1:])
	return unicode.IsLetter(r)
}

// possessiveAt reports whether an 's that ends a word starts at body[i-1].
func possessiveAt(body string, i, end int) bool {
	if i >= end || (body[i] != 's' && body[i] != 'S') {
		return false
	}
	if i+1 == end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(body[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// scanWord returns the end of the word starting at i: letters and digits,
// inner apostrophes ("don't" but not the possessive "Russia's"), and dotted
// acronyms with their final period ("U.S.").
func scanWord(s string, i, end int) int {
	dotted := false
	for i < end {
		if c := s[i]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		if r == '.' && i+1 < end {
			r2, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsLetter(r2) && isSingleLetterBefore(s, i) {
				dotted = true
				i++
				continue
			}
		}
		if (r == '\'' || r == '’') && i+n < end && !possessiveAt(s, i+n, end) {
			r2, _ := utf8.DecodeRuneInString(s[i+n:])
			if unicode.IsLetter(r2) {
				i += n
				continue
			}
		}
		break
	}
	if dotted && i < end && s[i] == '.' {
		i++
	}
	return i
}

// isSingleLetterBefore reports whether the letters just before i form a
// single letter (the "U" of "U.S").
func isSingleLetterBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLetter(r) {
		return false
	}
	if i-n == 0 {
		return true
	}
	r2, _ := utf8.DecodeLastRuneInString(s[:i-n])
	return !unicode.IsLetter(r2)
}

func scanNumber(s string, i, end int) int {
	for i < end {
		c := s[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == ',' || c == '.') && i+1 < end && s[i+1] >= '0' && s[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

func isAllCaps(s string) bool {
	if len(s) < 2 || s[1] >= 'a' && s[1] <= 'z' {
		return false // the common case: "Russia", "said"
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// ordinal reports a numeric ordinal or its suffix: "18th" is the number
// "18" and the glued word "th".
func (t *token) ordinal() bool {
	return t.kind == tNum || t.glued && t.is("st", "nd", "rd", "th")
}

// lyAdverb reports a word in "-ly" that is an adverb: the adverbs set lists
// the common ones, and any other "-ly" word is one unless it is a noun or an
// adjective of this list.
func lyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !lyNotAdverb[w]
}

var lyNotAdverb = map[string]bool{
	"deadly": true, "friendly": true, "elderly": true, "costly": true, "lovely": true, "lonely": true, "orderly": true,
	"likely": true, "unlikely": true, "early": true, "daily": true, "weekly": true, "monthly": true, "yearly": true,
	"quarterly": true, "family": true, "rally": true, "ally": true, "supply": true, "reply": true, "apply": true,
	"assembly": true, "italy": true, "anomaly": true, "bully": true, "belly": true, "folly": true, "tally": true,
	"holy": true, "unruly": true, "hourly": true, "homely": true, "timely": true, "comply": true, "multiply": true,
	"imply": true, "rely": true, "reply-all": true, "jolly": true, "melancholy": true, "monopoly": true,
}
