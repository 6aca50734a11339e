package chart

import (
	"sync"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/roboto"
	"golang.org/x/image/math/fixed"
)

// boldFactor widens measurements of bold text: the measuring font is Roboto
// Medium, and a browser's bold sans-serif runs a few per cent wider.
const boldFactor = 1.06

// tableRunes is how many runes (Latin-1 and Latin Extended-A/B) have their
// advance widths read into the table up front.
const tableRunes = 0x250

// face is go-chart's default font with the advance widths of common runes
// read out once. It is never written after metricsOnce has run, so any
// number of goroutines may measure through it.
type face struct {
	font    *truetype.Font
	upem    float64
	advance [tableRunes]int32 // font units
	err     error
}

var (
	metricsOnce sync.Once
	metrics     *face
)

// loadFace parses go-chart's Roboto once per process.
func loadFace() *face {
	metricsOnce.Do(func() {
		f := &face{}
		f.font, f.err = truetype.Parse(roboto.Roboto)
		if f.err == nil {
			f.upem = float64(f.font.FUnitsPerEm())
			for r := rune(0); r < tableRunes; r++ {
				f.advance[r] = f.unitsOf(r)
			}
		}
		metrics = f
	})
	return metrics
}

// unitsOf reads the advance width of r from the font, in font units. The
// font has no kerning table, so a string's width is the sum of its runes'.
func (f *face) unitsOf(r rune) int32 {
	upem := fixed.Int26_6(f.font.FUnitsPerEm())
	return int32(f.font.HMetric(upem, f.font.Index(r)).AdvanceWidth)
}

// textWidth is the advance width of s set at size (in the units the size is
// given in), measured with go-chart's default font.
func textWidth(s string, size float64, bold bool) float64 {
	return unitsWidth(textUnits(s), size, bold)
}

// textUnits is the advance width of s in font units. The font has no
// kerning table, so the units of a joined string are the sum of its
// parts' (wrap measures lines that way).
func textUnits(s string) int64 {
	f := loadFace()
	if f.err != nil {
		return int64(len(s)) // unreachable with the embedded font
	}
	var units int64
	for _, r := range s {
		if r >= 0 && r < tableRunes {
			units += int64(f.advance[r])
		} else {
			units += int64(f.unitsOf(r))
		}
	}
	return units
}

// unitsWidth is the width of text of textUnits u set at size.
func unitsWidth(u int64, size float64, bold bool) float64 {
	f := loadFace()
	if f.err != nil {
		return 0.6 * size * float64(u) // unreachable with the embedded font
	}
	w := float64(u) * size / f.upem
	if bold {
		w *= boldFactor
	}
	return w
}

// slack is the room layout leaves beyond the measured width. Browsers
// without Roboto or Arial fall back to wider faces (DejaVu Sans runs about
// 10% wider), and the chart must not clip or collide in them either.
const slack = 1.12

// room is the width layout reserves for s: its measured width plus slack.
func room(s string, size float64, bold bool) float64 {
	return textWidth(s, size, bold) * slack
}
