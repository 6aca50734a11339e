package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"kpisite/generator/suggest"
)

// Flags are written as the usage lines write them: a one-letter flag with
// one hyphen (-s SITE), a longer one with two (--base-url URL). Go's flag
// package accepts either form of each.

// flagName is how help and messages write flag name.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// valueNames are the placeholders help shows for flags' values, as in the
// usage lines; a flag not listed shows its name in capitals.
var valueNames = map[string]string{"s": "SITE", "o": "OUT", "base-url": "URL", "addr": "HOST:PORT", "format": "text|github|json", "previous": "FILE"}

// newFlags makes a flag set that reports usage errors instead of exiting,
// and whose help lists the flags the way the usage lines write them.
func newFlags(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors in our words
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		printFlags(stderr, fs)
	}
	return fs
}

// printFlags lists every flag of fs, in alphabetical order, as
//
//	-s SITE              site directory (default ".")
//	--strict             fail on warnings too
func printFlags(w io.Writer, fs *flag.FlagSet) {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		left := flagName(f.Name)
		if !isBool(f) {
			v, ok := valueNames[f.Name]
			if !ok {
				v = strings.ToUpper(f.Name)
			}
			left += " " + v
		}
		right := f.Usage
		if f.DefValue != "" && !(isBool(f) && f.DefValue == "false") {
			right += fmt.Sprintf(" (default %q)", f.DefValue)
		}
		rows = append(rows, row{left, right})
		width = max(width, len(left))
	})
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.left, r.right)
	}
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parse parses flags and rejects stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return flagError(fs, err)
	}
	if fs.NArg() > 0 {
		return usageErr("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

// flagError turns an error of fs.Parse into an exit status and a message
// in our words: help asked for is exit status 0; an unknown flag says
// which flag was meant when one is near.
func flagError(fs *flag.FlagSet, err error) error {
	// fs.Parse has printed the usage already.
	if errors.Is(err, flag.ErrHelp) {
		return &exitError{code: exitOK}
	}
	msg := err.Error()
	if given, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return usageErr("%s: unknown flag %s; %s", fs.Name(), flagName(given), flagHint(fs, given))
	}
	if given, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return usageErr("%s: flag %s needs a value; expected %s %s", fs.Name(), flagName(given), flagName(given), valueOf(given))
	}
	// "invalid value … for flag -x: …", "invalid boolean value … for -x: …"
	fs.VisitAll(func(f *flag.Flag) {
		msg = strings.Replace(msg, "flag -"+f.Name+":", "flag "+flagName(f.Name)+":", 1)
		msg = strings.Replace(msg, "for -"+f.Name+":", "for "+flagName(f.Name)+":", 1)
	})
	return usageErr("%s: %s", fs.Name(), msg)
}

func valueOf(name string) string {
	if v, ok := valueNames[name]; ok {
		return v
	}
	return strings.ToUpper(name)
}

// flagHint is "did you mean -o?" for a mistyped flag, or the list of the
// command's flags.
func flagHint(fs *flag.FlagSet, given string) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	given = strings.TrimLeft(given, "-")
	if name, ok := suggest.Closest(given, names); ok {
		return "did you mean " + flagName(name) + "?"
	}
	// --site for -s, --out or --output for -o.
	for _, name := range names {
		if len(name) == 1 && len(given) > 1 && strings.HasPrefix(strings.ToLower(given), name) {
			return "did you mean " + flagName(name) + "?"
		}
	}
	shown := make([]string, len(names))
	for i, n := range names {
		shown[i] = flagName(n)
	}
	sort.Strings(shown)
	return "expected one of " + strings.Join(shown, ", ")
}
