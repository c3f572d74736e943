package loader

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
)

// Limits on one article's extraction, so that no input makes the loader's
// time or memory grow faster than the input: every stage is linear in the
// text or stopped by one of these with an error wrapping graph.ErrInvalid.
// They sit well above what news articles need: the longest sentence of the
// team's and the evaluation articles is 541 bytes, the busiest entity is
// named a few dozen times.
const (
	// MaxSentenceBytes is the longest stretch of text analysed as one
	// sentence. Longer sentences (a text with no punctuation) are cut into
	// pieces of at most this size at a comma or a space, because several
	// per-sentence stages compare every word of a sentence with every other.
	MaxSentenceBytes = 2048
	// MaxFrontMatterBytes bounds the YAML header.
	MaxFrontMatterBytes = 16 << 10
	// MaxFrontMatterKeys bounds the header's top-level keys: only three are
	// read, and YAML decoding checks each key against every other.
	MaxFrontMatterKeys = 64
	// MaxTokens bounds the words, numbers and marks of one article: 1 MiB
	// of news prose has about 220,000.
	MaxTokens = 400_000
	// MaxMentionsPerEntity bounds how often one article may name one
	// entity: each mention is stored with the entity, and no news article
	// names one actor ten thousand times.
	MaxMentionsPerEntity = 10_000
	// MaxMentions bounds the named mentions of one article.
	MaxMentions = 100_000
	// Caps on one article's output, which becomes one store transaction.
	MaxEntities  = 10_000
	MaxRelations = 20_000
	MaxEvents    = 20_000
)

// limitError reports input over one of the limits.
func limitError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", graph.ErrInvalid, fmt.Sprintf(format, args...))
}

// canceled wraps the context's error once extraction stopped for it.
func canceled(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("extraction stopped: %w", err)
	}
	return nil
}

// boundSpans cuts every span longer than max bytes into pieces of at most
// max bytes, so per-sentence work stays bounded whatever the punctuation.
// A piece ends after the last comma, semicolon or colon in the second half
// of its window, else at the last space, else at a rune boundary.
func boundSpans(body string, spans []span, max int) []span {
	long := false
	for _, s := range spans {
		long = long || s.end-s.start > max
	}
	if !long {
		return spans
	}
	out := make([]span, 0, len(spans)+len(body)/max)
	for _, s := range spans {
		for s.end-s.start > max {
			cut := cutPoint(body, s.start, s.start+max)
			if a, b := trimSpan(body, s.start, cut); b > a {
				out = append(out, span{a, b})
			}
			s.start, _ = trimSpan(body, cut, s.end)
		}
		if s.end > s.start {
			out = append(out, s)
		}
	}
	return out
}

// cutPoint picks where to end a piece of body that starts at start and may
// run to limit (exclusive); it is always past start, on a rune boundary.
func cutPoint(body string, start, limit int) int {
	half := start + (limit-start)/2
	for i := limit - 1; i >= half; i-- {
		if c := body[i]; c == ',' || c == ';' || c == ':' {
			return i + 1
		}
	}
	for i := limit - 1; i > start; i-- {
		if c := body[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			return i
		}
	}
	for i := limit; i > start; i-- {
		if utf8.RuneStart(body[i]) {
			return i
		}
	}
	// A rune cannot be longer than 4 bytes, so this is reached only for
	// max < 4.
	return limit
}

// checkTokens refuses an article with more tokens than MaxTokens.
func checkTokens(n int) error {
	if n > MaxTokens {
		return limitError("article has %d words, numbers and marks, more than the limit of %d", n, MaxTokens)
	}
	return nil
}

// checkMentions refuses an article once it has more named mentions than
// MaxMentions, or names one entity more than MaxMentionsPerEntity times.
// from is the first mention not checked before.
func (d *doc) checkMentions(from int) error {
	if len(d.mentions) > MaxMentions {
		return limitError("article names entities more than %d times, the limit", MaxMentions)
	}
	for _, m := range d.mentions[from:] {
		for _, e := range m.entities() {
			if len(e.mentions) > MaxMentionsPerEntity {
				return limitError("article names %q more than %d times, the limit for one entity", e.name, MaxMentionsPerEntity)
			}
		}
	}
	return nil
}

// checkOutput refuses an extraction document larger than the output caps.
func checkOutput(entities, relations, events int) error {
	for _, c := range []struct {
		what    string
		n, most int
	}{
		{"entities", entities, MaxEntities},
		{"relations", relations, MaxRelations},
		{"events", events, MaxEvents},
	} {
		if c.n > c.most {
			return limitError("article yields %d %s, more than the limit of %d", c.n, c.what, c.most)
		}
	}
	return nil
}
