package i18n

import "strings"

// PluralForm is the CLDR plural category of the whole number n in lang:
// "zero", "one", "two", "few", "many" or "other". Welsh uses all six
// (0 zero, 1 one, 2 two, 3 few, 6 many, else other); English and the
// languages not listed here use one and other.
func PluralForm(lang string, n int) string {
	if n < 0 {
		n = -n
	}
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "cy":
		switch n {
		case 0:
			return "zero"
		case 1:
			return "one"
		case 2:
			return "two"
		case 3:
			return "few"
		case 6:
			return "many"
		}
		return "other"
	}
	if n == 1 {
		return "one"
	}
	return "other"
}
