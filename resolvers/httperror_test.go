package resolvers

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestWriteError(t *testing.T) {
	w := httptest.NewRecorder()
	WriteError(w, http.StatusTooManyRequests, CodeRateLimited, `slow down; "quoted"`)
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("got %d %q, want 429 application/json", w.Code, w.Header().Get("Content-Type"))
	}
	var body struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("body %q is not JSON: %v", w.Body, err)
	}
	if len(body.Errors) != 1 || body.Errors[0].Message != `slow down; "quoted"` || body.Errors[0].Extensions.Code != CodeRateLimited {
		t.Errorf("got %+v, want one RATE_LIMITED error with the message", body.Errors)
	}
}
