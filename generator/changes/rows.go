package changes

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
)

// rowReader reads the records of a data/all.csv after its header exactly
// as the csv.Reader that read the header would go on (ParseCSV): the same
// records, lines and errors. A line without a quote or a carriage return
// (almost every line kpisite writes) is split at its commas, which is all
// csv.Reader does with it; any other record is read by a csv.Reader from
// where it starts. Reading a build's own 40,000 rows back through
// csv.Reader alone was most of the time it took to work out what changed.
type rowReader struct {
	data   []byte
	pos    int      // where the next record starts
	line   int      // the line of data[pos], from 1
	fields int      // the number of fields every record has (the header's)
	last   int      // where the last record read started (with any empty lines before it)
	rec    []string // the last record's fields, reused
	buf    []byte   // scratch: the last record's text without commas
	ends   []int    // scratch: where each of its fields ends in buf
}

// newRowReader goes on from r, which has read the header of data.
func newRowReader(data []byte, r *csv.Reader) *rowReader {
	pos := int(r.InputOffset())
	return &rowReader{data: data, pos: pos, line: 1 + bytes.Count(data[:pos], []byte{'\n'}), fields: r.FieldsPerRecord}
}

// read is the next record and the line it starts on, as csv.Reader's Read
// and FieldPos(0) give them; io.EOF at the end. The record is reused by
// the next read; its strings are not.
func (rr *rowReader) read() ([]string, int, error) {
	rr.last = rr.pos
	for rr.pos < len(rr.data) {
		// One pass over the line: its fields' text without the commas goes
		// into buf, which one string is made of and the fields are cut
		// from, as csv.Reader does: a row that keeps a field keeps no more
		// than it would.
		buf, ends := rr.buf[:0], rr.ends[:0]
		i, start, data := rr.pos, rr.pos, rr.data
	scan:
		for ; i < len(data); i++ {
			switch data[i] {
			case ',':
				buf = append(buf, data[start:i]...)
				ends = append(ends, len(buf))
				start = i + 1
			case '\n':
				break scan
			case '"', '\r':
				return rr.readQuoted()
			}
		}
		line := rr.line
		empty := i == rr.pos
		buf = append(buf, data[start:i]...)
		ends = append(ends, len(buf))
		rr.pos, rr.line = min(i+1, len(data)), rr.line+1
		rr.buf, rr.ends = buf, ends
		if empty {
			continue // csv.Reader skips empty lines
		}
		s := string(buf)
		rec, from := rr.rec[:0], 0
		for _, e := range ends {
			rec = append(rec, s[from:e])
			from = e
		}
		rr.rec = rec
		if len(rec) != rr.fields {
			return rec, line, &csv.ParseError{StartLine: line, Line: line, Column: 1, Err: csv.ErrFieldCount}
		}
		return rec, line, nil
	}
	return nil, 0, io.EOF
}

// readQuoted reads the record at rr.pos with a csv.Reader of its own,
// its lines and errors counted from rr.line.
func (rr *rowReader) readQuoted() ([]string, int, error) {
	r := csv.NewReader(bytes.NewReader(rr.data[rr.pos:]))
	r.FieldsPerRecord = rr.fields
	off := rr.line - 1
	rec, err := r.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err = &csv.ParseError{StartLine: pe.StartLine + off, Line: pe.Line + off, Column: pe.Column, Err: pe.Err}
	}
	if err != nil && (pe == nil || pe.Err != csv.ErrFieldCount) {
		rr.pos = len(rr.data) // csv.Reader cannot go on after a quoting error
		return nil, 0, err
	}
	line, _ := r.FieldPos(0)
	n := int(r.InputOffset())
	rr.line += bytes.Count(rr.data[rr.pos:rr.pos+n], []byte{'\n'})
	rr.pos += n
	return rec, line + off, err
}
