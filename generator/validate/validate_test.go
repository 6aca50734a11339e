package validate

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

func pos(path string, line, col int) model.Position {
	return model.Position{Path: path, Line: line, Column: col}
}

const f = "data/indicators/a.toml"

// indicator builds an indicator defined at line `line` of data/indicators/a.toml,
// its keys on the lines after.
func indicator(id string, line int, edit func(*model.Indicator)) *model.Indicator {
	ind := &model.Indicator{
		ID: id, Title: id, Service: "domestic-abuse", Frequency: model.Quarterly, Unit: model.UnitCount,
		Polarity: model.HigherIsBetter, Measure: model.MeasurePeriod, Lifecycle: model.Active, Compare: model.ComparePreviousYear,
		Pos: pos(f, line, 1),
		FieldPos: map[string]model.Position{
			"id": pos(f, line+1, 1), "service": pos(f, line+2, 1),
		},
	}
	if edit != nil {
		edit(ind)
	}
	return ind
}

func set(ind *model.Indicator, key string, offset int) {
	ind.FieldPos[key] = pos(f, ind.Pos.Line+offset, 1)
}

func q(year, sub int) model.Period { return model.Period{Freq: model.Quarterly, Year: year, Sub: sub} }

func site() model.Site {
	return model.Site{
		Title:      "T",
		Committees: []model.Committee{{ID: "csmi", Name: "C"}},
		Services:   []model.Service{{ID: "domestic-abuse", Name: "DA", Committee: "csmi"}, {ID: "registrations", Name: "R", Committee: "csmi"}},
		Pos:        model.Position{Path: "site.toml"},
		FieldPos:   map[string]model.Position{"reporting.current_period": pos("site.toml", 14, 1)},
	}
}

func page(path string) model.Page { return model.Page{Path: path, BodyLine: 1} }

func valid() *model.Input {
	return &model.Input{
		Site: site(),
		Indicators: []*model.Indicator{
			indicator("idva-referrals", 1, nil),
			indicator("old-referrals", 10, func(ind *model.Indicator) {
				ind.Lifecycle, ind.Outcome, ind.ReplacedBy, ind.RetiredFrom = model.Retired, model.OutcomeReplaced, []string{"idva-referrals"}, q(2022, 1)
				set(ind, "status", 3)
				set(ind, "outcome", 4)
				set(ind, "replaced_by", 5)
				set(ind, "retired", 6)
			}),
		},
		Observations: []model.Observation{
			{Indicator: "idva-referrals", Period: q(2022, 1), Value: model.Some(412), Pos: pos("data/values/a.csv", 2, 0)},
			{Indicator: "old-referrals", Period: q(2021, 4), Value: model.Some(300), Pos: pos("data/values/a.csv", 3, 0)},
		},
		Actions: []model.Action{{Ref: "1", Committee: "csmi", Status: model.ActionComplete, Tracker: "plan", Pos: pos("data/actions/plan.csv", 2, 0)}},
		Content: model.Content{
			Indicators: map[string]*model.Page{"idva-referrals": ptr(page("content/indicators/idva-referrals.md"))},
			Services:   map[string]*model.Page{"domestic-abuse": ptr(page("content/services/domestic-abuse.md"))},
			Commentary: []model.Commentary{{Indicator: "idva-referrals", PeriodSlug: "2022-23-q1", Page: page("content/commentary/2022-23-q1/idva-referrals.md")}},
		},
	}
}

// withEngland gives the site an area and an England comparator.
func withEngland(in *model.Input) {
	in.Site.Area = model.Area{Code: "E1", Name: "Ourshire"}
	in.Site.Comparators = []model.Comparator{{ID: "england", Name: "England", Areas: []string{"E0"}}}
}

func ptr[T any](v T) *T { return &v }

