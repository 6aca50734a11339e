package kpi

import (
	"fmt"
	"sort"
	"strings"

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
	rows := make(map[int]*model.Observation)
	first, last := 0, 0
	for i := range obs {
		o := &obs[i]
		if o.Indicator != ind.ID || o.Period.Freq != ind.Frequency {
			continue
		}
		k := o.Period.Index()
		if _, dup := rows[k]; dup {
			continue // the loader reports repeats; keep the first
		}
		if len(rows) == 0 || k < first {
			first = k
		}
		if len(rows) == 0 || k > last {
			last = k
		}
		rows[k] = o
	}
	s := model.Series{Indicator: ind}
	if len(rows) == 0 {
		return s, nil
	}
	s.Points = make([]model.Point, 0, last-first+1)
	for k := first; k <= last; k++ {
		s.Points = append(s.Points, point(ind, model.FromIndex(ind.Frequency, k), rows[k]))
	}
	if ind.Measure == model.MeasureYTD {
		accumulate(s.Points, cfg.fyStart())
	}
	probs := targets(&s, rows, cfg)
	tol := cfg.AmberTolerance
	if ind.Target.Tolerance.Valid {
		tol = ind.Target.Tolerance.V
	}
	for i := range s.Points {
		p := &s.Points[i]
		p.Status = status(ind, p, tol)
		p.CompareWith, p.CompareTo, p.Direction = direction(&s, p)
	}
	return s, probs
}

// point turns a row (nil for none) into a point with its own figure.
func point(ind *model.Indicator, per model.Period, o *model.Observation) model.Point {
	p := model.Point{Period: per}
	if o == nil {
		return p
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
	return p
}

// withhold reports whether disclosure control hides a figure.
func withhold(ind *model.Indicator, v float64, f model.Flag) bool {
	if f == model.FlagConfidential {
		return true
	}
	n := float64(ind.SuppressBelow)
	return ind.SuppressBelow > 0 && v >= 1 && v <= n-1
}

// accumulate replaces each Value with the financial-year-to-date total.
func accumulate(pts []model.Point, fyStart int) {
	var (
		year     = 0
		total    = 0.0
		broken   = false // a period this year had no figure
		withheld = false // a period this year was withheld
	)
	for i := range pts {
		p := &pts[i]
		if fy := p.Period.FinancialYear(fyStart); i == 0 || fy != year {
			year, total, broken, withheld = fy, 0, false, false
			if p.Period.Freq != model.Annual && i == 0 && !startsYear(p.Period, fyStart) {
				broken = true // data starts mid-year: earlier periods unknown
			}
		}
		switch {
		case p.Withheld:
			withheld = true
		case !p.PeriodValue.Valid:
			broken = true
		default:
			total += p.PeriodValue.V
		}
		switch {
		case withheld:
			p.Value, p.Withheld = model.None, true
		case broken:
			p.Value = model.None
		default:
			p.Value = model.Some(total)
		}
	}
}

// startsYear reports whether p is the first period of its financial year.
func startsYear(p model.Period, fyStart int) bool {
	switch p.Freq {
	case model.Quarterly:
		return p.Sub == 1
	case model.Monthly:
		return p.Sub == fyStart
	}
	return true
}

// targets fills in each point's target and reports the periods whose
// target could not be worked out.
func targets(s *model.Series, rows map[int]*model.Observation, cfg Config) model.Problems {
	ind := s.Indicator
	rule := ind.Target
	var missing []string
	for i := range s.Points {
		p := &s.Points[i]
		if o := rows[p.Period.Index()]; o != nil && o.Target.Valid {
			p.Target = o.Target
			continue
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
		if !ok && !inherent && p.Value.Valid {
			missing = append(missing, p.Period.String())
		}
	}
	if len(missing) == 0 {
		return nil
	}
	var ps model.Problems
	ps.Warnf(ind.PosOf("target"), "indicator %q: the %s target cannot be worked out for %s (%s); those periods show \"no target\"",
		ind.ID, rule.Kind, plural(len(missing), "period"), listPeriods(missing))
	return ps
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
	pt := s.At(q)
	if pt == nil || !pt.Value.Valid {
		return model.None, false
	}
	return pt.Value, true
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

// status works out one point's RAG status.
func status(ind *model.Indicator, p *model.Point, tol float64) model.Status {
	switch {
	case p.Withheld:
		return model.Withheld
	case !p.Value.Valid:
		return model.NoData
	case ind.Polarity == model.Neutral || !p.Target.Valid:
		return model.NoTarget
	}
	v := p.Value.Round(ind.Decimals).V
	return RAG(v, p.Target.V, ind.Polarity, tol)
}

// direction compares a point with the same period a year earlier or the
// previous period.
func direction(s *model.Series, p *model.Point) (model.Period, model.Value, model.Direction) {
	ind := s.Indicator
	if !p.Value.Valid {
		return model.Period{}, model.None, model.NoComparison
	}
	q := p.Period.YearEarlier()
	if ind.Compare == model.ComparePreviousPeriod {
		q = p.Period.Add(-1)
	}
	before, ok := published(s, q)
	if !ok {
		return model.Period{}, model.None, model.NoComparison
	}
	now := p.Value.Round(ind.Decimals).V
	return q, before, Travel(now, before.Round(ind.Decimals).V, ind.Polarity)
}

// All computes every indicator's series, in the order of in.Indicators.
func All(in *model.Input, cfg Config) ([]model.Series, model.Problems) {
	// Group the observations by indicator as indexes, not copies: a
	// million observations are copied one indicator at a time below.
	byInd := make(map[string][]int32)
	for i, o := range in.Observations {
		byInd[o.Indicator] = append(byInd[o.Indicator], int32(i))
	}
	out := make([]model.Series, 0, len(in.Indicators))
	var probs model.Problems
	var obs []model.Observation
	for _, ind := range in.Indicators {
		obs = obs[:0]
		for _, i := range byInd[ind.ID] {
			obs = append(obs, in.Observations[i])
		}
		s, ps := Compute(ind, obs, cfg)
		out = append(out, s)
		probs = append(probs, ps...)
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Pos.Path < probs[j].Pos.Path })
	return out, probs
}
