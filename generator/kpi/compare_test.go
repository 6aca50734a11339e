package kpi

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestRank(t *testing.T) {
	tests := []struct {
		name     string
		own      float64
		others   []float64
		pol      model.Polarity
		rank, of int
		joint    bool
	}{
		{"best, higher is better", 9, []float64{1, 2, 3}, model.HigherIsBetter, 1, 4, false},
		{"worst, higher is better", 0, []float64{1, 2, 3}, model.HigherIsBetter, 4, 4, false},
		{"best, lower is better", 0, []float64{1, 2, 3}, model.LowerIsBetter, 1, 4, false},
		{"middle, lower is better", 2.5, []float64{1, 2, 3}, model.LowerIsBetter, 3, 4, false},
		{"tie with one other shares the better rank", 2, []float64{1, 2, 3}, model.HigherIsBetter, 2, 4, true},
		{"tie with several shares the rank", 5, []float64{5, 5, 7}, model.HigherIsBetter, 2, 4, true},
		{"tie at the top is joint 1st", 7, []float64{7, 1}, model.HigherIsBetter, 1, 3, true},
		{"tie at the bottom, lower is better", 9, []float64{9, 1, 2}, model.LowerIsBetter, 3, 4, true},
		{"alone in the group", 3, nil, model.HigherIsBetter, 1, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, of, joint := Rank(tt.own, tt.others, tt.pol)
			if r != tt.rank || of != tt.of || joint != tt.joint {
				t.Errorf("Rank = %d of %d joint %v, want %d of %d joint %v", r, of, joint, tt.rank, tt.of, tt.joint)
			}
		})
	}
}

// TestRankPhrase is the rank in words: "joint" when tied, the quartile
// as "in the best quarter".
func TestRankPhrase(t *testing.T) {
	group := &model.Comparator{ID: "nn", Name: "CIPFA nearest neighbours", Areas: []string{"A", "B"}}
	tests := []struct {
		name string
		p    model.Point
		want string
	}{
		{"no rank", model.Point{}, ""},
		{"3rd of 16", model.Point{Rank: 3, RankOf: 16, Quartile: 1}, "3rd best of 16 in CIPFA nearest neighbours, in the best quarter"},
		{"joint 3rd", model.Point{Rank: 3, RankOf: 16, Quartile: 1, RankJoint: true}, "Joint 3rd best of 16 in CIPFA nearest neighbours, in the best quarter"},
		{"joint 1st", model.Point{Rank: 1, RankOf: 3, Quartile: 1, RankJoint: true}, "Joint 1st best of 3 in CIPFA nearest neighbours, in the best quarter"},
		{"second quarter", model.Point{Rank: 6, RankOf: 16, Quartile: 2}, "6th best of 16 in CIPFA nearest neighbours, in the second quarter"},
		{"third quarter", model.Point{Rank: 9, RankOf: 16, Quartile: 3}, "9th best of 16 in CIPFA nearest neighbours, in the third quarter"},
		{"worst quarter", model.Point{Rank: 16, RankOf: 16, Quartile: 4}, "16th best of 16 in CIPFA nearest neighbours, in the worst quarter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &model.Series{Comparators: []model.ComparatorSeries{{Comparator: group}}}
			if got := RankPhrase(s, &tt.p); got != tt.want {
				t.Errorf("RankPhrase = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want float64
	}{
		{"one", []float64{4}, 4},
		{"odd count, unsorted", []float64{9, 1, 5}, 5},
		{"even count is the mean of the two middle values", []float64{10, 1, 4, 6}, 5},
		{"even count of two", []float64{60, 61}, 60.5},
		{"repeated middle values", []float64{3, 3, 3, 8}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]float64(nil), tt.in...)
			if got := Median(tt.in); got != tt.want {
				t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.want)
			}
			for i := range in {
				if in[i] != tt.in[i] {
					t.Fatalf("Median changed its input: %v", tt.in)
				}
			}
		})
	}
}

func TestQuartile(t *testing.T) {
	tests := []struct{ rank, of, want int }{
		{1, 16, 1}, {4, 16, 1}, {5, 16, 2}, {8, 16, 2}, {9, 16, 3}, {13, 16, 4}, {16, 16, 4},
		{1, 1, 1}, {1, 2, 1}, {2, 2, 3}, {3, 3, 3}, {0, 16, 0},
	}
	for _, tt := range tests {
		if got := Quartile(tt.rank, tt.of); got != tt.want {
			t.Errorf("Quartile(%d, %d) = %d, want %d", tt.rank, tt.of, got, tt.want)
		}
	}
}

