package format

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"kpisite/generator/i18n"
	"kpisite/generator/model"
)

// Lang writes dates, periods, statuses and counted words in one language.
// It looks every word up once, when it is made (NewLang), so writing a
// label costs no lookups: make one per language per build and share it.
// Numbers are written the same way in every language the default theme
// ships ("1,234.5": Welsh uses the same separators as English).
type Lang struct {
	W *i18n.Words

	months, monthsShort [13]string
	monthsTo            [13]string // a month's name after "to" (Welsh mutates: "Ebrill i Fehefin")
	status              map[model.Status]string
	direction           map[model.Direction]string

	date, monthYear, spanSameYear, spanTwoYears, quarter, quarterShort string
	academic, pooled, pooledLong, long, multiYear, ordinal, quartiles  string
	quartile                                                           [5]string
	units                                                              map[model.Unit]string
	ratePer, rateLabel, hour, hours, day, days                         string
}

var english = sync.OnceValue(func() *Lang { return NewLang(i18n.English()) })

// English is the Lang of the default theme's British English words.
func English() *Lang { return english() }

// LangOr is l, or English when l is nil.
func LangOr(l *Lang) *Lang {
	if l == nil {
		return English()
	}
	return l
}

// NewLang looks up the words of w (nil: English) that Lang writes.
func NewLang(w *i18n.Words) *Lang {
	w = i18n.Or(w)
	l := &Lang{W: w, status: map[model.Status]string{}, direction: map[model.Direction]string{}, units: map[model.Unit]string{}}
	for m := 1; m <= 12; m++ {
		l.months[m] = w.T("month." + strconv.Itoa(m))
		l.monthsShort[m] = w.T("month_short." + strconv.Itoa(m))
		l.monthsTo[m] = w.T("month_to." + strconv.Itoa(m))
	}
	for _, s := range []model.Status{model.Green, model.Amber, model.Red, model.NoTarget, model.NoData, model.Withheld} {
		l.status[s] = w.T("status." + statusKey(s))
	}
	for _, d := range []model.Direction{model.NoComparison, model.Improving, model.Worsening, model.NoChange, model.Up, model.Down, model.NoSignificantChange} {
		l.direction[d] = w.T("direction." + directionKey(d))
	}
	for _, u := range []model.Unit{model.UnitCount, model.UnitScore, model.UnitRatio, model.UnitRank, model.UnitPercent, model.UnitHours, model.UnitDays, model.UnitCurrency} {
		l.units[u] = w.T("unit." + string(u))
	}
	l.ratePer = w.T("unit.rate")
	l.rateLabel = w.T("unit.rate_label")
	l.hour, l.hours, l.day, l.days = w.T("unit.hour"), w.T("unit.hours_n"), w.T("unit.day"), w.T("unit.days_n")
	l.date = w.T("date.long")
	l.monthYear = w.T("period.month_year")
	l.spanSameYear = w.T("period.span_same_year")
	l.spanTwoYears = w.T("period.span_two_years")
	l.quarter = w.T("period.quarter")
	l.quarterShort = w.T("period.quarter_short")
	l.academic = w.T("period.academic")
	l.pooled = w.T("period.pooled")
	l.pooledLong = w.T("period.pooled_long")
	l.long = w.T("period.long")
	l.multiYear = w.T("period.multi_year")
	l.ordinal = w.T("number.ordinal")
	for q := 1; q <= 4; q++ {
		l.quartile[q] = w.T("quartile." + strconv.Itoa(q))
	}
	return l
}

func statusKey(s model.Status) string {
	switch s {
	case model.NoTarget:
		return "no_target"
	case model.NoData, "":
		return "no_data"
	}
	return string(s)
}

func directionKey(d model.Direction) string {
	switch d {
	case model.NoComparison:
		return "none"
	case model.NoChange:
		return "no_change"
	case model.NoSignificantChange:
		return "no_significant_change"
	}
	return string(d)
}

// Status is a status as a word for people: "On target".
func (l *Lang) Status(s model.Status) string {
	if w, ok := l.status[s]; ok {
		return w
	}
	return l.status[model.NoData]
}

// Direction is a direction of travel as words for people: "Improving".
func (l *Lang) Direction(d model.Direction) string {
	if w, ok := l.direction[d]; ok {
		return w
	}
	return l.direction[model.NoComparison]
}

// T is the words of key (package i18n).
func (l *Lang) T(key string, args ...string) string { return l.W.T(key, args...) }

// N is the counted phrase key for n (package i18n).
func (l *Lang) N(key string, n int, args ...string) string { return l.W.N(key, n, args...) }

// Month is the name of month m: "July".
func (l *Lang) Month(m time.Month) string {
	if m < 1 || m > 12 {
		return ""
	}
	return l.months[m]
}

// MonthTo is the name of month m where it follows "to" in a span of
// months ("April to June"): in Welsh, mutated ("Ebrill i Fehefin").
func (l *Lang) MonthTo(m time.Month) string {
	if m < 1 || m > 12 {
		return ""
	}
	return l.monthsTo[m]
}

// Date writes "21 July 2022" ("21 Gorffennaf 2022"); the zero time is "".
func (l *Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fill3(l.date, "{day}", strconv.Itoa(t.Day()), "{month}", l.months[t.Month()], "{year}", strconv.Itoa(t.Year()))
}

// Quartile names quartile q of a ranked group (1 best); "" outside 1-4.
func (l *Lang) Quartile(q int) string {
	if q < 1 || q > 4 {
		return ""
	}
	return l.quartile[q]
}

// Ordinal writes 1st, 2nd, 3rd in English; in a language whose ordinal
// pattern has no {suffix} ("{n}fed"), the pattern with {n} filled.
func (l *Lang) Ordinal(n int) string {
	return fill3(l.ordinal, "{n}", strconv.Itoa(n), "{suffix}", Ordinal(n)[len(strconv.Itoa(n)):], "", "")
}

// fill3 is fill with up to three placeholders (an empty key is none).
func fill3(s, k1, v1, k2, v2, k3, v3 string) string {
	return fill(s, k1, v1, k2, v2, k3, v3, "", "")
}

// fill replaces up to four placeholders ("{name}") in s, each wherever it
// appears, in one pass and one allocation.
func fill(s, k1, v1, k2, v2, k3, v3, k4, v4 string) string {
	out := make([]byte, 0, len(s)+len(v1)+len(v2)+len(v3)+len(v4))
	for i := 0; i < len(s); {
		if s[i] == '{' {
			switch {
			case k1 != "" && strings.HasPrefix(s[i:], k1):
				out, i = append(out, v1...), i+len(k1)
				continue
			case k2 != "" && strings.HasPrefix(s[i:], k2):
				out, i = append(out, v2...), i+len(k2)
				continue
			case k3 != "" && strings.HasPrefix(s[i:], k3):
				out, i = append(out, v3...), i+len(k3)
				continue
			case k4 != "" && strings.HasPrefix(s[i:], k4):
				out, i = append(out, v4...), i+len(k4)
				continue
			}
		}
		out = append(out, s[i])
		i++
	}
	return string(out)
}
