package render

import (
	"html/template"
	"slices"
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
	TableNotes   []string // how to read the comparator columns of the page's main table (ranks)
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

// compareSection builds an indicator page's CompareSection. The
// comparators' figures and ranks are columns of the page's main table
// (pageTable) when the council has figures of its own; this section's
// table then holds only confidence intervals. With no overall figure the
// main table would be empty, so this table holds the comparators.
func (b *builder) compareSection(s *model.Series) CompareSection {
	ind := s.Indicator
	var c CompareSection
	if len(s.Points) == 0 && (len(s.Breakdowns) > 0 || len(s.Comparators) > 0) {
		c.NoOverall = b.lang.T("compare.no_overall")
	}
	if t, notes := b.compareTable(s); t != nil {
		c.Table, c.Notes = t, notes
		c.TableHeading = b.lang.T("compare.intervals_heading")
		if len(s.Points) == 0 {
			c.TableHeading = b.lang.T("compare.areas_heading")
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

// hasInterval reports whether any published point has an interval.
func hasInterval(pts []model.Point) bool {
	for i := range pts {
		if pts[i].Lower.Valid && pts[i].Upper.Valid && !pts[i].Withheld {
			return true
		}
	}
	return false
}

// intervalCell is "9.6% to 12.4%", or "".
func (b *builder) intervalCell(p *model.Point, ind *model.Indicator) string {
	if p == nil || !p.Lower.Valid || !p.Upper.Valid || p.Withheld {
		return ""
	}
	return b.lang.T("compare.interval_cell", "lower", format.Bare(p.Lower, ind), "upper", format.Bare(p.Upper, ind))
}

// compareTable is the table of the council's figures with their
// confidence intervals and those of the comparators that have them; and,
// for an indicator with no overall figure, the comparators' figures and
// the council's rank in each group.
func (b *builder) compareTable(s *model.Series) (*GridTable, []string) {
	ind := s.Indicator
	withComparators := len(s.Points) == 0 && len(s.Comparators) > 0
	intervals := hasInterval(s.Points)
	var civ []int // comparators with intervals
	for i := range s.Comparators {
		if hasInterval(s.Comparators[i].Points) {
			civ = append(civ, i)
			intervals = true
		}
	}
	if !intervals && !withComparators {
		return nil, nil
	}
	t := &GridTable{CaptionID: "compare-caption", Corner: b.lang.T("table.period"), Head: []string{b.ownName(ind)}}
	var notes []string
	if withComparators {
		t.Caption = b.lang.T("compare.areas_caption", "name", ind.Name())
	} else {
		t.Caption = b.lang.T("compare.intervals_caption", "name", ind.Name(), "interval", b.confidenceText(ind))
	}
	if intervals {
		t.Head = append(t.Head, capitalise(b.confidenceText(ind)))
		notes = append(notes, b.lang.T("compare.intervals_note", "interval", b.confidenceText(ind)))
	}
	for i := range s.Comparators {
		c := s.Comparators[i].Comparator
		if withComparators {
			name := c.Name
			if c.IsGroup() {
				name = b.lang.T("compare.median", "name", name)
			}
			t.Head = append(t.Head, name)
		}
		if slices.Contains(civ, i) {
			t.Head = append(t.Head, b.lang.T("compare.interval_of", "name", c.Name, "interval", b.confidenceText(ind)))
		}
	}
	if withComparators {
		for _, cs := range s.Comparators {
			if cs.Comparator.IsGroup() && ind.Polarity != model.Neutral {
				t.Head = append(t.Head, b.lang.T("compare.rank_in", "group", cs.Comparator.Name))
				notes = append(notes, b.rankNote(cs.Comparator, ind))
			}
		}
	}
	periods := periodsNewestFirst(s)
	if !withComparators {
		periods = periods[:0:0]
		for i := len(s.Points) - 1; i >= 0; i-- {
			periods = append(periods, s.Points[i].Period)
		}
		for _, i := range civ { // a comparator's interval in a period the council has none for
			for _, cp := range s.Comparators[i].Points {
				if s.At(cp.Period) == nil && !slices.Contains(periods, cp.Period) {
					periods = append(periods, cp.Period)
				}
			}
		}
		sortNewestFirst(periods)
	}
	for _, per := range periods {
		row := GridRow{Period: b.lang.Period(per), PeriodWords: b.lang.Words(per, b.fy)}
		own := s.At(per)
		row.Cells = append(row.Cells, pointCell(own, ind))
		if intervals {
			row.Cells = append(row.Cells, b.intervalCell(own, ind))
		}
		for i := range s.Comparators {
			cp := s.Comparators[i].At(per)
			if withComparators {
				row.Cells = append(row.Cells, pointCell(cp, ind))
			}
			if slices.Contains(civ, i) {
				row.Cells = append(row.Cells, b.intervalCell(cp, ind))
			}
		}
		if withComparators {
			for i := range s.Comparators {
				cs := &s.Comparators[i]
				if cs.Comparator.IsGroup() && ind.Polarity != model.Neutral {
					row.Cells = append(row.Cells, b.rankCell(cs.At(per)))
				}
			}
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
	sortNewestFirst(out)
	return out
}

// sortNewestFirst orders periods newest first (insertion sort: short lists).
func sortNewestFirst(out []model.Period) {
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j-1].Before(out[j]); j-- {
			out[j-1], out[j] = out[j], out[j-1]
		}
	}
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
	by := strings.Join(names, b.lang.T("list.and"))
	v := BreakdownView{ID: "by-" + strings.Join(ids, "-"), Heading: b.lang.T("compare.by", "breakdown", by)}
	labels := make([]string, len(set))
	for i, l := range set {
		labels[i] = model.DimLabel(l.Dims)
	}
	prefix := "chart-" + ind.ID + "-" + v.ID
	title := b.lang.T("compare.title_by", "name", ind.Name(), "breakdown", by)
	if b.o.LineChart != nil {
		if len(set) <= 6 {
			v.Charts = append(v.Charts, LineChartView{
				SVG:     template.HTML(b.o.LineChart(ind, title, prefix, set, labels, nil)), // Trusted: chart SVG, every string escaped by package chart.
				Caption: b.lang.T("compare.chart_caption", "title", title),
			})
		} else {
			v.Intro = b.lang.N("compare.small_multiples", len(set))
			for i, l := range set {
				v.Charts = append(v.Charts, LineChartView{
					SVG:     template.HTML(b.o.LineChart(ind, title+": "+labels[i], prefix+"-"+strconv.Itoa(i+1), []model.Line{l}, labels[i:i+1], set)), // Trusted: as above.
					Caption: labels[i],
				})
			}
		}
	}
	v.Table = GridTable{CaptionID: v.ID + "-caption", Caption: b.lang.T("table.figures_caption", "name", title), Corner: b.lang.T("table.period"), Head: labels}
	s := model.Series{Indicator: ind}
	for _, l := range set {
		s.Comparators = append(s.Comparators, model.ComparatorSeries{Points: l.Points})
	}
	for _, per := range periodsNewestFirst(&s) {
		row := GridRow{Period: b.lang.Period(per), PeriodWords: b.lang.Words(per, b.fy)}
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

func (b *builder) confidenceText(ind *model.Indicator) string {
	if ind.Confidence > 0 {
		return b.lang.T("compare.interval_percent", "percent", strconv.Itoa(ind.Confidence))
	}
	return b.lang.T("compare.interval")
}

// rankNote says how to read the column of the council's rank in group c.
func (b *builder) rankNote(c *model.Comparator, ind *model.Indicator) string {
	return b.lang.T("compare.rank_note", "group", c.Name, "own", b.ownName(ind),
		"others", strconv.Itoa(b.othersIn(c, ind)), "polarity", b.polarityShort(ind.Polarity))
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func (b *builder) polarityShort(p model.Polarity) string {
	if p == model.LowerIsBetter {
		return b.lang.T("compare.lower_better")
	}
	return b.lang.T("compare.higher_better")
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
