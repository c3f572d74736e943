package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/memory"
)

// expensiveCounter counts the store's path and neighbourhood searches, to
// show refused queries never reach it.
type expensiveCounter struct {
	graph.Store
	calls atomic.Int64
}

func (c *expensiveCounter) ShortestPath(ctx context.Context, q graph.PathQuery) ([]graph.Relation, error) {
	c.calls.Add(1)
	return c.Store.ShortestPath(ctx, q)
}

func (c *expensiveCounter) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (graph.Subgraph, error) {
	c.calls.Add(1)
	return c.Store.Neighborhood(ctx, q)
}

// aliases repeats field n times under distinct aliases.
func aliases(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	return b.String() + " }"
}

// TestExpensiveFieldsArePriced: path and neighbourhood cost what they make
// the database do, so many of them in one request are refused before the
// store sees any.
func TestExpensiveFieldsArePriced(t *testing.T) {
	worstPath := `path(from: "person:tomas-reyn", to: "country:NL", maxHops: 4) { length }`
	widest := `neighborhood(id: "country:NL", depth: 3, limit: 1000) { nodes { id } }`
	tests := []struct {
		name    string
		query   string
		refused bool
	}{
		{"one worst path", aliases(1, worstPath), false},
		{"five worst paths", aliases(5, worstPath), false},
		{"twenty worst paths", aliases(20, worstPath), true},
		{"twenty longest paths", aliases(20, strings.Replace(worstPath, "4", "6", 1)), true},
		{"one widest neighbourhood", aliases(1, widest), false},
		{"twenty widest neighbourhoods", aliases(20, widest), true},
		{"twenty stats", aliases(20, `stats { entities }`), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store := &expensiveCounter{Store: fixtureStore(t)}
			c, _ := newClient(t, store)
			_, errs := query(t, c, tc.query)
			if !tc.refused {
				if len(errs) > 0 {
					t.Errorf("got %+v, want it run", errs)
				}
				return
			}
			if len(errs) != 1 || errs[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
				t.Errorf("got %+v, want COMPLEXITY_LIMIT_EXCEEDED", errs)
			}
			if n := store.calls.Load(); n != 0 {
				t.Errorf("the store ran %d searches, want 0", n)
			}
		})
	}
}

func TestComplexitySaturates(t *testing.T) {
	if got := add(1, mul(MaxFirst, 1<<62)); got <= 0 {
		t.Errorf("add(1, saturated product) = %d, want a positive saturated cost", got)
	}
}

