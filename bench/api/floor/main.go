// Command floor is Q1 with no API in front: one hand-written Cypher query
// through the Go driver (bench/q1_test.go's, cut to geokg's page of 100),
// decoding the facts' evidence as a client of geokg would get it. Run by
// bench/api/run.sh, it is the floor geokg's Q1 is measured against.
//
//	floor -name "Ukraine" -dump               # the answer, as JSON, for the equality check
//	floor -name "Ukraine" -c 8 -d 5s          # load: one JSON line of requests, seconds, p50, p99, cpu_ms
//
// NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) say which Neo4j.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// q1Query finds the entity as geokg's FindEntity does (the text index, then
// an exact name or alias) and returns its first 100 outgoing facts by id,
// as `relations(direction: OUT, first: 100)` pages them.
const q1Query = `MATCH (e:Entity) WHERE e.searchText CONTAINS $name
  AND (e.lowerName = $name OR $name IN e.lowerAliases)
WITH e ORDER BY CASE WHEN e.lowerName = $name THEN 0 ELSE 1 END, e.id LIMIT 1
OPTIONAL MATCH (e)-[r]->(t:Entity)
WITH e, r, t ORDER BY r.id LIMIT 100
RETURN e.id AS id, e.name AS name,
       collect({id: r.id, type: type(r), target: t.name, witnesses: COLLECT {
         MATCH (w:RelationWitness {fact: r.id}) WHERE w.group = r.group RETURN w.text }}) AS relations`

// answer is Q1's answer in the shape run.mjs compares.
type answer struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Relations []relation `json:"relations"`
}

type relation struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Target   string   `json:"target"`
	Evidence []string `json:"evidence"`
}

// witness is the part of a stored witness's JSON Q1 reads: each report of
// a fact is a (:RelationWitness) node of its own, its evidence in its text.
type witness struct {
	Evidence []struct {
		Text string `json:"text"`
	} `json:"evidence"`
}

func q1(ctx context.Context, d driver.DriverWithContext, name string) (answer, error) {
	res, err := driver.ExecuteQuery(ctx, d, q1Query, map[string]any{"name": strings.ToLower(name)},
		driver.EagerResultTransformer, driver.ExecuteQueryWithReadersRouting())
	if err != nil {
		return answer{}, fmt.Errorf("q1 %q: %w", name, err)
	}
	if len(res.Records) != 1 {
		return answer{}, fmt.Errorf("q1 %q: got %d rows, want 1", name, len(res.Records))
	}
	row := res.Records[0].AsMap()
	a := answer{Relations: []relation{}}
	a.ID, _ = row["id"].(string)
	a.Name, _ = row["name"].(string)
	rels, _ := row["relations"].([]any)
	for _, x := range rels {
		m, _ := x.(map[string]any)
		if m["id"] == nil { // OPTIONAL MATCH found none
			continue
		}
		r := relation{Evidence: []string{}}
		r.ID, _ = m["id"].(string)
		r.Type, _ = m["type"].(string)
		r.Target, _ = m["target"].(string)
		texts, _ := m["witnesses"].([]any)
		for _, x := range texts {
			var w witness
			s, _ := x.(string)
			if err := json.Unmarshal([]byte(s), &w); err != nil {
				return answer{}, fmt.Errorf("q1 %q: witness of %s: %w", name, r.ID, err)
			}
			for _, e := range w.Evidence {
				r.Evidence = append(r.Evidence, e.Text)
			}
		}
		a.Relations = append(a.Relations, r)
	}
	return a, nil
}

type result struct {
	Requests int     `json:"requests"`
	Seconds  float64 `json:"seconds"`
	P50      float64 `json:"p50"` // milliseconds
	P99      float64 `json:"p99"`
	CPUms    float64 `json:"cpu_ms"` // this process's user+system time
}

// drive runs q1 from conns goroutines until d has passed or n requests ran.
func drive(ctx context.Context, db driver.DriverWithContext, name string, conns int, d time.Duration, n int) (result, error) {
	var (
		mu    sync.Mutex
		lat   []time.Duration
		first error
		wg    sync.WaitGroup
	)
	cpu0 := cpuTime()
	start := time.Now()
	deadline := start.Add(d)
	var issued int
	for range conns {
		wg.Go(func() {
			for {
				mu.Lock()
				done := first != nil || (n > 0 && issued >= n) || (n == 0 && time.Now().After(deadline))
				issued++
				mu.Unlock()
				if done {
					return
				}
				t0 := time.Now()
				_, err := q1(ctx, db, name)
				took := time.Since(t0)
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				lat = append(lat, took)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	if first != nil {
		return result{}, first
	}
	if len(lat) == 0 {
		return result{}, errors.New("no requests ran")
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	return result{Requests: len(lat), Seconds: secs, P50: pct(0.50), P99: pct(0.99), CPUms: (cpuTime() - cpu0).Seconds() * 1000}, nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func run() error {
	name := flag.String("name", "", "the entity's name")
	dump := flag.Bool("dump", false, "print the answer as JSON and exit")
	conns := flag.Int("c", 8, "concurrent clients")
	dur := flag.Duration("d", 5*time.Second, "how long to run")
	n := flag.Int("n", 0, "run this many requests instead of -d")
	flag.Parse()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" || *name == "" {
		return errors.New("want NEO4J_URI and -name")
	}
	auth := driver.NoAuth()
	if p := os.Getenv("NEO4J_PASSWORD"); p != "" {
		auth = driver.BasicAuth(os.Getenv("NEO4J_USER"), p, "")
	}
	ctx := context.Background()
	db, err := driver.NewDriverWithContext(uri, auth, func(c *driver.Config) { c.MaxConnectionPoolSize = max(*conns, 100) })
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	var out any
	if *dump {
		out, err = q1(ctx, db, *name)
	} else {
		out, err = drive(ctx, db, *name, *conns, *dur, *n)
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}
