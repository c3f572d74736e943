package resolvers

import (
	"context"
	"math"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/geokg/geokg/graph"
)

// Limits on what one operation may ask for. Clients hitting them get a clear
// error before anything runs.
const (
	// MaxFirst is the largest page of any list: first, and stats(top:).
	MaxFirst = 100
	// DefaultFirst is a connection's page size when first is null.
	DefaultFirst = 20
	// DefaultSearchFirst is search(first:) when the argument is null.
	DefaultSearchFirst = 10
	// MaxSearchText bounds search(text:), in characters: typo-tolerant
	// matching costs grow with it.
	MaxSearchText = 200
	// DefaultPathHops is path(maxHops:) when the argument is null.
	DefaultPathHops = 4
	// DefaultTop is stats(top:) when the argument is null.
	DefaultTop = 10
	// MaxNeighborhoodLimit caps neighborhood(limit:).
	MaxNeighborhoodLimit = 1000
	// MaxQueryDepth is how deeply fields may nest, introspection aside.
	MaxQueryDepth = 10
	// MaxComplexity bounds the estimated work of one operation (see complexity).
	MaxComplexity = 25000
	// MaxQueryTokens bounds the parser's work on one query document.
	MaxQueryTokens = 20000
)

// Guesses at list sizes that have no argument bounding them, for the
// complexity estimate: an article names a few dozen entities; a fact has a
// handful of evidence sentences and participants.
const (
	weightEntities     = 25
	weightEvidence     = 2
	weightParticipants = 4
	weightArticles     = 100
	// weightHop is one hop of a path search or a neighbourhood: the
	// database expands every entity of the frontier by its relations, so
	// the work is hops x expected fan-out, not the few fields returned. At
	// 1000 a request holds at most six 4-hop path searches (the worst a
	// probe found cost Neo4j 2.6 s and 800 MB each; twenty of them in one
	// request exhausted its heap).
	weightHop = 1000
	// weightScan is a pass over the whole graph (stats).
	weightScan = 5000
)

// complexity weighs list fields by how many items they may return, so
// `entities(first: 100) { edges { node { relations { ... } } } }` costs
// 100 x 20 x the inner selection. A connection multiplies its whole
// selection (edges, nodes and page info) by first: a slight overestimate
// that keeps one rule for every list. Arguments outside their bounds are
// priced at the bound: the resolver rejects them with a clearer message
// than a complexity error would give.
func complexity() ComplexityRoot {
	var c ComplexityRoot
	page := func(child int, first *int) int { return add(1, mul(argOr(first, DefaultFirst, 0, MaxFirst), child)) }
	c.Query.Search = func(child int, _ string, _ []graph.Kind, first *int) int {
		return add(1, mul(argOr(first, DefaultSearchFirst, 1, MaxFirst), child))
	}
	c.Query.Entities = func(child int, _ *EntityWhere, first *int, _ *string) int { return page(child, first) }
	c.Query.Relations = func(child int, _ *RelationWhere, first *int, _ *string) int { return page(child, first) }
	c.Query.Events = func(child int, _ *EventWhere, first *int, _ *string) int { return page(child, first) }
	c.Query.Articles = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Query.Timeline = func(child int, _ string, _, _ *string, first *int, _ *string) int { return page(child, first) }
	c.Article.Relations = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Article.Events = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Query.Neighborhood = func(child int, _ string, depth *int, _ []string, limit *int) int {
		return add(1, mul(argOr(depth, 1, 1, graph.MaxDepth), weightHop),
			mul(argOr(limit, graph.DefaultNeighborhoodLimit, 1, MaxNeighborhoodLimit), child))
	}
	c.Query.Path = func(child int, _, _ string, maxHops *int, _ []string) int {
		hops := argOr(maxHops, DefaultPathHops, 1, graph.MaxPathHops)
		return add(1, mul(hops, weightHop), mul(hops+1, child))
	}
	c.Query.Stats = func(child int, _ *int) int { return add(1, weightScan, child) }
	c.Stats.TopEntities = func(child int) int { return add(1, mul(MaxFirst, child)) }
	c.Stats.PerArticle = func(child int) int { return add(1, mul(weightArticles, child)) }
	c.Entity.Relations = func(child int, _ *graph.Direction, _ []string, first *int, _ *string) int { return page(child, first) }
	c.Entity.Mentions = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Article.Entities = func(child int) int { return add(1, mul(weightEntities, child)) }
	c.Relation.Evidence = func(child int) int { return add(1, mul(weightEvidence, child)) }
	c.Event.Evidence = func(child int) int { return add(1, mul(weightEvidence, child)) }
	c.Event.Participants = func(child int) int { return add(1, mul(weightParticipants, child)) }
	c.Event.Relations = func(child int) int { return add(1, mul(weightParticipants, child)) }
	return c
}