// post sends body to a fresh GraphQL handler over HTTP.
func post(t *testing.T, body []byte) (int, string) {
	t.Helper()
	srv := httptest.NewServer(newHandler(Options{Store: fixtureStore(t), Logger: slog.New(slog.DiscardHandler)}, time.Millisecond))
	defer srv.Close()
	resp, err := http.Post(srv.URL, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// TestInvalidUTF8IsRefused: text that is not UTF-8 is refused with its
// offset, as the loader refuses such a file, instead of being decoded into
// U+FFFD.
func TestInvalidUTF8IsRefused(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // "" when the request must run
	}{
		{"raw invalid byte", `{"query":"{ entity(name: \"Ky` + "\xff" + `iv\") { id } }"}`, "offset 29"},
		{"lone high surrogate escape", `{"query":"{ entity(name: \"\ud800\") { id } }"}`, "offset 27"},
		{"lone low surrogate escape", `{"query":"{ entity(name: \"\udc00x\") { id } }"}`, "offset 27"},
		{"reversed pair", `{"query":"{ entity(name: \"\udc00\ud800\") { id } }"}`, "offset 27"},
		{"surrogate pair", `{"query":"{ entity(name: \"\ud83d\ude42\") { id } }"}`, ""},
		{"escaped backslash before u", `{"query":"{ entity(name: \"\\ud800\") { id } }"}`, ""},
		{"plain non-ASCII", `{"query":"{ entity(name: \"Судрия 北京\") { id } }"}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := post(t, []byte(tc.body))
			if tc.want == "" {
				if status != http.StatusOK || strings.Contains(body, "UTF-8") {
					t.Errorf("got %d %s, want it run", status, body)
				}
				return
			}
			if status != http.StatusBadRequest || !strings.Contains(body, "not valid UTF-8 (first bad byte at "+tc.want) {
				t.Errorf("got %d %s, want 400 naming %s", status, body, tc.want)
			}
		})
	}
}

func TestByteCache(t *testing.T) {
	ctx := context.Background()
	c := newByteCache(100, 40, func(k string, v string) int { return len(k) + len(v) })
	c.Add(ctx, "a", strings.Repeat("x", 29)) // 30 bytes
	c.Add(ctx, "b", strings.Repeat("x", 29))
	c.Add(ctx, "c", strings.Repeat("x", 29))
	c.Get(ctx, "a")                          // a is now the most recent
	c.Add(ctx, "d", strings.Repeat("x", 29)) // evicts b, the least recent
	c.Add(ctx, "big", strings.Repeat("x", 40))
	for key, want := range map[string]bool{"a": true, "b": false, "c": true, "d": true, "big": false} {
		if _, ok := c.Get(ctx, key); ok != want {
			t.Errorf("Get(%q): got %v, want %v", key, ok, want)
		}
	}
	if n, used := c.Stats(); n != 3 || used != 90 {
		t.Errorf("Stats: got %d entries, %d bytes, want 3, 90", n, used)
	}
}

// TestQueryCacheBoundedByBytes: many distinct large queries leave the
// cache within its byte budget, and a query over the entry limit is never
// kept.
func TestQueryCacheBoundedByBytes(t *testing.T) {
	ctx := context.Background()
	c := newQueryCache()
	doc := &ast.QueryDocument{}
	for i := range 2000 {
		c.Add(ctx, fmt.Sprintf("%d%s", i, strings.Repeat(" ", 30<<10)), doc)
	}
	if _, used := c.Stats(); used > queryCacheBytes {
		t.Errorf("cache holds %d bytes, over its %d-byte budget", used, queryCacheBytes)
	}
	huge := strings.Repeat(" ", MaxCachedQueryBytes+1)
	c.Add(ctx, huge, doc)
	if _, ok := c.Get(ctx, huge); ok {
		t.Errorf("a query over %d bytes was cached", MaxCachedQueryBytes)
	}
}

// TestLargeQueriesRunUncached: a query too large to cache still runs.
func TestLargeQueriesRunUncached(t *testing.T) {
	q := `{ entity(name: "Ana Vela") { id } }` + strings.Repeat(" ", MaxCachedQueryBytes)
	body, err := json.Marshal(map[string]string{"query": q})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if status, got := post(t, body); status != http.StatusOK || !strings.Contains(got, "person:ana-vela") {
			t.Errorf("got %d %s, want the entity", status, got)
		}
	}
}

// TestConcurrentIngestCreatedOnce: of eight concurrent ingests of one text,
// exactly one says it created the article.
func TestConcurrentIngestCreatedOnce(t *testing.T) {
	// A slow Apply widens the window between "is it stored?" and the write.
	store := slowApply{memory.New()}
	c := client.New(newHandler(Options{Store: store, Logger: slog.New(slog.DiscardHandler), Extract: loaderExtract(t),
		Token: testToken, MaxExpensive: 8}, time.Millisecond))
	var created, done atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var resp struct {
				IngestArticle struct{ Created bool }
			}
			if err := c.Post(`mutation($text: String!) { ingestArticle(input: {text: $text}) { created } }`, &resp, client.Var("text", drills), bearer(testToken)); err != nil {
				t.Errorf("ingest: %v", err)
				return
			}
			done.Add(1)
			if resp.IngestArticle.Created {
				created.Add(1)
			}
		})
	}
	wg.Wait()
	if done.Load() == 8 && created.Load() != 1 {
		t.Errorf("%d of 8 concurrent ingests answered created: true, want 1", created.Load())
	}
}

type slowApply struct{ graph.Store }

func (s slowApply) Apply(ctx context.Context, b graph.Batch) error {
	time.Sleep(20 * time.Millisecond)
	return s.Store.Apply(ctx, b)
}

func TestKeyLockFreesKeys(t *testing.T) {
	var l keyLock
	var wg sync.WaitGroup
	var inside, most atomic.Int64
	for range 50 {
		wg.Go(func() {
			unlock := l.lock("k")
			if n := inside.Add(1); n > most.Load() {
				most.Store(n)
			}
			inside.Add(-1)
			unlock()
		})
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d holders at once, want 1", most.Load())
	}
	if len(l.held) != 0 {
		t.Errorf("%d keys left after every unlock, want 0", len(l.held))
	}
}

// parseOperation parses query q into the operation context the gate
// reads, with fragment spreads linked to their definitions as validation
// links them.
func parseOperation(t *testing.T, q string) *graphql.OperationContext {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		t.Fatal(err)
	}
	for _, sel := range doc.Operations[0].SelectionSet {
		if s, ok := sel.(*ast.FragmentSpread); ok {
			s.Definition = doc.Fragments.ForName(s.Name)
		}
	}
	return &graphql.OperationContext{Operation: doc.Operations[0]}
}

// TestGateQueuesExpensiveOperations: with every slot taken an expensive
// operation waits, then is refused; a cheap one runs.
func TestGateQueuesExpensiveOperations(t *testing.T) {
	g := newGate(1)
	g.wait = 20 * time.Millisecond
	op := func(q string) *graphql.OperationContext { return parseOperation(t, q) }
	ctx := context.Background()
	release, ok := g.admit(ctx, op(`{ path(from: "a", to: "b") { length } }`))
	if !ok {
		t.Fatal("first expensive operation refused, want it admitted")
	}
	tests := []struct {
		name, query string
		admitted    bool
	}{
		{"second path", `{ x: path(from: "a", to: "b") { length } }`, false},
		{"neighborhood in a fragment", `{ ...F } fragment F on Query { neighborhood(id: "a") { nodes { id } } }`, false},
		{"cheap", `{ entity(name: "a") { id } }`, true},
	}
	for _, tc := range tests {
		if _, ok := g.admit(ctx, op(tc.query)); ok != tc.admitted {
			t.Errorf("%s: admitted %v, want %v", tc.name, ok, tc.admitted)
		}
	}
	release()
	if rel, ok := g.admit(ctx, op(`{ path(from: "a", to: "b") { length } }`)); !ok {
		t.Errorf("after release: refused, want admitted")
	} else {
		rel()
	}
}

// TestGateExtractionsHaveSlotsOfTheirOwn: with the read slot taken an
// ingest is admitted, and with the extraction slot taken an ingest waits
// and is refused while reads are admitted; a mutation that also selects an
// expensive read needs both.
func TestGateExtractionsHaveSlotsOfTheirOwn(t *testing.T) {
	g := newGate(1)
	g.wait = 20 * time.Millisecond
	op := func(q string) *graphql.OperationContext { return parseOperation(t, q) }
	ctx := context.Background()
	const (
		path   = `{ path(from: "a", to: "b") { length } }`
		ingest = `mutation { ingestArticle(input: {text: "x"}) { created } }`
	)
	read, ok := g.admit(ctx, op(path))
	if !ok {
		t.Fatal("path refused on an idle gate, want admitted")
	}
	extract, ok := g.admit(ctx, op(ingest))
	if !ok {
		t.Fatal("ingest refused with only the read slot taken, want admitted")
	}
	if g.InUse() != 2 {
		t.Errorf("InUse: got %d, want 2", g.InUse())
	}
	read()
	if _, ok := g.admit(ctx, op(ingest)); ok {
		t.Error("second ingest admitted with the extraction slot taken, want refused")
	}
	if _, ok := g.admit(ctx, op(`mutation { stats { entities } ingestArticle(input: {text: "x"}) { created } }`)); ok {
		t.Error("ingest with a read admitted with the extraction slot taken, want refused")
	}
	if g.InUse() != 1 {
		t.Errorf("InUse after refusals: got %d, want 1 (a refused operation holds no slot)", g.InUse())
	}
	if rel, ok := g.admit(ctx, op(path)); !ok {
		t.Error("path refused with only the extraction slot taken, want admitted")
	} else {
		rel()
	}
	extract()
	if g.InUse() != 0 {
		t.Errorf("InUse after every release: got %d, want 0", g.InUse())
	}
}

// blockedApply holds every Apply until release is closed.
type blockedApply struct {
	graph.Store
	applying chan struct{}
	release  chan struct{}
}

func (s blockedApply) Apply(ctx context.Context, b graph.Batch) error {
	s.applying <- struct{}{}
	<-s.release
	return s.Store.Apply(ctx, b)
}

// TestIngestFreesItsSlotToWrite: an ingest whose write waits on the store
// (as on Neo4j's locks) no longer holds the one expensive slot, so a path
// query runs meanwhile instead of being refused busy.
func TestIngestFreesItsSlotToWrite(t *testing.T) {
	store := blockedApply{fixtureStore(t), make(chan struct{}), make(chan struct{})}
	c := client.New(newHandler(Options{Store: store, Logger: slog.New(slog.DiscardHandler), Extract: loaderExtract(t),
		Token: testToken, MaxExpensive: 1}, time.Millisecond))
	ingested := make(chan error, 1)
	go func() {
		var resp struct{ IngestArticle struct{ Created bool } }
		ingested <- c.Post(`mutation($text: String!) { ingestArticle(input: {text: $text}) { created } }`, &resp, client.Var("text", drills), bearer(testToken))
	}()
	<-store.applying
	_, errs := query(t, c, `{ path(from: "person:ana-vela", to: "country:NL") { length } }`)
	close(store.release)
	if len(errs) > 0 {
		t.Errorf("path while an ingest writes: got %+v, want an answer", errs)
	}
	if err := <-ingested; err != nil {
		t.Errorf("ingest: %v", err)
	}
}
