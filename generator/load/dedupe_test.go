package load

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

// TestDedupeOrders checks both ways dedupe finds repeats: the quick one
// for a file whose rows come in order of period for each indicator, and
// the map of every row for any other order. Each case must keep the same
// rows and report the same repeats, whatever the order of the file.
func TestDedupeOrders(t *testing.T) {
	tests := []struct {
		name string
		rows string // after the header indicator,period,value,area
		keep []string
		want []string
	}{
		{
			name: "in order, no repeat",
			rows: "idva-referrals,2022/23 Q1,1,\nidva-referrals,2022/23 Q2,2,\nbirths-42-days,2022/23 Q1,3,\nbirths-42-days,2022/23 Q2,4,\n",
			keep: []string{"idva-referrals 2022/23 Q1 1 @d.csv:2", "idva-referrals 2022/23 Q2 2 @d.csv:3", "births-42-days 2022/23 Q1 3 @d.csv:4", "births-42-days 2022/23 Q2 4 @d.csv:5"},
		},
		{
			name: "by period, indicators interleaved, no repeat",
			rows: "idva-referrals,2022/23 Q1,1,\nbirths-42-days,2022/23 Q1,3,\nidva-referrals,2022/23 Q2,2,\nbirths-42-days,2022/23 Q2,4,\n",
			keep: []string{"idva-referrals 2022/23 Q1 1 @d.csv:2", "births-42-days 2022/23 Q1 3 @d.csv:3", "idva-referrals 2022/23 Q2 2 @d.csv:4", "births-42-days 2022/23 Q2 4 @d.csv:5"},
		},
		{
			name: "newest first, no repeat",
			rows: "idva-referrals,2022/23 Q2,2,\nidva-referrals,2022/23 Q1,1,\n",
			keep: []string{"idva-referrals 2022/23 Q2 2 @d.csv:2", "idva-referrals 2022/23 Q1 1 @d.csv:3"},
		},
		{
			name: "repeat next to its first",
			rows: "idva-referrals,2022/23 Q1,1,\nidva-referrals,2022/23 Q1,9,\nidva-referrals,2022/23 Q2,2,\n",
			keep: []string{"idva-referrals 2022/23 Q1 1 @d.csv:2", "idva-referrals 2022/23 Q2 2 @d.csv:4"},
			want: []string{`d.csv:3: repeated observation of "idva-referrals" for 2022/23 Q1, first given at d.csv:2; expected one figure per indicator and period`},
		},
		{
			name: "repeat after another indicator's rows",
			rows: "idva-referrals,2022/23 Q1,1,\nbirths-42-days,2022/23 Q1,3,\nidva-referrals,2022/23 Q2,2,\nidva-referrals,2022/23 Q1,9,\n",
			keep: []string{"idva-referrals 2022/23 Q1 1 @d.csv:2", "births-42-days 2022/23 Q1 3 @d.csv:3", "idva-referrals 2022/23 Q2 2 @d.csv:4"},
			want: []string{`d.csv:5: repeated observation of "idva-referrals" for 2022/23 Q1, first given at d.csv:2; expected one figure per indicator and period`},
		},
		{
			name: "another area's rows are not the council's, but repeat each other",
			rows: "idva-referrals,2022/23 Q1,1,\nidva-referrals,2022/23 Q1,5,E1\nidva-referrals,2022/23 Q2,2,\nidva-referrals,2022/23 Q1,6,E1\n",
			keep: []string{"idva-referrals 2022/23 Q1 1 @d.csv:2", "idva-referrals 2022/23 Q1 5 @d.csv:3", "idva-referrals 2022/23 Q2 2 @d.csv:4"},
			want: []string{`d.csv:5: repeated observation of "idva-referrals" for 2022/23 Q1 (area E1), first given at d.csv:3; expected one figure per indicator and period`},
		},
	}
	inds := mustIndicators(t, testIndicators)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			obs := ValuesFile("d.csv", []byte("indicator,period,value,area\n"+tt.rows), inds, &ps)
			checkProblems(t, ps, nil)
			obs = dedupe(obs, &ps)
			var got []string
			for _, o := range obs {
				got = append(got, obsString(o))
			}
			if strings.Join(got, "\n") != strings.Join(tt.keep, "\n") {
				t.Errorf("kept:\n got: %q\nwant: %q", got, tt.keep)
			}
			checkProblems(t, ps, tt.want)
		})
	}
}
