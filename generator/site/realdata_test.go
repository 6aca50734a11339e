package site

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
)

// realDataSite is the test site with SPEC 3.8 inputs: a calendar-year
// national statistic with a target list, metadata and a lag; a pooled
// multi-year estimate; a figure reported already cumulative; and the
// service's own status.
func realDataSite() fstest.MapFS {
	fsys := testSite()
	fsys["data/indicators/v2.toml"] = &fstest.MapFile{Data: []byte(`[[indicator]]
id = "road-deaths"
title = "People killed on the county's roads"
service = "libraries"
frequency = "annual"
year = "calendar"
unit = "count"
unit_label = "people killed"
polarity = "lower"
code = "RS 1"
source_url = "https://www.gov.uk/government/collections/road-accidents-and-safety-statistics"
released = 2022-06-30
next_release = "TBC"
geography = "County council area"
footnotes = ["Figures for 2020 are affected by the pandemic."]
expected_lag = "3 months"
target = [ { kind = "fixed", value = 20, from = "2021" } ]

[[indicator]]
id = "pooled-survey"
title = "Adults who feel safe (pooled)"
service = "libraries"
frequency = "multi_year"
year = "calendar"
unit = "percent"
polarity = "higher"

[[indicator]]
id = "tax-collection"
title = "Council tax collected (year to date)"
service = "libraries"
frequency = "quarterly"
unit = "percent"
polarity = "higher"
measure = "cumulative"
target = { kind = "fixed", value = 97, amber = 95 }

[[indicator]]
id = "own-rag"
title = "Cases closed"
service = "domestic-abuse"
frequency = "quarterly"
unit = "count"
polarity = "higher"
target = { kind = "fixed", value = 100 }
`)}
	fsys["data/values/v2.csv"] = &fstest.MapFile{Data: []byte(`indicator,period,value,numerator,denominator,status
road-deaths,2020,25,,,
road-deaths,2021,22,,,
pooled-survey,2014 to 2016,70.5,,,
pooled-survey,2017 to 2019,72.25,,,
tax-collection,2021/22 Q3,80.1,,,
tax-collection,2021/22 Q4,98.7,,,
tax-collection,2022/23 Q1,30.5,,,
own-rag,2021/22 Q1,90,,,
own-rag,2022/23 Q1,95,190,200,green
`)}
	return fsys
}

