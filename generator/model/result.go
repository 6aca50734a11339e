package model

// Status is the RAG status of one figure against its target (SPEC 4).
type Status string

// The statuses of SPEC 5 (data.json spellings).
const (
	Green    Status = "green"
	Amber    Status = "amber"
	Red      Status = "red"
	NoTarget Status = "no-target"
	NoData   Status = "no-data"
	Withheld Status = "withheld"
)

// Label is the status as a word for people: "On target", …
func (s Status) Label() string {
	switch s {
	case Green:
		return "On target"
	case Amber:
		return "Near target"
	case Red:
		return "Off target"
	case NoTarget:
		return "No target"
	case Withheld:
		return "Withheld"
	}
	return "No data"
}

// Direction is the direction of travel (SPEC 4). The zero value means
// there is nothing to compare with (null in data.json).
type Direction string

// The directions of SPEC 5.
const (
	NoComparison Direction = ""
	Improving    Direction = "improving"
	Worsening    Direction = "worsening"
	NoChange     Direction = "no-change"
	Up           Direction = "up"
	Down         Direction = "down"

	// NoSignificantChange: the two figures' confidence intervals overlap
	// (SPEC 3.8).
	NoSignificantChange Direction = "no-significant-change"
)

// Label is the direction as words for people.
func (d Direction) Label() string {
	switch d {
	case Improving:
		return "Improving"
	case Worsening:
		return "Worsening"
	case NoChange:
		return "No change"
	case Up:
		return "Up"
	case Down:
		return "Down"
	case NoSignificantChange:
		return "No significant change"
	}
	return "Not enough data to compare"
}

// Point is one period of an indicator, computed and ready to publish. A
// withheld figure has already been removed from Value and PeriodValue.
//
// A site keeps every point of every indicator while its pages are
// rendered, so the fields are laid out without padding: the flags (bool)
// together at the end.
type Point struct {
	Period      Period
	Value       Value // published figure: cumulative for a ytd indicator
	PeriodValue Value // the period's own figure (differs from Value for ytd)
	Numerator   Value
	Denominator Value
	Target      Value
	Amber       Value // far edge of the near-target band in force (missing: no band)
	Status      Status
	Direction   Direction
	CompareWith Period // the period the direction compares with (zero if none)
	CompareTo   Value  // its published figure
	Flag        Flag
	Note        string

	// SPEC 3.8 additions.
	Lower, Upper Value // confidence interval, as given (withheld with the value)
	Rank         int   // rank among a comparator group and the council (1 = best); 0 = none
	RankOf       int   // how many were ranked
	Quartile     int   // 1 = best quarter; 0 = none

	ByService bool // Status is the service's own (SPEC 3.8 "status" column), not computed
	Withheld  bool // suppressed by suppress_below or flagged c
	HasRow    bool // an observation was supplied for this period
	RankJoint bool // another area of the group has the same figure: "joint 3rd" (SPEC 3.8)
}

// Series is an indicator with its computed points, in time order. Points
// run without gaps from the first to the last period with a row; a period
// with no row has a Point with HasRow false and Status NoData.
type Series struct {
	Indicator *Indicator
	Points    []Point

	// SPEC 3.8 additions.
	Breakdowns  []Line             // breakdown series, dimension by dimension, categories in order
	Comparators []ComparatorSeries // in site order, only those with figures
}

// HasFigure reports whether the point has a figure of its own: a value,
// or one withheld from publication. A row with only a flag (x, z) or a
// note has none.
func (p *Point) HasFigure() bool {
	return p.HasRow && (p.Value.Valid || p.PeriodValue.Valid || p.Withheld)
}

// StatusSource is "service" when the service set the status, else
// "computed" (data.json status_source).
func (p *Point) StatusSource() string {
	if p.ByService {
		return "service"
	}
	return "computed"
}

// At returns the point for period p, or nil.
func (s *Series) At(p Period) *Point {
	for i := range s.Points {
		if s.Points[i].Period == p {
			return &s.Points[i]
		}
	}
	return nil
}

// Latest returns the last point at or before p that has a row, or nil.
func (s *Series) Latest(p Period) *Point {
	for i := len(s.Points) - 1; i >= 0; i-- {
		pt := &s.Points[i]
		if pt.HasRow && !p.Before(pt.Period) {
			return pt
		}
	}
	return nil
}
