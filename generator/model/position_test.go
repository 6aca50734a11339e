package model

import "testing"

func TestPositionString(t *testing.T) {
	tests := []struct {
		name string
		p    Position
		want string
	}{
		{"file", Position{Path: "a.csv"}, "a.csv"},
		{"line", Position{Path: "a.csv", Line: 7}, "a.csv:7"},
		{"line and column", Position{Path: "a.csv", Line: 7, Column: 3}, "a.csv:7:3"},
		{"sheet", Position{Path: "k.xlsx", Sheet: "Q1 returns"}, "k.xlsx:Q1 returns"},
		{"cell", Position{Path: "k.xlsx", Sheet: "Q1 returns", Line: 7, Column: 3}, "k.xlsx:Q1 returns!C7"},
		{"whole row", Position{Path: "k.xlsx", Sheet: "S", Line: 7}, "k.xlsx:S!7:7"},
		{"column AA", Position{Path: "k.xlsx", Sheet: "S", Line: 1, Column: 27}, "k.xlsx:S!AA1"},
		{"column XFD", Position{Path: "k.xlsx", Sheet: "S", Line: 1, Column: 16384}, "k.xlsx:S!XFD1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestProblemsSortBySheet(t *testing.T) {
	ps := Problems{
		{Pos: Position{Path: "k.xlsx", Sheet: "B", Line: 1, Column: 1}, Message: "b1"},
		{Pos: Position{Path: "k.xlsx", Sheet: "A", Line: 9, Column: 1}, Message: "a9"},
		{Pos: Position{Path: "a.csv", Line: 2}, Message: "csv"},
		{Pos: Position{Path: "k.xlsx", Sheet: "A", Line: 2, Column: 3}, Message: "a2"},
	}.Sort()
	var got []string
	for _, p := range ps {
		got = append(got, p.Message)
	}
	if want := "csv a2 a9 b1"; joined(got) != want {
		t.Errorf("order = %s, want %s", joined(got), want)
	}
}

func joined(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
