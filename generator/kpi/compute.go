package kpi

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"kpisite/generator/model"
)

// Config holds the site-wide settings the computation needs.
type Config struct {
	FYStart        int     // financial year start month; 0 means April
	AmberTolerance float64 // default amber band (site.toml [rag])
}

func (c Config) fyStart() int {
	if c.FYStart < 1 || c.FYStart > 12 {
		return 4
	}
	return c.FYStart
}

// Compute works out the series of one indicator from its observations
// (observations of other indicators are ignored). Problems are warnings
// about targets that could not be worked out.
func Compute(ind *model.Indicator, obs []model.Observation, cfg Config) (model.Series, model.Problems) {
	rows := indexRows(ind, obs)
	s := model.Series{Indicator: ind}
	if rows.n == 0 {
		return s, nil
	}
	if ind.Frequency == model.MultiYear {
		// Pooled periods overlap and need not follow on: only the
		// periods given are points.
		keys := make([]int, 0, len(rows.sparse))
		for k := range rows.sparse {
			keys = append(keys, k)
		}
		sort.Ints(keys)
		s.Points = make([]model.Point, len(keys))
		for i, k := range keys {
			point(&s.Points[i], ind, rows.sparse[k].Period, rows.sparse[k])
		}
	} else {
		// Each point is filled where it lies (a point is about 300
		// bytes: 40 of them an indicator, 1,000 indicators).
		s.Points = make([]model.Point, len(rows.dense))
		for i, o := range rows.dense {
			k := rows.first + i
			point(&s.Points[i], ind, rows.proto.Add(k-rows.proto.Index()), o)
		}
	}
	if ind.Measure == model.MeasureYTD {
		accumulate(s.Points, cfg.fyStart(), ind.Unit == model.UnitPercent)
	}
	probs := targets(&s, &rows, cfg)
	for i := range s.Points {
		p := &s.Points[i]
		p.Status = status(ind, p)
		if o := rows.at(p.Period.Index()); o != nil && o.Status != "" && p.Value.Valid && !p.Withheld {
			p.Status, p.ByService = o.Status, true
		}
		p.CompareWith, p.CompareTo, p.Direction = direction(&s, i)
	}
	return s, probs
}

// rowIndex holds an indicator's rows by the index of their period
// (model.Period.Index): the first row given for each.
type rowIndex struct {
	n      int                        // how many periods have a row
	proto  model.Period               // a period of the indicator's kind, for filling gaps
	first  int                        // the index of dense[0]
	dense  []*model.Observation       // every index from first to the last with a row (nil: none)
	sparse map[int]*model.Observation // for multi-year periods, which need not follow on
}

// indexRows indexes the rows of obs that are ind's and of its frequency
// (the loader reports repeats; the first is kept).
func indexRows(ind *model.Indicator, obs []model.Observation) rowIndex {
	var r rowIndex
	mine := func(o *model.Observation) bool { return o.Indicator == ind.ID && o.Period.Freq == ind.Frequency }
	if ind.Frequency == model.MultiYear {
		r.sparse = make(map[int]*model.Observation, len(obs))
		for i := range obs {
			if o := &obs[i]; mine(o) {
				if _, dup := r.sparse[o.Period.Index()]; !dup {
					r.sparse[o.Period.Index()] = o
				}
			}
		}
		r.n = len(r.sparse)
		return r
	}
	first, last, found := 0, 0, false
	for i := range obs {
		if o := &obs[i]; mine(o) {
			k := o.Period.Index()
			if !found || k < first {
				first = k
			}
			if !found || k > last {
				last = k
			}
			found = true
			r.proto = o.Period
		}
	}
	if !found {
		return r
	}
	r.first = first
	r.dense = make([]*model.Observation, last-first+1)
	for i := range obs {
		if o := &obs[i]; mine(o) {
			if at := &r.dense[o.Period.Index()-first]; *at == nil {
				*at = o
				r.n++
			}
		}
	}
	return r
}

