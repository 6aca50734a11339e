// Command kpisite builds a council's key performance indicators into a
// static, accessible website. See "kpisite help".
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// Ctrl-C (and a process manager's SIGTERM) cancels ctx: a build stops
	// before writing, and serve shuts down cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopProfile := startProfile(os.Stderr)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(exitCode(err))
}
