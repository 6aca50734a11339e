package load

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// atLeastTwoProcs lets valuesInParts cut files on a machine of one
// processor too.
func atLeastTwoProcs(tb testing.TB) {
	if n := runtime.GOMAXPROCS(0); n < 2 {
		runtime.GOMAXPROCS(2)
		tb.Cleanup(func() { runtime.GOMAXPROCS(n) })
	}
}

// manyRows is a long-format values file of n rows of the test indicators.
func manyRows(n int) string {
	var b strings.Builder
	b.WriteString("indicator,period,value,numerator,denominator,flag,note\n")
	for i := range n {
		q := i % 400
		fmt.Fprintf(&b, "idva-referrals,%d/%02d Q%d,%d,,,,note %d\n", 1900+q/4, (1901+q/4)%100, q%4+1, i, i)
	}
	return b.String()
}

// TestValuesInParts: a values file read in parts (valuesInParts) gives
// what reading it whole gives, and a file it cannot read so, or that
// has a problem, is left to valuesWhole.
func TestValuesInParts(t *testing.T) {
	atLeastTwoProcs(t)
	inds := mustIndicators(t, testIndicators)
	good := manyRows(400)
	tests := []struct {
		name  string
		src   string
		parts bool // valuesInParts reads it
	}{
		{"clean", good, true},
		{"no final line end", strings.TrimSuffix(good, "\n"), true},
		{"CRLF line ends", strings.ReplaceAll(good, "\n", "\r\n"), true},
		{"a byte-order mark", "\ufeff" + good, true},
		{"blank lines and empty rows", strings.Replace(strings.Replace(good, "\n", "\n\n,,,,,,\n", 150), "\n", "\n\n", 300), true},
		{"monthly and annual rows", good + "visits-monthly,2023-04,5,,,,\nemployment-rate,2022/23,70,,,,\n", true},
		{"a bad number late on", good + "idva-referrals,2300/01 Q1,4l2,,,,\n", false},
		{"a short row", strings.Replace(good, ",note 300\n", "\n", 1), false},
		{"an unknown indicator", strings.Replace(good, "idva-referrals,19", "idva-referals,19", 1), false},
		{"a repeated column", strings.Replace(good, ",note\n", ",note,note\n", 1), false},
		{"a quoted cell", strings.Replace(good, "note 300", "\"note, 300\"", 1), false},
		{"a blank first line", "\n" + good, false},
		{"wide format", "indicator,2022/23 Q1\nidva-referrals,4\n" + strings.Repeat("\n", 200), false},
		{"too small to cut", manyRows(1), false},
		{"not UTF-8", good + "idva-referrals,2300/01 Q1,4,,,,caf\xe9\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := newIndicatorIndex(inds)
			got, ok := valuesInParts("data/values/v.csv", []byte(tt.src), idx, 64)
			if ok != tt.parts {
				t.Fatalf("read in parts: %v; want %v", ok, tt.parts)
			}
			var ps model.Problems
			want := valuesWhole("data/values/v.csv", []byte(tt.src), idx, &ps)
			if ok && (len(ps) > 0 || !reflect.DeepEqual(got, want)) {
				t.Errorf("in parts: %d observations; whole: %d, problems %v", len(got), len(want), lines(ps))
			}
			var fps model.Problems
			if fgot := valuesFile("data/values/v.csv", []byte(tt.src), idx, &fps); !reflect.DeepEqual(fgot, want) || !reflect.DeepEqual(fps, ps) {
				t.Errorf("valuesFile differs from reading the file whole")
			}
		})
	}
}

// FuzzValuesInParts: whatever valuesInParts reads, in parts as small as
// 16 bytes, reading the file whole reads the same, with no problem.
func FuzzValuesInParts(f *testing.F) {
	f.Add([]byte(manyRows(5)))
	f.Add([]byte("indicator,period,value\r\nvisits-monthly,2023-04,5\r\n\r\nvisits-monthly,2023-05,6\r\nemployment-rate,2022/23,70"))
	f.Add([]byte("\ufeffindicator,period,value,area\nidva-referrals,2022/23 Q1,4,E1\n,,,\nidva-referrals,2022/23 Q2,5,\n"))
	inds := mustIndicators(f, testIndicators)
	f.Fuzz(func(t *testing.T, data []byte) {
		atLeastTwoProcs(t)
		idx := newIndicatorIndex(inds)
		got, ok := valuesInParts("v.csv", data, idx, 16)
		if !ok {
			return
		}
		var ps model.Problems
		want := valuesWhole("v.csv", data, idx, &ps)
		if len(ps) > 0 || !reflect.DeepEqual(got, want) {
			t.Fatalf("in parts: %+v\nwhole: %+v\nproblems %v", got, want, lines(ps))
		}
	})
}
