package format

import (
	"fmt"
	"testing"
)

// zeroPad writes what fmt's %0*d writes, which it replaces in the period
// labels.
func TestZeroPad(t *testing.T) {
	for _, n := range []int{0, 5, 9, 10, 99, 100, 999, 1000, 2022, 12345, -1, -5, -99, -100, -2022} {
		for _, w := range []int{2, 4} {
			if got, want := string(zeroPad(nil, n, w)), fmt.Sprintf("%0*d", w, n); got != want {
				t.Errorf("zeroPad(%d, %d) = %q, want %q", n, w, got, want)
			}
		}
	}
}
