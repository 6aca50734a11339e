package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCheckWorkbook: a problem in a workbook is positioned by sheet and
// cell in every format of check, and sorted with the other problems.
func TestCheckWorkbook(t *testing.T) {
	site := mustSmallSite(t)
	breakValue(t, site)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Q3 returns"); err != nil {
		t.Fatal(err)
	}
	for ref, v := range map[string]any{"A1": "indicator", "B1": "period", "C1": "value", "A2": "library-visits", "B2": "2024/25 Q4", "C2": "4l3"} {
		if err := f.SetCellValue("Q3 returns", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(site, "data", "values", "returns.xlsx")); err != nil {
		t.Fatal(err)
	}

	code, stdout, _ := runCLI(t, "check", "-s", site)
	want := "data/values/returns.xlsx:Q3 returns!C2: column \"value\""
	var lines []string // errors only: the starter site's FILL IN placeholders warn
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !strings.Contains(l, ": warning: ") {
			lines = append(lines, l)
		}
	}
	if code != exitInput || len(lines) != 2 || !strings.HasPrefix(lines[0], "data/values/libraries.csv:8:") || !strings.HasPrefix(lines[1], want) {
		t.Errorf("text: exit %d\n%s", code, stdout)
	}

	code, stdout, _ = runCLI(t, "check", "-s", site, "--format", "github")
	if code != exitInput || !strings.Contains(stdout, "::error file=data/values/returns.xlsx::Q3 returns!C2: column \"value\"") {
		t.Errorf("github: exit %d\n%s", code, stdout)
	}

	code, stdout, _ = runCLI(t, "check", "-s", site, "--format", "json")
	var all, problems []map[string]any
	if err := json.Unmarshal([]byte(stdout), &all); err != nil || code != exitInput {
		t.Fatalf("json: exit %d, %v:\n%s", code, err, stdout)
	}
	for _, p := range all {
		if p["severity"] != "warning" {
			problems = append(problems, p)
		}
	}
	if len(problems) != 2 {
		t.Fatalf("json: %v", problems)
	}
	p := problems[1]
	if p["file"] != "data/values/returns.xlsx" || p["sheet"] != "Q3 returns" || p["cell"] != "C2" || p["line"] != 2.0 || p["column"] != 3.0 {
		t.Errorf("json: %v", p)
	}
	if _, ok := problems[0]["sheet"]; ok {
		t.Errorf("json: a CSV problem has a sheet: %v", problems[0])
	}
}

// TestBuildWorkbookSameAsCSV builds a site from its CSV file, and again
// with the same figures typed into a workbook instead (numbers as
// numbers), and wants byte-identical sites.
func TestBuildWorkbookSameAsCSV(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1730419200")
	fromCSV := mustSmallSite(t)
	fromBook := mustSmallSite(t)
	csvPath := filepath.Join(fromBook, "data", "values", "libraries.csv")
	src, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(src)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	for r, rec := range recs {
		for c, cell := range rec {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var v any = cell
			if n, err := strconv.ParseFloat(strings.ReplaceAll(cell, ",", ""), 64); err == nil && r > 0 {
				v = n
			}
			if cell == "" {
				continue
			}
			if err := f.SetCellValue("Sheet1", ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(filepath.Join(fromBook, "data", "values", "libraries.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(csvPath); err != nil {
		t.Fatal(err)
	}
	outCSV, outBook := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, b := range []struct{ site, out string }{{fromCSV, outCSV}, {fromBook, outBook}} {
		if code, stdout, stderr := runCLI(t, "build", "-s", b.site, "-o", b.out); code != exitOK {
			t.Fatalf("build %s: exit %d\n%s\n%s", b.site, code, stdout, stderr)
		}
	}
	n := 0
	err = filepath.WalkDir(outCSV, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(outCSV, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(outBook, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the CSV site and the workbook site", rel)
		}
		n++
		return nil
	})
	if err != nil || n < 10 {
		t.Fatalf("compared %d files: %v", n, err)
	}
}