func TestOverlap(t *testing.T) {
	v, n := model.Some, model.None
	tests := []struct {
		name            string
		a, aLo, aHi     model.Value
		b, bLo, bHi     model.Value
		overlap, tested bool
	}{
		{"intervals overlap", v(0.1), v(0), v(0.5), v(0.4), v(0.2), v(0.9), true, true},
		{"intervals apart", v(1), v(0.8), v(1.2), v(2), v(1.5), v(2.5), false, true},
		{"intervals touching count as overlapping", v(1), v(0.5), v(1.5), v(2), v(1.5), v(2.5), true, true},
		{"only one interval: other figure inside", v(10), v(8), v(12), v(11), n, n, true, true},
		{"only one interval: other figure outside", v(10), v(8), v(12), v(13), n, n, false, true},
		{"only the second has one", v(13), n, n, v(10), v(8), v(12), false, true},
		{"no intervals: no test", v(1), n, n, v(2), n, n, false, false},
		{"missing value: no test", n, v(1), v(2), v(2), v(1), v(3), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := Overlap(tt.a, tt.aLo, tt.aHi, tt.b, tt.bLo, tt.bHi)
			if o != tt.overlap || ok != tt.tested {
				t.Errorf("Overlap = %v, %v; want %v, %v", o, ok, tt.overlap, tt.tested)
			}
		})
	}
}

func annual(y int) model.Period { return model.Period{Freq: model.Annual, Year: y} }

// compareInput is a site with England and a group of four neighbours.
func compareInput(rows []model.Observation) *model.Input {
	ind := indicator(func(i *model.Indicator) {
		i.Frequency = model.Annual
		i.Unit = model.UnitPercent
		i.Decimals = 1
		i.Breakdowns = []string{"sex"}
	})
	for i := range rows {
		rows[i].Indicator = ind.ID
	}
	return &model.Input{
		Site: model.Site{
			Area: model.Area{Code: "E1", Name: "Ourshire"},
			Comparators: []model.Comparator{
				{ID: "england", Name: "England", Areas: []string{"E0"}},
				{ID: "neighbours", Name: "Neighbours", Areas: []string{"N1", "N2", "N3", "N4"}},
			},
			Breakdowns: []model.Breakdown{{ID: "sex", Name: "Sex", Order: []string{"Male", "Female"}}},
		},
		Indicators:   []*model.Indicator{ind},
		Observations: rows,
	}
}

func row(p model.Period, area string, v float64, dims ...model.Dim) model.Observation {
	return model.Observation{Period: p, Area: area, Value: model.Some(v), Dims: dims}
}

func TestComparatorsAndBreakdowns(t *testing.T) {
	female, male := model.Dim{Dimension: "sex", Category: "Female"}, model.Dim{Dimension: "sex", Category: "Male"}
	in := compareInput([]model.Observation{
		row(annual(2021), "", 60),
		row(annual(2022), "", 62),
		row(annual(2022), "E1", 0, female), // own area written out: still own
		row(annual(2022), "", 70, male),
		row(annual(2022), "E0", 61),
		row(annual(2022), "N1", 50), row(annual(2022), "N2", 65),
		row(annual(2022), "N3", 62), row(annual(2022), "N4", 70),
		row(annual(2022), "N1", 40, female), row(annual(2022), "N2", 80, female),
	})
	in.Observations[2].Value = model.Some(55)
	series, _ := All(in, cfg)
	s := series[0]
	if len(s.Points) != 2 {
		t.Fatalf("headline points = %d, want 2 (breakdown and comparator rows kept out)", len(s.Points))
	}
	if got := len(s.Breakdowns); got != 2 {
		t.Fatalf("breakdowns = %d, want 2", got)
	}
	if got := model.DimLabel(s.Breakdowns[0].Dims); got != "Male" {
		t.Errorf("first breakdown = %q, want Male (the site's order)", got)
	}
	if len(s.Comparators) != 2 || s.Comparators[0].Comparator.ID != "england" {
		t.Fatalf("comparators = %+v", s.Comparators)
	}
	nb := s.Comparators[1]
	p := nb.At(annual(2022))
	if p == nil || p.Value.V != 63.5 {
		t.Fatalf("neighbours median = %+v, want 63.5 (mean of 62 and 65)", p)
	}
	// 62 against 50, 65, 62, 70 (higher is better): 65 and 70 are better, 62 ties.
	if p.Rank != 3 || p.RankOf != 5 || p.Quartile != 2 {
		t.Errorf("rank = %d of %d, quartile %d; want 3 of 5, quartile 2", p.Rank, p.RankOf, p.Quartile)
	}
	head := s.At(annual(2022))
	if head.Rank != 3 || head.RankOf != 5 {
		t.Errorf("headline rank = %d of %d, want 3 of 5 (the first group comparator)", head.Rank, head.RankOf)
	}
	if len(nb.Breakdowns) != 1 || nb.Breakdowns[0].Points[0].Value.V != 60 {
		t.Errorf("neighbours' female median = %+v, want 60", nb.Breakdowns)
	}
	if got := nb.Breakdowns[0].Points[0].Rank; got != 2 {
		t.Errorf("female rank = %d, want 2 (55 against 40 and 80)", got)
	}
	sum := SummaryWithComparators(&s, head, 4)
	for _, want := range []string{"Above the England figure of 61.0%.", "Joint 3rd best of 5 in Neighbours, in the second quarter."} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary %q lacks %q", sum, want)
		}
	}
}

