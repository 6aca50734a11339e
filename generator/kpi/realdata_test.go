package kpi

import (
	"testing"

	"kpisite/generator/model"
)

func fixedFrom(v float64, from model.Period) model.TargetRule {
	return model.TargetRule{Kind: model.TargetFixed, Value: model.Some(v), From: from}
}

// TestTargetList covers each edge of a target list (SPEC 3.8): before the
// first from, on it, between, a "none" entry, a single target with from,
// an absolute amber threshold, and row targets overriding the list.
func TestTargetList(t *testing.T) {
	list := func(i *model.Indicator) {
		i.TargetList = []model.TargetRule{
			fixedFrom(400, q(2019, 1)),
			{Kind: model.TargetFixed, Value: model.Some(430), Amber: model.Some(410), From: q(2022, 1)},
			{Kind: model.TargetNone, From: q(2023, 1)},
		}
	}
	tests := []struct {
		name       string
		mod        func(*model.Indicator)
		row        model.Observation
		wantTarget model.Value
		want       model.Status
		wantAmber  model.Value
	}{
		{"before the first from: no target", list, obs("k", q(2018, 4), 500), model.None, model.NoTarget, model.None},
		{"on the first from", list, obs("k", q(2019, 1), 390), model.Some(400), model.Amber, model.Some(380)},
		{"the day before the second from", list, obs("k", q(2021, 4), 399), model.Some(400), model.Amber, model.Some(380)},
		{"on the second from: absolute amber", list, obs("k", q(2022, 1), 410), model.Some(430), model.Amber, model.Some(410)},
		{"below the absolute amber", list, obs("k", q(2022, 2), 409), model.Some(430), model.Red, model.Some(410)},
		{"kind none from a period on", list, obs("k", q(2023, 2), 1), model.None, model.NoTarget, model.None},
		{"single target with from, before it", func(i *model.Indicator) { i.Target = fixedFrom(10, q(2022, 1)) },
			obs("k", q(2021, 4), 1), model.None, model.NoTarget, model.None},
		{"single target with from, after it", func(i *model.Indicator) { i.Target = fixedFrom(10, q(2022, 1)) },
			obs("k", q(2022, 3), 11), model.Some(10), model.Green, model.Some(9.5)},
		{"row target overrides before the first from", list,
			model.Observation{Indicator: "k", Period: q(2018, 4), Value: model.Some(58), Target: model.Some(60)}, model.Some(60), model.Amber, model.Some(57)},
		{"target 0 lower is better: no band, so just above is red", func(i *model.Indicator) {
			i.Polarity = model.LowerIsBetter
			i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(0)}
		}, obs("k", q(2022, 1), 1), model.Some(0), model.Red, model.None},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := indicator(tt.mod)
			pt, _ := pointAt(t, ind, []model.Observation{tt.row}, tt.row.Period)
			if pt.Target != tt.wantTarget || pt.Status != tt.want {
				t.Errorf("target %v status %s, want %v %s", pt.Target, pt.Status, tt.wantTarget, tt.want)
			}
			if pt.Amber.Valid != tt.wantAmber.Valid || (pt.Amber.Valid && !near(pt.Amber.V, tt.wantAmber.V)) {
				t.Errorf("amber edge %v, want %v", pt.Amber, tt.wantAmber)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestNoTargetKeyRowTargets is the first bug of issue 11: with no target
// key, row targets give a status and a sentence that agree.
func TestNoTargetKeyRowTargets(t *testing.T) {
	ind := indicator(func(i *model.Indicator) { i.Unit = model.UnitPercent; i.Decimals = 1 })
	row := model.Observation{Indicator: "k", Period: q(2022, 1), Value: model.Some(60.3), Target: model.Some(50)}
	s, _ := Compute(ind, []model.Observation{row}, cfg)
	got := Summary(&s, &s.Points[0], 4)
	want := "60.3% in April to June 2022, 10.3 percentage points above the target of 50.0% (green)."
	if got != want || s.Points[0].Status != model.Green {
		t.Errorf("got %q (%s), want %q", got, s.Points[0].Status, want)
	}
}

// TestYTDPercent is the second bug of issue 11: year to date of a
// percentage is sum(numerator) / sum(denominator), not a sum of
// percentages.
func TestYTDPercent(t *testing.T) {
	ind := indicator(func(i *model.Indicator) { i.Unit = model.UnitPercent; i.Measure = model.MeasureYTD })
	row := func(p model.Period, n, d float64) model.Observation {
		return model.Observation{Indicator: "k", Period: p, Value: model.Some(100 * n / d), Numerator: model.Some(n), Denominator: model.Some(d)}
	}
	s, _ := Compute(ind, []model.Observation{row(q(2022, 1), 50, 100), row(q(2022, 2), 10, 100), row(q(2023, 1), 1, 4)}, cfg)
	for _, tt := range []struct {
		p    model.Period
		want float64
	}{{q(2022, 1), 50}, {q(2022, 2), 30}, {q(2023, 1), 25}} {
		if got := s.At(tt.p).Value; !got.Valid || !near(got.V, tt.want) {
			t.Errorf("%s: ytd %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := s.At(q(2022, 2)).PeriodValue.V; got != 10 {
		t.Errorf("period value %v, want 10", got)
	}
}

// TestCumulative: figures reported already year to date are published as
// given, not summed again.
func TestCumulative(t *testing.T) {
	ind := indicator(func(i *model.Indicator) { i.Unit = model.UnitPercent; i.Measure = model.MeasureCumulative })
	s, _ := Compute(ind, []model.Observation{obs("k", q(2022, 4), 98.7), obs("k", q(2023, 1), 30.5)}, cfg)
	if s.Points[0].Value.V != 98.7 || s.Points[1].Value.V != 30.5 {
		t.Errorf("cumulative values changed: %v", s.Points)
	}
	if !ind.Measure.YearToDate() {
		t.Error("cumulative is not year to date (the chart would not break the line)")
	}
}

// TestServiceStatus: the service's own status overrides the computed one,
// and is ignored where there is no figure.
func TestServiceStatus(t *testing.T) {
	ind := indicator(func(i *model.Indicator) { i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(430)} })
	rows := []model.Observation{
		{Indicator: "k", Period: q(2022, 1), Value: model.Some(412), Status: model.Green},
		{Indicator: "k", Period: q(2022, 2), Value: model.Some(412)},
		{Indicator: "k", Period: q(2022, 3), Flag: model.FlagNotAvailable, Status: model.Red},
	}
	s, _ := Compute(ind, rows, cfg)
	tests := []struct {
		p      model.Period
		want   model.Status
		source string
	}{{q(2022, 1), model.Green, "service"}, {q(2022, 2), model.Amber, "computed"}, {q(2022, 3), model.NoData, "computed"}}
	for _, tt := range tests {
		pt := s.At(tt.p)
		if pt.Status != tt.want || pt.StatusSource() != tt.source {
			t.Errorf("%s: %s %s, want %s %s", tt.p, pt.Status, pt.StatusSource(), tt.want, tt.source)
		}
	}
	want := "412 in April to June 2022, 4% below the target of 430 (green, status set by the service)."
	if got := Summary(&s, s.At(q(2022, 1)), 4); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// TestDirectionKinds: a year earlier where the frequency has one, else the
// latest earlier period, named in the sentence.
func TestDirectionKinds(t *testing.T) {
	cal := model.Calendar{Year: model.CalendarYear}
	year := func(y int) model.Period { return model.Period{Freq: model.Annual, Year: y, Cal: cal} }
	pooled := func(y int) model.Period { return model.Period{Freq: model.MultiYear, Year: y, Span: 3, Cal: cal} }
	annual := indicator(func(i *model.Indicator) { i.Frequency = model.Annual; i.Cal = cal })
	multi := indicator(func(i *model.Indicator) { i.Frequency = model.MultiYear; i.Cal = cal })
	tests := []struct {
		name string
		ind  *model.Indicator
		rows []model.Observation
		at   model.Period
		with string
		want string
	}{
		{"annual, a year earlier", annual, []model.Observation{obs("k", year(2020), 5), obs("k", year(2021), 6)}, year(2021), "2020",
			"6 in 2021. Up from 5 in the previous year (improving)."},
		{"biennial: the latest earlier", annual, []model.Observation{obs("k", year(2019), 5), obs("k", year(2021), 4)}, year(2021), "2019",
			"4 in 2021. Down from 5 in 2019, the latest earlier figure (worsening)."},
		{"pooled: the latest earlier", multi, []model.Observation{obs("k", pooled(2017), 5), obs("k", pooled(2020), 7)}, pooled(2020), "2017 to 2019",
			"7 in 2020 to 2022 (pooled). Up from 5 in 2017 to 2019 (pooled), the latest earlier figure (improving)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := Compute(tt.ind, tt.rows, cfg)
			pt := s.At(tt.at)
			if pt == nil {
				t.Fatalf("no point at %s: %v", tt.at, s.Points)
			}
			if pt.CompareWith.String() != tt.with {
				t.Errorf("compares with %q, want %q", pt.CompareWith, tt.with)
			}
			if got := Summary(&s, pt, 4); got != tt.want {
				t.Errorf("summary\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	s, _ := Compute(multi, []model.Observation{obs("k", pooled(2017), 5), obs("k", pooled(2020), 7)}, cfg)
	if len(s.Points) != 2 {
		t.Errorf("multi-year series filled gaps: %d points", len(s.Points))
	}
}
