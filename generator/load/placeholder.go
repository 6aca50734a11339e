package load

import (
	"bytes"
	"unicode/utf8"

	"kpisite/generator/model"
)

// Placeholder is the mark "kpisite new" leaves where the analyst has to
// write something.
const Placeholder = "FILL IN"

// placeholders warns about a file that still holds the FILL IN
// placeholders "kpisite new" writes, once per file, at the first one and
// with how many there are. In a TOML file, comment lines are skipped (the
// scaffold's comments mention FILL IN on purpose).
func placeholders(name string, src []byte, toml bool, ps *model.Problems) {
	var first model.Position
	n := 0
	line := 1
	for rest := src; len(rest) > 0; line++ {
		text := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			text, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if toml && bytes.HasPrefix(bytes.TrimLeft(text, " \t"), []byte("#")) {
			continue
		}
		for off := 0; ; {
			i := bytes.Index(text[off:], []byte(Placeholder))
			if i < 0 {
				break
			}
			if n == 0 {
				first = model.Position{Path: name, Line: line, Column: utf8.RuneCount(bytes.TrimPrefix(text[:off+i], []byte("\ufeff"))) + 1}
			}
			n++
			off += i + len(Placeholder)
		}
	}
	switch {
	case n == 1:
		ps.Warnf(first, "%q placeholder left by kpisite new; expected the real text in its place", Placeholder)
	case n > 1:
		ps.Warnf(first, "%q placeholder left by kpisite new, and %d more in this file; expected the real text in their place", Placeholder, n-1)
	}
}
