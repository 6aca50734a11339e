package chart

import (
	"math"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Describe states the trend of s in words, for the chart's <desc>: the
// latest figure against the first, the highest and lowest, the latest
// against its target, and any gaps. It uses the published figures rounded
// as the page's table shows them, and never mentions a withheld figure.
func Describe(s *model.Series, o Options) string {
	f := newFacts(s, o)
	return describe(&f, o) + compareDescribe(s, &f)
}

func describe(f *facts, o Options) string {
	var b strings.Builder
	sentence := func(parts ...string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	if f.count == 0 {
		if len(f.withheld) > 0 && len(f.noData) == 0 {
			sentence("There are no figures to chart: every period so far is withheld to protect privacy.")
		} else {
			sentence("There is no data to chart yet.")
		}
		return b.String()
	}
	if f.ind.Measure == model.MeasureYTD {
		sentence("Figures are cumulative from the start of each financial year.")
	}
	when := func(i int) string { return f.pts[i].Period.Words(o.FYStart) }
	switch {
	case f.count == 1 && len(f.pts) == 1:
		sentence("Only one period so far: ", f.figure(f.last), " in ", when(f.last), ".")
	case f.count == 1:
		sentence("Only one period has a figure so far: ", f.figure(f.last), " in ", when(f.last), ".")
	default:
		sentence("Latest: ", f.figure(f.last), " in ", when(f.last), ", ", f.change(), " ",
			f.figure(f.first), " in ", when(f.first), ".")
		switch {
		case f.shown(f.high) == f.shown(f.low):
			sentence("The figure is the same in every period with data.")
		case f.count > 2:
			sentence("Highest: ", f.figure(f.high), " in ", when(f.high),
				". Lowest: ", f.figure(f.low), " in ", when(f.low), ".")
		}
	}
	if t := f.againstTarget(); t != "" {
		sentence(t)
	}
	if n, of := f.onTarget(); of > 1 {
		sentence("On target in ", format.Number(float64(n), 0), " of ", format.Number(float64(of), 0), " ",
			plural(f.ind.Frequency, of), " with a target.")
	}
	if len(f.noData) > 0 {
		sentence("No data for ", periodList(f.pts, f.noData, model.Period.String), ".")
	}
	if len(f.withheld) > 0 {
		sentence(capitalise(periodList(f.pts, f.withheld, model.Period.String)), " withheld to protect privacy.")
	}
	return b.String()
}

// titleText is the chart's <title>: what it shows, with the full title.
func titleText(f *facts) string {
	name := f.ind.Title
	if name == "" {
		name = f.ind.Name()
	}
	if name == "" {
		name = f.ind.ID
	}
	if name == "" {
		name = "Indicator"
	}
	if f.count == 0 {
		return name + ": no data to chart yet"
	}
	what := "figures"
	if f.ind.Measure == model.MeasureYTD {
		what = "cumulative year-to-date figures"
	}
	first, last := f.pts[0].Period, f.pts[len(f.pts)-1].Period
	if len(f.pts) == 1 {
		return name + ": " + what + " for " + first.String()
	}
	return name + ": " + what + " by " + plural(f.ind.Frequency, 1) + ", " + first.String() + " to " + last.String()
}

// figure writes the published figure of point i in the indicator's unit,
// with its noun for counts: "412 referrals", "65.0%", "£1,234".
func (f *facts) figure(i int) string {
	return f.figureOf(f.value(i))
}

func (f *facts) figureOf(v model.Value) string {
	s := format.Figure(v, f.ind)
	if f.ind.Unit == model.UnitCount && f.ind.Noun != "" {
		s += " " + f.ind.Noun
	}
	return s
}

// change compares the latest figure with the first, as published.
func (f *facts) change() string {
	a, b := f.shown(f.first), f.shown(f.last)
	switch {
	case b > a:
		return "up from"
	case b < a:
		return "down from"
	}
	return "the same as"
}

// againstTarget compares the latest figure with its target, as the
// summary sentence does: "4% below the target of 430 (near target)".
func (f *facts) againstTarget() string {
	t := f.target(f.last)
	if !t.Valid {
		return ""
	}
	dec := f.ind.Decimals
	v, tv := f.shown(f.last), t.Round(dec).V
	target := f.figureOf(model.Some(tv))
	status := ""
	switch st := f.pts[f.last].Status; st {
	case model.Green, model.Amber, model.Red:
		status = " (" + strings.ToLower(st.Label()) + ")"
	}
	d := v - tv
	var gap string
	switch {
	case d == 0:
		return "The latest figure equals the target of " + target + status + "."
	case f.ind.Unit == model.UnitPercent:
		gap = format.Number(math.Abs(d), dec) + " percentage points"
	case tv != 0:
		gap = format.Percent(d / tv)
	default:
		gap = format.FigureOf(math.Abs(d), f.ind.Unit, dec, f.ind.RatePer)
	}
	side := "above"
	if d < 0 {
		side = "below"
	}
	return "The latest figure is " + gap + " " + side + " the target of " + target + status + "."
}

// onTarget counts the periods with a figure and a status against a target,
// and how many of them were on target.
func (f *facts) onTarget() (n, of int) {
	for i := range f.pts {
		if !f.value(i).Valid {
			continue
		}
		switch f.pts[i].Status {
		case model.Green:
			n++
			of++
		case model.Amber, model.Red:
			of++
		}
	}
	return n, of
}

// plural names the frequency's period: "quarter", "quarters".
func plural(fr model.Frequency, n int) string {
	var s string
	switch fr {
	case model.Monthly:
		s = "month"
	case model.Annual:
		s = "year"
	default:
		s = "quarter"
	}
	if n != 1 {
		s += "s"
	}
	return s
}

// periodList writes the periods at idx (ascending) with runs of consecutive
// periods joined: "Q2 20/21 to Q4 20/21, Q2 21/22 and Q1 22/23". More than
// six runs are counted instead: "9 periods".
func periodList(pts []model.Point, idx []int, name func(model.Period) string) string {
	type run struct{ a, b int }
	var runs []run
	for _, i := range idx {
		if n := len(runs); n > 0 && runs[n-1].b == i-1 {
			runs[n-1].b = i
			continue
		}
		runs = append(runs, run{i, i})
	}
	if len(runs) > 6 {
		return format.Number(float64(len(idx)), 0) + " periods"
	}
	var b strings.Builder
	for k, r := range runs {
		switch {
		case k == 0:
		case k == len(runs)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(name(pts[r.a].Period))
		if r.b > r.a {
			b.WriteString(" to ")
			b.WriteString(name(pts[r.b].Period))
		}
	}
	return b.String()
}

func capitalise(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
