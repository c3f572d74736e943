package neo4jtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Server is a Neo4j test server of a test's own, run by the project's
// launcher (scripts/neo4j-test-server.sh), for tests that take the database
// away from a running client and bring it back. The shared server of Open
// must never be killed, so these tests need a port of their own.
type Server struct {
	port   int
	script string
	env    []string
}

// NewServer returns the test server for port, not yet started; it is
// stopped and its data removed when t ends. Its pid file and log live in a
// temporary folder, its data in /dev/shm when there is one (each commit's
// fsync is free on tmpfs).
func NewServer(t testing.TB, port int) *Server {
	t.Helper()
	script, err := launcher()
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	data := filepath.Join(t.TempDir(), "data")
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		data = fmt.Sprintf("/dev/shm/geokg-neo4jtest-%d", port)
	}
	s := &Server{port: port, script: script, env: append(os.Environ(),
		"NEO4J_TEST_PORT="+strconv.Itoa(port),
		"NEO4J_TEST_STATE="+t.TempDir(),
		"NEO4J_TEST_DATA="+data,
	)}
	t.Cleanup(func() {
		if out, err := s.do("stop"); err != nil {
			t.Errorf("neo4jtest: stop: %v\n%s", err, out)
		}
	})
	return s
}

// URI is the server's Bolt address.
func (s *Server) URI() string { return "bolt://127.0.0.1:" + strconv.Itoa(s.port) }

// Start starts the server on an empty database and waits until it is ready.
func (s *Server) Start(t testing.TB) { s.must(t, "start") }

// Stop stops the server and removes its data.
func (s *Server) Stop(t testing.TB) { s.must(t, "stop") }

// Kill kills the server with SIGKILL, a crash; its data stays for Resume.
func (s *Server) Kill(t testing.TB) { s.must(t, "kill") }

// Halt stops the server cleanly; its data stays for Resume.
func (s *Server) Halt(t testing.TB) { s.must(t, "halt") }

// Resume starts the server again on the data Kill or Halt kept.
func (s *Server) Resume(t testing.TB) { s.must(t, "resume") }

func (s *Server) must(t testing.TB, action string) {
	t.Helper()
	out, err := s.do(action)
	if err != nil {
		t.Fatalf("neo4jtest: %s: %v\n%s", action, err, out)
	}
	t.Logf("neo4j-test-server %s: %s", action, lastLine(out))
}

func (s *Server) do(action string) ([]byte, error) {
	cmd := exec.Command(s.script, action)
	cmd.Env = s.env
	return cmd.CombinedOutput()
}

func lastLine(b []byte) string {
	s := strings.TrimRight(string(b), "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// launcher finds scripts/neo4j-test-server.sh in the module root above the
// working directory, which go test sets to the package's folder.
func launcher() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "scripts", "neo4j-test-server.sh"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory, so no scripts/neo4j-test-server.sh")
		}
		dir = parent
	}
}
