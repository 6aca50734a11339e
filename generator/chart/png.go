package chart

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"kpisite/generator/model"
)

// pngScale is pixels per viewBox unit: the 640-unit chart becomes 1,600
// pixels wide, about 250 dots per inch across a 6.5-inch A4 text column.
const pngScale = 2.5

// PNG draws the standalone chart of s (title included) as a PNG at print
// resolution, for pasting into committee papers. The layout is the SVG's,
// replayed on go-chart's raster renderer, so the two always agree; text is
// drawn in go-chart's Roboto Medium, the font it was measured with.
func PNG(s *model.Series, o Options) ([]byte, error) {
	return paintPNG(layout(s, o, true), pngScale)
}

func paintPNG(sc *scene, k float64) ([]byte, error) {
	f := loadFace()
	if f.err != nil {
		return nil, fmt.Errorf("chart png: load font: %w", f.err)
	}
	r, err := gochart.PNG(int(math.Ceil(sc.w*k)), int(math.Ceil(sc.h*k)))
	if err != nil {
		return nil, fmt.Errorf("chart png: %w", err)
	}
	r.SetDPI(72) // font sizes are then in pixels
	r.SetFont(f.font)
	px := func(v float64) int { return int(math.Round(v * k)) }
	for i := range sc.items {
		it := &sc.items[i]
		p := it.paint
		r.ResetStyle()
		r.SetFillColor(colour(p.fill))
		r.SetStrokeColor(colour(p.stroke))
		r.SetStrokeWidth(p.width * k)
		r.SetStrokeDashArray(dashes(p.dash, k))
		switch it.kind {
		case kindRect:
			x0, y0, x1, y1 := px(it.x), px(it.y), px(it.x+it.x2), px(it.y+it.y2)
			r.MoveTo(x0, y0)
			r.LineTo(x1, y0)
			r.LineTo(x1, y1)
			r.LineTo(x0, y1)
			r.Close()
			r.Fill()
		case kindLine:
			r.MoveTo(px(it.x), px(it.y))
			r.LineTo(px(it.x2), px(it.y2))
			r.Stroke()
		case kindPath, kindPolygon:
			for j, q := range sc.pts[it.from:it.to] {
				if j == 0 {
					r.MoveTo(px(q.x), px(q.y))
				} else {
					r.LineTo(px(q.x), px(q.y))
				}
			}
			if it.kind == kindPolygon {
				r.Close()
				r.Fill()
			} else {
				r.Stroke()
			}
		case kindCircle:
			r.Circle(it.x2*k, px(it.x), px(it.y))
			if p.stroke != "" {
				r.FillStroke()
			} else {
				r.Fill()
			}
		case kindText:
			size := p.size * k
			x := it.x * k
			switch w := textWidth(it.text, size, false); p.anchor {
			case anchorMiddle:
				x -= w / 2
			case anchorEnd:
				x -= w
			}
			r.SetFont(f.font)
			r.SetFontSize(size)
			r.SetFontColor(colour(p.fill))
			r.Text(it.text, int(math.Round(x)), px(it.y))
		}
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, fmt.Errorf("chart png: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// colour reads one of the palette's hex colours; "" is transparent.
func colour(hex string) drawing.Color {
	if hex == "" {
		return drawing.ColorTransparent
	}
	return drawing.ColorFromHex(hex)
}

// dashes reads a stroke-dasharray such as "8 5", scaled by k.
func dashes(s string, k float64) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		if v, err := strconv.ParseFloat(f, 64); err == nil {
			out = append(out, v*k)
		}
	}
	return out
}
