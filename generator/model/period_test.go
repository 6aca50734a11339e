package model

import "testing"

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in    string
		f     Frequency
		want  string // canonical; "" = error
		slug  string
		words string
		short string
	}{
		{"2022/23 Q1", Quarterly, "2022/23 Q1", "2022-23-q1", "April to June 2022 (2022/23 Q1)", "Q1 22/23"},
		{"2022-23 Q1", Quarterly, "2022/23 Q1", "2022-23-q1", "April to June 2022 (2022/23 Q1)", "Q1 22/23"},
		{"Q1 2022/23", Quarterly, "2022/23 Q1", "2022-23-q1", "April to June 2022 (2022/23 Q1)", "Q1 22/23"},
		{"2022/23-Q1", Quarterly, "2022/23 Q1", "2022-23-q1", "April to June 2022 (2022/23 Q1)", "Q1 22/23"},
		{" 2022/23 q3 ", Quarterly, "2022/23 Q3", "2022-23-q3", "October to December 2022 (2022/23 Q3)", "Q3 22/23"},
		{"2022/23 Q4", Quarterly, "2022/23 Q4", "2022-23-q4", "January to March 2023 (2022/23 Q4)", "Q4 22/23"},
		{"1999/00 Q4", Quarterly, "1999/00 Q4", "1999-00-q4", "January to March 2000 (1999/00 Q4)", "Q4 99/00"},
		{"2022/24 Q1", Quarterly, "", "", "", ""},
		{"2022/23 Q5", Quarterly, "", "", "", ""},
		{"2022-04", Quarterly, "", "", "", ""},
		{"2022-04", Monthly, "2022-04", "2022-04", "April 2022", "Apr 22"},
		{"Apr 2022", Monthly, "2022-04", "2022-04", "April 2022", "Apr 22"},
		{"September 2022", Monthly, "2022-09", "2022-09", "September 2022", "Sep 22"},
		{"2022-13", Monthly, "", "", "", ""},
		{"2022/23", Monthly, "", "", "", ""},
		{"2022/23", Annual, "2022/23", "2022-23", "April 2022 to March 2023 (2022/23)", "22/23"},
		{"2022-23", Annual, "2022/23", "2022-23", "April 2022 to March 2023 (2022/23)", "22/23"},
		{"2022/23 Q1", Annual, "", "", "", ""},
		{"", Annual, "", "", "", ""},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in, tt.f)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParsePeriod(%q, %s) = %v, want error", tt.in, tt.f, p)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%q, %s): %v", tt.in, tt.f, err)
			continue
		}
		if p.String() != tt.want || p.Slug() != tt.slug || p.Long(4) != tt.words || p.Short() != tt.short {
			t.Errorf("ParsePeriod(%q) = %q %q %q %q, want %q %q %q %q", tt.in,
				p.String(), p.Slug(), p.Long(4), p.Short(), tt.want, tt.slug, tt.words, tt.short)
		}
	}
}

func TestPeriodArithmetic(t *testing.T) {
	q := Period{Freq: Quarterly, Year: 2022, Sub: 1}
	if got := q.Add(-1).String(); got != "2021/22 Q4" {
		t.Errorf("Add(-1) = %s", got)
	}
	if got := q.Add(7).String(); got != "2023/24 Q4" {
		t.Errorf("Add(7) = %s", got)
	}
	if got := q.YearEarlier().String(); got != "2021/22 Q1" {
		t.Errorf("YearEarlier = %s", got)
	}
	m := Period{Freq: Monthly, Year: 2023, Sub: 2}
	if fy := m.FinancialYear(4); fy != 2022 {
		t.Errorf("FinancialYear(Feb 2023) = %d, want 2022", fy)
	}
	if got := m.Add(-2).String(); got != "2022-12" {
		t.Errorf("month Add(-2) = %s", got)
	}
	if got := FromIndex(Quarterly, -1); got.Year != -1 || got.Sub != 4 {
		t.Errorf("FromIndex(-1) = %+v", got)
	}
	if got := (Period{Freq: Quarterly, Year: 2022, Sub: 4}).End(4).Format("2006-01-02"); got != "2023-03-31" {
		t.Errorf("End = %s", got)
	}
	// A calendar financial year (January start).
	if got := q.Words(1); got != "January to March 2022" {
		t.Errorf("Words(1) = %s", got)
	}
}
