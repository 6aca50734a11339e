package render

import (
	"html/template"
	"strconv"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// CompareSection is the part of an indicator page SPEC 3.8 adds: a table
// of the council's figures with their confidence intervals, beside each
// comparator's figure and the council's rank; and each breakdown as a
// chart (or small multiples) and a table.
type CompareSection struct {
	NoOverall    string     // the indicator has breakdown or comparator rows but no headline figure: says so
	Table        *GridTable // nil when there are no intervals or comparators
	TableHeading string
	Notes        []string // how to read the table (ranks, significance)
	Breakdowns   []BreakdownView
}

// BreakdownView is one breakdown of an indicator: "By age group".
type BreakdownView struct {
	ID      string // heading id
	Heading string
	Intro   string // says when the chart is drawn as small multiples
	Charts  []LineChartView
	Table   GridTable
}

// LineChartView is one breakdown chart with its caption.
type LineChartView struct {
	SVG     template.HTML
	Caption string
}

// GridTable is a table of periods (rows, newest first) by series
// (columns).
type GridTable struct {
	CaptionID string
	Caption   string
	Corner    string // the header of the period column
	Head      []string
	Rows      []GridRow
}

// GridRow is one period of a GridTable.
type GridRow struct {
	Period      string
	PeriodWords string
	Cells       []string
}

// LineChart draws breakdown series: lines on one chart, each labelled;
// all is the set whose range the chart shares (small multiples), or nil.
type LineChart func(ind *model.Indicator, title, idPrefix string, lines []model.Line, labels []string, all []model.Line) []byte

// compareSection builds an indicator page's CompareSection.
func (b *builder) compareSection(s *model.Series) CompareSection {
	ind := s.Indicator
	var c CompareSection
	if len(s.Points) == 0 && (len(s.Breakdowns) > 0 || len(s.Comparators) > 0) {
		c.NoOverall = "There is no overall figure for this indicator: the data give only the breakdowns and comparisons shown below."
	}
	if t, notes := b.compareTable(s); t != nil {
		c.Table, c.Notes = t, notes
		c.TableHeading = "Confidence intervals"
		if len(s.Comparators) > 0 {
			c.TableHeading = "Compared with other areas"
		}
	}
	for _, set := range dimensionSets(s.Breakdowns) {
		c.Breakdowns = append(c.Breakdowns, b.breakdownView(ind, set))
	}
	return c
}

// ownName is the column header for the council's own figures.
func (b *builder) ownName(ind *model.Indicator) string {
	if a := b.in.Site.AreaOf(ind); a.Name != "" {
		return a.Name
	}
	return b.in.Site.Organisation
}

// compareTable is the table of the council's figures, their intervals,
// the comparators' figures and the council's rank in each group.
func (b *builder) compareTable(s *model.Series) (*GridTable, []string) {
	ind := s.Indicator
	intervals := false
	for i := range s.Points {
		intervals = intervals || (s.Points[i].Lower.Valid && !s.Points[i].Withheld)
	}
	if !intervals && len(s.Comparators) == 0 {
		return nil, nil
	}
	t := &GridTable{CaptionID: "compare-caption", Corner: "Period", Head: []string{b.ownName(ind)}}
	var notes []string
	if len(s.Comparators) > 0 {
		t.Caption = ind.Name() + ": compared with other areas"
	} else {
		t.Caption = ind.Name() + ": figures with their " + confidenceText(ind)
	}
	if intervals {
		t.Head = append(t.Head, capitalise(confidenceText(ind)))
		notes = append(notes, "The "+confidenceText(ind)+" is the range the true figure is likely to lie in. Where the ranges of two figures overlap, the difference between them is not statistically significant: pages say \"similar to\" or \"no significant change\".")
	}
	for _, cs := range s.Comparators {
		name := cs.Comparator.Name
		if cs.Comparator.IsGroup() {
			name += " (median)"
		}
		t.Head = append(t.Head, name)
	}
	for _, cs := range s.Comparators {
		if cs.Comparator.IsGroup() && ind.Polarity != model.Neutral {
			t.Head = append(t.Head, "Rank in "+cs.Comparator.Name)
			notes = append(notes, "Rank in "+cs.Comparator.Name+": the place of "+b.ownName(ind)+" among the "+
				strconv.Itoa(b.othersIn(cs.Comparator, ind))+" other areas of the group and itself, 1st being the best ("+polarityShort(ind.Polarity)+"); equal figures share a place. The quartile says which quarter of the group that place is in.")
		}
	}
	for _, per := range periodsNewestFirst(s) {
		row := GridRow{Period: per.String(), PeriodWords: per.Words(b.fy)}
		own := s.At(per)
		row.Cells = append(row.Cells, pointCell(own, ind))
		if intervals {
			iv := ""
			if own != nil && own.Lower.Valid && own.Upper.Valid && !own.Withheld {
				iv = format.Bare(own.Lower, ind) + " to " + format.Bare(own.Upper, ind)
			}
			row.Cells = append(row.Cells, iv)
		}
		for i := range s.Comparators {
			row.Cells = append(row.Cells, pointCell(s.Comparators[i].At(per), ind))
		}
		for i := range s.Comparators {
			cs := &s.Comparators[i]
			if !cs.Comparator.IsGroup() || ind.Polarity == model.Neutral {
				continue
			}
			r := ""
			if p := cs.At(per); p != nil && p.Rank > 0 {
				r = ordinal(p.Rank) + " of " + strconv.Itoa(p.RankOf) + " (" + quartileText(p.Quartile) + ")"
			}
			row.Cells = append(row.Cells, r)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, notes
}

// pointCell is a figure for a table cell: "" when there is no point.
func pointCell(p *model.Point, ind *model.Indicator) string {
	if p == nil {
		return ""
	}
	if !p.HasRow && !p.Value.Valid {
		return ""
	}
	return cell(p.Value, p.Withheld, p.Flag, ind)
}

// periodsNewestFirst are the periods of the series and its comparators.
func periodsNewestFirst(s *model.Series) []model.Period {
	seen := map[model.Period]bool{}
	var out []model.Period
	add := func(pts []model.Point) {
		for _, p := range pts {
			if !seen[p.Period] {
				seen[p.Period] = true
				out = append(out, p.Period)
			}
		}
	}
	add(s.Points)
	for _, c := range s.Comparators {
		add(c.Points)
	}
	for i := 1; i < len(out); i++ { // insertion sort, newest first
		for j := i; j > 0 && out[j-1].Before(out[j]); j-- {
			out[j-1], out[j] = out[j], out[j-1]
		}
	}
	return out
}

// dimensionSets groups breakdown lines by the dimensions they break
// down by: all "sex" lines, then all "age" lines, then "sex and age".
func dimensionSets(ls []model.Line) [][]model.Line {
	var keys []string
	sets := map[string][]model.Line{}
	for _, l := range ls {
		ids := make([]string, len(l.Dims))
		for i, d := range l.Dims {
			ids[i] = d.Dimension
		}
		k := strings.Join(ids, "+")
		if _, ok := sets[k]; !ok {
			keys = append(keys, k)
		}
		sets[k] = append(sets[k], l)
	}
	out := make([][]model.Line, 0, len(keys))
	for _, k := range keys {
		out = append(out, sets[k])
	}
	return out
}

// dimName is a breakdown's label: the [[breakdown]] name, else its id.
func (b *builder) dimName(id string) string {
	if bd := b.in.Site.Breakdown(id); bd != nil && bd.Name != "" {
		return bd.Name
	}
	return id
}

// breakdownView is one set of breakdown lines as charts and a table.
func (b *builder) breakdownView(ind *model.Indicator, set []model.Line) BreakdownView {
	var names, ids []string
	for _, d := range set[0].Dims {
		names = append(names, lowerFirst(b.dimName(d.Dimension)))
		ids = append(ids, d.Dimension)
	}
	by := strings.Join(names, " and ")
	v := BreakdownView{ID: "by-" + strings.Join(ids, "-"), Heading: "By " + by}
	labels := make([]string, len(set))
	for i, l := range set {
		labels[i] = model.DimLabel(l.Dims)
	}
	prefix := "chart-" + ind.ID + "-" + v.ID
	title := ind.Name() + " by " + by
	if b.o.LineChart != nil {
		if len(set) <= 6 {
			v.Charts = append(v.Charts, LineChartView{
				SVG:     template.HTML(b.o.LineChart(ind, title, prefix, set, labels, nil)), // Trusted: chart SVG, every string escaped by package chart.
				Caption: title + ". The same figures are in the table below.",
			})
		} else {
			v.Intro = "There are " + strconv.Itoa(len(set)) + " categories, too many to tell apart on one chart, so each has its own small chart on the same scale."
			for i, l := range set {
				v.Charts = append(v.Charts, LineChartView{
					SVG:     template.HTML(b.o.LineChart(ind, title+": "+labels[i], prefix+"-"+strconv.Itoa(i+1), []model.Line{l}, labels[i:i+1], set)), // Trusted: as above.
					Caption: labels[i],
				})
			}
		}
	}
	v.Table = GridTable{CaptionID: v.ID + "-caption", Caption: title + ": figures for each period", Corner: "Period", Head: labels}
	s := model.Series{Indicator: ind}
	for _, l := range set {
		s.Comparators = append(s.Comparators, model.ComparatorSeries{Points: l.Points})
	}
	for _, per := range periodsNewestFirst(&s) {
		row := GridRow{Period: per.String(), PeriodWords: per.Words(b.fy)}
		for _, l := range set {
			row.Cells = append(row.Cells, pointCell(pointIn(l.Points, per), ind))
		}
		v.Table.Rows = append(v.Table.Rows, row)
	}
	return v
}

func pointIn(pts []model.Point, p model.Period) *model.Point {
	for i := range pts {
		if pts[i].Period == p {
			return &pts[i]
		}
	}
	return nil
}

func confidenceText(ind *model.Indicator) string {
	if ind.Confidence > 0 {
		return strconv.Itoa(ind.Confidence) + "% confidence interval"
	}
	return "confidence interval"
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func polarityShort(p model.Polarity) string {
	if p == model.LowerIsBetter {
		return "lower is better"
	}
	return "higher is better"
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

func quartileText(q int) string {
	switch q {
	case 1:
		return "best quarter"
	case 2:
		return "second quarter"
	case 3:
		return "third quarter"
	case 4:
		return "worst quarter"
	}
	return ""
}

// othersIn counts a group's areas other than the indicator's own.
func (b *builder) othersIn(c *model.Comparator, ind *model.Indicator) int {
	n := 0
	for _, a := range c.Areas {
		if !b.in.Site.IsOwn(ind, a) {
			n++
		}
	}
	return n
}
