package model

// Unit is what an indicator's figure counts.
type Unit string

// The units of SPEC 3.2.
const (
	UnitCount    Unit = "count"
	UnitPercent  Unit = "percent"
	UnitHours    Unit = "hours"
	UnitDays     Unit = "days"
	UnitRate     Unit = "rate"
	UnitCurrency Unit = "currency"
)

// Units lists the valid units.
var Units = []Unit{UnitCount, UnitPercent, UnitHours, UnitDays, UnitRate, UnitCurrency}

// Polarity says which way is better.
type Polarity string

// The polarities of SPEC 3.2.
const (
	HigherIsBetter Polarity = "higher"
	LowerIsBetter  Polarity = "lower"
	Neutral        Polarity = "neutral"
)

// Polarities lists the valid polarities.
var Polarities = []Polarity{HigherIsBetter, LowerIsBetter, Neutral}

// Measure says whether published figures are each period's own or the
// cumulative year-to-date.
type Measure string

// The measures of SPEC 3.2.
const (
	MeasurePeriod Measure = "period"
	MeasureYTD    Measure = "ytd"
)

// Measures lists the valid measures.
var Measures = []Measure{MeasurePeriod, MeasureYTD}

// Compare says what the direction of travel compares against.
type Compare string

// The comparisons of SPEC 3.2.
const (
	ComparePreviousYear   Compare = "previous_year"
	ComparePreviousPeriod Compare = "previous_period"
)

// Compares lists the valid comparisons.
var Compares = []Compare{ComparePreviousYear, ComparePreviousPeriod}

// Lifecycle says whether an indicator is still reported.
type Lifecycle string

// The indicator statuses of SPEC 3.2.
const (
	Active  Lifecycle = "active"
	Retired Lifecycle = "retired"
)

// Lifecycles lists the valid indicator statuses.
var Lifecycles = []Lifecycle{Active, Retired}

// Outcome records what a committee decided for a retired indicator. It is
// a kpisite addition to SPEC 3.2 (field "outcome").
type Outcome string

// The outcomes of a KPI review (seed report section 2.1).
const (
	OutcomeRetained Outcome = "retained" // continued under a new id (replaced_by)
	OutcomeReplaced Outcome = "replaced" // replaced by the indicators in replaced_by
	OutcomeRemoved  Outcome = "removed"  // no longer reported
)

// Outcomes lists the valid outcomes.
var Outcomes = []Outcome{OutcomeRetained, OutcomeReplaced, OutcomeRemoved}

// TargetKind names a target rule (SPEC 3.3).
type TargetKind string

// The target kinds of SPEC 3.3.
const (
	TargetFixed          TargetKind = "fixed"
	TargetReference      TargetKind = "reference"
	TargetPreviousYear   TargetKind = "previous_year"
	TargetRollingAverage TargetKind = "rolling_average"
	TargetNone           TargetKind = "none"
)

// TargetKinds lists the valid target kinds.
var TargetKinds = []TargetKind{TargetFixed, TargetReference, TargetPreviousYear, TargetRollingAverage, TargetNone}

// TargetRule is how an indicator's target is worked out for each period.
// The zero TargetRule (Kind "") means no target.
type TargetRule struct {
	Kind      TargetKind
	Value     Value  // fixed
	Tolerance Value  // own amber band, a fraction (0.10 = 10%); missing = site default
	Reference Period // reference: the year whose same period is the target
	Years     int    // rolling_average: how many previous years
}

// Baseline is a documented starting point.
type Baseline struct {
	Value  Value
	Period string // as written, for example "2021/22"
	Note   string
}

// Indicator is one indicator definition (SPEC 3.2) after loading.
// Optional fields hold their defaults once loaded: Measure is
// MeasurePeriod, Lifecycle is Active, Compare is set from the frequency,
// Decimals from the unit.
type Indicator struct {
	ID            string
	Title         string
	ShortTitle    string
	Service       string
	Frequency     Frequency
	Unit          Unit
	RatePer       float64 // for UnitRate; default 100,000
	Decimals      int
	Polarity      Polarity
	Measure       Measure
	Target        TargetRule
	Baseline      *Baseline
	Definition    string
	Rationale     string
	Source        string
	Lead          string
	LegacyID      string
	Lifecycle     Lifecycle
	RetiredFrom   Period // "retired": first period no longer reported
	ReplacedBy    []string
	Outcome       Outcome
	SuppressBelow int // values 1..SuppressBelow-1 are withheld
	Compare       Compare
	Noun          string // kpisite addition: plural noun for sentences, e.g. "referrals"
	Forecast      bool   // figures may be for periods after the current period (SPEC 3.8)

	Pos      Position            // the [[indicator]] table
	FieldPos map[string]Position // where each key was written, by TOML key
}

// Name is the short title when there is one, else the title.
func (ind *Indicator) Name() string {
	if ind.ShortTitle != "" {
		return ind.ShortTitle
	}
	return ind.Title
}

// PosOf returns where a field was written, or the table's position.
func (ind *Indicator) PosOf(field string) Position {
	if p, ok := ind.FieldPos[field]; ok {
		return p
	}
	return ind.Pos
}

// IsActive reports whether the indicator is still reported.
func (ind *Indicator) IsActive() bool { return ind.Lifecycle != Retired }
