package kpi

import (
	"fmt"

	"kpisite/generator/model"
)

// CurrentPeriod is the period the scorecards report: site.toml's
// [reporting] current_period when set, else the latest-ending period that
// has a figure of the council's own for any active indicator (SPEC 3.8).
// Only headline figures count: series points are built from the
// council's own rows without breakdown categories, so comparator and
// breakdown rows never make a period current, and a row with no value
// (only a flag such as x, or a note) does not either; a withheld figure
// does. Of periods ending on the same day a quarter wins. ok is false when
// there is no figure at all.
func CurrentPeriod(configured string, series []model.Series, fyStart int) (model.Period, bool, error) {
	if configured != "" {
		p, err := model.ParseAnyPeriod(configured)
		if err != nil {
			return model.Period{}, false, fmt.Errorf("[reporting] current_period: %w", err)
		}
		return p, true, nil
	}
	var best model.Period
	found := false
	for i := range series {
		s := &series[i]
		if !s.Indicator.IsActive() {
			continue
		}
		for j := len(s.Points) - 1; j >= 0; j-- {
			p := s.Points[j]
			if !p.HasFigure() {
				continue
			}
			if !found || p.Period.End(fyStart).After(best.End(fyStart)) ||
				(p.Period.End(fyStart).Equal(best.End(fyStart)) && p.Period.Freq == model.Quarterly) {
				best, found = p.Period, true
			}
			break
		}
	}
	return best, found, nil
}

// PointFor returns the point of s that a scorecard or report for period
// cur shows: the latest point with a row whose period ends on or before
// the end of cur (SPEC 3.8), whatever its frequency or kind of year. It is
// nil when there is none.
func PointFor(s *model.Series, cur model.Period, fyStart int) *model.Point {
	end := cur.End(fyStart)
	for i := len(s.Points) - 1; i >= 0; i-- {
		p := &s.Points[i]
		if p.HasRow && !p.Period.End(fyStart).After(end) {
			return p
		}
	}
	return nil
}
