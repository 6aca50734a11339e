package chart

import (
	"strings"
	"unicode/utf8"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// notes are the sentences written under the plot: why the line has gaps,
// why there is only a dot, what the shaded band means.
func notes(f *facts) []string {
	var out []string
	switch {
	case f.count == 1 && len(f.pts) == 1:
		out = append(out, "Only one period so far.")
	case f.count == 1:
		out = append(out, "Only one period has a figure so far.")
	}
	if n := len(f.noData); n > 0 {
		out = append(out, gapWord(n)+": no data for "+periodList(f.pts, f.noData, model.Period.Short)+".")
	}
	if n := len(f.withheld); n > 0 {
		out = append(out, gapWord(n)+": "+periodList(f.pts, f.withheld, model.Period.Short)+" withheld to protect privacy.")
	}
	if f.hasBand() {
		side := "below"
		if f.ind.Polarity == model.LowerIsBetter {
			side = "above"
		}
		out = append(out, "Shaded: up to "+format.Percent(f.tol)+" "+side+" the target (near target).")
	}
	return out
}

func gapWord(n int) string {
	if n == 1 {
		return "Gap"
	}
	return "Gaps"
}

// hasBand reports whether any period has a near-target band.
func (f *facts) hasBand() bool {
	for i := range f.pts {
		if _, ok := f.band(i); ok {
			return true
		}
	}
	return false
}

// wrap breaks s into lines no wider than width at size, at spaces (a word
// longer than a line is cut). With maxLines > 0, text beyond the last line
// is dropped and the last line ends in an ellipsis.
func wrap(s string, width, size float64, bold bool, maxLines int) []string {
	var lines []string
	var cur strings.Builder
	fits := func(t string) bool { return textWidth(t, size, bold) <= width }
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
