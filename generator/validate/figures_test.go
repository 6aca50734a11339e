package validate

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestFigures(t *testing.T) {
	row := func(line int, v float64) model.Observation {
		return model.Observation{Indicator: "k", Period: q(2022, line), Value: model.Some(v), Pos: pos("data/values/v.csv", line, 0)}
	}
	tests := []struct {
		name string
		ind  func(*model.Indicator)
		rows []model.Observation
		want []string
	}{
		{"ytd percent without numerator and denominator", func(i *model.Indicator) {
			i.Unit, i.Measure = model.UnitPercent, model.MeasureYTD
			set(i, "unit", 3)
		}, []model.Observation{row(1, 30.5)}, []string{
			`data/values/v.csv:1: "k" has measure = "ytd" and unit = "percent", but this row has no numerator and denominator; expected numerator and denominator on every row (the year to date is sum(numerator) / sum(denominator): percentages cannot be added), or measure = "cumulative" if the figures are already year to date`}},
		{"ytd percent with numerator and denominator", func(i *model.Indicator) {
			i.Unit, i.Measure = model.UnitPercent, model.MeasureYTD
		}, []model.Observation{{Indicator: "k", Period: q(2022, 1), Value: model.Some(50), Numerator: model.Some(1), Denominator: model.Some(2)}}, nil},
		{"fractions as percentages", func(i *model.Indicator) {
			i.Unit = model.UnitPercent
			set(i, "unit", 3)
		}, []model.Observation{row(1, 0.433), row(2, 1)}, []string{
			`data/indicators/a.toml:4:1: warning: "k" is a percentage but all its 2 figures lie between 0 and 1; expected percentages such as 43.3 for 43.3% (a spreadsheet may have exported fractions such as 0.433)`}},
		{"one real percentage is enough", func(i *model.Indicator) { i.Unit = model.UnitPercent },
			[]model.Observation{row(1, 0.433), row(2, 43.3)}, nil},
		{"target 0 lower is better", func(i *model.Indicator) {
			i.Polarity = model.LowerIsBetter
			i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(0), Pos: pos(f, 5, 10)}
		}, nil, []string{
			`data/indicators/a.toml:5:10: warning: "k" has a target of 0 and lower is better: a figure can only meet it, never beat it, and no near-target band can be worked out from 0; expected a target above 0, or an absolute amber threshold such as amber = 2`}},
		{"target 0 lower is better with an amber threshold", func(i *model.Indicator) {
			i.Polarity = model.LowerIsBetter
			i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(0), Amber: model.Some(2), Pos: pos(f, 5, 10)}
		}, nil, nil},
		{"amber on the wrong side", func(i *model.Indicator) {
			i.TargetList = []model.TargetRule{{Kind: model.TargetFixed, Value: model.Some(430), Amber: model.Some(450), Pos: pos(f, 6, 12)}}
		}, nil, []string{
			`data/indicators/a.toml:6:12: warning: "k": amber = 450 is on the wrong side of the target 430 (higher is better); expected an amber threshold between red and the target`}},
		{"row target 0 lower is better", func(i *model.Indicator) { i.Polarity = model.LowerIsBetter },
			[]model.Observation{{Indicator: "k", Period: q(2022, 1), Value: model.Some(1), Target: model.Some(0), Pos: pos("data/values/v.csv", 2, 0)}}, []string{
				`data/values/v.csv:2: warning: column "target" is 0 and "k" is lower-is-better: a figure can only meet it, never beat it; expected a target above 0`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &model.Input{Site: site(), Indicators: []*model.Indicator{indicator("k", 1, tt.ind)}, Observations: tt.rows}
			var got []string
			for _, p := range Input(in).Sort() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestDuplicateCode(t *testing.T) {
	in := &model.Input{Site: site(), Indicators: []*model.Indicator{
		indicator("a", 1, func(i *model.Indicator) { i.Code = "KPI 1"; set(i, "code", 3) }),
		indicator("b", 10, func(i *model.Indicator) { i.Code = "KPI 1"; set(i, "code", 3) }),
	}}
	want := `data/indicators/a.toml:13:1: key "code": "KPI 1" is also the code of "a" (data/indicators/a.toml:4:1); expected each indicator's code once`
	if ps := Input(in); len(ps) != 1 || ps[0].String() != want {
		t.Errorf("got %v", ps)
	}
}
