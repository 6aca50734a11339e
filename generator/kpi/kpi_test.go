package kpi

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

func q(year, sub int) model.Period { return model.Period{Freq: model.Quarterly, Year: year, Sub: sub} }

func obs(id string, p model.Period, v float64) model.Observation {
	return model.Observation{Indicator: id, Period: p, Value: model.Some(v)}
}

func TestRAG(t *testing.T) {
	tests := []struct {
		name   string
		value  float64
		target float64
		pol    model.Polarity
		tol    float64
		want   model.Status
	}{
		{"higher above", 431, 430, model.HigherIsBetter, 0.05, model.Green},
		{"higher exactly on target", 430, 430, model.HigherIsBetter, 0.05, model.Green},
		{"higher just below", 429.9, 430, model.HigherIsBetter, 0.05, model.Amber},
		{"higher exactly on amber edge 430*0.95", 408.5, 430, model.HigherIsBetter, 0.05, model.Amber},
		{"higher just past amber edge", 408.4, 430, model.HigherIsBetter, 0.05, model.Red},
		{"higher on edge 65*0.9 (float 58.49999)", 58.5, 65, model.HigherIsBetter, 0.10, model.Amber},
		{"higher on edge 0.7*0.95 float", 0.665, 0.7, model.HigherIsBetter, 0.05, model.Amber},
		{"higher on edge 70 at 10%", 63, 70, model.HigherIsBetter, 0.1, model.Amber},
		{"higher 0.1+0.2 on target 0.3", 0.1 + 0.2, 0.3, model.HigherIsBetter, 0.05, model.Green},
		{"higher zero tolerance", 429, 430, model.HigherIsBetter, 0, model.Red},
		{"lower below", 10, 12, model.LowerIsBetter, 0.05, model.Green},
		{"lower exactly on target", 12, 12, model.LowerIsBetter, 0.05, model.Green},
		{"lower exactly on amber edge 20*1.05", 21, 20, model.LowerIsBetter, 0.05, model.Amber},
		{"lower on edge 1.1*1.1 float", 1.21, 1.1, model.LowerIsBetter, 0.1, model.Amber},
		{"lower past edge", 21.1, 20, model.LowerIsBetter, 0.05, model.Red},
		{"neutral", 5, 1, model.Neutral, 0.05, model.NoTarget},
		{"higher negative target", -9.5, -10, model.HigherIsBetter, 0.05, model.Green},
		{"higher negative target amber", -10.5, -10, model.HigherIsBetter, 0.05, model.Amber},
		{"higher target zero, value zero", 0, 0, model.HigherIsBetter, 0.05, model.Green},
		{"higher target zero, below", -1, 0, model.HigherIsBetter, 0.05, model.Red},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RAG(tt.value, tt.target, tt.pol, tt.tol); got != tt.want {
				t.Errorf("RAG(%v, %v, %s, %v) = %s, want %s", tt.value, tt.target, tt.pol, tt.tol, got, tt.want)
			}
		})
	}
}

func TestTravel(t *testing.T) {
	tests := []struct {
		now, before float64
		pol         model.Polarity
		want        model.Direction
	}{
		{412, 380, model.HigherIsBetter, model.Improving},
		{370, 380, model.HigherIsBetter, model.Worsening},
		{380, 380, model.HigherIsBetter, model.NoChange},
		{3, 5, model.LowerIsBetter, model.Improving},
		{6, 5, model.LowerIsBetter, model.Worsening},
		{6, 5, model.Neutral, model.Up},
		{4, 5, model.Neutral, model.Down},
		{5, 5, model.Neutral, model.NoChange},
	}
	for _, tt := range tests {
		if got := Travel(tt.now, tt.before, tt.pol); got != tt.want {
			t.Errorf("Travel(%v, %v, %s) = %s, want %s", tt.now, tt.before, tt.pol, got, tt.want)
		}
	}
}

// indicator returns a quarterly count indicator with defaults applied.
func indicator(mod func(*model.Indicator)) *model.Indicator {
	ind := &model.Indicator{
		ID: "k", Title: "K", Frequency: model.Quarterly, Unit: model.UnitCount,
		Polarity: model.HigherIsBetter, Measure: model.MeasurePeriod,
		Lifecycle: model.Active, Compare: model.ComparePreviousYear,
	}
	if mod != nil {
		mod(ind)
	}
	return ind
}

