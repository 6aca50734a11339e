package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"kpisite/generator/model"
	"kpisite/generator/site"
)

const checkHelp = `Usage: kpisite check [-s SITE] [--format text|github|json] [--strict]

Validates every input of the site and writes nothing. Lists every problem at
once, sorted, as path:line[:column]: what is wrong; what was expected.
Exit status 1 when there is any error (or any warning with --strict).

Formats:
  text     one problem a line (default)
  github   GitHub Actions workflow commands: annotations on pull requests
  json     a JSON list of {file, line, column, severity, message}

Examples:
  kpisite check
  kpisite check -s ../council-kpis --format github

Options:
`

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", checkHelp, stderr)
	siteDir := fs.String("s", ".", "site directory")
	formatName := fs.String("format", "text", "output format: text, github or json")
	strict := fs.Bool("strict", false, "fail on warnings too")
	if err := parse(fs, args); err != nil {
		return err
	}
	var write func(io.Writer, model.Problems) error
	switch *formatName {
	case "text":
		write = writeText
	case "github":
		write = writeGitHub
	case "json":
		write = writeJSON
	default:
		return usageErr("check: --format %q; expected text, github or json", *formatName)
	}
	if err := checkDir(*siteDir); err != nil {
		return err
	}
	today, err := buildDate()
	if err != nil {
		return err
	}
	c, err := site.Check(os.DirFS(*siteDir), site.Options{Strict: *strict, BuildDate: today})
	if werr := write(stdout, c.Problems.Capped(maxPerFile)); werr != nil {
		return werr
	}
	e, w := c.Problems.Count()
	if err != nil {
		if errors.Is(err, site.ErrInvalid) {
			return &exitError{code: exitInput, msg: fmt.Sprintf("check failed: %d errors, %d warnings", e, w)}
		}
		return err
	}
	if *formatName == "text" {
		fmt.Fprintf(stderr, "check passed: %d indicators, %d observations, %d warnings\n", len(c.Input.Indicators), len(c.Input.Observations), w)
	}
	return nil
}

func writeText(w io.Writer, ps model.Problems) error {
	for _, p := range ps {
		if _, err := fmt.Fprintln(w, problemLine(p)); err != nil {
			return err
		}
	}
	return nil
}

// writeGitHub prints workflow commands; GitHub turns them into annotations.
func writeGitHub(w io.Writer, ps model.Problems) error {
	for _, p := range ps {
		props := "file=" + escapeProperty(p.Pos.Path)
		if p.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", p.Pos.Line)
		}
		if p.Pos.Column > 0 {
			props += fmt.Sprintf(",col=%d", p.Pos.Column)
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", p.Severity, props, escapeData(p.Message)); err != nil {
			return err
		}
	}
	return nil
}

// escapeData escapes a workflow command's message as GitHub's toolkit
// does (%, CR and LF), after writing other control characters as Go
// escapes (see safeText).
func escapeData(s string) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
	return escapeControls(s) // the message follows "::", so it cannot start a command
}

// escapeProperty escapes a workflow command's property value (a file
// name) as GitHub's toolkit does: %, CR, LF, ':' and ','.
func escapeProperty(s string) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
	return escapeControls(s)
}

type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, ps model.Problems) error {
	out := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, jsonProblem{File: p.Pos.Path, Line: p.Pos.Line, Column: p.Pos.Column, Severity: p.Severity.String(), Message: p.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
