package neo4j

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// The driver's connection errors have no Unwrap and dump pool internals;
// fail must still recognise them, say which server and why, and nothing more.
func TestFailUnavailable(t *testing.T) {
	s := &Store{cfg: Config{URI: "bolt://db:7687"}, logger: slog.New(slog.DiscardHandler)}
	refused := &driver.ConnectivityError{Inner: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}}
	tests := []struct {
		name        string
		err         error
		want        string
		unavailable bool
	}{
		{"connectivity", refused,
			"neo4j: apply article a: cannot reach bolt://db:7687 (connect: connection refused): store unavailable", true},
		{"retries exhausted", &driver.TransactionExecutionLimit{Cause: "timeout", Errors: []error{refused, refused}},
			"neo4j: apply article a: cannot reach bolt://db:7687 (connect: connection refused): store unavailable", true},
		{"server error", &driver.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "MATCH (secret)"},
			"neo4j: apply article a: server error Neo.ClientError.Statement.SyntaxError", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.fail(context.Background(), "apply article a", tt.err)
			if err.Error() != tt.want {
				t.Errorf("got %q, want %q", err, tt.want)
			}
			if got := errors.Is(err, graph.ErrUnavailable); got != tt.unavailable {
				t.Errorf("errors.Is(err, graph.ErrUnavailable): got %v, want %v", got, tt.unavailable)
			}
		})
	}
}
