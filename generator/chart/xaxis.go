package chart

import "kpisite/generator/model"

// xPositions spreads n periods evenly between left and right, keeping
// innerPad clear at each side. A single period sits in the middle.
func xPositions(n int, left, right float64) []float64 {
	return xPositionsInto(make([]float64, n), left, right)
}

// xPositionsInto is xPositions for len(xs) periods, written into xs.
func xPositionsInto(xs []float64, left, right float64) []float64 {
	n := len(xs)
	if n == 1 {
		xs[0] = (left + right) / 2
		return xs
	}
	step := (right - left - 2*innerPad) / float64(n-1)
	for i := range xs {
		xs[i] = left + innerPad + float64(i)*step
	}
	return xs
}

// labelSteps are the strides period labels are thinned to, by frequency:
// whole half-years and years for quarters, quarters and years for months.
func labelSteps(f model.Frequency) []int {
	switch f {
	case model.Quarterly:
		return []int{1, 2, 4, 8, 12, 20, 40, 80}
	case model.Monthly:
		return []int{1, 2, 3, 6, 12, 24, 36, 60, 120}
	}
	return []int{1, 2, 5, 10, 20, 50, 100}
}

// xLabelled picks the periods to label: every k-th, counted back from the
// latest (always labelled), with the smallest k for which the labels keep
// labelGap apart; then the first period too if it fits.
func xLabelled(xs []float64, widths []float64, f model.Frequency) []bool {
	return xLabelledIn(chartWidth, xs, widths, f)
}

// xLabelledIn is xLabelled for a chart cw units wide.
func xLabelledIn(cw float64, xs []float64, widths []float64, f model.Frequency) []bool {
	return xLabelledInto(make([]bool, len(xs)), cw, xs, widths, f)
}

// xLabelledInto is xLabelledIn written into on, one flag per period.
func xLabelledInto(on []bool, cw float64, xs []float64, widths []float64, f model.Frequency) []bool {
	n := len(xs)
	clear(on)
	if n == 0 {
		return on
	}
	widest := 0.0
	for _, w := range widths {
		widest = max(widest, w)
	}
	k := n
	if n > 1 {
		spacing := xs[1] - xs[0]
		steps := labelSteps(f)
		k = steps[len(steps)-1]
		for _, s := range steps {
			if float64(s)*spacing >= widest+labelGap {
				k = s
				break
			}
		}
		for float64(k)*spacing < widest+labelGap { // a very long series
			k *= 2
		}
	}
	next := -1 // the labelled period after i
	for i := n - 1; i >= 0; i -= k {
		on[i] = true
		next = i
	}
	if !on[0] && next >= 0 &&
		labelCentre(cw, xs[0], widths[0])+widths[0]/2+labelGap <= labelCentre(cw, xs[next], widths[next])-widths[next]/2 {
		on[0] = true
	}
	return on
}

// labelCentre is where a period label of width w goes for a period at x:
// centred under it, but kept inside a viewBox cw units wide.
func labelCentre(cw, x, w float64) float64 {
	return min(max(x, edge+w/2), cw-edge-w/2)
}
