package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"kpisite/generator/scaffold"
	"kpisite/generator/suggest"
)

const newHelp = `Usage: kpisite new site DIR
       kpisite new indicator ID [-s SITE]

new site makes a folder DIR with a small site that builds: site.toml with
one committee and one service, one indicator whose fields are all
explained, a few quarters of example figures, a home page, an about page
and an accessibility statement to fill in. DIR must not exist, or be empty.

new indicator adds data/indicators/ID.toml, a definition skeleton with every
field explained, and content/commentary/PERIOD/ID.md, a draft commentary
stub for the site's current period. The skeleton passes "kpisite check" as
it is (its title says FILL IN), so "kpisite serve" shows the new page while
you fill it in. ID is the indicator's id: lower-case letters, digits and
hyphens. Existing files are never changed or overwritten.

Examples:
  kpisite new site council-kpis
  kpisite new indicator idva-referrals
  kpisite new indicator library-visits -s ../council-kpis

Options:
`

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", newHelp, stderr)
	siteDir := fs.String("s", ".", "site directory (new indicator)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return usageErr("new: expected \"site DIR\" or \"indicator ID\"")
	}
	kind, rest := pos[0], pos[1:]
	var what string
	switch kind {
	case "site":
		what = "DIR"
	case "indicator":
		what = "ID"
	default:
		hint := `expected "site DIR" or "indicator ID"`
		if c, ok := suggest.Closest(kind, []string{"site", "indicator"}); ok {
			hint = fmt.Sprintf("did you mean %q? %s", c, hint)
		}
		return usageErr("new: unknown kind %q; %s", kind, hint)
	}
	if len(rest) == 0 {
		return usageErr("new %s: missing %s; expected kpisite new %s %s", kind, what, kind, what)
	}
	if len(rest) > 1 {
		return usageErr("new %s: unexpected argument %q; expected only %s", kind, rest[1], what)
	}
	today, err := buildDate()
	if err != nil {
		return err
	}
	var written []string
	switch kind {
	case "site":
		if isSet(fs, "s") {
			return usageErr("new site: -s is for new indicator; expected kpisite new site DIR")
		}
		written, err = scaffold.Site(rest[0], today)
	case "indicator":
		if err := checkDir(*siteDir); err != nil {
			return err
		}
		written, err = scaffold.Indicator(*siteDir, rest[0], today)
	}
	for _, f := range written {
		fmt.Fprintln(stdout, "created", filepath.ToSlash(f))
	}
	if err != nil {
		if errors.Is(err, scaffold.ErrInvalidID) {
			return usageErr("new indicator: %v", err)
		}
		return &exitError{code: exitInput, msg: fmt.Sprintf("new %s: %v", kind, err)}
	}
	switch kind {
	case "site":
		fmt.Fprintf(stdout, "\nNext: cd %s && kpisite serve\n", rest[0])
	case "indicator":
		fmt.Fprintln(stdout, "\nNext: fill in the FILL IN values, and add its figures to a CSV file in data/values/.")
	}
	return nil
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments ("new indicator ID -s SITE") and returns the
// positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// isSet reports whether flag name was given.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
