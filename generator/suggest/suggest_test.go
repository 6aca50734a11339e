package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"id", "title", "short_title", "service", "frequency", "unit", "polarity", "decimals"}
	tests := []struct {
		name       string
		word       string
		candidates []string
		want       string
		wantOK     bool
	}{
		{"transposed letters", "titel", keys, "title", true},
		{"missing letter", "frequncy", keys, "frequency", true},
		{"case only", "Title", keys, "title", true},
		{"exact", "unit", keys, "unit", true},
		{"too far", "colour", keys, "", false},
		{"short word needs exact-ish", "ix", keys, "id", true},
		{"short word too far", "xy", keys, "", false},
		{"empty word", "", keys, "", false},
		{"no candidates", "title", nil, "", false},
		{"long id", "idva-referals", []string{"idva-referrals", "idva-repeat-victims"}, "idva-referrals", true},
		{"enum", "percentage", []string{"count", "percent", "hours", "days", "rate", "currency"}, "percent", true},
		{"tie goes to the first in sort order", "ab", []string{"ac", "aa"}, "aa", true},
		{"tie independent of order", "ab", []string{"aa", "ac"}, "aa", true},
		{"unicode", "Sérvice", keys, "service", true},
		{"prefix of a candidate", "financial_year", []string{"title", "financial_year_start"}, "financial_year_start", true},
		{"candidate is a prefix", "decimals_shown", keys, "decimals", true},
		{"short word within one edit", "id_", []string{"idx"}, "idx", true},
		{"short prefix too far", "ser", []string{"service_area"}, "", false},
		{"closer edit beats prefix", "unit_", []string{"unit_of_measure", "units"}, "units", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Closest(tt.word, tt.candidates)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	if got := DidYouMean("titel", []string{"title"}); got != `did you mean "title"?` {
		t.Errorf("DidYouMean = %q", got)
	}
	if got := DidYouMean("colour", []string{"title"}); got != "" {
		t.Errorf("DidYouMean = %q, want empty", got)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"ab", "ba", 1},
		{"title", "titel", 1},
		{"ca", "abc", 3},
	}
	for _, tt := range tests {
		if got := distance([]rune(tt.a), []rune(tt.b), 10); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
