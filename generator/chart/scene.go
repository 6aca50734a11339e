package chart

// A scene is a chart laid out: a display list in drawing order, written
// out as SVG or replayed on go-chart's PNG renderer.
type scene struct {
	w, h   float64
	items  []item
	pts    []point // the vertices of every path, addressed by item.from/to
	title  string  // <title>
	desc   string  // <desc>
	solo   bool    // standalone: intrinsic size, white background
	prefix string  // id prefix
	class  string  // a class beside kpi-chart, e.g. kpi-chart-narrow
	// xmlTitle and xmlDesc are title and desc escaped, when a chart drawn
	// at several sizes has escaped them once; nil: escape when written.
	xmlTitle, xmlDesc []byte
}

type point struct{ x, y float64 }

type kind uint8

const (
	kindRect    kind = iota // x, y, w, h
	kindLine                // x, y to x2, y2
	kindPath                // an open polyline through pts[from:to]
	kindPolygon             // a closed, filled polygon through pts[from:to]
	kindCircle              // centre x, y, radius r
	kindText                // text with its anchor point at x, baseline y
)

// layer is the <g> an item belongs to; each has a class for theming. All
// layers are hidden from assistive technology: title and desc say it all.
type layer uint8

const (
	layerBackground layer = iota
	layerTitle
	layerBand
	layerAxes
	layerTarget
	layerValues
	layerLabels // direct labels, on top of the lines
	layerNotes
)

// class is the layer's class name, for theming.
func (l layer) class() string {
	switch l {
	case layerBackground:
		return "kpi-chart-background"
	case layerTitle:
		return "kpi-chart-title"
	case layerBand:
		return "kpi-chart-band"
	case layerAxes:
		return "kpi-chart-axes"
	case layerTarget:
		return "kpi-chart-target"
	case layerValues:
		return "kpi-chart-values"
	case layerLabels:
		return "kpi-chart-labels"
	}
	return "kpi-chart-notes"
}

type anchor uint8

const (
	anchorStart anchor = iota
	anchorMiddle
	anchorEnd
)

// paint is how an item is drawn. An empty colour means none.
type paint struct {
	fill   string
	stroke string
	width  float64 // stroke width
	dash   string  // stroke-dasharray; "" = solid
	size   float64 // font size
	bold   bool
	anchor anchor
	halo   bool // white outline behind text, to keep it legible over lines
}

type item struct {
	kind         kind
	layer        layer
	x, y, x2, y2 float64 // see kind; for a rect x2, y2 are width and height; for a circle x2 is the radius
	from, to     int     // vertices in scene.pts
	paint        paint
	text         string
}

func (sc *scene) add(l layer, it item) {
	it.layer = l
	sc.items = append(sc.items, it)
}

func (sc *scene) rect(l layer, x, y, w, h float64, fill string) {
	sc.add(l, item{kind: kindRect, x: x, y: y, x2: w, y2: h, paint: paint{fill: fill}})
}

func (sc *scene) line(l layer, x1, y1, x2, y2 float64, p paint) {
	sc.add(l, item{kind: kindLine, x: x1, y: y1, x2: x2, y2: y2, paint: p})
}

// path adds a polyline (closed false) or polygon (closed true) through pts.
func (sc *scene) path(l layer, pts []point, closed bool, p paint) {
	from := sc.begin()
	sc.pts = append(sc.pts, pts...)
	sc.end(l, from, closed, p)
}

// begin starts a path whose vertices are then added with vertex.
func (sc *scene) begin() int { return len(sc.pts) }

func (sc *scene) vertex(x, y float64) { sc.pts = append(sc.pts, point{x, y}) }

// end finishes the path begun at from.
func (sc *scene) end(l layer, from int, closed bool, p paint) {
	k := kindPath
	if closed {
		k = kindPolygon
	}
	sc.add(l, item{kind: k, from: from, to: len(sc.pts), paint: p})
}

func (sc *scene) circle(l layer, x, y, r float64, p paint) {
	sc.add(l, item{kind: kindCircle, x: x, y: y, x2: r, paint: p})
}

func (sc *scene) text(l layer, x, y float64, s string, p paint) {
	sc.add(l, item{kind: kindText, x: x, y: y, text: s, paint: p})
}

// box is an axis-aligned rectangle: a text's extent on the page.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) inside(w, h float64) bool {
	return a.x0 >= 0 && a.y0 >= 0 && a.x1 <= w && a.y1 <= h
}

// textBox is the extent of a text item: its measured width placed by its
// anchor, from the cap height above the baseline to the descenders below.
func textBox(it item) box {
	w := textWidth(it.text, it.paint.size, it.paint.bold)
	x0 := it.x
	switch it.paint.anchor {
	case anchorMiddle:
		x0 -= w / 2
	case anchorEnd:
		x0 -= w
	}
	return box{x0, it.y - 0.75*it.paint.size, x0 + w, it.y + 0.25*it.paint.size}
}

// textPaint is the paint of ordinary chart text.
func textPaint(a anchor) paint {
	return paint{fill: colourText, size: fontSize, anchor: a}
}