// at is the row for the period of index k, or nil.
func (r *rowIndex) at(k int) *model.Observation {
	if r.sparse != nil {
		return r.sparse[k]
	}
	if k < r.first || k-r.first >= len(r.dense) {
		return nil
	}
	return r.dense[k-r.first]
}

// point fills p, a zero point, from a row (nil for none): the point with
// its own figure.
func point(p *model.Point, ind *model.Indicator, per model.Period, o *model.Observation) {
	p.Period = per
	if o == nil {
		return
	}
	p.HasRow = true
	p.Flag, p.Note = o.Flag, o.Note
	p.Numerator, p.Denominator = o.Numerator, o.Denominator
	v := o.Value
	if !v.Valid && o.Numerator.Valid && o.Denominator.Valid && o.Denominator.V != 0 {
		v = model.Some(100 * o.Numerator.V / o.Denominator.V)
	}
	if v.Valid && withhold(ind, v.V, o.Flag) {
		p.Withheld = true
		p.Numerator, p.Denominator = model.None, model.None
		v = model.None
	}
	if o.Flag == model.FlagConfidential {
		p.Withheld = true
		p.Numerator, p.Denominator = model.None, model.None
		v = model.None
	}
	p.Value, p.PeriodValue = v, v
	if !p.Withheld && ind.Measure != model.MeasureYTD {
		p.Lower, p.Upper = o.Lower, o.Upper // a period's interval says nothing of a year-to-date total
	}
}

// withhold reports whether disclosure control hides a figure.
func withhold(ind *model.Indicator, v float64, f model.Flag) bool {
	if f == model.FlagConfidential {
		return true
	}
	n := float64(ind.SuppressBelow)
	return ind.SuppressBelow > 0 && v >= 1 && v <= n-1
}

// accumulate replaces each Value with the year-to-date total (financial,
// calendar or academic year, by the period's kind). For a percentage the
// year to date is sum(numerator) / sum(denominator), never a sum of
// percentages (validate makes every row give both).
func accumulate(pts []model.Point, fyStart int, percent bool) {
	var (
		year     = 0
		total    = 0.0
		num, den = 0.0, 0.0
		broken   = false // a period this year had no figure
		withheld = false // a period this year was withheld
	)
	for i := range pts {
		p := &pts[i]
		if fy := p.Period.FinancialYear(fyStart); i == 0 || fy != year {
			year, total, num, den, broken, withheld = fy, 0, 0, 0, false, false
			if p.Period.Freq != model.Annual && i == 0 && !p.Period.StartsYear(fyStart) {
				broken = true // data starts mid-year: earlier periods unknown
			}
		}
		switch {
		case p.Withheld:
			withheld = true
		case !p.PeriodValue.Valid:
			broken = true
		case percent && !(p.Numerator.Valid && p.Denominator.Valid):
			broken = true
		case percent:
			num += p.Numerator.V
			den += p.Denominator.V
		default:
			total += p.PeriodValue.V
		}
		switch {
		case withheld:
			p.Value, p.Withheld = model.None, true
		case broken:
			p.Value = model.None
		case percent && den > 0:
			p.Value = model.Some(100 * num / den)
		case percent:
			p.Value = model.None
		default:
			p.Value = model.Some(total)
		}
	}
}

