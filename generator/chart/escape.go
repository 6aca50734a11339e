package chart

import "unicode/utf8"

// appendEscaped appends s to b escaped for XML text and attribute values:
// & < > " ' become entities (so "]]>" cannot end anything early), and
// runes XML 1.0 does not allow (control characters, invalid UTF-8) become
// U+FFFD, so encoding/xml and browsers read the text back intact.
func appendEscaped(b []byte, s string) []byte {
	for _, r := range s {
		switch r {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&#34;"...)
		case '\'':
			b = append(b, "&#39;"...)
		default:
			if !xmlChar(r) {
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// xmlChar reports whether XML 1.0 allows r in a document. The decoder
// gives utf8.RuneError for invalid bytes, which is allowed and is what they
// are replaced with anyway.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
