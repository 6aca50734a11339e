package changes

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"

	"kpisite/generator/model"
)

// Row is one row of a data/all.csv file.
type Row struct {
	Indicator  string
	Period     string
	Dimensions []model.Dimension // non-empty key columns, sorted by name
	Value      string
	Note       string
	Line       int
}

// key identifies a row across releases.
func (r *Row) key() rowID { return rowKey(r.Indicator, r.Period, r.Dimensions) }

// rowID is a row's key: its indicator, and its period followed by its
// breakdown, each dimension as "\x00name=value". A row without a
// breakdown (most rows) makes its key without allocating.
type rowID struct {
	indicator, rest string
}

func rowKey(indicator, period string, dims []model.Dimension) rowID {
	if len(dims) == 0 {
		return rowID{indicator, period}
	}
	n := len(period)
	for _, d := range dims {
		n += 2 + len(d.Name) + len(d.Value)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(period)
	for _, d := range dims {
		b.WriteByte(0)
		b.WriteString(d.Name)
		b.WriteByte('=')
		b.WriteString(d.Value)
	}
	return rowID{indicator, b.String()}
}

// Table is the rows of a data/all.csv file, in file order.
type Table struct {
	Rows  []Row
	byKey map[rowID]int // index into Rows
	data  []byte        // the file read, without its byte order mark (ParseCSVFrom)
	// starts are where each row's record starts in data, with any empty
	// lines before it; the header ends where the first starts.
	starts []int32
	lazy   *lazyRows // set by ReadCSV: Rows, byKey and starts not yet read (read)
	from   *reused   // set by ParseCSVFrom when it took rows from an earlier table
}

// reused says which rows of a table made by ParseCSVFrom are the earlier
// table's: Rows[:a] are t.Rows[:a] and Rows[a+m:] are t.Rows[b:] (their
// lines shifted); the m rows between were read afresh.
type reused struct {
	t       *Table
	a, b, m int
}

// figureColumns are the columns of data/all.csv that hold a figure or
// describe one; every other column (area, breakdowns) is part of a row's
// key.
var figureColumns = map[string]bool{
	"indicator": true, "period": true, "value": true, "period_value": true,
	"numerator": true, "denominator": true, "target": true, "status": true,
	"status_source": true, "direction": true, "flag": true, "note": true,
	"lower": true, "upper": true, "rank": true, "rank_of": true, "quartile": true,
	"code": true, "title": true, "short_title": true, "unit": true, "unit_label": true,
}

// ParseCSV reads a data/all.csv file published by kpisite. name is where
// it came from, for messages. Columns are found by name, in any order;
// indicator, period and value are required.
func ParseCSV(name string, data []byte) (*Table, model.Problems) {
	at := func(line int) model.Position { return model.Position{Path: name, Line: line} }
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		var probs model.Problems
		if errors.Is(err, io.EOF) {
			probs.Errorf(at(1), "the file is empty; expected the data/all.csv of a site built by kpisite, with a header row")
		} else {
			probs.Errorf(at(1), "cannot read the header row: %s; expected a CSV file", csvReason(err))
		}
		return nil, probs
	}
	cols, probs := readHeader(name, header)
	if probs.HasErrors() {
		return nil, probs
	}
	get := func(rec []string, i int) string {
		if i >= 0 && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	indicatorCol, periodCol, valueCol, noteCol, keyCols, keyIdx := cols.indicator, cols.period, cols.value, cols.note, cols.keyCols, cols.keyIdx
	lines := bytes.Count(data, []byte{'\n'}) + 1
	t := &Table{Rows: make([]Row, 0, lines), byKey: make(map[rowID]int, lines), data: data, starts: make([]int32, 0, lines)}
	rr := newRowReader(data, r)
	for {
		// Each record's text is one new string: rows keep only that.
		rec, line, err := rr.read()
		if errors.Is(err, io.EOF) {
			break
		}
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
		t.starts = append(t.starts, int32(rr.last))
	}
	if probs.HasErrors() {
		return nil, probs
	}
	return t, nil
}

// columns are where a data/all.csv's header puts the columns ParseCSV
// reads: -1 where it has none.
type columns struct {
	indicator, period, value, note int
	keyCols                        []string // the key columns' names, sorted
	keyIdx                         []int    // their indexes
}

// readHeader finds the columns of a data/all.csv's header row, name's
// line 1, with the header's problems.
func readHeader(name string, header []string) (columns, model.Problems) {
	var probs model.Problems
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
			probs.Errorf(model.Position{Path: name, Line: 1}, "no %q column; expected the data/all.csv of a site built by kpisite (indicator, period, value, …)", need)
		}
	}
	if probs.HasErrors() {
		return columns{}, probs
	}
	sort.Strings(keyCols)
	// Columns by index, worked out once; -1: the file has none.
	index := func(c string) int {
		if i, ok := col[c]; ok {
			return i
		}
		return -1
	}
	c := columns{indicator: index("indicator"), period: index("period"), value: index("value"), note: index("note"), keyCols: keyCols, keyIdx: make([]int, len(keyCols))}
	for i, k := range keyCols {
		c.keyIdx[i] = index(k)
	}
	return c, probs
}

// csvReason is a csv error without its own position prefix.
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// get returns the row with key k.
func (t *Table) get(k rowID) (*Row, bool) {
	if t == nil {
		return nil, false
	}
	i, ok := t.byKey[k]
	if !ok {
		return nil, false
	}
	return &t.Rows[i], true
}

// has reports whether t has a row with key k.
func (t *Table) has(k rowID) bool {
	_, ok := t.get(k)
	return ok
}

// indicators is the set of indicators with a row in t.
func (t *Table) indicators() map[string]bool {
	out := map[string]bool{}
	for i := range t.Rows {
		out[t.Rows[i].Indicator] = true
	}
	return out
}

// sameValue compares two published values: as numbers when both are
// numbers, else as text.
func sameValue(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == b {
		return true
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && x == y
}
