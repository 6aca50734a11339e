package chart

import (
	"math"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// facts are what a chart and its description are both drawn from, so the
// words and the picture cannot disagree.
type facts struct {
	ind   *model.Indicator
	pts   []model.Point
	count int // points with a published figure
	first int // first point with a figure, -1 if none
	last  int // last point with a figure (the latest), -1 if none
	high  int // point with the highest figure as published (latest on ties)
	low   int // point with the lowest figure as published (latest on ties)
	// lastTarget is the last point with a target, -1 if none.
	lastTarget int
	noData     []int   // points without a figure, not withheld
	withheld   []int   // points withheld to protect privacy
	tol        float64 // near-target band as a fraction of the target; 0 = no band
	fy         int     // financial year start month
	l          *format.Lang
	// noBand turns the near-target band off for the whole chart: it would
	// fill most of the plot, or the target moves (see bandMeans).
	noBand bool
}

func newFacts(s *model.Series, o Options) facts {
	f := facts{fy: o.FYStart, first: -1, last: -1, high: -1, low: -1, lastTarget: -1, l: format.LangOr(o.Lang)}
	if s != nil {
		f.ind, f.pts = s.Indicator, s.Points
	}
	if f.ind == nil {
		f.ind = &model.Indicator{}
	}
	for i := range f.pts {
		p := &f.pts[i]
		if p.Target.Valid {
			f.lastTarget = i
		}
		v := f.value(i)
		if !v.Valid {
			if p.Withheld {
				f.withheld = append(f.withheld, i)
			} else {
				f.noData = append(f.noData, i)
			}
			continue
		}
		f.count++
		if f.first < 0 {
			f.first = i
		}
		f.last = i
		r := f.shown(i)
		if f.high < 0 || r >= f.shown(f.high) {
			f.high = i
		}
		if f.low < 0 || r <= f.shown(f.low) {
			f.low = i
		}
	}
	if f.ind.Polarity == model.HigherIsBetter || f.ind.Polarity == model.LowerIsBetter {
		f.tol = o.AmberTolerance
		if f.ind.Target.Tolerance.Valid {
			f.tol = f.ind.Target.Tolerance.V
		}
		if !(f.tol > 0) || math.IsInf(f.tol, 0) {
			f.tol = 0
		}
	}
	f.noBand = !f.bandMeans()
	return f
}

// moving reports whether the target of point i follows the figures (last
// year's figure or a rolling average): it is drawn as a mark per period,
// not a line that would read as a second, lagged series.
func (f *facts) moving(i int) bool {
	r, ok := f.ind.RuleAt(f.pts[i].Period)
	return ok && (r.Kind == model.TargetPreviousYear || r.Kind == model.TargetRollingAverage)
}

// movingKind is the kind of moving target the chart shows ("" if none):
// the last one in force, for the note under the plot.
func (f *facts) movingKind() (model.TargetRule, bool) {
	for i := len(f.pts) - 1; i >= 0; i-- {
		if f.target(i).Valid && f.moving(i) {
			r, _ := f.ind.RuleAt(f.pts[i].Period)
			return r, true
		}
	}
	return model.TargetRule{}, false
}

// bandMeans reports whether the near-target band says something on this
// chart. It does not when the target moves with the figures (a band
// following last year's line would read as a second series), or when the
// widest band is more than half the height the figures and targets span
// on the y axis (the plot would be mostly shaded).
func (f *facts) bandMeans() bool {
	lo, hi := math.Inf(1), math.Inf(-1)
	widest := 0.0
	for i := range f.pts {
		for _, v := range []model.Value{f.value(i), f.target(i)} {
			if v.Valid {
				lo, hi = math.Min(lo, v.V), math.Max(hi, v.V)
			}
		}
		if e, ok := f.rawBand(i); ok {
			if f.moving(i) {
				return false
			}
			widest = math.Max(widest, math.Abs(e-f.target(i).V))
		}
	}
	if widest == 0 || lo > hi {
		return widest == 0
	}
	span := hi - lo
	switch { // the y axis starts at zero unless the data sit far from it
	case lo > 0 && lo <= hi/2:
		span = hi
	case hi < 0 && hi >= lo/2:
		span = -lo
	}
	return widest <= span/2
}

// value is the published figure of point i: missing when there is none or
// it is withheld (a withheld figure is never drawn, whatever it holds).
func (f *facts) value(i int) model.Value {
	p := &f.pts[i]
	if p.Withheld || !p.Value.Valid || math.IsNaN(p.Value.V) || math.IsInf(p.Value.V, 0) {
		return model.None
	}
	return p.Value
}

// target is the target of point i, if it has a usable one.
func (f *facts) target(i int) model.Value {
	t := f.pts[i].Target
	if !t.Valid || math.IsNaN(t.V) || math.IsInf(t.V, 0) {
		return model.None
	}
	return t
}

// shown is the figure of point i rounded as the page's table shows it.
func (f *facts) shown(i int) float64 {
	return f.value(i).Round(f.ind.Decimals).V
}

// band returns the far edge of the near-target band at point i, and
// whether there is a band there.
//
// The edge is the point's own (package kpi works it out from the rule in
// force: an absolute amber threshold or a tolerance); a point without one
// falls back to the tolerance. A band of no width is no band, and neither
// is one at a target of 0, nor one narrower than 1 for a count (0.6 of an
// inquest means nothing). See bandMeans for the chart-wide rules.
func (f *facts) band(i int) (float64, bool) {
	if f.noBand {
		return 0, false
	}
	return f.rawBand(i)
}

// rawBand is band without the chart-wide rules.
func (f *facts) rawBand(i int) (float64, bool) {
	t := f.target(i)
	if !t.Valid || t.V == 0 || (f.ind.Polarity != model.HigherIsBetter && f.ind.Polarity != model.LowerIsBetter) {
		return 0, false
	}
	e, ok := f.edge(i)
	if ok && f.ind.Unit == model.UnitCount && math.Abs(e-t.V) < 1 {
		return 0, false
	}
	return e, ok
}

// edge is the far edge of point i's band before the rules on meaning.
func (f *facts) edge(i int) (float64, bool) {
	t := f.target(i)
	if a := f.pts[i].Amber; a.Valid && !math.IsNaN(a.V) && !math.IsInf(a.V, 0) && a.V != t.V {
		return a.V, true
	}
	if e, ok := f.tolBand(i); ok {
		return e, true
	}
	return 0, false
}

// tolBand is the edge of the band the tolerance gives at point i.
func (f *facts) tolBand(i int) (float64, bool) {
	t := f.target(i)
	if f.tol == 0 || !t.Valid {
		return 0, false
	}
	e := t.V * (1 - f.tol)
	if f.ind.Polarity == model.LowerIsBetter {
		e = t.V * (1 + f.tol)
	}
	if e == t.V {
		return 0, false
	}
	return e, true
}

// extent is the lowest and highest number the chart must show: figures,
// targets and band edges. ok is false when there are no figures.
func (f *facts) extent() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	grow := func(v float64) {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	for i := range f.pts {
		if v := f.value(i); v.Valid {
			grow(v.V)
		}
		if t := f.target(i); t.Valid {
			grow(t.V)
		}
		if b, ok := f.band(i); ok {
			grow(b)
		}
	}
	return lo, hi, f.count > 0
}

// runs calls fn for each run of consecutive points [a, b] for which ok
// holds. The line of a year-to-date indicator restarts with each financial
// year, so runs also break there: the fall from one year's total to the
// next year's first quarter is not a change to draw.
func (f *facts) runs(ok func(int) bool, fn func(a, b int)) {
	n := len(f.pts)
	for a := 0; a < n; {
		if !ok(a) {
			a++
			continue
		}
		b := a
		for b+1 < n && ok(b+1) && !f.restarts(b+1) {
			b++
		}
		fn(a, b)
		a = b + 1
	}
}

// restarts reports whether a year-to-date count starts again at point i.
func (f *facts) restarts(i int) bool {
	if !f.ind.Measure.YearToDate() || i == 0 {
		return false
	}
	return f.pts[i].Period.FinancialYear(f.fy) != f.pts[i-1].Period.FinancialYear(f.fy)
}
