package render

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"kpisite/generator/model"
)

// The writers of data.csv and data/all.csv rows as they were before
// csvrows.go: records of strings written by encoding/csv's Writer. They
// are kept here as the reference the appending writers must match byte
// for byte (csvrows_test.go).

// compareRecords are every published row of s: the headline, then each
// breakdown series, then each comparator's areas, each with the columns
// of compareColumns(dims) added. A group comparator's rows are its
// areas' own figures (the median is in data.json); an area in several
// comparators is written once.
func compareRecords(s *model.Series, ytd bool, dims []string, site *model.Site) [][]string {
	ind := s.Indicator
	own := site.AreaOf(ind).Code
	var out [][]string
	add := func(area string, l []model.Dim, pts []model.Point) {
		tmp := model.Series{Indicator: ind, Points: pts}
		recs := csvRecords(&tmp, ytd)
		j := 0
		for i := range pts {
			p := &pts[i]
			if !p.HasRow {
				continue
			}
			rec := recs[j]
			j++
			for _, d := range dims {
				cat := ""
				for _, x := range l {
					if x.Dimension == d {
						cat = x.Category
					}
				}
				rec = append(rec, cat)
			}
			rec = append(rec, area, csvExact(p.Lower), csvExact(p.Upper))
			out = append(out, rec)
		}
	}
	add(own, nil, s.Points)
	for _, l := range s.Breakdowns {
		add(own, l.Dims, l.Points)
	}
	done := map[string]bool{}
	for _, cs := range s.Comparators {
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
	return out
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

// csvRows writes records as writeCSV writes them, without a header.
func csvRows(recs [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, r := range recs {
		_ = w.Write(safeRecord(r)) // writes to memory: cannot fail
	}
	w.Flush()
	return buf.Bytes()
}

// csvExact writes an interval end as given, or "".
func csvExact(v model.Value) string {
	if !v.Valid {
		return ""
	}
	return strconv.FormatFloat(v.V, 'f', -1, 64)
}

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
