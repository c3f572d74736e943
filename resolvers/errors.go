package resolvers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/geokg/geokg/graph"
)

// Error codes in extensions.code, as Apollo and most clients know them.
const (
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeNotFound     = "NOT_FOUND"
	CodeTimeout      = "TIMEOUT"
	CodeUnavailable  = "SERVICE_UNAVAILABLE"
	CodeInternal     = "INTERNAL_SERVER_ERROR"
)

// badInput reports a client mistake in the arguments; its message is shown
// as is, so it must say what was wrong and what is allowed.
func badInput(format string, args ...any) error {
	return &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": CodeBadUserInput},
	}
}

// notFound reports that what the client asked for does not exist, in words
// that do not depend on the store.
func notFound(format string, args ...any) error {
	return &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": CodeNotFound},
	}
}

// presentError maps resolver errors to what a client may see. Errors gqlgen
// builds itself (parse, validation, limits) and badInput pass through; store
// errors are classified by sentinel; anything else is logged and hidden,
// since it may carry driver or Cypher text.
func presentError(logger *slog.Logger, o Observer) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := presentErrorCode(ctx, logger, err)
		if o != nil {
			code, _ := out.Extensions["code"].(string)
			o.Error(code)
		}
		return out
	}
}

// presentErrorCode maps one error; see presentError.
func presentErrorCode(ctx context.Context, logger *slog.Logger, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if gqlErr.Err == nil {
		return gqlErr
	}
	cause := gqlErr.Err
	var code, msg string
	switch {
	case errors.Is(cause, graph.ErrNotFound):
		noteVanished(ctx, cause)
		code, msg = CodeNotFound, cause.Error()
	case errors.Is(cause, graph.ErrInvalid):
		code, msg = CodeBadUserInput, cause.Error()
	case errors.Is(cause, graph.ErrUnavailable):
		logger.WarnContext(ctx, "graphql resolver: store unavailable", "path", gqlErr.Path.String(), "err", cause)
		code, msg = CodeUnavailable, "the graph store is unavailable; try again later"
	case errors.Is(cause, context.DeadlineExceeded):
		code, msg = CodeTimeout, "request timed out"
	case errors.Is(cause, context.Canceled):
		code, msg = CodeTimeout, "request canceled"
	default:
		logger.ErrorContext(ctx, "graphql resolver failed", "path", gqlErr.Path.String(), "err", cause)
		code, msg = CodeInternal, "internal error"
	}
	out := *gqlErr
	out.Message = msg
	out.Err = nil
	out.Extensions = map[string]any{"code": code}
	return &out
}

// recoverPanic logs a resolver panic and answers with a generic error.
func recoverPanic(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "graphql resolver panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": CodeInternal}}
	}
}
