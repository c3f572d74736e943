// Package loader turns news articles into graph batches:
// read (front matter, limits) -> extract -> resolve -> build.
package loader

import (
	"github.com/geokg/geokg/graph"
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

	text string // the article body the offsets point into
}
