package load

import (
	"bytes"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"

	"kpisite/generator/model"
)

// scanBoth reads src with scanPlain and with encoding/csv (scanQuoted),
// as a whole file (width -1) and as rows of a file whose header has width
// cells, and fails when they read different cells, positions or problems.
func scanBoth(t *testing.T, src []byte, width int) {
	t.Helper()
	type result struct {
		header []Cell
		rows   [][]Cell
		ps     model.Problems
	}
	read := func(scan func(string, []byte, int, int, *model.Problems, func([]Cell) bool, func([]Cell), bool), w int) result {
		var r result
		scan("data/values/p.csv", src, 7, w, &r.ps, func(h []Cell) bool {
			r.header = h
			return len(h) != 2 // a header of two cells stops the file
		}, func(row []Cell) {
			r.rows = append(r.rows, slices.Clone(row))
		}, true)
		return r
	}
	for _, w := range []int{-1, width} {
		plain, quoted := read(scanPlain, w), read(scanQuoted, w)
		if !reflect.DeepEqual(plain, quoted) {
			t.Fatalf("width %d, %q:\nplain  %+v\nencoding/csv %+v", w, src, plain, quoted)
		}
	}
}

// TestScanPlain: a file with no double quote is read by scanPlain as
// encoding/csv reads it.
func TestScanPlain(t *testing.T) {
	for _, src := range []string{
		"",
		"a,b,c\n1,2,3\n",
		"a,b,c\r\n1,2,3\r\n",
		"a,b,c\n1,2,3",
		"a,b,c\n1,2,3\r",
		"a,b,c\n1,2,3\r\r",
		"a,b,c\n1,2,3\r\r\n4,5,6",
		"\n\n\r\na,b,c\n\n1,2,3\n\r\n,,\n  , ,\n1,2\n1,2,3,4\n",
		"a,b\n1,2\n",
		"é,b,c\ncafé,naïve,x\n€,,£\n",
		"a,b,c\n1\r2,3,4\n",
		"a,b,c\n" + string(bytes.Repeat([]byte{'x'}, MaxCellChars+1)) + ",2,3\n",
		"a," + string(bytes.Repeat([]byte{'x'}, MaxCellChars+1)) + ",c\n1,2,3\n",
		",\n",
		"\r",
	} {
		scanBoth(t, []byte(src), 3)
	}
}

// FuzzScanPlain: scanPlain reads any UTF-8 file without a double quote
// as encoding/csv does.
func FuzzScanPlain(f *testing.F) {
	f.Add([]byte("a,b,c\r\n1,2,3\n\n,,\r\n1,2\n"), 3)
	f.Add([]byte("é,b\ncafé,x\r"), 2)
	f.Fuzz(func(t *testing.T, src []byte, width int) {
		if bytes.IndexByte(src, '"') >= 0 || !utf8.Valid(src) {
			return
		}
		scanBoth(t, src, max(0, width%8))
	})
}
