package kpi

import (
	"math"
	"slices"
	"sort"

	"kpisite/generator/model"
)

// splitRows separates an indicator's headline rows (its own area, no
// breakdown) from its breakdown and comparator rows.
func splitRows(site *model.Site, ind *model.Indicator, obs []model.Observation) (own, other []model.Observation) {
	isOwn := func(o *model.Observation) bool { return site.IsOwn(ind, o.Area) && len(o.Dims) == 0 }
	n := 0
	for i := range obs {
		if isOwn(&obs[i]) {
			n++
		}
	}
	if n == len(obs) {
		return obs, nil // the usual case: every row is the council's own headline, and none is copied
	}
	own = make([]model.Observation, 0, n)
	other = make([]model.Observation, 0, len(obs)-n)
	for i := range obs {
		if isOwn(&obs[i]) {
			own = append(own, obs[i])
		} else {
			other = append(other, obs[i])
		}
	}
	return own, other
}

// extend adds to s what SPEC 3.8 asks beyond the headline: significance
// of the direction of travel, breakdown series and comparators with
// ranks. rows are the breakdown and comparator rows of the indicator.
func extend(s *model.Series, site *model.Site, rows []model.Observation, cfg Config) {
	ind := s.Indicator
	significance(s.Points, func(q model.Period) *model.Point { return seriesAt(s, q) })
	if len(rows) == 0 && len(site.Comparators) == 0 {
		s.Breakdowns = []model.Line{} // what lines gives for no rows, without copying the indicator
		return
	}
	plain := *ind
	plain.Target = model.TargetRule{}
	var ownRows []model.Observation
	byArea := map[string][]model.Observation{}
	for _, o := range rows {
		if site.IsOwn(ind, o.Area) {
			ownRows = append(ownRows, o)
		} else {
			byArea[o.Area] = append(byArea[o.Area], o)
		}
	}
	s.Breakdowns = lines(&plain, site, ownRows, cfg)
	for i := range site.Comparators {
		c := &site.Comparators[i]
		var cs model.ComparatorSeries
		if c.IsGroup() {
			cs = group(s, &plain, site, c, byArea, cfg)
		} else {
			cs = single(&plain, site, c, byArea[c.Areas[0]], cfg)
		}
		if len(cs.Points) > 0 || len(cs.Breakdowns) > 0 {
			s.Comparators = append(s.Comparators, cs)
		}
	}
	// The headline rank is against the first group comparator in site
	// order that has figures.
	for _, cs := range s.Comparators {
		if !cs.Comparator.IsGroup() {
			continue
		}
		for i := range s.Points {
			if cp := cs.At(s.Points[i].Period); cp != nil {
				s.Points[i].Rank, s.Points[i].RankOf, s.Points[i].RankJoint, s.Points[i].Quartile = cp.Rank, cp.RankOf, cp.RankJoint, cp.Quartile
			}
		}
		break
	}
}

// significance turns a direction of travel into "no significant change"
// where the two figures' confidence intervals overlap.
func significance(pts []model.Point, at func(model.Period) *model.Point) {
	for i := range pts {
		p := &pts[i]
		if p.Direction == model.NoComparison || p.Direction == model.NoChange {
			continue
		}
		q := at(p.CompareWith)
		if q == nil {
			continue
		}
		if overlap, ok := Overlap(p.Value, p.Lower, p.Upper, q.Value, q.Lower, q.Upper); ok && overlap {
			p.Direction = model.NoSignificantChange
		}
	}
}

// Overlap reports whether two figures differ by no more than their
// confidence intervals allow: whether the intervals overlap. A figure
// without an interval counts as exact (an interval of its value alone),
// so when only one has an interval the question is whether the other
// figure lies within it. ok is false when neither figure has an interval
// or either value is missing: there is no test to make.
func Overlap(a, aLo, aHi, b, bLo, bHi model.Value) (overlap, ok bool) {
	if !a.Valid || !b.Valid || (!aLo.Valid && !bLo.Valid) {
		return false, false
	}
	lo1, hi1 := bounds(a, aLo, aHi)
	lo2, hi2 := bounds(b, bLo, bHi)
	return lo1 <= hi2 && lo2 <= hi1, true
}

