package resolvers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The HTTP transports follow the GraphQL-over-HTTP spec
// (graphql.github.io/graphql-over-http), which gqlgen's own only partly do:
//
//   - responses are application/graphql-response+json when the client
//     accepts it, else application/json (also for a missing Accept);
//   - a request refused before execution (unparsable, invalid, too deep,
//     too complex) has no "data" entry and answers 400 as
//     graphql-response+json, 200 as application/json;
//   - a mutation without a valid token answers 401 (UNAUTHENTICATED) or 403
//     (FORBIDDEN), a mutation sent with GET 405 with Allow: POST;
//   - a request whose time runs out before it executes answers 503
//     (TIMEOUT); one that runs out during execution gets TIMEOUT errors;
//   - an expensive operation (see gate.go) that finds no free slot within
//     two seconds answers 429 (SERVER_BUSY) with Retry-After;
//   - a POST body that is not application/json answers 415; malformed JSON,
//     parameters of the wrong type or no query at all 400.

// Media types of GraphQL responses.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// codeMethodNotAllowed refuses a mutation sent with GET, which must not
// change anything.
const codeMethodNotAllowed = "METHOD_NOT_ALLOWED"

// postTransport and getTransport run operations through gate, which
// queues expensive ones, and run queries again that met a deleted item
// (see dispatchConsistent).
type postTransport struct {
	gate  *gate
	guard *readGuard
}

var _ graphql.Transport = postTransport{}

func (postTransport) Supports(r *http.Request) bool {
	return r.Method == http.MethodPost && r.Header.Get("Upgrade") == ""
}

func (t postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	media := responseMedia(r)
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != mediaJSON {
		writeError(w, media, http.StatusUnsupportedMediaType, "POST bodies must be JSON, sent with Content-Type: application/json")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, media, http.StatusBadRequest, "could not read the request body")
		return
	}
	if off := invalidText(body); off >= 0 {
		writeError(w, media, http.StatusBadRequest, fmt.Sprintf("the request body is not valid UTF-8 (first bad byte at offset %d): send text as UTF-8", off))
		return
	}
	var params graphql.RawParams
	if err := decodeParams(body, &params); err != nil {
		writeError(w, media, http.StatusBadRequest, "the request body is not a GraphQL request: "+err.Error())
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	execute(w, r.Context(), exec, &params, media, t.gate, t.guard)
}

type getTransport struct {
	gate  *gate
	guard *readGuard
}

var _ graphql.Transport = getTransport{}

func (getTransport) Supports(r *http.Request) bool {
	return r.Method == http.MethodGet && r.Header.Get("Upgrade") == ""
}

func (t getTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	media := responseMedia(r)
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, media, http.StatusBadRequest, "the query string is malformed: "+err.Error())
		return
	}
	for _, name := range []string{"query", "operationName", "variables", "extensions"} {
		if off := invalidText([]byte(q.Get(name))); off >= 0 {
			writeError(w, media, http.StatusBadRequest, fmt.Sprintf("the %s parameter is not valid UTF-8 (first bad byte at offset %d): send text as UTF-8", name, off))
			return
		}
	}
	params := graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName"), Headers: r.Header}
	for name, dst := range map[string]*map[string]any{"variables": &params.Variables, "extensions": &params.Extensions} {
		if s := q.Get(name); s != "" {
			if err := decodeJSON([]byte(s), dst); err != nil {
				writeError(w, media, http.StatusBadRequest, name+" is not a JSON object")
				return
			}
		}
	}
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	execute(w, context.WithValue(r.Context(), viaGETKey{}, true), exec, &params, media, t.gate, t.guard)
}

type viaGETKey struct{}

// getMutations refuses mutations sent with GET before they run.
type getMutations struct{}

var _ interface {
	graphql.OperationContextMutator
	graphql.HandlerExtension
} = getMutations{}

func (getMutations) ExtensionName() string                   { return "GETMutations" }
func (getMutations) Validate(graphql.ExecutableSchema) error { return nil }
func (getMutations) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if get, _ := ctx.Value(viaGETKey{}).(bool); get && op.Operation != nil && op.Operation.Operation != ast.Query {
		return refuse(codeMethodNotAllowed, "only queries may be sent with GET; send mutations with POST")
	}
	return nil
}

