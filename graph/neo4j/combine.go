package neo4j

import (
	"context"
	"slices"
	"sync"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Writes through one Store are combined: one transaction runs at a time
// and carries every apply and delete that queued while the one before it
// ran (group commit). Writes all lock the entities most articles name, so
// concurrent transactions only queued in Neo4j, holding some locks while
// waiting for others, or deadlocked; and a write's cost is mostly its
// round trips (three statements, see writePlan), which one transaction of
// many articles pays once. Under load the batches grow with the queue, so a
// write waits for about one transaction, not one per writer ahead of it.

// maxCombined bounds the articles one combined transaction writes: the
// loader's own batches are 50 articles.
const maxCombined = 64

// writeReq is one caller's write: batches to apply, all or none, or one
// article to delete. done receives its outcome.
type writeReq struct {
	ctx     context.Context
	applies []graph.Batch
	delete  string
	done    chan error
}

// ids lists the articles a request writes.
func (r *writeReq) ids() []string {
	if r.delete != "" {
		return []string{r.delete}
	}
	ids := make([]string, len(r.applies))
	for i, b := range r.applies {
		ids[i] = b.Article.ID
	}
	return ids
}

// plan is one transaction's writes; no article is both applied and
// deleted. deletes are sorted, so articles lock in one order.
type plan struct {
	applies []graph.Batch
	deletes []string
}

// combiner queues writes for the one goroutine that runs them.
type combiner struct {
	mu      sync.Mutex
	queue   []*writeReq
	running bool // a drain goroutine is running the queue
}

// submit queues r and waits for its outcome. A caller whose ctx ends gets
// its error at once; its write, if already in a running transaction, still
// commits or not with the others.
func (s *Store) submit(ctx context.Context, r *writeReq) error {
	r.ctx, r.done = ctx, make(chan error, 1)
	s.comb.mu.Lock()
	s.comb.queue = append(s.comb.queue, r)
	start := !s.comb.running
	s.comb.running = true
	s.comb.mu.Unlock()
	if start {
		go s.drain()
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// drain runs combined transactions until the queue is empty.
func (s *Store) drain() {
	for {
		s.comb.mu.Lock()
		reqs := s.comb.take()
		if len(reqs) == 0 {
			s.comb.running = false
			s.comb.mu.Unlock()
			return
		}
		s.comb.mu.Unlock()
		s.runCombined(reqs)
	}
}

// take removes the next transaction's requests from the queue, in arrival
// order: up to maxCombined articles (the first request whatever its size)
// and no article twice, since one transaction cannot order two writes of
// it. Requests whose callers gave up are answered and dropped.
func (c *combiner) take() []*writeReq {
	var taken, left []*writeReq
	seen := map[string]bool{}
	n := 0
	for _, r := range c.queue {
		if err := r.ctx.Err(); err != nil {
			r.done <- err
			continue
		}
		ids := r.ids()
		if len(taken) > 0 && (n+len(ids) > maxCombined || slices.ContainsFunc(ids, func(id string) bool { return seen[id] })) {
			left = append(left, r)
			continue
		}
		for _, id := range ids {
			seen[id] = true
		}
		n += len(ids)
		taken = append(taken, r)
	}
	c.queue = left
	return taken
}

// runCombined writes reqs in one transaction and answers each. When it
// fails, each request runs alone, so one bad article fails only its own
// caller; not when the server is unreachable, which would fail them all
// again, each after the driver's retries.
func (s *Store) runCombined(reqs []*writeReq) {
	var p plan
	for _, r := range reqs {
		p.applies = append(p.applies, r.applies...)
		if r.delete != "" {
			p.deletes = append(p.deletes, r.delete)
		}
	}
	slices.Sort(p.deletes)
	// The callers' contexts may end while others still wait for this
	// transaction; the server-side timeout bounds it instead.
	ctx := context.Background()
	start := time.Now()
	var missing map[string]bool
	err := s.write(ctx, func(tx driver.ManagedTransaction) error {
		var err error
		missing, err = s.writePlan(ctx, tx, p)
		return err
	})
	if err != nil && len(reqs) > 1 && !unreachable(err) {
		for _, r := range reqs {
			if err := r.ctx.Err(); err != nil {
				r.done <- err
				continue
			}
			s.runCombined([]*writeReq{r})
		}
		return
	}
	for _, r := range reqs {
		switch {
		case err != nil:
			r.done <- err
		case r.delete != "" && missing[r.delete]:
			r.done <- graph.ErrNotFound
		default:
			r.done <- nil
		}
	}
	s.logger.Debug("neo4j wrote combined transaction", "requests", len(reqs), "applied", len(p.applies), "deleted", len(p.deletes), "took", time.Since(start))
}
