package format

import (
	"strconv"
	"time"

	"kpisite/generator/model"
)

// The Lang forms of model.Period's labels: in English they are byte for
// byte model.Period's String, Short, Words and Long.

func (l *Lang) year(p model.Period, y int) string {
	if p.Cal.Year != model.CalendarYear {
		return string(zeroPad(append(zeroPad(make([]byte, 0, 7), y, 4), '/'), (y+1)%100, 2))
	}
	return string(zeroPad(make([]byte, 0, 4), y, 4))
}

// Period is p's canonical spelling in words people read: "2022/23 Q1",
// "2022-04", "2022/23", "2020 to 2022" (Welsh "2022/23 Ch1", "2020 i 2022").
func (l *Lang) Period(p model.Period) string {
	switch p.Freq {
	case model.Quarterly:
		return fill3(l.quarter, "{year}", l.year(p, p.Year), "{n}", itoa(p.Sub), "", "")
	case model.MultiYear:
		return fill3(l.multiYear, "{from}", l.year(p, p.Year), "{to}", l.year(p, p.Year+p.Span-1), "", "")
	}
	return p.String()
}

// Short is p's compact axis label: "Q1 22/23", "Apr 22", "2020-22".
func (l *Lang) Short(p model.Period) string {
	switch p.Freq {
	case model.Quarterly:
		var buf [16]byte
		y := zeroPad(buf[:0], p.Year, 4)
		if p.Cal.Year != model.CalendarYear {
			y = zeroPad(append(zeroPad(buf[:0], p.Year%100, 2), '/'), (p.Year+1)%100, 2)
		}
		return fill3(l.quarterShort, "{n}", itoa(p.Sub), "{year}", string(y), "", "")
	case model.Monthly:
		if p.Sub >= 1 && p.Sub <= 12 {
			b := append(make([]byte, 0, len(l.monthsShort[p.Sub])+3), l.monthsShort[p.Sub]...)
			return string(zeroPad(append(b, ' '), p.Year%100, 2))
		}
	}
	return p.Short()
}

// monthSpan is "April to June 2022" or "April 2022 to March 2023".
func (l *Lang) monthSpan(p model.Period, fyStart int) string {
	y1, m1, y2, m2 := p.Months(fyStart)
	if y1 == y2 {
		return fill3(l.spanSameYear, "{from}", l.Month(m1), "{to}", l.MonthTo(m2), "{year}", itoa(y2))
	}
	return fill(l.spanTwoYears, "{from}", l.Month(m1), "{year1}", itoa(y1), "{to}", l.MonthTo(m2), "{year2}", itoa(y2))
}

// Words describes p: "April to June 2022", "April 2022", "2022/23
// academic year (September 2022 to August 2023)", "2020 to 2022 (pooled)".
func (l *Lang) Words(p model.Period, fyStart int) string {
	switch {
	case p.Freq == model.Monthly:
		y1, m1, _, _ := p.Months(fyStart)
		return l.MonthYear(m1, y1)
	case p.Freq == model.Annual && p.Cal.Year == model.CalendarYear:
		return l.Period(p)
	case p.Freq == model.Annual && p.Cal.Year == model.AcademicYear:
		return fill3(l.academic, "{year}", l.Period(p), "{months}", l.monthSpan(p, fyStart), "", "")
	case p.Freq == model.MultiYear && p.Cal.Year == model.CalendarYear:
		return fill3(l.pooled, "{period}", l.Period(p), "", "", "", "")
	case p.Freq == model.MultiYear:
		return fill3(l.pooled, "{period}", l.monthSpan(p, fyStart), "", "", "", "")
	}
	return l.monthSpan(p, fyStart)
}

// Long is Words with the canonical spelling in brackets where the words
// do not already say it: "April to June 2022 (2022/23 Q1)".
func (l *Lang) Long(p model.Period, fyStart int) string {
	switch {
	case p.Freq == model.Monthly, p.Freq == model.Annual && p.Cal.Year != model.FinancialYear:
		return l.Words(p, fyStart)
	case p.Freq == model.MultiYear && p.Cal.Year == model.CalendarYear:
		return l.Words(p, fyStart)
	case p.Freq == model.MultiYear:
		return fill3(l.pooledLong, "{months}", l.monthSpan(p, fyStart), "{period}", l.Period(p), "", "")
	}
	return fill3(l.long, "{words}", l.Words(p, fyStart), "{period}", l.Period(p), "", "")
}

// MonthYear writes "April 2022".
func (l *Lang) MonthYear(m time.Month, y int) string {
	return fill3(l.monthYear, "{month}", l.Month(m), "{year}", itoa(y), "", "")
}

// Figure is format.Figure in l's unit words.
func (l *Lang) Figure(v model.Value, ind *model.Indicator) string {
	if !v.Valid {
		return ""
	}
	return l.FigureOf(v.V, ind.Unit, ind.Decimals, ind.RatePer)
}

// FigureOf is format.FigureOf in l's unit words: "12.5 hours", "3.2 per 100,000".
func (l *Lang) FigureOf(v float64, unit model.Unit, decimals int, ratePer float64) string {
	n := Number(v, decimals)
	switch unit {
	case model.UnitHours:
		if n == "1" {
			return fill3(l.hour, "{n}", n, "", "", "", "")
		}
		return fill3(l.hours, "{n}", n, "", "", "", "")
	case model.UnitDays:
		if n == "1" {
			return fill3(l.day, "{n}", n, "", "", "", "")
		}
		return fill3(l.days, "{n}", n, "", "", "", "")
	case model.UnitRate:
		return fill3(l.ratePer, "{n}", n, "{per}", Number(ratePerOrDefault(ratePer), 0), "", "")
	}
	return FigureOf(v, unit, decimals, ratePer)
}

// UnitLabel is format.UnitLabel in l's words: "Number", "Rate per 100,000".
func (l *Lang) UnitLabel(ind *model.Indicator) string {
	if ind.UnitLabel != "" {
		return UnitLabel(ind)
	}
	if ind.Unit == model.UnitRate {
		return fill3(l.rateLabel, "{per}", Number(ratePerOrDefault(ind.RatePer), 0), "", "", "", "")
	}
	if w, ok := l.units[ind.Unit]; ok {
		return w
	}
	return l.units[model.UnitCount]
}

// Count writes n things with the counted phrase key: "1 chart", "2 charts".
func (l *Lang) Count(key string, n int) string { return l.W.N(key, n) }

func itoa(n int) string { return strconv.Itoa(n) }

// zeroPad appends n as fmt's %0*d does with width w: at least w digits,
// zeros first (after the minus of a negative n).
func zeroPad(b []byte, n, w int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
		w--
	}
	var d [20]byte
	t := strconv.AppendInt(d[:0], int64(n), 10)
	for k := len(t); k < w; k++ {
		b = append(b, '0')
	}
	return append(b, t...)
}
