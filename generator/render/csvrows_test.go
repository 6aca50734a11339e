package render

import (
	"bytes"
	"encoding/csv"
	"math"
	"testing"

	"kpisite/generator/model"
)

// refCSV writes header and records as writeCSV did before csvrows.go:
// every cell formula-safe, then encoding/csv's Writer.
func refCSV(header []string, recs [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if header != nil {
		_ = w.Write(safeRecord(header))
	}
	for _, r := range recs {
		_ = w.Write(safeRecord(r))
	}
	w.Flush()
	return buf.Bytes()
}

// csvTrapSeries is a series with every kind of cell the rows can hold:
// formulas, quotes, commas, line ends, a leading space (ASCII and not),
// \., withheld and flagged points, numbers with too many decimals, -0,
// infinities, breakdowns, a single comparator and a group whose areas
// overlap it.
func csvTrapSeries(tb testing.TB) (*model.Series, *model.Site) {
	q := func(s string) model.Period { return mustPeriod(tb, s, model.Quarterly) }
	ind := &model.Indicator{ID: "idva-referrals", Frequency: model.Quarterly, Breakdowns: []string{"age", "sex"}}
	pt := func(per string, v model.Value, note string) model.Point {
		return model.Point{Period: q(per), Value: v, PeriodValue: v, HasRow: true, Status: model.Green, Direction: model.Improving, Note: note}
	}
	pts := []model.Point{
		pt("2022/23 Q1", model.Some(-12), `=HYPERLINK("http://evil.example/","Click")`),
		pt("2022/23 Q2", model.Some(0.1+0.2), "+1, for the \"new\" team"),
		{Period: q("2022/23 Q3"), HasRow: false, Value: model.Some(5)},
		pt("2022/23 Q4", model.None, "-"),
		pt("2023/24 Q1", model.Some(4.25), "@SUM(A1:A9)"),
		pt("2023/24 Q2", model.Some(math.Copysign(0, -1)), " leading space"),
		pt("2023/24 Q3", model.Some(1e21), "\u00a0no-break space first"),
		pt("2023/24 Q4", model.Some(math.Inf(-1)), `\.`),
		pt("2024/25 Q1", model.Some(-0.00000000001), "line\nend\r\nand CR\r"),
		pt("2024/25 Q2", model.Some(123456.7890123456789), "tab\tinside"),
	}
	pts[3].Flag = model.FlagNotAvailable
	pts[4].Withheld = true
	pts[5].Numerator, pts[5].Denominator, pts[5].Target = model.Some(1.00000000004), model.Some(-3), model.Some(math.Inf(1))
	pts[6].Lower, pts[6].Upper = model.Some(-1.5), model.Some(math.NaN())
	pts[7].ByService, pts[7].Flag = true, model.FlagNotApplicable
	pts[8].PeriodValue = model.Some(7.123456789012345)
	cmpOne := &model.Comparator{ID: "england", Name: "England", Areas: []string{"E92000001"}}
	cmpGroup := &model.Comparator{ID: "near", Name: "Neighbours", Areas: []string{"=E1", "E92000001", "E3"}}
	s := &model.Series{
		Indicator: ind, Points: pts,
		Breakdowns: []model.Line{
			{Dims: []model.Dim{{Dimension: "age", Category: "18-24"}}, Points: pts[:2]},
			{Dims: []model.Dim{{Dimension: "sex", Category: "-female"}, {Dimension: "age", Category: "65+"}}, Points: pts[4:6]},
		},
		Comparators: []model.ComparatorSeries{
			{Comparator: cmpOne, Points: pts[1:3], Breakdowns: []model.Line{{Dims: []model.Dim{{Dimension: "age", Category: "x,y"}}, Points: pts[:1]}}},
			{Comparator: cmpGroup, Members: []model.Line{
				{Area: "=E1", Points: pts[:3]},
				{Area: "E92000001", Points: pts[:1]}, // written with the single comparator already
				{Area: "E3", Dims: []model.Dim{{Dimension: "sex", Category: "male"}}, Points: pts[6:]},
			}},
		},
	}
	return s, &model.Site{Area: model.Area{Code: "E10000003", Name: "Cambridgeshire"}}
}

// TestAppendCompareRowsMatchesRecords holds the rows of data.csv and
// data/all.csv byte for byte to what the records and encoding/csv wrote.
func TestAppendCompareRowsMatchesRecords(t *testing.T) {
	s, site := csvTrapSeries(t)
	for _, ytd := range []bool{false, true} {
		for _, dims := range [][]string{nil, {"age"}, {"sex", "age", "other"}} {
			want := refCSV(nil, compareRecords(s, ytd, dims, site))
			for _, names := range []*periodNames{nil, {}} {
				got := appendCompareRows(nil, s, ytd, dims, site, names)
				if !bytes.Equal(got, want) {
					t.Errorf("ytd %v, dims %q:\n got: %q\nwant: %q", ytd, dims, got, want)
				}
			}
		}
	}
	// data.csv, header and all.
	s.Indicator.Measure = model.MeasureYTD
	want := refCSV(append(csvHeader(true), compareColumns(s.Indicator.Breakdowns)...), compareRecords(s, true, s.Indicator.Breakdowns, site))
	if got := indicatorCSV(s, site, &periodNames{}); !bytes.Equal(got, want) {
		t.Errorf("data.csv:\n got: %q\nwant: %q", got, want)
	}
	if !bytes.Contains(want, []byte(`"'=HYPERLINK(""http://evil.example/"",""Click"")"`)) || !bytes.Contains(want, []byte(",'-Inf,")) {
		t.Errorf("the reference lost its formula guard:\n%s", want)
	}
}

// FuzzAppendRecord holds appendRecord to encoding/csv's Writer with
// formula-safe cells, for any cells.
func FuzzAppendRecord(f *testing.F) {
	for _, seed := range [][3]string{
		{"", "plain", "=1+1"},
		{`\.`, " lead", "a\"b"},
		{"\u00a0x", "line\nend", "cr\r"},
		{"-12", "-1.2e3", "+"},
		{"@x", ",", "\x85next line"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		rec := []string{a, b, c}
		want := refCSV(nil, [][]string{append([]string(nil), rec...)})
		if got := appendRecord(nil, rec); !bytes.Equal(got, want) {
			t.Errorf("appendRecord(%q) = %q, want %q", rec, got, want)
		}
	})
}
