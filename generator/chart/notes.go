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
		out = append(out, "Only one period so far.")
	case f.count == 1:
		out = append(out, "Only one period has a figure so far.")
	}
	switch f.ind.Measure {
	case model.MeasureYTD:
		out = append(out, "Year to date: figures add up from "+f.yearMonth()+" each year.")
	case model.MeasureCumulative:
		out = append(out, "Reported year to date: the line starts again each "+f.yearMonth()+".")
	}
	if n := len(f.noData); n > 0 {
		out = append(out, gapWord(n)+": no data for "+periodList(f.pts, f.noData, model.Period.Short)+".")
	}
	if n := len(f.withheld); n > 0 {
		out = append(out, gapWord(n)+": "+periodList(f.pts, f.withheld, model.Period.Short)+" withheld to protect privacy.")
	}
	if r, ok := f.movingKind(); ok {
		what := "the figure for the same " + f.periodWord() + " last year"
		if r.Kind == model.TargetRollingAverage {
			what = "the average of the same " + f.periodWord() + " in the previous " + strconv.Itoa(r.Years) + " years"
		}
		out = append(out, "Short black bars: the target, "+what+".")
	}
	if f.hasBand() {
		side := "below"
		if f.ind.Polarity == model.LowerIsBetter {
			side = "above"
		}
		if f.bandIsTolerance() {
			out = append(out, "Shaded: up to "+format.Percent(f.tol)+" "+side+" the target (near target).")
		} else {
			out = append(out, "Shaded: "+side+" the target, up to the amber threshold (near target).")
		}
	}
	return out
}

func gapWord(n int) string {
	if n == 1 {
		return "Gap"
	}
	return "Gaps"
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
		return time.Month(f.pts[0].Period.StartMonth(f.fy)).String()
	}
	return fyMonth(f.fy)
}

// fyMonth names the month a financial year starts in (April by default).
func fyMonth(fy int) string {
	if fy < 1 || fy > 12 {
		fy = 4
	}
	return time.Month(fy).String()
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