func TestInput(t *testing.T) {
	tests := []struct {
		name string
		edit func(in *model.Input)
		want []string
	}{
		{"valid", nil, nil},
		{"current period with data", func(in *model.Input) { in.Site.CurrentPeriod = "2022/23 Q1" }, nil},
		{"unknown service with suggestion", func(in *model.Input) { in.Indicators[0].Service = "domestic-abus" }, []string{
			`data/indicators/a.toml:3:1: key "service": "domestic-abus" is not a service in site.toml; did you mean "domestic-abuse"?`,
		}},
		{"unknown service without suggestion", func(in *model.Input) { in.Indicators[0].Service = "libraries" }, []string{
			`data/indicators/a.toml:3:1: key "service": "libraries" is not a service in site.toml; expected one of domestic-abuse, registrations`,
		}},
		{"no services at all", func(in *model.Input) { in.Site.Services = nil }, []string{
			`data/indicators/a.toml:3:1: key "service": "domestic-abuse" is not a service in site.toml; expected the id of a [[service]] in site.toml`,
			`data/indicators/a.toml:12:1: key "service": "domestic-abuse" is not a service in site.toml; expected the id of a [[service]] in site.toml`,
			`content/services/domestic-abuse.md:1: "domestic-abuse" is not a service in site.toml; expected content/services/<service-id>.md`,
		}},
		{"replaced_by unknown, itself and twice", func(in *model.Input) {
			in.Indicators[1].ReplacedBy = []string{"idva-referals", "old-referrals", "idva-referrals", "idva-referrals"}
		}, []string{
			`data/indicators/a.toml:15:1: key "replaced_by": "idva-referals" is not an indicator id; did you mean "idva-referrals"?`,
			`data/indicators/a.toml:15:1: key "replaced_by": "old-referrals" names the indicator itself; expected the ids of the indicators that replace it`,
			`data/indicators/a.toml:15:1: key "replaced_by": "idva-referrals" is listed twice; expected each id once`,
		}},
		{"retired as replaced without replaced_by", func(in *model.Input) { in.Indicators[1].ReplacedBy = nil }, []string{
			`data/indicators/a.toml:14:1: key "outcome": "replaced" needs replaced_by; expected replaced_by = ["new-id"] naming the indicator that continues it`,
		}},
		{"retired as retained without replaced_by", func(in *model.Input) {
			in.Indicators[1].ReplacedBy, in.Indicators[1].Outcome = nil, model.OutcomeRetained
		}, []string{
			`data/indicators/a.toml:14:1: key "outcome": "retained" needs replaced_by; expected replaced_by = ["new-id"] naming the indicator that continues it`,
		}},
		{"removed but replaced_by set", func(in *model.Input) { in.Indicators[1].Outcome = model.OutcomeRemoved }, []string{
			`data/indicators/a.toml:14:1: warning: key "outcome": "removed" but replaced_by names idva-referrals; expected outcome = "replaced" or "retained", or no replaced_by`,
		}},
		{"active indicator with retirement keys", func(in *model.Input) {
			ind := in.Indicators[0]
			ind.Outcome = model.OutcomeRemoved
			set(ind, "outcome", 5)
			set(ind, "retired", 6)
			set(ind, "replaced_by", 7)
		}, []string{
			`data/indicators/a.toml:6:1: warning: key "outcome" is set but the indicator is active; expected status = "retired" as well, or no outcome`,
			`data/indicators/a.toml:7:1: warning: key "retired" is set but the indicator is active; expected status = "retired" as well, or no retired`,
			`data/indicators/a.toml:8:1: warning: key "replaced_by" is set but the indicator is active; expected status = "retired" as well, or no replaced_by`,
		}},
		{"figures after retirement", func(in *model.Input) {
			in.Observations = append(in.Observations, model.Observation{Indicator: "old-referrals", Period: q(2022, 2), Value: model.Some(1), Pos: pos("data/values/a.csv", 4, 0)})
		}, []string{
			`data/values/a.csv:4: warning: "old-referrals" was retired from 2022/23 Q1 (data/indicators/a.toml:16:1) but has a figure for 2022/23 Q2; expected no figures from 2022/23 Q1 on`,
		}},
		{"indicator notes for an unknown indicator", func(in *model.Input) {
			in.Content.Indicators["idva-referals"] = ptr(page("content/indicators/idva-referals.md"))
		}, []string{
			`content/indicators/idva-referals.md:1: "idva-referals" is not an indicator id; did you mean "idva-referrals"?`,
		}},
		{"service page for an unknown service", func(in *model.Input) {
			in.Content.Services["libraries"] = ptr(page("content/services/libraries.md"))
		}, []string{
			`content/services/libraries.md:1: "libraries" is not a service in site.toml; expected content/services/<service-id>.md`,
		}},
		{"action plan introduction for no action plan", func(in *model.Input) {
			in.Content.Actions = map[string]*model.Page{"joint-plan": ptr(page("content/actions/joint-plan.md"))}
		}, []string{
			`content/actions/joint-plan.md:1: "joint-plan" is not an action plan: there is no data/actions/joint-plan.csv with actions; expected content/actions/<tracker>.md named after a file in data/actions/`,
		}},
		{"commentary for an unknown indicator", func(in *model.Input) {
			in.Content.Commentary[0].Indicator = "idva-referral"
		}, []string{
			`content/commentary/2022-23-q1/idva-referrals.md:1: commentary for "idva-referral", which is not an indicator id; did you mean "idva-referrals"?`,
		}},
		{"commentary folder of another frequency", func(in *model.Input) { in.Content.Commentary[0].PeriodSlug = "2022-04" }, []string{
			`content/commentary/2022-23-q1/idva-referrals.md:1: folder "2022-04" is not a quarterly period slug; expected a folder such as "2022-23-q1" ("idva-referrals" is quarterly)`,
		}},
		{"commentary folder in another spelling", func(in *model.Input) { in.Content.Commentary[0].PeriodSlug = "2022-23 Q1" }, []string{
			`content/commentary/2022-23-q1/idva-referrals.md:1: folder "2022-23 Q1" is not a period slug; expected "2022-23-q1" ("idva-referrals" is quarterly)`,
		}},
		{"commentary for a period with no figure", func(in *model.Input) { in.Content.Commentary[0].PeriodSlug = "2022-23-q2" }, []string{
			`content/commentary/2022-23-q1/idva-referrals.md:1: warning: commentary for 2022/23 Q2, but "idva-referrals" has no figure for that period; expected a row for it in data/values`,
		}},
		{"commentary for a period with only a comparator figure", func(in *model.Input) {
			in.Content.Commentary[0].PeriodSlug = "2022-23-q2"
			withEngland(in)
			in.Observations = append(in.Observations, model.Observation{Indicator: "idva-referrals", Period: q(2022, 2), Area: "E0", Value: model.Some(1)})
		}, []string{
			`content/commentary/2022-23-q1/idva-referrals.md:1: warning: commentary for 2022/23 Q2, but "idva-referrals" has no figure for that period; expected a row for it in data/values`,
		}},
		{"commentary for a period with only a breakdown figure", func(in *model.Input) {
			in.Content.Commentary[0].PeriodSlug = "2022-23-q2"
			in.Observations = append(in.Observations, model.Observation{Indicator: "idva-referrals", Period: q(2022, 2), Dims: []model.Dim{{Dimension: "sex", Category: "Female"}}, Value: model.Some(1)})
		}, []string{
			`content/commentary/2022-23-q1/idva-referrals.md:1: warning: commentary for 2022/23 Q2, but "idva-referrals" has no figure for that period; expected a row for it in data/values`,
		}},
		{"commentary for a period with a row but no value", func(in *model.Input) {
			in.Content.Commentary[0].PeriodSlug = "2022-23-q2"
			in.Observations = append(in.Observations, model.Observation{Indicator: "idva-referrals", Period: q(2022, 2), Flag: model.FlagNotAvailable})
		}, []string{
			`content/commentary/2022-23-q1/idva-referrals.md:1: warning: commentary for 2022/23 Q2, but "idva-referrals" has no figure for that period; expected a row for it in data/values`,
		}},
		{"commentary for a withheld figure", func(in *model.Input) {
			in.Content.Commentary[0].PeriodSlug = "2022-23-q2"
			in.Observations = append(in.Observations, model.Observation{Indicator: "idva-referrals", Period: q(2022, 2), Flag: model.FlagConfidential})
		}, nil},
		{"commentary for an indicator with only breakdown figures", func(in *model.Input) {
			in.Observations[0].Dims = []model.Dim{{Dimension: "sex", Category: "Female"}}
		}, nil},
		{"current period with only a comparator figure", func(in *model.Input) {
			in.Site.CurrentPeriod = "2022/23 Q2"
			withEngland(in)
			in.Observations = append(in.Observations, model.Observation{Indicator: "idva-referrals", Period: q(2022, 2), Area: "E0", Value: model.Some(1)})
		}, []string{
			`site.toml:14:1: warning: key "reporting.current_period": no indicator has a figure of the council's own for 2022/23 Q2; expected the latest period with data, or no current_period`,
		}},
		{"current period with only a breakdown figure", func(in *model.Input) {
			in.Site.CurrentPeriod = "2022/23 Q2"
			in.Observations = append(in.Observations, model.Observation{Indicator: "idva-referrals", Period: q(2022, 2), Dims: []model.Dim{{Dimension: "sex", Category: "Female"}}, Value: model.Some(1)})
		}, []string{
			`site.toml:14:1: warning: key "reporting.current_period": no indicator has a figure of the council's own for 2022/23 Q2; expected the latest period with data, or no current_period`,
		}},
		{"current period not a period", func(in *model.Input) { in.Site.CurrentPeriod = "2022 Q5" }, []string{
			`site.toml:14:1: key "reporting.current_period": "2022 Q5" is not a period; expected "2022/23 Q1", "2022-04", "2022/23", "2022 Q2" or "2022"`,
		}},
		{"current period without data", func(in *model.Input) { in.Site.CurrentPeriod = "2022/23 Q2" }, []string{
			`site.toml:14:1: warning: key "reporting.current_period": no indicator has a figure of the council's own for 2022/23 Q2; expected the latest period with data, or no current_period`,
		}},
		{"reports from not a period", func(in *model.Input) {
			in.Site.ReportsFrom = "2021 Q9"
			in.Site.FieldPos["reporting.reports_from"] = pos("site.toml", 15, 1)
		}, []string{
			`site.toml:15:1: key "reporting.reports_from": "2021 Q9" is not a period; expected "2022/23 Q1", "2022-04", "2022/23", "2022 Q2" or "2022"`,
		}},
		{"reports from after the current period", func(in *model.Input) {
			in.Site.ReportsFrom, in.Site.CurrentPeriod = "2022/23 Q2", "2022/23 Q1"
			in.Site.FieldPos["reporting.reports_from"] = pos("site.toml", 15, 1)
		}, []string{
			`site.toml:15:1: key "reporting.reports_from": 2022/23 Q2 is after the current period 2022/23 Q1; expected the first period to publish a report for, no later than current_period`,
		}},
		{"reports from an earlier year", func(in *model.Input) { in.Site.ReportsFrom = "2021/22" }, nil},
		{"action for an unknown committee", func(in *model.Input) { in.Actions[0].Committee = "cmsi" }, []string{
			`data/actions/plan.csv:2: column "committee": "cmsi" is not a committee in site.toml; did you mean "csmi"?`,
		}},
		{"action for an unknown committee without suggestion", func(in *model.Input) { in.Actions[0].Committee = "adults" }, []string{
			`data/actions/plan.csv:2: column "committee": "adults" is not a committee in site.toml; expected one of csmi`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid()
			if tt.edit != nil {
				tt.edit(in)
			}
			ps := Input(in)
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			// The same input gives the same problems in the same order.
			if again := Input(in); len(again) != len(ps) || (len(ps) > 0 && again[0] != ps[0]) {
				t.Error("Input is not deterministic")
			}
		})
	}
}

func TestInputNil(t *testing.T) {
	if ps := Input(nil); ps != nil {
		t.Errorf("Input(nil) = %v", ps)
	}
	if ps := Input(&model.Input{Indicators: []*model.Indicator{nil}}); len(ps) != 0 {
		t.Errorf("Input(empty) = %v", ps)
	}
}
