package load

import "fmt"

// IsSlug reports whether s is a slug: [a-z0-9][a-z0-9-]*, the form of
// every id that becomes part of a URL.
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// notSlug is the message for an id that is not a slug.
func notSlug(s, example string) string {
	return fmt.Sprintf("%q is not a valid id; expected lower-case letters, digits and hyphens, starting with a letter or digit, such as %q", s, example)
}
