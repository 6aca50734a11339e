package chart

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

// targetSeries is a higher-is-better series of vals against a fixed target.
func targetSeries(unit model.Unit, target, tol float64, vals ...float64) *model.Series {
	ind := &model.Indicator{ID: "b", Title: "Band", Unit: unit, Polarity: model.HigherIsBetter, Frequency: model.Quarterly,
		Target: model.TargetRule{Kind: model.TargetFixed, Value: model.Some(target), Tolerance: model.Some(tol)}}
	return &model.Series{Indicator: ind, Points: points(ind, q1, vals, []float64{target}, tol)}
}

// The near-target band is drawn only where it means something.
func TestBandOnlyWhereItMeans(t *testing.T) {
	tests := []struct {
		name string
		s    *model.Series
		want bool
	}{
		{"typical: 5% of 430 referrals", typicalCount(), true},
		{"small count: 5% of 12 inquests is under one", targetSeries(model.UnitCount, 12, 0.05, 10, 14, 12, 11), false},
		{"target of zero", targetSeries(model.UnitCount, 0, 0.05, 1, 0, 2, 0), false},
		{"band wider than half the plot", targetSeries(model.UnitPercent, 90, 0.10, 88, 90, 89, 91), false},
		{"moving target (previous year)", percentVarying(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := layout(tc.s, site, false)
			got := count(sc, kindPolygon, layerBand) > 0
			if got != tc.want {
				t.Errorf("band drawn %v, want %v", got, tc.want)
			}
			f := newFacts(tc.s, site)
			note := strings.Contains(strings.Join(notes(&f), " "), "Shaded")
			if note != tc.want {
				t.Errorf("band note %v, want %v (the note must match the drawing)", note, tc.want)
			}
		})
	}
}

// A moving target is a bar per period, named by a note, never a dashed
// line that reads as a lagged second series, and never labelled "Target"
// on top of the bars.
func TestMovingTargetBars(t *testing.T) {
	s := percentVarying()
	sc := layout(s, site, false)
	if n := count(sc, kindPath, layerTarget); n != 0 {
		t.Errorf("%d target paths, want none: a moving target is drawn as bars", n)
	}
	targets := 0
	for i := range s.Points {
		if s.Points[i].Target.Valid {
			targets++
		}
	}
	if n := count(sc, kindLine, layerTarget); n != targets || n == 0 {
		t.Errorf("%d target bars, want one per period with a target (%d)", n, targets)
	}
	doc := parse(t, SVG(s, site))
	text := strings.Join(doc.texts(), " ")
	if strings.Contains(text, "Target") {
		t.Errorf("moving target labelled %q; want the note only", text)
	}
	if !strings.Contains(text, "the figure for the same quarter last year") {
		t.Errorf("no note names the bars as last year's figure: %q", text)
	}
	// A fixed target is still one dashed line, labelled.
	fixed := layout(typicalCount(), site, false)
	if count(fixed, kindPath, layerTarget) != 1 || count(fixed, kindLine, layerTarget) != 0 {
		t.Error("fixed target is not one dashed line")
	}
}

// Inline draws three variants with their own ids and classes; text stays
// fontSize units, so its share of the width falls as the viewBox widens.
func TestInlineVariants(t *testing.T) {
	out := string(Inline(typicalCount(), site))
	parts := strings.SplitAfter(out, "</svg>\n")
	if len(parts) != 4 || parts[3] != "" {
		t.Fatalf("Inline gave %d parts, want three SVGs", len(parts)-1)
	}
	for i, v := range variants {
		svg := parts[i]
		if !strings.Contains(svg, `class="kpi-chart `+v.class+`"`) {
			t.Errorf("variant %d lacks class %s", i, v.class)
		}
		prefix := "chart-1-" + v.suffix
		doc := parse(t, []byte(svg))
		if doc.Title[0].ID != prefix+"-title" || doc.Labelledby != prefix+"-title "+prefix+"-desc" {
			t.Errorf("variant %d ids %q / %q, want prefix %q", i, doc.Title[0].ID, doc.Labelledby, prefix)
		}
		if want := "0 0 " + strings.TrimSuffix(strings.TrimSuffix(formatUnits(v.z.w), ".0"), ".") + " "; !strings.HasPrefix(doc.ViewBox, want) {
			t.Errorf("variant %d viewBox %q, want prefix %q", i, doc.ViewBox, want)
		}
		if !strings.Contains(svg, ">Target</text>") || !strings.Contains(svg, ">412</text>") {
			t.Errorf("variant %d lacks its direct labels", i)
		}
	}
}

func formatUnits(v float64) string {
	w := &svgOut{}
	w.num(v)
	return string(w.b)
}
