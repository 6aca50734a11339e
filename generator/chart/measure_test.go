package chart

import (
	"math"
	"strings"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"

	"kpisite/generator/model"
)

// go-chart's SVG renderer builds a new font face for every text
// measurement; ours reads advance widths once. They must agree.
func TestMeasureMatchesGoChart(t *testing.T) {
	font, err := gochart.GetDefaultFont()
	if err != nil {
		t.Fatal(err)
	}
	r, err := gochart.SVG(640, 360)
	if err != nil {
		t.Fatal(err)
	}
	r.SetDPI(72) // sizes in pixels, like our viewBox units
	r.SetFont(font)
	for _, size := range []float64{fontSize, titleSize, 11} {
		r.SetFontSize(size)
		for _, s := range []string{"Q1 22/23", "Apr 22", "1,234", "£1.2m", "65%", "Target", "Number",
			"Gap: no data for Q2 20/21.", "Rate per 100,000", "Number of referrals to the IDVA service"} {
			want := float64(r.MeasureText(s).Width())
			got := textWidth(s, size, false)
			if math.Abs(got-want) > 0.05*want {
				t.Errorf("width of %q at %v: ours %.1f, go-chart %.0f", s, size, got, want)
			}
		}
	}
}

// layoutCases are charts whose text placement is checked.
func layoutCases() map[string]*model.Series {
	monthly := withValues("Monthly", model.UnitPercent, make([]float64, 36)...)
	annual := withValues("Annual", model.UnitCount, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	for i := range monthly.Points {
		monthly.Points[i].Period = model.Period{Freq: model.Monthly, Year: 2019, Sub: 4}.Add(i)
		monthly.Points[i].Value = model.Some(60 + float64(i%7))
	}
	for i := range annual.Points {
		annual.Points[i].Period = model.Period{Freq: model.Annual, Year: 2012}.Add(i)
	}
	cases := allSeries()
	delete(cases, "no data")
	delete(cases, "nil")
	cases["monthly"] = monthly
	cases["annual"] = annual
	cases["close billions"] = withValues("Close", model.UnitCount, 1.00e9, 1.02e9, 1.01e9)
	cases["two"] = withValues("Two", model.UnitCount, 3, 4)
	return cases
}

// Axis labels and direct labels neither overlap one another nor leave the
// viewBox, checked with the measured widths and again with the widths
// widened by the fallback-font slack.
func TestTextPlacement(t *testing.T) {
	for name, s := range layoutCases() {
		scenes := []*scene{layout(s, site, false), layout(s, site, true)}
		for _, v := range variants { // the page's narrow, medium and wide charts
			scenes = append(scenes, layoutFor(s, site, false, v.z))
		}
		for _, sc := range scenes {
			var axis, direct []item
			for _, it := range sc.items {
				switch {
				case it.kind != kindText:
				case it.layer == layerAxes:
					axis = append(axis, it)
				case it.layer == layerLabels:
					direct = append(direct, it)
				}
			}
			if len(axis) < 3 {
				t.Errorf("%s: only %d axis labels", name, len(axis))
			}
			for _, widen := range []float64{1, slack} {
				checkBoxes(t, name, sc, append(axis, direct...), widen)
			}
			for _, it := range sc.items {
				if it.kind == kindText && !textBox(it).inside(sc.w, sc.h) {
					t.Errorf("%s: %q runs outside the viewBox: %+v", name, it.text, textBox(it))
				}
			}
		}
	}
}

func checkBoxes(t *testing.T, name string, sc *scene, items []item, widen float64) {
	t.Helper()
	boxes := make([]box, len(items))
	for i, it := range items {
		b := textBox(it)
		grow := (b.x1 - b.x0) * (widen - 1)
		switch it.paint.anchor {
		case anchorStart:
			b.x1 += grow
		case anchorMiddle:
			b.x0, b.x1 = b.x0-grow/2, b.x1+grow/2
		case anchorEnd:
			b.x0 -= grow
		}
		boxes[i] = b
		if !b.inside(sc.w, sc.h) {
			t.Errorf("%s (×%.2f): %q outside the %vx%v viewBox: %+v", name, widen, it.text, sc.w, sc.h, b)
		}
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			if boxes[i].overlaps(boxes[j]) {
				t.Errorf("%s (×%.2f): %q and %q overlap: %+v %+v", name, widen, items[i].text, items[j].text, boxes[i], boxes[j])
			}
		}
	}
}

func TestXLabelThinning(t *testing.T) {
	sc := layout(fortyQuarters(), site, false)
	var labels []string
	for _, it := range sc.items {
		if it.kind == kindText && it.layer == layerAxes && strings.HasPrefix(it.text, "Q") {
			labels = append(labels, it.text)
		}
	}
	last := fortyQuarters().Points[39].Period.Short()
	if len(labels) < 3 || len(labels) > 8 || labels[len(labels)-1] != last {
		t.Errorf("40 quarters labelled %q: want 3 to 8 labels ending with the latest, %s", labels, last)
	}
	for _, l := range labels {
		if l[:2] != last[:2] && l != labels[0] {
			t.Errorf("labels %q: want the same quarter of each labelled year", labels)
		}
	}

	// Few periods: every one labelled.
	sc = layout(typicalCount(), site, false)
	n := 0
	for _, it := range sc.items {
		if it.kind == kindText && it.layer == layerAxes && strings.HasPrefix(it.text, "Q") {
			n++
		}
	}
	if n < 4 {
		t.Errorf("13 quarters: %d labels", n)
	}
}