var cfg = Config{FYStart: 4, AmberTolerance: 0.05}

// pointAt computes and returns the point for period p.
func pointAt(t *testing.T, ind *model.Indicator, os []model.Observation, p model.Period) (model.Point, model.Problems) {
	t.Helper()
	s, probs := Compute(ind, os, cfg)
	pt := s.At(p)
	if pt == nil {
		t.Fatalf("no point for %s in %v", p, s.Points)
	}
	return *pt, probs
}

func TestTargets(t *testing.T) {
	year := func(fy int, vals ...float64) []model.Observation {
		var os []model.Observation
		for i, v := range vals {
			os = append(os, obs("k", q(fy, i+1), v))
		}
		return os
	}
	cat := func(parts ...[]model.Observation) []model.Observation {
		var out []model.Observation
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name       string
		rule       model.TargetRule
		obs        []model.Observation
		at         model.Period
		wantTarget model.Value
		wantStatus model.Status
		wantWarn   string
	}{
		{
			name: "fixed", rule: model.TargetRule{Kind: model.TargetFixed, Value: model.Some(430)},
			obs: year(2022, 412), at: q(2022, 1), wantTarget: model.Some(430), wantStatus: model.Amber,
		},
		{
			name: "reference year same quarter", rule: model.TargetRule{Kind: model.TargetReference, Reference: model.Period{Freq: model.Annual, Year: 2019}},
			obs: cat(year(2019, 100, 200, 300, 400), year(2022, 190, 190)), at: q(2022, 2), wantTarget: model.Some(200), wantStatus: model.Amber,
		},
		{
			name: "reference year missing gives no target and a warning", rule: model.TargetRule{Kind: model.TargetReference, Reference: model.Period{Freq: model.Annual, Year: 2018}},
			obs: year(2022, 190), at: q(2022, 1), wantTarget: model.None, wantStatus: model.NoTarget,
			wantWarn: `the reference target cannot be worked out for 1 period (2022/23 Q1)`,
		},
		{
			name: "previous year", rule: model.TargetRule{Kind: model.TargetPreviousYear},
			obs: cat(year(2021, 50), year(2022, 49)), at: q(2022, 1), wantTarget: model.Some(50), wantStatus: model.Amber,
		},
		{
			name: "previous year before the first row: no target, no warning", rule: model.TargetRule{Kind: model.TargetPreviousYear},
			obs: year(2022, 49, 50), at: q(2022, 2), wantTarget: model.None, wantStatus: model.NoTarget,
		},
		{
			name: "previous year missing inside the series warns", rule: model.TargetRule{Kind: model.TargetPreviousYear},
			obs: cat(year(2020, 40), []model.Observation{{Indicator: "k", Period: q(2021, 1), Flag: model.FlagNotAvailable}}, year(2022, 49)),
			at:  q(2022, 1), wantTarget: model.None, wantStatus: model.NoTarget,
			wantWarn: `the previous_year target cannot be worked out for 1 period (2022/23 Q1)`,
		},
		{
			name: "rolling average of three years", rule: model.TargetRule{Kind: model.TargetRollingAverage, Years: 3},
			obs: cat(year(2019, 90), year(2020, 100), year(2021, 110), year(2022, 100)), at: q(2022, 1), wantTarget: model.Some(100), wantStatus: model.Green,
		},
		{
			name: "rolling average needs every year", rule: model.TargetRule{Kind: model.TargetRollingAverage, Years: 3},
			obs: cat(year(2019, 90), []model.Observation{{Indicator: "k", Period: q(2020, 1), Flag: model.FlagNotAvailable}}, year(2021, 110), year(2022, 100)),
			at:  q(2022, 1), wantTarget: model.None, wantStatus: model.NoTarget,
			wantWarn: "rolling_average target cannot be worked out for 1 period (2022/23 Q1)",
		},
		{
			name: "none", rule: model.TargetRule{Kind: model.TargetNone},
			obs: year(2022, 5), at: q(2022, 1), wantTarget: model.None, wantStatus: model.NoTarget,
		},
		{
			name: "row target overrides rule", rule: model.TargetRule{Kind: model.TargetFixed, Value: model.Some(430)},
			obs: []model.Observation{{Indicator: "k", Period: q(2022, 1), Value: model.Some(400), Target: model.Some(400)}},
			at:  q(2022, 1), wantTarget: model.Some(400), wantStatus: model.Green,
		},
		{
			name: "row target where the rule cannot be worked out", rule: model.TargetRule{Kind: model.TargetPreviousYear},
			obs: []model.Observation{{Indicator: "k", Period: q(2022, 1), Value: model.Some(10), Target: model.Some(20)}},
			at:  q(2022, 1), wantTarget: model.Some(20), wantStatus: model.Red,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := indicator(func(i *model.Indicator) { i.Target = tt.rule })
			pt, probs := pointAt(t, ind, tt.obs, tt.at)
			if pt.Target != tt.wantTarget {
				t.Errorf("target = %+v, want %+v", pt.Target, tt.wantTarget)
			}
			if pt.Status != tt.wantStatus {
				t.Errorf("status = %s, want %s", pt.Status, tt.wantStatus)
			}
			switch {
			case tt.wantWarn == "" && len(probs) > 0:
				t.Errorf("unexpected problems: %v", probs)
			case tt.wantWarn != "" && (len(probs) != 1 || !strings.Contains(probs[0].Message, tt.wantWarn) || probs[0].Severity != model.Warning):
				t.Errorf("problems = %v, want one warning containing %q", probs, tt.wantWarn)
			}
		})
	}
}

