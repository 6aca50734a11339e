package model

import "time"

// Site is site.toml after loading (SPEC 3.1).
type Site struct {
	Title              string
	Organisation       string
	BaseURL            string   // always ends in "/"
	Language           string   // the first language (SPEC 3.9)
	Languages          []string // site.toml languages, first at the root; nil when not set (one language)
	Theme              string
	Licence            string
	FinancialYearStart int      // month 1..12
	AcademicYearStart  int      // month 1..12; 0 = September (SPEC 3.8)
	IgnoreColumns      []string // [values] ignore_columns: wide-format columns to skip
	Contact            string
	UnsafeHTML         bool
	PNGCharts          bool
	Notice             string // kpisite addition: shown on every page

	// Translations of title, organisation and notice, from the [<code>]
	// tables of site.toml (SPEC 3.9).
	Translations Translations

	CurrentPeriod string    // as written; "" = latest period with data
	Published     time.Time // "Last updated"; zero if not set
	NextUpdate    time.Time // zero if not set
	ReportsFrom   string    // as written; "" = a report for the current period only

	AmberTolerance float64

	// Unread is set when site.toml is missing or could not be decoded:
	// checks against its services and committees are then skipped, so
	// the one real problem is not buried under their knock-on errors.
	Unread bool

	Committees []Committee
	Services   []Service

	// SPEC 3.8 additions.
	Area        Area         // the council's own area; zero if not set
	Comparators []Comparator // in site order
	Breakdowns  []Breakdown  // labels and category order

	Pos      Position
	FieldPos map[string]Position // where each key was written, by dotted TOML key ("reporting.current_period")
}

// PosOf returns where a key of site.toml was written, or the file's position.
func (s *Site) PosOf(key string) Position {
	if p, ok := s.FieldPos[key]; ok {
		return p
	}
	return s.Pos
}

// Committee is a [[committee]] of site.toml.
type Committee struct {
	ID           string
	Name         string
	Translations Translations // name, by language
	Pos          Position
}

// Service is a [[service]] of site.toml.
type Service struct {
	ID           string
	Name         string
	Committee    string
	Translations Translations // name, by language
	Pos          Position
}

// Service returns the service with id, or nil.
func (s *Site) Service(id string) *Service {
	for i := range s.Services {
		if s.Services[i].ID == id {
			return &s.Services[i]
		}
	}
	return nil
}

// Committee returns the committee with id, or nil.
func (s *Site) Committee(id string) *Committee {
	for i := range s.Committees {
		if s.Committees[i].ID == id {
			return &s.Committees[i]
		}
	}
	return nil
}

// Breakdown returns the [[breakdown]] with id, or nil.
func (s *Site) Breakdown(id string) *Breakdown {
	for i := range s.Breakdowns {
		if s.Breakdowns[i].ID == id {
			return &s.Breakdowns[i]
		}
	}
	return nil
}
