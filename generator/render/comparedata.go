package render

import (
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

// indicatorCSV is indicators/<id>/data.csv with the SPEC 3.8 columns.
func indicatorCSV(s *model.Series, site *model.Site, names *periodNames) []byte {
	ytd := s.Indicator.Measure == model.MeasureYTD
	b := appendRecord(make([]byte, 0, 256+rowsSize(s)), append(csvHeader(ytd), compareColumns(s.Indicator.Breakdowns)...))
	return appendCompareRows(b, s, ytd, s.Indicator.Breakdowns, site, names)
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
