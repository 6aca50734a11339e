package chart

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kpisite/generator/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// site is the options the example site uses.
var site = Options{FYStart: 4, AmberTolerance: 0.05, IDPrefix: "chart-1"}

// goldenCases are the charts kept as files under testdata/.
func goldenCases() []struct {
	name string
	out  []byte
} {
	solo := site
	solo.Standalone = true
	untitled := solo
	untitled.Untitled = true
	return []struct {
		name string
		out  []byte
	}{
		{"count-fixed-target-gap", SVG(typicalCount(), site)},
		{"percent-varying-target", SVG(percentVarying(), site)},
		{"ytd", SVG(ytdSeries(), site)},
		{"no-data", SVG(noDataSeries(), site)},
		{"one-point", SVG(onePoint(), site)},
		{"standalone", SVG(typicalCount(), solo)},
		{"standalone-untitled", SVG(typicalCount(), untitled)},
		{"sparkline", Sparkline(typicalCount(), site)},
	}
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join("testdata", c.name+".svg")
			if *update {
				if err := os.WriteFile(path, c.out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(c.out, want) {
				t.Errorf("%s differs from the golden file:\n%s", path, firstDiff(string(c.out), string(want)))
			}
		})
	}
}

// TestUntitled: a report's chart file draws no title of its own (the
// report's caption names it) but keeps its <title> for assistive
// technology; the standalone chart.svg draws it.
func TestUntitled(t *testing.T) {
	solo := site
	solo.Standalone = true
	untitled := solo
	untitled.Untitled = true
	for _, c := range []struct {
		name         string
		titled, bare []byte
	}{
		{"indicator", SVG(typicalCount(), solo), SVG(typicalCount(), untitled)},
		{"lines", Lines(typicalCount().Indicator, "Lines", []Line{{Label: "A", Points: typicalCount().Points}}, Extent{}, solo),
			Lines(typicalCount().Indicator, "Lines", []Line{{Label: "A", Points: typicalCount().Points}}, Extent{}, untitled)},
	} {
		if !bytes.Contains(c.titled, []byte("kpi-chart-title")) {
			t.Errorf("%s: the standalone chart draws no title", c.name)
		}
		if bytes.Contains(c.bare, []byte("kpi-chart-title")) {
			t.Errorf("%s: the untitled chart still draws its title", c.name)
		}
		if !bytes.Contains(c.bare, []byte("<title id=")) {
			t.Errorf("%s: the untitled chart lost its <title> element", c.name)
		}
	}
}

// firstDiff shows the first line at which got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

func TestDeterministic(t *testing.T) {
	for _, s := range []*model.Series{typicalCount(), percentVarying(), ytdSeries(), fortyQuarters()} {
		a, b := SVG(s, site), SVG(s, site)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", s.Indicator.ID)
		}
	}
}
