package model

import "fmt"

// YearKind is the kind of year an indicator's periods belong to (SPEC 3.8
// field "year"). The zero value is the financial year.
type YearKind uint8

// The year kinds of SPEC 3.8.
const (
	FinancialYear YearKind = iota // starts in site.toml financial_year_start (April by default)
	CalendarYear                  // January to December
	AcademicYear                  // starts in site.toml academic_year_start (September by default)
)

// DefaultAcademicYearStart is September.
const DefaultAcademicYearStart = 9

var yearKindNames = [...]string{FinancialYear: "financial", CalendarYear: "calendar", AcademicYear: "academic"}

// ParseYearKind reads "financial", "calendar" or "academic".
func ParseYearKind(s string) (YearKind, error) {
	for k, name := range yearKindNames {
		if s == name {
			return YearKind(k), nil
		}
	}
	return 0, fmt.Errorf("%q is not a kind of year; expected financial, calendar or academic", s)
}

func (k YearKind) String() string {
	if k < FinancialYear || k > AcademicYear {
		return "unknown"
	}
	return yearKindNames[k]
}

// UnmarshalText lets TOML decoders read a YearKind.
func (k *YearKind) UnmarshalText(b []byte) error {
	v, err := ParseYearKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// MarshalText writes the name of k.
func (k YearKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Calendar says how an indicator's periods are spelled and where its
// years start: the kind of year and, for academic years, the month the
// year starts in (0 = September).
type Calendar struct {
	Year          YearKind
	AcademicStart uint8
}
