package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Frequency is how often an indicator is reported.
type Frequency uint8

// The frequencies of SPEC 3.2. The zero value is not a valid frequency.
const (
	Quarterly Frequency = iota + 1
	Monthly
	Annual
	MultiYear // SPEC 3.8: pooled estimates over two or more years
)

var frequencyNames = [...]string{Quarterly: "quarterly", Monthly: "monthly", Annual: "annual", MultiYear: "multi_year"}

// ParseFrequency reads "quarterly", "monthly", "annual" or "multi_year".
func ParseFrequency(s string) (Frequency, error) {
	for f, name := range frequencyNames {
		if name != "" && s == name {
			return Frequency(f), nil
		}
	}
	return 0, fmt.Errorf("%q is not a frequency; expected quarterly, monthly, annual or multi_year", s)
}

func (f Frequency) String() string {
	if f < Quarterly || f > MultiYear {
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

// Period is one reporting period: a quarter, a year or several years of
// the year that starts in Year, or a calendar month. Cal says which kind
// of year (financial, calendar or academic, SPEC 3.8).
//
//	quarterly:  Year = first calendar year of the year, Sub = 1..4
//	monthly:    Year = calendar year, Sub = 1..12
//	annual:     Year = first calendar year of the year, Sub = 0
//	multi_year: Year = first calendar year of the first year, Span = years (2 or more)
//
// A financial year starts in the site's financial_year_start, passed to
// the methods that need months as fyStart; a calendar year in January; an
// academic year in Cal.AcademicStart (September when 0).
//
// Every computed point holds two periods, so the small fields come last,
// together: 32 bytes instead of 48.
type Period struct {
	Year int
	Sub  int
	Span int // multi_year only
	Freq Frequency
	Cal  Calendar
}

// IsZero reports whether p is the zero Period (no period).
func (p Period) IsZero() bool { return p.Freq == 0 }

// Index orders periods of one frequency and kind of year: consecutive
// periods have consecutive indexes (multi-year periods by their first year).
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

// FromIndex is the inverse of Index for a financial-year period.
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

// Before reports whether p comes before q (same frequency and kind).
func (p Period) Before(q Period) bool { return p.Index() < q.Index() }

// Add returns the period n periods after p (n may be negative), of the
// same kind of year. For multi_year it moves the first year by n.
func (p Period) Add(n int) Period {
	q := FromIndex(p.Freq, p.Index()+n)
	q.Span, q.Cal = p.Span, p.Cal
	return q
}

// YearEarlier returns the same period one year before p. A multi-year
// period has none: it returns the zero Period.
func (p Period) YearEarlier() Period {
	if p.Freq == MultiYear {
		return Period{}
	}
	q := p
	q.Year--
	return q
}

// PerYear is the number of periods of frequency f in a year (1 for
// annual and multi_year).
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

// StartMonth is the month p's years start in, given the site's financial
// year start.
func (p Period) StartMonth(fyStart int) int {
	switch p.Cal.Year {
	case CalendarYear:
		return 1
	case AcademicYear:
		if p.Cal.AcademicStart >= 1 && p.Cal.AcademicStart <= 12 {
			return int(p.Cal.AcademicStart)
		}
		return DefaultAcademicYearStart
	}
	if fyStart < 1 || fyStart > 12 {
		return 4
	}
	return fyStart
}

// FinancialYear returns the first calendar year of the year (financial,
// calendar or academic, by p's kind) that p falls in.
func (p Period) FinancialYear(fyStart int) int {
	if p.Freq == Monthly {
		if s := p.StartMonth(fyStart); s > 1 && p.Sub < s {
			return p.Year - 1
		}
	}
	return p.Year
}

// StartsYear reports whether p is the first period of its year.
func (p Period) StartsYear(fyStart int) bool {
	switch p.Freq {
	case Quarterly:
		return p.Sub == 1
	case Monthly:
		return p.Sub == p.StartMonth(fyStart)
	}
	return true
}

// yearSpan writes "2022/23" for a year starting in 2022.
func yearSpan(y int, sep string) string {
	return string(appendYearSpan(make([]byte, 0, 8), y, sep))
}

func appendYearSpan(b []byte, y int, sep string) []byte {
	b = appendZeroPadded(b, y, 4)
	b = append(b, sep...)
	return appendZeroPadded(b, (y+1)%100, 2)
}

// appendZeroPadded appends n as fmt's %0<width>d writes it: the sign
// first, then zeros up to width characters in all.
func appendZeroPadded(b []byte, n, width int) []byte {
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u
		width--
	}
	var digits [20]byte
	d := strconv.AppendUint(digits[:0], u, 10)
	for i := len(d); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

// spansYears reports whether p's years are written "2022/23" (financial
// and academic) rather than "2022" (calendar).
func (p Period) spansYears() bool { return p.Cal.Year != CalendarYear }

// year writes the year that starts in y: "2022/23" or "2022".
func (p Period) year(y int, sep string) string {
	return string(p.appendYear(make([]byte, 0, 8), y, sep))
}

func (p Period) appendYear(b []byte, y int, sep string) []byte {
	if p.spansYears() {
		return appendYearSpan(b, y, sep)
	}
	return appendZeroPadded(b, y, 4)
}

// String is the canonical spelling: "2022/23 Q1", "2022 Q2", "2022-04",
// "2022/23", "2022", "2020 to 2022", "2017/18 to 2019/20". It is built
// in one buffer (a period is named for every row of every table).
func (p Period) String() string {
	var buf [32]byte
	b := buf[:0]
	switch p.Freq {
	case Quarterly:
		b = append(p.appendYear(b, p.Year, "/"), " Q"...)
		b = strconv.AppendInt(b, int64(p.Sub), 10)
	case Monthly:
		b = append(appendZeroPadded(b, p.Year, 4), '-')
		b = appendZeroPadded(b, p.Sub, 2)
	case Annual:
		b = p.appendYear(b, p.Year, "/")
	case MultiYear:
		b = append(p.appendYear(b, p.Year, "/"), " to "...)
		b = p.appendYear(b, p.Year+p.Span-1, "/")
	default:
		return ""
	}
	return string(b)
}

// Slug is the URL form: "2022-23-q1", "2022-q2", "2022-04", "2022-23",
// "2022", "2020-to-2022", "2017-18-to-2019-20".
func (p Period) Slug() string {
	var buf [32]byte
	b := buf[:0]
	switch p.Freq {
	case Quarterly:
		b = append(p.appendYear(b, p.Year, "-"), "-q"...)
		b = strconv.AppendInt(b, int64(p.Sub), 10)
	case Monthly:
		b = append(appendZeroPadded(b, p.Year, 4), '-')
		b = appendZeroPadded(b, p.Sub, 2)
	case Annual:
		b = p.appendYear(b, p.Year, "-")
	case MultiYear:
		b = append(p.appendYear(b, p.Year, "-"), "-to-"...)
		b = p.appendYear(b, p.Year+p.Span-1, "-")
	default:
		return ""
	}
	return string(b)
}

// Short is a compact axis label: "Q1 22/23", "Q2 2022", "Apr 22",
// "22/23", "2022", "2020-22", "17/18-19/20".
func (p Period) Short() string {
	short := func(y int) string {
		if p.spansYears() {
			return fmt.Sprintf("%02d/%02d", y%100, (y+1)%100)
		}
		return fmt.Sprintf("%04d", y)
	}
	switch p.Freq {
	case Quarterly:
		return fmt.Sprintf("Q%d %s", p.Sub, short(p.Year))
	case Monthly:
		return fmt.Sprintf("%s %02d", time.Month(p.Sub).String()[:3], p.Year%100)
	case Annual:
		return short(p.Year)
	case MultiYear:
		last := p.Year + p.Span - 1
		if !p.spansYears() {
			return fmt.Sprintf("%04d-%02d", p.Year, last%100)
		}
		return short(p.Year) + "-" + short(last)
	}
	return ""
}

// Months returns the first and last calendar month of p as (year, month)
// pairs, for a financial year starting in month fyStart.
func (p Period) Months(fyStart int) (y1 int, m1 time.Month, y2 int, m2 time.Month) {
	startMonth := p.StartMonth(fyStart)
	var start, months int // start: months after January of p.Year
	switch p.Freq {
	case Monthly:
		return p.Year, time.Month(p.Sub), p.Year, time.Month(p.Sub)
	case Quarterly:
		start, months = startMonth-1+(p.Sub-1)*3, 3
	case MultiYear:
		start, months = startMonth-1, 12*max(p.Span, 1)
	default:
		start, months = startMonth-1, 12
	}
	end := start + months - 1
	return p.Year + start/12, time.Month(start%12 + 1), p.Year + end/12, time.Month(end%12 + 1)
}

// monthSpan is "April to June 2022" or "April 2022 to March 2023".
func (p Period) monthSpan(fyStart int) string {
	y1, m1, y2, m2 := p.Months(fyStart)
	if y1 == y2 {
		return fmt.Sprintf("%s to %s %d", m1, m2, y2)
	}
	return fmt.Sprintf("%s %d to %s %d", m1, y1, m2, y2)
}

// Words describes p in plain English: "April to June 2022", "April 2022",
// "April 2022 to March 2023", "2022", "2022/23 academic year (September
// 2022 to August 2023)", "2020 to 2022 (pooled)", "April 2017 to March
// 2020 (pooled)".
func (p Period) Words(fyStart int) string {
	switch {
	case p.Freq == Monthly:
		y1, m1, _, _ := p.Months(fyStart)
		return fmt.Sprintf("%s %d", m1, y1)
	case p.Freq == Annual && p.Cal.Year == CalendarYear:
		return p.String()
	case p.Freq == Annual && p.Cal.Year == AcademicYear:
		return fmt.Sprintf("%s academic year (%s)", p, p.monthSpan(fyStart))
	case p.Freq == MultiYear && p.Cal.Year == CalendarYear:
		return p.String() + " (pooled)"
	case p.Freq == MultiYear:
		return p.monthSpan(fyStart) + " (pooled)"
	}
	return p.monthSpan(fyStart)
}

// Long is Words followed by the canonical spelling in brackets where the
// words do not already say it: "April to June 2022 (2022/23 Q1)",
// "April 2022", "2022", "April 2017 to March 2020 (pooled, 2017/18 to
// 2019/20)".
func (p Period) Long(fyStart int) string {
	switch {
	case p.Freq == Monthly, p.Freq == Annual && p.Cal.Year != FinancialYear:
		return p.Words(fyStart)
	case p.Freq == MultiYear && p.Cal.Year == CalendarYear:
		return p.Words(fyStart)
	case p.Freq == MultiYear:
		return fmt.Sprintf("%s (pooled, %s)", p.monthSpan(fyStart), p)
	}
	return fmt.Sprintf("%s (%s)", p.Words(fyStart), p)
}

// End returns the last day of p. A period is placed on the time axis by
// its end (SPEC 3.8).
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

// ParsePeriod reads a financial-year period of frequency f in any
// spelling SPEC 3.5 accepts. The error says what was expected.
func ParsePeriod(s string, f Frequency) (Period, error) {
	return ParsePeriodIn(s, f, Calendar{})
}

// ParsePeriodIn reads a period of frequency f and kind of year c.Year in
// any spelling SPEC 3.5 and 3.8 accept. The error says what was expected.
func ParsePeriodIn(s string, f Frequency, c Calendar) (Period, error) {
	t := strings.TrimSpace(s)
	spans := c.Year != CalendarYear
	var (
		p  Period
		ok bool
	)
	switch f {
	case Quarterly:
		if spans {
			p, ok = parseQuarter(t)
		} else {
			p, ok = parseCalendarQuarter(t)
		}
	case Monthly:
		p, ok = parseMonth(t)
	case Annual:
		var y int
		if spans {
			y, ok = parseYearSpan(t)
		} else {
			y, ok = parseYear(t)
		}
		p = Period{Freq: Annual, Year: y}
	case MultiYear:
		p, ok = parseMultiYear(t, spans)
	default:
		return Period{}, fmt.Errorf("period %q: unknown frequency", s)
	}
	if !ok {
		return Period{}, fmt.Errorf("%q is not %s", s, expected(f, c.Year))
	}
	// Months are calendar months whatever the kind; the kind still says
	// where a year (for ytd) starts.
	p.Cal = c
	if c.Year != AcademicYear {
		p.Cal.AcademicStart = 0
	}
	return p, nil
}

// expected names the spelling a period of frequency f and kind k takes.
func expected(f Frequency, k YearKind) string {
	switch {
	case f == Monthly:
		return `a month; expected a monthly period such as "2022-04" or "Apr 2022"`
	case f == Quarterly && k == CalendarYear:
		return `a calendar quarter; expected a quarterly period such as "2022 Q2" or "Q2 2022"`
	case f == Quarterly && k == AcademicYear:
		return `a quarter; expected a quarterly period of the academic year such as "2022/23 Q1"`
	case f == Quarterly:
		return `a quarter; expected a quarterly period such as "2022/23 Q1"`
	case f == Annual && k == CalendarYear:
		return `a calendar year; expected an annual period such as "2022"`
	case f == Annual:
		return fmt.Sprintf(`a %s year; expected an annual period such as "2022/23"`, k)
	case k == CalendarYear:
		return `a span of calendar years; expected a multi_year period such as "2020 to 2022"`
	}
	return fmt.Sprintf(`a span of %s years; expected a multi_year period such as "2017/18 to 2019/20"`, k)
}

// ParseAnyPeriod reads a period whose frequency is not known in advance,
// trying the financial-year quarterly, monthly and annual spellings, then
// the calendar-year ones ("2022 Q2", "2022") and multi-year spans.
func ParseAnyPeriod(s string) (Period, error) {
	for _, c := range []Calendar{{}, {Year: CalendarYear}} {
		for _, f := range []Frequency{Quarterly, Monthly, Annual, MultiYear} {
			if c.Year == CalendarYear && f == Monthly {
				continue
			}
			if p, err := ParsePeriodIn(s, f, c); err == nil {
				return p, nil
			}
		}
	}
	return Period{}, fmt.Errorf("%q is not a period; expected \"2022/23 Q1\", \"2022-04\", \"2022/23\", \"2022 Q2\" or \"2022\"", s)
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

// parseYear reads a calendar year "2022".
func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	return digits(s)
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

// quarterNumber reads "Q1".."Q4" (the Q in either case).
func quarterNumber(x string) (int, bool) {
	if len(x) != 2 || (x[0] != 'Q' && x[0] != 'q') || x[1] < '1' || x[1] > '4' {
		return 0, false
	}
	return int(x[1] - '0'), true
}

// parseQuarter reads "2022/23 Q1", "2022-23 Q1", "Q1 2022/23", "2022/23-Q1"
// (the Q in either case).
func parseQuarter(s string) (Period, bool) {
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
	n, ok := quarterNumber(quarterPart)
	if !ok {
		return Period{}, false
	}
	return Period{Freq: Quarterly, Year: y, Sub: n}, true
}

// parseCalendarQuarter reads "2022 Q2" or "Q2 2022".
func parseCalendarQuarter(s string) (Period, bool) {
	a, b, ok := strings.Cut(s, " ")
	if !ok {
		return Period{}, false
	}
	if len(a) == 2 {
		a, b = b, a
	}
	y, ok := parseYear(a)
	if !ok {
		return Period{}, false
	}
	n, ok := quarterNumber(b)
	if !ok {
		return Period{}, false
	}
	return Period{Freq: Quarterly, Year: y, Sub: n}, true
}

// parseMultiYear reads "2020 to 2022" or "2020-2022" (calendar years), or
// "2017/18 to 2019/20" or "2017-18 to 2019-20" (financial or academic
// years): two or more years, the first before the last.
func parseMultiYear(s string, spans bool) (Period, bool) {
	a, b, ok := strings.Cut(s, " to ")
	if !ok && !spans && len(s) == 9 && s[4] == '-' {
		a, b, ok = s[:4], s[5:], true
	}
	if !ok {
		return Period{}, false
	}
	read := parseYear
	if spans {
		read = parseYearSpan
	}
	y1, ok1 := read(strings.TrimSpace(a))
	y2, ok2 := read(strings.TrimSpace(b))
	if !ok1 || !ok2 || y2 <= y1 || y2-y1 > 99 {
		return Period{}, false
	}
	return Period{Freq: MultiYear, Year: y1, Span: y2 - y1 + 1}, true
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
