package chart

import "kpisite/generator/model"

// Drawings are every drawing of an indicator's chart that its page and
// files need.
type Drawings struct {
	Inline    string // Inline: the page's chart at three column widths
	File      []byte // SVG with Standalone: chart.svg
	Report    []byte // SVG with Standalone and Untitled: the report's copy
	Sparkline []byte // Sparkline
	Desc      string // Describe
}

// Draw makes every drawing of s at once, byte for byte what Inline, SVG
// (standalone, with and without its title), Sparkline and Describe make
// one by one, but working out the chart's facts, words and measurements
// once and reusing one scene for all five layouts. o.Standalone and
// o.Untitled are ignored.
func Draw(s *model.Series, o Options) Drawings {
	p := newPrep(s, o)
	prefix := o.idPrefix()
	d := Drawings{Desc: p.desc}
	d.Inline = p.inline(prefix)
	z := size{w: chartWidth, plot: plotHeight}
	sc := p.layout(prefix, true, false, z)
	w := svgOut{b: make([]byte, 0, len(d.Inline)/3+len(d.Inline)/8)}
	w.svg(sc)
	d.File = w.b
	sc = p.layout(prefix, true, true, z)
	w = svgOut{b: make([]byte, 0, len(d.File))}
	w.svg(sc)
	d.Report = w.b
	d.Sparkline = sparkline(&p.f, &p.sc)
	return d
}
