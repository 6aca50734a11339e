package chart

import "kpisite/generator/model"

// sparkDash is the target's dash pattern at sparkline size.
const sparkDash = "3 2"

// Sparkline draws a small line of s for a scorecard row: the values (gaps
// where a figure is missing or withheld), the target dashed, and a marker
// on the latest figure. It has no text and is hidden from assistive
// technology (aria-hidden, focusable="false"): the row states the figure
// in words beside it. A series without figures gives an empty sparkline.
func Sparkline(s *model.Series, o Options) []byte {
	f := newFacts(s, o)
	return sparkline(&f, &scene{items: make([]item, 0, 8), pts: make([]point, 0, 2*len(f.pts))})
}

// sparkline draws the sparkline of f, with sc's slices as scratch.
func sparkline(f *facts, sc *scene) []byte {
	*sc = scene{w: sparkW, h: sparkH, items: sc.items[:0], pts: sc.pts[:0]}
	if f.count > 0 {
		sparkScene(sc, f)
	}
	w := &svgOut{b: make([]byte, 0, 512+24*len(sc.pts)+64*len(sc.items))}
	w.str(`<svg xmlns="http://www.w3.org/2000/svg" class="kpi-sparkline" viewBox="0 0 `)
	w.num(sparkW)
	w.str(" ")
	w.num(sparkH)
	w.str(`"`)
	w.attr(` width="`, sparkW)
	w.attr(` height="`, sparkH)
	w.str(` aria-hidden="true" focusable="false">` + "\n")
	w.body(sc)
	w.str("</svg>\n")
	return w.b
}

func sparkScene(sc *scene, f *facts) {
	const pad = 4.0
	lo, hi, _ := f.extent()
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	n := len(f.pts)
	x := func(i int) float64 {
		if n == 1 {
			return sparkW / 2
		}
		return pad + float64(i)*(sparkW-2*pad)/float64(n-1)
	}
	y := func(v float64) float64 { return sparkH - pad - (v-lo)/(hi-lo)*(sparkH-2*pad) }

	f.runs(func(i int) bool { return f.target(i).Valid }, func(a, b int) {
		from := sc.begin()
		if a == b {
			sc.vertex(x(a)-pad, y(f.target(a).V))
			sc.vertex(x(a)+pad, y(f.target(a).V))
		}
		for i := a; i <= b && a != b; i++ {
			sc.vertex(x(i), y(f.target(i).V))
		}
		sc.end(layerTarget, from, false, paint{stroke: colourText, width: 1, dash: sparkDash})
	})
	f.runs(func(i int) bool { return f.value(i).Valid }, func(a, b int) {
		if a == b { // a lone figure between gaps: a dot
			if a != f.last {
				sc.circle(layerValues, x(a), y(f.value(a).V), 1.5, paint{fill: colourValues})
			}
			return
		}
		from := sc.begin()
		for i := a; i <= b; i++ {
			sc.vertex(x(i), y(f.value(i).V))
		}
		sc.end(layerValues, from, false, paint{stroke: colourValues, width: 1.5})
	})
	sc.circle(layerValues, x(f.last), y(f.value(f.last).V), 2.5, paint{fill: colourValues})
}
