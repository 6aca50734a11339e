package chart

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks s into lines no wider than width at size, at spaces (a word
// longer than a line is cut). With maxLines > 0, text beyond the last line
// is dropped and the last line ends in an ellipsis.
func wrap(s string, width, size float64, bold bool, maxLines int) []string {
	var lines []string
	var cur []byte     // the line so far
	var curUnits int64 // its textUnits, summed word by word
	fits := func(t string) bool { return room(t, size, bold) <= width }
	fitsUnits := func(u int64) bool { return unitsWidth(u, size, bold)*slack <= width }
	space := textUnits(" ")
	flush := func() {
		lines = append(lines, string(cur))
		cur, curUnits = cur[:0], 0
	}
	for word := range strings.FieldsSeq(s) {
		for !fits(word) { // cut an overlong word at the last rune that fits
			cut := len(word)
			for cut > 1 && !fits(word[:cut]) {
				cut = prevRune(word, cut)
			}
			if cut <= 0 {
				_, cut = utf8.DecodeRuneInString(word)
			}
			if len(cur) > 0 {
				flush()
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
		}
		wu := textUnits(word)
		if len(cur) > 0 && !fitsUnits(curUnits+space+wu) {
			flush()
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
			curUnits += space
		}
		cur = append(cur, word...)
		curUnits += wu
	}
	if len(cur) > 0 {
		flush()
	}
	if maxLines > 0 && len(lines) > maxLines {
		last := lines[maxLines-1]
		for last != "" && !fits(last+"…") {
			last = strings.TrimRight(last[:prevRune(last, len(last))], " ")
		}
		lines = append(lines[:maxLines-1], last+"…")
	}
	return lines
}

// prevRune is the start of the rune before byte offset i of s.
func prevRune(s string, i int) int {
	i--
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}
