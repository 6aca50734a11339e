package main

import (
	"fmt"
	"strings"
	"unicode"

	"kpisite/generator/model"
)

// maxPerFile is the most problems listed for one file; the rest are
// counted in one line "... and N more in FILE".
const maxPerFile = 50

// safeText makes untrusted text (file names, cell contents inside
// messages) safe to print on a terminal or in a CI log: control
// characters, escape sequences, line and paragraph separators and
// bidirectional overrides are written as Go escapes (\x1b, \n, \u202e),
// so no cell can add a line, colour the terminal or reorder what is
// shown; and a line cannot start with "::", so it can never be read as a
// GitHub Actions workflow command (::error::, ::add-mask::,
// ::stop-commands::).
func safeText(s string) string {
	out := escapeControls(s)
	if rest := strings.TrimLeft(out, " "); strings.HasPrefix(rest, "::") {
		out = out[:len(out)-len(rest)] + `\x3a` + rest[1:]
	}
	return out
}

// escapeControls writes control and invisible direction characters as Go
// escapes.
func escapeControls(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == unicode.ReplacementChar:
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == '\u2028' || r == '\u2029' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f' || r == '\u061c':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// problemLine is one problem as a line of text output.
func problemLine(p model.Problem) string {
	return safeText(p.String())
}
