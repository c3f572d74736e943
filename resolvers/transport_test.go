package resolvers

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestWriteResponse: a response is written byte for byte as json.Marshal
// writes it, whether it is data alone (written around the encoded data) or
// carries more.
func TestWriteResponse(t *testing.T) {
	yes := true
	for _, tc := range []struct {
		name string
		resp graphql.Response
	}{
		{"data", graphql.Response{Data: json.RawMessage(`{"entity":{"id":"person:a","name":"A"}}`)}},
		{"html and line separators escaped", graphql.Response{Data: json.RawMessage("{\"t\":\"<b>&amp;</b> \u2028 \u2029 \\u003c\"}")}},
		{"invalid UTF-8 kept", graphql.Response{Data: json.RawMessage("{\"t\":\"\xff\"}")}},
		{"null data", graphql.Response{}},
		{"errors", graphql.Response{Data: json.RawMessage(`{"entity":null}`), Errors: gqlerror.List{{Message: "gone <now>", Path: ast.Path{ast.PathName("entity")}}}}},
		{"extensions", graphql.Response{Data: json.RawMessage(`{}`), Extensions: map[string]any{"cost": 3}}},
		{"incremental", graphql.Response{Data: json.RawMessage(`{}`), Label: "l", Path: ast.Path{ast.PathIndex(1)}, HasNext: &yes}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := json.Marshal(&tc.resp)
			if err != nil {
				t.Fatalf("json.Marshal: %v", err)
			}
			w := httptest.NewRecorder()
			writeResponse(w, mediaJSON, &tc.resp)
			if got := w.Body.String(); got != string(want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
			if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
				t.Errorf("got %d %q, want 200 application/json", w.Code, w.Header().Get("Content-Type"))
			}
		})
	}
}
