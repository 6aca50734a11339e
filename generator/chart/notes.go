package chart

import (
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
	if f.ind.Measure == model.MeasureYTD {
		out = append(out, "Year to date: figures add up from "+fyMonth(f.fy)+" each year.")
	}
	if n := len(f.noData); n > 0 {
		out = append(out, gapWord(n)+": no data for "+periodList(f.pts, f.noData, model.Period.Short)+".")
	}
	if n := len(f.withheld); n > 0 {
		out = append(out, gapWord(n)+": "+periodList(f.pts, f.withheld, model.Period.Short)+" withheld to protect privacy.")
	}
	if f.hasBand() {
		side := "below"
		if f.ind.Polarity == model.LowerIsBetter {
			side = "above"
		}
		out = append(out, "Shaded: up to "+format.Percent(f.tol)+" "+side+" the target (near target).")
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

// fyMonth names the month a financial year starts in (April by default).
func fyMonth(fy int) string {
	if fy < 1 || fy > 12 {
		fy = 4
	}
	return time.Month(fy).String()
}
