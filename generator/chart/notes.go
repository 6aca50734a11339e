package chart

import (
	"math"
	"strconv"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// notes are the sentences written under the plot: why the line has gaps,
// why there is only a dot, what the shaded band means.
func notes(f *facts) []string {
	var out []string
	switch {
	case f.count == 1 && len(f.pts) == 1:
		out = append(out, f.l.T("chart.note_only_one"))
	case f.count == 1:
		out = append(out, f.l.T("chart.note_only_one_figure"))
	}
	switch f.ind.Measure {
	case model.MeasureYTD:
		out = append(out, f.l.T("chart.note_ytd", "month", f.yearMonth()))
	case model.MeasureCumulative:
		out = append(out, f.l.T("chart.note_cumulative", "month", f.yearMonth()))
	}
	if n := len(f.noData); n > 0 {
		out = append(out, f.l.N("chart.note_no_data", n, "periods", periodList(f.l, f.pts, f.noData, f.l.Short)))
	}
	if n := len(f.withheld); n > 0 {
		out = append(out, f.l.N("chart.note_withheld", n, "periods", periodList(f.l, f.pts, f.withheld, f.l.Short)))
	}
	if r, ok := f.movingKind(); ok {
		what := f.l.T("chart.moving_last_year_" + f.periodWord())
		if r.Kind == model.TargetRollingAverage {
			what = f.l.T("chart.moving_average_"+f.periodWord(), "years", strconv.Itoa(r.Years))
		}
		out = append(out, f.l.T("chart.note_moving", "what", what))
	}
	if f.hasBand() {
		side := "below"
		if f.ind.Polarity == model.LowerIsBetter {
			side = "above"
		}
		if f.bandIsTolerance() {
			out = append(out, f.l.T("chart.note_band_"+side, "tolerance", format.Percent(f.tol)))
		} else {
			out = append(out, f.l.T("chart.note_threshold_"+side))
		}
	}
	return out
}

// hasBand reports whether any period has a near-target band.
func (f *facts) hasBand() bool {
	for i := range f.pts {
		if _, ok := f.band(i); ok {
			return true
		}
	}
	return false
}

// bandIsTolerance reports whether every band drawn is the tolerance's
// (rather than an absolute amber threshold).
func (f *facts) bandIsTolerance() bool {
	for i := range f.pts {
		e, ok := f.band(i)
		if !ok {
			continue
		}
		if te, ok := f.tolBand(i); !ok || math.Abs(te-e) > 1e-9*math.Max(1, math.Abs(e)) {
			return false
		}
	}
	return true
}

// yearMonth names the month the indicator's years start in.
func (f *facts) yearMonth() string {
	if len(f.pts) > 0 {
		return f.l.Month(time.Month(f.pts[0].Period.StartMonth(f.fy)))
	}
	return f.l.Month(time.Month(fyMonthNumber(f.fy)))
}

// fyMonthNumber is the month a financial year starts in (April by default).
func fyMonthNumber(fy int) int {
	if fy < 1 || fy > 12 {
		return 4
	}
	return fy
}

// periodWord names one of the chart's periods: "quarter", "month" or
// "period" (a target compared with last year is "the same quarter last
// year").
func (f *facts) periodWord() string {
	if len(f.pts) > 0 {
		switch f.pts[0].Period.Freq {
		case model.Quarterly:
			return "quarter"
		case model.Monthly:
			return "month"
		}
	}
	return "period"
}
