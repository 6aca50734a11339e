package render

import (
	"slices"
	"testing"

	"kpisite/generator/model"
)

// TestSeriesUpTo checks what a report of an earlier period sees: points
// after its end are left out of the headline, breakdowns, comparators
// and members; nothing left out shares the series' points, copying none.
func TestSeriesUpTo(t *testing.T) {
	q := func(s string) model.Period { return mustPeriod(t, s, model.Quarterly) }
	pts := []model.Point{{Period: q("2022/23 Q1")}, {Period: q("2022/23 Q2")}, {Period: q("2022/23 Q3")}}
	ind := &model.Indicator{ID: "x", Frequency: model.Quarterly}
	s := &model.Series{
		Indicator: ind, Points: pts,
		Breakdowns: []model.Line{{Points: pts[1:]}},
		Comparators: []model.ComparatorSeries{{Comparator: &model.Comparator{ID: "c", Areas: []string{"E1"}}, Points: pts[2:],
			Members: []model.Line{{Area: "E1", Points: pts}}}},
	}
	count := func(s *model.Series) []int {
		return []int{len(s.Points), len(s.Breakdowns[0].Points), len(s.Comparators[0].Points), len(s.Comparators[0].Members[0].Points)}
	}
	tests := []struct {
		end     model.Period
		cut     bool
		lengths []int
	}{
		{q("2022/23 Q3"), false, []int{3, 2, 1, 3}},
		{q("2023/24 Q1"), false, []int{3, 2, 1, 3}},
		{q("2022/23 Q2"), true, []int{2, 1, 0, 2}},
		{q("2022/23 Q1"), true, []int{1, 0, 0, 1}},
	}
	for _, tt := range tests {
		got, cut := seriesUpTo(s, tt.end.End(4), 4)
		if cut != tt.cut || !slices.Equal(count(&got), tt.lengths) {
			t.Errorf("up to %s: cut %v, lengths %v; want %v, %v", tt.end, cut, count(&got), tt.cut, tt.lengths)
		}
		if !cut && &got.Points[0] != &s.Points[0] {
			t.Errorf("up to %s: nothing was cut, but the points were copied", tt.end)
		}
		if cut && &got.Points[0] == &s.Points[0] {
			t.Errorf("up to %s: points were cut from the series' own slice", tt.end)
		}
	}
}
