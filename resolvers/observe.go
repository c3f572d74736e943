package resolvers

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Observer receives what the handler measures, for metrics; the command
// wires it to Prometheus so this package stays free of it.
type Observer interface {
	// Operation reports one executed operation by its kind and first
	// top-level field ("query.entity", "mutation.ingestArticle"): names
	// from the schema, so the set of labels is bounded.
	Operation(name string, took time.Duration, failed bool)
	// Error counts an error by its extensions.code.
	Error(code string)
	// Watch receives, once, readers of the handler's caches and gate.
	Watch(Stats)
}

// Stats reads the handler's bounded resources.
type Stats struct {
	QueryCache, APQCache func() (entries, bytes int)
	ExpensiveInUse       func() int
}

// operationName names op by its kind and first top-level field.
func operationName(op *ast.OperationDefinition) string {
	if op == nil {
		return "unknown"
	}
	for _, sel := range op.SelectionSet {
		if f, ok := sel.(*ast.Field); ok {
			return string(op.Operation) + "." + f.Name
		}
	}
	return string(op.Operation) + ".fragment"
}

// observe reports every operation's time and outcome to o.
func observe(o Observer) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		start := time.Now()
		resp := next(ctx)
		if oc := graphql.GetOperationContext(ctx); oc != nil {
			o.Operation(operationName(oc.Operation), time.Since(start), resp != nil && len(resp.Errors) > 0)
		}
		return resp
	}
}
