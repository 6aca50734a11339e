package main

import (
	"encoding/json"
	"path/filepath"
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
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != exitInput || len(lines) != 2 || !strings.HasPrefix(lines[0], "data/values/libraries.csv:8:") || !strings.HasPrefix(lines[1], want) {
		t.Errorf("text: exit %d\n%s", code, stdout)
	}

	code, stdout, _ = runCLI(t, "check", "-s", site, "--format", "github")
	if code != exitInput || !strings.Contains(stdout, "::error file=data/values/returns.xlsx::Q3 returns!C2: column \"value\"") {
		t.Errorf("github: exit %d\n%s", code, stdout)
	}

	code, stdout, _ = runCLI(t, "check", "-s", site, "--format", "json")
	var problems []map[string]any
	if err := json.Unmarshal([]byte(stdout), &problems); err != nil || code != exitInput {
		t.Fatalf("json: exit %d, %v:\n%s", code, err, stdout)
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
