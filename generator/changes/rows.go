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
// Such a line's fields are cut from one string of the whole file (text),
// made once, instead of one string a record.
type rowReader struct {
	data   []byte
	text   string   // data as a string, made on the first record that needs it
	pos    int      // where the next record starts
	line   int      // the line of data[pos], from 1
	fields int      // the number of fields every record has (the header's)
	last   int      // where the last record read started (with any empty lines before it)
	rec    []string // the last record's fields, reused
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
		// One pass over the line, cutting its fields at the commas, which
		// is all csv.Reader does with a line without quotes or carriage
		// returns.
		i, start, data := rr.pos, rr.pos, rr.data
		line := rr.line
		if data[i] == '\n' {
			rr.pos, rr.line = i+1, rr.line+1
			continue // csv.Reader skips empty lines
		}
		if rr.text == "" {
			rr.text = string(data)
		}
		rec := rr.rec[:0]
	scan:
		for ; i < len(data); i++ {
			switch data[i] {
			case ',':
				rec = append(rec, rr.text[start:i])
				start = i + 1
			case '\n':
				break scan
			case '"', '\r':
				rr.rec = rec
				return rr.readQuoted()
			}
		}
		rec = append(rec, rr.text[start:i])
		rr.pos, rr.line = min(i+1, len(data)), rr.line+1
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
