package resolvers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// ingest extracts an article and applies it. The article id comes from the
// text, so ingesting the same text again rewrites the same facts: Apply is
// idempotent and the payload says nothing new was created.
func (r *Resolver) ingest(ctx context.Context, in ArticleInput) (*IngestArticlePayload, error) {
	if r.extract == nil {
		return nil, errors.New("ingestArticle: the server has no extractor configured")
	}
	if strings.TrimSpace(in.Text) == "" {
		return nil, badInput("ingestArticle: input.text is empty")
	}
	if _, err := day("ingestArticle: input.published", &in.Published); err != nil {
		return nil, err
	}
	b, err := r.extract(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("ingestArticle: %w", err)
	}
	freeSlot(ctx)
	unlock := r.ingests.lock(b.Article.ID)
	defer unlock()
	before, err := r.store.Articles(ctx, []string{b.Article.ID})
	if err != nil {
		return nil, err
	}
	if err := r.store.Apply(ctx, b); err != nil {
		return nil, fmt.Errorf("ingestArticle: %w", err)
	}
	out := &IngestArticlePayload{
		Article:     &b.Article,
		Created:     len(before) == 0,
		Entities:    len(b.Entities),
		Relations:   len(b.Relations),
		Events:      len(b.Events),
		EntityIds:   sortedIDs(b.Entities, func(e graph.Entity) string { return e.ID }),
		RelationIds: sortedIDs(b.Relations, func(r graph.Relation) string { return r.ID }),
		EventIds:    sortedIDs(b.Events, func(e graph.Event) string { return e.ID }),
		Warnings:    ingestWarnings(b, before),
	}
	r.logger.InfoContext(ctx, "article ingested", "article", b.Article.ID, "created", out.Created,
		"entities", out.Entities, "relations", out.Relations, "events", out.Events)
	return out, nil
}

// ingestWarnings tells the client what it may not expect from the result.
func ingestWarnings(b graph.Batch, before []graph.Article) []string {
	warnings := []string{}
	if len(before) > 0 {
		w := fmt.Sprintf("the same text was already loaded as article %s: nothing new was added", b.Article.ID)
		if old := before[0]; old.Title != b.Article.Title || old.Source != b.Article.Source || old.Published != b.Article.Published {
			w += "; its title, source and published day now are the ones given here"
		}
		warnings = append(warnings, w)
	}
	if b.Article.Published == "" {
		warnings = append(warnings, "no published day: relative dates such as \"on Monday\" are left unresolved; give published (YYYY-MM-DD) to resolve them")
	}
	switch {
	case len(b.Entities) == 0:
		warnings = append(warnings, "no entities were recognised in the text")
	case len(b.Relations) == 0:
		warnings = append(warnings, "no relations were recognised in the text")
	}
	return warnings
}

func sortedIDs[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// deleteArticle removes an article and what only it supported, reporting
// how many relations and events went with it.
func (r *Resolver) deleteArticle(ctx context.Context, id string) (*DeleteArticlePayload, error) {
	relations, events, err := r.articleCounts(ctx, id)
	if err != nil {
		return nil, err
	}
	r.guard.enter(deleting)
	err = r.store.DeleteArticle(ctx, id)
	r.guard.leave(deleting)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, notFound("deleteArticle: no article with id %q", id)
	} else if err != nil {
		return nil, fmt.Errorf("deleteArticle: %w", err)
	}
	r.logger.InfoContext(ctx, "article deleted", "article", id, "relations", relations, "events", events)
	return &DeleteArticlePayload{ID: id, Relations: relations, Events: events}, nil
}

// articleCounts counts the relations and events an article witnesses. The
// two reads run at once: on a busy database each waits for a CPU there,
// and the delete waits for both.
func (r *Resolver) articleCounts(ctx context.Context, id string) (relations, events int, err error) {
	one := graph.Page{Limit: 1}
	eventsErr := make(chan error, 1)
	go func() {
		var err error
		_, events, err = r.store.ListEvents(ctx, graph.EventQuery{Article: id, Page: one})
		eventsErr <- err
	}()
	_, relations, err = r.store.ListRelations(ctx, graph.RelationQuery{Article: id, Page: one})
	if evErr := <-eventsErr; err == nil {
		err = evErr
	}
	return relations, events, err
}
