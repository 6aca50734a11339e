package chart

import (
	"bytes"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"kpisite/generator/model"
)

// The typical chart of issue 4: 40 quarters of a count and a fixed target,
// drawn by this package and by stock go-chart in the same run.

func BenchmarkSVG(b *testing.B) {
	s := fortyQuarters()
	o := Options{FYStart: 4, AmberTolerance: 0.05, IDPrefix: "idva-referrals"}
	b.ReportAllocs()
	for b.Loop() {
		if len(SVG(s, o)) == 0 {
			b.Fatal("empty chart")
		}
	}
}

func BenchmarkGoChartStock(b *testing.B) {
	c := stockChart(fortyQuarters())
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := c.Render(gochart.SVG, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSparkline(b *testing.B) {
	s := fortyQuarters()
	b.ReportAllocs()
	for b.Loop() {
		Sparkline(s, Options{})
	}
}

// stockChart is the same series as go-chart would draw it out of the box:
// values and a dashed target as ContinuousSeries, quarter labels as ticks.
func stockChart(ser *model.Series) gochart.Chart {
	n := len(ser.Points)
	xs := make([]float64, n)
	ys := make([]float64, n)
	ts := make([]float64, n)
	var ticks []gochart.Tick
	for i, p := range ser.Points {
		xs[i], ys[i], ts[i] = float64(i), p.Value.V, p.Target.V
		if (n-1-i)%8 == 0 {
			ticks = append(ticks, gochart.Tick{Value: float64(i), Label: p.Period.Short()})
		}
	}
	return gochart.Chart{
		Width: 640, Height: 360,
		XAxis: gochart.XAxis{Ticks: ticks},
		YAxis: gochart.YAxis{Name: "Number"},
		Series: []gochart.Series{
			gochart.ContinuousSeries{Name: ser.Indicator.Name(), XValues: xs, YValues: ys,
				Style: gochart.Style{StrokeColor: drawing.ColorFromHex("12436d"), StrokeWidth: 3, DotWidth: 4,
					DotColor: drawing.ColorFromHex("12436d")}},
			gochart.ContinuousSeries{Name: "Target", XValues: xs, YValues: ts,
				Style: gochart.Style{StrokeColor: drawing.ColorFromHex("0b0c0c"), StrokeWidth: 2,
					StrokeDashArray: []float64{8, 5}}},
		},
	}
}

// BenchmarkPageCharts is what an indicator's page and files need, drawn
// one by one: the inline chart, chart.svg, the report's copy, the
// sparkline and the description.
func BenchmarkPageCharts(b *testing.B) {
	s := fortyQuarters()
	o := Options{FYStart: 4, AmberTolerance: 0.05, IDPrefix: "idva-referrals"}
	solo := o
	solo.Standalone = true
	untitled := solo
	untitled.Untitled = true
	b.ReportAllocs()
	for b.Loop() {
		Inline(s, o)
		SVG(s, solo)
		SVG(s, untitled)
		Sparkline(s, o)
		Describe(s, o)
	}
}

// BenchmarkDraw is BenchmarkPageCharts drawn at once.
func BenchmarkDraw(b *testing.B) {
	s := fortyQuarters()
	o := Options{FYStart: 4, AmberTolerance: 0.05, IDPrefix: "idva-referrals"}
	b.ReportAllocs()
	for b.Loop() {
		Draw(s, o)
	}
}