func TestToleranceFromIndicatorOrSite(t *testing.T) {
	// 60 against 65: 7.7% below. Amber with the indicator's own 10%, red
	// with the site's 5%.
	own := indicator(func(i *model.Indicator) {
		i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(65), Tolerance: model.Some(0.10)}
	})
	site := indicator(func(i *model.Indicator) {
		i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(65)}
	})
	os := []model.Observation{obs("k", q(2022, 1), 60)}
	if pt, _ := pointAt(t, own, os, q(2022, 1)); pt.Status != model.Amber {
		t.Errorf("own tolerance: status = %s, want amber", pt.Status)
	}
	if pt, _ := pointAt(t, site, os, q(2022, 1)); pt.Status != model.Red {
		t.Errorf("site tolerance: status = %s, want red", pt.Status)
	}
}

func TestStatusUsesPublishedRounding(t *testing.T) {
	// 64.96% is published as "65.0%": it meets a target of 65.
	ind := indicator(func(i *model.Indicator) {
		i.Unit, i.Decimals = model.UnitPercent, 1
		i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(65)}
	})
	pt, _ := pointAt(t, ind, []model.Observation{obs("k", q(2022, 1), 64.96)}, q(2022, 1))
	if pt.Status != model.Green {
		t.Errorf("status = %s, want green", pt.Status)
	}
}

func TestMissingAndWithheld(t *testing.T) {
	fixed := model.TargetRule{Kind: model.TargetFixed, Value: model.Some(5)}
	tests := []struct {
		name         string
		mod          func(*model.Indicator)
		obs          []model.Observation
		at           model.Period
		wantStatus   model.Status
		wantValue    model.Value
		wantWithheld bool
	}{
		{
			name:       "missing value flagged x stays missing, not zero",
			obs:        []model.Observation{{Indicator: "k", Period: q(2022, 1), Flag: model.FlagNotAvailable}},
			at:         q(2022, 1),
			wantStatus: model.NoData, wantValue: model.None,
		},
		{
			name: "period with no row inside the series is no data",
			obs:  []model.Observation{obs("k", q(2022, 1), 8), obs("k", q(2022, 3), 9)},
			at:   q(2022, 2), wantStatus: model.NoData, wantValue: model.None,
		},
		{
			name: "flag c withholds the figure",
			obs:  []model.Observation{{Indicator: "k", Period: q(2022, 1), Value: model.Some(7), Flag: model.FlagConfidential}},
			at:   q(2022, 1), wantStatus: model.Withheld, wantValue: model.None, wantWithheld: true,
		},
		{
			name: "suppress_below withholds 1..n-1",
			mod:  func(i *model.Indicator) { i.SuppressBelow = 3 },
			obs:  []model.Observation{obs("k", q(2022, 1), 2)},
			at:   q(2022, 1), wantStatus: model.Withheld, wantValue: model.None, wantWithheld: true,
		},
		{
			name: "suppress_below keeps n",
			mod:  func(i *model.Indicator) { i.SuppressBelow = 3 },
			obs:  []model.Observation{obs("k", q(2022, 1), 3)},
			at:   q(2022, 1), wantStatus: model.Red, wantValue: model.Some(3),
		},
		{
			name: "suppress_below keeps zero",
			mod:  func(i *model.Indicator) { i.SuppressBelow = 3 },
			obs:  []model.Observation{obs("k", q(2022, 1), 0)},
			at:   q(2022, 1), wantStatus: model.Red, wantValue: model.Some(0),
		},
		{
			name: "percentage from numerator and denominator",
			mod:  func(i *model.Indicator) { i.Unit, i.Decimals = model.UnitPercent, 1 },
			obs:  []model.Observation{{Indicator: "k", Period: q(2022, 1), Numerator: model.Some(13), Denominator: model.Some(20)}},
			at:   q(2022, 1), wantStatus: model.Green, wantValue: model.Some(65),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := indicator(func(i *model.Indicator) {
				i.Target = fixed
				if tt.mod != nil {
					tt.mod(i)
				}
			})
			pt, _ := pointAt(t, ind, tt.obs, tt.at)
			if pt.Status != tt.wantStatus || pt.Value != tt.wantValue || pt.Withheld != tt.wantWithheld {
				t.Errorf("got status %s value %+v withheld %v; want %s %+v %v",
					pt.Status, pt.Value, pt.Withheld, tt.wantStatus, tt.wantValue, tt.wantWithheld)
			}
			if pt.Withheld && (pt.PeriodValue.Valid || pt.Numerator.Valid || pt.Denominator.Valid) {
				t.Errorf("withheld point still carries a figure: %+v", pt)
			}
		})
	}
}

