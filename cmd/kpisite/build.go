package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"kpisite/generator/publish"
	"kpisite/generator/site"
)

const buildHelp = `Usage: kpisite build [-s SITE] [-o OUT] [--base-url URL] [--strict]

Validates the site in SITE and, when there are no errors, builds it into OUT.
On any error nothing is written and the previous OUT stays as it was.

Examples:
  kpisite build                              build ./ into ./public
  kpisite build -s ../council-kpis -o /tmp/site
  kpisite build --base-url https://example.gov.uk/kpis/

Options:
`

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", buildHelp, stderr)
	siteDir := fs.String("s", ".", "site directory")
	out := fs.String("o", "", "output directory (default SITE/public)")
	baseURL := fs.String("base-url", "", "override site.toml base_url")
	strict := fs.Bool("strict", false, "fail on warnings too")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(*siteDir, "public")
	}
	if err := checkDir(*siteDir); err != nil {
		return err
	}
	today, err := buildDate()
	if err != nil {
		return err
	}
	start := time.Now()
	files, c, err := site.Build(os.DirFS(*siteDir), site.Options{BaseURL: *baseURL, BuildDate: today, Version: version(), Strict: *strict})
	if c != nil {
		for _, p := range c.Problems.Capped(maxPerFile) {
			fmt.Fprintln(stderr, problemLine(p))
		}
	}
	if err != nil {
		if errors.Is(err, site.ErrInvalid) {
			e, w := c.Problems.Count()
			return &exitError{code: exitInput, msg: fmt.Sprintf("build failed: %d errors, %d warnings; nothing was written", e, w)}
		}
		return &exitError{code: exitInput, msg: fmt.Sprintf("build failed: %v; nothing was written", err)}
	}
	if err := ctx.Err(); err != nil {
		return &exitError{code: exitInput, msg: "build interrupted; nothing was written"}
	}
	if err := publish.Write(*out, files); err != nil {
		return &exitError{code: exitInput, msg: err.Error()}
	}
	pages, charts := 0, 0
	for p := range files {
		switch filepath.Ext(p) {
		case ".html":
			pages++
		case ".svg":
			if filepath.Base(p) == "chart.svg" {
				charts++
			}
		}
	}
	fmt.Fprintf(stdout, "built %d pages and %d charts in %d ms into %s\n", pages, charts, time.Since(start).Milliseconds(), *out)
	return nil
}

// checkDir reports a missing site directory as a usage error.
func checkDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return usageErr("site directory %s: %v", dir, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return usageErr("site directory %s is not a directory", dir)
	}
	return nil
}
