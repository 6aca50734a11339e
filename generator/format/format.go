// Package format writes numbers, figures and dates the way UK government
// publications do: "1,234", "65.0%", "£1.2m", "21 July 2022". It is pure and
// shared by the computation (summary sentences), charts and pages.
package format

import (
	"kpisite/generator/i18n"
	"math"
	"strconv"
	"strings"
	"time"

	"kpisite/generator/model"
)

// Number writes v with the given decimals and thousands separators:
// Number(1234.5, 1) = "1,234.5". Negative numbers take a hyphen-minus so
// that the text is the same in CSV, HTML and SVG.
func Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	if decimals < 0 {
		decimals = 0
	}
	s := RoundHalfUp(math.Abs(v), decimals)
	neg := v < 0 && strings.Trim(s, "0.") != ""
	intPart, frac, _ := strings.Cut(s, ".")
	if !neg && len(intPart) <= 3 && (frac != "" || len(intPart) == len(s)) {
		return s // nothing to group or add: most figures
	}
	var b strings.Builder
	b.Grow(len(s) + len(intPart)/3 + 1)
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(i18n.GroupDigits(intPart))
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// RoundHalfUp writes a non-negative v with exactly decimals digits after
// the point, rounding half away from zero on the shortest decimal form of
// v, so 12.25 becomes "12.3" and 1.005 becomes "1.01" as a person expects
// (binary rounding would give "12.2" and "1.00").
func RoundHalfUp(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) <= decimals {
		frac += strings.Repeat("0", decimals-len(frac))
		if decimals == 0 {
			return intPart
		}
		return intPart + "." + frac
	}
	roundUp := frac[decimals] >= '5'
	digits := []byte(intPart + frac[:decimals])
	if roundUp {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - decimals
	if decimals == 0 {
		return string(digits)
	}
	return string(digits[:n]) + "." + string(digits[n:])
}

// Decimals is the number of decimals an indicator shows.
func Decimals(ind *model.Indicator) int { return ind.Decimals }

// Figure writes a present value in the indicator's unit: "412", "65.0%",
// "£1,234", "12.5 hours", "3.2 per 100,000". A missing value is "".
func Figure(v model.Value, ind *model.Indicator) string {
	if !v.Valid {
		return ""
	}
	return FigureOf(v.V, ind.Unit, ind.Decimals, ind.RatePer)
}

// FigureOf is Figure for a bare number.
func FigureOf(v float64, unit model.Unit, decimals int, ratePer float64) string {
	n := Number(v, decimals)
	switch unit {
	case model.UnitPercent, model.UnitCurrency:
		return withSign(n, unit)
	case model.UnitHours:
		if n == "1" {
			return "1 hour"
		}
		return n + " hours"
	case model.UnitDays:
		if n == "1" {
			return "1 day"
		}
		return n + " days"
	case model.UnitRate:
		return n + " per " + Number(ratePerOrDefault(ratePer), 0)
	}
	return n
}

// Bare writes the number of a present value with the indicator's decimals
// and a % or £ sign but no unit words: for table cells whose header names
// the unit.
func Bare(v model.Value, ind *model.Indicator) string {
	if !v.Valid {
		return ""
	}
	return withSign(Number(v.V, ind.Decimals), ind.Unit)
}

// withSign adds the % or £ sign of a unit to a written number.
func withSign(n string, unit model.Unit) string {
	switch unit {
	case model.UnitPercent:
		return n + "%"
	case model.UnitCurrency:
		if strings.HasPrefix(n, "-") {
			return "-£" + n[1:]
		}
		return "£" + n
	}
	return n
}

func ratePerOrDefault(r float64) float64 {
	if r <= 0 {
		return 100000
	}
	return r
}

// UnitLabel describes the unit for axis titles and table headers:
// "Number", "Percentage", "Hours", "Days", "Rate per 100,000", "Pounds (£)".
//
// An indicator's own unit_label comes first ("Tonnes CO2e per person").
func UnitLabel(ind *model.Indicator) string {
	if ind.UnitLabel != "" {
		return strings.ToUpper(ind.UnitLabel[:1]) + ind.UnitLabel[1:]
	}
	switch ind.Unit {
	case model.UnitScore:
		return "Score"
	case model.UnitRatio:
		return "Ratio"
	case model.UnitRank:
		return "Rank"
	case model.UnitPercent:
		return "Percentage"
	case model.UnitHours:
		return "Hours"
	case model.UnitDays:
		return "Days"
	case model.UnitRate:
		return "Rate per " + Number(ratePerOrDefault(ind.RatePer), 0)
	case model.UnitCurrency:
		return "Pounds (£)"
	}
	return "Number"
}

// Compact writes an axis label: "1,234", "12k", "1.2m", "65%", "£1.2m".
// Numbers below 10,000 are written in full.
func Compact(v float64, unit model.Unit) string {
	a := math.Abs(v)
	var n string
	switch {
	case a >= 1e9:
		n = trimZero(strconv.FormatFloat(v/1e9, 'f', 1, 64)) + "bn"
	case a >= 1e6:
		n = trimZero(strconv.FormatFloat(v/1e6, 'f', 1, 64)) + "m"
	case a >= 1e4:
		n = trimZero(strconv.FormatFloat(v/1e3, 'f', 1, 64)) + "k"
	case a == math.Trunc(a):
		n = Number(v, 0)
	case a >= 10:
		n = Number(v, 1)
	default:
		n = trimZero(strconv.FormatFloat(v, 'f', 2, 64))
	}
	return withSign(n, unit)
}

func trimZero(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

// Date writes "21 July 2022"; the zero time is "".
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// ISODate writes "2022-07-21"; the zero time is "".
func ISODate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Percent writes a fraction as a whole percentage: 0.043 -> "4%". Below
// 1% it keeps one decimal ("0.4%").
func Percent(fraction float64) string {
	p := math.Abs(fraction) * 100
	if p < 1 && p > 0 {
		return trimZero(strconv.FormatFloat(p, 'f', 1, 64)) + "%"
	}
	return Number(math.Round(p), 0) + "%"
}
