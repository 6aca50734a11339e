package render

import (
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"

	"kpisite/generator/model"
)

// The data rows of data.csv and data/all.csv are appended to a byte
// slice cell by cell, with the quoting of encoding/csv's Writer (comma,
// LF line ends, a cell quoted only when it holds a quote, a comma, a line
// end or starts with a space, or is \.) and every cell formula-safe:
// byte for byte what writeCSV wrote from records, without a string per
// cell and a slice per row (csvrows_test.go holds the two together).

// appendRecord appends r as one CSV line.
func appendRecord(b []byte, r []string) []byte {
	for i, c := range r {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCell(b, c)
	}
	return append(b, '\n')
}

// appendCell appends one cell, formula-safe and quoted where needed.
func appendCell(b []byte, s string) []byte {
	s = formulaSafe(s)
	if !cellNeedsQuotes(s) {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// cellNeedsQuotes is encoding/csv's Writer.fieldNeedsQuotes for a comma.
func cellNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '"' || c == ',' {
			return true
		}
	}
	r1, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r1)
}

// safeNumberCell makes formula-safe the cell formatted into b from start
// (strconv's digits are never quoted, but "-Inf" would be text).
func safeNumberCell(b []byte, start int) []byte {
	cell := b[start:]
	if len(cell) == 0 {
		return b
	}
	switch cell[0] {
	case '=', '+', '-', '@':
		if !isPlainNumber(string(cell)) {
			b = append(b, 0)
			copy(b[start+1:], b[start:len(b)-1])
			b[start] = '\''
		}
	}
	return b
}

// appendSourceNumber appends sourceNumber(v) as a cell.
func appendSourceNumber(b []byte, v model.Value) []byte {
	if !v.Valid {
		return b
	}
	start := len(b)
	b = strconv.AppendFloat(b, v.V, 'f', -1, 64)
	cell := b[start:]
	for i, c := range cell {
		if c == '.' {
			if len(cell)-i-1 > sourceDecimals {
				b = strconv.AppendFloat(b[:start], v.V, 'f', sourceDecimals, 64)
				for len(b) > start && b[len(b)-1] == '0' {
					b = b[:len(b)-1]
				}
				if len(b) > start && b[len(b)-1] == '.' {
					b = b[:len(b)-1]
				}
			}
			break
		}
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return safeNumberCell(b, start)
}

// appendExact appends csvExact(v) as a cell.
func appendExact(b []byte, v model.Value) []byte {
	if !v.Valid {
		return b
	}
	start := len(b)
	return safeNumberCell(strconv.AppendFloat(b, v.V, 'f', -1, 64), start)
}

// appendFigure appends csvNumber(v, p) as a cell.
func appendFigure(b []byte, v model.Value, p *model.Point) []byte {
	switch {
	case p.Withheld:
		return append(b, "[c]"...)
	case v.Valid:
		return appendSourceNumber(b, v)
	case p.Flag == model.FlagNotAvailable || p.Flag == model.FlagNotApplicable:
		return append(append(append(b, '['), string(p.Flag)...), ']')
	}
	return b
}

// rowsBuffer is an empty buffer about the size of s's headline rows, so
// that appending them does not regrow it from a few bytes.
func rowsBuffer(s *model.Series) []byte { return make([]byte, 0, rowsSize(s)) }

// rowsSize is about the size of s's headline rows.
func rowsSize(s *model.Series) int {
	n := 0
	for i := range s.Points {
		if s.Points[i].HasRow {
			n++
		}
	}
	return n * rowBytes
}

// rowBytes is about the length of a data row of a headline figure.
const rowBytes = 80

// periodNames holds each period's String, worked out once per build for
// every row that names it; safe for concurrent use. The zero value is
// ready.
type periodNames struct{ m sync.Map }

func (n *periodNames) name(p model.Period) string {
	if n == nil {
		return p.String()
	}
	if s, ok := n.m.Load(p); ok {
		return s.(string)
	}
	s, _ := n.m.LoadOrStore(p, p.String())
	return s.(string)
}

// appendCompareRows appends every published row of s, as compareRecords
// lists them, each with the columns of compareColumns(dims).
func appendCompareRows(b []byte, s *model.Series, ytd bool, dims []string, site *model.Site, names *periodNames) []byte {
	ind := s.Indicator
	own := site.AreaOf(ind).Code
	add := func(area string, l []model.Dim, pts []model.Point) {
		for i := range pts {
			p := &pts[i]
			if !p.HasRow {
				continue
			}
			b = appendCell(b, ind.ID)
			b = append(b, ',')
			b = appendCell(b, names.name(p.Period))
			b = append(b, ',')
			b = appendFigure(b, p.Value, p)
			if ytd {
				b = append(b, ',')
				b = appendFigure(b, p.PeriodValue, p)
			}
			b = append(b, ',')
			b = appendSourceNumber(b, p.Numerator)
			b = append(b, ',')
			b = appendSourceNumber(b, p.Denominator)
			b = append(b, ',')
			b = appendSourceNumber(b, p.Target)
			b = append(b, ',')
			b = appendCell(b, string(p.Status))
			b = append(b, ',')
			b = appendCell(b, p.StatusSource())
			b = append(b, ',')
			b = appendCell(b, string(p.Direction))
			b = append(b, ',')
			b = appendCell(b, publishedFlag(p))
			b = append(b, ',')
			b = appendCell(b, p.Note)
			for _, d := range dims {
				cat := ""
				for _, x := range l {
					if x.Dimension == d {
						cat = x.Category
					}
				}
				b = append(b, ',')
				b = appendCell(b, cat)
			}
			b = append(b, ',')
			b = appendCell(b, area)
			b = append(b, ',')
			b = appendExact(b, p.Lower)
			b = append(b, ',')
			b = appendExact(b, p.Upper)
			b = append(b, '\n')
		}
	}
	add(own, nil, s.Points)
	for _, l := range s.Breakdowns {
		add(own, l.Dims, l.Points)
	}
	var done map[string]bool
	for _, cs := range s.Comparators {
		if done == nil {
			done = map[string]bool{}
		}
		if !cs.Comparator.IsGroup() {
			code := cs.Comparator.Areas[0]
			if done[code] {
				continue
			}
			done[code] = true
			add(code, nil, cs.Points)
			for _, l := range cs.Breakdowns {
				add(code, l.Dims, l.Points)
			}
			continue
		}
		for _, m := range cs.Members {
			if done[m.Area] {
				continue
			}
			add(m.Area, m.Dims, m.Points)
		}
		for _, m := range cs.Members {
			done[m.Area] = true
		}
	}
	return b
}
