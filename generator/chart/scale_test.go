package chart

import (
	"slices"
	"testing"

	"kpisite/generator/model"
)

func TestYScale(t *testing.T) {
	tests := []struct {
		name     string
		lo, hi   float64
		decimals int
		unit     model.Unit
		want     []string
	}{
		{"counts far from zero", 289, 441, 0, model.UnitCount, []string{"250", "300", "350", "400", "450"}},
		{"counts near zero start at zero", 120, 410, 0, model.UnitCount, []string{"0", "100", "200", "300", "400", "500"}},
		{"flat series", 430, 430, 0, model.UnitCount, []string{"0", "200", "400", "600"}},
		{"all zero", 0, 0, 0, model.UnitCount, []string{"0", "1"}},
		{"small counts step by whole numbers", 0, 2, 0, model.UnitCount, []string{"0", "1", "2"}},
		{"percent", 24.8, 36.8, 1, model.UnitPercent, []string{"20%", "25%", "30%", "35%", "40%"}},
		{"percent, narrow", 64.2, 65.1, 1, model.UnitPercent, []string{"64.2%", "64.4%", "64.6%", "64.8%", "65%", "65.2%"}},
		{"negative and positive", -300, 40, 0, model.UnitCount, []string{"-300", "-200", "-100", "0", "100"}},
		{"thousands", 12000, 48000, 0, model.UnitCount, []string{"0", "10k", "20k", "30k", "40k", "50k"}},
		{"billions", 1e9, 1.2e9, 0, model.UnitCurrency, []string{"£1bn", "£1.1bn", "£1.2bn"}},
		{"billions, close: written in full", 1.00e9, 1.02e9, 0, model.UnitCount,
			[]string{"1,000,000,000", "1,005,000,000", "1,010,000,000", "1,015,000,000", "1,020,000,000"}},
		{"currency", 0, 1.4e6, 0, model.UnitCurrency, []string{"£0", "£500k", "£1m", "£1.5m"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newYScale(tt.lo, tt.hi, tt.decimals, tt.unit)
			if !slices.Equal(s.labels, tt.want) {
				t.Errorf("labels %q, want %q (ticks %v)", s.labels, tt.want, s.ticks)
			}
			if s.min > tt.lo || s.max < tt.hi {
				t.Errorf("axis %v..%v does not cover %v..%v", s.min, s.max, tt.lo, tt.hi)
			}
		})
	}
}

func TestZeroBased(t *testing.T) {
	tests := []struct{ lo, hi, wantLo, wantHi float64 }{
		{300, 450, 300, 450}, // lowest further from zero than the spread
		{200, 450, 0, 450},
		{-450, -300, -450, -300},
		{-450, -200, -450, 0},
		{-10, 10, -10, 10},
		{5, 5, 0, 6.25},
		{-4, -4, -5, 0},
	}
	for _, tt := range tests {
		if lo, hi := zeroBased(tt.lo, tt.hi); lo != tt.wantLo || hi != tt.wantHi {
			t.Errorf("zeroBased(%v, %v) = %v, %v, want %v, %v", tt.lo, tt.hi, lo, hi, tt.wantLo, tt.wantHi)
		}
	}
}
