package opensdg

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"kpisite/generator/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var published = time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)

// TestImportGolden imports the fixture repository (made-up figures in
// Open SDG's shape) and compares every file written with testdata/golden.
func TestImportGolden(t *testing.T) {
	files, ps := Import(os.DirFS("testdata/repo"), Options{Published: published})
	if ps.HasErrors() {
		t.Fatalf("errors:\n%s", ps)
	}
	wantWarnings := []string{
		`data/TEST.csv: warning: file is not imported; expected data files named indicator_<id>.csv`,
		`data/indicator_11-6-2.csv: warning: no metadata file (looked for meta/11-6-2.md, meta/indicator_11-6-2.md, meta/11-6-2.yml, meta/indicator_11-6-2.yml); the title is "Indicator 11.6.2": expected to set title, definition and source by hand`,
		`data/indicator_11-6-2.csv: warning: "11-6-2" has no Units column and no computation_units; written as unit = "count": expected you to set its unit`,
		`data/indicator_3-4-2.csv:1:29: warning: column "GeoCode" is not imported: kpisite draws no maps; the area names stay as a breakdown`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	sort.Strings(got)
	sort.Strings(wantWarnings)
	if strings.Join(got, "\n") != strings.Join(wantWarnings, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}
	const golden = "testdata/golden"
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for p, b := range files {
			full := filepath.Join(golden, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	seen := map[string]bool{}
	err := fs.WalkDir(os.DirFS(golden), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		seen[p] = true
		want, err := os.ReadFile(filepath.Join(golden, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		if string(files[p]) != string(want) {
			t.Errorf("%s:\n%s\nwant (golden):\n%s", p, files[p], want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range files {
		if !seen[p] {
			t.Errorf("%s is written but has no golden file (run go test -update)", p)
		}
	}
}

// TestImportErrors: what cannot be mapped is an error positioned in the
// Open SDG file, and nothing is written.
func TestImportErrors(t *testing.T) {
	files, ps := Import(os.DirFS("testdata/bad"), Options{Published: published})
	if files != nil {
		t.Errorf("files written despite errors: %d", len(files))
	}
	want := []string{
		`data/indicator_3-4-2.csv:1:28: column "Area" would be the breakdown "area", a column name kpisite keeps for itself; expected another name, such as "Area group" (rename the column)`,
	}
	checkErrors(t, ps, want)

	// With the header fixed, every row error is reported.
	src, err := os.ReadFile("testdata/bad/data/indicator_3-4-2.csv")
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(src), "Area", "Ward", 1)
	var ps2 model.Problems
	readFile("data/indicator_3-4-2.csv", "3-4-2", []byte(fixed), &ps2)
	checkErrors(t, ps2, []string{
		`data/indicator_3-4-2.csv:4:1: column "Year": "2020/21" is not a calendar year; kpisite imports whole years such as 2015 (set the frequency of other periods by hand after importing)`,
		`data/indicator_3-4-2.csv:5:6: column "Units" has two units in one series ("Percentage" here, "Number" at line 2); kpisite needs one unit per indicator; split the file by unit, or give each unit its own Series`,
		`data/indicator_3-4-2.csv:6:13: column "Unit multiplier": "Thousands"; kpisite reads figures as written, so expected Units (write 1.2 thousand as 1200)`,
		`data/indicator_3-4-2.csv:7: repeated figure for 2020, first at line 3; expected one figure per year, series and disaggregation`,
		`data/indicator_3-4-2.csv:8:20: column "Value": "1x" is not a number; expected a number such as 1234, 1,234 or 65%`,
	})

	var ps3 model.Problems
	parseMeta("meta/3-4-2.md", []byte("---\nindicator_name: [a, list]\nsdg_goal: '3'\n---\n"), &ps3)
	parseMeta("meta/1-1-1.md", []byte("---\nindicator_name: \"unclosed\n---\n"), &ps3)
	checkErrors(t, ps3, []string{
		`meta/1-1-1.md:3: YAML: found unexpected end of stream; expected valid YAML metadata`,
		`meta/3-4-2.md:2:17: key "indicator_name" is not text; expected a single value such as indicator_name: ...`,
	})
}

func checkErrors(t *testing.T, ps model.Problems, want []string) {
	t.Helper()
	var got []string
	for _, p := range ps.Sort() {
		if p.Severity == model.Error {
			got = append(got, p.String())
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
