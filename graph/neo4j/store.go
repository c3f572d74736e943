// Package neo4j is the graph.Store kept in Neo4j 5: entities are nodes
// labelled Entity plus their kind, relations are real typed relationships
// from the closed vocabulary, events and articles are nodes of their own.
//
// The graph it writes:
//
//	(:Entity:<Kind> {id, name, kind, aliases, country, lat, lon,
//	                 lowerName, lowerAliases, aliasesText, searchText})
//	(:Entity)-[:<TYPE> {id, group, class, date, status, confidence, event, sources,
//	                    contested, fact}]->(:Entity)
//	(:Event {id, group, type, date, status, killed, sources, contested, fact})-[:AT]->(:Entity)
//	(:Event)-[:PARTICIPANT {role}]->(:Entity)
//	(:RelationWitness {key, group, article, id, published, claimedBy, fact, text})
//	(:EventWitness {id, group, article, published, event, text})
//	(:FactGroup {key})
//	(:Article {id, title, source, published, sha256, text, groups, relationCount, eventCount})
//	   -[:MENTIONS {starts, ends, texts}]->(:Entity)
//
// Relationships and events are facts fused across articles (see fuse.go):
// fact holds the fused value as JSON, because Neo4j properties cannot hold
// maps, and each article's witness of it is a node of its own; the other
// properties are for filtering.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"strings"
	"sync/atomic"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	driverconfig "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/geokg/geokg/graph"
)

var (
	_ graph.Store      = (*Store)(nil)
	_ graph.EndsReader = (*Store)(nil)
)

// ErrUnavailable is graph.ErrUnavailable, wrapped by errors that come from
// not reaching the server rather than the server refusing a query.
var ErrUnavailable = graph.ErrUnavailable

// Driver limits, short so that a dead server is reported in seconds rather
// than hanging a request or a load; the defaults wait up to a minute.
const (
	connectTimeout = 5 * time.Second  // one TCP connect
	acquireTimeout = 10 * time.Second // waiting for a pooled connection
	retryTime      = 10 * time.Second // retrying a transaction on transient errors (deadlocks included)
	// maxConflictRetries bounds the runs again after a conflict (see
	// write); with conflictBackoff they take at most about a second.
	maxConflictRetries = 8
	// poolSize bounds the connections to the server. The GraphQL server
	// queues expensive operations before they get here, and each request
	// holds one connection at a time, so 100 serves 50 busy clients with
	// room for a load; more only moves the queue into Neo4j.
	poolSize = 100
)

// Server-side transaction timeouts. The server stops a transaction that
// runs longer and frees its memory; a client giving up (a cancelled
// context) only abandons it. Reads answer GraphQL requests, which time out
// at 30 s by default; a write is one article of at most 1 MiB.
const (
	readTxTimeout  = 15 * time.Second
	writeTxTimeout = 30 * time.Second
)

// Config says where the database is.
type Config struct {
	URI      string // bolt://host:7687 or neo4j://host:7687
	User     string // empty: no authentication
	Password string
	Database string // empty: the server's default database
}

// Store is a graph.Store backed by a Neo4j 5 server. It is safe for
// concurrent use.
type Store struct {
	db     driver.DriverWithContext
	cfg    Config
	logger *slog.Logger

	transactions, queries, conflicts atomic.Int64 // what Counts reports
	comb                             combiner     // the queue of writes; see combine.go

	relationTexts textCache[graph.RelationWitness] // see fuse
	eventTexts    textCache[graph.EventWitness]
}

// Counts is what a Store has sent the server since New: transaction
// attempts (a retried transaction counts each time), the queries run in
// them, each of which is a round trip, and the transactions run again
// after a conflict with another writer (see conflict).
type Counts struct {
	Transactions, Queries, Conflicts int64
}

// Counts reports what the store has sent so far, so tests can check that a
// request costs a small, fixed number of round trips whatever it asks for.
func (s *Store) Counts() Counts {
	return Counts{Transactions: s.transactions.Load(), Queries: s.queries.Load(), Conflicts: s.conflicts.Load()}
}