func bounds(v, lo, hi model.Value) (float64, float64) {
	if lo.Valid && hi.Valid {
		return lo.V, hi.V
	}
	return v.V, v.V
}

// lines computes one breakdown series for each combination of categories
// in rows, in the site's category order.
func lines(ind *model.Indicator, site *model.Site, rows []model.Observation, cfg Config) []model.Line {
	groups := map[string][]model.Observation{}
	var keys []string
	seen := map[string]map[string]int{} // dimension -> category -> first-seen index
	for _, o := range rows {
		k := model.DimKey(o.Dims)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], o)
		for _, d := range o.Dims {
			if seen[d.Dimension] == nil {
				seen[d.Dimension] = map[string]int{}
			}
			if _, ok := seen[d.Dimension][d.Category]; !ok {
				seen[d.Dimension][d.Category] = len(seen[d.Dimension])
			}
		}
	}
	out := make([]model.Line, 0, len(keys))
	for _, k := range keys {
		g := groups[k]
		s, _ := Compute(ind, g, cfg)
		significance(s.Points, func(q model.Period) *model.Point { return seriesAt(&s, q) })
		out = append(out, model.Line{Dims: g[0].Dims, Points: s.Points})
	}
	sortLines(out, ind, site, seen)
	return out
}

// sortLines orders breakdown series: by the indicator's breakdowns, then
// each category by the site's order, then first seen.
func sortLines(ls []model.Line, ind *model.Indicator, site *model.Site, seen map[string]map[string]int) {
	rank := func(l model.Line) []int {
		r := make([]int, 0, 2*len(ind.Breakdowns))
		for _, dim := range ind.Breakdowns {
			cat := ""
			for _, d := range l.Dims {
				if d.Dimension == dim {
					cat = d.Category
				}
			}
			if cat == "" {
				r = append(r, 1, 0) // lines without this dimension after those with it
				continue
			}
			r = append(r, 0, CategoryRank(site.Breakdown(dim), cat, seen[dim]))
		}
		return r
	}
	sort.SliceStable(ls, func(i, j int) bool { return slices.Compare(rank(ls[i]), rank(ls[j])) < 0 })
}

// CategoryRank places a category: its place in the [[breakdown]]'s
// order, else after every listed one in first-seen order.
func CategoryRank(b *model.Breakdown, cat string, firstSeen map[string]int) int {
	if b != nil {
		if i := slices.Index(b.Order, cat); i >= 0 {
			return i
		}
		return len(b.Order) + firstSeen[cat]
	}
	return firstSeen[cat]
}

// single is a one-area comparator's figures.
func single(ind *model.Indicator, site *model.Site, c *model.Comparator, rows []model.Observation, cfg Config) model.ComparatorSeries {
	cs := model.ComparatorSeries{Comparator: c}
	var head, rest []model.Observation
	for _, o := range rows {
		if len(o.Dims) == 0 {
			head = append(head, o)
		} else {
			rest = append(rest, o)
		}
	}
	s, _ := Compute(ind, head, cfg)
	significance(s.Points, func(q model.Period) *model.Point { return seriesAt(&s, q) })
	cs.Points = s.Points
	cs.Breakdowns = lines(ind, site, rest, cfg)
	return cs
}

