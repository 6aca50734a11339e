// Package suggest finds the word a person probably meant, for "did you
// mean" hints in error messages.
//
// Words are compared case-insensitively by optimal string alignment
// distance (Levenshtein distance in which swapping two neighbouring
// letters, as in "titel" for "title", costs one edit). A candidate is
// suggested only when it is at most max(1, n/3) edits away, where n is the
// length of the word in letters, so that "colour" never suggests "id".
// A candidate that starts with the word, or that the word starts with,
// is also near enough when the shorter of the two has at least 4 letters
// ("financial_year" suggests "financial_year_start"), but a closer
// candidate by edits wins.
package suggest

import (
	"fmt"
	"strings"
)

// Closest returns the candidate nearest to word, and whether one is near
// enough to suggest. Ties go to the candidate that sorts first, so the
// answer does not depend on the order of candidates.
func Closest(word string, candidates []string) (string, bool) {
	w := []rune(strings.ToLower(word))
	if len(w) == 0 {
		return "", false
	}
	limit := max(1, len(w)/3)
	// rank orders candidates: edits first, a prefix match just after
	// the edits it stands for.
	best, bestRank := "", -1
	for _, c := range candidates {
		if c == "" {
			continue
		}
		lc := []rune(strings.ToLower(c))
		d := distance(w, lc, limit)
		rank := 2 * d
		if d > limit {
			lw, lcs := string(w), string(lc)
			if min(len(w), len(lc)) < 4 || !(strings.HasPrefix(lcs, lw) || strings.HasPrefix(lw, lcs)) {
				continue
			}
			rank = 2*limit + 1
		}
		if bestRank < 0 || rank < bestRank || (rank == bestRank && c < best) {
			best, bestRank = c, rank
		}
	}
	if bestRank < 0 {
		return "", false
	}
	return best, true
}

// DidYouMean returns `did you mean "x"?` for the closest candidate, or ""
// when none is near enough.
func DidYouMean(word string, candidates []string) string {
	if c, ok := Closest(word, candidates); ok {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return ""
}

// distance is the optimal string alignment distance between a and b. It
// returns limit+1 early when the lengths alone rule out a match within
// limit.
func distance(a, b []rune, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	// Three rows of the dynamic-programming table: two back, one back, now.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
