package httpserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/geokg/geokg/resolvers"
)

// Per-client rate limits: defaults for serve's --rate and --burst.
const (
	DefaultRate  = 50 // requests per second per client
	DefaultBurst = 100
	// maxClients bounds the limiters kept; past it, idle ones are dropped,
	// and if none is idle every client starts afresh, so the table cannot
	// grow with the number of addresses a client can spoof or rotate.
	maxClients = 10000
	clientIdle = time.Minute
)

// ClientLimiter answers 429 with Retry-After to a client (by remote IP)
// sending more than its rate. It is safe for concurrent use.
type ClientLimiter struct {
	rate  rate.Limit
	burst int
	now   func() time.Time

	mu      sync.Mutex
	clients map[string]*clientRate
}

type clientRate struct {
	lim  *rate.Limiter
	seen time.Time
}

// NewClientLimiter allows perSecond requests a second per client with
// bursts of burst; perSecond <= 0 turns limiting off (nil).
func NewClientLimiter(perSecond float64, burst int) *ClientLimiter {
	if perSecond <= 0 {
		return nil
	}
	return &ClientLimiter{rate: rate.Limit(perSecond), burst: max(burst, 1), now: time.Now, clients: map[string]*clientRate{}}
}

// Wrap limits next; a nil limiter passes everything.
func (l *ClientLimiter) Wrap(next http.Handler) http.Handler {
	if l == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if wait := l.reserve(clientKey(r)); wait > 0 {
			tooMany(w, wait, "too many requests from this client")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// reserve takes a token for key and returns 0, or, when none is left, how
// long until one is (taking nothing).
func (l *ClientLimiter) reserve(key string) time.Duration {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.clients[key]
	if c == nil {
		if len(l.clients) >= maxClients {
			l.sweep(now)
		}
		c = &clientRate{lim: rate.NewLimiter(l.rate, l.burst)}
		l.clients[key] = c
	}
	c.seen = now
	res := c.lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d
	}
	return 0
}

// sweep drops idle clients, or all of them when none is idle.
func (l *ClientLimiter) sweep(now time.Time) {
	for k, c := range l.clients {
		if now.Sub(c.seen) > clientIdle {
			delete(l.clients, k)
		}
	}
	if len(l.clients) >= maxClients {
		clear(l.clients)
	}
}

// clientKey is the request's remote IP; proxies are not trusted, so
// X-Forwarded-For is ignored.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// tooMany answers 429 with a Retry-After of wait rounded up to seconds.
func tooMany(w http.ResponseWriter, wait time.Duration, msg string) {
	secs := strconv.Itoa(max(int(math.Ceil(wait.Seconds())), 1))
	w.Header().Set("Retry-After", secs)
	resolvers.WriteError(w, http.StatusTooManyRequests, resolvers.CodeRateLimited, msg+"; retry after "+secs+" s")
}

// OneAtATime lets one request at a time through next when whole says it
// is one of the guarded kind; others get 429. Whole-graph exports hold the
// graph in memory, so eight at once once took the server from 316 MB to
// 3 GB.
func OneAtATime(whole func(*http.Request) bool, next http.Handler) http.Handler {
	slot := make(chan struct{}, 1)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !whole(r) {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slot <- struct{}{}:
			defer func() { <-slot }()
			next.ServeHTTP(w, r)
		default:
			tooMany(w, 5*time.Second, "another export of the whole graph is running")
		}
	})
}

// Timeout gives each request d to finish.
func Timeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// LimitBody refuses request bodies over max bytes with 413 before the
// GraphQL transport reads them (it would answer 200 with an error).
func LimitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			tooLarge(w, max)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
		if err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				tooLarge(w, max)
				return
			}
			http.Error(w, "could not read request body", http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func tooLarge(w http.ResponseWriter, max int64) {
	resolvers.WriteError(w, http.StatusRequestEntityTooLarge, resolvers.CodeRequestTooLarge,
		fmt.Sprintf("request body is larger than the %d-byte limit", max))
}
