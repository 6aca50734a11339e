package render

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"kpisite/generator/model"
)

// csvNumber writes a figure for a CSV cell at source precision: plain
// digits, no separators; "[c]" when withheld, "[x]"/"[z]" when flagged
// missing.
func csvNumber(v model.Value, p *model.Point) string {
	switch {
	case p.Withheld:
		return "[c]"
	case v.Valid:
		return sourceNumber(v)
	case p.Flag == model.FlagNotAvailable || p.Flag == model.FlagNotApplicable:
		return "[" + string(p.Flag) + "]"
	}
	return ""
}

// sourceNumber is v at source precision ("" when missing): the shortest
// digits that read back as the same number, cut to sourceDecimals
// decimal places by formatting (never by arithmetic, which would add
// floating-point error of its own).
func sourceNumber(v model.Value) string {
	if !v.Valid {
		return ""
	}
	s := strconv.FormatFloat(v.V, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > sourceDecimals {
		s = strings.TrimRight(strconv.FormatFloat(v.V, 'f', sourceDecimals, 64), "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// CSVHeader is the header of every published data CSV.
func csvHeader(ytd bool) []string {
	if ytd {
		return []string{"indicator", "period", "value", "period_value", "numerator", "denominator", "target", "status", "status_source", "direction", "flag", "note"}
	}
	return []string{"indicator", "period", "value", "numerator", "denominator", "target", "status", "status_source", "direction", "flag", "note"}
}

// csvRecords are the data rows of one series.
func csvRecords(s *model.Series, ytd bool) [][]string {
	ind := s.Indicator
	var out [][]string
	for i := range s.Points {
		p := &s.Points[i]
		if !p.HasRow {
			continue
		}
		rec := []string{ind.ID, p.Period.String(), csvNumber(p.Value, p)}
		if ytd {
			rec = append(rec, csvNumber(p.PeriodValue, p))
		}
		rec = append(rec, sourceNumber(p.Numerator), sourceNumber(p.Denominator), sourceNumber(p.Target),
			string(p.Status), p.StatusSource(), string(p.Direction), publishedFlag(p), p.Note)
		out = append(out, rec)
	}
	return out
}

// dataCSV is indicators/<id>/data.csv: one row per period with a row in
// the inputs.
func dataCSV(s *model.Series) []byte {
	ytd := s.Indicator.Measure == model.MeasureYTD
	return writeCSV(csvHeader(ytd), csvRecords(s, ytd))
}

// writeCSV is the one writer of every CSV file kpisite publishes:
// comma-separated, LF line ends, quotes only where needed, and every cell
// formula-safe (see formulaSafe).
func writeCSV(header []string, recs [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(safeRecord(header)) // writes to memory: cannot fail
	for _, r := range recs {
		_ = w.Write(safeRecord(r))
	}
	w.Flush()
	return buf.Bytes()
}

// safeRecord makes every cell of r formula-safe, in place.
func safeRecord(r []string) []string {
	for i, c := range r {
		r[i] = formulaSafe(c)
	}
	return r
}
