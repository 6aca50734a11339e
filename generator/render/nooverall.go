package render

import "kpisite/generator/model"

// noOverall reports whether an indicator has breakdown or comparator
// figures but no headline figure of its own (SPEC 3.8): it gets no
// status, and scorecards say "No overall figure" rather than "No data".
func noOverall(s *model.Series) bool {
	return len(s.Points) == 0 && (len(s.Breakdowns) > 0 || len(s.Comparators) > 0)
}

// noOverallStatus is the status cell of such an indicator: not a RAG
// status and not missing data, so it is counted with neither.
func (b *builder) noOverallStatus() StatusView {
	return StatusView{Key: "none", Label: b.lang.T("status.no_overall"), Icon: "–"}
}

// partsPeriod is the latest period, ending no later than cur (zero: any),
// with a figure among an indicator's breakdowns, or else its
// comparators: what a scorecard row of an indicator with no overall
// figure names as its period. ok is false when there is none.
func partsPeriod(s *model.Series, cur model.Period, fy int) (model.Period, bool) {
	var best model.Period
	found := false
	consider := func(pts []model.Point) {
		for i := range pts {
			p := &pts[i]
			if !p.HasFigure() || (!cur.IsZero() && p.Period.End(fy).After(cur.End(fy))) {
				continue
			}
			if !found || p.Period.End(fy).After(best.End(fy)) {
				best, found = p.Period, true
			}
		}
	}
	for _, l := range s.Breakdowns {
		consider(l.Points)
	}
	if !found {
		for _, c := range s.Comparators {
			consider(c.Points)
		}
	}
	return best, found
}
