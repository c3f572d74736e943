// Package metrics holds geokg's Prometheus metrics and the admin listener
// that serves them with pprof.
package metrics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/geokg/geokg/resolvers"
)

// Metrics are geokg's Prometheus metrics, in a registry of their own so
// tests can build several. A nil *Metrics records nothing.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec   // by handler and status code
	latency    *prometheus.HistogramVec // by handler
	operations *prometheus.HistogramVec // GraphQL, by operation and outcome
	errors     *prometheus.CounterVec   // GraphQL errors by code (store errors by kind among them)
	articles   *prometheus.CounterVec   // articles loaded at start, by result
}

// New returns the metrics, registered.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_http_requests_total", Help: "HTTP requests by handler and status code.",
		}, []string{"handler", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "geokg_http_request_duration_seconds", Help: "HTTP request latency by handler.",
			Buckets: prometheus.DefBuckets,
		}, []string{"handler"}),
		operations: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "geokg_graphql_operation_duration_seconds", Help: "GraphQL operations by kind and first field, and whether they had errors.",
			Buckets: prometheus.DefBuckets,
		}, []string{"operation", "failed"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_graphql_errors_total", Help: "GraphQL errors by extensions.code; SERVICE_UNAVAILABLE, TIMEOUT and INTERNAL_SERVER_ERROR are store errors.",
		}, []string{"code"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_articles_loaded_total", Help: "Articles loaded from --articles folders, by result.",
		}, []string{"result"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.operations, m.errors, m.articles,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Instrument counts and times the requests of one handler.
func (m *Metrics) Instrument(name string, h http.Handler) http.Handler {
	if m == nil {
		return h
	}
	labels := prometheus.Labels{"handler": name}
	return promhttp.InstrumentHandlerDuration(m.latency.MustCurryWith(labels),
		promhttp.InstrumentHandlerCounter(m.requests.MustCurryWith(labels), h))
}

// Loaded counts one article of a start-up load.
func (m *Metrics) Loaded(err error) {
	if m == nil {
		return
	}
	result := "ok"
	if err != nil {
		result = "failed"
	}
	m.articles.WithLabelValues(result).Inc()
}

var _ resolvers.Observer = (*Metrics)(nil)

func (m *Metrics) Operation(name string, took time.Duration, failed bool) {
	m.operations.WithLabelValues(name, fmt.Sprint(failed)).Observe(took.Seconds())
}

func (m *Metrics) Error(code string) { m.errors.WithLabelValues(code).Inc() }

func (m *Metrics) Watch(s resolvers.Stats) {
	cache := func(name string, stats func() (int, int)) {
		m.reg.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name: "geokg_cache_entries", Help: "Entries held by a GraphQL cache.", ConstLabels: prometheus.Labels{"cache": name},
			}, func() float64 { n, _ := stats(); return float64(n) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name: "geokg_cache_bytes", Help: "Estimated bytes held by a GraphQL cache.", ConstLabels: prometheus.Labels{"cache": name},
			}, func() float64 { _, b := stats(); return float64(b) }),
		)
	}
	cache("query", s.QueryCache)
	cache("apq", s.APQCache)
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "geokg_expensive_operations_in_flight", Help: "Expensive GraphQL operations (path, neighborhood, stats, ingestArticle) running.",
	}, func() float64 { return float64(s.ExpensiveInUse()) }))
}

// Mux serves /debug/pprof and /metrics.
func Mux(m *Metrics) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	return mux
}

// Addr puts an address without a host on loopback: pprof and metrics
// are for operators, not the world, unless a host is named outright.
func Addr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host != "" {
		return addr
	}
	return net.JoinHostPort("127.0.0.1", port)
}

// Serve runs the admin listener (Mux on Addr(addr)) until ctx ends.
func Serve(ctx context.Context, addr string, m *Metrics, logger *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", Addr(addr))
	if err != nil {
		return nil, fmt.Errorf("admin listener: %w", err)
	}
	srv := &http.Server{Handler: Mux(m), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn), BaseContext: func(net.Listener) context.Context { return ctx }}
	logger.Info("admin listener (pprof, metrics)", "addr", ln.Addr().String(),
		"metrics", "http://"+ln.Addr().String()+"/metrics", "pprof", "http://"+ln.Addr().String()+"/debug/pprof/")
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("admin listener stopped", "err", err)
		}
	}()
	return func() { srv.Close() }, nil
}
