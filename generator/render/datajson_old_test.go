package render

import (
	"encoding/json"
	"fmt"
	"strconv"

	"kpisite/generator/model"
)

// The structs data.json was marshalled from with encoding/json before
// jsonWriter, and the code that filled them: the reference the
// equivalence tests hold dataJSON to.

// jsonPoint is one period of data.json (SPEC 5: field names fixed).
// Figures are at source precision (SPEC 3.8), not rounded for display.
type jsonPoint struct {
	Period       string   `json:"period"`
	Value        *float64 `json:"value"`
	Target       *float64 `json:"target"`
	Status       string   `json:"status"`
	StatusSource string   `json:"status_source"`
	Direction    *string  `json:"direction"`
	Numerator    *float64 `json:"numerator"`
	Denominator  *float64 `json:"denominator"`
	Flag         string   `json:"flag"`
	Note         string   `json:"note"`
	jsonExtra
}

// jsonYTDPoint adds the period's own figure for a ytd indicator.
type jsonYTDPoint struct {
	Period       string   `json:"period"`
	Value        *float64 `json:"value"`
	PeriodValue  *float64 `json:"period_value"`
	Target       *float64 `json:"target"`
	Status       string   `json:"status"`
	StatusSource string   `json:"status_source"`
	Direction    *string  `json:"direction"`
	Numerator    *float64 `json:"numerator"`
	Denominator  *float64 `json:"denominator"`
	Flag         string   `json:"flag"`
	Note         string   `json:"note"`
	jsonExtra
}

// jsonIndicator is data.json.
type jsonIndicator struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	ShortTitle string `json:"short_title,omitempty"`
	Service    string `json:"service"`
	Unit       string `json:"unit"`
	Decimals   int    `json:"decimals"`
	Polarity   string `json:"polarity"`
	Frequency  string `json:"frequency"`
	Year       string `json:"year"`
	Measure    string `json:"measure"`
	UnitLabel  string `json:"unit_label,omitempty"`
	Code       string `json:"code,omitempty"`
	Periods    any    `json:"periods"`
	jsonCompare
}

// published is a present value at source precision, for downloads
// (publishedFloat without its shortcuts).
func published(v model.Value) *float64 {
	if !v.Valid {
		return nil
	}
	r, err := strconv.ParseFloat(sourceNumber(v), 64)
	if err != nil { // not finite: cannot happen for loaded figures
		r = v.V
	}
	return &r
}

// dataJSONOld is data.json as encoding/json wrote it.
func dataJSONOld(s *model.Series, site *model.Site) ([]byte, error) {
	ind := s.Indicator
	doc := jsonIndicator{
		ID: ind.ID, Title: ind.Title, ShortTitle: ind.ShortTitle, Service: ind.Service,
		Unit: string(ind.Unit), Decimals: ind.Decimals, Polarity: string(ind.Polarity),
		Frequency: ind.Frequency.String(), Year: ind.Cal.Year.String(), Measure: string(ind.Measure),
		UnitLabel: ind.UnitLabel, Code: ind.Code,
	}
	ytd := ind.Measure == model.MeasureYTD
	var plain []jsonPoint
	var cum []jsonYTDPoint
	for i := range s.Points {
		p := &s.Points[i]
		var dir *string
		if p.Direction != model.NoComparison {
			d := string(p.Direction)
			dir = &d
		}
		if ytd {
			cum = append(cum, jsonYTDPoint{
				Period: p.Period.String(), Value: published(p.Value),
				PeriodValue: published(p.PeriodValue),
				Target:      published(p.Target), Status: string(p.Status), StatusSource: p.StatusSource(),
				Direction: dir, Numerator: published(p.Numerator), Denominator: published(p.Denominator),
				Flag: publishedFlag(p), Note: p.Note, jsonExtra: extraOf(p),
			})
			continue
		}
		plain = append(plain, jsonPoint{
			Period: p.Period.String(), Value: published(p.Value),
			Target: published(p.Target), Status: string(p.Status), StatusSource: p.StatusSource(),
			Direction: dir, Numerator: published(p.Numerator), Denominator: published(p.Denominator),
			Flag: publishedFlag(p), Note: p.Note, jsonExtra: extraOf(p),
		})
	}
	doc.jsonCompare = compareJSON(s, site)
	switch {
	case ytd && cum != nil:
		doc.Periods = cum
	case !ytd && plain != nil:
		doc.Periods = plain
	default:
		doc.Periods = []jsonPoint{}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("data.json for %s: %w", ind.ID, err)
	}
	return append(b, '\n'), nil
}

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
