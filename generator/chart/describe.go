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
			sentence(f.l.T("chart.all_withheld"))
		} else {
			sentence(f.l.T("chart.no_data"))
		}
		return b.String()
	}
	if f.ind.Measure == model.MeasureYTD {
		sentence(f.l.T("chart.cumulative"))
	}
	when := func(i int) string { return f.l.Words(f.pts[i].Period, o.FYStart) }
	switch {
	case f.count == 1 && len(f.pts) == 1:
		sentence(f.l.T("chart.only_one", "figure", f.figure(f.last), "period", when(f.last)))
	case f.count == 1:
		sentence(f.l.T("chart.only_one_figure", "figure", f.figure(f.last), "period", when(f.last)))
	default:
		sentence(f.l.T(f.change(), "figure", f.figure(f.last), "period", when(f.last), "first", f.figure(f.first), "first_period", when(f.first)))
		switch {
		case f.shown(f.high) == f.shown(f.low):
			sentence(f.l.T("chart.same_every_period"))
		case f.count > 2:
			sentence(f.l.T("chart.high_low", "high", f.figure(f.high), "high_period", when(f.high), "low", f.figure(f.low), "low_period", when(f.low)))
		}
	}
	if t := f.againstTarget(); t != "" {
		sentence(t)
	}
	if n, of := f.onTarget(); of > 1 {
		sentence(f.l.N("chart.on_target_"+periodKey(f.ind.Frequency), of, "on", format.Number(float64(n), 0)))
	}
	if len(f.noData) > 0 {
		sentence(f.l.T("chart.no_data_for", "periods", periodList(f.l, f.pts, f.noData, f.l.Period)))
	}
	if len(f.withheld) > 0 {
		sentence(capitalise(f.l.T("chart.withheld", "periods", periodList(f.l, f.pts, f.withheld, f.l.Period))))
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
		name = f.l.T("table.indicator")
	}
	if f.count == 0 {
		return f.l.T("chart.title_no_data", "name", name)
	}
	what := f.l.T("chart.figures")
	if f.ind.Measure == model.MeasureYTD {
		what = f.l.T("chart.figures_ytd")
	}
	first, last := f.pts[0].Period, f.pts[len(f.pts)-1].Period
	if len(f.pts) == 1 {
		return f.l.T("chart.title_one", "name", name, "what", what, "period", f.l.Period(first))
	}
	return f.l.T("chart.title_"+periodKey(f.ind.Frequency), "name", name, "what", what, "from", f.l.Period(first), "to", f.l.Period(last))
}

// figure writes the published figure of point i in the indicator's unit,
// with its noun for counts: "412 referrals", "65.0%", "£1,234".
func (f *facts) figure(i int) string {
	return f.figureOf(f.value(i))
}

func (f *facts) figureOf(v model.Value) string {
	s := f.l.Figure(v, f.ind)
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
		return "chart.latest_up"
	case b < a:
		return "chart.latest_down"
	}
	return "chart.latest_same"
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
		status = f.l.T("chart.status", "status", strings.ToLower(f.l.Status(st)))
	}
	d := v - tv
	var gap string
	switch {
	case d == 0:
		return f.l.T("chart.equals_target", "target", target, "status", status)
	case f.ind.Unit == model.UnitPercent:
		gap = f.l.T("chart.points", "n", format.Number(math.Abs(d), dec))
	case tv != 0:
		gap = format.Percent(d / tv)
	default:
		gap = f.l.FigureOf(math.Abs(d), f.ind.Unit, dec, f.ind.RatePer)
	}
	key := "chart.above_target"
	if d < 0 {
		key = "chart.below_target"
	}
	return f.l.T(key, "gap", gap, "target", target, "status", status)
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

// periodKey names the frequency's period in keys: "quarter", "month", "year".
func periodKey(fr model.Frequency) string {
	switch fr {
	case model.Monthly:
		return "month"
	case model.Annual:
		return "year"
	}
	return "quarter"
}

// periodList writes the periods at idx (ascending) with runs of consecutive
// periods joined: "Q2 20/21 to Q4 20/21, Q2 21/22 and Q1 22/23". More than
// six runs are counted instead: "9 periods".
func periodList(l *format.Lang, pts []model.Point, idx []int, name func(model.Period) string) string {
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
		return l.N("chart.periods", len(idx))
	}
	var b strings.Builder
	for k, r := range runs {
		switch {
		case k == 0:
		case k == len(runs)-1:
			b.WriteString(l.T("list.and"))
		default:
			b.WriteString(l.T("list.comma"))
		}
		b.WriteString(name(pts[r.a].Period))
		if r.b > r.a {
			b.WriteString(l.T("chart.to"))
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
