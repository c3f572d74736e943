package main

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Per-client rate limits: defaults for serve's --rate and --burst.
const (
	defaultRate  = 50 // requests per second per client
	defaultBurst = 100
	// maxClients bounds the limiters kept; past it, idle ones are dropped,
	// and if none is idle every client starts afresh, so the table cannot
	// grow with the number of addresses a client can spoof or rotate.
	maxClients = 10000
	clientIdle = time.Minute
)

// clientLimiter answers 429 with Retry-After to a client (by remote IP)
// sending more than its rate. It is safe for concurrent use.
type clientLimiter struct {
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

// newClientLimiter allows perSecond requests a second per client with
// bursts of burst; perSecond <= 0 turns limiting off (nil).
func newClientLimiter(perSecond float64, burst int) *clientLimiter {
	if perSecond <= 0 {
		return nil
	}
	return &clientLimiter{rate: rate.Limit(perSecond), burst: max(burst, 1), now: time.Now, clients: map[string]*clientRate{}}
}

// wrap limits next; a nil limiter passes everything.
func (l *clientLimiter) wrap(next http.Handler) http.Handler {
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
func (l *clientLimiter) reserve(key string) time.Duration {
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
func (l *clientLimiter) sweep(now time.Time) {
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
	secs := int(math.Ceil(wait.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusTooManyRequests)
	fmt.Fprintf(w, `{"errors":[{"message":%q,"extensions":{"code":"RATE_LIMITED"}}]}`+"\n", msg+"; retry after "+strconv.Itoa(max(secs, 1))+" s")
}

// oneAtATime lets one request at a time through next when whole says it
// is one of the guarded kind; others get 429. Whole-graph exports hold the
// graph in memory, so eight at once once took the server from 316 MB to
// 3 GB.
func oneAtATime(whole func(*http.Request) bool, next http.Handler) http.Handler {
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

// wholeExport reports an /export request for the whole graph rather than
// one entity's neighbourhood.
func wholeExport(r *http.Request) bool {
	q := r.URL.Query()
	return q.Get("id") == "" && q.Get("name") == ""
}
