package render

import (
	"strconv"
	"testing"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

func TestContaining(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	fin := func(f model.Frequency) model.Period { return model.Period{Freq: f} }
	cal := model.Calendar{Year: model.CalendarYear}
	acad := model.Calendar{Year: model.AcademicYear}
	tests := []struct {
		name string
		like model.Period
		d    time.Time
		fy   int
		want string
	}{
		{"first quarter", fin(model.Quarterly), day(2022, 6, 30), 4, "2022/23 Q1"},
		{"first day of the year", fin(model.Quarterly), day(2022, 4, 1), 4, "2022/23 Q1"},
		{"January is Q4 of the year before", fin(model.Quarterly), day(2023, 1, 31), 4, "2022/23 Q4"},
		{"March is Q4", fin(model.Quarterly), day(2023, 3, 31), 4, "2022/23 Q4"},
		{"calendar-year quarters", model.Period{Freq: model.Quarterly, Cal: cal}, day(2023, 3, 31), 4, "2023 Q1"},
		{"annual", fin(model.Annual), day(2023, 3, 31), 4, "2022/23"},
		{"calendar year", model.Period{Freq: model.Annual, Cal: cal}, day(2023, 3, 31), 4, "2023"},
		{"academic year", model.Period{Freq: model.Annual, Cal: acad}, day(2023, 8, 31), 4, "2022/23"},
		{"pooled calendar years", model.Period{Freq: model.MultiYear, Span: 3, Cal: cal}, day(2022, 12, 31), 4, "2020 to 2022"},
		{"monthly", fin(model.Monthly), day(2022, 4, 30), 4, "2022-04"},
		{"no financial year means April", fin(model.Quarterly), day(2022, 7, 1), 0, "2022/23 Q2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := containing(tt.like, tt.d, tt.fy).String(); got != tt.want {
				t.Errorf("containing(%v, %s, %d) = %s, want %s", tt.like, tt.d.Format(time.DateOnly), tt.fy, got, tt.want)
			}
		})
	}
}

func TestAnchor(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"H.9", "h-9"}, {"C.2", "c-2"}, {"1.1 (a)", "1-1-a"}, {"  A  ", "a"}, {"--", ""},
	} {
		if got := anchor(tt.in); got != tt.want {
			t.Errorf("anchor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLegacyOrder(t *testing.T) {
	ind := func(id, legacy string) *model.Indicator { return &model.Indicator{ID: id, LegacyID: legacy} }
	tests := []struct {
		name string
		a, b *model.Indicator
		want bool
	}{
		{"numbers, not text", ind("a", "Indicator 38"), ind("b", "Indicator 136"), true},
		{"numbers, reversed", ind("a", "Indicator 136"), ind("b", "Indicator 38"), false},
		{"no reference last", ind("a", ""), ind("b", "Indicator 1"), false},
		{"reference first", ind("b", "Indicator 1"), ind("a", ""), true},
		{"no references: by id", ind("a", ""), ind("b", ""), true},
		{"prefix", ind("a", "KPI 2"), ind("b", "Indicator 1"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := legacyLess(tt.a, tt.b); got != tt.want {
				t.Errorf("legacyLess(%q, %q) = %v, want %v", tt.a.LegacyID, tt.b.LegacyID, got, tt.want)
			}
		})
	}
}

func TestMilestoneWords(t *testing.T) {
	tests := []struct {
		written string
		date    time.Time
		want    string
	}{
		{"2021-11-30", time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC), "30 November 2021"},
		{"Nov 2022", time.Date(2022, 11, 30, 0, 0, 0, 0, time.UTC), "November 2022"},
		{"2022-11", time.Date(2022, 11, 30, 0, 0, 0, 0, time.UTC), "November 2022"},
		{"When the board meets", time.Time{}, "When the board meets"},
	}
	for _, tt := range tests {
		b := &builder{lang: format.English()}
		if got := b.milestoneWords(&model.Action{Milestone: tt.written, MilestoneDate: tt.date}); got != tt.want {
			t.Errorf("milestoneWords(%q) = %q, want %q", tt.written, got, tt.want)
		}
	}
}

func TestActionStatusWords(t *testing.T) {
	for _, s := range model.ActionStatuses {
		v := actionStatusView(s)
		if v.Label == "" || v.Icon == "" || v.Key == "" {
			t.Errorf("%q: %+v; every status needs a word, an icon and a key", s, v)
		}
	}
	if v := actionStatusView(model.ActionNotStarted); v.Key != "not-started" || v.Label != "Not started" {
		t.Errorf("not started = %+v", v)
	}
}

func TestReadable(t *testing.T) {
	for in, want := range map[string]string{
		"338160": "338,160", "-1234.50": "-1,234.50", "999": "999", "1000": "1,000",
		"[c]": "[c]", "": "", "12a": "12a", "0.5": "0.5",
	} {
		if got := readable(in); got != want {
			t.Errorf("readable(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSourceNumber: downloads keep the source's digits (not the page's
// rounding) and cut worked-out figures to 10 decimal places without
// adding floating-point error.
func TestSourceNumber(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{72.25, "72.25"},
		{0.1 + 0.2, "0.3"},
		{100 * 165.0 / 350, "47.1428571429"},
		{123456789.123, "123456789.123"},
		{1234, "1234"},
		{-0.00000000001, "0"},
		{1e21, "1000000000000000000000"},
	} {
		if got := sourceNumber(model.Some(tt.v)); got != tt.want {
			t.Errorf("sourceNumber(%v) = %q, want %q", tt.v, got, tt.want)
		}
		if got := published(model.Some(tt.v)); strconv.FormatFloat(*got, 'f', -1, 64) != tt.want {
			t.Errorf("published(%v) = %v, want %s", tt.v, *got, tt.want)
		}
	}
}