func TestRealDataSite(t *testing.T) {
	files := mustBuild(t, realDataSite())
	mustContain(t, "home scorecard", string(files["index.html"]),
		`<span class="kpi-code">RS 1</span>`,
		"latest: 2021, out of date", // calendar 2021 on a 2022/23 Q1 scorecard, lag 3 months
		"latest: 2017 to 2019",      // pooled figure, no lag: not out of date
		"(status set by the service)",
	)
	mustContain(t, "report", string(files["reports/2022-23-q1/index.html"]),
		`<span class="kpi-code">RS 1</span>`, "latest: 2021, out of date")
	mustContain(t, "road deaths page", string(files["indicators/road-deaths/index.html"]),
		"No target before 2021. From 2021: 20 each period.",
		"It is older than figures for this indicator are expected to be: out of date.",
		"22 in 2021, 10% above the target of 20 (red). Down from 25 in the previous year (improving).",
		`<th scope="row">2021</th>`, // no "(2021)" after a calendar year
		"Annual (calendar years)", "Unit: People killed.", "<dt>Council&#39;s code</dt><dd>RS 1</dd>",
		`<a href="https://www.gov.uk/government/collections/road-accidents-and-safety-statistics">`,
		"<dd>30 June 2022</dd>", "<dd>TBC</dd>", "<dd>County council area</dd>",
		"<dd>Figures for 2020 are affected by the pandemic.</dd>",
	)
	mustContain(t, "pooled page", string(files["indicators/pooled-survey/index.html"]),
		"72.3% in 2017 to 2019 (pooled). Up from 70.5% in 2014 to 2016 (pooled), the latest earlier figure (improving).",
		`2017 to 2019<span class="period-words"> (pooled)</span>`,
	)
	mustContain(t, "cumulative page", string(files["indicators/tax-collection/index.html"]),
		"30.5% in April to June 2022 (year to date)", "Reported year to date",
		"Up to the amber threshold (95.0%) counts as near target (amber).",
	)
	mustContain(t, "service status page", string(files["indicators/own-rag/index.html"]),
		"95 in April to June 2022, 5% below the target of 100 (green, status set by the service).",
	)

	var doc struct {
		Year    string `json:"year"`
		Code    string `json:"code"`
		Periods []struct {
			Period       string   `json:"period"`
			Value        *float64 `json:"value"`
			Target       *float64 `json:"target"`
			Status       string   `json:"status"`
			StatusSource string   `json:"status_source"`
			Numerator    *float64 `json:"numerator"`
		} `json:"periods"`
	}
	if err := json.Unmarshal(files["indicators/road-deaths/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Year != "calendar" || doc.Code != "RS 1" || len(doc.Periods) != 2 ||
		doc.Periods[0].Target != nil || doc.Periods[0].Status != "no-target" || *doc.Periods[1].Target != 20 {
		t.Errorf("road-deaths data.json: %+v", doc)
	}
	if err := json.Unmarshal(files["indicators/own-rag/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if last := doc.Periods[len(doc.Periods)-1]; last.StatusSource != "service" || last.Numerator == nil || *last.Numerator != 190 {
		t.Errorf("own-rag data.json: %+v", last)
	}
	if err := json.Unmarshal(files["indicators/pooled-survey/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if v := doc.Periods[1].Value; v == nil || *v != 72.25 {
		t.Errorf("pooled value not at source precision: %v", v)
	}
	mustContain(t, "all.csv", string(files["data/all.csv"]),
		"own-rag,2022/23 Q1,95,95,190,200,100,green,service,improving,,",
		"pooled-survey,2017 to 2019,72.25,72.25,,,,no-target,computed,improving,,",
	)
}

// TestCalendarYearSite: with financial_year_start = 1 the financial year
// is the calendar year, so quarters are written "2022 Q1" (January to
// March 2022) and reports are made for them; "2022/23 Q1" is an error.
func TestCalendarYearSite(t *testing.T) {
	site := func(values string) fstest.MapFS {
		return fstest.MapFS{
			"site.toml": {Data: []byte(`title = "T"
organisation = "O"
base_url = "/"
financial_year_start = 1
[[committee]]
id = "c"
name = "C"
[[service]]
id = "s"
name = "S"
committee = "c"
`)},
			"data/indicators/a.toml": {Data: []byte(`[[indicator]]
id = "k"
title = "K"
service = "s"
frequency = "quarterly"
unit = "count"
polarity = "higher"
measure = "ytd"
`)},
			"data/values/a.csv": {Data: []byte("indicator,period,value\n" + values)},
		}
	}
	files := mustBuild(t, site("k,2021 Q4,5\nk,2022 Q1,10\nk,2022 Q2,20\n"))
	mustContain(t, "report", string(files["reports/2022-q2/index.html"]), "April to June 2022 (2022 Q2)")
	mustContain(t, "indicator page", string(files["indicators/k/index.html"]),
		"30 in January to June 2022 (year to date)", // the year to date restarts in January
	)
	_, c, err := Build(site("k,2022/23 Q1,10\n"), Options{BuildDate: buildDate})
	if err == nil || len(c.Problems) == 0 || !strings.Contains(c.Problems[0].String(), `"2022/23 Q1" is not a calendar quarter`) {
		t.Errorf("2022/23 Q1 accepted with financial_year_start = 1: %v", c.Problems)
	}
}

// TestRowTargetsWithoutRule is the first bug of issue 11: an indicator
// with no target rule (or kind = "none") whose rows give targets must not
// say "No target" beside "above the target".
func TestRowTargetsWithoutRule(t *testing.T) {
	for _, rule := range []string{"", `target = { kind = "none" }`} {
		fsys := testSite()
		fsys["data/indicators/rt.toml"] = &fstest.MapFile{Data: []byte(`[[indicator]]
id = "row-targets"
title = "Row targets"
service = "libraries"
frequency = "quarterly"
unit = "percent"
polarity = "higher"
` + rule + "\n")}
		fsys["data/values/rt.csv"] = &fstest.MapFile{Data: []byte("indicator,period,value,target\nrow-targets,2022/23 Q1,60.3,50\n")}
		page := string(mustBuild(t, fsys)["indicators/row-targets/index.html"])
		mustContain(t, "row-targets page "+rule, page,
			"10.3 percentage points above the target of 50.0% (green)",
			"Set for each period with the figures (see the table).")
		mustOmit(t, "row-targets page "+rule, page, "No target: this indicator is monitored without one.")
	}
}
