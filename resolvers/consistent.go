package resolvers

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/geokg/geokg/graph"
)

// A query reads a list, then resolves its items' articles and entities in
// later store calls; an article deleted in between would leave an item
// naming something that is gone. Such a query is run again, so the answer
// is all from before the delete or all from after it: optimistically
// twice, then once more holding off this server's deletes (readGuard).
const readAttempts = 3

// vanished is a lookup, by id, of an article, entity or event some item of
// the answer names that was not there. It is NOT_FOUND, and tells the
// transport to run the query again.
type vanished struct{ what, id string }

func (v vanished) Error() string { return fmt.Sprintf("%v: %s %q", graph.ErrNotFound, v.what, v.id) }
func (v vanished) Unwrap() error { return graph.ErrNotFound }

// readGuard lets a query's last attempt run with no delete of this server
// interleaving; deletes through other processes sharing the store are not
// held off. Deletes run together, and last attempts run together, but
// never a delete and a last attempt: a side that waits holds off new
// arrivals of the other, so neither starves.
type readGuard struct {
	mu      sync.Mutex
	changed *sync.Cond
	active  [2]int // holders in, per side
	waiting [2]int // holders waiting, per side
	turn    int    // the side that goes next when both wait
}

// Sides of a readGuard.
const (
	deleting    = 0
	lastAttempt = 1
)

func newReadGuard() *readGuard {
	g := &readGuard{}
	g.changed = sync.NewCond(&g.mu)
	return g
}

// enter waits until side may run and counts it in.
func (g *readGuard) enter(side int) {
	other := 1 - side
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.active[other] > 0 {
		g.turn = side
	}
	g.waiting[side]++
	for g.active[other] > 0 || g.waiting[other] > 0 && g.turn != side {
		g.changed.Wait()
	}
	g.waiting[side]--
	g.active[side]++
}

// leave counts side out; the last one out gives the other side its turn.
func (g *readGuard) leave(side int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.active[side]--; g.active[side] == 0 {
		g.turn = 1 - side
		g.changed.Broadcast()
	}
}

// attempt records whether one run of an operation met a vanished item.
type attempt struct{ vanished atomic.Bool }

type attemptKey struct{}

// noteVanished marks the running attempt when err is a vanished item.
func noteVanished(ctx context.Context, err error) {
	if a, ok := ctx.Value(attemptKey{}).(*attempt); ok && errors.As(err, new(vanished)) {
		a.vanished.Store(true)
	}
}

// dispatchConsistent runs an operation and, for a query that met a
// vanished item, runs it again (see readAttempts). Mutations run once.
func dispatchConsistent(ctx context.Context, exec graphql.GraphExecutor, rc *graphql.OperationContext, guard *readGuard) (*graphql.Response, context.Context) {
	retry := rc.Operation != nil && rc.Operation.Operation == ast.Query
	for n := 1; ; n++ {
		a := &attempt{}
		if n == readAttempts && guard != nil {
			guard.enter(lastAttempt)
		}
		responses, rctx := exec.DispatchOperation(context.WithValue(ctx, attemptKey{}, a), rc)
		resp := responses(rctx)
		if n == readAttempts && guard != nil {
			guard.leave(lastAttempt)
		}
		if !retry || resp == nil || !a.vanished.Load() || n == readAttempts {
			return resp, rctx
		}
	}
}
