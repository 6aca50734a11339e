package changes

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRecord compares two all.csv files of 1,000 indicators with 40
// quarters each (40,000 rows), one figure revised.
func BenchmarkRecord(b *testing.B) {
	var old, cur strings.Builder
	old.WriteString(header)
	cur.WriteString(header)
	var inds []IndicatorState
	for i := 0; i < 1000; i++ {
		id := fmt.Sprintf("kpi-%04d", i)
		inds = append(inds, IndicatorState{ID: id, Name: id, Active: true})
		for q := 0; q < 40; q++ {
			row := fmt.Sprintf("%s,%d/%02d Q%d,%d,,,,,\n", id, 2000+q/4, (q/4+1)%100, q%4+1, i*q)
			old.WriteString(row)
			if i == 500 && q == 7 {
				row = strings.Replace(row, fmt.Sprintf(",%d,", i*q), ",1,", 1)
			}
			cur.WriteString(row)
		}
	}
	prev, _ := ParseCSV("old.csv", []byte(old.String()))
	hist := &History{Indicators: inds}
	b.ResetTimer()
	for b.Loop() {
		now, _ := ParseCSV("all.csv", []byte(cur.String()))
		h := Record(Previous{All: prev, History: hist}, Current{ID: "r", Indicators: inds, All: now})
		if len(h.Releases) != 1 || len(h.Releases[0].Revised) != 1 {
			b.Fatalf("releases %+v", h.Releases)
		}
	}
}
