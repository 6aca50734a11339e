package render

import (
	"time"

	"kpisite/generator/model"
)

// seriesUpTo is s as a report for a period ending on end saw it: only the
// points whose period ends on or before end, for the council, its
// breakdowns and its comparators. cut is false when nothing was left out,
// so the indicator's own chart already ends there.
//
// When nothing is left out, out shares s's points (a report of the
// latest period, and of a period after an indicator's last figure, copies
// nothing); the caller must not change them.
func seriesUpTo(s *model.Series, end time.Time, fy int) (out model.Series, cut bool) {
	if !cutAt(s, end, fy) {
		return *s, false
	}
	out, cut = model.Series{Indicator: s.Indicator}, true
	keep := func(pts []model.Point) []model.Point {
		n := 0
		for i := range pts {
			if !pts[i].Period.End(fy).After(end) {
				n++
			}
		}
		if n == 0 {
			return nil
		}
		kept := make([]model.Point, 0, n)
		for i := range pts {
			if !pts[i].Period.End(fy).After(end) {
				kept = append(kept, pts[i])
			}
		}
		return kept
	}
	lines := func(ls []model.Line) []model.Line {
		var kept []model.Line
		if len(ls) > 0 {
			kept = make([]model.Line, 0, len(ls))
		}
		for _, l := range ls {
			l.Points = keep(l.Points)
			kept = append(kept, l)
		}
		return kept
	}
	out.Points = keep(s.Points)
	out.Breakdowns = lines(s.Breakdowns)
	for _, c := range s.Comparators {
		c.Points = keep(c.Points)
		c.Breakdowns = lines(c.Breakdowns)
		c.Members = lines(c.Members)
		out.Comparators = append(out.Comparators, c)
	}
	return out, cut
}
