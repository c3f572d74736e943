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
// ingestArticle runs the extractor on up to 1 MiB of text. Each is of one
// of two kinds with slots of their own (see gate).
var expensiveFields = map[string]expenseKind{
	"path": expensiveRead, "neighborhood": expensiveRead, "stats": expensiveRead, "ingestArticle": extraction,
}

// expenseKind is a set of kinds of expensive operation.
type expenseKind uint8

const (
	expensiveRead expenseKind = 1 << iota
	extraction
)

// expensiveWait is how long an expensive operation waits for a slot
// before it is refused: long enough to ride out a burst, short enough
// that a client hears back well within the request timeout.
const expensiveWait = 2 * time.Second

// gate caps how many expensive operations run at once, so that a flood of
// them queues in the server instead of piling onto the database. Reads
// and extractions have slots of their own: an extraction takes
// milliseconds of CPU and frees its slot before writing (freeSlot), while
// a path or neighbourhood holds its slot for as long as the database takes
// to answer, seconds under load; sharing slots, ingestArticle queued
// behind reads that were waiting for the database, not for a CPU here.
type gate struct {
	slots   chan struct{} // expensive reads
	extract chan struct{} // extractions
	wait    time.Duration
}

// newGate admits n expensive reads and n extractions at once; n <= 0
// means one per CPU.
func newGate(n int) *gate {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return &gate{slots: make(chan struct{}, n), extract: make(chan struct{}, n), wait: expensiveWait}
}

// admit takes the slots op's expensive fields need and returns their
// release; ok is false when one did not come free in time (or ctx ended).
func (g *gate) admit(ctx context.Context, op *graphql.OperationContext) (release func(), ok bool) {
	if g == nil || op.Operation == nil {
		return func() {}, true
	}
	kinds := expensiveKinds(op.Operation.SelectionSet)
	var taken []chan struct{}
	release = func() {
		for _, c := range taken {
			<-c
		}
	}
	for _, k := range []struct {
		kind  expenseKind
		slots chan struct{}
	}{{expensiveRead, g.slots}, {extraction, g.extract}} {
		if kinds&k.kind == 0 {
			continue
		}
		if !g.take(ctx, k.slots) {
			release()
			return nil, false
		}
		taken = append(taken, k.slots)
	}
	return release, true
}

// take waits up to g.wait for one of slots.
func (g *gate) take(ctx context.Context, slots chan struct{}) bool {
	select {
	case slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case slots <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
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
// left waits on the store, not on a CPU, and would keep other extractions
// waiting for nothing. Only an operation of that one field
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
func (g *gate) InUse() int { return len(g.slots) + len(g.extract) }

// expensiveKinds lists the kinds of the expensive fields set selects at
// its top level (directly or through fragments).
func expensiveKinds(set ast.SelectionSet) expenseKind {
	var kinds expenseKind
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			kinds |= expensiveFields[s.Name]
		case *ast.InlineFragment:
			kinds |= expensiveKinds(s.SelectionSet)
		case *ast.FragmentSpread:
			// Top-level fragments on Query or Mutation cannot nest into
			// themselves: validation rejects fragment cycles first.
			if s.Definition != nil {
				kinds |= expensiveKinds(s.Definition.SelectionSet)
			}
		}
	}
	return kinds
}
