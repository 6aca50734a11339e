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
	Area    string // area code; "" = the council's own area
	Dims    []Dim  // breakdown categories given, in the indicator's breakdowns order; nil = headline
	Lower   Value  // confidence interval
	Upper   Value
	AreaPos Position // the area cell, for messages

	Pos Position // the row (and column of the cell, in wide format)
}
