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
	p := newPrep(s, o)
	return p.layout(o.idPrefix(), solo, o.Untitled, z)
}

// prep is what every drawing of one chart shares, worked out once: its
// facts, its words and the measurements that do not depend on the
// drawing's size. Its scene and scratch slices are reused by each layout,
// so a chart drawn at five sizes allocates them once (a layout's scene is
// valid until the next layout).
type prep struct {
	s           *model.Series
	f           facts
	title, desc string
	// xmlTitle and xmlDesc are title and desc escaped (escapeWords), for
	// every layout's scene; nil until then.
	xmlTitle, xmlDesc []byte
	// The plot's parts, when the series has a figure.
	unit       string
	ys         yScale
	widest     float64 // the widest y label
	xText      []string
	xWidth     []float64
	latest     string
	targetRoom float64 // room for the "Target" label
	need       float64 // compareNeed
	notes      []string
	// Scratch.
	sc     scene
	xs     []float64
	on     []bool
	marked []bool
}

func newPrep(s *model.Series, o Options) *prep {
	p := &prep{s: s, f: newFacts(s, o)}
	f := &p.f
	n := len(f.pts)
	p.title, p.desc = titleText(f), describe(f, o)+compareDescribe(s, f)
	p.sc = scene{items: make([]item, 0, 40+2*n), pts: make([]point, 0, 4*n+8)}
	if f.count == 0 {
		return p
	}
	p.unit = f.l.UnitLabel(f.ind)
	if f.ind.Measure == model.MeasureYTD {
		p.unit = f.l.T("chart.unit_ytd", "unit", p.unit)
	}
	lo, hi, _ := f.extent()
	lo, hi = compareExtent(s, f, lo, hi)
	p.ys = newYScale(lo, hi, f.ind.Decimals, f.ind.Unit)
	for _, t := range p.ys.labels {
		p.widest = max(p.widest, room(t, fontSize, false))
	}
	p.xText = make([]string, n)
	p.xWidth = make([]float64, n)
	for i := range f.pts {
		p.xText[i] = f.l.Short(f.pts[i].Period)
		p.xWidth[i] = room(p.xText[i], fontSize, false)
	}
	p.latest = format.Bare(f.value(f.last), f.ind)
	if n > 1 {
		if f.lastTarget == n-1 {
			p.targetRoom = room(f.l.T("chart.target"), fontSize, false)
		}
		p.need = compareNeed(s)
	}
	p.notes = append(notes(f), compareNotes(s, f)...)
	p.xs = make([]float64, n)
	p.on = make([]bool, n)
	p.marked = make([]bool, n)
	return p
}

// layout lays the chart out at the size z with id prefix prefix (already
// reduced by Options.idPrefix); untitled leaves a standalone chart's
// visible title out.
func (p *prep) layout(prefix string, solo, untitled bool, z size) *scene {
	chartWidth, plotHeight := z.w, z.plot
	f := &p.f
	n := len(f.pts)
	sc := &p.sc
	*sc = scene{
		w: chartWidth, solo: solo, prefix: prefix, title: p.title, desc: p.desc,
		xmlTitle: p.xmlTitle, xmlDesc: p.xmlDesc, items: sc.items[:0], pts: sc.pts[:0],
	}
	y := edge
	if solo {
		sc.rect(layerBackground, 0, 0, chartWidth, 0, colourWhite) // height set below
	}
	if solo && !untitled {
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
		return noData(sc, f, y)
	}

	// The unit, written horizontally above the y axis.
	unitY := baseline(y, lineHeight, fontSize)
	y += lineHeight + 14
	top, bottom := y, y+plotHeight

	// The y scale and its labels fix the plot's left edge.
	ys := &p.ys
	left := edge + p.widest + 10
	ypos := func(v float64) float64 { return ys.pos(v, top, bottom) }

	// Period labels and the direct labels at the right end fix its right edge.
	right := chartWidth - edge
	if n > 1 {
		need := p.xWidth[n-1] / 2
		if f.last == n-1 {
			need = max(need, valueGap+room(p.latest, fontSize, true))
		}
		if f.lastTarget == n-1 {
			need = max(need, targetGap+p.targetRoom)
		}
		need = max(need, p.need)
		right = chartWidth - edge + innerPad - need
	}
	xs := xPositionsInto(p.xs, left, right)
	half := 40.0 // half the width of a lone period's target and band
	if n > 1 {
		half = min(half, (xs[1]-xs[0])/2)
	}

	drawBand(sc, f, xs, half, ypos)
	drawInterval(sc, f, xs, half, ypos)
	sc.text(layerAxes, edge, unitY, p.unit, textPaint(anchorStart))
	drawYAxis(sc, ys.ticks, ys.labels, left, right, ypos)
	y = drawXAxisOn(sc, f, xs, p.xText, p.xWidth, bottom, p.on)
	targetEnd, targetY := drawTarget(sc, f, xs, half, ypos)
	drawComparators(sc, p.s, f, xs, half, ypos, top, bottom, []float64{ypos(f.value(f.last).V), targetY})
	drawValues(sc, f, xs, ypos, p.marked)
	drawDirectLabels(sc, f, xs, p.latest, targetEnd, targetY, ypos, top, bottom)

	for _, note := range p.notes {
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
