package load

import (
	"strings"
	"testing"
)

var huge = strings.Repeat("9", 400)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
		err  string
	}{
		{"integer", "1234", 1234, ""},
		{"thousands", "1,234", 1234, ""},
		{"millions", "12,345,678.5", 12345678.5, ""},
		{"decimal", "12.25", 12.25, ""},
		{"negative", "-12.5", -12.5, ""},
		{"unicode minus", "\u221212", -12, ""},
		{"negative zero is zero", "-0", 0, ""},
		{"percent", "65%", 65, ""},
		{"percent with decimals", "97.8%", 97.8, ""},
		{"pound", "£1,234.50", 1234.5, ""},
		{"negative pound", "-£20", -20, ""},
		{"spaces trimmed", "  412 ", 412, ""},
		{"leading zeros", "007", 7, ""},
		{"empty", "", 0, `"" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"letter in number", "4l2", 0, `"4l2" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"decimal comma", "1,5", 0, `"1,5" has a misplaced thousands separator; expected groups of three digits such as 1,234 (write a decimal point as 1.5, not 1,5)`},
		{"short group", "1,23,456", 0, `"1,23,456" has a misplaced thousands separator; expected groups of three digits such as 1,234 (write a decimal point as 1.5, not 1,5)`},
		{"long first group", "1234,567", 0, `"1234,567" has a misplaced thousands separator; expected groups of three digits such as 1,234 (write a decimal point as 1.5, not 1,5)`},
		{"leading comma", ",123", 0, `",123" has a misplaced thousands separator; expected groups of three digits such as 1,234 (write a decimal point as 1.5, not 1,5)`},
		{"comma after point", "1.234,5", 0, `"1.234,5" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"two percent signs", "65%%", 0, `"65%%" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"pound and percent", "£65%", 0, `"£65%" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"NaN", "NaN", 0, `"NaN" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"Inf", "Inf", 0, `"Inf" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"hex", "0x1F", 0, `"0x1F" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"exponent", "1e3", 0, `"1e3" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"underscore", "1_000", 0, `"1_000" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"plus sign", "+5", 0, `"+5" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"bare point", ".5", 0, `".5" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"trailing point", "5.", 0, `"5." is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"double minus", "--5", 0, `"--5" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"inner space", "1 234", 0, `"1 234" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"minus only", "-", 0, `"-" is not a number; expected the value left empty and flag x (not available), or flag z (not applicable)`},
		{"percent only", "%", 0, `"%" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"too large", huge, 0, `"` + huge + `" is too large; expected a number below 1e308`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber(tt.in)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("ParseNumber(%q) error = %v, want %s", tt.in, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseNumber(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

// What spreadsheets produce where a figure is missing gets advice, not
// just "not a number".
func TestSpreadsheetHints(t *testing.T) {
	tests := []struct{ in, want string }{
		{"n/a", `"n/a" is not a number; expected the value left empty and flag x (not available), or flag z (not applicable)`},
		{"N/A", `"N/A" is not a number; expected the value left empty and flag x (not available), or flag z (not applicable)`},
		{"-", `"-" is not a number; expected the value left empty and flag x (not available), or flag z (not applicable)`},
		{"#DIV/0!", `"#DIV/0!" is a spreadsheet error, not a number; expected a number, or the value left empty with flag x (not available) if there is no figure`},
		{"#N/A", `"#N/A" is a spreadsheet error, not a number; expected a number, or the value left empty with flag x (not available) if there is no figure`},
		{"(12)", `"(12)" is a negative number written in brackets, as accounts show it; expected -12`},
		{"(1,234.5)", `"(1,234.5)" is a negative number written in brackets, as accounts show it; expected -1,234.5`},
		{"(see note)", `"(see note)" is not a number; expected a number such as 1234, 1,234 or 65%`},
		{"4l2", `"4l2" is not a number; expected a number such as 1234, 1,234 or 65%`},
	}
	for _, tt := range tests {
		if _, err := ParseNumber(tt.in); err == nil || err.Error() != tt.want {
			t.Errorf("ParseNumber(%q) error = %v\nwant %s", tt.in, err, tt.want)
		}
	}
}
