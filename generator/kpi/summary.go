package kpi

import (
	"math"
	"strconv"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Summary is the plain-English sentence for one point of a series, for
// example "412 referrals in April to June 2022, 4% below the target of 430
// (amber). Up from 380 in the same quarter last year (improving)."
func Summary(s *model.Series, p *model.Point, fyStart int) string {
	return SummaryIn(nil, s, p, fyStart)
}

// SummaryIn is Summary in the words of l (nil: English).
func SummaryIn(l *format.Lang, s *model.Series, p *model.Point, fyStart int) string {
	l = format.LangOr(l)
	ind := s.Indicator
	when := l.Words(p.Period, fyStart)
	if ind.Measure == model.MeasureYTD || ind.Measure == model.MeasureCumulative && ind.Frequency != model.Annual && ind.Frequency != model.MultiYear {
		when = yearToDateWords(l, p.Period, fyStart)
	}
	switch {
	case p.Withheld:
		return l.T("summary.withheld", "period", when)
	case !p.Value.Valid:
		switch {
		case p.Flag == model.FlagNotAvailable || p.Flag == model.FlagNotApplicable:
			return l.T("summary.no_figure_flag", "period", when, "flag", l.T("flag."+string(p.Flag)))
		case p.HasRow && ind.Measure == model.MeasureYTD:
			return l.T("summary.no_figure_ytd", "period", when)
		}
		return l.T("summary.no_figure", "period", when)
	}
	var b strings.Builder
	b.WriteString(l.T("summary.figure", "figure", quantity(l, ind, p.Value), "period", when, "target", targetClause(l, ind, p)))
	if p.ByService && !p.Target.Valid {
		b.WriteString(" ")
		b.WriteString(l.T("summary.status_by_service", "status", l.T("summary.status."+string(p.Status))))
	}
	if d := directionSentence(l, ind, p, fyStart); d != "" {
		b.WriteString(" ")
		b.WriteString(d)
	}
	switch p.Flag {
	case model.FlagProvisional, model.FlagRevised, model.FlagEstimated, model.FlagLowReliability:
		b.WriteString(" ")
		b.WriteString(l.T("summary.flag", "flag", l.T("flag."+string(p.Flag))))
	}
	return b.String()
}

// quantity writes a figure with its noun: "412 referrals", "65.0% of
// clients", "1,234 hours".
func quantity(l *format.Lang, ind *model.Indicator, v model.Value) string {
	if ind.Noun == "" {
		return l.Figure(v, ind)
	}
	return format.Bare(v, ind) + " " + ind.Noun
}

// targetClause is ", 4% below the target of 430 (amber)" or similar.
func targetClause(l *format.Lang, ind *model.Indicator, p *model.Point) string {
	if !p.Target.Valid {
		rule, inForce := ind.RuleAt(p.Period)
		if !inForce || rule.Kind == model.TargetNone || ind.Polarity == model.Neutral {
			return ""
		}
		return l.T("summary.no_target_worked_out")
	}
	t := l.Figure(p.Target, ind)
	if ind.Polarity == model.Neutral {
		return l.T("summary.reference_level", "target", t)
	}
	v := p.Value.Round(ind.Decimals).V
	tv := p.Target.V
	st := l.T("summary.status." + string(p.Status))
	if p.ByService {
		st = l.T("summary.status_set_by_service", "status", st)
	}
	var key, by string
	switch {
	case v == tv:
		return l.T("summary.meeting_target", "target", t, "status", st)
	case tv == 0 && v > tv:
		key = "summary.above"
	case tv == 0:
		key = "summary.below"
	case v > tv:
		key, by = "summary.percent_above", format.Percent((v-tv)/math.Abs(tv))
	default:
		key, by = "summary.percent_below", format.Percent((tv-v)/math.Abs(tv))
	}
	if ind.Unit == model.UnitPercent {
		// For percentages, say points, not a percentage of a percentage.
		by = format.Number(math.Abs(v-tv), ind.Decimals)
		key = "summary.points_above"
		if v < tv {
			key = "summary.points_below"
		}
	}
	return l.T(key, "by", by, "target", t, "status", st)
}

// directionSentence is "Up from 380 in the same quarter last year
// (improving)." or "" when there is nothing to compare with.
func directionSentence(l *format.Lang, ind *model.Indicator, p *model.Point, fyStart int) string {
	if p.Direction == model.NoComparison {
		return ""
	}
	when := l.T(comparedWhen(ind))
	if usual := usualComparison(ind, p.Period); p.CompareWith != usual {
		when = l.T("summary.when_latest_earlier", "period", l.Words(p.CompareWith, fyStart))
	}
	before := l.Figure(p.CompareTo, ind)
	upDown := "summary.down"
	if p.Value.V > p.CompareTo.V {
		upDown = "summary.up"
	}
	switch p.Direction {
	case model.NoChange:
		return l.T("summary.same_as", "when", when, "before", before)
	case model.Up, model.Down:
		return l.T(upDown, "before", before, "when", when)
	case model.NoSignificantChange:
		return l.T(upDown+"_not_significant", "before", before, "when", when)
	}
	return l.T(upDown+"_direction", "before", before, "when", when, "direction", l.T("summary.direction."+string(p.Direction)))
}

// usualComparison is the period the direction of travel compares with
// when it has a figure: a year earlier, or the previous period. A
// multi-year period has none (it always names the period it compares
// with).
func usualComparison(ind *model.Indicator, p model.Period) model.Period {
	switch {
	case ind.Frequency == model.MultiYear:
		return model.Period{}
	case ind.Compare == model.ComparePreviousPeriod:
		return p.Add(-1)
	}
	return p.YearEarlier()
}

// comparedWhen is the key of the words naming the comparison period.
func comparedWhen(ind *model.Indicator) string {
	if ind.Measure.YearToDate() && ind.Frequency != model.Annual && ind.Frequency != model.MultiYear {
		if ind.Compare == model.ComparePreviousPeriod {
			return "summary.when_previous_period_end"
		}
		return "summary.when_same_point"
	}
	if ind.Compare == model.ComparePreviousPeriod {
		switch ind.Frequency {
		case model.Quarterly:
			return "summary.when_previous_quarter"
		case model.Monthly:
			return "summary.when_previous_month"
		}
		return "summary.when_previous_year"
	}
	switch ind.Frequency {
	case model.Quarterly:
		return "summary.when_same_quarter"
	case model.Monthly:
		return "summary.when_same_month"
	}
	return "summary.when_previous_year"
}

// yearToDateWords is "April to December 2022 (year to date)".
func yearToDateWords(l *format.Lang, p model.Period, fyStart int) string {
	fy := p.FinancialYear(fyStart)
	start := model.Period{Freq: model.Annual, Year: fy, Cal: p.Cal}
	y1, m1, _, _ := start.Months(fyStart)
	_, _, y2, m2 := p.Months(fyStart)
	var months string
	switch {
	case y1 == y2 && m1 == m2:
		months = l.MonthYear(m1, y1)
	case y1 == y2:
		months = l.T("period.span_same_year", "from", l.Month(m1), "to", l.MonthTo(m2), "year", strconv.Itoa(y2))
	default:
		months = l.T("period.span_two_years", "from", l.Month(m1), "year1", strconv.Itoa(y1), "to", l.MonthTo(m2), "year2", strconv.Itoa(y2))
	}
	return l.T("summary.year_to_date", "months", months)
}
