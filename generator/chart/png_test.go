package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"kpisite/generator/model"
)

func TestPNG(t *testing.T) {
	for name, s := range map[string]*model.Series{
		"typical": typicalCount(), "one point": onePoint(), "no data": noDataSeries(), "forty": fortyQuarters(),
	} {
		t.Run(name, func(t *testing.T) {
			b, err := PNG(s, site)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			sc := layout(s, site, true)
			if w != 1600 || h != int(sc.h*pngScale) {
				t.Errorf("size %d×%d, want 1600×%d", w, h, int(sc.h*pngScale))
			}
			if name != "no data" && (h < 800 || h > 1300) {
				t.Errorf("height %d, want print proportions near 1600×900", h)
			}
			// A white background, not transparent, for pasting into papers.
			if r, g, b, a := img.At(2, h-2).RGBA(); r != 0xffff || g != 0xffff || b != 0xffff || a != 0xffff {
				t.Errorf("corner pixel %x %x %x %x, want opaque white", r, g, b, a)
			}
			// The values line is drawn: some pixel is the values' dark blue.
			if name != "no data" && !hasColour(img, 0x12, 0x43, 0x6d) {
				t.Error("no pixel of the values colour")
			}
		})
	}
}

// hasColour reports whether any pixel of img is exactly r, g, b.
func hasColour(img image.Image, r, g, b uint8) bool {
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if c.R == r && c.G == g && c.B == b && c.A == 0xff {
				return true
			}
		}
	}
	return false
}
