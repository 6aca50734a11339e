package chart

import (
	"math"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// layout places everything the chart of s shows. Standalone charts get a
// background and a visible title; inline ones leave the title to the
// page's figcaption.
func layout(s *model.Series, o Options, solo bool) *scene {
	return layoutFor(s, o, solo, size{w: chartWidth, plot: plotHeight})
}

// size is the viewBox width of a chart and the height of its plot, in
// units; text stays fontSize units, so a wider chart has smaller text
// relative to its width (see Inline).
type size struct{ w, plot float64 }

// layoutFor is layout at the size z.
func layoutFor(s *model.Series, o Options, solo bool, z size) *scene {
	chartWidth, plotHeight := z.w, z.plot
	f := newFacts(s, o)
	n := len(f.pts)
	sc := &scene{
		w: chartWidth, solo: solo, prefix: o.idPrefix(),
		title: titleText(&f), desc: describe(&f, o) + compareDescribe(s, &f),
		items: make([]item, 0, 48+3*n),
		pts:   make([]point, 0, 4*n+8),
	}
	y := edge
	if solo {
		sc.rect(layerBackground, 0, 0, chartWidth, 0, colourWhite) // height set below
	}
	if solo && !o.Untitled {
		name := f.ind.Title
		if name == "" {
			name = f.ind.Name()
		}
		for _, ln := range wrap(name, chartWidth-2*edge, titleSize, true, maxTitleLn) {
			sc.text(layerTitle, edge, baseline(y, titleLead, titleSize), ln,
				paint{fill: colourText, size: titleSize, bold: true})
			y += titleLead
		}
		y += 6
	}
	if f.count == 0 {
		return noData(sc, &f, y)
	}

	// The unit, written horizontally above the y axis.
	unit := f.l.UnitLabel(f.ind)
	if f.ind.Measure == model.MeasureYTD {
		unit = f.l.T("chart.unit_ytd", "unit", unit)
	}
	unitY := baseline(y, lineHeight, fontSize)
	y += lineHeight + 14
	top, bottom := y, y+plotHeight

	// The y scale and its labels fix the plot's left edge.
	lo, hi, _ := f.extent()
	lo, hi = compareExtent(s, &f, lo, hi)
	ys := newYScale(lo, hi, f.ind.Decimals, f.ind.Unit)
	widest := 0.0
	for _, t := range ys.labels {
		widest = max(widest, room(t, fontSize, false))
	}
	left := edge + widest + 10
	ypos := func(v float64) float64 { return ys.pos(v, top, bottom) }

	// Period labels and the direct labels at the right end fix its right edge.
	xText := make([]string, n)
	xWidth := make([]float64, n)
	for i := range f.pts {
		xText[i] = f.l.Short(f.pts[i].Period)
		xWidth[i] = room(xText[i], fontSize, false)
	}
	latest := format.Bare(f.value(f.last), f.ind)
	right := chartWidth - edge
	if n > 1 {
		need := xWidth[n-1] / 2
		if f.last == n-1 {
			need = max(need, valueGap+room(latest, fontSize, true))
		}
		if f.lastTarget == n-1 {
			need = max(need, targetGap+room(f.l.T("chart.target"), fontSize, false))
		}
		need = max(need, compareNeed(s))
		right = chartWidth - edge + innerPad - need
	}
	xs := xPositions(n, left, right)
	half := 40.0 // half the width of a lone period's target and band
	if n > 1 {
		half = min(half, (xs[1]-xs[0])/2)
	}

	drawBand(sc, &f, xs, half, ypos)
	drawInterval(sc, &f, xs, half, ypos)
	sc.text(layerAxes, edge, unitY, unit, textPaint(anchorStart))
	drawYAxis(sc, ys.ticks, ys.labels, left, right, ypos)
	y = drawXAxis(sc, &f, xs, xText, xWidth, bottom)
	targetEnd, targetY := drawTarget(sc, &f, xs, half, ypos)
	drawComparators(sc, s, &f, xs, half, ypos, top, bottom, []float64{ypos(f.value(f.last).V), targetY})
	drawValues(sc, &f, xs, ypos)
	drawDirectLabels(sc, &f, xs, latest, targetEnd, targetY, ypos, top, bottom)

	for _, note := range append(notes(&f), compareNotes(s, &f)...) {
		for _, ln := range wrap(note, chartWidth-2*edge, fontSize, false, 0) {
			sc.text(layerNotes, edge, baseline(y, lineHeight, fontSize), ln, textPaint(anchorStart))
			y += lineHeight
		}
	}
	return finish(sc, y)
}

// baseline places text of size in a line of height lead starting at top.
func baseline(top, lead, size float64) float64 {
	return top + (lead-size)/2 + 0.8*size
}

// finish sets the scene's height (whole units) and the background's.
func finish(sc *scene, y float64) *scene {
	sc.h = math.Ceil(y + edge)
	if sc.solo {
		sc.items[0].y2 = sc.h
	}
	return sc
}

// noData draws the figure for a series without a single figure: a framed
// sentence saying there is nothing to chart yet.
func noData(sc *scene, f *facts, y float64) *scene {
	msg := f.l.T("chart.plot_no_data")
	if len(f.withheld) > 0 && len(f.noData) == 0 {
		msg = f.l.T("chart.plot_withheld")
	}
	const h = 80.0
	sc.path(layerAxes, []point{{edge, y}, {sc.w - edge, y}, {sc.w - edge, y + h}, {edge, y + h}, {edge, y}},
		false, paint{stroke: colourGrid, width: 1})
	for _, ln := range wrap(msg, sc.w-4*edge, fontSize, false, 0) {
		sc.text(layerNotes, sc.w/2, y+h/2+0.35*fontSize, ln, textPaint(anchorMiddle))
	}
	return finish(sc, y+h)
}
