package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [start, end) of the article body.
type span struct{ start, end int }

// titleAbbrevs never end a sentence: they precede a name ("Maj. Gen. Obi").
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "gov": true,
	"sen": true, "rep": true, "st": true, "rev": true, "hon": true, "pres": true, "amb": true,
	"brig": true, "cmdr": true, "insp": true, "supt": true, "vs": true, "mt": true, "ft": true,
}

// softAbbrevs end a sentence only when a typical sentence opener follows
// ("... in the U.S. The president ...", "Acme Inc. He said").
var softAbbrevs = map[string]bool{
	"inc": true, "ltd": true, "co": true, "corp": true, "jr": true, "sr": true, "etc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "est": true,
	"no": true, "dept": true, "govt": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true,
}

// sentenceOpeners are words that start sentences far more often than they
// follow an abbreviation.
var sentenceOpeners = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "this": true, "that": true, "these": true, "those": true, "but": true,
	"and": true, "in": true, "on": true, "at": true, "his": true, "her": true, "their": true,
	"its": true, "there": true, "meanwhile": true, "however": true, "officials": true, "after": true,
}

// splitSentences splits body into sentences, returning trimmed byte spans.
// A sentence ends at . ! ? or … (plus any closing quotes or brackets) followed
// by space and a capital, digit or opening quote, unless the period belongs to
// an abbreviation or an initial; a blank line always ends one, and so does a
// single line break unless the next line continues in lower case.
func splitSentences(body string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(body, start, end)
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '\n':
			j := i + 1
			for j < len(body) && (body[j] == ' ' || body[j] == '\t' || body[j] == '\r') {
				j++
			}
			blank := j < len(body) && body[j] == '\n'
			if blank || j >= len(body) || !startsLower(body[j:]) {
				emit(i)
			}
			i++
		case c == '.' || c == '!' || c == '?' || strings.HasPrefix(body[i:], "…"):
			n := 1
			if c != '.' && c != '!' && c != '?' {
				n = len("…")
			}
			j := i + n
			// Runs of terminators ("?!", "...") and closing quotes or brackets.
			for j < len(body) {
				r, w := utf8.DecodeRuneInString(body[j:])
				if r == '.' || r == '!' || r == '?' || r == '…' || isCloser(r) {
					j += w
					continue
				}
				break
			}
			if j < len(body) && body[j] != ' ' && body[j] != '\t' && body[j] != '\n' && body[j] != '\r' {
				i = j
				continue
			}
			k := j
			for k < len(body) && (body[k] == ' ' || body[k] == '\t') {
				k++
			}
			if k < len(body) && body[k] != '\n' && body[k] != '\r' && !startsSentence(body[k:]) {
				i = j
				continue
			}
			if c == '.' && j == i+1 && !periodEnds(body, i, body[k:]) {
				i = j
				continue
			}
			emit(j)
			i = j
		default:
			i++
		}
	}
	emit(len(body))
	return out
}

// periodEnds decides whether the period at body[i] ends a sentence, given
// the text that follows it.
func periodEnds(body string, i int, next string) bool {
	w := i
	for w > 0 {
		r, n := utf8.DecodeLastRuneInString(body[:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= n
	}
	word := strings.ToLower(body[w:i])
	if word == "" {
		return true
	}
	if titleAbbrevs[word] {
		return false
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsLetter(r) {
		return false // an initial: "J. Smith"
	}
	if softAbbrevs[word] || strings.Contains(word, ".") {
		return sentenceOpeners[strings.ToLower(firstWord(next))]
	}
	return true
}

func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// startsSentence reports whether s can begin a sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '—', '-', '–':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«':
		return true
	}
	return false
}
