package chart

import (
	"math"
	"strconv"

	"kpisite/generator/model"
)

// fontFamily is what the browser draws text with: the default theme's
// body font stack, so the chart reads as part of the page. Text is
// measured with Roboto (go-chart's font, Android's system font) plus 12%
// slack, enough for the wider system faces (DejaVu Sans, Segoe UI).
const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

// SVG draws the indicator chart of s. Inline charts scale to their
// container's width; with o.Standalone the chart is a complete file with
// an intrinsic size, a white background and its title drawn. The output is
// well-formed XML, every input string escaped: safe to embed unescaped.
func SVG(s *model.Series, o Options) []byte {
	return writeSVG(layout(s, o, o.Standalone))
}

// svgOut builds SVG text in one growing byte slice.
type svgOut struct{ b []byte }

func (w *svgOut) str(s string) { w.b = append(w.b, s...) }
func (w *svgOut) esc(s string) { w.b = appendEscaped(w.b, s) }

// num writes v with at most one decimal ("12", "12.5", "-0.5"): the same
// scene gives the same bytes on every platform.
func (w *svgOut) num(v float64) {
	t := math.Round(v * 10)
	if t == 0 || math.IsNaN(t) || math.Abs(t) > 1e15 {
		w.b = append(w.b, '0')
		return
	}
	tenths := int64(t)
	if tenths < 0 {
		w.b = append(w.b, '-')
		tenths = -tenths
	}
	w.b = strconv.AppendInt(w.b, tenths/10, 10)
	if d := tenths % 10; d != 0 {
		w.b = append(w.b, '.', byte('0'+d))
	}
}

// attr writes ` name="v"` for a number; open is ` name="`.
func (w *svgOut) attr(open string, v float64) {
	w.b = append(w.b, open...)
	w.num(v)
	w.b = append(w.b, '"')
}

// sattr writes ` name="s"`, escaped.
func (w *svgOut) sattr(name, s string) {
	w.str(" ")
	w.str(name)
	w.str(`="`)
	w.esc(s)
	w.str(`"`)
}

func writeSVG(sc *scene) []byte {
	w := &svgOut{b: make([]byte, 0, svgSize(sc))}
	w.svg(sc)
	return w.b
}

// svgSize is about how many bytes the SVG of sc runs to.
func svgSize(sc *scene) int {
	return 2048 + len(sc.title) + len(sc.desc) + 120*len(sc.items) + 24*len(sc.pts)
}

// svg appends the SVG of sc.
func (w *svgOut) svg(sc *scene) {
	w.str(`<svg xmlns="http://www.w3.org/2000/svg" class="kpi-chart`)
	if sc.class != "" {
		w.str(" ")
		w.str(sc.class)
	}
	w.str(`" viewBox="0 0 `)
	w.num(sc.w)
	w.str(" ")
	w.num(sc.h)
	w.str(`"`)
	if sc.solo {
		w.attr(` width="`, sc.w)
		w.attr(` height="`, sc.h)
	} else {
		w.str(` width="100%"`)
	}
	w.str(` role="img" aria-labelledby="`)
	w.str(sc.prefix)
	w.str(`-title `)
	w.str(sc.prefix)
	w.str(`-desc"`)
	w.sattr("font-family", fontFamily)
	w.attr(` font-size="`, fontSize)
	w.str(">\n<title")
	w.str(` id="`)
	w.esc(sc.prefix)
	w.str(`-title"`)
	w.str(">")
	if sc.xmlTitle != nil {
		w.b = append(w.b, sc.xmlTitle...)
	} else {
		w.esc(sc.title)
	}
	w.str("</title>\n<desc")
	w.str(` id="`)
	w.esc(sc.prefix)
	w.str(`-desc"`)
	w.str(">")
	if sc.xmlDesc != nil {
		w.b = append(w.b, sc.xmlDesc...)
	} else {
		w.esc(sc.desc)
	}
	w.str("</desc>\n")
	w.body(sc)
	w.str("</svg>\n")
}

// body writes the scene's items, each layer in a <g> hidden from
// assistive technology.
func (w *svgOut) body(sc *scene) {
	open := false
	var cur layer
	for i := range sc.items {
		it := &sc.items[i]
		if !open || it.layer != cur {
			if open {
				w.str("</g>\n")
			}
			w.str(`<g class="`)
			w.str(it.layer.class())
			w.str(`" aria-hidden="true">` + "\n")
			open, cur = true, it.layer
		}
		w.item(sc, it)
	}
	if open {
		w.str("</g>\n")
	}
}

func (w *svgOut) item(sc *scene, it *item) {
	switch it.kind {
	case kindRect:
		w.str("<rect")
		w.attr(` x="`, it.x)
		w.attr(` y="`, it.y)
		w.attr(` width="`, it.x2)
		w.attr(` height="`, it.y2)
		w.paint(it.paint)
		w.str("/>\n")
	case kindLine:
		w.str("<line")
		w.attr(` x1="`, it.x)
		w.attr(` y1="`, it.y)
		w.attr(` x2="`, it.x2)
		w.attr(` y2="`, it.y2)
		w.paint(it.paint)
		w.str("/>\n")
	case kindPath, kindPolygon:
		w.str(`<path d="`)
		for j, p := range sc.pts[it.from:it.to] {
			if j == 0 {
				w.str("M")
			} else {
				w.str("L")
			}
			w.num(p.x)
			w.str(" ")
			w.num(p.y)
		}
		if it.kind == kindPolygon {
			w.str("Z")
		}
		w.str(`"`)
		w.paint(it.paint)
		if it.kind == kindPath {
			w.str(` stroke-linejoin="round" stroke-linecap="round"`)
		}
		w.str("/>\n")
	case kindCircle:
		w.str("<circle")
		w.attr(` cx="`, it.x)
		w.attr(` cy="`, it.y)
		w.attr(` r="`, it.x2)
		w.paint(it.paint)
		w.str("/>\n")
	case kindText:
		w.str("<text")
		w.attr(` x="`, it.x)
		w.attr(` y="`, it.y)
		switch it.paint.anchor {
		case anchorMiddle:
			w.str(` text-anchor="middle"`)
		case anchorEnd:
			w.str(` text-anchor="end"`)
		}
		if it.paint.size != fontSize {
			w.attr(` font-size="`, it.paint.size)
		}
		if it.paint.bold {
			w.str(` font-weight="bold"`)
		}
		w.str(` fill="`)
		w.str(it.paint.fill)
		w.str(`"`)
		if it.paint.halo {
			w.str(` stroke="` + colourWhite + `" stroke-width="5" stroke-linejoin="round" paint-order="stroke"`)
		}
		w.str(">")
		w.esc(it.text)
		w.str("</text>\n")
	}
}

// paint writes the presentation attributes of a shape.
func (w *svgOut) paint(p paint) {
	w.str(` fill="`)
	if p.fill == "" {
		w.str("none")
	} else {
		w.str(p.fill)
	}
	w.str(`"`)
	if p.stroke != "" {
		w.str(` stroke="`)
		w.str(p.stroke)
		w.str(`"`)
		w.attr(` stroke-width="`, p.width)
		if p.dash != "" {
			w.str(` stroke-dasharray="`)
			w.str(p.dash)
			w.str(`"`)
		}
	}
}
