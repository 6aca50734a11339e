package chart

import "math"

// drawBand shades the near-target band wherever a period has a target.
func drawBand(sc *scene, f *facts, xs []float64, half float64, ypos func(float64) float64) {
	ok := func(i int) bool { _, ok := f.band(i); return ok }
	f.runs(ok, func(a, b int) {
		from := sc.begin()
		if a == b {
			e, _ := f.band(a)
			t := f.target(a).V
			sc.vertex(xs[a]-half, ypos(t))
			sc.vertex(xs[a]+half, ypos(t))
			sc.vertex(xs[a]+half, ypos(e))
			sc.vertex(xs[a]-half, ypos(e))
		} else {
			for i := a; i <= b; i++ {
				sc.vertex(xs[i], ypos(f.target(i).V))
			}
			for i := b; i >= a; i-- {
				e, _ := f.band(i)
				sc.vertex(xs[i], ypos(e))
			}
		}
		sc.end(layerBand, from, true, paint{fill: colourBand})
	})
}

// drawYAxis draws a gridline and a label for every tick; the zero line is
// darker, as the axis the values stand on.
func drawYAxis(sc *scene, ticks []float64, text []string, left, right float64, ypos func(float64) float64) {
	for i, v := range ticks {
		y := ypos(v)
		p := paint{stroke: colourGrid, width: 1}
		if v == 0 {
			p = paint{stroke: colourText, width: 1.5}
		}
		sc.line(layerAxes, left, y, right, y, p)
		sc.text(layerAxes, left-8, y+0.35*fontSize, text[i], textPaint(anchorEnd))
	}
}

// drawXAxis labels the periods chosen by xLabelled, with a tick mark each,
// and returns the y below the labels.
func drawXAxis(sc *scene, f *facts, xs []float64, text []string, widths []float64, bottom float64) float64 {
	return drawXAxisOn(sc, f, xs, text, widths, bottom, make([]bool, len(xs)))
}

// drawXAxisOn is drawXAxis with on as scratch, one flag per period.
func drawXAxisOn(sc *scene, f *facts, xs []float64, text []string, widths []float64, bottom float64, on []bool) float64 {
	on = xLabelledInto(on, sc.w, xs, widths, f.pts[0].Period.Freq)
	// The baseline leaves the labels' tops clear of the lowest y label.
	y := bottom + 0.6*fontSize + 0.75*fontSize + 2
	for i, x := range xs {
		if !on[i] {
			continue
		}
		sc.line(layerAxes, x, bottom, x, bottom+6, paint{stroke: colourGrid, width: 1})
		sc.text(layerAxes, labelCentre(sc.w, x, widths[i]), y, text[i], textPaint(anchorMiddle))
	}
	return y + 0.25*fontSize + 10
}

// drawTarget draws the target as a dashed line through each run of
// periods that have one (a short level line for a lone period). A moving
// target (last year's figure, a rolling average) is a short solid bar at
// each period instead: joined up, it would read as a second, lagged series
// crossing the figures. It returns where the last target ends, for the
// "Target" label.
func drawTarget(sc *scene, f *facts, xs []float64, half float64, ypos func(float64) float64) (endX, endY float64) {
	ok := func(i int) bool { return f.target(i).Valid && !f.moving(i) }
	bar := min(half*0.7, 12)
	defer func() {
		if i := f.lastTarget; i >= 0 && f.moving(i) && f.target(i).Valid {
			endX, endY = xs[i]+bar, ypos(f.target(i).V)
		}
	}()
	for i := range xs {
		if f.target(i).Valid && f.moving(i) {
			y := ypos(f.target(i).V)
			sc.line(layerTarget, xs[i]-bar, y, xs[i]+bar, y, paint{stroke: colourText, width: 3})
		}
	}
	p := paint{stroke: colourText, width: 2.5, dash: targetDash}
	f.runs(ok, func(a, b int) {
		from := sc.begin()
		endY = ypos(f.target(b).V)
		if a == b {
			sc.vertex(xs[a]-half, endY)
			sc.vertex(xs[a]+half, endY)
			endX = xs[a] + half
		} else {
			for i := a; i <= b; i++ {
				sc.vertex(xs[i], ypos(f.target(i).V))
			}
			endX = xs[b]
		}
		sc.end(layerTarget, from, false, p)
	})
	return endX, endY
}