// argOr is an optional numeric argument, or def when null, bounded to
// lo..hi.
func argOr(n *int, def, lo, hi int) int {
	if n == nil {
		return def
	}
	return clamp(*n, lo, hi)
}

func clamp(n, lo, hi int) int { return max(lo, min(n, hi)) }

// add sums non-negative terms, saturating instead of overflowing: gqlgen
// ignores a negative cost, so a wrapped sum would make a query free.
func add(terms ...int) int {
	sum := 0
	for _, t := range terms {
		if t > math.MaxInt-sum {
			return math.MaxInt
		}
		sum += t
	}
	return sum
}

// mul multiplies non-negative a and b, saturating instead of overflowing so
// a crafted query cannot wrap its cost around to a small number.
func mul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}

// Codes of operations refused before they run.
const (
	codeTooDeep          = "QUERY_TOO_DEEP"
	codeIntrospectionOff = "INTROSPECTION_DISABLED"
)

// depthLimit rejects operations whose fields nest deeper than max, before
// they run. Introspection fields (__schema, __type) are not counted: their
// type references nest deeply by design and cost nothing to answer.
type depthLimit struct{ max int }

var _ interface {
	graphql.OperationContextMutator
	graphql.HandlerExtension
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if op.Operation == nil {
		return nil
	}
	if got := selectionDepth(op.Operation.SelectionSet, map[string]bool{}); got > d.max {
		err := gqlerror.Errorf("query is nested %d levels deep, more than the limit of %d", got, d.max)
		err.Extensions = map[string]any{"code": codeTooDeep}
		return err
	}
	return nil
}

// selectionDepth returns how many fields deep set nests; fragments count as
// the fields they contain. visiting guards against fragment cycles, which
// validation normally rejects first.
func selectionDepth(set ast.SelectionSet, visiting map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + selectionDepth(s.SelectionSet, visiting)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, visiting)
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			d = selectionDepth(s.Definition.SelectionSet, visiting)
			delete(visiting, s.Name)
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// introspectionOff refuses operations that read the schema (__schema,
// __type) before they run, with a message saying why; gqlgen's own check
// fails mid-execution with an error indistinguishable from a resolver's.
type introspectionOff struct{}

var _ interface {
	graphql.OperationContextMutator
	graphql.HandlerExtension
} = introspectionOff{}

func (introspectionOff) ExtensionName() string                   { return "IntrospectionOff" }
func (introspectionOff) Validate(graphql.ExecutableSchema) error { return nil }
func (introspectionOff) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if op.Operation != nil && introspects(op.Operation.SelectionSet, map[string]bool{}) {
		err := gqlerror.Errorf("introspection is disabled on this server")
		err.Extensions = map[string]any{"code": codeIntrospectionOff}
		return err
	}
	return nil
}

// introspects reports whether set selects __schema or __type anywhere.
func introspects(set ast.SelectionSet, visiting map[string]bool) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" || introspects(s.SelectionSet, visiting) {
				return true
			}
		case *ast.InlineFragment:
			if introspects(s.SelectionSet, visiting) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			found := introspects(s.Definition.SelectionSet, visiting)
			delete(visiting, s.Name)
			if found {
				return true
			}
		}
	}
	return false
}
