package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Table is a CSV file or a worksheet read into cells that know where
// they were written. Both kinds of file feed the same row readers.
type Table struct {
	Path   string
	Header []Cell   // nil if the file or sheet has no rows at all
	Rows   [][]Cell // rows with as many cells as the header, in file order
}

// Cell is one field of a CSV file, as written (quotes removed), or one
// cell of a worksheet, as text.
type Cell struct {
	Text string
	Pos  model.Position
}

// ReadCSV reads a UTF-8 CSV file (SPEC 3.4): a byte-order mark is
// skipped, LF and CRLF line ends and RFC 4180 quoting are accepted, blank
// lines and rows of empty cells are skipped. It reports, and leaves out,
// every row whose number of cells differs from the header's and every row
// with broken quoting, each at its line and column. A file that is not
// UTF-8, or whose header row is broken, is reported once and not read
// further; Header is then nil.
func ReadCSV(name string, src []byte, ps *model.Problems) *Table {
	out := &Table{Path: name}
	scanCSV(name, src, ps, func(h []Cell) bool {
		out.Header = h
		return true
	}, func(row []Cell) {
		out.Rows = append(out.Rows, row)
	}, false)
	return out
}

// MaxProblemsPerFile is how many problems of one CSV file are kept; the
// rest are counted (model.Problems.Compact), so that a huge broken file
// never holds millions of messages in memory.
const MaxProblemsPerFile = 1000

// MaxCellChars is the longest CSV cell kpisite reads, in characters. A
// longer cell is almost always a file whose quotes went wrong (a stray
// double quote swallows the rest of the file into one cell).
const MaxCellChars = 10000

// scanCSV reads a CSV file as ReadCSV does, but hands over the header and
// then each good row as it is read instead of keeping them, so that a
// file of a million rows is never held as cells all at once. header is
// called once, with the first row; when it returns false the rest of the
// file is not read. row is called for every later row that has as many
// cells as the header and no cell longer than MaxCellChars. When reuse is
// true, row is handed the same slice of cells each time (its texts are
// new for each row): row must not keep it. The header's cells are never
// reused.
func scanCSV(name string, src []byte, ps *model.Problems, header func([]Cell) bool, row func([]Cell), reuse bool) {
	before := len(*ps)
	defer ps.Compact(before, MaxProblemsPerFile)
	if !checkUTF8(name, src, utf8Advice, ps) {
		return
	}
	scanRows(name, bytes.TrimPrefix(src, []byte("\ufeff")), 0, -1, ps, header, row, reuse)
}

// scanRows is scanCSV for src, a UTF-8 file without its byte-order mark
// or a run of its lines (valuesInParts): linesBefore is how many lines
// of the file come before src, and width, when not -1, is how many cells
// the header of the file has (src is then rows only: header is not
// called).
func scanRows(name string, src []byte, linesBefore, width int, ps *model.Problems, header func([]Cell) bool, row func([]Cell), reuse bool) {
	if bytes.IndexByte(src, '"') < 0 {
		scanPlain(name, src, linesBefore, width, ps, header, row, reuse)
		return
	}
	scanQuoted(name, src, linesBefore, width, ps, header, row, reuse)
}

// scanQuoted is scanRows reading src with encoding/csv: any file, quoted
// cells and all.
func scanQuoted(name string, src []byte, linesBefore, width int, ps *model.Problems, header func([]Cell) bool, row func([]Cell), reuse bool) {
	before := len(*ps)
	lines := lineStarts(src)
	// col converts encoding/csv's byte column into a column in characters.
	col := func(line, byteCol int) int {
		if line < 1 || line > len(lines) {
			return byteCol
		}
		start := lines[line-1]
		end := min(len(src), start+byteCol-1)
		if end < start {
			return byteCol
		}
		return utf8.RuneCount(src[start:end]) + 1
	}
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1 // ragged rows are reported below, each at its line
	r.ReuseRecord = true   // each record's text is still a new string
	var buf []Cell         // the cells of every row after the header, when reuse
	for {
		if len(*ps)-before > 2*MaxProblemsPerFile {
			ps.Compact(before, MaxProblemsPerFile)
		}
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				ps.Errorf(model.Position{Path: name}, "cannot read CSV: %v; expected a readable file", err)
				break
			}
			if errors.Is(pe.Err, csv.ErrQuote) && pe.Column > lineLen(src, lines, pe.Line) {
				// The parser reached the end of the file inside quotes.
				ps.Errorf(model.Position{Path: name, Line: linesBefore + pe.StartLine}, "a double quote opened on this line is never closed; expected a closing double quote at the end of the cell")
				break
			}
			ps.Errorf(model.Position{Path: name, Line: linesBefore + pe.Line, Column: col(pe.Line, pe.Column)}, "%s", quoteAdvice(pe))
			if width < 0 {
				break // without its header row the file cannot be read
			}
			continue
		}
		var cells []Cell
		if reuse && width >= 0 {
			buf = slices.Grow(buf[:0], len(rec))[:len(rec)]
			cells = buf
		} else {
			cells = make([]Cell, len(rec))
		}
		for i, text := range rec {
			line, c := r.FieldPos(i)
			cells[i] = Cell{Text: text, Pos: model.Position{Path: name, Line: linesBefore + line, Column: col(line, c)}}
		}
		if !takeRecord(name, cells, &width, ps, header, row) {
			return
		}
	}
}

