package render

import (
	"fmt"
	"html/template"
	"strings"
)

// The writers of repeated fragments (rows.go) escape as html/template
// escapes the same text in the same place, so their output is byte for
// byte what the theme's templates made (rows_test.go proves it), without
// html/template's reflective calls, which cost most of a large build.

// escText writes s as html/template writes a string in text or in a quoted
// attribute: template.HTMLEscapeString, which html/template extends to "+".
func escText(w *strings.Builder, s string) {
	if strings.IndexAny(s, "\x00\"'&+<>") < 0 {
		w.WriteString(s)
		return
	}
	w.WriteString(strings.ReplaceAll(template.HTMLEscapeString(s), "+", "&#43;"))
}

// escURL writes s as html/template writes a string that starts a URL
// attribute (href, src): a URL of any scheme but http, https and mailto
// becomes "#ZgotmplZ", and bytes outside URLs are percent-encoded.
func escURL(w *strings.Builder, s string) {
	if proto, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(proto, "/") &&
		!strings.EqualFold(proto, "http") && !strings.EqualFold(proto, "https") && !strings.EqualFold(proto, "mailto") {
		w.WriteString("#ZgotmplZ")
		return
	}
	if plainURL(s, true) {
		w.WriteString(s) // nothing to encode or escape: most links
		return
	}
	var b strings.Builder
	processURL(s, true, &b)
	escText(w, b.String())
}

// plainURL reports whether processURL and escText leave s as it is: only
// letters, digits and "-._~", and with norm the reserved characters
// processURL keeps but "&" and "+", which escText escapes.
func plainURL(s string, norm bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
		case c == '-' || c == '.' || c == '_' || c == '~':
		case norm && strings.IndexByte("!#$*,/:;=?@[]", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// escURLPart writes s as html/template writes a string in a URL's query
// or fragment: every byte but letters, digits and "-._~" percent-encoded.
func escURLPart(w *strings.Builder, s string) {
	if plainURL(s, false) {
		w.WriteString(s)
		return
	}
	var b strings.Builder
	processURL(s, false, &b)
	escText(w, b.String())
}

// processURL is html/template's URL normaliser (norm) and escaper.
func processURL(s string, norm bool, b *strings.Builder) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(b, "%%%02x", c)
		written = i + 1
	}
	b.WriteString(s[written:])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
