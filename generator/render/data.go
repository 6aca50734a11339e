package render

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"kpisite/generator/model"
)

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

// sourceDecimals is the most decimals a download writes: figures keep
// the precision of the source (SPEC 3.8); figures kpisite works out
// (year-to-date totals, 100 × numerator / denominator) are cut to this
// many decimals so that floating-point noise is not published.
const sourceDecimals = 10

// published is a present value at source precision, for downloads.
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

// publishedFlag is the flag downloads carry: c for every withheld figure.
func publishedFlag(p *model.Point) string {
	if p.Withheld {
		return string(model.FlagConfidential)
	}
	return string(p.Flag)
}

// dataJSON is indicators/<id>/data.json: what the page shows, computed.
// Withheld figures are null.
func dataJSON(s *model.Series, site *model.Site) ([]byte, error) {
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
