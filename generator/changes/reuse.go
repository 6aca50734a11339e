package changes

import (
	"bytes"
	"maps"
	"math"
	"sort"

	"kpisite/generator/model"
)

// ParseCSVFrom reads data as ParseCSV does. prev is an earlier ParseCSV's
// table (the previous release's data/all.csv): a build's data/all.csv
// differs from the previous build's in a few lines (the figures that
// changed), and the rows of the records before and after those are taken
// from prev instead of being read again. They are the same rows: the
// same bytes, read from the start of a record under the same header, at
// the same or a shifted line. The records between are read afresh, and
// only if they read without a problem and end where a record ends are
// prev's rows used; anything else is read whole by ParseCSV, so the
// problems reported are ParseCSV's.
func ParseCSVFrom(name string, data []byte, prev *Table) (*Table, model.Problems) {
	if t := reuseRows(name, bytes.TrimPrefix(data, []byte("\ufeff")), prev.read()); t != nil {
		return t, nil
	}
	return ParseCSV(name, data)
}

// reuseRows is data read with prev's rows where the records are prev's,
// or nil when ParseCSV must read it.
func reuseRows(name string, data []byte, prev *Table) *Table {
	if prev == nil || prev.data == nil || len(prev.Rows) == 0 || len(prev.starts) != len(prev.Rows) ||
		len(prev.data) > math.MaxInt32 || len(data) > math.MaxInt32 {
		return nil
	}
	old, n := prev.data, len(prev.Rows)
	head := int(prev.starts[0]) // the header's end
	// The records both files start with, the header among them. The
	// last record of prev may go on in data (prev may end without a
	// newline), so it is never one of them.
	common := commonPrefix(data, old)
	if common < head {
		return nil
	}
	a := sort.Search(n-1, func(i int) bool { return int(prev.starts[i+1]) > common })
	pre := int(prev.starts[a])
	// The records both files end with, after those.
	common = commonSuffix(data[pre:], old[pre:])
	b := sort.Search(n-a, func(i int) bool { return int(prev.starts[a+i]) >= len(old)-common }) + a
	oldEnd, newEnd := len(old), len(data)
	if b < n {
		oldEnd = int(prev.starts[b])
		newEnd = oldEnd + len(data) - len(old)
		if data[newEnd-1] != '\n' {
			return nil // the records between would run on into the next
		}
	}
	// The records between, read afresh under the same header: without a
	// problem, they end where a record ends, as they do in data.
	mid, probs := ParseCSV(name, append(data[:head:head], data[pre:newEnd]...))
	if probs.HasErrors() || mid == nil {
		return nil
	}
	firstMid := 1 + bytes.Count(data[:pre], []byte{'\n'}) // the line of data[pre]
	midLine := 1 + bytes.Count(data[:head], []byte{'\n'}) // its line in mid
	shift := bytes.Count(data[pre:newEnd], []byte{'\n'}) - bytes.Count(old[pre:oldEnd], []byte{'\n'})
	rows := len(prev.Rows) - (b - a) + len(mid.Rows)
	t := &Table{Rows: make([]Row, 0, rows), data: data, starts: make([]int32, 0, rows), from: &reused{t: prev, a: a, b: b, m: len(mid.Rows)}}
	t.Rows = append(t.Rows, prev.Rows[:a]...)
	t.starts = append(t.starts, prev.starts[:a]...)
	for i, r := range mid.Rows {
		r.Line += firstMid - midLine
		t.Rows = append(t.Rows, r)
		t.starts = append(t.starts, mid.starts[i]-int32(head)+int32(pre))
	}
	for i, r := range prev.Rows[b:] {
		r.Line += shift
		t.Rows = append(t.Rows, r)
		t.starts = append(t.starts, prev.starts[b+i]+int32(newEnd-oldEnd))
	}
	// The keys: prev's, less the rows replaced, and the new rows', none
	// of which may repeat another row's (ParseCSV reports that).
	if len(mid.Rows) == b-a && sameKeys(mid.Rows, prev.Rows[a:b]) {
		// The same rows at the same places (figures revised): prev's
		// keys are t's. Neither table's keys are changed once made.
		t.byKey = prev.byKey
		return t
	}
	if len(mid.Rows) == b-a {
		t.byKey = maps.Clone(prev.byKey)
		for i := a; i < b; i++ {
			delete(t.byKey, prev.Rows[i].key())
		}
		for i := range mid.Rows {
			k := mid.Rows[i].key()
			if _, dup := t.byKey[k]; dup {
				return nil
			}
			t.byKey[k] = a + i
		}
		return t
	}
	t.byKey = make(map[rowID]int, len(t.Rows))
	for i := range t.Rows {
		k := t.Rows[i].key()
		if _, dup := t.byKey[k]; dup {
			return nil
		}
		t.byKey[k] = i
	}
	return t
}

// sameKeys reports whether rows a and b have the same keys, in order.
func sameKeys(a, b []Row) bool {
	for i := range a {
		if a[i].key() != b[i].key() {
			return false
		}
	}
	return true
}

// commonPrefix is how many bytes a and b start with alike.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+4096 <= n && bytes.Equal(a[i:i+4096], b[i:i+4096]); i += 4096 {
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

// commonSuffix is how many bytes a and b end with alike.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+4096 <= n && bytes.Equal(a[len(a)-i-4096:len(a)-i], b[len(b)-i-4096:len(b)-i]); i += 4096 {
	}
	for ; i < n && a[len(a)-1-i] == b[len(b)-1-i]; i++ {
	}
	return i
}