// takeRecord hands the cells of one record read by scanRows to header
// (the first record, when *width is -1: *width becomes its number of
// cells) or to row, after reporting a cell that is too long or a row of
// the wrong number of cells, and skipping a row of empty cells. It
// returns false when the rest of the file is not to be read.
func takeRecord(name string, cells []Cell, width *int, ps *model.Problems, header func([]Cell) bool, row func([]Cell)) bool {
	empty, long := true, false
	for i := range cells {
		text := cells[i].Text
		if empty && strings.TrimSpace(text) != "" {
			empty = false
		}
		if len(text) > MaxCellChars {
			if n := utf8.RuneCountInString(text); n > MaxCellChars {
				ps.Errorf(cells[i].Pos, "cell is %d characters long; expected at most %d (a double quote that is never closed where it should be makes one cell of many lines)", n, MaxCellChars)
				long = true
			}
		}
	}
	if *width < 0 {
		*width = len(cells)
		return !long && header(cells)
	}
	if empty || long {
		return true
	}
	if len(cells) != *width {
		ps.Errorf(model.Position{Path: name, Line: cells[0].Pos.Line}, "row has %s but the header has %d; expected %s (put a value that contains a comma in double quotes, such as \"1,234\")",
			format.Count(len(cells), "cell", "cells"), *width, format.Count(*width, "comma-separated cell", "comma-separated cells"))
		return true
	}
	row(cells)
	return true
}

// scanPlain is scanRows for src with no double quote in it, read as
// encoding/csv reads it without the copying: every line is a record
// (its line end LF or CRLF; a CR at the end of the file dropped) unless
// it is blank, and every comma ends a cell.
func scanPlain(name string, src []byte, linesBefore, width int, ps *model.Problems, header func([]Cell) bool, row func([]Cell), reuse bool) {
	before := len(*ps)
	var buf []Cell // the cells of every row after the header, when reuse
	line := linesBefore
	for len(src) > 0 {
		if len(*ps)-before > 2*MaxProblemsPerFile {
			ps.Compact(before, MaxProblemsPerFile)
		}
		var rec []byte
		if nl := bytes.IndexByte(src, '\n'); nl >= 0 {
			rec, src = src[:nl], src[nl+1:]
		} else {
			rec, src = src, nil
		}
		line++
		rec = bytes.TrimSuffix(rec, []byte{'\r'})
		if len(rec) == 0 {
			continue
		}
		n := bytes.Count(rec, []byte{','}) + 1
		var cells []Cell
		if reuse && width >= 0 {
			buf = slices.Grow(buf[:0], n)[:n]
			cells = buf
		} else {
			cells = make([]Cell, n)
		}
		text := string(rec) // one string a record: its cells are parts of it
		ascii := isASCII(text)
		at := 0
		for i := range cells {
			end := len(text)
			if i < n-1 {
				end = at + strings.IndexByte(text[at:], ',')
			}
			c := at + 1
			if !ascii {
				c = utf8.RuneCountInString(text[:at]) + 1
			}
			cells[i] = Cell{Text: text[at:end], Pos: model.Position{Path: name, Line: line, Column: c}}
			at = end + 1
		}
		if !takeRecord(name, cells, &width, ps, header, row) {
			return
		}
	}
}

// isASCII reports whether s is all ASCII, so that a byte's column is its
// character's.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// quoteAdvice explains a csv.ParseError in the words of SPEC 6.
func quoteAdvice(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return "a double quote appears inside a cell that does not start with one; expected the whole cell in double quotes with the inner quote doubled, such as \"the \"\"new\"\" service\""
	case errors.Is(pe.Err, csv.ErrQuote):
		return "a quoted cell has text after its closing double quote; expected a comma or the end of the line after the closing quote (write a quote inside a quoted cell as two, \"\")"
	}
	return fmt.Sprintf("%v; expected RFC 4180 CSV", pe.Err)
}

// lineLen is the length in bytes of line n (from 1), without its line end.
func lineLen(src []byte, starts []int, n int) int {
	if n < 1 || n > len(starts) {
		return 0
	}
	end := len(src)
	if n < len(starts) {
		end = starts[n] - 1
	}
	line := src[starts[n-1]:end]
	return len(bytes.TrimSuffix(line, []byte("\r")))
}

// lineStarts returns the byte offset at which each line of b starts.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
