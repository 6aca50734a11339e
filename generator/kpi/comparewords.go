package kpi

import (
	"fmt"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// SummaryWithComparators is Summary followed by CompareSentence.
func SummaryWithComparators(s *model.Series, p *model.Point, fyStart int) string {
	out := Summary(s, p, fyStart)
	if c := CompareSentence(s, p); c != "" {
		out += " " + c
	}
	return out
}

// CompareSentence compares p with the first comparator that has a figure
// for its period ("Above the England figure of 62.1%.", or "Similar to
// England (62.1%)." where the confidence intervals overlap), and gives the
// rank against the first group comparator ("3rd best of 16 in CIPFA
// nearest neighbours, in the best quarter."). It is "" when there is nothing to
// compare with.
func CompareSentence(s *model.Series, p *model.Point) string {
	if p == nil || !p.Value.Valid {
		return ""
	}
	ind := s.Indicator
	out := ""
	for i := range s.Comparators {
		cs := &s.Comparators[i]
		cp := cs.At(p.Period)
		if cp == nil || !cp.Value.Valid {
			continue
		}
		out = ComparePhrase(ind, p, cp, cs.Comparator) + "."
		break
	}
	if r := RankPhrase(s, p); r != "" {
		if out != "" {
			out += " "
		}
		out += r + "."
	}
	return out
}

// ComparePhrase is "Above the England figure of 62.1%", "Below the CIPFA
// nearest neighbours median of 60.2%" or "Similar to England (62.1%)".
func ComparePhrase(ind *model.Indicator, p, cp *model.Point, c *model.Comparator) string {
	fig := format.Figure(cp.Value, ind)
	what := "figure"
	if c.IsGroup() {
		what = "median"
	}
	if overlap, ok := Overlap(p.Value, p.Lower, p.Upper, cp.Value, cp.Lower, cp.Upper); ok && overlap {
		return fmt.Sprintf("Similar to %s (%s)", c.Name, fig)
	}
	mine, theirs := p.Value.Round(ind.Decimals).V, cp.Value.Round(ind.Decimals).V
	switch {
	case mine > theirs:
		return fmt.Sprintf("Above the %s %s of %s", c.Name, what, fig)
	case mine < theirs:
		return fmt.Sprintf("Below the %s %s of %s", c.Name, what, fig)
	}
	return fmt.Sprintf("The same as the %s %s of %s", c.Name, what, fig)
}

// RankPhrase is "3rd best of 16 in CIPFA nearest neighbours, in the best
// quarter" ("Joint 3rd" when another area has the same figure) for p's
// headline rank, or "".
func RankPhrase(s *model.Series, p *model.Point) string {
	if p.Rank == 0 {
		return ""
	}
	name := ""
	for _, cs := range s.Comparators {
		if cs.Comparator.IsGroup() {
			name = cs.Comparator.Name
			break
		}
	}
	joint := ""
	if p.RankJoint {
		joint = "Joint "
	}
	return fmt.Sprintf("%s%s best of %d in %s, in the %s", joint, format.Ordinal(p.Rank), p.RankOf, name, format.Quartile(p.Quartile))
}
