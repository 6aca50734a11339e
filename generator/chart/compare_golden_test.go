package chart

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// The SPEC 3.8 charts kept as golden files: an interval chart, a
// comparator chart and breakdown charts.

var y2015 = model.Period{Freq: model.Annual, Year: 2015}

func rateIndicator() *model.Indicator {
	return &model.Indicator{
		ID: "suicide-rate", Title: "Suicide rate per 100,000 people", Unit: model.UnitRate, RatePer: 100000,
		Decimals: 1, Polarity: model.LowerIsBetter, Frequency: model.Annual, Measure: model.MeasurePeriod, Confidence: 95,
	}
}

// withIntervals gives each point an interval of ±w.
func withIntervals(pts []model.Point, w []float64) []model.Point {
	for i := range pts {
		if pts[i].Value.Valid && i < len(w) {
			pts[i].Lower, pts[i].Upper = model.Some(pts[i].Value.V-w[i]), model.Some(pts[i].Value.V+w[i])
		}
	}
	return pts
}

func intervalSeries() *model.Series {
	ind := rateIndicator()
	return &model.Series{Indicator: ind, Points: withIntervals(
		points(ind, y2015, []float64{10.2, 11.1, nan, 9.8, 10.6, 11.4}, nil, 0),
		[]float64{1.5, 1.6, 0, 1.4, 1.5, 1.7})}
}

func comparatorSeries() *model.Series {
	s := intervalSeries()
	england := &model.Comparator{ID: "england", Name: "England", Areas: []string{"E92000001"}}
	nbrs := &model.Comparator{ID: "neighbours", Name: "CIPFA nearest neighbours", Areas: []string{"A", "B", "C"}}
	s.Comparators = []model.ComparatorSeries{
		{Comparator: england, Points: points(s.Indicator, y2015, []float64{10.1, 9.9, 10.1, 10.0, 10.4, 10.7}, nil, 0)},
		{Comparator: nbrs, Points: points(s.Indicator, y2015.Add(1), []float64{12.3, 12.0, 11.8, 12.2, 13.0}, nil, 0)},
	}
	return s
}

func breakdownLines(n int) []Line {
	ind := rateIndicator()
	names := []string{"10-24", "25-44", "45-64", "65 and over", "Male", "Female", "Not known", "Other"}
	var out []Line
	for i := 0; i < n; i++ {
		vs := []float64{8 + float64(i), 9 + float64(i)*1.2, 8.5 + float64(i), 9.5 + float64(i)*0.8}
		out = append(out, Line{Label: names[i], Points: points(ind, y2015.Add(2), vs, nil, 0)})
	}
	return out
}

func compareGoldenCases() []struct {
	name string
	out  []byte
} {
	ind := rateIndicator()
	six := breakdownLines(4)
	return []struct {
		name string
		out  []byte
	}{
		{"interval", SVG(intervalSeries(), site)},
		{"comparators", SVG(comparatorSeries(), site)},
		{"breakdown", Lines(ind, "Suicide rate by age group", six, Extent{}, site)},
		{"breakdown-small-multiple", Lines(ind, "Suicide rate: 10-24", six[:1], LinesExtent(six), site)},
	}
}

func TestCompareGolden(t *testing.T) {
	for _, c := range compareGoldenCases() {
		t.Run(c.name, func(t *testing.T) {
			if err := xml.Unmarshal(c.out, new(struct{})); err != nil {
				t.Fatalf("not well-formed XML: %v", err)
			}
			path := filepath.Join("testdata", c.name+".svg")
			if *update {
				if err := os.WriteFile(path, c.out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(c.out, want) {
				t.Errorf("%s differs from the golden file:\n%s", path, firstDiff(string(c.out), string(want)))
			}
		})
	}
}

func TestCompareChartsSayWhatTheyDraw(t *testing.T) {
	iv := string(SVG(intervalSeries(), site))
	for _, want := range []string{`fill="` + colourInterval + `"`, "Light blue: 95% confidence interval.", "The 95% confidence interval of the latest figure is 9.7 to 13.1."} {
		if !strings.Contains(iv, want) {
			t.Errorf("interval chart lacks %q", want)
		}
	}
	cm := string(SVG(comparatorSeries(), site))
	for _, want := range []string{`stroke="` + colourComparator + `"`, ">England</text>", ">CIPFA nearest</text>", ">neighbours</text>", "England in the same period: 10.7 per 100,000.", "Grey: England; CIPFA nearest neighbours median"} {
		if !strings.Contains(cm, want) {
			t.Errorf("comparator chart lacks %q", want)
		}
	}
	if strings.Contains(iv, colourComparator) {
		t.Error("a chart without comparators draws a comparator line")
	}
	bd := string(Lines(rateIndicator(), "By age", breakdownLines(8), Extent{}, site))
	if n := strings.Count(bd, "<circle"); n == 0 || strings.Contains(bd, ">Not known<") {
		t.Errorf("a breakdown chart draws more than %d lines (or none)", MaxLines)
	}
	for _, c := range lineColours[:4] {
		if !strings.Contains(bd, c) {
			t.Errorf("breakdown chart lacks line colour %s", c)
		}
	}
	hostile := []Line{{Label: `<b>&"x"`, Points: breakdownLines(1)[0].Points}}
	out := Lines(rateIndicator(), "R&D <spend>", hostile, Extent{}, site)
	if err := xml.Unmarshal(out, new(struct{})); err != nil || bytes.Contains(out, []byte("<b>")) {
		t.Errorf("labels are not escaped: %v", err)
	}
}

// A small multiple is drawn at the narrow size, so that its text stays
// 12 px or more in a grid cell as narrow as a phone's column (22 units of
// 528 at 288 px and up), and keeps the shared scale it is given.
func TestLinesSmall(t *testing.T) {
	six := breakdownLines(4)
	ind := rateIndicator()
	small := string(LinesSmall(ind, "Suicide rate: 10-24", six[:1], LinesExtent(six), Options{}))
	if !strings.Contains(small, `viewBox="0 0 528 `) {
		t.Errorf("small multiple is not 528 units wide:\n%.300s", small)
	}
	big := string(Lines(ind, "Suicide rate: 10-24", six[:1], LinesExtent(six), Options{}))
	if strings.Contains(big, `viewBox="0 0 528 `) {
		t.Errorf("Lines is drawn at the small size too")
	}
	parse(t, []byte(small))
}
