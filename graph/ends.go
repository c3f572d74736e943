package graph

import "context"

// EndsReader is a Store that reads the entities at the ends of the
// relations RelationsOf finds in the same round trip. A caller about to
// show those entities (the GraphQL resolvers, for `target { name }`) asks
// it rather than reading them in a second round; a store without it is
// read in two. Both stores of this module have it.
type EndsReader interface {
	// RelationsOfWithEnds answers RelationsOf(ctx, ids, f), and returns
	// the entities at either end of every relation in that answer, each
	// once, sorted by id, as Entities reads them under
	// WithoutMentions(ctx): with empty Mentions.
	RelationsOfWithEnds(ctx context.Context, ids []string, f RelationFilter) (map[string][]Relation, []Entity, error)
}
