package chart

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		s    *model.Series
		want []string // sentences the description must hold
		not  []string // and must not
	}{
		{"typical count with a gap", typicalCount(), []string{
			"Latest: 412 referrals in April to June 2022, up from 352 referrals in April to June 2019.",
			"Highest: 441 referrals in January to March 2022. Lowest: 289 referrals in April to June 2020.",
			"The latest figure is 4% below the target of 430 referrals (near target).",
			"On target in 2 of 12 quarters with a target.",
			"No data for 2020/21 Q2.",
		}, nil},
		{"percent, lower is better, withheld quarter", percentVarying(), []string{
			"Latest: 24.8% in July to September 2022, down from 31.2% in April to June 2020.",
			"The latest figure is 3.1 percentage points below the target of 27.9% (on target).",
			"2021/22 Q3 withheld to protect privacy.",
		}, []string{"29.2"}},
		{"year to date", ytdSeries(), []string{
			"Figures are cumulative from the start of each financial year.",
			"Latest: 935 places in October to December 2020",
		}, nil},
		{"one point", onePoint(), []string{
			"Only one period so far: 412 referrals in April to June 2022.",
			"The latest figure is 4% below the target of 430 referrals (near target).",
		}, []string{"Highest", "up from"}},
		{"no data", noDataSeries(), []string{"There is no data to chart yet."}, nil},
		{"equal values", withValues("Equal", model.UnitCount, 5, 5, 5), []string{
			"the same as 5 in", "The figure is the same in every period with data.",
		}, []string{"Highest"}},
		{"rounded as the table shows", withValues("Rounded", model.UnitCount, 10.2, 9.8), []string{
			"Latest: 10 in July to September 2019, the same as 10 in April to June 2019.",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Describe(tt.s, site)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("description lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("description has %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestTitleText(t *testing.T) {
	tests := []struct {
		s    *model.Series
		want string
	}{
		{typicalCount(), "Number of referrals to the Independent Domestic Violence Advisor service: figures by quarter, 2019/20 Q1 to 2022/23 Q1"},
		{ytdSeries(), "Domestic abuse training places taken up (year to date): cumulative year-to-date figures by quarter, 2019/20 Q1 to 2020/21 Q3"},
		{onePoint(), "Number of referrals to the Independent Domestic Violence Advisor service: figures for 2022/23 Q1"},
		{noDataSeries(), "Number of referrals to the Independent Domestic Violence Advisor service: no data to chart yet"},
	}
	for _, tt := range tests {
		f := newFacts(tt.s, site)
		if got := titleText(&f); got != tt.want {
			t.Errorf("title\n got %q\nwant %q", got, tt.want)
		}
	}
}
