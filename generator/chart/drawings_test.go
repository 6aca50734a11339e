package chart

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"kpisite/generator/model"
)

// Draw makes, byte for byte, what the one-by-one functions make, although
// it reuses one scene and its scratch for every drawing: a drawing that
// kept anything of the one before would differ here.
func TestDrawMatchesOneByOne(t *testing.T) {
	cases := layoutCases()
	for name, s := range allSeries() {
		cases[name] = s
	}
	cases["intervals"] = intervalSeries()
	cases["comparators"] = comparatorSeries()
	cases["typical"] = typicalCount()
	cases["ytd"] = ytdSeries()
	cases["one point"] = onePoint()
	cases["hostile"] = withValues(`R&D <spend> "quoted" 'single' `+"\u2028", model.UnitCount, 1, 2, 3)
	r := rand.New(rand.NewPCG(13, 5))
	for i := range 200 {
		cases["random "+string(rune('a'+i%26))+string(rune('a'+i/26))] = randomSeries(r)
	}
	for name, s := range cases {
		o := site
		got := Draw(s, o)
		solo := o
		solo.Standalone = true
		untitled := solo
		untitled.Untitled = true
		for _, c := range []struct {
			what      string
			got, want []byte
		}{
			{"inline", []byte(got.Inline), Inline(s, o)},
			{"file", got.File, SVG(s, solo)},
			{"report", got.Report, SVG(s, untitled)},
			{"sparkline", got.Sparkline, Sparkline(s, o)},
			{"desc", []byte(got.Desc), []byte(Describe(s, o))},
		} {
			if !bytes.Equal(c.got, c.want) {
				t.Errorf("%s: Draw's %s differs from the one-by-one drawing at %s", name, c.what, firstDiff(string(c.got), string(c.want)))
			}
		}
	}
}

// The one-by-one functions still make the inline chart as three separate
// layouts would: the narrow drawing alone equals the first third.
func TestInlineIsThreeLayouts(t *testing.T) {
	s := typicalCount()
	var want []byte
	for _, v := range variants {
		vo := site
		vo.IDPrefix = site.idPrefix() + "-" + v.suffix
		sc := layoutFor(s, vo, false, v.z)
		sc.class = v.class
		want = append(want, writeSVG(sc)...)
	}
	if got := Inline(s, site); !bytes.Equal(got, want) {
		t.Errorf("Inline differs from three layouts at %s", firstDiff(string(got), string(want)))
	}
}
