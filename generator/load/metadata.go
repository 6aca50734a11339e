package load

import (
	"strconv"
	"strings"
	"time"

	"kpisite/generator/model"
)

// readYear reads "year" (SPEC 3.8) into ind.Cal. A financial year that
// starts in January is the calendar year: its periods are written "2022
// Q1" and "2022", never "2022/23" (docs/decisions.md).
func readYear(t tomlTable, ind *model.Indicator, ys yearSettings) {
	if s, ok := t.str("year"); ok {
		k, err := model.ParseYearKind(strings.TrimSpace(s))
		if err != nil {
			t.errorf("year", "%s", badEnum(s, "a kind of year", []string{"financial", "calendar", "academic"}))
		}
		ind.Cal.Year = k
	}
	if ind.Cal.Year == model.FinancialYear && ys.fyStart == 1 {
		ind.Cal.Year = model.CalendarYear
	}
	if ind.Cal.Year == model.AcademicYear {
		ind.Cal.AcademicStart = uint8(ys.academicStart) // 0, or a month (siteconfig.go)
	}
}

// readMetadata reads unit_label, code, source_url, released,
// next_release, geography, footnotes and expected_lag (SPEC 3.8).
func readMetadata(t tomlTable, ind *model.Indicator) {
	ind.UnitLabel = t.text("unit_label")
	ind.Code = t.text("code")
	ind.Geography = t.text("geography")
	if s, ok := t.str("source_url"); ok {
		u := strings.TrimSpace(s)
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			t.errorf("source_url", "%q is not a web address; expected an address such as \"https://www.gov.uk/government/statistics/…\"", s)
		} else {
			ind.SourceURL = u
		}
	}
	ind.Released = dateOrText(t, "released")
	ind.NextRelease = dateOrText(t, "next_release")
	if l, ok := t.strings("footnotes"); ok {
		for _, f := range l {
			if f = strings.TrimSpace(f); f != "" {
				ind.Footnotes = append(ind.Footnotes, f)
			}
		}
	}
	if s, ok := t.str("expected_lag"); ok {
		n, err := parseLag(s)
		if err != nil {
			t.errorf("expected_lag", "%q %v; expected a number of months or years such as \"6 months\" or \"2 years\"", s, err)
		} else {
			ind.ExpectedLag = n
		}
	}
}

// dateOrText reads a TOML date (written as 2022-07-21) or a string shown
// as given ("TBC", "Autumn 2023").
func dateOrText(t tomlTable, k string) string {
	v, ok := t.m[k]
	if !ok {
		return ""
	}
	if d, ok := v.(time.Time); ok && d.Year() != 0 {
		return d.Format(time.DateOnly)
	}
	if _, ok := v.(string); ok {
		return t.text(k)
	}
	t.errorf(k, "%s; expected a date such as 2023-07-20 or text in quotes such as \"TBC\"", describe(v))
	return ""
}

// parseLag reads "6 months", "1 month", "2 years" or "1 year" as months.
func parseLag(s string) (int, error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) != 2 {
		return 0, errNotLag
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n < 1 || n > 1200 {
		return 0, errNotLag
	}
	switch f[1] {
	case "month", "months":
		return n, nil
	case "year", "years":
		return 12 * n, nil
	}
	return 0, errNotLag
}

type lagError struct{}

func (lagError) Error() string { return "is not a length of time" }

var errNotLag error = lagError{}