// New connects to the server, checks it answers and creates the schema if it
// is missing. logger may be nil.
func New(ctx context.Context, cfg Config, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	auth := driver.NoAuth()
	if cfg.User != "" {
		auth = driver.BasicAuth(cfg.User, cfg.Password, "")
	}
	db, err := driver.NewDriverWithContext(cfg.URI, auth, func(c *driverconfig.Config) {
		c.SocketConnectTimeout = connectTimeout
		c.ConnectionAcquisitionTimeout = acquireTimeout
		c.MaxTransactionRetryTime = retryTime
		c.MaxConnectionPoolSize = poolSize
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j: bad URI %q: %w", cfg.URI, err)
	}
	s := &Store{db: db, cfg: cfg, logger: logger}
	if err := db.VerifyConnectivity(ctx); err != nil {
		db.Close(context.WithoutCancel(ctx))
		return nil, s.fail(ctx, "", err)
	}
	if err := s.ensureSchema(ctx); err != nil {
		db.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	if err := s.lowerOldNames(ctx); err != nil {
		db.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	if err := s.migrateWitnesses(ctx); err != nil {
		db.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	logger.Info("neo4j store ready", "uri", cfg.URI, "database", cfg.Database)
	return s, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	if err := s.db.Close(ctx); err != nil {
		return s.fail(ctx, "close", err)
	}
	return nil
}

// allTypes matches a relationship of any vocabulary type, and nothing else:
// MENTIONS, AT and PARTICIPANT are bookkeeping, not relations.
var allTypes = typePattern(graph.RelTypes())

// typePattern joins relationship types into a Cypher type disjunction
// (CALLS|MEETS). Callers pass vocabulary types only.
func typePattern(types []graph.RelType) string {
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = string(t)
	}
	return strings.Join(parts, "|")
}

// checkTypes validates a caller's type filter and returns its pattern;
// empty means every vocabulary type. Relationship types cannot be query
// parameters, so this is the gate between user input and query text.
func checkTypes(types []graph.RelType) (string, error) {
	if len(types) == 0 {
		return allTypes, nil
	}
	for _, t := range types {
		if !t.Valid() || !isIdentifier(string(t)) {
			return "", fmt.Errorf("%w: relation type %q is not in the vocabulary", graph.ErrInvalid, t)
		}
	}
	return typePattern(types), nil
}

// isIdentifier reports whether s is safe to write into a query unquoted;
// a second check in case the vocabulary ever gains an odd entry.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_') {
			return false
		}
	}
	return true
}

// write runs work in one write transaction, and runs it again after a
// conflict with another process's writes (see conflict).
func (s *Store) write(ctx context.Context, work func(tx driver.ManagedTransaction) error) error {
	sess := s.session(ctx, driver.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	deadline := time.Now().Add(retryTime)
	for attempt := 0; ; attempt++ {
		_, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
			s.transactions.Add(1)
			if err := work(tx); err != nil {
				if conflict(err) {
					// Hidden from the driver, whose first retry waits 2 s.
					return nil, &conflictError{err}
				}
				return nil, err
			}
			return nil, nil
		})
		var c *conflictError
		if errors.As(err, &c) {
			err = c.err
		}
		if err == nil || !conflict(err) || attempt == maxConflictRetries || time.Now().After(deadline) {
			return err
		}
		s.conflicts.Add(1)
		if err := sleep(ctx, conflictBackoff(attempt)); err != nil {
			return err
		}
	}
}

// conflictError carries a conflict out of a managed transaction without
// Unwrap, so that the driver returns it instead of retrying it itself.
type conflictError struct{ err error }

func (c *conflictError) Error() string { return c.err.Error() }

// Server codes of a write that lost a race with another process's writes
// and will succeed when run again: a deadlock (Neo4j picked this
// transaction to fail), an entity the other process deleted between two
// statements, and an orphan entity the other process linked to before this
// one deleted it (see deleteOrphansQuery). The last two also come of real
// errors, which fail again; maxConflictRetries bounds what that costs.
var conflictCodes = map[string]bool{
	"Neo.TransientError.Transaction.DeadlockDetected":   true,
	"Neo.ClientError.Statement.EntityNotFound":          true,
	"Neo.ClientError.Schema.ConstraintValidationFailed": true,
}

// conflict reports whether err is a lost race worth running the
// transaction again for: a server code above or errVanished.
func conflict(err error) bool {
	var server *driver.Neo4jError
	return errors.Is(err, errVanished) || errors.As(err, &server) && conflictCodes[server.Code]
}

// errVanished is an entity a write found missing after it had merged it:
// another process deleted it as an orphan in between (see save).
var errVanished = errors.New("an entity vanished during the write")

