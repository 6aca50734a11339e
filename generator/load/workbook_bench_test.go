package load

import (
	"fmt"
	"testing"

	"kpisite/generator/model"
)

// BenchmarkWorkbook reads a long sheet of 10,000 rows of 5 columns.
func BenchmarkWorkbook(b *testing.B) {
	cells := row(1, "indicator", "period", "value", "flag", "note")
	for r := 2; r <= 10_001; r++ {
		y := 2000 + r/4
		cells = append(cells,
			xc{ref: fmt.Sprintf("A%d", r), str: "idva-referrals"},
			xc{ref: fmt.Sprintf("B%d", r), str: fmt.Sprintf("%d/%02d Q%d", y, (y+1)%100, r%4+1)},
			xc{ref: fmt.Sprintf("C%d", r), v: fmt.Sprint(r)},
			xc{ref: fmt.Sprintf("D%d", r), str: "p"},
			xc{ref: fmt.Sprintf("E%d", r), str: "a note"})
	}
	src := mustXLSX(b, xsheet{"Long", cells})
	inds := mustIndicators(b, testIndicators)
	b.ReportAllocs()
	for b.Loop() {
		var ps model.Problems
		if obs := WorkbookFile("data/values/k.xlsx", src, inds, &ps); len(obs) < 9000 {
			b.Fatalf("%d observations, %v", len(obs), lines(ps)[:3])
		}
	}
}
