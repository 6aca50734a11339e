package render

// formulaSafe returns a text cell that a spreadsheet will not run as a
// formula (SPEC 3.8, downloads): a cell that starts with "=", "+", "-"
// or "@" and is not a number gets a leading apostrophe, which Excel and
// LibreOffice read as "text follows" and do not show. Numbers such as
// -12 or +3.5 are left as they are.
func formulaSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@':
		if isPlainNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// isPlainNumber reports whether s is a decimal number as a spreadsheet
// reads one: an optional sign, digits with at most one decimal point,
// and an optional exponent ("-12", "+3.5", "-1.2e3"). "Inf", "NaN",
// hexadecimal and digit separators are not numbers here.
func isPlainNumber(s string) bool {
	i := skipSign(s, 0)
	digits, dot := 0, false
	for ; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			digits++
		} else if c == '.' && !dot {
			dot = true
		} else {
			break
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i = skipSign(s, i+1)
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}

// skipSign returns the index after an optional sign at s[i].
func skipSign(s string, i int) int {
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		return i + 1
	}
	return i
}
