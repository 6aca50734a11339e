package chart

import (
	"regexp"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// group returns the <path d> values inside the <g class="name"> element of
// an SVG.
func groupPaths(t *testing.T, svg, name string) []string {
	t.Helper()
	i := strings.Index(svg, `<g class="`+name+`"`)
	if i < 0 {
		return nil
	}
	end := strings.Index(svg[i:], "</g>")
	return regexp.MustCompile(`<path d="([^"]+)"`).FindAllString(svg[i:i+end], -1)
}

// TestCumulativeBreaksAtYearStart: a series reported already year to date
// (measure = "cumulative") is drawn as one line per year, so the fall from
// 98.7% to 30.5% at the year boundary is not drawn as a plunge; the same
// figures as a plain series are one line.
func TestCumulativeBreaksAtYearStart(t *testing.T) {
	series := func(m model.Measure) *model.Series {
		ind := &model.Indicator{ID: "tax", Title: "Council tax collected", Unit: model.UnitPercent, Decimals: 1,
			Polarity: model.HigherIsBetter, Frequency: model.Quarterly, Measure: m}
		var pts []model.Point
		for i, v := range []float64{30.2, 57.9, 85.1, 98.7, 30.5, 58.1} {
			pts = append(pts, model.Point{Period: q1.Add(i), Value: model.Some(v), PeriodValue: model.Some(v), HasRow: true})
		}
		return &model.Series{Indicator: ind, Points: pts}
	}
	for _, tt := range []struct {
		m     model.Measure
		lines int
	}{{model.MeasureCumulative, 2}, {model.MeasurePeriod, 1}} {
		svg := string(SVG(series(tt.m), Options{}))
		if got := len(groupPaths(t, svg, "kpi-chart-values")); got != tt.lines {
			t.Errorf("%s: %d lines, want %d", tt.m, got, tt.lines)
		}
		hasNote := strings.Contains(svg, "Reported year to date: the line starts again each April.")
		if hasNote != (tt.m == model.MeasureCumulative) {
			t.Errorf("%s: year-to-date note present = %v", tt.m, hasNote)
		}
	}
}

// TestTargetLineOnlyWhereInForce: points before a target list's first
// "from" have no target, so the target line starts at the first point
// with one; a band from an absolute amber threshold is described as such.
func TestTargetLineOnlyWhereInForce(t *testing.T) {
	ind := &model.Indicator{ID: "k", Title: "K", Unit: model.UnitCount, Polarity: model.HigherIsBetter, Frequency: model.Quarterly}
	var pts []model.Point
	for i, v := range []float64{400, 410, 420, 430, 440} {
		p := model.Point{Period: q1.Add(i), Value: model.Some(v), PeriodValue: model.Some(v), HasRow: true}
		if i >= 3 {
			p.Target, p.Amber = model.Some(430), model.Some(410)
		}
		pts = append(pts, p)
	}
	svg := string(SVG(&model.Series{Indicator: ind, Points: pts}, Options{AmberTolerance: 0.05}))
	paths := groupPaths(t, svg, "kpi-chart-target")
	if len(paths) != 1 || strings.Count(paths[0], "L") != 1 {
		t.Errorf("target line %v, want one segment over the last two points", paths)
	}
	if !strings.Contains(svg, "Shaded: below the target, up to the amber threshold") || strings.Contains(svg, "up to 5%") {
		t.Error("band note does not describe the absolute amber threshold")
	}
}

// TestNoBandForTargetZero is the third bug of issue 11: a target of 0
// for a lower-is-better indicator has no near-target band, so the caption
// must not say "up to 5% above the target".
func TestNoBandForTargetZero(t *testing.T) {
	ind := &model.Indicator{ID: "k", Title: "K", Unit: model.UnitCount, Polarity: model.LowerIsBetter, Frequency: model.Quarterly}
	var pts []model.Point
	for i, v := range []float64{2, 1, 0} {
		pts = append(pts, model.Point{Period: q1.Add(i), Value: model.Some(v), PeriodValue: model.Some(v), Target: model.Some(0), HasRow: true})
	}
	svg := string(SVG(&model.Series{Indicator: ind, Points: pts}, Options{AmberTolerance: 0.05}))
	if strings.Contains(svg, "Shaded") || len(groupPaths(t, svg, "kpi-chart-band")) > 0 {
		t.Error("a target of 0 has a near-target band")
	}
}