// conflictBackoff is how long to wait before attempt+1: short, since the
// transaction that won holds its locks for tens of milliseconds, and
// jittered so two losers do not meet again.
func conflictBackoff(attempt int) time.Duration {
	d := min(5*time.Millisecond<<attempt, 200*time.Millisecond)
	return d/2 + rand.N(d)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Store) session(ctx context.Context, mode driver.AccessMode) driver.SessionWithContext {
	return timedSession{s.db.NewSession(ctx, driver.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: mode})}
}

// timedSession gives every managed transaction of a session the server-side
// timeout of its kind; a caller's own WithTxTimeout comes later and wins.
type timedSession struct {
	driver.SessionWithContext
}

func (t timedSession) ExecuteRead(ctx context.Context, work driver.ManagedTransactionWork, configurers ...func(*driver.TransactionConfig)) (any, error) {
	return t.SessionWithContext.ExecuteRead(ctx, work, withTimeout(readTxTimeout, configurers)...)
}

func (t timedSession) ExecuteWrite(ctx context.Context, work driver.ManagedTransactionWork, configurers ...func(*driver.TransactionConfig)) (any, error) {
	return t.SessionWithContext.ExecuteWrite(ctx, work, withTimeout(writeTxTimeout, configurers)...)
}

func withTimeout(d time.Duration, configurers []func(*driver.TransactionConfig)) []func(*driver.TransactionConfig) {
	return append([]func(*driver.TransactionConfig){driver.WithTxTimeout(d)}, configurers...)
}

// run executes one query inside a managed transaction and reads all records.
func (s *Store) run(ctx context.Context, tx driver.ManagedTransaction, query string, params map[string]any) ([]*driver.Record, error) {
	s.queries.Add(1)
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// fail translates an error from the driver at the store's boundary: the
// context's error when it ended, else the driver error with server messages
// reduced to their codes, since those messages can quote the query. The full
// error goes to the log.
func (s *Store) fail(ctx context.Context, op string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("neo4j: %s: %w", op, ctxErr)
	}
	if errors.Is(err, graph.ErrInvalid) || errors.Is(err, graph.ErrNotFound) {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	s.logger.Warn("neo4j operation failed", "op", op, "err", err)
	var limit *driver.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 && unreachable(err) {
		err = limit.Errors[len(limit.Errors)-1] // no Unwrap: the last attempt's error says why
	}
	if unreachable(err) {
		reason := ""
		var conn *driver.ConnectivityError
		if errors.As(err, &conn) && conn.Inner != nil {
			err = conn.Inner // no Unwrap either
		}
		var opErr *net.OpError
		if errors.As(err, &opErr) && opErr.Err != nil {
			reason = " (" + opErr.Err.Error() + ")"
		}
		if op == "" {
			return fmt.Errorf("neo4j: cannot reach %s%s: %w", s.cfg.URI, reason, ErrUnavailable)
		}
		return fmt.Errorf("neo4j: %s: cannot reach %s%s: %w", op, s.cfg.URI, reason, ErrUnavailable)
	}
	if op == "" {
		return fmt.Errorf("neo4j: %w", safeError(err))
	}
	return fmt.Errorf("neo4j: %s: %w", op, safeError(err))
}

// unreachable reports whether err says the server could not be reached or
// the connection broke, rather than that the server refused the work. The
// driver's text for these is a dump of pool and socket internals, so
// callers get ErrUnavailable instead; the log keeps the full error.
func unreachable(err error) bool {
	var limit *driver.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return unreachable(limit.Errors[len(limit.Errors)-1])
	}
	var conn *driver.ConnectivityError
	var netErr net.Error
	return errors.As(err, &conn) || errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// serverError is a Neo4j server error shown by its code only; Unwrap keeps
// the driver's error for errors.As.
type serverError struct {
	code string
	err  error
}

func (e *serverError) Error() string { return "server error " + e.code }
func (e *serverError) Unwrap() error { return e.err }

func safeError(err error) error {
	var limit *driver.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		// Its message lists every attempt's error in full, and it has no Unwrap.
		return fmt.Errorf("gave up after %d attempts: %w", len(limit.Errors), safeError(limit.Errors[len(limit.Errors)-1]))
	}
	var server *driver.Neo4jError
	if errors.As(err, &server) {
		return &serverError{code: server.Code, err: err}
	}
	return err
}
