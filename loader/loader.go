// Package loader turns news articles into graph batches:
// read (front matter, limits) -> sentences -> extract (mentions, events,
// roles) -> resolve (pronouns, anaphors, event coreference) -> build.
package loader

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader/gazetteer"
)

// MaxArticleBytes is the largest article body the loader accepts.
const MaxArticleBytes = 1 << 20

// ArticleMeta is the article header of the extraction document.
type ArticleMeta struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
}

// Document is the extraction document: what `geokg extract` prints, what the
// graph receives (via Batch) and what notebooks and evaluation read.
type Document struct {
	Article   ArticleMeta      `json:"article"`
	Entities  []graph.Entity   `json:"entities"`
	Relations []graph.Relation `json:"relations"`
	Events    []graph.Event    `json:"events"`

	text   string // the article body the offsets point into
	sha256 string
}

// Loader extracts documents from articles. It is safe for concurrent use.
type Loader struct {
	kb  *kb
	log *slog.Logger
}

// New parses the gazetteer (once per process) and returns a Loader.
func New(logger *slog.Logger) (*Loader, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	g, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("loader: %w", err)
	}
	return &Loader{kb: newKB(g), log: logger}, nil
}

// Extract reads one article and returns its extraction document, with no
// deadline; see ExtractContext.
func (l *Loader) Extract(name string, data []byte) (*Document, error) {
	return l.ExtractContext(context.Background(), name, data)
}

// ExtractContext reads one article and returns its extraction document.
// name is the file name: a leading YYYY-MM-DD in it is the fallback
// published date, and the name itself the fallback title. Bad input, and
// input over a limit (limits.go), yields an error wrapping graph.ErrInvalid;
// when ctx ends first, an error wrapping ctx.Err().
func (l *Loader) ExtractContext(ctx context.Context, name string, data []byte) (*Document, error) {
	raw, err := readArticle(name, data)
	if err != nil {
		return nil, err
	}
	return l.extract(ctx, name, raw)
}

// extract analyses an article already read and checked.
func (l *Loader) extract(ctx context.Context, name string, raw rawArticle) (*Document, error) {
	id, sum := articleID(raw.Body)
	d, err := analyseContext(ctx, l.kb, raw.Body, raw.Published)
	if err != nil {
		return nil, err
	}
	ents, rels, evs := d.build(id)
	d.release()
	if err := checkOutput(len(ents), len(rels), len(evs)); err != nil {
		return nil, err
	}
	l.log.Debug("extracted article", "article", id, "name", name, "entities", len(ents), "relations", len(rels), "events", len(evs))
	return &Document{
		Article:  ArticleMeta{ID: id, Title: raw.Title, Source: raw.Source, Published: raw.Published},
		Entities: ents, Relations: rels, Events: evs,
		text: raw.Body, sha256: sum,
	}, nil
}

// Batch returns the graph batch for the document: the article with its
// text and hash, and every mention, relation and event tagged with the
// article id.
func (d *Document) Batch() graph.Batch {
	return graph.Batch{
		Article: graph.Article{ID: d.Article.ID, Title: d.Article.Title, Source: d.Article.Source,
			Published: d.Article.Published, SHA256: d.sha256, Text: d.text},
		Entities:  d.Entities,
		Relations: d.Relations,
		Events:    d.Events,
	}.Stamped()
}
