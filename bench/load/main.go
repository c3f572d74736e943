// Command load drives a running geokg with N clients for T seconds, each
// mixing GraphQL reads with ingestArticle and deleteArticle, and prints how
// many requests ran, the errors by kind and the latency percentiles, per
// kind of operation and overall. It works against either store: start the
// server with the rate limit off (every client comes from one address) and
// a token for the mutations.
//
//	GEOKG_API_TOKEN=t geokg serve -rate 0 &                        # memory store
//	GEOKG_API_TOKEN=t NEO4J_URI=bolt://... geokg serve -rate 0 &   # Neo4j
//	GEOKG_API_TOKEN=t go run ./bench/load -clients 50 -duration 60s
//
// Before the run it ingests -base synthetic articles (idempotent, never
// deleted) so reads find a graph; during it each client ingests articles of
// its own and deletes them again, so the graph stays about that size. With
// -pid it reports the server's resident memory before and after. With
// -max-p99 it exits non-zero when a request failed or the p99 of all
// requests exceeds that bound (scripts/load-smoke.sh, in the test command),
// and -cleanup deletes the preloaded articles it created.
package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type config struct {
	url      string
	token    string
	clients  int
	duration time.Duration
	base     int
	writes   float64 // share of operations that are mutations
	timeout  time.Duration
	pid      int
	maxP99   time.Duration // fail above this overall p99; 0: never
	cleanup  bool          // delete the preloaded articles this run created
}

func run() error {
	cfg := config{token: os.Getenv("GEOKG_API_TOKEN")}
	flag.StringVar(&cfg.url, "url", "http://127.0.0.1:8080/graphql", "the server's GraphQL endpoint")
	flag.IntVar(&cfg.clients, "clients", 50, "clients running at once")
	flag.DurationVar(&cfg.duration, "duration", 60*time.Second, "how long to run")
	flag.IntVar(&cfg.base, "base", 40, "synthetic articles to ingest before the run")
	flag.Float64Var(&cfg.writes, "writes", 0.2, "share of operations that ingest or delete")
	flag.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "client-side time limit per request")
	flag.IntVar(&cfg.pid, "pid", 0, "the server's process id, to report its resident memory")
	flag.DurationVar(&cfg.maxP99, "max-p99", 0, "exit non-zero when any request fails or the p99 of all exceeds this (0: only report)")
	flag.BoolVar(&cfg.cleanup, "cleanup", false, "delete the preloaded articles this run created, leaving a shared database as found")
	flag.Parse()
	if cfg.token == "" {
		return errors.New("set GEOKG_API_TOKEN to the server's token: the scenario ingests and deletes")
	}
	c := &client{url: cfg.url, token: cfg.token, http: &http.Client{Timeout: cfg.timeout,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.clients}}}
	ctx := context.Background()

	fmt.Printf("preloading %d articles...\n", cfg.base)
	var preloaded []string // the ones this run created
	for i := range cfg.base {
		res := c.do(ctx, opIngest, ingestQuery, map[string]any{"text": article(i, "base"), "published": "2025-05-19"})
		if res.kind != "" {
			return fmt.Errorf("preload article %d: %s", i, res.kind)
		}
		if res.created {
			preloaded = append(preloaded, res.article)
		}
	}
	ids, names, err := c.entities(ctx)
	if err != nil {
		return err
	}
	rssBefore := rss(cfg.pid)

	run := fmt.Sprintf("%x", time.Now().UnixNano())
	rec := &recorder{}
	deadline := time.Now().Add(cfg.duration)
	var wg sync.WaitGroup
	for k := range cfg.clients {
		wg.Go(func() {
			rnd := rand.New(rand.NewPCG(uint64(k), 42))
			var mine []string // ids of articles this client ingested and has not deleted
			for n := 0; time.Now().Before(deadline); n++ {
				var res result
				switch {
				case rnd.Float64() >= cfg.writes:
					q := reads[rnd.IntN(len(reads))]
					res = c.do(ctx, q.op, q.query, map[string]any{"id": ids[rnd.IntN(len(ids))], "name": names[rnd.IntN(len(names))]})
				case len(mine) > 0 && (len(mine) >= 3 || rnd.IntN(2) == 0):
					id := mine[0]
					res = c.do(ctx, opDelete, deleteQuery, map[string]any{"id": id})
					if res.kind == "" {
						mine = mine[1:]
					}
				default:
					text := article(n, fmt.Sprintf("%s-%d", run, k))
					res = c.do(ctx, opIngest, ingestQuery, map[string]any{"text": text, "published": "2025-05-19"})
					if res.kind == "" && res.article != "" {
						mine = append(mine, res.article)
					}
				}
				rec.add(res)
			}
			for _, id := range mine { // leave the graph as it was found
				c.do(ctx, opDelete, deleteQuery, map[string]any{"id": id})
			}
		})
	}
	wg.Wait()
	rec.print(os.Stdout, cfg)
	if cfg.pid != 0 {
		fmt.Printf("server RSS: %s before, %s after\n", rssBefore, rss(cfg.pid))
	}
	if cfg.cleanup {
		for _, id := range preloaded {
			if res := c.do(ctx, opDelete, deleteQuery, map[string]any{"id": id}); res.kind != "" {
				return fmt.Errorf("clean up article %s: %s", id, res.kind)
			}
		}
	}
	return rec.check(cfg.maxP99)
}

