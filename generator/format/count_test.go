package format

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 entries"},
		{1, "1 entry"},
		{2, "2 entries"},
		{1234, "1,234 entries"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, "entry", "entries"); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 103: "103rd", 111: "111th"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestQuartile(t *testing.T) {
	for q, want := range map[int]string{0: "", 1: "best quarter", 2: "second quarter", 3: "third quarter", 4: "worst quarter", 5: ""} {
		if got := Quartile(q); got != want {
			t.Errorf("Quartile(%d) = %q, want %q", q, got, want)
		}
	}
}
