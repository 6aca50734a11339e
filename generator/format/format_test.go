package format

import (
	"testing"
	"time"

	"kpisite/generator/model"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{0, 0, "0"},
		{12, 0, "12"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{1234.5, 1, "1,234.5"},
		{1234567, 0, "1,234,567"},
		{-1234, 0, "-1,234"},
		{-0.04, 1, "0.0"},
		{65, 1, "65.0"},
		{0.5, 0, "1"},
		{12.25, 1, "12.3"},
		{1.005, 2, "1.01"},
		{9.95, 1, "10.0"},
		{999.5, 0, "1,000"},
		{1e21, 0, "1,000,000,000,000,000,000,000"},
		{-5, 0, "-5"},
		{-0.4, 0, "0"},
		{7.25, 2, "7.25"},
		{0.125, 3, "0.125"},
	}
	for _, tt := range tests {
		if got := Number(tt.v, tt.dec); got != tt.want {
			t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
}

func TestFigure(t *testing.T) {
	tests := []struct {
		unit model.Unit
		dec  int
		v    float64
		want string
	}{
		{model.UnitCount, 0, 1234, "1,234"},
		{model.UnitPercent, 1, 65, "65.0%"},
		{model.UnitCurrency, 0, 1500, "£1,500"},
		{model.UnitCurrency, 0, -1500, "-£1,500"},
		{model.UnitHours, 0, 1, "1 hour"},
		{model.UnitHours, 1, 12.25, "12.3 hours"},
		{model.UnitDays, 0, 3, "3 days"},
		{model.UnitRate, 1, 3.21, "3.2 per 100,000"},
	}
	for _, tt := range tests {
		ind := &model.Indicator{Unit: tt.unit, Decimals: tt.dec}
		if got := Figure(model.Some(tt.v), ind); got != tt.want {
			t.Errorf("Figure(%v %s) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
	if got := Figure(model.None, &model.Indicator{}); got != "" {
		t.Errorf("Figure(missing) = %q, want empty", got)
	}
}

func TestCompact(t *testing.T) {
	tests := []struct {
		v    float64
		unit model.Unit
		want string
	}{
		{1234, model.UnitCount, "1,234"},
		{12000, model.UnitCount, "12k"},
		{12500, model.UnitCount, "12.5k"},
		{1200000, model.UnitCurrency, "£1.2m"},
		{65, model.UnitPercent, "65%"},
		{2.5, model.UnitCount, "2.5"},
		{-20000, model.UnitCount, "-20k"},
	}
	for _, tt := range tests {
		if got := Compact(tt.v, tt.unit); got != tt.want {
			t.Errorf("Compact(%v, %s) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	if got := Date(time.Date(2022, 7, 21, 0, 0, 0, 0, time.UTC)); got != "21 July 2022" {
		t.Errorf("Date = %q", got)
	}
	if got := Date(time.Time{}); got != "" {
		t.Errorf("Date(zero) = %q", got)
	}
}

func TestPercent(t *testing.T) {
	for _, tt := range []struct {
		f    float64
		want string
	}{{0.0419, "4%"}, {-0.05, "5%"}, {0.004, "0.4%"}, {0, "0%"}} {
		if got := Percent(tt.f); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}