// Kinds of operation, reported apart.
const (
	opIngest = "ingestArticle"
	opDelete = "deleteArticle"
)

// reads are what a reader of the graph asks: lookups with their relations,
// lists with nested articles and entities (the ones deletes take away), a
// search, a timeline and a neighbourhood (an expensive operation, queued
// by the server).
var reads = []struct{ op, query string }{
	{"read entity", `query($name: String) { entity(name: $name) { id name relations(first: 100) { nodes { type source { name } target { name } article { title } evidence { text } } } } }`},
	{"read relations", `{ relations(first: 50) { totalCount nodes { id type date source { name } target { name } article { id title } witnesses { article { id } } } } }`},
	{"read events", `{ events(first: 50) { nodes { id label date place { name } participants { entity { name } role } article { id } } } }`},
	{"read search", `query($name: String!) { search(text: $name, first: 10) { score entity { id name kind } } }`},
	{"read articles", `{ articles(first: 20) { totalCount nodes { id title entities { id name } } } }`},
	{"read timeline", `query($id: ID!) { timeline(entity: $id, first: 20) { nodes { date label participants { entity { name } } } } }`},
	{"read neighbours", `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { nodes { id label } edges { id type } } }`},
}

const ingestQuery = `mutation($text: String!, $published: String) { ingestArticle(input: {text: $text, published: $published}) { article { id } created } }`

const deleteQuery = `mutation($id: ID!) { deleteArticle(id: $id) { id } }`

