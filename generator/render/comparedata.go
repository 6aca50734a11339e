package render

import (
	"kpisite/generator/model"
)

// SPEC 3.8 in the downloads: data.json's interval and rank fields on each
// headline period, its "breakdowns" and "comparators", and the breakdown,
// area, lower and upper columns of data.csv and data/all.csv.

// jsonExtra is added to each period of data.json. Absent fields are left
// out: an indicator without intervals or comparators has none of them.
type jsonExtra struct {
	Lower    *float64 `json:"lower,omitempty"`
	Upper    *float64 `json:"upper,omitempty"`
	Rank     int      `json:"rank,omitempty"`
	RankOf   int      `json:"rank_of,omitempty"`
	Quartile int      `json:"quartile,omitempty"`
}

func extraOf(p *model.Point) jsonExtra {
	return jsonExtra{Lower: exact(p.Lower), Upper: exact(p.Upper), Rank: p.Rank, RankOf: p.RankOf, Quartile: p.Quartile}
}

// exact is a present value as given (an interval keeps its source
// precision).
func exact(v model.Value) *float64 {
	if !v.Valid {
		return nil
	}
	x := v.V
	return &x
}

// jsonLinePoint is one period of a breakdown or comparator series.
type jsonLinePoint struct {
	Period      string   `json:"period"`
	Value       *float64 `json:"value"`
	Numerator   *float64 `json:"numerator,omitempty"`
	Denominator *float64 `json:"denominator,omitempty"`
	Direction   *string  `json:"direction"`
	Flag        string   `json:"flag"`
	Note        string   `json:"note"`
	jsonExtra
}

// jsonLine is one entry of "breakdowns".
type jsonLine struct {
	Dimensions map[string]string `json:"dimensions"`
	Periods    []jsonLinePoint   `json:"periods"`
}

// jsonComparator is one entry of "comparators".
type jsonComparator struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Areas      []string        `json:"areas"`
	Measure    string          `json:"measure"` // "value" for one area, "median" for a group
	Periods    []jsonLinePoint `json:"periods"`
	Breakdowns []jsonLine      `json:"breakdowns,omitempty"`
}

// jsonArea is the area the indicator's own figures are for.
type jsonArea struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// jsonCompare is added to data.json's top level.
type jsonCompare struct {
	Area        *jsonArea        `json:"area,omitempty"`
	Confidence  int              `json:"confidence,omitempty"`
	Breakdowns  []jsonLine       `json:"breakdowns,omitempty"`
	Comparators []jsonComparator `json:"comparators,omitempty"`
}

func linePoints(pts []model.Point, ind *model.Indicator) []jsonLinePoint {
	out := make([]jsonLinePoint, 0, len(pts))
	for i := range pts {
		p := &pts[i]
		var dir *string
		if p.Direction != model.NoComparison {
			d := string(p.Direction)
			dir = &d
		}
		out = append(out, jsonLinePoint{
			Period: p.Period.String(), Value: published(p.Value),
			Numerator: exact(p.Numerator), Denominator: exact(p.Denominator),
			Direction: dir, Flag: publishedFlag(p), Note: p.Note, jsonExtra: extraOf(p),
		})
	}
	return out
}

func jsonLines(ls []model.Line, ind *model.Indicator) []jsonLine {
	out := make([]jsonLine, 0, len(ls))
	for _, l := range ls {
		dims := map[string]string{}
		for _, d := range l.Dims {
			dims[d.Dimension] = d.Category
		}
		out = append(out, jsonLine{Dimensions: dims, Periods: linePoints(l.Points, ind)})
	}
	return out
}

// compareJSON is the SPEC 3.8 part of data.json's top level.
func compareJSON(s *model.Series, site *model.Site) jsonCompare {
	ind := s.Indicator
	var c jsonCompare
	if a := site.AreaOf(ind); a.Code != "" {
		c.Area = &jsonArea{Code: a.Code, Name: a.Name}
	}
	c.Confidence = ind.Confidence
	if len(s.Breakdowns) > 0 {
		c.Breakdowns = jsonLines(s.Breakdowns, ind)
	}
	for _, cs := range s.Comparators {
		measure := "value"
		if cs.Comparator.IsGroup() {
			measure = "median"
		}
		jc := jsonComparator{
			ID: cs.Comparator.ID, Name: cs.Comparator.Name, Areas: cs.Comparator.Areas, Measure: measure,
			Periods: linePoints(cs.Points, ind),
		}
		if len(cs.Breakdowns) > 0 {
			jc.Breakdowns = jsonLines(cs.Breakdowns, ind)
		}
		c.Comparators = append(c.Comparators, jc)
	}
	return c
}

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
