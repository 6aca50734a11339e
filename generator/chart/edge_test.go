package chart

import (
	"math"
	"slices"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// axisLabels returns the y tick values of a chart and their labels.
func axisOf(t *testing.T, s *model.Series) (ticks []float64, labels []string) {
	t.Helper()
	f := newFacts(s, site)
	lo, hi, ok := f.extent()
	if !ok {
		t.Fatal("no extent")
	}
	ys := newYScale(lo, hi, f.ind.Decimals, f.ind.Unit)
	return ys.ticks, ys.labels
}

func count(sc *scene, k kind, l layer) int {
	n := 0
	for _, it := range sc.items {
		if it.kind == k && it.layer == l {
			n++
		}
	}
	return n
}

func TestEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		s     *model.Series
		check func(t *testing.T, sc *scene, ticks []float64, labels []string)
	}{
		{"all values equal: the axis keeps a height", withValues("Equal", model.UnitCount, 5, 5, 5, 5),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				if ticks[0] != 0 || ticks[len(ticks)-1] <= 5 {
					t.Errorf("ticks %v, want 0 up to above 5", ticks)
				}
			}},
		{"all zero", withValues("Zero", model.UnitCount, 0, 0, 0),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				if len(ticks) < 2 || ticks[0] != 0 {
					t.Errorf("ticks %v, want 0 and above", ticks)
				}
			}},
		{"negative values: zero line inside the axis", withValues("Net", model.UnitCount, -120, 40, -15, -300),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				if ticks[0] > -300 || ticks[len(ticks)-1] < 40 || !slices.Contains(ticks, 0) {
					t.Errorf("ticks %v, want -300..40 with 0", ticks)
				}
				if !slices.Contains(labels, "-300") && !slices.Contains(labels, "-400") {
					t.Errorf("labels %v, want hyphen-minus numbers", labels)
				}
			}},
		{"all negative, near zero: axis ends at zero", withValues("Loss", model.UnitCount, -10, -40, -25),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				if ticks[len(ticks)-1] != 0 {
					t.Errorf("ticks %v, want to end at 0", ticks)
				}
			}},
		{"very large values", withValues("Budget", model.UnitCurrency, 1e9, 1.2e9, 1.15e9, 1.05e9),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				if !slices.Contains(labels, "£1.2bn") {
					t.Errorf("labels %v, want £…bn", labels)
				}
			}},
		{"large values, close together: labels stay distinct", withValues("Budget", model.UnitCount, 1.00e9, 1.02e9, 1.01e9),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {}},
		{"data far from zero: axis does not start at zero", withValues("Steady", model.UnitCount, 900, 950, 1000),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				if ticks[0] == 0 {
					t.Errorf("ticks %v, want a non-zero start", ticks)
				}
			}},
		{"data near zero: axis starts at zero", withValues("Rising", model.UnitCount, 120, 300, 410),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				if ticks[0] != 0 {
					t.Errorf("ticks %v, want to start at 0", ticks)
				}
			}},
		{"small counts have whole-number ticks", withValues("Rare", model.UnitCount, 0, 1, 2, 1),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				for _, v := range ticks {
					if v != math.Trunc(v) {
						t.Errorf("tick %v is not a whole number", v)
					}
				}
			}},
		{"very long title: wrapped to two lines, ellipsis", withValues(strings.Repeat("A very long indicator title ", 12), model.UnitCount, 1, 2, 3),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				var lines []item
				for _, it := range sc.items {
					if it.layer == layerTitle {
						lines = append(lines, it)
					}
				}
				if len(lines) != maxTitleLn || !strings.HasSuffix(lines[len(lines)-1].text, "…") {
					t.Fatalf("title lines %v, want %d ending in …", lines, maxTitleLn)
				}
				for _, it := range lines {
					if b := textBox(it); !b.inside(sc.w, sc.h) {
						t.Errorf("title line %q runs outside the chart: %+v", it.text, b)
					}
				}
				if !strings.HasPrefix(sc.title, strings.Repeat("A very long indicator title ", 12)) {
					t.Errorf("<title> lost the full text: %q", sc.title)
				}
			}},
		{"a word longer than a line is cut", withValues(strings.Repeat("x", 200), model.UnitCount, 1, 2),
			func(t *testing.T, sc *scene, ticks []float64, labels []string) {
				for _, it := range sc.items {
					if it.layer == layerTitle && !textBox(it).inside(sc.w, sc.h) {
						t.Errorf("title line runs outside the chart")
					}
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := site
			o.Standalone = true
			parse(t, SVG(tt.s, o))
			sc := layout(tt.s, o, true)
			ticks, labels := axisOf(t, tt.s)
			if len(ticks) < 2 || ticks[0] >= ticks[len(ticks)-1] {
				t.Fatalf("ticks %v: the axis has no height", ticks)
			}
			for i := 1; i < len(labels); i++ {
				if labels[i] == labels[i-1] {
					t.Errorf("tick labels repeat: %v", labels)
				}
			}
			tt.check(t, sc, ticks, labels)
		})
	}
}