// Words of the synthetic articles: the loader knows these actors, leaders
// and cities, and the sentences state calls, meetings, strikes and talks.
var (
	actors  = []string{"Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "India", "Pakistan", "Turkey", "Brazil"}
	leaders = []string{"Vladimir Putin", "Volodymyr Zelenskyy", "Xi Jinping", "Emmanuel Macron", "Narendra Modi", "Recep Tayyip Erdogan"}
	cities  = []string{"Kyiv", "Kharkiv", "Odesa", "Istanbul", "Geneva", "Doha", "Cairo", "Beijing", "Tokyo", "Berlin", "Paris", "Ankara"}
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

var sentences = []string{
	"%[1]s accused %[2]s of violating the ceasefire on %[5]s, officials said.",
	"%[3]s will meet %[4]s in %[6]s on %[5]s to discuss a peace plan.",
	"Forces of %[1]s struck %[6]s overnight, killing %[7]d people and injuring %[8]d.",
	"%[3]s spoke with %[4]s by phone on %[5]s.",
	"%[1]s and %[2]s agreed to exchange prisoners after talks in %[6]s on %[5]s.",
	"%[1]s imposed new sanctions on %[2]s on %[5]s, the government announced.",
}

// article is synthetic article n of a series; the series and n make the
// text, hence its id, unique.
func article(n int, series string) string {
	h := fnv.New64a()
	h.Write([]byte(series))
	rnd := rand.New(rand.NewPCG(uint64(n), h.Sum64()))
	var b strings.Builder
	fmt.Fprintf(&b, "Report %s/%d.\n", series, n)
	for range 4 + rnd.IntN(5) {
		a, c := rnd.Perm(len(actors)), rnd.Perm(len(leaders))
		s := sentences[rnd.IntN(len(sentences))]
		fmt.Fprintf(&b, s+" ", actors[a[0]], actors[a[1]], leaders[c[0]], leaders[c[1]],
			days[rnd.IntN(len(days))], cities[rnd.IntN(len(cities))], 1+rnd.IntN(20), rnd.IntN(50))
	}
	return b.String()
}

type client struct {
	url, token string
	http       *http.Client
}

// result is one request: its operation, how long it took, and the kind of
// error it met ("" for none).
type result struct {
	op      string
	took    time.Duration
	kind    string
	article string // the id ingestArticle answered
	created bool   // and whether it was new
}

// do posts one operation and classifies what came back: a transport
// failure, an HTTP status other than 200, or a GraphQL error by its
// extensions.code (any error entry counts, inside data or not).
func (c *client) do(ctx context.Context, op, query string, vars map[string]any) result {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return result{op: op, kind: "request: " + err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	if op == opIngest || op == opDelete {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return result{op: op, took: time.Since(start), kind: "transport: " + transportKind(err)}
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	res := result{op: op, took: time.Since(start)}
	if err != nil {
		res.kind = "transport: body cut off"
		return res
	}
	var out struct {
		Data struct {
			IngestArticle struct {
				Article struct{ ID string }
				Created bool
			}
		}
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	_ = json.Unmarshal(raw, &out)
	switch {
	case len(out.Errors) > 0:
		e := out.Errors[0]
		res.kind = "graphql " + e.Extensions.Code
		if e.Extensions.Code == "" {
			res.kind = "graphql: " + e.Message
		}
		if resp.StatusCode != http.StatusOK {
			res.kind = fmt.Sprintf("HTTP %d %s", resp.StatusCode, e.Extensions.Code)
		}
	case resp.StatusCode != http.StatusOK:
		res.kind = fmt.Sprintf("HTTP %d", resp.StatusCode)
	}
	res.article, res.created = out.Data.IngestArticle.Article.ID, out.Data.IngestArticle.Created
	return res
}

func transportKind(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(err.Error(), "Timeout exceeded"):
		return "client timeout"
	case strings.Contains(err.Error(), "connection refused"):
		return "connection refused"
	case strings.Contains(err.Error(), "connection reset"):
		return "connection reset"
	}
	return "other"
}

// entities lists entity ids and names of the preloaded graph for the reads
// to ask about.
func (c *client) entities(ctx context.Context) (ids, names []string, err error) {
	body, _ := json.Marshal(map[string]any{"query": `{ entities(first: 100) { nodes { id name } } }`})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Entities struct{ Nodes []struct{ ID, Name string } }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, nil, fmt.Errorf("list entities: %w", err)
	}
	for _, n := range out.Data.Entities.Nodes {
		ids, names = append(ids, n.ID), append(names, n.Name)
	}
	if len(ids) == 0 {
		return nil, nil, errors.New("the graph has no entities to read")
	}
	return ids, names, nil
}

// recorder collects results from every client.
type recorder struct {
	mu      sync.Mutex
	results []result
}

func (r *recorder) add(res result) {
	r.mu.Lock()
	r.results = append(r.results, res)
	r.mu.Unlock()
}

func (r *recorder) print(w io.Writer, cfg config) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(w, "%d clients × %s against %s: %d requests (%.1f/s)\n",
		cfg.clients, cfg.duration, cfg.url, len(r.results), float64(len(r.results))/cfg.duration.Seconds())
	byOp := map[string][]result{}
	errs := map[string]int{}
	for _, res := range r.results {
		byOp[res.op] = append(byOp[res.op], res)
		if res.kind != "" {
			errs[res.op+": "+res.kind]++
		}
	}
	fmt.Fprintf(w, "%-16s %8s %7s %9s %9s %9s\n", "operation", "requests", "errors", "p50", "p99", "max")
	ops := slices.Sorted(maps.Keys(byOp))
	for _, op := range append(ops, "all") {
		rs := byOp[op]
		if op == "all" {
			rs = r.results
		}
		fmt.Fprintln(w, line(op, rs))
	}
	if len(errs) == 0 {
		fmt.Fprintln(w, "errors: none")
		return
	}
	fmt.Fprintln(w, "errors by kind:")
	kinds := slices.SortedFunc(maps.Keys(errs), func(a, b string) int {
		return cmp.Or(errs[b]-errs[a], strings.Compare(a, b))
	})
	for _, k := range kinds {
		fmt.Fprintf(w, "  %6d  %s\n", errs[k], k)
	}
}

// check fails the run when a request failed or, with maxP99 set, when the
// p99 of all requests exceeds it: what the test command's smoke run asks.
func (r *recorder) check(maxP99 time.Duration) error {
	if maxP99 == 0 {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	failed := 0
	took := make([]time.Duration, len(r.results))
	for i, res := range r.results {
		took[i] = res.took
		if res.kind != "" {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d requests failed", failed, len(r.results))
	}
	if len(took) == 0 {
		return errors.New("no request completed")
	}
	slices.Sort(took)
	if p99 := percentile(took, 0.99); p99 > maxP99 {
		return fmt.Errorf("p99 %s exceeds %s", p99.Round(time.Millisecond), maxP99)
	}
	return nil
}

func line(op string, rs []result) string {
	took := make([]time.Duration, len(rs))
	failed := 0
	for i, res := range rs {
		took[i] = res.took
		if res.kind != "" {
			failed++
		}
	}
	slices.Sort(took)
	return fmt.Sprintf("%-16s %8d %7d %9s %9s %9s", op, len(rs), failed, percentile(took, 0.50).Round(time.Millisecond),
		percentile(took, 0.99).Round(time.Millisecond), percentile(took, 1).Round(time.Millisecond))
}

// percentile is the p-th (0 to 1) of sorted durations; 0 for none.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

// rss reads a process's resident memory from /proc.
func rss(pid int) string {
	if pid == 0 {
		return ""
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown"
	}
	for l := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
