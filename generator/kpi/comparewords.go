package kpi

import (
	"strconv"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// SummaryWithComparators is Summary followed by CompareSentence.
func SummaryWithComparators(s *model.Series, p *model.Point, fyStart int) string {
	return SummaryWithComparatorsIn(nil, s, p, fyStart)
}

// SummaryWithComparatorsIn is SummaryWithComparators in the words of l
// (nil: English).
func SummaryWithComparatorsIn(l *format.Lang, s *model.Series, p *model.Point, fyStart int) string {
	out := SummaryIn(l, s, p, fyStart)
	if c := CompareSentenceIn(l, s, p); c != "" {
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
func CompareSentence(s *model.Series, p *model.Point) string { return CompareSentenceIn(nil, s, p) }

// CompareSentenceIn is CompareSentence in the words of l (nil: English).
func CompareSentenceIn(l *format.Lang, s *model.Series, p *model.Point) string {
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
		out = ComparePhraseIn(l, ind, p, cp, cs.Comparator) + "."
		break
	}
	if r := RankPhraseIn(l, s, p); r != "" {
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
	return ComparePhraseIn(nil, ind, p, cp, c)
}

// ComparePhraseIn is ComparePhrase in the words of l (nil: English).
func ComparePhraseIn(l *format.Lang, ind *model.Indicator, p, cp *model.Point, c *model.Comparator) string {
	l = format.LangOr(l)
	fig := l.Figure(cp.Value, ind)
	what := "figure"
	if c.IsGroup() {
		what = "median"
	}
	if overlap, ok := Overlap(p.Value, p.Lower, p.Upper, cp.Value, cp.Lower, cp.Upper); ok && overlap {
		return l.T("compare_sentence.similar", "name", c.Name, "figure", fig)
	}
	mine, theirs := p.Value.Round(ind.Decimals).V, cp.Value.Round(ind.Decimals).V
	rel := "same"
	switch {
	case mine > theirs:
		rel = "above"
	case mine < theirs:
		rel = "below"
	}
	return l.T("compare_sentence."+rel+"_"+what, "name", c.Name, "figure", fig)
}

// RankPhrase is "3rd best of 16 in CIPFA nearest neighbours, in the best
// quarter" ("Joint 3rd" when another area has the same figure) for p's
// headline rank, or "".
func RankPhrase(s *model.Series, p *model.Point) string { return RankPhraseIn(nil, s, p) }

// RankPhraseIn is RankPhrase in the words of l (nil: English).
func RankPhraseIn(l *format.Lang, s *model.Series, p *model.Point) string {
	l = format.LangOr(l)
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
	key := "compare_sentence.rank"
	if p.RankJoint {
		key = "compare_sentence.rank_joint"
	}
	return l.T(key, "rank", l.Ordinal(p.Rank), "of", strconv.Itoa(p.RankOf), "group", name, "quartile", l.Quartile(p.Quartile))
}
