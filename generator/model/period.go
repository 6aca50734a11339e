package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Frequency is how often an indicator is reported.
type Frequency int

// The frequencies of SPEC 3.2. The zero value is not a valid frequency.
const (
	Quarterly Frequency = iota + 1
	Monthly
	Annual
)

var frequencyNames = [...]string{Quarterly: "quarterly", Monthly: "monthly", Annual: "annual"}

// ParseFrequency reads "quarterly", "monthly" or "annual".
func ParseFrequency(s string) (Frequency, error) {
	for f, name := range frequencyNames {
		if name != "" && s == name {
			return Frequency(f), nil
		}
	}
	return 0, fmt.Errorf("%q is not a frequency; expected quarterly, monthly or annual", s)
}

func (f Frequency) String() string {
	if f < Quarterly || f > Annual {
		return "unknown"
	}
	return frequencyNames[f]
}

// UnmarshalText lets TOML decoders read a Frequency.
func (f *Frequency) UnmarshalText(b []byte) error {
	v, err := ParseFrequency(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// MarshalText writes the name of f.
func (f Frequency) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// Period is one reporting period: a quarter or a year of the financial year
// that starts in Year, or a calendar month.
//
//	quarterly: Year = first calendar year of the financial year, Sub = 1..4
//	monthly:   Year = calendar year, Sub = 1..12
//	annual:    Year = first calendar year of the financial year, Sub = 0
type Period struct {
	Freq Frequency
	Year int
	Sub  int
}

// IsZero reports whether p is the zero Period (no period).
func (p Period) IsZero() bool { return p.Freq == 0 }

// Index orders periods of one frequency: consecutive periods have
// consecutive indexes.
func (p Period) Index() int {
	switch p.Freq {
	case Quarterly:
		return p.Year*4 + p.Sub - 1
	case Monthly:
		return p.Year*12 + p.Sub - 1
	default:
		return p.Year
	}
}

// FromIndex is the inverse of Index.
func FromIndex(f Frequency, i int) Period {
	switch f {
	case Quarterly:
		return Period{Freq: f, Year: floorDiv(i, 4), Sub: i - floorDiv(i, 4)*4 + 1}
	case Monthly:
		return Period{Freq: f, Year: floorDiv(i, 12), Sub: i - floorDiv(i, 12)*12 + 1}
	default:
		return Period{Freq: f, Year: i}
	}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// Before reports whether p comes before q.
func (p Period) Before(q Period) bool { return p.Index() < q.Index() }

// Add returns the period n periods after p (n may be negative).
func (p Period) Add(n int) Period { return FromIndex(p.Freq, p.Index()+n) }

// YearEarlier returns the same period one year before p.
func (p Period) YearEarlier() Period {
	q := p
	q.Year--
	return q
}

// PerYear is the number of periods of frequency f in a year.
func (f Frequency) PerYear() int {
	switch f {
	case Quarterly:
		return 4
	case Monthly:
		return 12
	default:
		return 1
	}
}

// FinancialYear returns the first calendar year of the financial year that
// p falls in, for a financial year starting in month fyStart (1..12).
func (p Period) FinancialYear(fyStart int) int {
	if p.Freq == Monthly {
		if fyStart > 1 && p.Sub < fyStart {
			return p.Year - 1
		}
		return p.Year
	}
	return p.Year
}

// yearSpan writes "2022/23" for a financial year starting in 2022.
func yearSpan(y int, sep string) string {
	return fmt.Sprintf("%04d%s%02d", y, sep, (y+1)%100)
}

// String is the canonical spelling: "2022/23 Q1", "2022-04", "2022/23".
func (p Period) String() string {
	switch p.Freq {
	case Quarterly:
		return fmt.Sprintf("%s Q%d", yearSpan(p.Year, "/"), p.Sub)
	case Monthly:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Sub)
	case Annual:
		return yearSpan(p.Year, "/")
	}
	return ""
}

// Slug is the URL form: "2022-23-q1", "2022-04", "2022-23".
func (p Period) Slug() string {
	switch p.Freq {
	case Quarterly:
		return fmt.Sprintf("%s-q%d", yearSpan(p.Year, "-"), p.Sub)
	case Monthly:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Sub)
	case Annual:
		return yearSpan(p.Year, "-")
	}
	return ""
}

// Short is a compact axis label: "Q1 22/23", "Apr 22", "22/23".
func (p Period) Short() string {
	switch p.Freq {
	case Quarterly:
		return fmt.Sprintf("Q%d %02d/%02d", p.Sub, p.Year%100, (p.Year+1)%100)
	case Monthly:
		return fmt.Sprintf("%s %02d", time.Month(p.Sub).String()[:3], p.Year%100)
	case Annual:
		return fmt.Sprintf("%02d/%02d", p.Year%100, (p.Year+1)%100)
	}
	return ""
}

// Months returns the first and last calendar month of p as (year, month)
// pairs, for a financial year starting in month fyStart.
func (p Period) Months(fyStart int) (y1 int, m1 time.Month, y2 int, m2 time.Month) {
	if fyStart < 1 || fyStart > 12 {
		fyStart = 4
	}
	switch p.Freq {
	case Monthly:
		return p.Year, time.Month(p.Sub), p.Year, time.Month(p.Sub)
	case Quarterly:
		start := fyStart - 1 + (p.Sub-1)*3 // months after January of p.Year
		y1, m1 = p.Year+start/12, time.Month(start%12+1)
		end := start + 2
		y2, m2 = p.Year+end/12, time.Month(end%12+1)
		return
	default:
		start := fyStart - 1
		end := start + 11
		return p.Year + start/12, time.Month(start%12 + 1), p.Year + end/12, time.Month(end%12 + 1)
	}
}

// Words describes p in plain English: "April to June 2022",
// "October 2022 to March 2023" ... and "April 2022" for a month,
// "April 2022 to March 2023" for a year.
func (p Period) Words(fyStart int) string {
	y1, m1, y2, m2 := p.Months(fyStart)
	if p.Freq == Monthly {
		return fmt.Sprintf("%s %d", m1, y1)
	}
	if y1 == y2 {
		return fmt.Sprintf("%s to %s %d", m1, m2, y2)
	}
	return fmt.Sprintf("%s %d to %s %d", m1, y1, m2, y2)
}

// Long is Words followed by the canonical spelling in brackets:
// "April to June 2022 (2022/23 Q1)". Months are written once.
func (p Period) Long(fyStart int) string {
	if p.Freq == Monthly {
		return p.Words(fyStart)
	}
	return fmt.Sprintf("%s (%s)", p.Words(fyStart), p)
}

// End returns the last day of p.
func (p Period) End(fyStart int) time.Time {
	_, _, y2, m2 := p.Months(fyStart)
	return time.Date(y2, m2+1, 0, 0, 0, 0, 0, time.UTC)
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

// ParsePeriod reads a period of frequency f in any spelling SPEC 3.5
// accepts. The error says what was expected.
func ParsePeriod(s string, f Frequency) (Period, error) {
	t := strings.TrimSpace(s)
	switch f {
	case Quarterly:
		if p, ok := parseQuarter(t); ok {
			return p, nil
		}
		return Period{}, fmt.Errorf("%q is not a quarter; expected a quarterly period such as \"2022/23 Q1\"", s)
	case Monthly:
		if p, ok := parseMonth(t); ok {
			return p, nil
		}
		return Period{}, fmt.Errorf("%q is not a month; expected a monthly period such as \"2022-04\" or \"Apr 2022\"", s)
	case Annual:
		if y, ok := parseYearSpan(t); ok {
			return Period{Freq: Annual, Year: y}, nil
		}
		return Period{}, fmt.Errorf("%q is not a financial year; expected an annual period such as \"2022/23\"", s)
	}
	return Period{}, fmt.Errorf("period %q: unknown frequency", s)
}

// ParseAnyPeriod reads a period whose frequency is not known in advance,
// trying quarterly, then monthly, then annual spellings.
func ParseAnyPeriod(s string) (Period, error) {
	for _, f := range []Frequency{Quarterly, Monthly, Annual} {
		if p, err := ParsePeriod(s, f); err == nil {
			return p, nil
		}
	}
	return Period{}, fmt.Errorf("%q is not a period; expected \"2022/23 Q1\", \"2022-04\" or \"2022/23\"", s)
}

// parseYearSpan reads "2022/23" or "2022-23": consecutive years.
func parseYearSpan(s string) (int, bool) {
	if len(s) != 7 || (s[4] != '/' && s[4] != '-') {
		return 0, false
	}
	y, ok := digits(s[:4])
	if !ok {
		return 0, false
	}
	next, ok := digits(s[5:])
	if !ok || next != (y+1)%100 {
		return 0, false
	}
	return y, true
}

func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// parseQuarter reads "2022/23 Q1", "2022-23 Q1", "Q1 2022/23", "2022/23-Q1"
// (the Q in either case).
func parseQuarter(s string) (Period, bool) {
	q := func(x string) (int, bool) {
		if len(x) != 2 || (x[0] != 'Q' && x[0] != 'q') || x[1] < '1' || x[1] > '4' {
			return 0, false
		}
		return int(x[1] - '0'), true
	}
	var yearPart, quarterPart string
	switch {
	case len(s) == 10 && (s[7] == ' ' || s[7] == '-'):
		yearPart, quarterPart = s[:7], s[8:]
	case len(s) == 10 && s[2] == ' ':
		quarterPart, yearPart = s[:2], s[3:]
	default:
		return Period{}, false
	}
	y, ok := parseYearSpan(yearPart)
	if !ok {
		return Period{}, false
	}
	n, ok := q(quarterPart)
	if !ok {
		return Period{}, false
	}
	return Period{Freq: Quarterly, Year: y, Sub: n}, true
}

// parseMonth reads "2022-04", "Apr 2022", "April 2022".
func parseMonth(s string) (Period, bool) {
	if len(s) == 7 && s[4] == '-' {
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:])
		if ok1 && ok2 && m >= 1 && m <= 12 {
			return Period{Freq: Monthly, Year: y, Sub: m}, true
		}
		return Period{}, false
	}
	name, year, ok := strings.Cut(s, " ")
	if !ok {
		return Period{}, false
	}
	m, ok := monthNames[strings.ToLower(name)]
	if !ok {
		return Period{}, false
	}
	y, ok := digits(year)
	if !ok || len(year) != 4 {
		return Period{}, false
	}
	return Period{Freq: Monthly, Year: y, Sub: m}, true
}