// drawValues draws the values as a solid line through each run of periods
// with a figure, and a marker on every figure. A missing or withheld figure
// breaks the line: it is never drawn as zero. When periods are too close
// for markers to stand apart (five years of months), only the latest
// figure and lone figures between gaps keep theirs.
// marked is scratch, one flag per period.
func drawValues(sc *scene, f *facts, xs []float64, ypos func(float64) float64, marked []bool) {
	ok := func(i int) bool { return f.value(i).Valid }
	dense := len(xs) > 1 && xs[1]-xs[0] < 2*markerR+1
	clear(marked)
	f.runs(ok, func(a, b int) {
		for i := a; i <= b; i++ {
			marked[i] = !dense || a == b || i == f.last
		}
		if a == b {
			return // a lone figure is its marker
		}
		from := sc.begin()
		for i := a; i <= b; i++ {
			sc.vertex(xs[i], ypos(f.value(i).V))
		}
		sc.end(layerValues, from, false, paint{stroke: colourValues, width: valueWidth})
	})
	for i := range xs {
		if marked[i] {
			sc.circle(layerValues, xs[i], ypos(f.value(i).V), markerR, paint{fill: colourValues, stroke: colourWhite, width: 1.5})
		}
	}
}

// label is a direct label before it is placed: its vertical centre may
// still move to keep clear of the other.
type label struct {
	x, cy, w float64
	text     string
	p        paint
	l        layer
}

func (a label) span() (float64, float64) {
	if a.p.anchor == anchorEnd {
		return a.x - a.w, a.x
	}
	return a.x, a.x + a.w
}

// drawDirectLabels writes the latest figure beside its marker and "Target"
// at the target line's right end, moving them apart if they would collide.
func drawDirectLabels(sc *scene, f *facts, xs []float64, latest string, targetEnd, targetY float64,
	ypos func(float64) float64, top, bottom float64) {
	v := label{text: latest, l: layerLabels, cy: ypos(f.value(f.last).V),
		x: xs[f.last] + valueGap, w: room(latest, fontSize, true),
		p: paint{fill: colourValues, size: fontSize, bold: true, halo: true}}
	if v.x+v.w > sc.w-edge { // no room to the right: above the marker
		v.x, v.cy, v.p.anchor = xs[f.last]-markerR, v.cy-fontSize, anchorEnd
	}
	if f.lastTarget < 0 || f.moving(f.lastTarget) {
		// A moving target's bars are named by the note under the plot: a
		// "Target" beside the last bar would sit on the bars before it.
		place(sc, v)
		return
	}
	t := label{text: f.l.T("chart.target"), l: layerLabels, cy: targetY, x: targetEnd + targetGap,
		w: room(f.l.T("chart.target"), fontSize, false), p: paint{fill: colourText, size: fontSize, halo: true}}
	if t.x+t.w > sc.w-edge {
		t.x, t.cy, t.p.anchor = targetEnd, t.cy-fontSize, anchorEnd
	}
	v0, v1 := v.span()
	t0, t1 := t.span()
	if gap := fontSize + 4; v0 < t1 && t0 < v1 && math.Abs(v.cy-t.cy) < gap {
		// The label nearer the top stays above; on a tie, the one for the
		// larger number.
		upper, lower := &v, &t
		if t.cy < v.cy || (t.cy == v.cy && f.value(f.last).V < f.target(f.lastTarget).V) {
			upper, lower = &t, &v
		}
		mid := (upper.cy + lower.cy) / 2
		upper.cy, lower.cy = mid-gap/2, mid+gap/2
		if upper.cy < top { // keep both inside the plot
			upper.cy, lower.cy = top, top+gap
		}
		if lower.cy > bottom {
			upper.cy, lower.cy = bottom-gap, bottom
		}
	}
	place(sc, t)
	place(sc, v)
}

// place writes a label centred on its cy.
func place(sc *scene, a label) {
	sc.text(a.l, a.x, a.cy+0.35*fontSize, a.text, a.p)
}
