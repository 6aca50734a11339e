package render

import (
	"strconv"

	"kpisite/generator/model"
)

// SPEC 3.8 in the downloads: data.json's interval and rank fields on each
// headline period, its "breakdowns" and "comparators", and the breakdown,
// area, lower and upper columns of data.csv and data/all.csv.

// compareColumns are the columns data.csv and data/all.csv add after the
// others: one per breakdown, then area, lower and upper.
func compareColumns(dims []string) []string {
	return append(append([]string(nil), dims...), "area", "lower", "upper")
}

// siteDims are the breakdown columns of data/all.csv: every indicator's,
// first-seen in indicator order.
func siteDims(series []model.Series) []string {
	var out []string
	seen := map[string]bool{}
	for i := range series {
		for _, d := range series[i].Indicator.Breakdowns {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}

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

// csvExact writes an interval end as given, or "".
func csvExact(v model.Value) string {
	if !v.Valid {
		return ""
	}
	return strconv.FormatFloat(v.V, 'f', -1, 64)
}

// indicatorCSV is indicators/<id>/data.csv with the SPEC 3.8 columns.
func indicatorCSV(s *model.Series, site *model.Site) []byte {
	ytd := s.Indicator.Measure == model.MeasureYTD
	return writeCSV(append(csvHeader(ytd), compareColumns(s.Indicator.Breakdowns)...), compareRecords(s, ytd, s.Indicator.Breakdowns, site))
}

// compareDataColumns explains the SPEC 3.8 columns on the open data page.
func (b *builder) compareDataColumns(dims []string, site *model.Site) []Column {
	var out []Column
	for _, d := range dims {
		name := d
		if bd := site.Breakdown(d); bd != nil && bd.Name != "" {
			name = bd.Name
		}
		out = append(out, Column{d, b.lang.T("data_column.breakdown", "name", lowerFirst(name))})
	}
	return append(out,
		Column{"area", b.lang.T("data_column.area")},
		Column{"lower", b.lang.T("data_column.lower")},
		Column{"upper", b.lang.T("data_column.upper")},
	)
}

// lowerFirst lower-cases the first letter of a label for use mid-sentence
// ("Age group" becomes "age group"), unless the label is an acronym.
func lowerFirst(s string) string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
