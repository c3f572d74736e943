package export

import (
	"bytes"
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
// and answered with a bare 500, never the store's own error text.
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
		// Buffer so a store error can still change the status code; exports
		// are bounded by the size of the graph the store already holds.
		var buf bytes.Buffer
		if err := Write(r.Context(), &buf, store, format, q); err != nil {
			switch {
			case errors.Is(err, graph.ErrInvalid):
				http.Error(w, err.Error(), http.StatusBadRequest)
			case errors.Is(err, graph.ErrNotFound):
				http.Error(w, "entity not found", http.StatusNotFound)
			default:
				log.ErrorContext(r.Context(), "export failed", "format", format, "id", q.ID, "err", err)
				http.Error(w, "export failed", http.StatusInternalServerError)
			}
			return
		}
		h := w.Header()
		h.Set("Content-Type", contentTypes[format])
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, filename(q), format))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		if r.Method == http.MethodHead {
			return
		}
		buf.WriteTo(w) // a failed write means the client went away
	})
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