// group is a group comparator's median at each period, with the
// council's rank among the group's areas and itself.
func group(own *model.Series, ind *model.Indicator, site *model.Site, c *model.Comparator, byArea map[string][]model.Observation, cfg Config) model.ComparatorSeries {
	cs := model.ComparatorSeries{Comparator: c}
	type key struct {
		dims string
		p    model.Period
	}
	values := map[key][]float64{}
	dimsOf := map[string][]model.Dim{}
	for _, code := range c.Areas {
		if site.IsOwn(own.Indicator, code) {
			continue // the council itself is ranked from its own rows
		}
		for _, o := range byArea[code] {
			var pt model.Point
			point(&pt, ind, o.Period, &o)
			if !pt.Value.Valid {
				continue
			}
			k := key{model.DimKey(o.Dims), o.Period}
			if _, ok := dimsOf[k.dims]; !ok {
				dimsOf[k.dims] = o.Dims
			}
			values[k] = append(values[k], pt.Value.V)
		}
	}
	for _, code := range c.Areas {
		if site.IsOwn(own.Indicator, code) || len(byArea[code]) == 0 {
			continue
		}
		for _, l := range memberLines(ind, byArea[code], cfg) {
			l.Area = code
			cs.Members = append(cs.Members, l)
		}
	}
	ownLine := map[string]func(model.Period) *model.Point{"": own.At}
	for i := range own.Breakdowns {
		l := &own.Breakdowns[i]
		ownLine[model.DimKey(l.Dims)] = func(p model.Period) *model.Point { return pointIn(l.Points, p) }
	}
	var headRows, restRows []model.Observation
	for k, vs := range values {
		o := model.Observation{Indicator: ind.ID, Period: k.p, Value: model.Some(Median(vs)), Dims: dimsOf[k.dims]}
		if k.dims == "" {
			headRows = append(headRows, o)
		} else {
			restRows = append(restRows, o)
		}
	}
	sortObs(headRows)
	sortObs(restRows)
	s, _ := Compute(ind, headRows, cfg)
	cs.Points = s.Points
	cs.Breakdowns = lines(ind, site, restRows, cfg)
	rankAll := func(dims string, pts []model.Point) {
		at := ownLine[dims]
		for i := range pts {
			p := &pts[i]
			vs := values[key{dims, p.Period}]
			if at == nil || len(vs) == 0 {
				continue
			}
			mine := at(p.Period)
			if mine == nil || !mine.Value.Valid || ind.Polarity == model.Neutral {
				continue
			}
			shown := make([]float64, len(vs))
			for j, v := range vs {
				shown[j] = model.Some(v).Round(ind.Decimals).V
			}
			p.Rank, p.RankOf, p.RankJoint = Rank(mine.Value.Round(ind.Decimals).V, shown, ind.Polarity)
			p.Quartile = Quartile(p.Rank, p.RankOf)
		}
	}
	rankAll("", cs.Points)
	for i := range cs.Breakdowns {
		rankAll(model.DimKey(cs.Breakdowns[i].Dims), cs.Breakdowns[i].Points)
	}
	return cs
}

func pointIn(pts []model.Point, p model.Period) *model.Point {
	for i := range pts {
		if pts[i].Period == p {
			return &pts[i]
		}
	}
	return nil
}

// sortObs puts synthetic rows in a fixed order (they come from a map),
// so that first-seen category order is deterministic.
func sortObs(obs []model.Observation) {
	sort.Slice(obs, func(i, j int) bool {
		if a, b := obs[i].Period.Index(), obs[j].Period.Index(); a != b {
			return a < b
		}
		return model.DimKey(obs[i].Dims) < model.DimKey(obs[j].Dims)
	})
}

// Median is the middle value of vs, or the mean of the two middle values
// when there is an even number of them. vs must not be empty; it is not
// changed.
func Median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Rank is the council's place among the others and itself, 1 = best by
// polarity: one more than the number of others strictly better. Equal
// figures share a rank ("joint 3rd"): joint is true when another area has
// the council's figure. of counts the others and the council.
func Rank(own float64, others []float64, pol model.Polarity) (rank, of int, joint bool) {
	rank = 1
	for _, v := range others {
		switch {
		case v == own:
			joint = true
		case (pol == model.LowerIsBetter && v < own) || (pol != model.LowerIsBetter && v > own):
			rank++
		}
	}
	return rank, len(others) + 1, joint
}

// Quartile places a rank of n in quarters, 1 = best: ranks 1-4 of 16 are
// quartile 1, 13-16 quartile 4.
func Quartile(rank, n int) int {
	if rank < 1 || n < 1 {
		return 0
	}
	return 1 + int(math.Floor(4*float64(rank-1)/float64(n)))
}

// memberLines computes one area's rows, headline and breakdowns, for the
// downloads.
func memberLines(ind *model.Indicator, rows []model.Observation, cfg Config) []model.Line {
	groups := map[string][]model.Observation{}
	var keys []string
	for _, o := range rows {
		k := model.DimKey(o.Dims)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], o)
	}
	out := make([]model.Line, 0, len(keys))
	for _, k := range keys {
		s, _ := Compute(ind, groups[k], cfg)
		out = append(out, model.Line{Dims: groups[k][0].Dims, Points: s.Points})
	}
	return out
}
