package chart

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// SPEC 3.8 on the indicator chart: a confidence interval is a light blue
// band behind the values line; each comparator is a grey line labelled
// with its name at its right end (a group's median). Comparator figures
// are drawn for the periods the council's own series spans.

const (
	colourInterval   = "#d2e4f3" // light blue: confidence interval (behind the lines only)
	colourComparator = "#505a5f" // dark grey, 7.1:1: comparator lines and their labels
	comparatorWidth  = 2.0
	maxLabelRoom     = 220.0 // widest a comparator label may make the right margin
)

// hasInterval reports whether any point of the series has an interval.
func hasInterval(pts []model.Point) bool {
	for i := range pts {
		if pts[i].Lower.Valid && pts[i].Upper.Valid && !pts[i].Withheld {
			return true
		}
	}
	return false
}

// comparatorValue is comparator c's figure at the period of point i.
func comparatorValue(f *facts, c *model.ComparatorSeries, i int) model.Value {
	p := c.At(f.pts[i].Period)
	if p == nil || p.Withheld || !p.Value.Valid || math.IsNaN(p.Value.V) || math.IsInf(p.Value.V, 0) {
		return model.None
	}
	return p.Value
}

// compareExtent widens lo, hi to the intervals and comparator figures.
func compareExtent(s *model.Series, f *facts, lo, hi float64) (float64, float64) {
	if s == nil {
		return lo, hi
	}
	for i := range f.pts {
		p := &f.pts[i]
		if f.value(i).Valid && p.Lower.Valid && p.Upper.Valid {
			lo, hi = math.Min(lo, p.Lower.V), math.Max(hi, p.Upper.V)
		}
		for c := range s.Comparators {
			if v := comparatorValue(f, &s.Comparators[c], i); v.Valid {
				lo, hi = math.Min(lo, v.V), math.Max(hi, v.V)
			}
		}
	}
	return lo, hi
}

// comparatorName is the label of a comparator line.
func comparatorName(l *format.Lang, c *model.ComparatorSeries) string {
	if c.Comparator.IsGroup() {
		return l.T("chart.median", "name", c.Comparator.Name)
	}
	return c.Comparator.Name
}

// compareNeed is the room comparator labels need right of the last period.
func compareNeed(s *model.Series) float64 {
	need := 0.0
	if s == nil {
		return 0
	}
	for i := range s.Comparators {
		need = max(need, valueGap+room(s.Comparators[i].Comparator.Name, fontSize, false))
	}
	return min(need, maxLabelRoom)
}

// drawInterval shades the confidence interval through each run of
// periods that have one.
func drawInterval(sc *scene, f *facts, xs []float64, half float64, ypos func(float64) float64) {
	ok := func(i int) bool {
		p := &f.pts[i]
		return f.value(i).Valid && p.Lower.Valid && p.Upper.Valid
	}
	f.runs(ok, func(a, b int) {
		from := sc.begin()
		if a == b {
			p := &f.pts[a]
			w := min(half, 12)
			sc.vertex(xs[a]-w, ypos(p.Upper.V))
			sc.vertex(xs[a]+w, ypos(p.Upper.V))
			sc.vertex(xs[a]+w, ypos(p.Lower.V))
			sc.vertex(xs[a]-w, ypos(p.Lower.V))
		} else {
			for i := a; i <= b; i++ {
				sc.vertex(xs[i], ypos(f.pts[i].Upper.V))
			}
			for i := b; i >= a; i-- {
				sc.vertex(xs[i], ypos(f.pts[i].Lower.V))
			}
		}
		sc.end(layerBand, from, true, paint{fill: colourInterval})
	})
}

