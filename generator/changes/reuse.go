package changes

import (
	"bytes"
	"maps"
	"sort"

	"kpisite/generator/model"
)

// ParseCSVFrom reads data as ParseCSV does. prev is an earlier ParseCSV's
// table (the previous release's data/all.csv): a build's data/all.csv
// differs from the previous build's in a few lines (the figures that
// changed), and the rows of the lines before and after those are taken
// from prev instead of being read again. They are the same rows: the
// same bytes under the same header, at the same or a shifted line. Only
// a file whose every line is one record (no quotes, no carriage returns,
// in either file) is read this way, and only when the lines read afresh
// hold no problem; anything else is read whole by ParseCSV, so the
// problems reported are ParseCSV's.
func ParseCSVFrom(name string, data []byte, prev *Table) (*Table, model.Problems) {
	if t := reuseRows(name, bytes.TrimPrefix(data, []byte("\ufeff")), prev); t != nil {
		return t, nil
	}
	return ParseCSV(name, data)
}

// reuseRows is data read with prev's rows where the lines are prev's, or
// nil when ParseCSV must read it.
func reuseRows(name string, data []byte, prev *Table) *Table {
	if prev == nil || prev.data == nil {
		return nil
	}
	old := prev.data
	for _, d := range [][]byte{data, old} {
		if bytes.IndexByte(d, '"') >= 0 || bytes.IndexByte(d, '\r') >= 0 {
			return nil
		}
	}
	head := bytes.IndexByte(data, '\n') + 1
	// The lines both files start with, the header among them.
	pre := commonPrefix(data, old)
	pre = bytes.LastIndexByte(data[:pre], '\n') + 1
	if head == 0 || pre < head {
		return nil
	}
	// The lines both files end with, after those.
	suf := commonSuffix(data[pre:], old[pre:])
	newEnd, oldEnd := len(data)-suf, len(old)-suf
	if data[newEnd-1] != '\n' || old[oldEnd-1] != '\n' {
		// Not a line's start in both: from the next line the suffix has.
		if k := bytes.IndexByte(data[newEnd:], '\n'); k >= 0 {
			newEnd, oldEnd = newEnd+k+1, oldEnd+k+1
		} else {
			newEnd, oldEnd = len(data), len(old)
		}
	}
	// The rows of the lines between, read afresh under the same header.
	mid, probs := ParseCSV(name, append(data[:head:head], data[pre:newEnd]...))
	if probs.HasErrors() || mid == nil {
		return nil
	}
	firstMid := 1 + bytes.Count(data[:pre], []byte{'\n'}) // the line of data[pre]
	newLines := bytes.Count(data[pre:newEnd], []byte{'\n'})
	oldLines := bytes.Count(old[pre:oldEnd], []byte{'\n'})
	// prev's rows before, between and after, by line.
	rowAt := func(line int) int {
		return sort.Search(len(prev.Rows), func(i int) bool { return prev.Rows[i].Line >= line })
	}
	a, b := rowAt(firstMid), rowAt(firstMid+oldLines)
	if oldEnd == len(old) {
		b = len(prev.Rows) // nothing after (a last line may lack its "\n")
	}
	t := &Table{Rows: make([]Row, 0, len(prev.Rows)-(b-a)+len(mid.Rows)), data: data}
	t.Rows = append(t.Rows, prev.Rows[:a]...)
	for _, r := range mid.Rows {
		r.Line += firstMid - 2 // line 2 of mid is line firstMid of data
		t.Rows = append(t.Rows, r)
	}
	shift := newLines - oldLines
	for _, r := range prev.Rows[b:] {
		r.Line += shift
		t.Rows = append(t.Rows, r)
	}
	// The keys: prev's, less the rows replaced, and the new rows', none
	// of which may repeat another row's (ParseCSV reports that).
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
	t.byKey = make(map[string]int, len(t.Rows))
	for i := range t.Rows {
		k := t.Rows[i].key()
		if _, dup := t.byKey[k]; dup {
			return nil
		}
		t.byKey[k] = i
	}
	return t
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
