package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"

	"github.com/gocarina/gocsv"

	"kpisite/generator/model"
)

// decodeRows decodes the rows of a table whose header Header.Match has
// already checked (a misspelt column is an error there; gocsv would
// ignore it) into out, a pointer to a slice of records with `csv` tags
// named after the documented columns. Cells are handed to gocsv under
// those names, so the header may use any case or spacing.
//
// Every cell that a record type refuses is reported at its own line and
// column (gocsv's *csv.ParseError says "record on line 0" and counts from
// its own first row); the returned bad[i] is true for row i if any of its
// cells was refused. Record fields must be types of ours with UnmarshalCSV
// (see cellText), never float64 or *float64: gocsv reads an empty cell
// into those as 0.
func decodeRows(t *Table, col map[string]int, columns []string, out any, ps *model.Problems) (bad []bool, err error) {
	var names []string
	var idx []int
	for _, k := range columns {
		if i, ok := col[k]; ok {
			names = append(names, k)
			idx = append(idx, i)
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(names) // writes to memory: cannot fail
	rec := make([]string, len(idx))
	for _, row := range t.Rows {
		for j, i := range idx {
			rec[j] = row[i].Text
		}
		_ = w.Write(rec)
	}
	w.Flush()
	bad = make([]bool, len(t.Rows))
	handler := func(pe *csv.ParseError) bool {
		r, c := pe.Line-2, pe.Column-1 // gocsv: line 2 is the first row; columns from 1
		if r < 0 || r >= len(t.Rows) || c < 0 || c >= len(idx) {
			return false
		}
		bad[r] = true
		ps.Errorf(t.Rows[r][idx[c]].Pos, "column %q: %v", names[c], pe.Err)
		return true
	}
	if err := gocsv.UnmarshalWithErrorHandler(&buf, handler, out); err != nil && !errors.Is(err, gocsv.ErrEmptyCSVFile) {
		return bad, fmt.Errorf("decode rows of %s: %w", t.Path, err)
	}
	return bad, nil
}

// cellText is a text cell, trimmed of surrounding spaces. It has both
// UnmarshalCSV and MarshalCSV: gocsv ignores a type with only one of a
// pair.
type cellText string

func (c *cellText) UnmarshalCSV(s string) error {
	*c = cellText(strings.TrimSpace(s))
	return nil
}

func (c cellText) MarshalCSV() (string, error) { return string(c), nil }
