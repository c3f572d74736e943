package resolvers

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// CodeBusy refuses an operation the server has no room for now; the HTTP
// answer is 429 with Retry-After.
const CodeBusy = "SERVER_BUSY"

// expensiveFields are the top-level fields whose cost lies in the store or
// the loader rather than in what they return: path searches and
// neighbourhoods expand the graph hop by hop, stats reads all of it, and
// ingestArticle runs the extractor on up to 1 MiB of text.
var expensiveFields = map[string]bool{
	"path": true, "neighborhood": true, "stats": true, "ingestArticle": true,
}

// expensiveWait is how long an expensive operation waits for a slot
// before it is refused: long enough to ride out a burst, short enough
// that a client hears back well within the request timeout.
const expensiveWait = 2 * time.Second

// gate caps how many expensive operations run at once, so that a flood of
// them queues in the server instead of piling onto the database.
type gate struct {
	slots chan struct{}
	wait  time.Duration
}

// newGate admits n expensive operations at once; n <= 0 means one per
// CPU.
func newGate(n int) *gate {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return &gate{slots: make(chan struct{}, n), wait: expensiveWait}
}

// admit takes a slot for op when it is expensive and returns its release;
// ok is false when none came free in time (or ctx ended).
func (g *gate) admit(ctx context.Context, op *graphql.OperationContext) (release func(), ok bool) {
	if g == nil || op.Operation == nil || !selectsExpensive(op.Operation.SelectionSet) {
		return func() {}, true
	}
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, true
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, true
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, false
}

type slotKey struct{}

// withSlot puts release in ctx for freeSlot and returns it made safe to
// call twice.
func withSlot(ctx context.Context, release func()) (context.Context, func()) {
	once := sync.OnceFunc(release)
	return context.WithValue(ctx, slotKey{}, once), once
}

// freeSlot hands the operation's slot back before the operation ends, once
// its expensive part is over: ingestArticle after extraction, when what is
// left waits on the store's locks, not on a CPU, and would keep paths and
// neighbourhoods waiting for nothing. Only an operation of that one field
// may: a second ingestArticle in the same mutation would extract unqueued.
func freeSlot(ctx context.Context) {
	op := graphql.GetOperationContext(ctx)
	if op == nil || op.Operation == nil || len(op.Operation.SelectionSet) != 1 {
		return
	}
	if _, ok := op.Operation.SelectionSet[0].(*ast.Field); !ok {
		return
	}
	if free, ok := ctx.Value(slotKey{}).(func()); ok {
		free()
	}
}

// InUse reports how many expensive operations run now, for metrics.
func (g *gate) InUse() int { return len(g.slots) }

// selectsExpensive reports whether set selects an expensive field at its
// top level (directly or through fragments).
func selectsExpensive(set ast.SelectionSet) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if expensiveFields[s.Name] {
				return true
			}
		case *ast.InlineFragment:
			if selectsExpensive(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			// Top-level fragments on Query or Mutation cannot nest into
			// themselves: validation rejects fragment cycles first.
			if s.Definition != nil && selectsExpensive(s.Definition.SelectionSet) {
				return true
			}
		}
	}
	return false
}
