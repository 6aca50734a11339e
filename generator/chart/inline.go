package chart

import (
	"strings"

	"kpisite/generator/model"
)

// The inline chart is drawn three times, for three ranges of column width,
// and the page's stylesheet shows one (classes kpi-chart-narrow, -medium,
// -wide). Text is fontSize (22) units in each, so the narrower the viewBox
// the larger the text on screen: drawn for the width, labels stay about
// 14-16 CSS pixels wherever the chart is shown, instead of shrinking to 11
// pixels on a phone or growing past the body text on a desktop.
//
//	variant  viewBox  shown (viewport)     column      text
//	narrow    528     below 40rem          288-416 px  12-17 px
//	medium    880     40rem to below 64rem 608-768 px  15-19 px
//	wide     1408     64rem and wider      992-1024 px 15.5-16 px
//
// The stylesheet caps the narrow and medium charts' width (26rem, 48rem)
// so that text never grows beyond those sizes. Only the shown variant is
// in the accessibility tree (the others are display: none), so a screen
// reader meets the title and description once.
var variants = [...]struct {
	class, suffix string
	z             size
}{
	{"kpi-chart-narrow", "n", size{w: 528, plot: 300}},
	{"kpi-chart-medium", "m", size{w: 880, plot: 330}},
	{"kpi-chart-wide", "w", size{w: 1408, plot: 420}},
}

// Inline draws the chart of s for a page: one SVG per column width, each
// with its own id prefix (o.IDPrefix plus "-n", "-m" or "-w"), for the
// stylesheet to choose from. Like SVG, every input string is escaped.
func Inline(s *model.Series, o Options) []byte {
	return []byte(newPrep(s, o).inline(o.idPrefix()))
}

// inline is Inline as a string, with prefix the reduced id prefix: a page
// holds it as it is (a string needs no copy to become template.HTML).
// Each SVG is written into one scratch buffer and copied into the
// string's, sized for all three from the first's layout (svgSize errs
// on the generous side; the narrow drawing may leave out markers the
// wider ones have, so its length would be too little, and the scratch
// has room for them).
func (p *prep) inline(prefix string) string {
	p.escapeWords()
	var w svgOut
	var out strings.Builder
	for i, v := range variants {
		sc := p.layout(prefix+"-"+v.suffix, false, false, v.z)
		sc.class = v.class
		if i == 0 {
			est := svgSize(sc)
			w.b = make([]byte, 0, est+est/2)
			out.Grow(3 * est)
		}
		w.b = w.b[:0]
		w.svg(sc)
		out.Write(w.b)
	}
	return out.String()
}

// escapeWords escapes the chart's title and description once for every
// drawing of it.
func (p *prep) escapeWords() {
	if p.xmlTitle == nil {
		p.xmlTitle = appendEscaped(make([]byte, 0, len(p.title)+16), p.title)
		p.xmlDesc = appendEscaped(make([]byte, 0, len(p.desc)+64), p.desc)
	}
}
