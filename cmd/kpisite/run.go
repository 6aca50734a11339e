package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"kpisite/generator/suggest"
)

// Exit statuses (SPEC 6).
const (
	exitOK    = 0
	exitInput = 1 // input errors, or a failed build
	exitUsage = 2
)

// exitError carries an exit status. Its message has already been printed
// when msg is empty.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

// exitCode maps run's error to a process exit status.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var e *exitError
	if errors.As(err, &e) {
		if e.msg != "" {
			fmt.Fprintln(os.Stderr, "kpisite:", e.msg)
		}
		return e.code
	}
	fmt.Fprintln(os.Stderr, "kpisite:", err)
	return exitInput
}

const usage = `kpisite builds key performance indicators into a static, accessible website.

Usage:
  kpisite build  [-s SITE] [-o OUT] [--base-url URL] [--strict]   build the site
  kpisite check  [-s SITE] [--format text|github|json] [--strict] validate inputs only
  kpisite serve  [-s SITE] [--addr 127.0.0.1:8080]                preview, rebuilding on change
  kpisite new    site DIR | indicator ID [-s SITE]                start a site or an indicator
  kpisite import opensdg DIR -o SITE                              make a site from Open SDG data
  kpisite version                                                 print the version

Run "kpisite COMMAND -h" (or "kpisite help COMMAND") for a command's options
and examples.
Exit status: 0 success; 1 input errors or a failed build; 2 usage errors.
`

const versionHelp = `Usage: kpisite version

Prints the version of kpisite: the module version of an installed release,
or "dev" for a build from a checkout.

Example:
  kpisite version
`

// commands are the subcommands, by name.
var commands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"build":   runBuild,
	"check":   runCheck,
	"serve":   runServe,
	"new":     runNew,
	"import":  runImport,
	"version": runVersion,
}

// run is the whole CLI without os.Exit, so tests can drive it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return &exitError{code: exitUsage}
	}
	name, rest := args[0], args[1:]
	switch name {
	case "--version", "-version":
		name = "version"
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			fmt.Fprint(stdout, usage)
			return nil
		}
		if _, ok := commands[rest[0]]; !ok || len(rest) > 1 {
			fmt.Fprint(stderr, usage)
			return usageErr("help: unknown command %q; %s", strings.Join(rest, " "), commandHint(strings.Join(rest, " ")))
		}
		name, rest = rest[0], []string{"-h"}
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprint(stderr, usage)
		return usageErr("unknown command %q; %s", name, commandHint(name))
	}
	return cmd(ctx, rest, stdout, stderr)
}

// commandHint is "did you mean "build"?" for a mistyped command, else the
// list of commands.
func commandHint(name string) string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	if c, ok := suggest.Closest(strings.TrimLeft(name, "-"), append(names, "help")); ok {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return "expected " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", versionHelp, stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "kpisite", version())
	return nil
}

// version is the module version, or "dev" for a local build.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// buildDate is today, or SOURCE_DATE_EPOCH when set (reproducible builds).
func buildDate() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, usageErr("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}
