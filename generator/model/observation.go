package model

// Observation is one row of a values CSV (SPEC 3.4): an indicator's figure
// for one period as the analyst supplied it.
type Observation struct {
	// The fields that hold pointers come first, so that the garbage
	// collector, which scans an object only as far as its last pointer,
	// reads little more than half of each of a site's many observations.
	Indicator string
	Flag      Flag
	Note      string
	Status    Status   // the service's own RAG (SPEC 3.8 "status" column); "" = compute it
	Area      string   // area code; "" = the council's own area (SPEC 3.8)
	Dims      []Dim    // breakdown categories given, in the indicator's breakdowns order; nil = headline (SPEC 3.8)
	Pos       Position // the row (and column of the cell, in wide format)

	Period      Period
	Value       Value
	Numerator   Value
	Denominator Value
	Target      Value  // overrides the indicator's rule
	Lower       Value  // confidence interval (SPEC 3.8)
	Upper       Value  // (SPEC 3.8)
	AreaAt      CellAt // the area cell, for messages (see AreaPos); zero = none
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
