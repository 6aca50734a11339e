package format

import (
	"testing"
	"time"

	"kpisite/generator/model"
)

// TestEnglishLangIsModelsWording holds English output byte-identical:
// Lang's labels in English are model.Period's and model.Status's.
func TestEnglishLangIsModelsWording(t *testing.T) {
	en := English()
	var periods []model.Period
	for _, cal := range []model.Calendar{{Year: model.FinancialYear}, {Year: model.CalendarYear}, {Year: model.AcademicYear}} {
		for sub := 1; sub <= 12; sub++ {
			periods = append(periods, model.Period{Freq: model.Monthly, Year: 2022, Sub: sub, Cal: cal})
		}
		for sub := 1; sub <= 4; sub++ {
			periods = append(periods, model.Period{Freq: model.Quarterly, Year: 2022, Sub: sub, Cal: cal})
		}
		periods = append(periods, model.Period{Freq: model.Annual, Year: 2022, Cal: cal}, model.Period{Freq: model.MultiYear, Year: 2017, Span: 3, Cal: cal})
	}
	for _, p := range periods {
		for _, fy := range []int{4, 1, 9} {
			if got, want := en.Long(p, fy), p.Long(fy); got != want {
				t.Errorf("Long(%v, %d) = %q, want %q", p, fy, got, want)
			}
			if got, want := en.Words(p, fy), p.Words(fy); got != want {
				t.Errorf("Words(%v, %d) = %q, want %q", p, fy, got, want)
			}
		}
		if got, want := en.Period(p), p.String(); got != want {
			t.Errorf("Period(%v) = %q, want %q", p, got, want)
		}
		if got, want := en.Short(p), p.Short(); got != want {
			t.Errorf("Short(%v) = %q, want %q", p, got, want)
		}
	}
	for _, s := range []model.Status{model.Green, model.Amber, model.Red, model.NoTarget, model.NoData, model.Withheld, ""} {
		if got, want := en.Status(s), s.Label(); got != want {
			t.Errorf("Status(%q) = %q, want %q", s, got, want)
		}
	}
	for _, d := range []model.Direction{model.NoComparison, model.Improving, model.Worsening, model.NoChange, model.Up, model.Down, model.NoSignificantChange} {
		if got, want := en.Direction(d), d.Label(); got != want {
			t.Errorf("Direction(%q) = %q, want %q", d, got, want)
		}
	}
	day := time.Date(2022, 7, 21, 0, 0, 0, 0, time.UTC)
	if got, want := en.Date(day), Date(day); got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
	for _, u := range []model.Unit{model.UnitCount, model.UnitPercent, model.UnitHours, model.UnitDays, model.UnitRate, model.UnitCurrency, model.UnitScore, model.UnitRatio, model.UnitRank, ""} {
		ind := &model.Indicator{Unit: u, Decimals: 1, RatePer: 1000}
		if got, want := en.UnitLabel(ind), UnitLabel(ind); got != want {
			t.Errorf("UnitLabel(%q) = %q, want %q", u, got, want)
		}
		for _, v := range []float64{1, 12.25, 1234.5} {
			if got, want := en.FigureOf(v, u, 0, 1000), FigureOf(v, u, 0, 1000); got != want {
				t.Errorf("FigureOf(%v, %q) = %q, want %q", v, u, got, want)
			}
		}
	}
	for n := 0; n < 120; n++ {
		if got, want := en.Ordinal(n), Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	for q := 0; q <= 5; q++ {
		if got, want := en.Quartile(q), Quartile(q); got != want {
			t.Errorf("Quartile(%d) = %q, want %q", q, got, want)
		}
	}
	if m := en.W.Missing(); len(m) > 0 {
		t.Errorf("English lacks %v", m)
	}
}
