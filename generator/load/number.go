package load

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseNumber reads a figure as analysts write it in a spreadsheet:
// "1234", "1,234", "-12.5", "65%", "£1,234.50". Surrounding spaces are
// ignored. Thousands separators must make groups of three digits; a
// percent sign (at the end) or a pound sign (after any minus sign) is
// allowed but not both, and neither changes the number ("65%" is 65). A
// Unicode minus sign (U+2212) counts as "-". NaN, infinities, hexadecimal,
// exponents, a leading "+" and a bare "." are not numbers.
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	neg := false
	switch {
	case strings.HasPrefix(t, "-"):
		neg, t = true, t[1:]
	case strings.HasPrefix(t, "\u2212"):
		neg, t = true, t[len("\u2212"):]
	}
	pound := strings.HasPrefix(t, "£")
	t = strings.TrimPrefix(t, "£")
	percent := strings.HasSuffix(t, "%")
	t = strings.TrimSuffix(t, "%")
	if pound && percent {
		return 0, notNumber(s)
	}
	intPart, frac, hasPoint := strings.Cut(t, ".")
	if intPart == "" || (hasPoint && frac == "") || !allDigits(frac) {
		return 0, notNumber(s)
	}
	grouped := strings.Contains(intPart, ",")
	if grouped {
		groups := strings.Split(intPart, ",")
		if !allDigits(groups[0]) || !allDigits(strings.Join(groups[1:], "")) {
			return 0, notNumber(s)
		}
		if groups[0] == "" || len(groups[0]) > 3 {
			return 0, misplacedSeparator(s)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, misplacedSeparator(s)
			}
		}
		intPart = strings.Join(groups, "")
	} else if !allDigits(intPart) {
		return 0, notNumber(s)
	}
	lit := t // the number as written, unless its separators were taken out
	if grouped {
		lit = intPart
		if hasPoint {
			lit += "." + frac
		}
	}
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil || math.IsInf(v, 0) {
		var ne *strconv.NumError
		if errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("%q is too large; expected a number below 1e308", s)
		}
		return 0, notNumber(s)
	}
	if neg && v != 0 {
		v = -v
	}
	return v, nil
}

func notNumber(s string) error {
	t := strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(t, "#") && len(t) > 1:
		return fmt.Errorf("%q is a spreadsheet error, not a number; expected a number, or the value left empty with flag x (not available) if there is no figure", s)
	case isNotAvailable(t):
		return fmt.Errorf("%q is not a number; expected the value left empty and flag x (not available), or flag z (not applicable)", s)
	case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) > 2:
		if _, err := ParseNumber(t[1 : len(t)-1]); err == nil {
			return fmt.Errorf("%q is a negative number written in brackets, as accounts show it; expected -%s", s, strings.TrimSpace(t[1:len(t)-1]))
		}
	}
	return fmt.Errorf("%q is not a number; expected a number such as 1234, 1,234 or 65%%", s)
}

// isNotAvailable reports whether s is how spreadsheets and reports write
// "no figure": n/a, N/A, NA, -, –, —, .., :, null.
func isNotAvailable(s string) bool {
	switch strings.ToLower(s) {
	case "n/a", "na", "n.a.", "-", "\u2013", "\u2014", "..", ":", "null", "none", "nil", "not available":
		return true
	}
	return false
}

func misplacedSeparator(s string) error {
	return fmt.Errorf("%q has a misplaced thousands separator; expected groups of three digits such as 1,234 (write a decimal point as 1.5, not 1,5)", s)
}

// allDigits reports whether s holds only ASCII digits (true for "").
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// decimalsWritten is how many digits follow the decimal point in s.
func decimalsWritten(s string) int {
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(t, "%")
	if _, frac, ok := strings.Cut(t, "."); ok {
		return len(frac)
	}
	return 0
}
