package model

import "strings"

// Area is a place figures are published for: the council's own area, or
// one it compares with (SPEC 3.8). Code is the statistical code, such as
// "E10000003".
type Area struct {
	Code string
	Name string
}

// Comparator is a [[comparator]] of site.toml: one area (England) or a
// group of two or more (nearest neighbours), shown as the group's median
// with the council's rank among them.
type Comparator struct {
	ID    string
	Name  string
	Areas []string // codes, in the order written
	Pos   Position
}

// IsGroup reports whether the comparator is a group of areas (shown as
// their median, with a rank) rather than a single area.
func (c *Comparator) IsGroup() bool { return len(c.Areas) > 1 }

// Has reports whether code is one of the comparator's areas.
func (c *Comparator) Has(code string) bool {
	for _, a := range c.Areas {
		if a == code {
			return true
		}
	}
	return false
}

// Breakdown is a [[breakdown]] of site.toml: the label of a breakdown
// column and the order its categories are shown in.
type Breakdown struct {
	ID    string
	Name  string
	Order []string
	Pos   Position
}

// Dim is one breakdown column's category on a row: sex = "Female".
type Dim struct {
	Dimension string // the breakdown id
	Category  string
}

// DimKey is a canonical key for a list of dims in the order given:
// "sex=Female|age=16-24". The empty list (the headline) is "".
func DimKey(dims []Dim) string {
	var b strings.Builder
	for i, d := range dims {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(d.Dimension)
		b.WriteByte('=')
		b.WriteString(d.Category)
	}
	return b.String()
}

// DimLabel names a list of dims for people: "Female, 16-24".
func DimLabel(dims []Dim) string {
	parts := make([]string, len(dims))
	for i, d := range dims {
		parts[i] = d.Category
	}
	return strings.Join(parts, ", ")
}

// Line is a breakdown series: the points of one combination of
// categories, in time order, computed like the headline but without a
// target.
type Line struct {
	Area   string // a comparator member's area code; "" for the council's own
	Dims   []Dim
	Points []Point
}

// ComparatorSeries is a comparator's figures for one indicator: for a
// single area its own figures, for a group the median of the group's
// areas at each period with the council's rank among them.
type ComparatorSeries struct {
	Comparator *Comparator
	Points     []Point
	Breakdowns []Line
	Members    []Line // a group's areas' own figures, as given (for downloads)
}

// At returns the comparator's point for period p, or nil.
func (c *ComparatorSeries) At(p Period) *Point {
	for i := range c.Points {
		if c.Points[i].Period == p {
			return &c.Points[i]
		}
	}
	return nil
}

// AreaOf is the area whose rows are an indicator's own figures: the
// indicator's area if it sets one, else the site's.
func (s *Site) AreaOf(ind *Indicator) Area {
	if ind != nil && ind.Area != nil {
		return *ind.Area
	}
	return s.Area
}

// IsOwn reports whether a row's area code is the indicator's own area.
func (s *Site) IsOwn(ind *Indicator, code string) bool {
	return code == "" || code == s.AreaOf(ind).Code
}
