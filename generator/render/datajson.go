package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"kpisite/generator/model"
)

// data.json (SPEC 5: field names fixed) is written by jsonWriter in the
// order below; the field names, their order and which are left out when
// empty are those of the structs it was once marshalled from (kept in
// datajson_old_test.go, which checks the two give the same bytes).
//
//	id title short_title? service unit decimals polarity frequency year
//	measure unit_label? code? periods area? confidence? breakdowns?
//	comparators?
//
// Each period: period value [period_value, ytd only] target status
// status_source direction numerator denominator flag note, then the
// SPEC 3.8 extras lower? upper? rank? rank_of? quartile?. A breakdown's
// or comparator's period: period value numerator? denominator? direction
// flag note and the extras. Figures are at source precision (SPEC 3.8),
// not rounded for display; withheld figures are null.

// sourceDecimals is the most decimals a download writes: figures keep
// the precision of the source (SPEC 3.8); figures kpisite works out
// (year-to-date totals, 100 × numerator / denominator) are cut to this
// many decimals so that floating-point noise is not published.
const sourceDecimals = 10

// publishedFloat is a present value at source precision, for downloads:
// the number sourceNumber writes, read back.
func publishedFloat(v model.Value) float64 {
	var tmp [32]byte
	s := strconv.AppendFloat(tmp[:0], v.V, 'f', -1, 64)
	r := v.V
	if i := slices.Index(s, '.'); i >= 0 && len(s)-i-1 > sourceDecimals {
		var err error
		r, err = strconv.ParseFloat(strconv.FormatFloat(v.V, 'f', sourceDecimals, 64), 64)
		if err != nil { // not finite: cannot happen for loaded figures
			r = v.V
		}
	}
	if r == 0 { // sourceNumber writes -0 as 0
		r = 0
	}
	return r
}

// publishedValue writes a figure at source precision, or null.
func (w *jsonWriter) publishedValue(v model.Value) {
	if !v.Valid {
		w.null()
		return
	}
	w.float(publishedFloat(v))
}

// exactValue writes a figure as given (an interval keeps its source
// precision), or null.
func (w *jsonWriter) exactValue(v model.Value) {
	if !v.Valid {
		w.null()
		return
	}
	w.float(v.V)
}

// publishedFlag is the flag downloads carry: c for every withheld figure.
func publishedFlag(p *model.Point) string {
	if p.Withheld {
		return string(model.FlagConfidential)
	}
	return string(p.Flag)
}

// direction writes a point's direction of travel, or null.
func (w *jsonWriter) direction(p *model.Point) {
	if p.Direction == model.NoComparison {
		w.null()
		return
	}
	w.str(string(p.Direction))
}

// present writes "key": v when v is present, and nothing otherwise
// (a *float64 field tagged omitempty).
func (w *jsonWriter) present(key string, v model.Value) {
	if v.Valid {
		w.key(key)
		w.float(v.V)
	}
}

// extras writes the SPEC 3.8 fields of a period, each only when present.
func (w *jsonWriter) extras(p *model.Point) {
	w.present("lower", p.Lower)
	w.present("upper", p.Upper)
	for _, f := range [...]struct {
		name string
		n    int
	}{{"rank", p.Rank}, {"rank_of", p.RankOf}, {"quartile", p.Quartile}} {
		if f.n != 0 {
			w.key(f.name)
			w.int(f.n)
		}
	}
}

// headlinePoint writes one period of the indicator's own figures.
func (w *jsonWriter) headlinePoint(p *model.Point, ytd bool) {
	w.open('{')
	w.key("period")
	w.str(p.Period.String())
	w.key("value")
	w.publishedValue(p.Value)
	if ytd {
		w.key("period_value")
		w.publishedValue(p.PeriodValue)
	}
	w.key("target")
	w.publishedValue(p.Target)
	w.key("status")
	w.str(string(p.Status))
	w.key("status_source")
	w.str(p.StatusSource())
	w.key("direction")
	w.direction(p)
	w.key("numerator")
	w.publishedValue(p.Numerator)
	w.key("denominator")
	w.publishedValue(p.Denominator)
	w.key("flag")
	w.str(publishedFlag(p))
	w.key("note")
	w.str(p.Note)
	w.extras(p)
	w.close('}')
}

// linePoints writes the periods of a breakdown or comparator series.
func (w *jsonWriter) linePoints(pts []model.Point) {
	w.open('[')
	for i := range pts {
		p := &pts[i]
		w.elem()
		w.open('{')
		w.key("period")
		w.str(p.Period.String())
		w.key("value")
		w.publishedValue(p.Value)
		w.present("numerator", p.Numerator)
		w.present("denominator", p.Denominator)
		w.key("direction")
		w.direction(p)
		w.key("flag")
		w.str(publishedFlag(p))
		w.key("note")
		w.str(p.Note)
		w.extras(p)
		w.close('}')
	}
	w.close(']')
}