func TestYearToDate(t *testing.T) {
	ytd := indicator(func(i *model.Indicator) { i.Measure = model.MeasureYTD })
	tests := []struct {
		name string
		mod  func(*model.Indicator)
		obs  []model.Observation
		want []model.Value // published values from the first row's period
	}{
		{
			name: "sums from the start of the financial year and resets",
			obs: []model.Observation{
				obs("k", q(2021, 3), 10), obs("k", q(2021, 4), 20),
				obs("k", q(2022, 1), 5), obs("k", q(2022, 2), 6), obs("k", q(2022, 3), 7),
			},
			// 2021/22 starts at Q3: earlier quarters are unknown, so no total.
			want: []model.Value{model.None, model.None, model.Some(5), model.Some(11), model.Some(18)},
		},
		{
			name: "a missing quarter breaks the rest of that year only",
			obs: []model.Observation{
				obs("k", q(2022, 1), 5), {Indicator: "k", Period: q(2022, 2), Flag: model.FlagNotAvailable},
				obs("k", q(2022, 3), 7), obs("k", q(2023, 1), 4),
			},
			want: []model.Value{model.Some(5), model.None, model.None, model.None, model.Some(4)},
		},
		{
			name: "a withheld quarter withholds the rest of that year's totals",
			mod:  func(i *model.Indicator) { i.SuppressBelow = 3 },
			obs: []model.Observation{
				obs("k", q(2022, 1), 5), obs("k", q(2022, 2), 2), obs("k", q(2022, 3), 7), obs("k", q(2022, 4), 9),
			},
			want: []model.Value{model.Some(5), model.None, model.None, model.None},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := *ytd
			if tt.mod != nil {
				tt.mod(&ind)
			}
			s, _ := Compute(&ind, tt.obs, cfg)
			if len(s.Points) != len(tt.want) {
				t.Fatalf("got %d points, want %d", len(s.Points), len(tt.want))
			}
			for i, p := range s.Points {
				if p.Value != tt.want[i] {
					t.Errorf("%s: value %+v, want %+v", p.Period, p.Value, tt.want[i])
				}
			}
		})
	}
	// Status and direction use the cumulative figure; the period's own
	// figure is kept.
	ind := indicator(func(i *model.Indicator) {
		i.Measure = model.MeasureYTD
		i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(10)}
	})
	s, _ := Compute(ind, []model.Observation{obs("k", q(2022, 1), 6), obs("k", q(2022, 2), 5)}, cfg)
	p := s.At(q(2022, 2))
	if p.Value != model.Some(11) || p.PeriodValue != model.Some(5) || p.Status != model.Green {
		t.Errorf("ytd point = %+v, want value 11, period value 5, green", p)
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		name    string
		compare model.Compare
		pol     model.Polarity
		obs     []model.Observation
		at      model.Period
		want    model.Direction
		with    model.Period
	}{
		{"same quarter last year", model.ComparePreviousYear, model.HigherIsBetter,
			[]model.Observation{obs("k", q(2021, 1), 380), obs("k", q(2021, 4), 500), obs("k", q(2022, 1), 412)},
			q(2022, 1), model.Improving, q(2021, 1)},
		{"previous period", model.ComparePreviousPeriod, model.HigherIsBetter,
			[]model.Observation{obs("k", q(2021, 1), 380), obs("k", q(2021, 4), 500), obs("k", q(2022, 1), 412)},
			q(2022, 1), model.Worsening, q(2021, 4)},
		{"missing history", model.ComparePreviousYear, model.HigherIsBetter,
			[]model.Observation{obs("k", q(2022, 1), 412)}, q(2022, 1), model.NoComparison, model.Period{}},
		{"last year withheld is no comparison", model.ComparePreviousYear, model.HigherIsBetter,
			[]model.Observation{{Indicator: "k", Period: q(2021, 1), Value: model.Some(3), Flag: model.FlagConfidential}, obs("k", q(2022, 1), 4)},
			q(2022, 1), model.NoComparison, model.Period{}},
		{"lower is better going down", model.ComparePreviousYear, model.LowerIsBetter,
			[]model.Observation{obs("k", q(2021, 1), 9), obs("k", q(2022, 1), 7)}, q(2022, 1), model.Improving, q(2021, 1)},
		{"neutral", model.ComparePreviousYear, model.Neutral,
			[]model.Observation{obs("k", q(2021, 1), 9), obs("k", q(2022, 1), 7)}, q(2022, 1), model.Down, q(2021, 1)},
		{"equal once rounded", model.ComparePreviousYear, model.HigherIsBetter,
			[]model.Observation{obs("k", q(2021, 1), 9.2), obs("k", q(2022, 1), 8.9)}, q(2022, 1), model.NoChange, q(2021, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := indicator(func(i *model.Indicator) { i.Compare, i.Polarity = tt.compare, tt.pol })
			pt, _ := pointAt(t, ind, tt.obs, tt.at)
			if pt.Direction != tt.want || pt.CompareWith != tt.with {
				t.Errorf("direction = %q against %v, want %q against %v", pt.Direction, pt.CompareWith, tt.want, tt.with)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	base := func(mod func(*model.Indicator)) *model.Indicator {
		return indicator(func(i *model.Indicator) {
			i.Noun = "referrals"
			i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(430)}
			if mod != nil {
				mod(i)
			}
		})
	}
	tests := []struct {
		name string
		ind  *model.Indicator
		obs  []model.Observation
		at   model.Period
		want string
	}{
		{"the SPEC example", base(nil),
			[]model.Observation{obs("k", q(2021, 1), 380), obs("k", q(2022, 1), 412)}, q(2022, 1),
			"412 referrals in April to June 2022, 4% below the target of 430 (amber). Up from 380 in the same quarter last year (improving)."},
		{"on target, no history", base(nil),
			[]model.Observation{obs("k", q(2022, 1), 430)}, q(2022, 1),
			"430 referrals in April to June 2022, meeting the target of 430 (green)."},
		{"no noun", base(func(i *model.Indicator) { i.Noun = "" }),
			[]model.Observation{obs("k", q(2022, 4), 1500)}, q(2022, 4),
			"1,500 in January to March 2023, 249% above the target of 430 (green)."},
		{"percent in points", base(func(i *model.Indicator) {
			i.Unit, i.Decimals, i.Noun = model.UnitPercent, 1, "of clients engaged"
			i.Target.Value = model.Some(65)
		}), []model.Observation{obs("k", q(2022, 1), 61.5)}, q(2022, 1),
			"61.5% of clients engaged in April to June 2022, 3.5 percentage points below the target of 65.0% (red)."},
		{"no target by design", base(func(i *model.Indicator) { i.Target = model.TargetRule{Kind: model.TargetNone} }),
			[]model.Observation{obs("k", q(2021, 1), 40), obs("k", q(2022, 1), 40)}, q(2022, 1),
			"40 referrals in April to June 2022. The same as in the same quarter last year (40)."},
		{"target cannot be worked out", base(func(i *model.Indicator) { i.Target = model.TargetRule{Kind: model.TargetPreviousYear} }),
			[]model.Observation{obs("k", q(2022, 1), 40)}, q(2022, 1),
			"40 referrals in April to June 2022, with no target that can be worked out for this period."},
		{"withheld never states the figure", base(func(i *model.Indicator) { i.SuppressBelow = 5 }),
			[]model.Observation{obs("k", q(2022, 1), 4)}, q(2022, 1),
			"The figure for April to June 2022 is withheld to protect people's privacy, because it is a small number."},
		{"no data", base(nil),
			[]model.Observation{{Indicator: "k", Period: q(2022, 1), Flag: model.FlagNotAvailable}}, q(2022, 1),
			"There is no figure for April to June 2022 (not available)."},
		{"provisional", base(nil),
			[]model.Observation{{Indicator: "k", Period: q(2022, 1), Value: model.Some(440), Flag: model.FlagProvisional}}, q(2022, 1),
			"440 referrals in April to June 2022, 2% above the target of 430 (green). This figure is provisional."},
		{"year to date", base(func(i *model.Indicator) { i.Measure = model.MeasureYTD; i.Target = model.TargetRule{} }),
			[]model.Observation{obs("k", q(2022, 1), 100), obs("k", q(2022, 2), 100), obs("k", q(2022, 3), 100)}, q(2022, 3),
			"300 referrals in April to December 2022 (year to date)."},
		{"neutral up", base(func(i *model.Indicator) { i.Polarity = model.Neutral; i.Target = model.TargetRule{} }),
			[]model.Observation{obs("k", q(2021, 1), 30), obs("k", q(2022, 1), 40)}, q(2022, 1),
			"40 referrals in April to June 2022. Up from 30 in the same quarter last year."},
		{"lower is better, previous period", base(func(i *model.Indicator) {
			i.Polarity, i.Compare, i.Noun = model.LowerIsBetter, model.ComparePreviousPeriod, "inquests"
			i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(10)}
		}), []model.Observation{obs("k", q(2022, 1), 12), obs("k", q(2022, 2), 10)}, q(2022, 2),
			"10 inquests in July to September 2022, meeting the target of 10 (green). Down from 12 in the previous quarter (improving)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := Compute(tt.ind, tt.obs, cfg)
			pt := s.At(tt.at)
			if got := Summary(&s, pt, 4); got != tt.want {
				t.Errorf("Summary =\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

func TestPointsAreContiguousAndOrdered(t *testing.T) {
	ind := indicator(nil)
	s, _ := Compute(ind, []model.Observation{obs("k", q(2022, 3), 1), obs("k", q(2021, 4), 2), obs("other", q(2019, 1), 3)}, cfg)
	var got []string
	for _, p := range s.Points {
		got = append(got, p.Period.String())
	}
	want := "2021/22 Q4,2022/23 Q1,2022/23 Q2,2022/23 Q3"
	if strings.Join(got, ",") != want {
		t.Errorf("periods = %v, want %s", got, want)
	}
	if s.Points[1].HasRow || s.Points[1].Status != model.NoData {
		t.Errorf("gap point = %+v, want no row, no data", s.Points[1])
	}
}

func TestCurrentPeriod(t *testing.T) {
	ind := indicator(nil)
	retired := indicator(func(i *model.Indicator) { i.ID, i.Lifecycle = "old", model.Retired })
	s1, _ := Compute(ind, []model.Observation{obs("k", q(2022, 1), 1)}, cfg)
	s2, _ := Compute(retired, []model.Observation{obs("old", q(2023, 1), 1)}, cfg)
	got, ok, err := CurrentPeriod("", []model.Series{s1, s2}, 4)
	if err != nil || !ok || got != q(2022, 1) {
		t.Errorf("CurrentPeriod = %v %v %v, want 2022/23 Q1", got, ok, err)
	}
	got, ok, err = CurrentPeriod("2021/22 Q4", nil, 4)
	if err != nil || !ok || got != q(2021, 4) {
		t.Errorf("configured CurrentPeriod = %v %v %v", got, ok, err)
	}
	if _, _, err := CurrentPeriod("2021 Q9", nil, 4); err == nil {
		t.Error("bad configured period: want error")
	}
}
