package render

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestFormulaSafe(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"formula", `=HYPERLINK("http://evil.example/","Click")`, `'=HYPERLINK("http://evil.example/","Click")`},
		{"plus text", "+1 for the new team", "'+1 for the new team"},
		{"minus alone", "-", "'-"},
		{"at function", "@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"negative number stays", "-12", "-12"},
		{"signed decimal stays", "+3.5", "+3.5"},
		{"exponent stays", "-1.2e3", "-1.2e3"},
		{"minus word", "-Inf", "'-Inf"},
		{"two dots is text", "-1.2.3", "'-1.2.3"},
		{"bare exponent is text", "-1e", "'-1e"},
		{"plain text untouched", "Revised in July", "Revised in July"},
		{"empty stays empty", "", ""},
		{"formula later in the cell is harmless", "see =A1", "see =A1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formulaSafe(tt.in); got != tt.want {
				t.Errorf("formulaSafe(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func mustPeriod(tb testing.TB, s string, f model.Frequency) model.Period {
	tb.Helper()
	p, err := model.ParsePeriod(s, f)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestDataCSV holds the published CSV byte for byte: empty cells stay
// empty, and every text cell is formula-safe.
func TestDataCSV(t *testing.T) {
	ind := &model.Indicator{ID: "idva-referrals", Frequency: model.Quarterly, Decimals: 1}
	pt := func(period string, v model.Value, note string) model.Point {
		return model.Point{Period: mustPeriod(t, period, model.Quarterly), Value: v, PeriodValue: v, HasRow: true,
			Status: model.NoTarget, Note: note}
	}
	s := &model.Series{Indicator: ind, Points: []model.Point{
		pt("2022/23 Q1", model.Some(-12), `=HYPERLINK("http://evil.example/","Click")`),
		pt("2022/23 Q2", model.Some(0), "+1 for the new team"),
		{Period: mustPeriod(t, "2022/23 Q3", model.Quarterly), HasRow: false},
		pt("2022/23 Q4", model.None, "-"),
		pt("2023/24 Q1", model.Some(4.25), "@SUM(A1:A9)"),
	}}
	s.Points[3].Flag = model.FlagNotAvailable
	got := dataCSV(s)
	want := "indicator,period,value,numerator,denominator,target,status,status_source,direction,flag,note\n" +
		"idva-referrals,2022/23 Q1,-12,,,,no-target,computed,,,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\"\n" +
		"idva-referrals,2022/23 Q2,0,,,,no-target,computed,,,'+1 for the new team\n" +
		"idva-referrals,2022/23 Q4,[x],,,,no-target,computed,,x,'-\n" +
		"idva-referrals,2023/24 Q1,4.25,,,,no-target,computed,,,'@SUM(A1:A9)\n"
	if string(got) != want {
		t.Errorf("data.csv:\n%s\nwant:\n%s", got, want)
	}

	traps := []struct {
		name string
		ok   bool
	}{
		// gocsv turns an empty float into "0": a missing target must stay an empty cell.
		{"missing target is an empty cell, not 0", strings.Contains(string(got), "2022/23 Q1,-12,,,,")},
		// a real zero is still written
		{"zero value is written as 0", strings.Contains(string(got), "2022/23 Q2,0,")},
		// every cell goes through the one writer's formula guard
		{"text cells go through MarshalCSV", strings.Contains(string(got), "'+1 for")},
		// rows without an input row are not published
		{"period without a row is left out", !strings.Contains(string(got), "2022/23 Q3")},
	}
	for _, tr := range traps {
		if !tr.ok {
			t.Errorf("%s:\n%s", tr.name, got)
		}
	}
}

func TestDataCSVYTDAndEmpty(t *testing.T) {
	ind := &model.Indicator{ID: "ytd", Frequency: model.Quarterly, Measure: model.MeasureYTD}
	s := &model.Series{Indicator: ind}
	got := dataCSV(s)
	if want := "indicator,period,value,period_value,numerator,denominator,target,status,status_source,direction,flag,note\n"; string(got) != want {
		t.Errorf("empty ytd data.csv = %q, want %q", got, want)
	}
	s.Points = []model.Point{{Period: mustPeriod(t, "2022/23 Q1", model.Quarterly), Value: model.Some(7), PeriodValue: model.Some(3),
		Target: model.Some(5), Status: model.Green, Direction: model.Improving, Withheld: true, HasRow: true}}
	got = dataCSV(s)
	want := "indicator,period,value,period_value,numerator,denominator,target,status,status_source,direction,flag,note\nytd,2022/23 Q1,[c],[c],,,5,green,computed,improving,c,\n"
	if string(got) != want {
		t.Errorf("ytd data.csv = %q, want %q", got, want)
	}
}