// dimensions writes a line's breakdown categories as an object keyed by
// breakdown, in key order (as encoding/json writes a map); of a
// breakdown given twice, the last category counts.
func (w *jsonWriter) dimensions(dims []model.Dim) {
	var buf [4]model.Dim
	kept := buf[:0]
	for _, d := range dims {
		if i := slices.IndexFunc(kept, func(k model.Dim) bool { return k.Dimension == d.Dimension }); i >= 0 {
			kept[i].Category = d.Category
			continue
		}
		kept = append(kept, d)
	}
	slices.SortFunc(kept, func(a, b model.Dim) int { return strings.Compare(a.Dimension, b.Dimension) })
	w.open('{')
	for _, d := range kept {
		w.mapKey(d.Dimension)
		w.str(d.Category)
	}
	w.close('}')
}

// lines writes "breakdowns": one object per breakdown series.
func (w *jsonWriter) lines(ls []model.Line) {
	w.open('[')
	for _, l := range ls {
		w.elem()
		w.open('{')
		w.key("dimensions")
		w.dimensions(l.Dims)
		w.key("periods")
		w.linePoints(l.Points)
		w.close('}')
	}
	w.close(']')
}

// compare writes the SPEC 3.8 part of data.json's top level.
func (w *jsonWriter) compare(s *model.Series, site *model.Site) {
	ind := s.Indicator
	if a := site.AreaOf(ind); a.Code != "" {
		w.key("area")
		w.open('{')
		w.key("code")
		w.str(a.Code)
		w.key("name")
		w.str(a.Name)
		w.close('}')
	}
	if ind.Confidence != 0 {
		w.key("confidence")
		w.int(ind.Confidence)
	}
	if len(s.Breakdowns) > 0 {
		w.key("breakdowns")
		w.lines(s.Breakdowns)
	}
	if len(s.Comparators) == 0 {
		return
	}
	w.key("comparators")
	w.open('[')
	for i := range s.Comparators {
		cs := &s.Comparators[i]
		measure := "value"
		if cs.Comparator.IsGroup() {
			measure = "median"
		}
		w.elem()
		w.open('{')
		w.key("id")
		w.str(cs.Comparator.ID)
		w.key("name")
		w.str(cs.Comparator.Name)
		w.key("areas")
		w.strings(cs.Comparator.Areas)
		w.key("measure")
		w.str(measure)
		w.key("periods")
		w.linePoints(cs.Points)
		if len(cs.Breakdowns) > 0 {
			w.key("breakdowns")
			w.lines(cs.Breakdowns)
		}
		w.close('}')
	}
	w.close(']')
}

// dataJSON is indicators/<id>/data.json: what the page shows, computed.
// Withheld figures are null.
func dataJSON(s *model.Series, site *model.Site) ([]byte, error) {
	ind := s.Indicator
	w := jsonWriter{b: make([]byte, 0, 512+300*len(s.Points)), indent: true}
	w.open('{')
	w.key("id")
	w.str(ind.ID)
	w.key("title")
	w.str(ind.Title)
	if ind.ShortTitle != "" {
		w.key("short_title")
		w.str(ind.ShortTitle)
	}
	for _, f := range [...]struct{ name, v string }{
		{"service", ind.Service}, {"unit", string(ind.Unit)},
	} {
		w.key(f.name)
		w.str(f.v)
	}
	w.key("decimals")
	w.int(ind.Decimals)
	for _, f := range [...]struct{ name, v string }{
		{"polarity", string(ind.Polarity)}, {"frequency", ind.Frequency.String()},
		{"year", ind.Cal.Year.String()}, {"measure", string(ind.Measure)},
	} {
		w.key(f.name)
		w.str(f.v)
	}
	if ind.UnitLabel != "" {
		w.key("unit_label")
		w.str(ind.UnitLabel)
	}
	if ind.Code != "" {
		w.key("code")
		w.str(ind.Code)
	}
	ytd := ind.Measure == model.MeasureYTD
	w.key("periods")
	w.open('[')
	for i := range s.Points {
		w.elem()
		w.headlinePoint(&s.Points[i], ytd)
	}
	w.close(']')
	w.compare(s, site)
	w.close('}')
	if w.err != nil {
		return nil, fmt.Errorf("data.json for %s: %w", ind.ID, w.err)
	}
	return append(w.b, '\n'), nil
}
