package graph

import "context"

// A fused fact carries every witness's evidence, and a fact many articles
// report grows with the corpus; a read that draws relations as edges pays
// for all of it without using it. A context from WithRelationSummaries
// lets such a caller (the GraphQL neighborhood, which returns edges only)
// ask for what a store can read without decoding the fact. It is a context
// value for the reason WithoutMentions is one.

type relationSummariesKey struct{}

// WithRelationSummaries returns a context under which Neighborhood returns
// each relation as its Summary, otherwise unchanged.
func WithRelationSummaries(ctx context.Context) context.Context {
	return context.WithValue(ctx, relationSummariesKey{}, true)
}

// RelationSummariesOnly reports whether Neighborhood under ctx returns
// relation summaries: true when ctx comes from WithRelationSummaries.
func RelationSummariesOnly(ctx context.Context) bool {
	only, _ := ctx.Value(relationSummariesKey{}).(bool)
	return only
}

// Summary is r cut to the fields a drawing of it needs, which a store keeps
// beside the fact: identity, ends, class, date, status, confidence, its
// fused event, sources and whether it is contested. Evidence is empty, not
// nil, as on every relation a store returns.
func (r Relation) Summary() Relation {
	return Relation{
		ID: r.ID, Type: r.Type, Class: r.Class, Source: r.Source, Target: r.Target,
		Date: r.Date, Status: r.Status, Confidence: r.Confidence, Event: r.Event,
		Sources: r.Sources, Contested: r.Contested, Evidence: []Evidence{},
	}
}
