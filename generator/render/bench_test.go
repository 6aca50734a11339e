package render

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"kpisite/generator/chart"
	"kpisite/generator/format"
	"kpisite/generator/kpi"
	"kpisite/generator/markdown"
	"kpisite/generator/model"
	"kpisite/generator/theme"
	"kpisite/themes"
)

// benchBuilder is a builder for one quarterly indicator with 40 quarters
// of data and commentary, wired like package site wires it.
func benchBuilder(tb testing.TB) (*builder, *model.Series) {
	tb.Helper()
	th, err := theme.Load(nil, "default", themes.Default(), template.FuncMap{})
	if err != nil {
		tb.Fatal(err)
	}
	ind := &model.Indicator{
		ID: "idva-referrals", Title: "Number of referrals to the IDVA Service", ShortTitle: "IDVA referrals",
		Noun: "referrals", Service: "domestic-abuse", Frequency: model.Quarterly, Unit: model.UnitCount,
		Polarity: model.HigherIsBetter, Measure: model.MeasurePeriod, Lifecycle: model.Active,
		Compare: model.ComparePreviousYear, Target: model.TargetRule{Kind: model.TargetFixed, Value: model.Some(430)},
		Definition: "Referrals received in the quarter.", Rationale: "It shows reach.", Source: "Case system", Lead: "IDVA Service Manager",
	}
	first := model.Period{Freq: model.Quarterly, Year: 2012, Sub: 3}
	var obs []model.Observation
	for i := 0; i < 40; i++ {
		obs = append(obs, model.Observation{Indicator: ind.ID, Period: first.Add(i), Value: model.Some(400 + float64(i%7)*9)})
	}
	in := &model.Input{
		Site: model.Site{
			Title: "Performance", Organisation: "Example County Council", BaseURL: "https://www.example.gov.uk/performance/",
			Language: "en-GB", Licence: "Open Government Licence v3.0", FinancialYearStart: 4, AmberTolerance: 0.05,
			Committees: []model.Committee{{ID: "csmi", Name: "Committee"}},
			Services:   []model.Service{{ID: "domestic-abuse", Name: "Domestic Abuse", Committee: "csmi"}},
		},
		Indicators:   []*model.Indicator{ind},
		Observations: obs,
	}
	last := first.Add(39)
	in.Content.Commentary = []model.Commentary{{Indicator: ind.ID, PeriodSlug: last.Slug(), Page: model.Page{
		Author: "IDVA Service Manager", Body: []byte("Referrals **rose** this quarter.\n\n- more outreach\n- new staff\n"),
	}}}
	cfg := kpi.Config{FYStart: 4, AmberTolerance: 0.05}
	series, _ := kpi.All(in, cfg)
	md := markdown.New(false)
	o := Options{
		Theme: th, Assets: th.Assets, BuildDate: time.Date(2022, 7, 21, 0, 0, 0, 0, time.UTC), Current: last,
		Markdown: func(src []byte, minHeading int, prefix string) (template.HTML, error) {
			b, err := md.Convert(src, markdown.Options{MinHeading: minHeading, IDPrefix: prefix})
			return template.HTML(b), err
		},
		Summary: func(s *model.Series, p *model.Point) string { return kpi.Summary(s, p, 4) },
		Chart: func(s *model.Series) (Chart, error) {
			co := chart.Options{FYStart: 4, AmberTolerance: 0.05, IDPrefix: "chart-" + s.Indicator.ID}
			return Chart{SVG: string(chart.SVG(s, co)), Sparkline: chart.Sparkline(s, co)}, nil
		},
		PointFor: func(s *model.Series, cur model.Period) *model.Point { return kpi.PointFor(s, cur, 4) },
	}
	b := &builder{in: in, series: series, o: o, byID: map[string]*model.Series{ind.ID: &series[0]},
		comments: map[string][]model.Commentary{ind.ID: in.Content.Commentary}, fy: 4, lang: format.English()}
	b.prepare()
	return b, &series[0]
}

func TestIndicatorJob(t *testing.T) {
	b, s := benchBuilder(t)
	files, err := b.indicatorJob(s)()
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["indicators/idva-referrals/index.html"])
	for _, want := range []string{"Referrals <strong>rose</strong> this quarter.", "<caption id=\"data-caption\">", `role="img"`, "(CSV, "} {
		if !strings.Contains(page, want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	for _, f := range []string{"data.csv", "data.json", "chart.svg"} {
		if _, ok := files["indicators/idva-referrals/"+f]; !ok {
			t.Errorf("indicator job did not write %s", f)
		}
	}
}

// BenchmarkIndicatorPage renders one indicator page with its data files
// (40 quarters and commentary) and its chart, as in a build.
func BenchmarkIndicatorPage(b *testing.B) {
	bl, s := benchBuilder(b)
	job := bl.indicatorJob(s)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := job(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndicatorTemplate executes the indicator page's template
// alone, on a page view built once.
func BenchmarkIndicatorTemplate(b *testing.B) {
	bl, s := benchBuilder(b)
	c, err := bl.o.Chart(s)
	if err != nil {
		b.Fatal(err)
	}
	page, err := bl.indicatorPage(s, c, map[string][]byte{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bl.execute("indicator.html", page); err != nil {
			b.Fatal(err)
		}
	}
}