// targets fills in each point's target and reports the periods whose
// target could not be worked out.
func targets(s *model.Series, rows *rowIndex, cfg Config) model.Problems {
	ind := s.Indicator
	var missing []string
	var kinds []model.TargetKind
	for i := range s.Points {
		p := &s.Points[i]
		rule, inForce := ind.RuleAt(p.Period)
		if o := rows.at(p.Period.Index()); o != nil && o.Target.Valid {
			p.Target = o.Target
			p.Amber = amberEdge(ind, rule, p.Target, cfg.AmberTolerance)
			continue
		}
		if !inForce {
			continue // before the first "from": no target
		}
		var ok bool
		inherent := false // the history needed lies before the first row
		switch rule.Kind {
		case model.TargetFixed:
			p.Target, ok = rule.Value, rule.Value.Valid
		case model.TargetReference:
			p.Target, ok = published(s, sameSubPeriod(p.Period, rule.Reference.Year, cfg.fyStart()))
		case model.TargetPreviousYear:
			p.Target, ok = published(s, p.Period.YearEarlier())
			inherent = p.Period.YearEarlier().Before(s.Points[0].Period)
		case model.TargetRollingAverage:
			p.Target, ok = rollingAverage(s, p.Period, rule.Years)
			inherent = p.Period.Add(-rule.Years * p.Period.Freq.PerYear()).Before(s.Points[0].Period)
		default:
			ok = true // no target by design
		}
		if ok && p.Target.Valid {
			p.Amber = amberEdge(ind, rule, p.Target, cfg.AmberTolerance)
		}
		if !ok && !inherent && p.Value.Valid {
			missing = append(missing, p.Period.String())
			if !slices.Contains(kinds, rule.Kind) {
				kinds = append(kinds, rule.Kind)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	var ps model.Problems
	ps.Warnf(ind.PosOf("target"), "indicator %q: the %s target cannot be worked out for %s (%s); those periods show \"no target\"",
		ind.ID, strings.Join(names, " and "), plural(len(missing), "period"), listPeriods(missing))
	return ps
}

// amberEdge is the far edge of the near-target band around target t: the
// rule's absolute amber threshold, else t × (1 ∓ tolerance) by polarity
// (the rule's tolerance, else the site's). It is missing when there is no
// band: neutral polarity, or a band of no width (a target of 0).
func amberEdge(ind *model.Indicator, rule model.TargetRule, t model.Value, siteTol float64) model.Value {
	if !t.Valid || ind.Polarity == model.Neutral {
		return model.None
	}
	if rule.Amber.Valid {
		return rule.Amber
	}
	tol := siteTol
	if rule.Tolerance.Valid {
		tol = rule.Tolerance.V
	}
	var e float64
	switch ind.Polarity {
	case model.HigherIsBetter:
		e = t.V - math.Abs(t.V)*tol
	case model.LowerIsBetter:
		e = t.V + math.Abs(t.V)*tol
	}
	if e == t.V || math.IsNaN(e) || math.IsInf(e, 0) {
		return model.None
	}
	return model.Some(e)
}

func listPeriods(ps []string) string {
	if len(ps) > 6 {
		return strings.Join(ps[:5], ", ") + fmt.Sprintf(" and %d more", len(ps)-5)
	}
	return strings.Join(ps, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// sameSubPeriod is the period of the same kind as p in financial year fy
// (for a month: the same calendar month within that financial year).
func sameSubPeriod(p model.Period, fy, fyStart int) model.Period {
	q := p
	q.Year = fy
	if p.Freq == model.Monthly {
		q.Year = fy + (p.Year - p.FinancialYear(fyStart))
	}
	return q
}

// published returns the published figure of period q, if there is one.
func published(s *model.Series, q model.Period) (model.Value, bool) {
	pt := seriesAt(s, q)
	if pt == nil || !pt.Value.Valid {
		return model.None, false
	}
	return pt.Value, true
}

// seriesAt is s.At(q), the point of period q or nil, for a series Compute
// made: found by its index where the points follow on period by period
// (every frequency but multi-year), instead of a search of them all
// (which, for each point's year-earlier figure, grows with the square of
// the series).
func seriesAt(s *model.Series, q model.Period) *model.Point {
	pts := s.Points
	n := len(pts)
	if n == 0 || s.Indicator.Frequency == model.MultiYear || pts[n-1].Period.Index()-pts[0].Period.Index() != n-1 {
		return s.At(q)
	}
	// Every point has the first's frequency and kind of year, and the
	// next index: only the point at q's index can be q.
	if i := q.Index() - pts[0].Period.Index(); i >= 0 && i < n && pts[i].Period == q {
		return &pts[i]
	}
	return nil
}

// rollingAverage is the mean of the same period in each of the n previous
// years; every one of them is needed.
func rollingAverage(s *model.Series, p model.Period, n int) (model.Value, bool) {
	if n < 1 {
		return model.None, false
	}
	sum := 0.0
	q := p
	for i := 0; i < n; i++ {
		q = q.YearEarlier()
		v, ok := published(s, q)
		if !ok {
			return model.None, false
		}
		sum += v.V
	}
	return model.Some(sum / float64(n)), true
}

// status works out one point's RAG status against its target and the
// near-target edge in force.
func status(ind *model.Indicator, p *model.Point) model.Status {
	switch {
	case p.Withheld:
		return model.Withheld
	case !p.Value.Valid:
		return model.NoData
	case ind.Polarity == model.Neutral || !p.Target.Valid:
		return model.NoTarget
	}
	v := p.Value.Round(ind.Decimals).V
	return RAGEdge(v, p.Target.V, p.Amber, ind.Polarity)
}

// direction compares point i with the same period a year earlier, or the
// previous period (compare = "previous_period"). A multi-year series, and
// an annual one with no figure the year before (a survey every other
// year), compare with the latest earlier period that has a figure
// (SPEC 3.8); the period compared with is returned so the words can name
// it.
func direction(s *model.Series, i int) (model.Period, model.Value, model.Direction) {
	ind := s.Indicator
	p := &s.Points[i]
	if !p.Value.Valid {
		return model.Period{}, model.None, model.NoComparison
	}
	var q model.Period
	before, ok := model.None, false
	switch {
	case ind.Frequency == model.MultiYear:
	case ind.Compare == model.ComparePreviousPeriod:
		q = p.Period.Add(-1)
		before, ok = published(s, q)
	default:
		q = p.Period.YearEarlier()
		before, ok = published(s, q)
	}
	if !ok && (ind.Frequency == model.MultiYear || ind.Frequency == model.Annual) {
		for j := i - 1; j >= 0; j-- {
			if pt := &s.Points[j]; pt.Value.Valid && !pt.Withheld {
				q, before, ok = pt.Period, pt.Value, true
				break
			}
		}
	}
	if !ok {
		return model.Period{}, model.None, model.NoComparison
	}
	now := p.Value.Round(ind.Decimals).V
	return q, before, Travel(now, before.Round(ind.Decimals).V, ind.Polarity)
}

// All computes every indicator's series, in the order of in.Indicators.
// The indicators are computed on every core, each on its own: the
// series and warnings are the same, in the same order, as one by one.
func All(in *model.Input, cfg Config) ([]model.Series, model.Problems) {
	// Group the observations by indicator as runs of rows that follow on
	// (one run an indicator, in a file grouped by indicator), not copies:
	// a million observations are copied one indicator at a time below,
	// and only when an indicator's rows are in more than one run.
	type run struct{ from, to int }
	byInd := make(map[string][]run, len(in.Indicators))
	for i := 0; i < len(in.Observations); {
		id := in.Observations[i].Indicator
		j := i + 1
		for j < len(in.Observations) && in.Observations[j].Indicator == id {
			j++
		}
		byInd[id] = append(byInd[id], run{i, j})
		i = j
	}
	out := make([]model.Series, len(in.Indicators))
	probs := make([]model.Problems, len(in.Indicators))
	workers := min(len(in.Indicators), runtime.GOMAXPROCS(0))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			var buf []model.Observation // this worker's copies of one indicator's rows at a time
			for {
				k := int(next.Add(1)) - 1
				if k >= len(in.Indicators) {
					return
				}
				ind := in.Indicators[k]
				runs := byInd[ind.ID]
				var obs []model.Observation
				if len(runs) == 1 {
					// Rows that follow on in the file (the usual case) are
					// read where they are; nothing here changes them.
					obs = in.Observations[runs[0].from:runs[0].to:runs[0].to]
				} else {
					buf = buf[:0]
					for _, r := range runs {
						buf = append(buf, in.Observations[r.from:r.to]...)
					}
					obs = buf
				}
				own, other := splitRows(&in.Site, ind, obs)
				s, ps := Compute(ind, own, cfg)
				extend(&s, &in.Site, other, cfg)
				out[k], probs[k] = s, ps
			}
		})
	}
	wg.Wait()
	var all model.Problems
	for _, ps := range probs {
		all = append(all, ps...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Pos.Path < all[j].Pos.Path })
	return out, all
}
