package graph

import "context"

// RefsReader is a Store that reads, with a page of relations, what the
// page refers to, in the same round trip: the entities at its relations'
// ends and the articles of their first reports. A caller about to show
// them (the GraphQL resolvers, for `source { name } article { title }`)
// asks it rather than reading them in a second round; a store without it
// is read in two. Both stores of this module have it.
type RefsReader interface {
	// ListRelationsWithRefs answers ListRelations(ctx, q), with the
	// entities at either end of the page's relations, as Entities reads
	// them under WithoutMentions(ctx), and the articles the relations
	// name (Relation.Article), as Articles reads them; each once, sorted
	// by id. An article deleted while the page is read may be missing
	// from Articles, as Articles skips it: a caller looking it up finds
	// it gone. A store that reads in one snapshot never misses one.
	ListRelationsWithRefs(ctx context.Context, q RelationQuery) (RelationPage, error)
}

// RelationPage is one page of relations and what they refer to.
type RelationPage struct {
	Relations []Relation
	Total     int // how many match in all, whatever the page
	Ends      []Entity
	Articles  []Article
}

// ArticleEntitiesReader is a Store that reads the entities of many
// articles at once. A caller showing a page of articles with their
// entities (the GraphQL `articles { nodes { entities } }`) asks it once
// for the page rather than paging through each article's relations and
// events; a store without it is read article by article.
type ArticleEntitiesReader interface {
	// ArticleEntities answers, for each article id, the entities its
	// relations (source, target, claimant) and events (place,
	// participants) involve, as Entities reads them, sorted by id: what
	// the article's ListRelations and ListEvents pages name. An article
	// that names none, or is unknown, may be missing from the map.
	ArticleEntities(ctx context.Context, articles []string) (map[string][]Entity, error)
}
