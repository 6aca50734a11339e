package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
	"kpisite/generator/site"
	"kpisite/generator/suggest"
)

const checkHelp = `Usage: kpisite check [-s SITE] [--format text|github|json] [--strict]

Validates every input of the site and writes nothing. Lists every problem at
once, sorted, as path:line[:column]: what is wrong; what was expected.
Exit status 1 when there is any error (or any warning with --strict).

Formats:
  text     one problem a line (default)
  github   GitHub Actions workflow commands: annotations on pull requests
  json     a JSON list of {file, line, column, severity, message}; in a
           workbook also sheet and cell (line and column are then the
           row and column numbers)

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
		hint := "expected text, github or json"
		if c, ok := suggest.Closest(*formatName, []string{"text", "github", "json"}); ok {
			hint = fmt.Sprintf("did you mean %q? %s", c, hint)
		}
		return usageErr("check: --format %q; %s", *formatName, hint)
	}
	if err := checkDir(*siteDir); err != nil {
		return err
	}
	fsys, err := openSite(*siteDir)
	if err != nil {
		return err
	}
	defer fsys.Close()
	today, err := buildDate()
	if err != nil {
		return err
	}
	c, err := site.Check(fsys, site.Options{Strict: *strict, BuildDate: today})
	if werr := write(stdout, c.Problems.Capped(maxPerFile)); werr != nil {
		return werr
	}
	e, w := c.Problems.Count()
	if err != nil {
		if errors.Is(err, site.ErrInvalid) {
			return &exitError{code: exitInput, msg: fmt.Sprintf("check failed: %s, %s", format.Count(e, "error", "errors"), format.Count(w, "warning", "warnings"))}
		}
		return err
	}
	if *formatName == "text" {
		fmt.Fprintf(stderr, "check passed: %s, %s, %s\n", format.Count(len(c.Input.Indicators), "indicator", "indicators"), format.Count(len(c.Input.Observations), "observation", "observations"), format.Count(w, "warning", "warnings"))
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
		msg := p.Message
		switch {
		case p.Pos.Sheet != "":
			// A workbook has no lines to annotate: name the sheet and cell.
			where := p.Pos.Sheet
			if c := p.Pos.Cell(); c != "" {
				where += "!" + c
			}
			msg = where + ": " + msg
		default:
			if p.Pos.Line > 0 {
				props += fmt.Sprintf(",line=%d", p.Pos.Line)
			}
			if p.Pos.Column > 0 {
				props += fmt.Sprintf(",col=%d", p.Pos.Column)
			}
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", p.Severity, props, escapeData(msg)); err != nil {
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

// jsonProblem is one problem of --format json. In a workbook, line and
// column are the row and column numbers, and sheet and cell name them as
// Excel does ("Q1 returns", "C7").
type jsonProblem struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, ps model.Problems) error {
	out := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		jp := jsonProblem{File: p.Pos.Path, Line: p.Pos.Line, Column: p.Pos.Column, Severity: p.Severity.String(), Message: p.Message}
		if p.Pos.Sheet != "" {
			jp.Sheet, jp.Cell = p.Pos.Sheet, p.Pos.Cell()
		}
		out = append(out, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
