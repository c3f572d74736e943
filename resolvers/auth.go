package resolvers

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Codes of refused mutations.
const (
	CodeUnauthenticated = "UNAUTHENTICATED" // no or wrong bearer token
	CodeForbidden       = "FORBIDDEN"       // mutations are off: no token configured
)

// mutationAuth refuses mutations, before any of them runs, unless the
// request carries `Authorization: Bearer <token>` with the server's token.
// With no token configured every mutation is refused. Tokens are compared
// as SHA-256 sums in constant time, so neither their content nor their
// length leaks through timing.
type mutationAuth struct {
	want []byte // SHA-256 of the token; nil when mutations are off
}

func newMutationAuth(token string) mutationAuth {
	if token == "" {
		return mutationAuth{}
	}
	sum := sha256.Sum256([]byte(token))
	return mutationAuth{want: sum[:]}
}

var _ interface {
	graphql.OperationContextMutator
	graphql.HandlerExtension
} = mutationAuth{}

func (mutationAuth) ExtensionName() string                   { return "MutationAuth" }
func (mutationAuth) Validate(graphql.ExecutableSchema) error { return nil }
func (a mutationAuth) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if op.Operation == nil || op.Operation.Operation != ast.Mutation {
		return nil
	}
	if a.want == nil {
		return refuse(CodeForbidden, "mutations are disabled on this server: start it with GEOKG_API_TOKEN set to a secret, "+
			"then send that secret in an `Authorization: Bearer <token>` header")
	}
	scheme, token, _ := strings.Cut(strings.TrimSpace(op.Headers.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return refuse(CodeUnauthenticated, "mutations need an `Authorization: Bearer <token>` header carrying the server's GEOKG_API_TOKEN")
	}
	got := sha256.Sum256([]byte(token))
	if subtle.ConstantTimeCompare(got[:], a.want) != 1 {
		return refuse(CodeUnauthenticated, "the bearer token is not this server's GEOKG_API_TOKEN")
	}
	return nil
}

func refuse(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}
