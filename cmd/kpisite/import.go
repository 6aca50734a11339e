package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"kpisite/generator/importer/opensdg"
)

const importHelp = `Usage: kpisite import opensdg DIR -o SITE

import opensdg turns an Open SDG data repository DIR (data/indicator_*.csv
in its tidy shape, with its meta/ files) into a new kpisite site in SITE:
site.toml, data/indicators/*.toml and data/values/*.csv. Each indicator is
annual in calendar years; disaggregation columns become breakdowns; Units
becomes unit and unit_label; each Series becomes an indicator of its own.
Polarity is not in Open SDG's data: every indicator is written "neutral"
for you to set.

What cannot be mapped is listed as DIR's file:line:column: what is wrong;
what was expected, and then nothing is written. SITE must not exist, or be
an empty folder: an import never writes over a site. See docs/import.md.

Examples:
  kpisite import opensdg ../sdg-data -o sdg-site
  kpisite import opensdg ../sdg-data -o sdg-site && kpisite check -s sdg-site

Options:
`

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", importHelp, stderr)
	out := fs.String("o", "", "the new site's folder (required)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		fs.Usage()
		return usageErr("import: expected \"opensdg DIR -o SITE\"")
	case pos[0] != "opensdg":
		return usageErr("import: unknown source %q; expected opensdg", pos[0])
	case len(pos) == 1:
		return usageErr("import opensdg: missing DIR; expected kpisite import opensdg DIR -o SITE")
	case len(pos) > 2:
		return usageErr("import opensdg: unexpected argument %q; expected only DIR", pos[2])
	case *out == "":
		return usageErr("import opensdg: missing -o SITE; expected kpisite import opensdg DIR -o SITE")
	}
	dir := pos[1]
	if err := checkDir(dir); err != nil {
		return err
	}
	today, err := buildDate()
	if err != nil {
		return err
	}
	files, problems := opensdg.Import(os.DirFS(dir), opensdg.Options{Published: today})
	for _, p := range problems {
		fmt.Fprintln(stdout, filepath.ToSlash(filepath.Join(dir, p.Pos.Path))+p.String()[len(p.Pos.Path):])
	}
	if problems.HasErrors() {
		e, _ := problems.Count()
		return &exitError{code: exitInput, msg: fmt.Sprintf("import failed: %d errors; nothing was written", e)}
	}
	written, err := opensdg.WriteSite(*out, files)
	for _, f := range written {
		fmt.Fprintln(stdout, "created", filepath.ToSlash(f))
	}
	if err != nil {
		return &exitError{code: exitInput, msg: fmt.Sprintf("import opensdg: %v", err)}
	}
	fmt.Fprintf(stdout, "\nNext: set each indicator's polarity and target, fill in site.toml, then: kpisite check -s %s\n", *out)
	return nil
}
