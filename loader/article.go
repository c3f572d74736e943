package loader

import (
	"context"
	"fmt"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Article is an article given as text with its metadata beside it, as the
// ingestArticle mutation receives it, rather than as a file.
type Article struct {
	Name string // file name, for the fallback title and date; "" when there is none
	Text string // the article; it may carry front matter only when no metadata is given
	// Metadata; "" when not given. Published is YYYY-MM-DD, optionally
	// followed by words, as in front matter.
	Title, Source, Published string
}

// ExtractArticle returns a's extraction document. The body, and with it
// the article id, is the text exactly as sent. Metadata given both as
// fields and as front matter in the text is ambiguous and refused with an
// error wrapping graph.ErrInvalid, as is everything ExtractContext refuses.
func (l *Loader) ExtractArticle(ctx context.Context, a Article) (*Document, error) {
	title, source, published := strings.TrimSpace(a.Title), strings.TrimSpace(a.Source), strings.TrimSpace(a.Published)
	if title == "" && source == "" && published == "" {
		return l.ExtractContext(ctx, a.Name, []byte(a.Text))
	}
	if first, _, _ := strings.Cut(a.Text, "\n"); strings.TrimSpace(strings.TrimPrefix(first, "\uFEFF")) == "---" {
		return nil, fmt.Errorf("%w: the text starts with its own front matter; give title, source and published there or as arguments, not both", graph.ErrInvalid)
	}
	// The same bound as a front-matter header holding them.
	if n := len(title) + len(source) + len(published); n > MaxFrontMatterBytes {
		return nil, fmt.Errorf("%w: title, source and published are %d bytes, larger than the %d-byte limit", graph.ErrInvalid, n, MaxFrontMatterBytes)
	}
	raw, err := readArticle(a.Name, []byte(a.Text))
	if err != nil {
		return nil, err
	}
	if title != "" {
		raw.Title = title
	}
	if source != "" {
		raw.Source = source
	}
	if published != "" {
		day, ok := leadingDay(published)
		if !ok {
			return nil, fmt.Errorf("%w: published %q is not a date (want YYYY-MM-DD, optionally followed by words)", graph.ErrInvalid, published)
		}
		raw.Published = day
	}
	return l.extract(ctx, a.Name, raw)
}
