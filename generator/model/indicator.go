package model

import (
	"strings"
	"time"
)

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
	UnitScore    Unit = "score" // SPEC 3.8
	UnitRatio    Unit = "ratio"
	UnitRank     Unit = "rank"
)

// Units lists the valid units.
var Units = []Unit{UnitCount, UnitPercent, UnitHours, UnitDays, UnitRate, UnitCurrency, UnitScore, UnitRatio, UnitRank}

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
	// MeasureCumulative: the source already holds year-to-date figures
	// (SPEC 3.8); they are published as given.
	MeasureCumulative Measure = "cumulative"
)

// Measures lists the valid measures.
var Measures = []Measure{MeasurePeriod, MeasureYTD, MeasureCumulative}

// YearToDate reports whether m publishes figures that build up over the
// year (ytd or cumulative): charts break the line at each year start.
func (m Measure) YearToDate() bool { return m == MeasureYTD || m == MeasureCumulative }

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
	Amber     Value  // absolute amber threshold (SPEC 3.8 "amber"); replaces Tolerance
	Reference Period // reference: the year whose same period is the target
	Years     int    // rolling_average: how many previous years
	From      Period // first period the rule is in force; zero = from the start
	Pos       Position
}

// Rules lists the indicator's target rules in time order: the target
// list, or the single target, or none.
func (ind *Indicator) Rules() []TargetRule {
	if len(ind.TargetList) > 0 {
		return ind.TargetList
	}
	if ind.Target.Kind != "" {
		return []TargetRule{ind.Target}
	}
	return nil
}

// RuleAt returns the target rule in force in period p: the last rule
// whose From is not after p. ok is false before the first From, or when
// the indicator has no target rule at all.
func (ind *Indicator) RuleAt(p Period) (r TargetRule, ok bool) {
	for _, rule := range ind.Rules() {
		if !rule.From.IsZero() && p.Before(rule.From) {
			break
		}
		r, ok = rule, true
	}
	return r, ok
}

// HasTargetRule reports whether any target rule other than "none" is set.
func (ind *Indicator) HasTargetRule() bool {
	for _, r := range ind.Rules() {
		if r.Kind != TargetNone {
			return true
		}
	}
	return false
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
	Target        TargetRule   // a single target table
	TargetList    []TargetRule // SPEC 3.8: a list of targets with "from", in time order
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

	// SPEC 3.8 additions.
	Cal         Calendar // frequency's kind of year (field "year")
	UnitLabel   string   // the unit in words, for axes and table headers
	Code        string   // the council's own KPI code
	SourceURL   string
	Released    string // a date (written 2022-07-21) or text such as "TBC", as given
	NextRelease string
	Geography   string
	Footnotes   []string
	ExpectedLag int // months a figure may lag its period's end before it is out of date; 0 = no limit

	Breakdowns []string // breakdown column ids, in order
	Confidence int      // confidence level of lower/upper, in percent; 0 = not stated
	Area       *Area    // overrides the site's area; nil = the site's

	// Translations of the resident-facing text (title, short_title,
	// definition, rationale, noun, unit_label, source, lead) by language:
	// cy = { title = "…" } (SPEC 3.9).
	Translations Translations

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

// ParsePeriod reads a period of the indicator's frequency and kind of
// year.
func (ind *Indicator) ParsePeriod(s string) (Period, error) {
	return ParsePeriodIn(s, ind.Frequency, ind.Cal)
}

// ParseSlug reads a period of the indicator from its URL slug
// ("2022-23-q1", "2022-q2", "2020-to-2022"). The caller checks that the
// slug is the canonical one (p.Slug() == slug).
func (ind *Indicator) ParseSlug(slug string) (Period, error) {
	s := strings.Replace(slug, "-to-", " to ", 1)
	if ind.Frequency == Quarterly && ind.Cal.Year == CalendarYear {
		if i := strings.LastIndex(s, "-q"); i >= 0 {
			s = s[:i] + " " + s[i+1:]
		}
	}
	return ind.ParsePeriod(s)
}

// OutOfDate reports whether a figure for period p is older than the
// indicator's expected_lag allows on a scorecard for period cur: cur ends
// more than the lag after p ends. Without expected_lag nothing is out of
// date.
func (ind *Indicator) OutOfDate(p, cur Period, fyStart int) bool {
	if ind.ExpectedLag <= 0 || p.IsZero() || cur.IsZero() {
		return false
	}
	pe, ce := p.End(fyStart), cur.End(fyStart)
	due := time.Date(pe.Year(), pe.Month()+time.Month(ind.ExpectedLag)+1, 0, 0, 0, 0, 0, time.UTC)
	return ce.After(due)
}
