package render

import "testing"

// Every scorecard table of a page has the same columns, so Status, Figure
// and Target stand in the same place in each (issue: columns wandered
// from one service's table to the next).
func TestSameColumns(t *testing.T) {
	row := []ScoreRow{{Name: "x"}}
	tests := []struct {
		name       string
		in         []ScoreGroup
		wantTarget bool
		wantPeriod string
	}{
		{"one table with targets gives all of them the columns",
			[]ScoreGroup{{Rows: row, HasTarget: false, Period: "Q1"}, {Rows: row, HasTarget: true, Period: "Q1"}}, true, "Q1"},
		{"no table with targets: none has them",
			[]ScoreGroup{{Rows: row, Period: "Q1"}, {Rows: row, Period: "Q1"}}, false, "Q1"},
		{"periods that differ between tables bring the Period column back",
			[]ScoreGroup{{Rows: row, HasTarget: true, Period: "Q1"}, {Rows: row, HasTarget: true, Period: "2021"}}, true, ""},
		{"a table that already shows periods brings it back everywhere",
			[]ScoreGroup{{Rows: row, Period: ""}, {Rows: row, Period: "Q1"}}, false, ""},
		{"a group of retired links only does not count",
			[]ScoreGroup{{Rows: row, HasTarget: true, Period: "Q1"}, {Period: ""}}, true, "Q1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sameColumns(tt.in)
			for i, g := range tt.in {
				if len(g.Rows) == 0 {
					continue
				}
				if g.HasTarget != tt.wantTarget || g.Period != tt.wantPeriod {
					t.Errorf("table %d: HasTarget %v, Period %q; want %v, %q", i, g.HasTarget, g.Period, tt.wantTarget, tt.wantPeriod)
				}
			}
		})
	}
}
