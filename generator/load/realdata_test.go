package load

import (
	"testing"

	"kpisite/generator/model"
)

const v2Head = `[[indicator]]
id = "k"
title = "K"
service = "s"
unit = "count"
polarity = "higher"
`

// TestIndicatorV2Fields reads the SPEC 3.8 fields of an indicator.
func TestIndicatorV2Fields(t *testing.T) {
	inds := mustIndicators(t, v2Head+`frequency = "annual"
year = "calendar"
unit_label = "tonnes CO2e per person"
code = "CS 07"
source_url = "https://www.gov.uk/stats"
released = 2023-07-20
next_release = "TBC"
geography = "Upper-tier local authority"
footnotes = ["Figures for 2020 are affected by the pandemic.", " "]
expected_lag = "18 months"
retired = "2030"
target = [ { kind = "fixed", value = 5, from = "2019" }, { kind = "fixed", value = 4, amber = 4.5, from = "2022" }, { kind = "none", from = "2024" } ]
`)
	ind := inds[0]
	if ind.Cal.Year != model.CalendarYear || ind.UnitLabel != "tonnes CO2e per person" || ind.Code != "CS 07" ||
		ind.SourceURL != "https://www.gov.uk/stats" || ind.Released != "2023-07-20" || ind.NextRelease != "TBC" ||
		ind.Geography == "" || len(ind.Footnotes) != 1 || ind.ExpectedLag != 18 || ind.RetiredFrom.String() != "2030" {
		t.Errorf("fields not read: %+v", ind)
	}
	if len(ind.TargetList) != 3 || ind.TargetList[1].Amber != model.Some(4.5) || ind.TargetList[2].Kind != model.TargetNone ||
		ind.TargetList[0].From.String() != "2019" {
		t.Errorf("target list: %+v", ind.TargetList)
	}
}

