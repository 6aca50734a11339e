package chart

import (
	"math"
	"math/rand/v2"
	"testing"

	"kpisite/generator/model"
)

// randomSeries makes a series of random length, magnitude, unit, gaps and
// targets, from a fixed seed.
func randomSeries(r *rand.Rand) *model.Series {
	units := []model.Unit{model.UnitCount, model.UnitPercent, model.UnitCurrency, model.UnitHours, model.UnitDays, model.UnitRate}
	pols := []model.Polarity{model.HigherIsBetter, model.LowerIsBetter, model.Neutral}
	freqs := []model.Frequency{model.Quarterly, model.Monthly, model.Annual}
	ind := &model.Indicator{
		ID: "r", Title: "Random indicator", Unit: units[r.IntN(len(units))], Decimals: r.IntN(3),
		Polarity: pols[r.IntN(len(pols))], Frequency: freqs[r.IntN(len(freqs))],
	}
	if r.IntN(3) == 0 {
		ind.Measure = model.MeasureYTD
	}
	scale := math.Pow(10, float64(r.IntN(10)))
	offset := (r.Float64()*2 - 0.5) * scale
	n := r.IntN(61)
	if r.IntN(20) == 0 {
		n = 200 + r.IntN(400) // decades of months
	}
	start := model.Period{Freq: ind.Frequency, Year: 2010, Sub: 1}
	if ind.Frequency == model.Annual {
		start.Sub = 0
	}
	vals := make([]float64, n)
	targets := make([]float64, n)
	target := offset + r.Float64()*scale
	for i := range vals {
		vals[i] = offset + r.Float64()*scale
		if r.IntN(8) == 0 {
			vals[i] = nan
		}
		targets[i] = nan
		if ind.Polarity != model.Neutral && r.IntN(4) != 0 {
			targets[i] = target
		}
	}
	pts := points(ind, start, vals, targets, 0.05)
	for i := range pts {
		if r.IntN(15) == 0 {
			pts[i].Value, pts[i].Withheld = model.None, true
		}
	}
	return &model.Series{Indicator: ind, Points: pts}
}

// Many random charts: each parses, and no text overlaps or leaves the
// viewBox.
func TestRandomCharts(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2022))
	for i := range 500 {
		s := randomSeries(r)
		for _, solo := range []bool{false, true} {
			o := site
			o.Standalone = solo
			parse(t, SVG(s, o))
			before := t.Failed()
			// The chart, and the page's narrow chart, where room is tightest.
			for _, sc := range []*scene{layout(s, o, solo), layoutFor(s, o, false, variants[0].z)} {
				var texts []item
				for _, it := range sc.items {
					if it.kind == kindText && it.layer != layerNotes && it.layer != layerTitle {
						texts = append(texts, it)
					}
				}
				checkBoxes(t, "random", sc, texts, 1)
			}
			if !before && t.Failed() {
				t.Fatalf("chart %d: %s %s %s, %d points", i, s.Indicator.Unit, s.Indicator.Polarity, s.Indicator.Frequency, len(s.Points))
			}
		}
		parse(t, Sparkline(s, site))
	}
}