func TestIntervalsMakeChangeNotSignificant(t *testing.T) {
	in := compareInput([]model.Observation{
		{Period: annual(2021), Value: model.Some(0.1), Lower: model.Some(0), Upper: model.Some(0.5)},
		{Period: annual(2022), Value: model.Some(0.4), Lower: model.Some(0.1), Upper: model.Some(0.9)},
		{Period: annual(2023), Value: model.Some(3), Lower: model.Some(2), Upper: model.Some(4)},
		{Period: annual(2023), Area: "E0", Value: model.Some(3.5), Lower: model.Some(3.2), Upper: model.Some(3.8)},
	})
	in.Indicators[0].Compare = model.ComparePreviousPeriod
	series, _ := All(in, cfg)
	s := series[0]
	if d := s.At(annual(2022)).Direction; d != model.NoSignificantChange {
		t.Errorf("2022 direction = %q, want no-significant-change", d)
	}
	if d := s.At(annual(2023)).Direction; d != model.Improving {
		t.Errorf("2023 direction = %q, want improving (intervals apart)", d)
	}
	sum := SummaryWithComparators(&s, s.At(annual(2023)), 4)
	if !strings.Contains(sum, "Similar to England (3.5%).") {
		t.Errorf("summary %q does not say similar to England", sum)
	}
	sum = SummaryWithComparators(&s, s.At(annual(2022)), 4)
	if !strings.Contains(sum, "not a significant change") {
		t.Errorf("summary %q does not say the change is not significant", sum)
	}
}

func TestNoHeadlineRows(t *testing.T) {
	in := compareInput([]model.Observation{
		row(annual(2022), "", 55, model.Dim{Dimension: "sex", Category: "Female"}),
		row(annual(2022), "E0", 61),
	})
	series, _ := All(in, cfg)
	s := series[0]
	if len(s.Points) != 0 {
		t.Errorf("headline points = %d, want none (no overall figure)", len(s.Points))
	}
	if len(s.Breakdowns) != 1 || len(s.Comparators) != 1 {
		t.Errorf("breakdowns %d, comparators %d; want 1 and 1", len(s.Breakdowns), len(s.Comparators))
	}
}

// TestCurrentPeriodOwnFigures is SPEC 3.8's rule for the current period
// without current_period: the latest-ending period with a figure of the
// council's own for an active indicator. Comparator rows, breakdown rows
// and rows without a value do not count.
func TestCurrentPeriodOwnFigures(t *testing.T) {
	female := model.Dim{Dimension: "sex", Category: "Female"}
	flagged := func(p model.Period, f model.Flag) model.Observation {
		return model.Observation{Period: p, Flag: f}
	}
	tests := []struct {
		name   string
		rows   []model.Observation
		want   model.Period
		wantOK bool
	}{
		{"own headline figure", []model.Observation{row(annual(2021), "", 50)}, annual(2021), true},
		{"own area code written out counts", []model.Observation{row(annual(2021), "", 50), row(annual(2022), "E1", 51)}, annual(2022), true},
		{"a later comparator figure does not count", []model.Observation{row(annual(2021), "", 50), row(annual(2022), "E0", 61)}, annual(2021), true},
		{"a later group member's figure does not count", []model.Observation{row(annual(2021), "", 50), row(annual(2023), "N2", 61)}, annual(2021), true},
		{"a later breakdown figure does not count", []model.Observation{row(annual(2021), "", 50), row(annual(2022), "", 48, female)}, annual(2021), true},
		{"a later row with only flag x does not count", []model.Observation{row(annual(2021), "", 50), flagged(annual(2022), model.FlagNotAvailable)}, annual(2021), true},
		{"a later row with only flag z does not count", []model.Observation{row(annual(2021), "", 50), flagged(annual(2022), model.FlagNotApplicable)}, annual(2021), true},
		{"a withheld figure counts", []model.Observation{row(annual(2021), "", 50), {Period: annual(2022), Value: model.Some(3), Flag: model.FlagConfidential}}, annual(2022), true},
		{"only comparator and breakdown rows: no current period", []model.Observation{row(annual(2022), "E0", 61), row(annual(2022), "", 48, female)}, model.Period{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := compareInput(tt.rows)
			series, _ := All(in, cfg)
			got, ok, err := CurrentPeriod("", series, 4)
			if err != nil || ok != tt.wantOK || got != tt.want {
				t.Errorf("CurrentPeriod = %v, %v, %v; want %v, %v", got, ok, err, tt.want, tt.wantOK)
			}
		})
	}
}
