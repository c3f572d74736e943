package graph

import "context"

// An entity mentioned in every article carries every mention with it, so a
// read that only wants its name would pay for all of them. A context from
// WithoutMentions lets a caller that loads mentions on demand (the GraphQL
// resolvers, through MentionsOf) skip them. It is a context value rather
// than a parameter of each read so the Store methods keep one signature for
// every caller; callers that never set it see no change.

type withoutMentionsKey struct{}

// WithoutMentions returns a context under which the entity reads of a
// Store (Entities, FindEntity, SearchEntities, Neighborhood, Search,
// ListEntities) return entities with empty Mentions, otherwise unchanged.
func WithoutMentions(ctx context.Context) context.Context {
	return context.WithValue(ctx, withoutMentionsKey{}, true)
}

// MentionsWanted reports whether entity reads under ctx must fill
// Mentions: true unless ctx comes from WithoutMentions.
func MentionsWanted(ctx context.Context) bool {
	skip, _ := ctx.Value(withoutMentionsKey{}).(bool)
	return !skip
}
