package model

import "testing"

// TestPeriodKinds covers every row of the SPEC 3.8 period table: the
// canonical form, the accepted forms, the slug and the words.
func TestPeriodKinds(t *testing.T) {
	cal := Calendar{Year: CalendarYear}
	acad := Calendar{Year: AcademicYear}
	fin := Calendar{}
	tests := []struct {
		name  string
		in    string
		f     Frequency
		c     Calendar
		want  string // canonical; "" = error
		slug  string
		words string
		long  string
		short string
		end   string
	}{
		{"calendar quarter", "2022 Q2", Quarterly, cal, "2022 Q2", "2022-q2", "April to June 2022", "April to June 2022 (2022 Q2)", "Q2 2022", "2022-06-30"},
		{"calendar quarter, Q first", "Q2 2022", Quarterly, cal, "2022 Q2", "2022-q2", "April to June 2022", "April to June 2022 (2022 Q2)", "Q2 2022", "2022-06-30"},
		{"calendar quarter 1 is January", "2022 q1", Quarterly, cal, "2022 Q1", "2022-q1", "January to March 2022", "January to March 2022 (2022 Q1)", "Q1 2022", "2022-03-31"},
		{"financial quarter is not calendar", "2022/23 Q1", Quarterly, cal, "", "", "", "", "", ""},
		{"calendar quarter is not financial", "2022 Q1", Quarterly, fin, "", "", "", "", "", ""},
		{"calendar year", "2022", Annual, cal, "2022", "2022", "2022", "2022", "2022", "2022-12-31"},
		{"calendar year not a span", "2022/23", Annual, cal, "", "", "", "", "", ""},
		{"academic year", "2022/23", Annual, acad, "2022/23", "2022-23", "2022/23 academic year (September 2022 to August 2023)", "2022/23 academic year (September 2022 to August 2023)", "22/23", "2023-08-31"},
		{"academic year, hyphen", "2022-23", Annual, acad, "2022/23", "2022-23", "2022/23 academic year (September 2022 to August 2023)", "2022/23 academic year (September 2022 to August 2023)", "22/23", "2023-08-31"},
		{"academic year from August", "2022/23", Annual, Calendar{Year: AcademicYear, AcademicStart: 8}, "2022/23", "2022-23", "2022/23 academic year (August 2022 to July 2023)", "2022/23 academic year (August 2022 to July 2023)", "22/23", "2023-07-31"},
		{"academic quarter", "2022/23 Q1", Quarterly, acad, "2022/23 Q1", "2022-23-q1", "September to November 2022", "September to November 2022 (2022/23 Q1)", "Q1 22/23", "2022-11-30"},
		{"multi-year calendar", "2020 to 2022", MultiYear, cal, "2020 to 2022", "2020-to-2022", "2020 to 2022 (pooled)", "2020 to 2022 (pooled)", "2020-22", "2022-12-31"},
		{"multi-year calendar, hyphen", "2020-2022", MultiYear, cal, "2020 to 2022", "2020-to-2022", "2020 to 2022 (pooled)", "2020 to 2022 (pooled)", "2020-22", "2022-12-31"},
		{"multi-year financial", "2017/18 to 2019/20", MultiYear, fin, "2017/18 to 2019/20", "2017-18-to-2019-20", "April 2017 to March 2020 (pooled)", "April 2017 to March 2020 (pooled, 2017/18 to 2019/20)", "17/18-19/20", "2020-03-31"},
		{"multi-year financial, hyphens", "2017-18 to 2019-20", MultiYear, fin, "2017/18 to 2019/20", "2017-18-to-2019-20", "April 2017 to March 2020 (pooled)", "April 2017 to March 2020 (pooled, 2017/18 to 2019/20)", "17/18-19/20", "2020-03-31"},
		{"multi-year academic", "2017/18 to 2018/19", MultiYear, acad, "2017/18 to 2018/19", "2017-18-to-2018-19", "September 2017 to August 2019 (pooled)", "September 2017 to August 2019 (pooled, 2017/18 to 2018/19)", "17/18-18/19", "2019-08-31"},
		{"multi-year of one year", "2022 to 2022", MultiYear, cal, "", "", "", "", "", ""},
		{"multi-year backwards", "2022 to 2020", MultiYear, cal, "", "", "", "", "", ""},
		{"multi-year calendar needs calendar years", "2017/18 to 2019/20", MultiYear, cal, "", "", "", "", "", ""},
		{"multi-year financial needs year spans", "2020 to 2022", MultiYear, fin, "", "", "", "", "", ""},
		{"month in a calendar year", "Apr 2022", Monthly, cal, "2022-04", "2022-04", "April 2022", "April 2022", "Apr 22", "2022-04-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePeriodIn(tt.in, tt.f, tt.c)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParsePeriodIn(%q) = %v, want an error", tt.in, p)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := []string{p.String(), p.Slug(), p.Words(4), p.Long(4), p.Short(), p.End(4).Format("2006-01-02")}
			want := []string{tt.want, tt.slug, tt.words, tt.long, tt.short, tt.end}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d = %q, want %q", i, got[i], want[i])
				}
			}
			ind := &Indicator{Frequency: tt.f, Cal: tt.c}
			if q, err := ind.ParseSlug(p.Slug()); err != nil || q != p {
				t.Errorf("ParseSlug(%q) = %v, %v; want %v", p.Slug(), q, err, p)
			}
		})
	}
}

func TestParseAnyPeriodKinds(t *testing.T) {
	for in, want := range map[string]string{
		"2022/23 Q1":   "2022/23 Q1",
		"2022 Q2":      "2022 Q2",
		"2022":         "2022",
		"2022/23":      "2022/23",
		"2020 to 2022": "2020 to 2022",
	} {
		p, err := ParseAnyPeriod(in)
		if err != nil || p.String() != want {
			t.Errorf("ParseAnyPeriod(%q) = %v, %v; want %s", in, p, err, want)
		}
	}
}

func TestYearEarlierAndYearStart(t *testing.T) {
	m := Period{Freq: Monthly, Year: 2023, Sub: 2, Cal: Calendar{Year: CalendarYear}}
	if fy := m.FinancialYear(4); fy != 2023 {
		t.Errorf("calendar-year month: FinancialYear = %d, want 2023", fy)
	}
	if !(Period{Freq: Monthly, Year: 2023, Sub: 1, Cal: Calendar{Year: CalendarYear}}).StartsYear(4) {
		t.Error("January does not start a calendar year")
	}
	if !(Period{Freq: Monthly, Year: 2023, Sub: 9, Cal: Calendar{Year: AcademicYear}}).StartsYear(4) {
		t.Error("September does not start an academic year")
	}
	if got := (Period{Freq: MultiYear, Year: 2020, Span: 3}).YearEarlier(); !got.IsZero() {
		t.Errorf("multi-year YearEarlier = %v, want none", got)
	}
	p := Period{Freq: Quarterly, Year: 2022, Sub: 1, Cal: Calendar{Year: CalendarYear}}
	if got := p.Add(-1); got.String() != "2021 Q4" || got.Cal != p.Cal {
		t.Errorf("Add keeps the kind: %+v", got)
	}
}