func TestIndicatorV2Problems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"bad year", `frequency = "annual"` + "\n" + `year = "school"`, []string{
			`data/indicators/test.toml:8:1: key "year": "school" is not a kind of year; expected one of financial, calendar, academic`}},
		{"target list out of order", `frequency = "quarterly"
target = [ { kind = "fixed", value = 5, from = "2022/23 Q1" }, { kind = "fixed", value = 4, from = "2021/22 Q1" } ]`, []string{
			`data/indicators/test.toml:8:93: key "target[1].from": 2021/22 Q1 is not after the previous target's from (2022/23 Q1); expected the list in time order, each from once`}},
		{"later target without from", `frequency = "quarterly"
target = [ { kind = "fixed", value = 5, from = "2022/23 Q1" }, { kind = "fixed", value = 4 } ]`, []string{
			`data/indicators/test.toml:8:1: target 2 of the list has no "from"; expected every target after the first to say the period it starts, such as from = "2022/23 Q1"`}},
		{"from of the wrong frequency", `frequency = "quarterly"
target = { kind = "fixed", value = 5, from = "2022/23" }`, []string{
			`data/indicators/test.toml:8:39: key "target.from": "2022/23" is not a quarter; expected a quarterly period such as "2022/23 Q1"`}},
		{"amber and tolerance", `frequency = "quarterly"
target = { kind = "fixed", value = 5, amber = 4, tolerance = 0.1 }`, []string{
			`data/indicators/test.toml:8:39: key "target.amber": is given with tolerance; expected one of them: amber = 410 (an absolute threshold) or tolerance = 0.10 (a fraction)`}},
		{"empty list", `frequency = "quarterly"
target = []`, []string{
			`data/indicators/test.toml:8:1: key "target": is an empty list; expected a list of targets such as [ { kind = "fixed", value = 430, from = "2022/23 Q1" } ], or no target key`}},
		{"bad lag", `frequency = "quarterly"
expected_lag = "soon"`, []string{
			`data/indicators/test.toml:8:1: key "expected_lag": "soon" is not a length of time; expected a number of months or years such as "6 months" or "2 years"`}},
		{"source_url not a web address", `frequency = "quarterly"
source_url = "javascript:alert(1)"`, []string{
			`data/indicators/test.toml:8:1: key "source_url": "javascript:alert(1)" is not a web address; expected an address such as "https://www.gov.uk/government/statistics/…"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			IndicatorFile("data/indicators/test.toml", []byte(v2Head+tt.in+"\n"), &ps)
			checkProblems(t, ps, tt.want)
		})
	}
}

// TestFinancialYearStartJanuary: with financial_year_start = 1 the
// financial year is the calendar year, so "2022/23 Q1" is not a period
// and "2022 Q1" is January to March 2022.
func TestFinancialYearStartJanuary(t *testing.T) {
	var ps model.Problems
	inds, _ := indicatorFile("data/indicators/test.toml", []byte(v2Head+`frequency = "quarterly"`+"\n"), yearSettings{fyStart: 1}, &ps)
	if len(ps) > 0 || len(inds) != 1 {
		t.Fatal(lines(ps))
	}
	if _, err := inds[0].ParsePeriod("2022/23 Q1"); err == nil {
		t.Error(`"2022/23 Q1" accepted with financial_year_start = 1`)
	}
	p, err := inds[0].ParsePeriod("2022 Q1")
	if err != nil || p.Words(1) != "January to March 2022" {
		t.Errorf("2022 Q1: %v %v", p.Words(1), err)
	}
}

// TestStatusColumn reads the service's own status and ignores it, with a
// warning, on a row with no figure.
func TestStatusColumn(t *testing.T) {
	inds := mustIndicators(t, testIndicators)
	var ps model.Problems
	obs := ValuesFile("data/values/v.csv", []byte("indicator,period,value,flag,status\n"+
		"idva-referrals,2022/23 Q1,412,,Green\n"+
		"idva-referrals,2022/23 Q2,,x,red\n"+
		"idva-referrals,2022/23 Q3,400,,purple\n"), inds, &ps)
	checkProblems(t, ps, []string{
		`data/values/v.csv:3:30: warning: column "status": "red" is ignored because the row has no figure; expected a status only beside a value (no figure never gets a colour)`,
		`data/values/v.csv:4:32: column "status": "purple" is not a status; expected green, amber, red or no-target (or an empty cell to work it out from the target)`,
	})
	if len(obs) != 2 || obs[0].Status != model.Green || obs[1].Status != "" {
		t.Errorf("observations: %+v", obs)
	}
}

// TestWideV2 reads the SPEC 3.8 wide-format additions: code, target and
// ignored columns, each period read with the row's indicator's kind.
func TestWideV2(t *testing.T) {
	inds := mustIndicators(t, testIndicators+`
[[indicator]]
id = "road-deaths"
title = "Road deaths"
service = "s"
frequency = "annual"
year = "calendar"
unit = "count"
polarity = "lower"
code = "RS 1"
`)
	src := "Indicator,Code,Outturn 2013/14,2021,2022,2022/23 Q1,Target\n" +
		"road-deaths,RS 1,99,20,18,,15\n" +
		"idva-referrals,,123,,,412 [p],430\n" +
		"births-42-days,XX 9,,,,90,\n"
	var ps model.Problems
	idx := newIndicatorIndex(inds)
	idx.ignore = []string{"outturn 2013/14"}
	obs := valuesFile("data/values/w.csv", []byte(src), idx, &ps)
	got := map[string]string{}
	for _, o := range obs {
		got[o.Indicator+" "+o.Period.String()] = formatFloat(o.Value.V) + "/" + formatFloat(o.Target.V)
	}
	want := map[string]string{"road-deaths 2021": "20/15", "road-deaths 2022": "18/15", "idva-referrals 2022/23 Q1": "412/430"}
	if len(ps) != 1 || len(got) != len(want) {
		t.Fatalf("observations %v, problems %v", got, lines(ps))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
	if w := `data/values/w.csv:4:16: column "code": "XX 9" is not the code of "births-42-days"; expected no code column value, or the code set in the indicator's definition`; lines(ps)[0] != w {
		t.Errorf("problem %q, want %q", lines(ps)[0], w)
	}
}

// TestWideBareQuarter: the usual spreadsheet layout labels quarters "Q1"
// without a year; the error says to add it rather than guessing.
func TestWideBareQuarter(t *testing.T) {
	inds := mustIndicators(t, testIndicators)
	var ps model.Problems
	valuesFile("data/values/w.csv", []byte("indicator,2022/23 Q4,q1\nidva-referrals,1,2\n"), newIndicatorIndex(inds), &ps)
	checkProblems(t, ps, []string{
		`data/values/w.csv:1:22: column "q1" is a quarter without its year; expected the year too, such as "2022/23 Q1" (financial) or "2022 Q1" (calendar), so that no figure is filed under the wrong year`,
	})
}
