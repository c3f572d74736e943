// Package httpserver runs geokg's HTTP listeners and holds the guards its
// public handlers sit behind: per-client rate limits, one whole-graph export
// at a time, request time limits and body size limits. Refusals are GraphQL
// error responses (resolvers.WriteError), so clients read one error shape.
package httpserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

const (
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 10 * time.Second
	readyTimeout      = 3 * time.Second
)

// Run serves h on ln until ctx ends, then shuts down gracefully. With a
// requestTimeout (the handlers' own limit, see Timeout) the connection's
// read and write deadlines leave room around it; 0 sets none, for handlers
// that stream for as long as asked (pprof).
func Run(ctx context.Context, ln net.Listener, h http.Handler, requestTimeout time.Duration, logger *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	if requestTimeout > 0 {
		// LimitBody reads the body before the request timeout starts, so a
		// client trickling one would otherwise hold a goroutine forever.
		srv.ReadTimeout = readHeaderTimeout + requestTimeout
		srv.WriteTimeout = requestTimeout + 5*time.Second
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", "addr", ln.Addr().String())
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// Health registers GET /healthz, which answers while the process runs, and
// GET /readyz, which answers 503 while ready fails.
func Health(mux *http.ServeMux, ready func(context.Context) error, logger *slog.Logger) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := ready(ctx); err != nil {
			logger.Warn("readiness check failed", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "store unreachable")
			return
		}
		fmt.Fprintln(w, "ok")
	})
}

// Browsable turns a listen address into one a browser can open: an
// unspecified host (":8080", "[::]:8080") becomes localhost.
func Browsable(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
