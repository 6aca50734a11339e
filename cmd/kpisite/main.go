// Command kpisite builds a council's key performance indicators into a
// static, accessible website. See "kpisite help".
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT is set:
// a site of a million rows or 100,000 indicators then checks within
// about 700 MB instead of about 900 MB, at the cost of more frequent
// garbage collection near the limit (never an out-of-memory error: the
// limit is soft).
const memoryLimit = 768 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// Ctrl-C (and a process manager's SIGTERM) cancels ctx: a build stops
	// before writing, and serve shuts down cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopProfile := startProfile(os.Stderr)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(exitCode(err))
}
