package changes

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// parseCSVReader is ParseCSV as it was before rowReader, reading every
// record through csv.Reader: the reference rowReader is held to.
// name is where
// it came from, for messages. Columns are found by name, in any order;
// indicator, period and value are required.
func parseCSVReader(name string, data []byte) (*Table, model.Problems) {
	var probs model.Problems
	at := func(line int) model.Position { return model.Position{Path: name, Line: line} }
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			probs.Errorf(at(1), "the file is empty; expected the data/all.csv of a site built by kpisite, with a header row")
		} else {
			probs.Errorf(at(1), "cannot read the header row: %s; expected a CSV file", csvReason(err))
		}
		return nil, probs
	}
	col := map[string]int{}
	var keyCols []string
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; dup || h == "" {
			probs.Errorf(model.Position{Path: name, Line: 1, Column: i + 1}, "column %d is named %q, which is empty or repeated; expected unique column names", i+1, h)
			continue
		}
		col[h] = i
		if !figureColumns[h] {
			keyCols = append(keyCols, h)
		}
	}
	for _, need := range []string{"indicator", "period", "value"} {
		if _, ok := col[need]; !ok {
			probs.Errorf(at(1), "no %q column; expected the data/all.csv of a site built by kpisite (indicator, period, value, …)", need)
		}
	}
	if probs.HasErrors() {
		return nil, probs
	}
	sort.Strings(keyCols)
	// Columns by index, worked out once; -1: the file has none.
	index := func(c string) int {
		if i, ok := col[c]; ok {
			return i
		}
		return -1
	}
	get := func(rec []string, i int) string {
		if i >= 0 && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	indicatorCol, periodCol, valueCol, noteCol := index("indicator"), index("period"), index("value"), index("note")
	keyIdx := make([]int, len(keyCols))
	for i, c := range keyCols {
		keyIdx[i] = index(c)
	}
	r.ReuseRecord = true // each record's text is a new string: rows keep only that
	lines := bytes.Count(data, []byte{'\n'}) + 1
	t := &Table{Rows: make([]Row, 0, lines), byKey: make(map[rowID]int, lines), data: data}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line := 0
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			probs.Errorf(at(line), "%s; expected a CSV row with %d columns", csvReason(err), len(header))
			if !errors.As(err, &pe) || pe.Err != csv.ErrFieldCount {
				break // the reader cannot go on after a quoting error
			}
			continue
		}
		line, _ = r.FieldPos(0)
		row := Row{Indicator: get(rec, indicatorCol), Period: get(rec, periodCol), Value: get(rec, valueCol), Note: get(rec, noteCol), Line: line}
		if row.Indicator == "" || row.Period == "" {
			probs.Errorf(at(line), "the indicator or period is empty; expected both on every row")
			continue
		}
		for j, c := range keyCols {
			if v := get(rec, keyIdx[j]); v != "" {
				row.Dimensions = append(row.Dimensions, model.Dimension{Name: c, Value: v})
			}
		}
		k := row.key()
		if i, dup := t.byKey[k]; dup {
			probs.Errorf(at(line), "this row repeats the indicator, period and breakdown of line %d; expected one row for each", t.Rows[i].Line)
			continue
		}
		t.byKey[k] = len(t.Rows)
		t.Rows = append(t.Rows, row)
	}
	if probs.HasErrors() {
		return nil, probs
	}
	return t, nil
}

// sameParse fails unless ParseCSV reads data as parseCSVReader does: the
// same rows, lines and problems.
func sameParse(t *testing.T, data []byte) {
	t.Helper()
	got, gotProbs := ParseCSV("all.csv", data)
	want, wantProbs := parseCSVReader("all.csv", data)
	if fmt.Sprint(gotProbs) != fmt.Sprint(wantProbs) {
		t.Fatalf("%q: problems\n%v\nwant\n%v", data, gotProbs, wantProbs)
	}
	if got != nil {
		got.starts = nil // where records start: held by reuse_test.go
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: table\n%+v\nwant\n%+v", data, got, want)
	}
}

// randomCSV is an all.csv of rows a kpisite build writes and rows a
// person might have edited: quoted cells over several lines, quotes in
// unquoted cells, CRLF and lone CR, empty lines, rows of the wrong length.
func randomCSV(r *rand.Rand) []byte {
	cells := []string{"", "a", "kpi-1", "2022/23 Q1", "12.5", "[c]", `"quoted, comma"`, `"two` + "\n" + `lines"`, `"say ""hi"""`, `bare"quote`, "\r", "x\ry", "é", `"unterminated`, " sp ", "area", "E1"}
	var b bytes.Buffer
	if r.IntN(8) == 0 {
		b.WriteString("\ufeff")
	}
	head := []string{"indicator", "period", "value", "area", "note"}
	if r.IntN(4) == 0 {
		head = head[:3]
	}
	b.WriteString(strings.Join(head, ","))
	b.WriteString([]string{"\n", "\r\n"}[r.IntN(2)])
	for range r.IntN(12) {
		n := len(head)
		if r.IntN(10) == 0 {
			n += r.IntN(3) - 1
		}
		for c := range n {
			if c > 0 {
				b.WriteByte(',')
			}
			if r.IntN(3) == 0 {
				b.WriteString(cells[r.IntN(len(cells))])
			} else {
				fmt.Fprintf(&b, "v%d", r.IntN(4))
			}
		}
		switch r.IntN(12) {
		case 0:
			b.WriteString("\r\n")
		case 1:
			b.WriteString("\n\n")
		case 2:
			// no line end: the next row runs on
		default:
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

func TestParseCSVSameAsReader(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		sameParse(t, randomCSV(r))
	}
	for _, s := range []string{
		header, header + "a,2022/23 Q1,412,,,,,", header + "\n\na,2022/23 Q1,412,,,,,\n\n",
		"indicator,period,value\n\"a\na\",p,1\nb,p,2\n", "indicator,\"per\niod\",value\nb,p,2\nc,p\n",
		"indicator,period,value\r\nb,p,2\r\n\r\nc,p,3", "indicator,period,value\nb,p,\"2\nc,p,3\n",
		"indicator,period,value\nb,p,2,4\nb,p,2\n", "indicator,period,value\nb,p,2\nb,p,2\n",
	} {
		sameParse(t, []byte(s))
	}
}

func FuzzParseCSVSameAsReader(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 20 {
		f.Add(randomCSV(r))
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameParse(t, data) })
}
