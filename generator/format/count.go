package format

import "strconv"

// Count writes a number of things with the noun in the right number:
// Count(1, "chart", "charts") = "1 chart", Count(2, …) = "2 charts".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Number(float64(n), 0) + " " + many
}

// Ordinal writes 1st, 2nd, 3rd, 4th, 11th, 21st.
func Ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// Quartile names a quartile of a ranked group, 1 being the best:
// "best quarter", "second quarter", "third quarter", "worst quarter";
// "" for anything else.
func Quartile(q int) string {
	switch q {
	case 1:
		return "best quarter"
	case 2:
		return "second quarter"
	case 3:
		return "third quarter"
	case 4:
		return "worst quarter"
	}
	return ""
}
