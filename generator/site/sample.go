package site

import (
	"fmt"
	"sort"

	"kpisite/generator/model"
)

// maxSample is the most indicators check renders.
const maxSample = 50

// sample picks the indicators check renders to run the theme's templates
// before build does: the first indicator (by id) of each shape a template
// may treat differently — unit, frequency, measure, lifecycle, target
// kind, with or without a baseline, figures, suppression, notes and
// commentary — up to maxSample of them, with every page, service,
// committee and action of the site. Rendering them all would make check
// as slow as build on a site of thousands of indicators; one of each
// shape reaches every branch of the templates that the data can.
func sample(in *model.Input, series []model.Series) (*model.Input, []model.Series) {
	commented := map[string]bool{}
	for _, c := range in.Content.Commentary {
		commented[c.Indicator] = true
	}
	seen := map[string]bool{}
	keep := map[string]bool{}
	var out []model.Series
	for _, s := range series {
		ind := s.Indicator
		shape := fmt.Sprint(ind.Unit, ind.Frequency, ind.Measure, ind.Lifecycle, ind.Outcome, ind.Target.Kind,
			ind.Baseline != nil, len(s.Points) > 0, ind.SuppressBelow > 0, len(ind.ReplacedBy) > 0,
			in.Content.Indicators[ind.ID] != nil, commented[ind.ID])
		if seen[shape] || len(out) == maxSample {
			continue
		}
		seen[shape] = true
		keep[ind.ID] = true
		out = append(out, s)
	}
	if len(out) == len(series) {
		return in, series
	}
	sin := *in
	sin.Indicators = nil
	for _, ind := range in.Indicators {
		if keep[ind.ID] {
			sin.Indicators = append(sin.Indicators, ind)
		}
	}
	sin.Observations = nil
	for _, o := range in.Observations {
		if keep[o.Indicator] {
			sin.Observations = append(sin.Observations, o)
		}
	}
	sin.Content.Commentary = nil
	for _, c := range in.Content.Commentary {
		if keep[c.Indicator] {
			sin.Content.Commentary = append(sin.Content.Commentary, c)
		}
	}
	sort.Slice(sin.Indicators, func(i, j int) bool { return sin.Indicators[i].ID < sin.Indicators[j].ID })
	return &sin, out
}
