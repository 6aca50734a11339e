package chart

import (
	"math"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// yScale maps numbers onto the plot's height with round ticks.
type yScale struct {
	min, max float64 // the axis range: the first and last tick
	step     float64
	decimals int // decimals the step needs
}

// zeroBased decides where the axis starts. It includes zero unless the
// data sit far from zero: the lowest value is further from zero than the
// spread of the data (lo > hi/2), mirrored for negative data. A flat series
// is drawn from zero, so the axis never has zero height.
func zeroBased(lo, hi float64) (float64, float64) {
	switch {
	case lo == hi && lo > 0:
		return 0, hi
	case lo == hi && hi < 0:
		return lo, 0
	case lo == hi:
		return 0, 1
	case lo > 0 && lo <= hi/2:
		return 0, hi
	case hi < 0 && hi >= lo/2:
		return lo, 0
	}
	return lo, hi
}

// newYScale chooses about five round intervals (1, 2 or 5 × 10ⁿ, never
// finer than the indicator's decimals) covering lo..hi.
func newYScale(lo, hi float64, decimals int) yScale {
	lo, hi = zeroBased(lo, hi)
	minStep := math.Pow(10, -float64(max(decimals, 0)))
	step := niceStep((hi-lo)/5, minStep)
	for {
		start := math.Floor(lo/step + 1e-9)
		end := math.Ceil(hi/step - 1e-9)
		if end <= start {
			end = start + 1
		}
		if end-start <= 7 {
			d := 0
			if e := -math.Floor(math.Log10(step) + 1e-9); e > 0 {
				d = int(e)
			}
			return yScale{min: start * step, max: end * step, step: step, decimals: d}
		}
		step = niceStep(step*1.01, minStep)
	}
}

// niceStep is the smallest of 1, 2 or 5 × 10ⁿ not below raw or minStep.
func niceStep(raw, minStep float64) float64 {
	if !(raw > minStep) {
		raw = minStep
	}
	exp := math.Pow(10, math.Floor(math.Log10(raw)))
	f := raw / exp
	switch {
	case f <= 1+1e-9:
		return exp
	case f <= 2+1e-9:
		return 2 * exp
	case f <= 5+1e-9:
		return 5 * exp
	}
	return 10 * exp
}

// ticks returns the tick values from min to max.
func (s yScale) ticks() []float64 {
	n := int(math.Round((s.max-s.min)/s.step)) + 1
	out := make([]float64, n)
	p := math.Pow(10, float64(s.decimals))
	for i := range out {
		v := s.min + float64(i)*s.step
		out[i] = math.Round(v*p)/p + 0 // + 0 turns -0 into 0
	}
	return out
}

// pos maps v into the vertical span top..bottom.
func (s yScale) pos(v, top, bottom float64) float64 {
	return bottom - (v-s.min)/(s.max-s.min)*(bottom-top)
}

// tickLabels writes the ticks compactly (format.Compact). When the compact
// form makes two ticks read the same (1.05bn and 1.1bn both "1.1bn"), every
// label is written in full with the decimals the step needs.
func tickLabels(ticks []float64, unit model.Unit, decimals int) []string {
	out := make([]string, len(ticks))
	for i, v := range ticks {
		out[i] = format.Compact(v, unit)
		if i > 0 && out[i] == out[i-1] {
			full := &model.Indicator{Unit: unit, Decimals: decimals}
			for j, v := range ticks {
				out[j] = format.Bare(model.Some(v), full)
			}
			return out
		}
	}
	return out
}
