package opensdg

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

// FuzzDataFile: any bytes as an Open SDG data file never panic, every
// problem names the file, and every row kept has a year and a key.
func FuzzDataFile(f *testing.F) {
	f.Add([]byte("Year,Sex,Units,Value\n2020,,Percentage,1.5\n2020,Female,Percentage,2\n"))
	f.Add([]byte("Year,Series,GeoCode,Observation status,Unit multiplier,Value\n2020,A,E1,Estimated value,Units,\"1,204\"\n"))
	f.Add([]byte("Year,Value\n2020/21,x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var ps model.Problems
		for _, s := range readFile("data/indicator_1-1-1.csv", "1-1-1", src, &ps) {
			if !strings.HasPrefix(s.ID, "1-1-1") {
				t.Errorf("id %q", s.ID)
			}
			for _, r := range s.Rows {
				if len(r.Year) != 4 || len(r.Cats) != len(s.Cols) {
					t.Errorf("row %+v", r)
				}
			}
			_ = s.valuesCSV()
		}
		for _, p := range ps {
			if p.Pos.Path != "data/indicator_1-1-1.csv" {
				t.Errorf("problem at %s", p)
			}
		}
	})
}

// FuzzMeta: any bytes as a metadata file never panic.
func FuzzMeta(f *testing.F) {
	f.Add([]byte("---\nindicator_name: A\nsdg_goal: '1'\n---\n"))
	f.Add([]byte("---\nindicator_name: [a]\n---\n"))
	f.Add([]byte("---\n: :\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var ps model.Problems
		parseMeta("meta/1-1-1.md", src, &ps)
		parseMeta("meta/1-1-1.yml", src, &ps)
	})
}
