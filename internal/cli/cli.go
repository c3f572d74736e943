// Package cli holds what geokg's commands share and main need not spell
// out: usage errors and exit codes, flag sets that report instead of
// exiting, the logger the environment asks for, and the build version.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
)

// UsageError is a mistake in how a command was invoked; it exits with
// status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef returns a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// ExitCode is 2 for usage mistakes, as flag does, and 1 for everything
// else.
func ExitCode(err error) int {
	if _, ok := errors.AsType[*UsageError](err); ok {
		return 2
	}
	return 1
}

// NewFlagSet returns a flag set that reports errors instead of exiting and
// prints its help on w.
func NewFlagSet(prog, name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: %s %s\n", prog, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// Parse parses args, turning flag errors into usage errors; -h asks for
// help, which is not a failure.
func Parse(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, Usagef("%s: %v", fs.Name(), err)
	}
	return false, nil
}

// StringList is a repeatable string flag.
type StringList []string

func (l *StringList) String() string     { return fmt.Sprint([]string(*l)) }
func (l *StringList) Set(s string) error { *l = append(*l, s); return nil }

// NewLogger builds the one logger a process writes through, as
// GEOKG_LOG_LEVEL and GEOKG_LOG_FORMAT ask.
func NewLogger(getenv func(string) string, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if s := getenv("GEOKG_LOG_LEVEL"); s != "" {
		if err := level.UnmarshalText([]byte(s)); err != nil {
			return nil, Usagef("GEOKG_LOG_LEVEL=%q: want debug, info, warn or error", s)
		}
	}
	opts := &slog.HandlerOptions{Level: level}
	switch f := getenv("GEOKG_LOG_FORMAT"); f {
	case "", "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, Usagef("GEOKG_LOG_FORMAT=%q: want text or json", f)
	}
}

// Version is the -ldflags version when one was set, else the module
// version and VCS revision the binary was built from.
func Version(ldflags string) string {
	if ldflags != "" {
		return ldflags
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
