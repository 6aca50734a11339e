package format

import (
	"testing"
	"time"

	"kpisite/generator/i18n"
	"kpisite/generator/model"
)

// welsh is the default theme's Welsh words, as a build in Welsh has them.
func welsh(t *testing.T) *Lang {
	t.Helper()
	w, err := i18n.Builtin("cy")
	if err != nil {
		t.Fatal(err)
	}
	return NewLang(w)
}

func TestWelshDatesAndPeriods(t *testing.T) {
	cy := welsh(t)
	if got, want := cy.Date(time.Date(2022, 7, 21, 0, 0, 0, 0, time.UTC)), "21 Gorffennaf 2022"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
	fin, cal, acad := model.Calendar{Year: model.FinancialYear}, model.Calendar{Year: model.CalendarYear}, model.Calendar{Year: model.AcademicYear}
	tests := []struct {
		p                          model.Period
		period, short, words, long string
	}{
		{model.Period{Freq: model.Quarterly, Year: 2022, Sub: 1, Cal: fin}, "2022/23 Ch1", "Ch1 22/23", "Ebrill i Fehefin 2022", "Ebrill i Fehefin 2022 (2022/23 Ch1)"},
		{model.Period{Freq: model.Quarterly, Year: 2022, Sub: 4, Cal: fin}, "2022/23 Ch4", "Ch4 22/23", "Ionawr i Fawrth 2023", "Ionawr i Fawrth 2023 (2022/23 Ch4)"},
		{model.Period{Freq: model.Monthly, Year: 2022, Sub: 7, Cal: fin}, "2022-07", "Gorff 22", "Gorffennaf 2022", "Gorffennaf 2022"},
		{model.Period{Freq: model.Annual, Year: 2022, Cal: fin}, "2022/23", "22/23", "Ebrill 2022 i Fawrth 2023", "Ebrill 2022 i Fawrth 2023 (2022/23)"},
		{model.Period{Freq: model.Annual, Year: 2022, Cal: cal}, "2022", "2022", "2022", "2022"},
		{model.Period{Freq: model.Annual, Year: 2022, Cal: acad}, "2022/23", "22/23", "blwyddyn academaidd 2022/23 (Medi 2022 i Awst 2023)", "blwyddyn academaidd 2022/23 (Medi 2022 i Awst 2023)"},
		{model.Period{Freq: model.MultiYear, Year: 2020, Span: 3, Cal: cal}, "2020 i 2022", "2020-22", "2020 i 2022 (cyfun)", "2020 i 2022 (cyfun)"},
	}
	for _, tt := range tests {
		if got := cy.Period(tt.p); got != tt.period {
			t.Errorf("Period(%v) = %q, want %q", tt.p, got, tt.period)
		}
		if got := cy.Short(tt.p); got != tt.short {
			t.Errorf("Short(%v) = %q, want %q", tt.p, got, tt.short)
		}
		if got := cy.Words(tt.p, 4); got != tt.words {
			t.Errorf("Words(%v) = %q, want %q", tt.p, got, tt.words)
		}
		if got := cy.Long(tt.p, 4); got != tt.long {
			t.Errorf("Long(%v) = %q, want %q", tt.p, got, tt.long)
		}
	}
}

func TestWelshWordsAndCounts(t *testing.T) {
	cy := welsh(t)
	if got := cy.Status(model.Amber); got != "Yn agos at y targed" {
		t.Errorf("Status(amber) = %q", got)
	}
	if got := cy.Direction(model.Improving); got != "Yn gwella" {
		t.Errorf("Direction(improving) = %q", got)
	}
	hours := &model.Indicator{Unit: model.UnitHours}
	if got := cy.Figure(model.Some(3), hours); got != "3 awr" {
		t.Errorf("Figure(3 hours) = %q", got)
	}
	if got := cy.FigureOf(1234.5, model.UnitRate, 1, 0); got != "1,234.5 fesul 100,000" {
		t.Errorf("FigureOf(rate) = %q, want the same separators as English", got)
	}
	for _, tt := range []struct {
		key  string
		n    int
		want string
	}{
		{"changes.count_added", 1, "1 dangosydd wedi'i ychwanegu"},
		{"changes.count_added", 2, "2 ddangosydd wedi'u hychwanegu"},
		{"changes.count_added", 3, "3 dangosydd wedi'u hychwanegu"},
		{"chart.periods", 2, "2 gyfnod"},
		{"chart.periods", 3, "3 chyfnod"},
		{"chart.periods", 6, "6 chyfnod"},
		{"chart.periods", 7, "7 cyfnod"},
		{"facts.years", 1, "1 flwyddyn"},
		{"facts.years", 2, "2 flynedd"},
		{"actions.passed", 3, "Mae 3 cham gweithredu wedi pasio'u carreg filltir heb eu cwblhau."},
		{"chart.periods", 1234, "1,234 cyfnod"},
	} {
		if got := cy.N(tt.key, tt.n); got != tt.want {
			t.Errorf("N(%s, %d) = %q, want %q", tt.key, tt.n, got, tt.want)
		}
	}
	if m := cy.W.Missing(); len(m) > 0 {
		t.Errorf("cy.toml lacks %v", m)
	}
}
