package resolvers

import (
	"net/http"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Codes of the errors HTTP middleware answers before a request reaches
// GraphQL.
const (
	CodeRequestTooLarge = "REQUEST_TOO_LARGE"
	CodeRateLimited     = "RATE_LIMITED"
)

// WriteError answers a request that middleware refuses before GraphQL sees
// it (too large, too many) with a GraphQL error response, so clients read
// one error shape whoever refused them.
func WriteError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, mediaJSON, status, requestError{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}}})
}
