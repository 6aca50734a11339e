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
	var cur strings.Builder
	fits := func(t string) bool { return room(t, size, bold) <= width }
	for _, word := range strings.Fields(s) {
		for !fits(word) { // cut an overlong word at the last rune that fits
			cut := len(word)
			for cut > 1 && !fits(word[:cut]) {
				cut = prevRune(word, cut)
			}
			if cut <= 0 {
				_, cut = utf8.DecodeRuneInString(word)
			}
			if cur.Len() > 0 {
				lines = append(lines, cur.String())
				cur.Reset()
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
		}
		if cur.Len() > 0 && !fits(cur.String()+" "+word) {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
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
