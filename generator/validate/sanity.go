package validate

import (
	"strconv"
	"time"

	"kpisite/generator/model"
)

// Sanity checks the figures for mistakes that are valid input but almost
// certainly wrong:
//   - a figure for a period that starts after the end of the site's
//     current period ([reporting] current_period), or, when no current
//     period is set, after today, is an error unless the indicator sets
//     forecast = true: a mistyped year ("2035/36 Q1") would otherwise
//     become the current period of the whole site;
//   - a negative figure for an indicator with unit "count" is a warning.
//
// today is the build date (zero: the date rule is skipped when no
// current period is set).
func Sanity(in *model.Input, today time.Time) model.Problems {
	if in == nil {
		return nil
	}
	var ps model.Problems
	fy := in.Site.FinancialYearStart
	var limit time.Time // figures for periods starting after it are in the future
	var after string    // what limit is, for messages
	if cur, err := model.ParseAnyPeriod(in.Site.CurrentPeriod); in.Site.CurrentPeriod != "" && err == nil {
		limit = cur.End(fy)
		after = "the site's current period " + cur.String() + " (site.toml [reporting] current_period)"
	} else if in.Site.CurrentPeriod == "" && !today.IsZero() {
		limit = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
		after = "today, " + limit.Format("2 January 2006") + ", and site.toml sets no current_period"
	}
	inds := indicatorLookup{in: in}
	for i := range in.Observations {
		o := &in.Observations[i]
		ind := inds.of(o.Indicator)
		if ind == nil {
			continue
		}
		if !limit.IsZero() && !ind.Forecast {
			y1, m1, _, _ := o.Period.Months(fy)
			if start := time.Date(y1, m1, 1, 0, 0, 0, 0, time.UTC); start.After(limit) {
				ps.Errorf(o.Pos, "the figure for %q is for %s, which starts after %s; expected a period up to then (is the year mistyped?), or forecast = true in the indicator's definition if it is a forecast", o.Indicator, o.Period.Long(fy), after)
			}
		}
		if ind.Unit == model.UnitCount && o.Value.Valid && o.Value.V < 0 {
			ps.Warnf(o.Pos, "the figure for %q for %s is %s, but it is a count (unit = \"count\"); expected 0 or more (a fall is shown by comparing periods, not by a negative figure)", o.Indicator, o.Period, strconv.FormatFloat(o.Value.V, 'f', -1, 64))
		}
	}
	return ps
}
