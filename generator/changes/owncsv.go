package changes

import (
	"strings"
)

// ownCSV reads a data/all.csv file as kpisite writes it, several times
// faster than encoding/csv: a cached rebuild reads two of them (the
// previous release's and its own) before it renders anything. It reads
// only a file in which every row is well formed: no carriage return, no
// line break or stray quote inside a cell, every row as many cells as the
// header, and no problem (an empty indicator, a repeated row). For any
// other file it returns false, and ParseCSV reads the file again with
// encoding/csv, which says what is wrong. What it reads is what
// encoding/csv reads: cells (quoted ones unquoted), and each row's line,
// counting the empty lines encoding/csv skips.
func ownCSV(data []byte) (*Table, bool) {
	// One string for the whole file: every cell is a piece of it, as
	// encoding/csv makes each row one string and its cells pieces of it.
	s := string(data)
	var rec []string
	line := 0
	next := func() (ok, done bool) {
		for {
			if s == "" {
				return false, true
			}
			line++
			n := strings.IndexByte(s, '\n')
			var text string
			if n < 0 {
				text, s = s, ""
			} else {
				text, s = s[:n], s[n+1:]
			}
			if text == "" {
				continue // encoding/csv skips an empty line
			}
			rec, ok = splitRow(rec[:0], text)
			return ok, false
		}
	}
	ok, done := next()
	if !ok || done {
		return nil, false
	}
	header := append([]string(nil), rec...)
	l, probs := readHeader("", header)
	if len(probs) > 0 {
		return nil, false
	}
	lines := strings.Count(s, "\n") + 1
	t := &Table{Rows: make([]Row, 0, lines), byKey: make(map[string]int, lines)}
	for {
		ok, done := next()
		if done {
			return t, true
		}
		if !ok || len(rec) != l.fields {
			return nil, false
		}
		row := l.row(rec, line)
		if row.Indicator == "" || row.Period == "" {
			return nil, false
		}
		// One map operation a row: a repeated key does not grow the map
		// (and the table is dropped then).
		n := len(t.byKey)
		if t.byKey[row.key()] = len(t.Rows); len(t.byKey) == n {
			return nil, false
		}
		t.Rows = append(t.Rows, row)
	}
}

// splitRow appends the cells of one line of CSV to rec, as encoding/csv
// reads them; false when the line is not one kpisite writes (a carriage
// return, a quote inside a cell, a quoted cell that does not end on the
// line or is followed by anything but a comma).
func splitRow(rec []string, text string) ([]string, bool) {
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ',':
			rec = append(rec, text[start:i])
			start = i + 1
		case '\r':
			return rec, false
		case '"':
			if i != start {
				return rec, false // a quote inside an unquoted cell
			}
			cell, n, ok := quoted(text[i:])
			if !ok {
				return rec, false
			}
			rec = append(rec, cell)
			i += n
			if i == len(text) {
				return rec, true
			}
			if text[i] != ',' {
				return rec, false
			}
			start = i + 1
		}
	}
	return append(rec, text[start:]), true
}

// quoted reads the quoted cell at the start of text ("" stands for one
// quote): the cell, and how many bytes of text it took; false when it
// does not end on the line or holds a carriage return.
func quoted(text string) (string, int, bool) {
	var cell strings.Builder
	rest := text[1:]
	for {
		q := strings.IndexByte(rest, '"')
		if q < 0 || strings.IndexByte(rest[:q], '\r') >= 0 {
			return "", 0, false
		}
		cell.WriteString(rest[:q])
		rest = rest[q+1:]
		if rest != "" && rest[0] == '"' {
			cell.WriteByte('"')
			rest = rest[1:]
			continue
		}
		return cell.String(), len(text) - len(rest), true
	}
}
