package chart

import (
	"math"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Line is one labelled series of a breakdown chart: a category such as
// "Female", with its points in time order.
type Line struct {
	Label  string
	Points []model.Point
}

// MaxLines is the most lines one breakdown chart draws; a breakdown with
// more categories is drawn as small multiples, one chart per category on
// a shared scale.
const MaxLines = 6

// lineColours tell up to six lines apart; each is at least 4.5:1 against
// white, so the direct labels can be written in the line's colour.
var lineColours = [MaxLines]string{"#12436d", "#801650", "#0f7a6f", "#a0410d", "#3d3d3d", "#5c3d99"}

// Extent is the range of figures a set of small multiples share, so that
// their lines compare at a glance. The zero Extent means "fit the chart's
// own figures".
type Extent struct {
	Lo, Hi float64
	Set    bool
}

// LinesExtent is the extent of every figure of lines.
func LinesExtent(lines []Line) Extent {
	e := Extent{Lo: math.Inf(1), Hi: math.Inf(-1)}
	for _, l := range lines {
		for i := range l.Points {
			if v := pointValue(&l.Points[i]); v.Valid {
				e.Lo, e.Hi, e.Set = math.Min(e.Lo, v.V), math.Max(e.Hi, v.V), true
			}
		}
	}
	return e
}

func pointValue(p *model.Point) model.Value {
	if p.Withheld || !p.Value.Valid || math.IsNaN(p.Value.V) || math.IsInf(p.Value.V, 0) {
		return model.None
	}
	return p.Value
}

// Lines draws the breakdown series of an indicator on one chart: one line
// per category, each in its own colour with a marker on every figure,
// labelled directly at its last figure (no legend). At most MaxLines are
// drawn; the caller splits more into small multiples. title is the
// chart's <title>; ext, when set, fixes the y range.
func Lines(ind *model.Indicator, title string, lines []Line, ext Extent, o Options) []byte {
	return writeSVG(linesScene(ind, title, lines, ext, o, size{w: chartWidth, plot: plotHeight}))
}

// LinesInline is Lines for a page, drawn for three column widths like
// Inline (classes kpi-chart-narrow, -medium, -wide; id prefixes with
// "-n", "-m", "-w"). Small multiples, which sit in narrower cells, use
// Lines.
// LinesSmall is Lines drawn as one of a set of small multiples: at the
// narrow size of Inline (528 units wide, text 22 units), so that its text
// stays 12 px or more in a grid cell as narrow as a phone's column.
func LinesSmall(ind *model.Indicator, title string, lines []Line, ext Extent, o Options) []byte {
	return writeSVG(linesScene(ind, title, lines, ext, o, variants[0].z))
}

func LinesInline(ind *model.Indicator, title string, lines []Line, ext Extent, o Options) []byte {
	var out []byte
	for _, v := range variants {
		vo := o
		vo.IDPrefix = o.idPrefix() + "-" + v.suffix
		vo.Standalone = false
		sc := linesScene(ind, title, lines, ext, vo, v.z)
		sc.class = v.class
		out = append(out, writeSVG(sc)...)
	}
	return out
}

// linesScene lays out Lines at the size z.
func linesScene(ind *model.Indicator, title string, lines []Line, ext Extent, o Options, z size) *scene {
	chartWidth, plotHeight := z.w, z.plot
	if len(lines) > MaxLines {
		lines = lines[:MaxLines]
	}
	// The periods: every one from the first to the last of any line.
	first, last, any := 0, 0, false
	for _, l := range lines {
		for _, p := range l.Points {
			k := p.Period.Index()
			if !any || k < first {
				first = k
			}
			if !any || k > last {
				last = k
			}
			any = true
		}
	}
	f := facts{ind: ind, first: -1, last: -1, high: -1, low: -1, lastTarget: -1, fy: o.FYStart, l: format.LangOr(o.Lang)}
	if any {
		freq := lines[0].Points[0].Period.Freq
		for k := first; k <= last; k++ {
			f.pts = append(f.pts, model.Point{Period: model.FromIndex(freq, k)})
		}
	}
	values := make([][]model.Value, len(lines))
	for li, l := range lines {
		values[li] = make([]model.Value, len(f.pts))
		for i := range l.Points {
			if v := pointValue(&l.Points[i]); v.Valid {
				values[li][l.Points[i].Period.Index()-first] = v
				f.count++
			}
		}
	}
	sc := &scene{w: chartWidth, prefix: o.idPrefix(), title: title, desc: linesDescribe(ind, lines, o),
		solo: o.Standalone}
	y := edge
	if o.Standalone {
		sc.rect(layerBackground, 0, 0, chartWidth, 0, colourWhite)
	}
	if o.Standalone && !o.Untitled {
		for _, ln := range wrap(title, chartWidth-2*edge, titleSize, true, maxTitleLn) {
			sc.text(layerTitle, edge, baseline(y, titleLead, titleSize), ln, paint{fill: colourText, size: titleSize, bold: true})
			y += titleLead
		}
		y += 6
	}
	if f.count == 0 {
		return noData(sc, &f, y)
	}
	unitY := baseline(y, lineHeight, fontSize)
	y += lineHeight + 14
	top, bottom := y, y+plotHeight
	e := ext
	if !e.Set {
		e = LinesExtent(lines)
	}
	ys := newYScale(e.Lo, e.Hi, ind.Decimals, ind.Unit)
	widest := 0.0
	for _, t := range ys.labels {
		widest = max(widest, room(t, fontSize, false))
	}
	left := edge + widest + 10
	ypos := func(v float64) float64 { return ys.pos(v, top, bottom) }
	n := len(f.pts)
	xText, xWidth := make([]string, n), make([]float64, n)
	for i := range f.pts {
		xText[i] = f.l.Short(f.pts[i].Period)
		xWidth[i] = room(xText[i], fontSize, false)
	}
	need := 0.0
	for _, l := range lines {
		need = max(need, valueGap+room(l.Label, fontSize, true))
	}
	right := chartWidth - edge
	if n > 1 {
		right = chartWidth - edge + innerPad - min(max(need, xWidth[n-1]/2), maxLabelRoom)
	} else {
		right = chartWidth - edge - min(need, maxLabelRoom)
	}
	xs := xPositions(n, left, right)
	sc.text(layerAxes, edge, unitY, f.l.UnitLabel(ind), textPaint(anchorStart))
	drawYAxis(sc, ys.ticks, ys.labels, left, right, ypos)
	y = drawXAxis(sc, &f, xs, xText, xWidth, bottom)

	dense := n > 1 && xs[1]-xs[0] < 2*markerR+1
	var labels []label
	for li := range lines {
		colour := lineColours[li]
		vs := values[li]
		ok := func(i int) bool { return vs[i].Valid }
		lastI := -1
		f.runs(ok, func(a, b int) {
			lastI = b
			if a == b {
				return
			}
			from := sc.begin()
			for i := a; i <= b; i++ {
				sc.vertex(xs[i], ypos(vs[i].V))
			}
			sc.end(layerValues, from, false, paint{stroke: colour, width: valueWidth})
		})
		for i := range vs {
			if vs[i].Valid && (!dense || i == lastI) {
				sc.circle(layerValues, xs[i], ypos(vs[i].V), markerR, paint{fill: colour, stroke: colourWhite, width: 1.5})
			}
		}
		if lastI < 0 {
			continue
		}
		text := lines[li].Label
		for room(text, fontSize, true) > maxLabelRoom-valueGap && len(text) > 4 {
			r := []rune(strings.TrimSuffix(text, "…"))
			text = strings.TrimSpace(string(r[:len(r)-2])) + "…"
		}
		labels = append(labels, label{text: text, l: layerLabels, cy: ypos(vs[lastI].V),
			x: xs[lastI] + valueGap, w: room(text, fontSize, true),
			p: paint{fill: colour, size: fontSize, bold: true, halo: true}})
	}
	spread(labels, nil, top, bottom)
	for _, a := range labels {
		place(sc, a)
	}
	return finish(sc, y)
}

// linesDescribe states each line's latest figure in words.
func linesDescribe(ind *model.Indicator, lines []Line, o Options) string {
	l10n := format.LangOr(o.Lang)
	var parts []string
	for _, l := range lines {
		for i := len(l.Points) - 1; i >= 0; i-- {
			p := &l.Points[i]
			if v := pointValue(p); v.Valid {
				parts = append(parts, l10n.T("chart.line_latest", "label", l.Label, "figure", l10n.Figure(v, ind), "period", l10n.Words(p.Period, o.FYStart)))
				break
			}
		}
	}
	if len(parts) == 0 {
		return l10n.T("chart.no_data")
	}
	if len(lines) == 1 {
		return l10n.T("chart.lines_one", "latest", parts[0])
	}
	return l10n.N("chart.lines", len(lines), "latest", strings.Join(parts, "; "))
}

// DescribeLines is the description Lines gives its chart.
func DescribeLines(ind *model.Indicator, lines []Line, o Options) string {
	if len(lines) > MaxLines {
		lines = lines[:MaxLines]
	}
	return linesDescribe(ind, lines, o)
}
