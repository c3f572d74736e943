package neo4jtest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// skipRecorder stands in for a test so Open's skip can be observed without
// reporting a skipped test in the suite's counts.
type skipRecorder struct {
	testing.TB
	skipped bool
}

func (s *skipRecorder) Skip(args ...any) {
	s.skipped = true
	runtime.Goexit()
}

func TestOpenSkipsWithoutURI(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	rec := &skipRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Open(rec)
	}()
	<-done
	if !rec.skipped {
		t.Errorf("Open without NEO4J_URI: got no skip, want a skip")
	}
}

// needServer skips a test whose subtests all need the server, so the parent
// is not reported as passing when they skip.
func needServer(t *testing.T) {
	if _, ok := FromEnv(); !ok {
		t.Skip("NEO4J_URI not set")
	}
}

func count(t *testing.T, c Config) int64 {
	t.Helper()
	ctx := context.Background()
	d, err := c.Driver()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, d, `MATCH (n) RETURN count(n) AS n`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("count nodes: %v", err)
	}
	n, _ := res.Records[0].Get("n")
	return n.(int64)
}

func fill(t *testing.T, c Config, nodes int) {
	t.Helper()
	ctx := context.Background()
	d, err := c.Driver()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	_, err = neo4j.ExecuteQuery(ctx, d,
		`UNWIND range(1, $n) AS i CREATE (a:Junk {i: i})-[:NEXT]->(:Junk {i: -i})`,
		map[string]any{"n": nodes / 2}, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("fill: %v", err)
	}
}

func TestOpenHandsOverAnEmptyDatabase(t *testing.T) {
	needServer(t)
	t.Run("leave data behind", func(t *testing.T) {
		c := Open(t)
		fill(t, c, 100)
	})
	t.Run("next test", func(t *testing.T) {
		c := Open(t)
		if got := count(t, c); got != 0 {
			t.Errorf("nodes after Open: got %d, want 0", got)
		}
	})
}

func TestWipe(t *testing.T) {
	c := Open(t)
	// More than one wipe batch.
	fill(t, c, 12000)
	if got := count(t, c); got != 12000 {
		t.Fatalf("nodes after fill: got %d, want 12000", got)
	}
	Wipe(t, c)
	if got := count(t, c); got != 0 {
		t.Errorf("nodes after Wipe: got %d, want 0", got)
	}
}

// tryLock reports whether another open file description could take the lock
// now, which is what a test process in another package would try.
func tryLock(t *testing.T, path string) bool {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false
	}
	if err != nil {
		t.Fatalf("flock: %v", err)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return true
}

func TestOpenHoldsTheLock(t *testing.T) {
	c := Open(t)
	if tryLock(t, lockPath(c.URI)) {
		t.Errorf("lock while a test holds the database: got free, want held")
	}
}

// The release is checked on a private lock file: the server's is taken by
// other test processes as soon as it is free.
func TestLockFileReleases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock")
	unlock, err := lockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if tryLock(t, path) {
		t.Errorf("lock while held: got free, want held")
	}
	unlock()
	if !tryLock(t, path) {
		t.Errorf("lock after unlock: got held, want free")
	}
}

func TestLauncherIsFound(t *testing.T) {
	script, err := launcher()
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(script); err != nil || st.Mode()&0o111 == 0 {
		t.Errorf("launcher %s: got %v, want an executable file", script, err)
	}
}
