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

// TestSeriesAtAsAt holds seriesAt, which finds a point by its index, to
// Series.At, which searches: for every period in and around a series with
// gaps, of another frequency and of another kind of year, and for a
// multi-year series.
func TestSeriesAtAsAt(t *testing.T) {
	ind := indicator(nil)
	var rows []model.Observation
	for i := range 12 {
		if i%5 != 3 { // gaps: points without a row
			rows = append(rows, obs(ind.ID, q(2020+i/4, i%4+1), float64(i)))
		}
	}
	s, _ := Compute(ind, rows, cfg)
	if len(s.Points) != 12 {
		t.Fatalf("%d points, want 12", len(s.Points))
	}
	var periods []model.Period
	for i := -6; i < 18; i++ {
		p := q(2020, 1).Add(i)
		periods = append(periods, p, model.Period{Freq: model.Annual, Year: p.Year}, model.Period{Freq: model.Monthly, Year: p.Year, Sub: p.Sub})
		other := p
		other.Cal.Year = model.CalendarYear
		periods = append(periods, other)
	}
	multi := indicator(func(i *model.Indicator) { i.Frequency = model.MultiYear })
	m := model.Series{Indicator: multi, Points: []model.Point{{Period: model.Period{Freq: model.MultiYear, Year: 2020, Span: 3}}, {Period: model.Period{Freq: model.MultiYear, Year: 2021, Span: 3}}}}
	for _, ser := range []*model.Series{&s, &m, {Indicator: ind}} {
		ps := periods
		for _, pt := range ser.Points {
			ps = append(ps, pt.Period)
		}
		for _, p := range ps {
			if got, want := seriesAt(ser, p), ser.At(p); got != want {
				t.Errorf("seriesAt(%v) = %p, want %p", p, got, want)
			}
		}
	}
}
