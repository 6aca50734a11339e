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

	Pos Position // the row (and column of the cell, in wide format)
}
