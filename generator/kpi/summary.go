package kpi

import (
	"fmt"
	"math"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Summary is the plain-English sentence for one point of a series, for
// example "412 referrals in April to June 2022, 4% below the target of 430
// (amber). Up from 380 in the same quarter last year (improving)."
func Summary(s *model.Series, p *model.Point, fyStart int) string {
	ind := s.Indicator
	when := p.Period.Words(fyStart)
	if ind.Measure == model.MeasureYTD || ind.Measure == model.MeasureCumulative && ind.Frequency != model.Annual && ind.Frequency != model.MultiYear {
		when = yearToDateWords(p.Period, fyStart)
	}
	switch {
	case p.Withheld:
		return fmt.Sprintf("The figure for %s is withheld to protect people's privacy, because it is a small number.", when)
	case !p.Value.Valid:
		msg := fmt.Sprintf("There is no figure for %s", when)
		switch {
		case p.Flag == model.FlagNotAvailable || p.Flag == model.FlagNotApplicable:
			msg += " (" + p.Flag.Meaning() + ")"
		case p.HasRow && ind.Measure == model.MeasureYTD:
			msg += ", because a figure for an earlier period of the year is missing"
		}
		return msg + "."
	}
	var b strings.Builder
	b.WriteString(quantity(ind, p.Value))
	b.WriteString(" in ")
	b.WriteString(when)
	b.WriteString(targetClause(ind, p))
	b.WriteString(".")
	if p.ByService && !p.Target.Valid {
		fmt.Fprintf(&b, " Status %s, set by the service.", p.Status)
	}
	if d := directionSentence(ind, p, fyStart); d != "" {
		b.WriteString(" ")
		b.WriteString(d)
	}
	switch p.Flag {
	case model.FlagProvisional, model.FlagRevised, model.FlagEstimated, model.FlagLowReliability:
		fmt.Fprintf(&b, " This figure is %s.", p.Flag.Meaning())
	}
	return b.String()
}

// quantity writes a figure with its noun: "412 referrals", "65.0% of
// clients", "1,234 hours".
func quantity(ind *model.Indicator, v model.Value) string {
	if ind.Noun == "" {
		return format.Figure(v, ind)
	}
	return format.Bare(v, ind) + " " + ind.Noun
}

// targetClause is ", 4% below the target of 430 (amber)" or similar.
func targetClause(ind *model.Indicator, p *model.Point) string {
	if !p.Target.Valid {
		rule, inForce := ind.RuleAt(p.Period)
		if !inForce || rule.Kind == model.TargetNone || ind.Polarity == model.Neutral {
			return ""
		}
		return ", with no target that can be worked out for this period"
	}
	t := format.Figure(p.Target, ind)
	if ind.Polarity == model.Neutral {
		return fmt.Sprintf(", against a reference level of %s", t)
	}
	v := p.Value.Round(ind.Decimals).V
	tv := p.Target.V
	st := string(p.Status)
	if p.ByService {
		st += ", status set by the service"
	}
	var rel string
	switch {
	case v == tv:
		return fmt.Sprintf(", meeting the target of %s (%s)", t, st)
	case tv == 0 && v > tv:
		rel = "above"
	case tv == 0:
		rel = "below"
	case v > tv:
		rel = format.Percent((v-tv)/math.Abs(tv)) + " above"
	default:
		rel = format.Percent((tv-v)/math.Abs(tv)) + " below"
	}
	if ind.Unit == model.UnitPercent {
		// For percentages, say points, not a percentage of a percentage.
		d := math.Abs(v - tv)
		rel = format.Number(d, ind.Decimals) + " percentage points " + lastWord(rel)
	}
	return fmt.Sprintf(", %s the target of %s (%s)", rel, t, st)
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// directionSentence is "Up from 380 in the same quarter last year
// (improving)." or "" when there is nothing to compare with.
func directionSentence(ind *model.Indicator, p *model.Point, fyStart int) string {
	if p.Direction == model.NoComparison {
		return ""
	}
	when := comparedWhen(ind)
	if usual := usualComparison(ind, p.Period); p.CompareWith != usual {
		when = "in " + p.CompareWith.Words(fyStart) + ", the latest earlier figure"
	}
	before := format.Figure(p.CompareTo, ind)
	var s string
	switch p.Direction {
	case model.NoChange:
		return fmt.Sprintf("The same as %s (%s).", when, before)
	case model.Up, model.Down:
		return fmt.Sprintf("%s from %s %s.", upDown(p), before, when)
	case model.NoSignificantChange:
		return fmt.Sprintf("%s from %s %s, but not a significant change (the confidence intervals overlap).", upDown(p), before, when)
	default:
		s = fmt.Sprintf("%s from %s %s (%s).", upDown(p), before, when, p.Direction)
	}
	return s
}

func upDown(p *model.Point) string {
	if p.Value.V > p.CompareTo.V {
		return "Up"
	}
	return "Down"
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

// comparedWhen names the comparison period in words.
func comparedWhen(ind *model.Indicator) string {
	if ind.Measure.YearToDate() && ind.Frequency != model.Annual && ind.Frequency != model.MultiYear {
		if ind.Compare == model.ComparePreviousPeriod {
			return "at the end of the previous period"
		}
		return "at the same point last year"
	}
	if ind.Compare == model.ComparePreviousPeriod {
		switch ind.Frequency {
		case model.Quarterly:
			return "in the previous quarter"
		case model.Monthly:
			return "in the previous month"
		}
		return "in the previous year"
	}
	switch ind.Frequency {
	case model.Quarterly:
		return "in the same quarter last year"
	case model.Monthly:
		return "in the same month last year"
	}
	return "in the previous year"
}

// yearToDateWords is "April to December 2022 (year to date)".
func yearToDateWords(p model.Period, fyStart int) string {
	fy := p.FinancialYear(fyStart)
	start := model.Period{Freq: model.Annual, Year: fy, Cal: p.Cal}
	y1, m1, _, _ := start.Months(fyStart)
	_, _, y2, m2 := p.Months(fyStart)
	if y1 == y2 {
		if m1 == m2 {
			return fmt.Sprintf("%s %d (year to date)", m1, y1)
		}
		return fmt.Sprintf("%s to %s %d (year to date)", m1, m2, y2)
	}
	return fmt.Sprintf("%s %d to %s %d (year to date)", m1, y1, m2, y2)
}
