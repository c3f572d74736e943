// Command geokg builds a knowledge graph of geopolitical actors from news
// articles and serves it over GraphQL. See `geokg help`.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/geokg/geokg/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "geokg:", err)
		code := cli.ExitCode(err)
		if code == 2 {
			fmt.Fprintln(os.Stderr, "Run 'geokg help' for usage.")
		}
		os.Exit(code)
	}
}