// execute runs one operation, answering a request error with the status its
// code calls for and no data entry.
func execute(w http.ResponseWriter, ctx context.Context, exec graphql.GraphExecutor, params *graphql.RawParams, media string, g *gate, guard *readGuard) {
	if params.Query == "" && params.Extensions["persistedQuery"] == nil {
		writeError(w, media, http.StatusBadRequest, `the request has no query: send {"query": "{ ... }"}, or a persisted query's hash in extensions`)
		return
	}
	rc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs)
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		switch requestErrorCode(resp.Errors) {
		case CodeUnauthenticated:
			w.Header().Set("WWW-Authenticate", `Bearer realm="geokg"`)
			status = http.StatusUnauthorized
		case CodeForbidden:
			status = http.StatusForbidden
		case codeMethodNotAllowed:
			w.Header().Set("Allow", "POST")
			status = http.StatusMethodNotAllowed
		}
		writeJSON(w, media, status, requestError{Errors: resp.Errors, Extensions: resp.Extensions})
		return
	}
	release, ok := g.admit(ctx, rc)
	if !ok {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, media, http.StatusTooManyRequests, requestError{Errors: gqlerror.List{refuse(CodeBusy,
			"the server is busy with other expensive operations (path, neighborhood, stats, ingestArticle); retry in a second")}})
		return
	}
	ctx, release = withSlot(ctx, release)
	defer release()
	resp, ctx := dispatchConsistent(ctx, exec, rc, guard)
	if resp == nil {
		// gqlgen gives no response at all when the request's time ran out
		// before execution began.
		msg := "request canceled"
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			msg = "request timed out"
		}
		writeJSON(w, media, http.StatusServiceUnavailable, requestError{Errors: gqlerror.List{refuse(CodeTimeout, msg)}})
		return
	}
	writeResponse(w, media, resp)
}

// writeResponse writes an operation's response as json.Marshal would.
// gqlgen hands the data over encoded, and json.Marshal would scan and copy
// it once more to compact it; a response of data alone, the usual one, is
// written around it instead, escaped as json.Marshal escapes.
func writeResponse(w http.ResponseWriter, media string, resp *graphql.Response) {
	if len(resp.Data) == 0 || len(resp.Errors) > 0 || resp.Label != "" || len(resp.Path) > 0 || resp.HasNext != nil || len(resp.Extensions) > 0 {
		writeJSON(w, media, http.StatusOK, resp)
		return
	}
	var b bytes.Buffer
	b.Grow(len(`{"data":}`) + len(resp.Data))
	b.WriteString(`{"data":`)
	json.HTMLEscape(&b, resp.Data)
	b.WriteByte('}')
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b.Bytes())
}

// requestError is a response to a request refused before execution: by the
// GraphQL spec it has no data entry at all.
type requestError struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// requestErrorCode is the first extensions.code among errs.
func requestErrorCode(errs gqlerror.List) string {
	for _, e := range errs {
		if code, ok := e.Extensions["code"].(string); ok {
			return code
		}
	}
	return ""
}

// responseMedia picks the response media type from Accept, in the
// client's order: graphql-response+json when asked for, application/json
// for application/json, application/*, */* or no Accept at all. An Accept
// naming neither is disregarded, as the spec allows, for application/json.
func responseMedia(r *http.Request) string {
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			return mediaJSON
		}
	}
	return mediaJSON
}

// decodeParams reads a GraphQL request body, refusing parameters of the
// wrong JSON type rather than silently ignoring them.
func decodeParams(body []byte, params *graphql.RawParams) error {
	var raw map[string]json.RawMessage
	if err := decodeJSON(body, &raw); err != nil {
		return errors.New("malformed JSON")
	}
	if raw == nil {
		return errors.New("want a JSON object")
	}
	for _, field := range []struct {
		name string
		dst  any
	}{
		{"query", &params.Query},
		{"operationName", &params.OperationName},
		{"variables", &params.Variables},
		{"extensions", &params.Extensions},
	} {
		v, ok := raw[field.name]
		if !ok || string(v) == "null" {
			continue
		}
		if err := decodeJSON(v, field.dst); err != nil {
			return errors.New(field.name + " has the wrong type")
		}
	}
	return nil
}

func decodeJSON(b []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(dst); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

func writeError(w http.ResponseWriter, media string, status int, msg string) {
	writeJSON(w, media, status, requestError{Errors: gqlerror.List{{Message: msg}}})
}

func writeJSON(w http.ResponseWriter, media string, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only a resolver bug produces unmarshalable data; say so plainly.
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"internal error: the response could not be encoded"}]}`)
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// invalidText returns the offset of the first byte of b that is not UTF-8
// text, counting a JSON escape of a lone surrogate (\ud800) as not text,
// or -1 when all is text. encoding/json would turn both into U+FFFD, and an
// article ingested through the API would then differ, silently, from the
// same file loaded from disk, which the loader refuses.
func invalidText(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == '\\' && i+1 < len(b) {
				if b[i+1] == 'u' {
					if n, ok := surrogateEscape(b[i:]); !ok {
						return i
					} else if n > 0 {
						i += n
						continue
					}
				}
				i += 2 // an escaped backslash does not start an escape
				continue
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// surrogateEscape reads a \uXXXX escape at the start of b. For a high
// surrogate followed by a low one it returns the pair's length; for any
// other surrogate, ok is false; for a non-surrogate escape, n is 0.
func surrogateEscape(b []byte) (n int, ok bool) {
	u, valid := hex4(b[2:])
	if !valid || u < 0xD800 || u > 0xDFFF {
		return 0, true
	}
	if u >= 0xDC00 || len(b) < 12 || b[6] != '\\' || b[7] != 'u' {
		return 0, false
	}
	if low, valid := hex4(b[8:]); !valid || low < 0xDC00 || low > 0xDFFF {
		return 0, false
	}
	return 12, true
}

// hex4 parses four hex digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
