package render

import (
	"strconv"
	"strings"

	"kpisite/generator/model"
)

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

// writeCSV is the one writer of every CSV file kpisite publishes:
// comma-separated, LF line ends, quotes only where needed, and every cell
// formula-safe (see formulaSafe).
func writeCSV(header []string, recs [][]string) []byte {
	b := appendRecord(nil, header)
	for _, r := range recs {
		b = appendRecord(b, r)
	}
	return b
}

// safeRecord makes every cell of r formula-safe, in place.
func safeRecord(r []string) []string {
	for i, c := range r {
		r[i] = formulaSafe(c)
	}
	return r
}
