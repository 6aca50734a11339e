package render

import (
	"strings"
	"testing"
)

// A URL that plainURL lets through unchanged is one that the full
// normaliser and escaper would leave unchanged too.
func TestPlainURLNeedsNoEscaping(t *testing.T) {
	cases := append([]string{"../../", "../../committees/all/", "https://example.org/a?b=c#d", "#note-3",
		"a!b$c*d,e;f@g[h]i~j", "note-", "x%41", "a'b", `a"b`, "a&b", "a+b", "a<b", "é", "a b", "\x00"}, hostile...)
	for _, s := range cases {
		for _, norm := range []bool{true, false} {
			if !plainURL(s, norm) {
				continue
			}
			var b, w strings.Builder
			processURL(s, norm, &b)
			escText(&w, b.String())
			if w.String() != s {
				t.Errorf("plainURL(%q, %v), but it is written %q", s, norm, w.String())
			}
		}
	}
}
