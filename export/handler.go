package export

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
)

var contentTypes = map[string]string{
	GraphML: "application/graphml+xml; charset=utf-8",
	JSON:    "application/json; charset=utf-8",
	CSV:     "text/csv; charset=utf-8",
}

// Handler serves GET /export?format=graphml|json|csv, with optional id (or
// name), depth, types (comma-separated) and limit to export a neighbourhood.
// Bad parameters are 400, an unknown entity 404; store failures are logged
// and answered with a bare 500, never the store's own error text. The file
// streams as it is written (see Write), so a store failure after the first
// bytes went out can no longer change the status: the response is cut off
// instead, and the client sees a truncated transfer, not a whole file. HEAD
// runs the export to count its bytes for Content-Length and sends none.
func Handler(store graph.Store, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		format, q, err := parseQuery(r)
		if err == nil {
			_, err = encoder(format)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		headers := func() {
			h := w.Header()
			h.Set("Content-Type", contentTypes[format])
			h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, filename(q), format))
			h.Set("X-Content-Type-Options", "nosniff")
		}
		if r.Method == http.MethodHead {
			var n countWriter
			if err := Write(r.Context(), &n, store, format, q); err != nil {
				fail(w, r, log, format, q, err)
				return
			}
			headers()
			w.Header().Set("Content-Length", strconv.FormatInt(int64(n), 10))
			return
		}
		sw := &startWriter{w: w, start: headers}
		if err := Write(r.Context(), sw, store, format, q); err != nil {
			if !sw.started {
				fail(w, r, log, format, q, err)
				return
			}
			log.ErrorContext(r.Context(), "export failed midway; response cut off", "format", format, "id", q.ID, "err", err)
			panic(http.ErrAbortHandler)
		}
	})
}

// fail answers an export that failed before writing anything.
func fail(w http.ResponseWriter, r *http.Request, log *slog.Logger, format string, q Query, err error) {
	switch {
	case errors.Is(err, graph.ErrInvalid):
		http.Error(w, err.Error(), http.StatusBadRequest)
	case errors.Is(err, graph.ErrNotFound):
		http.Error(w, "entity not found", http.StatusNotFound)
	default:
		log.ErrorContext(r.Context(), "export failed", "format", format, "id", q.ID, "err", err)
		http.Error(w, "export failed", http.StatusInternalServerError)
	}
}

// startWriter sends the headers on the first write, so an export that
// fails before writing anything can still answer with an error status.
type startWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (s *startWriter) Write(p []byte) (int, error) {
	if !s.started {
		s.started = true
		s.start()
	}
	return s.w.Write(p)
}

// countWriter counts the bytes written to it and drops them.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// WholeGraph reports an /export request for the whole graph rather than
// one entity's neighbourhood.
func WholeGraph(r *http.Request) bool {
	q := r.URL.Query()
	return q.Get("id") == "" && q.Get("name") == ""
}

func parseQuery(r *http.Request) (string, Query, error) {
	v := r.URL.Query()
	format := strings.ToLower(v.Get("format"))
	if format == "" {
		format = DefaultFormat
	}
	q := Query{ID: v.Get("id"), Name: v.Get("name")}
	var err error
	if q.Depth, err = ParseDepth(v.Get("depth")); err != nil {
		return "", Query{}, err
	}
	if q.Limit, err = intParam(v.Get("limit"), "limit"); err != nil {
		return "", Query{}, err
	}
	q.Types = ParseTypes(v.Get("types"))
	return format, q, nil
}

func intParam(s, name string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: %s must be a non-negative integer, got %q", graph.ErrInvalid, name, s)
	}
	return n, nil
}

// filename names the download after the entity, keeping only characters
// that are safe in a Content-Disposition header.
func filename(q Query) string {
	id := q.ID
	if id == "" {
		id = q.Name
	}
	if id == "" {
		return "geokg"
	}
	var b strings.Builder
	b.WriteString("geokg-")
	for _, c := range strings.ToLower(id) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
			b.WriteRune(c)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}
