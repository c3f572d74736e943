// Package neo4jtest hands tests a real, empty Neo4j database.
//
// Neo4j Community has a single database and `go test ./...` runs packages in
// parallel processes, so Open serialises every test that uses the same
// server, across processes, with a file lock held until the test ends.
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says how to reach the test server.
type Config struct {
	URI, User, Password string
}

// FromEnv reads NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD; ok is false when
// NEO4J_URI is unset.
func FromEnv() (c Config, ok bool) {
	c = Config{URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD")}
	return c, c.URI != ""
}

// Driver connects to the server described by c.
func (c Config) Driver() (neo4j.DriverWithContext, error) {
	auth := neo4j.NoAuth()
	if c.User != "" {
		auth = neo4j.BasicAuth(c.User, c.Password, "")
	}
	return neo4j.NewDriverWithContext(c.URI, auth)
}

// In-process exclusion: the file lock only orders processes, and a test that
// calls Open inside another test's Open would wait for itself.
var (
	sem    = make(chan struct{}, 1)
	mu     sync.Mutex
	holder string // name of the test holding the database; guarded by mu
)

// Open skips t unless NEO4J_URI is set. Otherwise it waits until no other
// test, in this process or another, holds the database, holds it until t
// ends, wipes it before and after and returns how to reach it. An unreachable server fails t:
// whoever sets NEO4J_URI expects the Neo4j suites to run. Subtests that need
// an empty database again call Wipe, not Open.
func Open(t testing.TB) Config {
	t.Helper()
	c, ok := FromEnv()
	if !ok {
		t.Skip("NEO4J_URI not set")
	}
	mu.Lock()
	h := holder
	mu.Unlock()
	if h != "" && strings.HasPrefix(t.Name(), h+"/") {
		t.Fatalf("neo4jtest.Open in %s while its parent %s holds the database; call Wipe instead", t.Name(), h)
	}

	sem <- struct{}{}
	unlock, err := lockFile(lockPath(c.URI))
	if err != nil {
		<-sem
		t.Fatalf("neo4jtest: %v", err)
	}
	mu.Lock()
	holder = t.Name()
	mu.Unlock()
	t.Cleanup(func() {
		// Leave nothing behind: later steps of the test command (the
		// notebook) read the same database.
		Wipe(t, c)
		mu.Lock()
		holder = ""
		mu.Unlock()
		unlock()
		<-sem
	})
	Wipe(t, c)
	return c
}

// lockPath names one lock file per server, so suites against different
// servers do not wait for each other.
func lockPath(uri string) string {
	sum := sha256.Sum256([]byte(uri))
	return filepath.Join(os.TempDir(), "geokg-neo4jtest-"+hex.EncodeToString(sum[:6])+".lock")
}

// lockFile takes an exclusive flock on path, waiting for it; the lock goes
// away with the process if a test binary dies.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// wipeQuery deletes in batches so a large leftover graph does not need one
// huge transaction.
const wipeQuery = `MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`

// Wipe deletes every node and relationship, keeping indexes and constraints
// (stores create their schema idempotently). Call it only while holding the
// database through Open.
func Wipe(t testing.TB, c Config) {
	t.Helper()
	ctx := context.Background()
	d, err := c.Driver()
	if err != nil {
		t.Fatalf("neo4jtest: driver for %s: %v", c.URI, err)
	}
	defer d.Close(ctx)
	if err := d.VerifyConnectivity(ctx); err != nil {
		t.Fatalf("neo4jtest: cannot reach %s (is the test server running? scripts/neo4j-test-server.sh start): %v", c.URI, err)
	}
	s := d.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	// CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence Run.
	res, err := s.Run(ctx, wipeQuery, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		t.Fatalf("neo4jtest: wipe %s: %v", c.URI, err)
	}
}