// drawComparators draws each comparator as a grey line (a short level
// line for a lone figure) and labels it at its last figure. avoid are the
// vertical centres of labels already placed at the right (the latest
// figure, the target).
func drawComparators(sc *scene, s *model.Series, f *facts, xs []float64, half float64, ypos func(float64) float64, top, bottom float64, avoid []float64) {
	if s == nil {
		return
	}
	var labels []label
	for c := range s.Comparators {
		cs := &s.Comparators[c]
		ok := func(i int) bool { return comparatorValue(f, cs, i).Valid }
		last := -1
		f.runs(ok, func(a, b int) {
			last = b
			from := sc.begin()
			if a == b {
				w := min(half, 12)
				y := ypos(comparatorValue(f, cs, a).V)
				sc.vertex(xs[a]-w, y)
				sc.vertex(xs[a]+w, y)
			} else {
				for i := a; i <= b; i++ {
					sc.vertex(xs[i], ypos(comparatorValue(f, cs, i).V))
				}
			}
			sc.end(layerTarget, from, false, paint{stroke: colourComparator, width: comparatorWidth})
		})
		if last < 0 {
			continue
		}
		lines := wrap(cs.Comparator.Name, maxLabelRoom-valueGap, fontSize, false, 2)
		w := 0.0
		for _, ln := range lines {
			w = max(w, room(ln, fontSize, false))
		}
		labels = append(labels, label{text: strings.Join(lines, "\n"), l: layerLabels, cy: ypos(comparatorValue(f, cs, last).V),
			x: xs[last] + valueGap, w: w, p: paint{fill: colourComparator, size: fontSize, halo: true}})
	}
	spread(labels, avoid, top, bottom)
	for _, a := range labels {
		lines := strings.Split(a.text, "\n")
		y := a.cy - float64(len(lines)-1)*fontSize/2
		for _, ln := range lines {
			place(sc, label{text: ln, l: a.l, x: a.x, cy: y, w: a.w, p: a.p})
			y += fontSize
		}
	}
}

// spread moves labels apart vertically so that no two (nor a label and a
// one-line label centred in avoid) overlap, keeping them near the plot. A
// label's text may hold several lines, separated by "\n".
func spread(ls []label, avoid []float64, top, bottom float64) {
	const pad = 4
	height := func(a label) float64 { return float64(strings.Count(a.text, "\n")+1) * fontSize }
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].cy < ls[j].cy })
	type span struct{ lo, hi float64 }
	var taken []span
	for _, c := range avoid {
		taken = append(taken, span{c - fontSize/2, c + fontSize/2})
	}
	for i := range ls {
		h := height(ls[i])
		y := math.Max(math.Min(ls[i].cy, bottom), top)
		for range 40 {
			clash := false
			for _, t := range taken {
				if y-h/2 < t.hi+pad && t.lo-pad < y+h/2 {
					clash = true
					y = t.hi + pad + h/2
					break
				}
			}
			if !clash {
				break
			}
		}
		ls[i].cy = y
		taken = append(taken, span{y - h/2, y + h/2})
	}
}

// compareNotes are the sentences under the plot about intervals and
// comparators.
func compareNotes(s *model.Series, f *facts) []string {
	if s == nil {
		return nil
	}
	var out []string
	if hasInterval(f.pts) {
		out = append(out, f.l.T("chart.note_interval", "interval", confidenceWords(f.l, s.Indicator)))
	}
	if len(s.Comparators) > 0 {
		names := make([]string, len(s.Comparators))
		for i := range s.Comparators {
			names[i] = comparatorName(f.l, &s.Comparators[i])
		}
		out = append(out, f.l.T("chart.note_comparators", "names", strings.Join(names, "; ")))
	}
	return out
}

// confidenceWords is "95% confidence interval", or "confidence interval"
// when the level is not given.
func confidenceWords(l *format.Lang, ind *model.Indicator) string {
	if ind != nil && ind.Confidence > 0 {
		return l.T("compare.interval_percent", "percent", strconv.Itoa(ind.Confidence))
	}
	return l.T("compare.interval")
}

// compareDescribe adds to the chart's description the latest figure of
// each comparator and the latest interval.
func compareDescribe(s *model.Series, f *facts) string {
	if s == nil || f.last < 0 {
		return ""
	}
	var b strings.Builder
	p := &f.pts[f.last]
	if p.Lower.Valid && p.Upper.Valid {
		b.WriteString(" " + f.l.T("chart.latest_interval", "interval", confidenceWords(f.l, f.ind), "lower", format.Bare(p.Lower, f.ind), "upper", format.Bare(p.Upper, f.ind)))
	}
	for c := range s.Comparators {
		cs := &s.Comparators[c]
		if v := comparatorValue(f, cs, f.last); v.Valid {
			b.WriteString(" " + f.l.T("chart.comparator_latest", "name", comparatorName(f.l, cs), "figure", f.l.Figure(v, f.ind)))
		}
	}
	return b.String()
}
