package kpi

import (
	"reflect"
	"slices"
	"testing"

	"kpisite/generator/model"
)

// TestAllRowsInAnyOrder: All computes the same series whether each
// indicator's rows follow on in the input (read where they are) or are
// interleaved with another's (copied), and never changes the input.
func TestAllRowsInAnyOrder(t *testing.T) {
	a, b := indicator(func(i *model.Indicator) { i.ID = "a" }), indicator(func(i *model.Indicator) { i.ID = "b" })
	var grouped, interleaved []model.Observation
	for i := range 8 {
		grouped = append(grouped, obs("a", q(2020+i/4, i%4+1), float64(10+i)))
	}
	for i := range 8 {
		grouped = append(grouped, obs("b", q(2020+i/4, i%4+1), float64(50-i)))
	}
	for i := range 8 {
		interleaved = append(interleaved, grouped[i], grouped[8+i])
	}
	series := func(rows []model.Observation) []model.Series {
		in := &model.Input{Indicators: []*model.Indicator{a, b}, Observations: rows}
		before := slices.Clone(rows)
		s, _ := All(in, cfg)
		if !reflect.DeepEqual(in.Observations, before) {
			t.Fatal("All changed the observations")
		}
		return s
	}
	want, got := series(grouped), series(interleaved)
	if len(want) != 2 || len(want[0].Points) != 8 || len(want[1].Points) != 8 {
		t.Fatalf("series: %+v", want)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("interleaved rows give %+v\nwant %+v", got, want)
	}
}
