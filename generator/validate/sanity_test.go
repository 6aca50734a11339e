package validate

import (
	"strings"
	"testing"
	"time"

	"kpisite/generator/model"
)

func TestSanity(t *testing.T) {
	const v = "data/values/a.csv"
	obs := func(id string, p model.Period, value float64, line int) model.Observation {
		return model.Observation{Indicator: id, Period: p, Value: model.Some(value), Pos: pos(v, line, 1)}
	}
	month := func(y, m int) model.Period { return model.Period{Freq: model.Monthly, Year: y, Sub: m} }
	today := time.Date(2022, 8, 15, 13, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		current string
		today   time.Time
		inds    []*model.Indicator
		obs     []model.Observation
		want    []string
	}{
		{
			name:    "mistyped future year is an error",
			current: "2022/23 Q1",
			obs:     []model.Observation{obs("a", q(2022, 1), 1, 2), obs("a", q(2035, 1), 2, 3)},
			want:    []string{`data/values/a.csv:3:1: the figure for "a" is for April to June 2035 (2035/36 Q1), which starts after the site's current period 2022/23 Q1 (site.toml [reporting] current_period); expected a period up to then (is the year mistyped?), or forecast = true in the indicator's definition if it is a forecast`},
		},
		{
			name:    "next quarter is after the current period",
			current: "2022/23 Q1",
			obs:     []model.Observation{obs("a", q(2022, 2), 1, 2)},
			want:    []string{`data/values/a.csv:2:1: the figure for "a" is for July to September 2022 (2022/23 Q2), which starts after the site's current period 2022/23 Q1 (site.toml [reporting] current_period); expected a period up to then (is the year mistyped?), or forecast = true in the indicator's definition if it is a forecast`},
		},
		{
			name:    "forecast = true allows it",
			current: "2022/23 Q1",
			inds:    []*model.Indicator{indicator("a", 1, func(ind *model.Indicator) { ind.Forecast = true })},
			obs:     []model.Observation{obs("a", q(2035, 1), 2, 3)},
		},
		{
			name:    "a month inside the current quarter is fine, the month after is not",
			current: "2022/23 Q1",
			inds:    []*model.Indicator{indicator("m", 1, func(ind *model.Indicator) { ind.Frequency = model.Monthly })},
			obs:     []model.Observation{obs("m", month(2022, 6), 1, 2), obs("m", month(2022, 7), 1, 3)},
			want:    []string{`data/values/a.csv:3:1: the figure for "m" is for July 2022, which starts after the site's current period 2022/23 Q1 (site.toml [reporting] current_period); expected a period up to then (is the year mistyped?), or forecast = true in the indicator's definition if it is a forecast`},
		},
		{
			name:  "without a current period, the build date decides",
			today: today,
			obs:   []model.Observation{obs("a", q(2022, 2), 1, 2), obs("a", q(2022, 3), 1, 3)},
			want:  []string{`data/values/a.csv:3:1: the figure for "a" is for October to December 2022 (2022/23 Q3), which starts after today, 15 August 2022, and site.toml sets no current_period; expected a period up to then (is the year mistyped?), or forecast = true in the indicator's definition if it is a forecast`},
		},
		{
			name: "without a current period or a date, nothing is in the future",
			obs:  []model.Observation{obs("a", q(2035, 1), 1, 2)},
		},
		{
			name:    "negative count is a warning",
			current: "2022/23 Q1",
			obs:     []model.Observation{obs("a", q(2022, 1), -12, 2)},
			want:    []string{`data/values/a.csv:2:1: warning: the figure for "a" for 2022/23 Q1 is -12, but it is a count (unit = "count"); expected 0 or more (a fall is shown by comparing periods, not by a negative figure)`},
		},
		{
			name:    "negative percentage change is not a count",
			current: "2022/23 Q1",
			inds:    []*model.Indicator{indicator("a", 1, func(ind *model.Indicator) { ind.Unit = model.UnitPercent })},
			obs:     []model.Observation{obs("a", q(2022, 1), -12, 2)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &model.Input{Site: site(), Observations: tt.obs, Indicators: tt.inds}
			in.Site.CurrentPeriod = tt.current
			if in.Indicators == nil {
				in.Indicators = []*model.Indicator{indicator("a", 1, nil)}
			}
			var got []string
			for _, p := range Sanity(in, tt.today).Sort() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
