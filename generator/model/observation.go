package model

// Observation is one row of a values CSV (SPEC 3.4): an indicator's figure
// for one period as the analyst supplied it.
type Observation struct {
	Indicator   string
	Period      Period
	Value       Value
	Numerator   Value
	Denominator Value
	Target      Value // overrides the indicator's rule
	Flag        Flag
	Note        string
	Status      Status // the service's own RAG (SPEC 3.8 "status" column); "" = compute it

	// SPEC 3.8 additions.
	Area   string // area code; "" = the council's own area
	Dims   []Dim  // breakdown categories given, in the indicator's breakdowns order; nil = headline
	Lower  Value  // confidence interval
	Upper  Value
	AreaAt CellAt // the area cell, for messages (see AreaPos); zero = none

	Pos Position // the row (and column of the cell, in wide format)
}

// CellAt is a cell's line and column in the file of its row: a Position
// without the file, which is the row's (an observation is read for every
// row of a values file, and a whole Position per cell made each one 40
// bytes larger).
type CellAt struct {
	Line, Column int32
}

// AreaPos is where o's area cell is, or its row when that is not known.
func (o *Observation) AreaPos() Position {
	if o.AreaAt == (CellAt{}) {
		return o.Pos
	}
	p := o.Pos
	p.Line, p.Column = int(o.AreaAt.Line), int(o.AreaAt.Column)
	return p
}

// CellAtOf is the line and column of p, a position in the file of the
// row it is for.
func CellAtOf(p Position) CellAt {
	return CellAt{Line: int32(p.Line), Column: int32(p.Column)}
}
