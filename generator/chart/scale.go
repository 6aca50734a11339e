package chart

import (
	"math"
	"strconv"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// yScale maps numbers onto the plot's height with round, labelled ticks.
type yScale struct {
	min, max float64 // the axis range: the first and last tick
	step     float64
	decimals int // decimals the step needs
	ticks    []float64
	labels   []string
}

// zeroBased decides where the axis starts. It includes zero unless the
// data sit far from zero: the lowest value is further from zero than the
// spread of the data (lo > hi/2), mirrored for negative data. A flat series
// is drawn from zero with a quarter's headroom, so the axis never has zero
// height and the line does not sit on the top edge.
func zeroBased(lo, hi float64) (float64, float64) {
	switch {
	case lo == hi && lo > 0:
		return 0, hi * 1.25
	case lo == hi && hi < 0:
		return lo * 1.25, 0
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
// finer than the indicator's decimals) covering lo..hi, labelled with
// format.Compact ("1,234", "12k", "£1.2m", "65%"). Compact labels round
// (1.05bn reads "1.1bn"), so when a label would not read back as its tick,
// a coarser step is tried; failing that, ticks are labelled in full.
func newYScale(lo, hi float64, decimals int, unit model.Unit) yScale {
	lo, hi = zeroBased(lo, hi)
	minStep := math.Pow(10, -float64(max(decimals, 0)))
	first := fitScale(lo, hi, niceStep((hi-lo)/5, minStep), minStep)
	for s, try := first, 0; try < 3; try++ {
		if s.labelCompact(unit) {
			return s
		}
		s = fitScale(lo, hi, niceStep(s.step*1.01, minStep), minStep)
		if len(s.ticks) < 3 {
			break
		}
	}
	first.labelFull(unit)
	return first
}

// fitScale rounds lo and hi out to multiples of step, widening the step
// until there are at most seven intervals.
func fitScale(lo, hi, step, minStep float64) yScale {
	for {
		start := math.Floor(lo/step + 1e-9)
		end := math.Ceil(hi/step - 1e-9)
		if end <= start {
			end = start + 1
		}
		if end-start <= 7 {
			s := yScale{min: start * step, max: end * step, step: step}
			if e := -math.Floor(math.Log10(step) + 1e-9); e > 0 {
				s.decimals = int(e)
			}
			n := int(end-start) + 1
			s.ticks = make([]float64, n)
			p := math.Pow(10, float64(s.decimals))
			for i := range s.ticks {
				v := (start + float64(i)) * step
				s.ticks[i] = math.Round(v*p)/p + 0 // + 0 turns -0 into 0
			}
			return s
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

// pos maps v into the vertical span top..bottom.
func (s yScale) pos(v, top, bottom float64) float64 {
	return bottom - (v-s.min)/(s.max-s.min)*(bottom-top)
}

// labelCompact labels the ticks with format.Compact and reports whether
// every label reads back as its tick and no two are the same.
func (s *yScale) labelCompact(unit model.Unit) bool {
	s.labels = make([]string, len(s.ticks))
	for i, v := range s.ticks {
		s.labels[i] = format.Compact(v, unit)
		back, ok := readCompact(s.labels[i])
		if !ok || math.Abs(back-v) > 1e-9*max(1, math.Abs(v)) || i > 0 && s.labels[i] == s.labels[i-1] {
			return false
		}
	}
	return true
}

// labelFull labels the ticks in full with the decimals the step needs.
func (s *yScale) labelFull(unit model.Unit) {
	full := &model.Indicator{Unit: unit, Decimals: s.decimals}
	s.labels = make([]string, len(s.ticks))
	for i, v := range s.ticks {
		s.labels[i] = format.Bare(model.Some(v), full)
	}
}

// readCompact reads back a label written by format.Compact.
func readCompact(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		if r == '£' || r == '%' || r == ',' {
			return -1
		}
		return r
	}, s)
	mult := 1.0
	for _, u := range []struct {
		suffix string
		mult   float64
	}{{"bn", 1e9}, {"m", 1e6}, {"k", 1e3}} {
		if t, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = t, u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v * mult, err == nil
}
