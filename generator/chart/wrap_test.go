package chart

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// wrapByStrings is wrap as it was first written, measuring every candidate
// line as a string; wrap sums the words' font units instead, and must
// break every text at the same places.
func wrapByStrings(s string, width, size float64, bold bool, maxLines int) []string {
	var lines []string
	var cur strings.Builder
	fits := func(t string) bool { return room(t, size, bold) <= width }
	for _, word := range strings.Fields(s) {
		for !fits(word) {
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

func TestWrapMatchesStringMeasure(t *testing.T) {
	pieces := []string{"a", "Number", "of", "referrals", "to", "the", "IDVA", "Service", "R&D", "<spend>",
		"é", "ü", "☃", "💷", "\xff", "\xe2\x82", "Wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww", "\u2028",
		" ", "  ", "\t", "\n", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"}
	r := rand.New(rand.NewPCG(8, 13))
	for i := range 3000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		width := []float64{60, 200, 596, 1360}[i%4]
		size := []float64{fontSize, titleSize}[i%2]
		bold, maxLines := i%3 == 0, i%5
		got, want := wrap(s, width, size, bold, maxLines), wrapByStrings(s, width, size, bold, maxLines)
		if !slices.Equal(got, want) {
			t.Fatalf("wrap(%q, %v, %v, %v, %d) = %q, want %q", s, width, size, bold, maxLines, got, want)
		}
	}
}
