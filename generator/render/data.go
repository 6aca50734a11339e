package render

import (
	"encoding/json"
	"fmt"

	"kpisite/generator/model"
)

// jsonPoint is one period of data.json (SPEC 5: field names fixed).
type jsonPoint struct {
	Period    string   `json:"period"`
	Value     *float64 `json:"value"`
	Target    *float64 `json:"target"`
	Status    string   `json:"status"`
	Direction *string  `json:"direction"`
	Flag      string   `json:"flag"`
	Note      string   `json:"note"`
}

// jsonYTDPoint adds the period's own figure for a ytd indicator.
type jsonYTDPoint struct {
	Period      string   `json:"period"`
	Value       *float64 `json:"value"`
	PeriodValue *float64 `json:"period_value"`
	Target      *float64 `json:"target"`
	Status      string   `json:"status"`
	Direction   *string  `json:"direction"`
	Flag        string   `json:"flag"`
	Note        string   `json:"note"`
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
	Measure    string `json:"measure"`
	Periods    any    `json:"periods"`
}

// published rounds a present value to the decimals the page shows.
func published(v model.Value, decimals int) *float64 {
	if !v.Valid {
		return nil
	}
	r := v.Round(decimals).V
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
		Frequency: ind.Frequency.String(), Measure: string(ind.Measure),
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
				Period: p.Period.String(), Value: published(p.Value, ind.Decimals),
				PeriodValue: published(p.PeriodValue, ind.Decimals),
				Target:      published(p.Target, ind.Decimals), Status: string(p.Status),
				Direction: dir, Flag: publishedFlag(p), Note: p.Note,
			})
			continue
		}
		plain = append(plain, jsonPoint{
			Period: p.Period.String(), Value: published(p.Value, ind.Decimals),
			Target: published(p.Target, ind.Decimals), Status: string(p.Status),
			Direction: dir, Flag: publishedFlag(p), Note: p.Note,
		})
	}
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
