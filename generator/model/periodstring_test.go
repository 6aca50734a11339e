package model

import (
	"fmt"
	"math"
	"testing"
)

// refYear, refString and refSlug are Period's spellings as fmt wrote them
// before they were appended into one buffer: the reference they must
// match for every period, sensible or not.
func refYear(p Period, y int, sep string) string {
	if p.spansYears() {
		return fmt.Sprintf("%04d%s%02d", y, sep, (y+1)%100)
	}
	return fmt.Sprintf("%04d", y)
}

func refString(p Period) string {
	switch p.Freq {
	case Quarterly:
		return fmt.Sprintf("%s Q%d", refYear(p, p.Year, "/"), p.Sub)
	case Monthly:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Sub)
	case Annual:
		return refYear(p, p.Year, "/")
	case MultiYear:
		return refYear(p, p.Year, "/") + " to " + refYear(p, p.Year+p.Span-1, "/")
	}
	return ""
}

func refSlug(p Period) string {
	switch p.Freq {
	case Quarterly:
		return fmt.Sprintf("%s-q%d", refYear(p, p.Year, "-"), p.Sub)
	case Monthly:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Sub)
	case Annual:
		return refYear(p, p.Year, "-")
	case MultiYear:
		return refYear(p, p.Year, "-") + "-to-" + refYear(p, p.Year+p.Span-1, "-")
	}
	return ""
}

func TestPeriodSpellingsMatchFmt(t *testing.T) {
	years := []int{math.MinInt, -10001, -1000, -101, -100, -99, -10, -9, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 1999, 2022, 2099, 9999, 10000, 123456, math.MaxInt}
	subs := []int{math.MinInt, -13, -1, 0, 1, 4, 9, 10, 12, 13, 100, math.MaxInt}
	n := 0
	for _, f := range []Frequency{0, Quarterly, Monthly, Annual, MultiYear, 99} {
		for _, cal := range []YearKind{FinancialYear, CalendarYear, AcademicYear} {
			for _, y := range years {
				for _, sub := range subs {
					for _, span := range []int{0, 1, 3} {
						p := Period{Freq: f, Year: y, Sub: sub, Span: span, Cal: Calendar{Year: cal}}
						if got, want := p.String(), refString(p); got != want {
							t.Errorf("%#v.String() = %q, want %q", p, got, want)
						}
						if got, want := p.Slug(), refSlug(p); got != want {
							t.Errorf("%#v.Slug() = %q, want %q", p, got, want)
						}
						n++
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no periods tried")
	}
}
