package load

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

// FuzzWorkbook feeds arbitrary bytes to the workbook reader: it must
// never panic, and every problem it reports names the file.
func FuzzWorkbook(f *testing.F) {
	f.Add(mustXLSX(f, xsheet{"S", append(row(1, "indicator", "period", "value"), row(2, "idva-referrals", "2022/23 Q1", "5")...)}))
	f.Add(mustXLSX(f, xsheet{"W", append(row(1, "indicator", "2022/23 Q1"), xc{ref: "A2", str: "idva-referrals"}, xc{ref: "B2", t: "e", v: "#N/A"})}))
	f.Add([]byte("indicator,period,value\n"))
	f.Add([]byte("PK\x03\x04"))
	inds := mustIndicators(f, testIndicators)
	f.Fuzz(func(t *testing.T, src []byte) {
		var ps model.Problems
		obs := WorkbookFile("data/values/f.xlsx", src, inds, &ps)
		for _, p := range ps {
			if !strings.HasPrefix(p.Pos.String(), "data/values/f.xlsx") {
				t.Errorf("problem not positioned in the file: %s", p)
			}
		}
		for _, o := range obs {
			if o.Pos.Path != "data/values/f.xlsx" || o.Pos.Sheet == "" {
				t.Errorf("observation at %s", o.Pos)
			}
		}
	})
}