// Missing and withheld values are gaps: the line breaks, no marker is
// drawn, nothing is drawn at zero, and a note explains.
func TestGaps(t *testing.T) {
	s := typicalCount() // one quarter with no data
	s.Points[2].Withheld = true
	s.Points[2].Value = model.Some(7) // must never be drawn, even if left in
	sc := layout(s, site, false)
	if n := count(sc, kindCircle, layerValues); n != 11 {
		t.Errorf("%d markers, want 11 (13 periods, one missing, one withheld)", n)
	}
	if n := count(sc, kindPath, layerValues); n != 3 {
		t.Errorf("%d line pieces, want 3", n)
	}
	doc := parse(t, writeSVG(sc))
	text := strings.Join(doc.texts(), "\n")
	for _, want := range []string{"Gap: no data for Q2 20/21.", "Gap: Q3 19/20 withheld to protect privacy."} {
		if !strings.Contains(text, want) {
			t.Errorf("notes lack %q:\n%s", want, text)
		}
	}
	if d := Describe(s, site); strings.Contains(d, " 7 ") || !strings.Contains(d, "2019/20 Q3 withheld to protect privacy") {
		t.Errorf("description: %q", d)
	}
	// No vertex sits on the zero line or below the plot.
	f := newFacts(s, site)
	lo, hi, _ := f.extent()
	if ys := newYScale(lo, hi, 0, model.UnitCount); ys.min != 250 {
		t.Fatalf("axis starts at %v", ys.min)
	}
	for _, it := range sc.items {
		if it.layer == layerValues && it.kind == kindPath {
			for _, p := range sc.pts[it.from:it.to] {
				if p.y >= 280 { // the plot's bottom: the axis minimum, 250
					t.Errorf("a value drawn at the axis bottom: %+v", p)
				}
			}
		}
	}
}

// go-chart fails with fewer than 2 points: a new indicator with one
// quarter, or none, still gets a figure that says why there is no line.
func TestOnePointAndNoData(t *testing.T) {
	one := parse(t, SVG(onePoint(), site))
	text := strings.Join(one.texts(), "\n")
	for _, want := range []string{"412", "Target", "Q1 22/23", "Only one period so far."} {
		if !strings.Contains(text, want) {
			t.Errorf("one-point chart lacks %q:\n%s", want, text)
		}
	}
	sc := layout(onePoint(), site, false)
	if n := count(sc, kindCircle, layerValues); n != 1 {
		t.Errorf("%d markers, want 1", n)
	}

	none := parse(t, SVG(noDataSeries(), site))
	if got := strings.Join(none.texts(), "\n"); got != "No data to chart yet." {
		t.Errorf("no-data chart says %q", got)
	}
	if got := none.Desc[0].Text; got != "There is no data to chart yet." {
		t.Errorf("no-data desc %q", got)
	}

	s := typicalCount()
	for i := range s.Points {
		s.Points[i].Value, s.Points[i].Withheld = model.None, true
	}
	withheld := parse(t, SVG(s, site))
	if got := strings.Join(withheld.texts(), "\n"); !strings.Contains(got, "withheld") {
		t.Errorf("all-withheld chart says %q", got)
	}
}
