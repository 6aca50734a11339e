package changes

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// ownCSVCases are files ownCSV must read, or hand to encoding/csv.
var ownCSVCases = []struct {
	name string
	in   string
	own  bool // ownCSV reads it
}{
	{"kpisite's own", "indicator,period,value,note,area\na,2022/23 Q1,412,,\na,2022/23 Q2,,\"late, as said \"\"here\"\"\",E1\n", true},
	{"no final line break", "indicator,period,value\na,2022,1", true},
	{"empty lines counted", "indicator,period,value\n\na,2022,1\n\n\nb,2022,2\n", true},
	{"a quoted empty cell", "indicator,period,value\na,2022,\"\"\n", true},
	{"a quoted header", "\"indicator\",period,value\na,2022,1\n", true},
	{"breakdowns", "indicator,period,value,sex,age\na,2022,1,f,\na,2022,2,,16-24\na,2022,3,,\n", true},
	{"carriage returns", "indicator,period,value\r\na,2022,1\r\n", false},
	{"a line break in a cell", "indicator,period,value,note\na,2022,1,\"two\nlines\"\nb,2022,1,\n", false},
	{"a stray quote", "indicator,period,value\na,20\"22,1\n", false},
	{"text after a quoted cell", "indicator,period,value\na,\"2022\"x,1\n", false},
	{"a short row", "indicator,period,value\na,2022\n", false},
	{"a long row", "indicator,period,value\na,2022,1,2\n", false},
	{"a repeated row", "indicator,period,value\na,2022,1\na,2022,2\n", false},
	{"an empty indicator", "indicator,period,value\n,2022,1\n", false},
	{"no value column", "indicator,period\na,2022\n", false},
	{"empty", "", false},
	{"only empty lines", "\n\n", false},
	{"an unclosed quote", "indicator,period,value\na,\"2022,1\n", false},
}

// TestOwnCSV: ownCSV reads kpisite's own files as encoding/csv does, and
// leaves every other file to it.
func TestOwnCSV(t *testing.T) {
	for _, c := range ownCSVCases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ownCSV([]byte(c.in))
			if ok != c.own {
				t.Fatalf("ownCSV read it: %v; want %v", ok, c.own)
			}
			want, probs := readCSV("all.csv", []byte(c.in))
			if ok {
				if len(probs) > 0 || !reflect.DeepEqual(got, want) {
					t.Errorf("ownCSV read\n%+v\nencoding/csv read\n%+v %v", got, want, probs)
				}
			}
			pt, pp := ParseCSV("all.csv", []byte(c.in))
			if !reflect.DeepEqual(pt, want) || !reflect.DeepEqual(pp, probs) {
				t.Errorf("ParseCSV: %+v %v; want %+v %v", pt, pp, want, probs)
			}
		})
	}
}

// TestOwnCSVReadsTheExample: the example site's published all.csv
// (testdata/example-all.csv: notes with commas and quotes, breakdowns,
// areas) is kpisite's own, read the same by both.
func TestOwnCSVReadsTheExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "example-all.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := ownCSV(data)
	want, probs := readCSV("all.csv", data)
	if !ok || len(probs) > 0 || len(want.Rows) < 400 || !reflect.DeepEqual(got, want) {
		t.Errorf("ownCSV read it: %v; the tables differ or have problems (%v)", ok, probs)
	}
}

// FuzzOwnCSV: whatever ownCSV reads, encoding/csv reads the same, with no
// problem.
func FuzzOwnCSV(f *testing.F) {
	for _, c := range ownCSVCases {
		f.Add([]byte(c.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := ownCSV(data)
		if !ok {
			return
		}
		want, probs := readCSV("all.csv", data)
		if len(probs) > 0 || !reflect.DeepEqual(got, want) {
			t.Fatalf("ownCSV read\n%+v\nencoding/csv read\n%+v %v", got, want, probs)
		}
	})
}

// BenchmarkParseCSV reads a published all.csv of 40,000 rows (the
// benchmark site's shape), by ownCSV and by encoding/csv.
func BenchmarkParseCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("indicator,period,value,period_value,numerator,denominator,target,status,status_source,direction,flag,note,area,lower,upper\n")
	for i := range 1000 {
		for q := range 40 {
			fmt.Fprintf(&sb, "kpi-%05d,%d/%02d Q%d,%d.5,%d.5,,,74.9,red,computed,,,,,,\n", i, 2016+q/4, (17+q/4)%100, q%4+1, i+q, i+q)
		}
	}
	data := []byte(sb.String())
	for _, r := range []struct {
		name string
		read func() (*Table, bool)
	}{
		{"own", func() (*Table, bool) { return ownCSV(data) }},
		{"encoding-csv", func() (*Table, bool) { t, p := readCSV("all.csv", data); return t, len(p) == 0 }},
	} {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if t, ok := r.read(); !ok || len(t.Rows) != 40000 {
					b.Fatal("not read")
				}
			}
		})
	}
}
