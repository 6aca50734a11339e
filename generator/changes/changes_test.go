package changes

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"kpisite/generator/model"
)

func mustTable(t *testing.T, csv string) *Table {
	t.Helper()
	tb, probs := ParseCSV("all.csv", []byte(csv))
	if probs.HasErrors() {
		t.Fatalf("ParseCSV: %v", probs)
	}
	return tb
}

const header = "indicator,period,value,target,status,direction,flag,note\n"

var twoActive = []IndicatorState{{ID: "a", Name: "A", Active: true}, {ID: "b", Name: "B", Active: true}}

// figures lists a release's figure changes as "kind indicator period old>new note".
func figures(r *model.Release) []string {
	var out []string
	add := func(kind string, cs []model.FigureChange) {
		for _, c := range cs {
			dims := ""
			for _, d := range c.Dimensions {
				dims += " " + d.Name + "=" + d.Value
			}
			out = append(out, fmt.Sprintf("%s %s %s%s %s>%s %s", kind, c.Indicator, c.Period, dims, c.Old, c.New, c.Note))
		}
	}
	add("new", r.New)
	add("revised", r.Revised)
	add("withdrawn", r.Withdrawn)
	for _, c := range r.Added {
		out = append(out, "added "+c.Indicator)
	}
	for _, c := range r.Retired {
		out = append(out, fmt.Sprintf("retired %s removed=%v", c.Indicator, c.Removed))
	}
	return out
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string // data rows after the header
		state     []IndicatorState
		now       []IndicatorState
		want      []string
		noRelease bool
	}{
		{
			name:  "unchanged figures record no release",
			old:   "a,2022/23 Q1,412,430,amber,,,\n",
			new:   "a,2022/23 Q1,412,430,amber,,,\n",
			state: twoActive, now: twoActive,
			noRelease: true,
		},
		{
			name:  "the same number written differently is not a revision",
			old:   "a,2022/23 Q1,97.8,,,,,\n",
			new:   "a,2022/23 Q1,97.80,,,,,\n",
			state: twoActive, now: twoActive,
			noRelease: true,
		},
		{
			name:  "a new figure",
			old:   "a,2022/23 Q1,412,,,,,\n",
			new:   "a,2022/23 Q1,412,,,,,\na,2022/23 Q2,420,,,,p,\n",
			state: twoActive, now: twoActive,
			want: []string{"new a 2022/23 Q2 >420 "},
		},
		{
			name:  "a revised figure with its note",
			old:   "a,2022/23 Q1,412,,,,p,\n",
			new:   "a,2022/23 Q1,415,,,,r,Late returns added\n",
			state: twoActive, now: twoActive,
			want: []string{"revised a 2022/23 Q1 412>415 Late returns added"},
		},
		{
			name:  "a status or flag change alone is not a revision",
			old:   "a,2022/23 Q1,412,430,amber,,p,\n",
			new:   "a,2022/23 Q1,412,400,green,,,\n",
			state: twoActive, now: twoActive,
			noRelease: true,
		},
		{
			name:  "a withdrawn figure",
			old:   "a,2022/23 Q1,412,,,,,\nb,2022/23 Q1,7,,,,,\n",
			new:   "a,2022/23 Q1,412,,,,,\n",
			state: twoActive, now: twoActive,
			want: []string{"withdrawn b 2022/23 Q1 7> "},
		},
		{
			name:  "withheld figures stay withheld: the change shows [c], never a number",
			old:   "a,2022/23 Q1,[c],,withheld,,c,\n",
			new:   "a,2022/23 Q1,[c],,withheld,,c,\na,2022/23 Q2,[c],,withheld,,c,\n",
			state: twoActive, now: twoActive,
			want: []string{"new a 2022/23 Q2 >[c] "},
		},
		{
			name:  "a figure that is no longer withheld is a revision from [c]",
			old:   "a,2022/23 Q1,[c],,withheld,,c,\n",
			new:   "a,2022/23 Q1,12,,,,,\n",
			state: twoActive, now: twoActive,
			want: []string{"revised a 2022/23 Q1 [c]>12 "},
		},
		{
			name:  "an indicator added, with its figures",
			old:   "a,2022/23 Q1,412,,,,,\n",
			new:   "a,2022/23 Q1,412,,,,,\nc,2022/23 Q1,3,,,,,\n",
			state: twoActive,
			now:   append(append([]IndicatorState{}, twoActive...), IndicatorState{ID: "c", Name: "C", Active: true}),
			want:  []string{"new c 2022/23 Q1 >3 ", "added c"},
		},
		{
			name:  "an indicator retired, and one removed from the site",
			old:   "a,2022/23 Q1,412,,,,,\n",
			new:   "a,2022/23 Q1,412,,,,,\n",
			state: twoActive,
			now:   []IndicatorState{{ID: "a", Name: "A", Active: false}},
			want:  []string{"retired a removed=false", "retired b removed=true"},
		},
		{
			name:  "without the previous indicator list, an indicator with its first figures is added",
			old:   "a,2022/23 Q1,412,,,,,\n",
			new:   "a,2022/23 Q1,412,,,,,\nb,2022/23 Q1,5,,,,,\n",
			state: nil, now: twoActive,
			want: []string{"new b 2022/23 Q1 >5 ", "added b"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev := Previous{All: mustTable(t, header+tt.old)}
			if tt.state != nil {
				prev.History = &History{Indicators: tt.state, Releases: []model.Release{{ID: "2022-04-21", Compared: false}}}
			}
			h := Record(prev, Current{ID: "2022-07-21", Published: "2022-07-21", Indicators: tt.now, All: mustTable(t, header+tt.new)})
			if tt.noRelease {
				if len(h.Releases) > 0 && h.Releases[0].ID == "2022-07-21" {
					t.Fatalf("a release was recorded: %v", figures(&h.Releases[0]))
				}
				return
			}
			if len(h.Releases) == 0 || h.Releases[0].ID != "2022-07-21" || !h.Releases[0].Compared {
				t.Fatalf("releases = %+v; want a compared release 2022-07-21 first", h.Releases)
			}
			if got := figures(&h.Releases[0]); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !reflect.DeepEqual(h.Indicators, tt.now) {
				t.Errorf("indicators = %v, want %v", h.Indicators, tt.now)
			}
		})
	}
}

func TestBreakdownAndAreaColumnsAreKeys(t *testing.T) {
	old := mustTable(t, "indicator,period,value,note\na,2022,10,\n")
	// h11-style columns: area and a breakdown, plus figure columns that are not keys.
	cur := mustTable(t, "indicator,period,area,sex,value,lower,upper,numerator,denominator,status_source,note\n"+
		"a,2022,,,11,9,13,11,100,computed,\n"+
		"a,2022,,Female,6,,,,,computed,\n"+
		"a,2022,E92000001,,12,,,,,computed,\n")
	h := Record(Previous{All: old, History: &History{Indicators: twoActive}}, Current{ID: "r2", Indicators: twoActive, All: cur})
	want := []string{"revised a 2022 10>11 ", "new a 2022 sex=Female >6 ", "new a 2022 area=E92000001 >12 "}
	got := figures(&h.Releases[0])
	// Order is the new file's: revised are listed after new in figures(), so compare as sets.
	if len(got) != len(want) {
		t.Fatalf("changes %q, want %q", got, want)
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing %q in %q", w, got)
		}
	}
}

func TestRecordReleases(t *testing.T) {
	v1 := header + "a,2022/23 Q1,412,,,,,\n"
	v2 := header + "a,2022/23 Q1,412,,,,,\na,2022/23 Q2,420,,,,,\n"
	v2fix := header + "a,2022/23 Q1,415,,,,r,Corrected\na,2022/23 Q2,421,,,,,\n"
	cur := func(id, all string) Current {
		return Current{ID: id, Published: id, Indicators: twoActive, All: mustTable(t, all)}
	}
	// First build: nothing to compare with.
	h1 := Record(Previous{}, cur("2022-07-21", v1))
	if len(h1.Releases) != 1 || h1.Releases[0].Compared {
		t.Fatalf("first release: %+v; want one release, not compared", h1.Releases)
	}
	// The same release built again: still one release, still not compared.
	h1b := Record(Previous{All: mustTable(t, v1), History: h1}, cur("2022-07-21", v1))
	if !reflect.DeepEqual(h1b, h1) {
		t.Errorf("rebuilding the first release changed the history:\n%+v\nwant\n%+v", h1b, h1)
	}
	// Next release: one new figure.
	h2 := Record(Previous{All: mustTable(t, v1), History: h1}, cur("2022-10-20", v2))
	if len(h2.Releases) != 2 || h2.Releases[0].ID != "2022-10-20" || h2.Releases[1].ID != "2022-07-21" {
		t.Fatalf("releases %+v; want 2022-10-20 then 2022-07-21", h2.Releases)
	}
	if got := figures(&h2.Releases[0]); !reflect.DeepEqual(got, []string{"new a 2022/23 Q2 >420 "}) {
		t.Errorf("release 2: %q", got)
	}
	// Built again with no change: the same history.
	same := Record(Previous{All: mustTable(t, v2), History: h2}, cur("2022-10-20", v2))
	if !reflect.DeepEqual(same, h2) {
		t.Errorf("rebuilding with no change changed the history:\n%+v\nwant\n%+v", same, h2)
	}
	// Built again the same day with corrections: the release is worked out
	// again against the release before it, not against the first build.
	fixed := Record(Previous{All: mustTable(t, v2), History: h2}, cur("2022-10-20", v2fix))
	want := []string{"new a 2022/23 Q2 >421 ", "revised a 2022/23 Q1 412>415 Corrected"}
	if len(fixed.Releases) != 2 {
		t.Fatalf("releases %+v", fixed.Releases)
	}
	if got := figures(&fixed.Releases[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("corrected release: %q, want %q", got, want)
	}
	// And the correction undone: back to the one new figure.
	back := Record(Previous{All: mustTable(t, v2fix), History: fixed}, cur("2022-10-20", v2))
	if !reflect.DeepEqual(back, h2) {
		t.Errorf("undoing the correction: %+v\nwant %+v", back.Releases, h2.Releases)
	}
	// A new published date with no change adds nothing.
	quiet := Record(Previous{All: mustTable(t, v2), History: h2}, cur("2023-01-19", v2))
	if len(quiet.Releases) != 2 {
		t.Errorf("a release with no changes was recorded: %+v", quiet.Releases)
	}
}

func TestHistoryRoundTrip(t *testing.T) {
	h := &History{
		Indicators: []IndicatorState{{ID: "a", Name: "A <b>", Active: true}, {ID: "b", Name: "B", Active: false}},
		Releases: []model.Release{
			{ID: "2022-10-20", Published: "2022-10-20", Period: "2022/23 Q2", Compared: true,
				Added:     []model.IndicatorChange{{Indicator: "a", Name: "A <b>"}},
				Retired:   []model.IndicatorChange{{Indicator: "b", Name: "B"}, {Indicator: "z", Name: "Z", Removed: true}},
				New:       []model.FigureChange{{Indicator: "a", Name: "A", Period: "2022/23 Q2", New: "[c]", Dimensions: []model.Dimension{{Name: "area", Value: "E1"}, {Name: "sex", Value: "F"}}}},
				Revised:   []model.FigureChange{{Indicator: "a", Name: "A", Period: "2022/23 Q1", Old: "1", New: "2", Note: "why"}},
				Withdrawn: []model.FigureChange{{Indicator: "a", Name: "A", Period: "2021/22 Q1", Old: ""}},
			},
			{ID: "2022-07-21", Published: "2022-07-21", Period: "2022/23 Q1"},
		},
	}
	data, err := Encode(h)
	if err != nil {
		t.Fatal(err)
	}
	got, probs := Decode("releases.json", data)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	if !reflect.DeepEqual(got, h) {
		t.Errorf("round trip:\n%+v\nwant\n%+v", got, h)
	}
	again, _ := Encode(got)
	if string(again) != string(data) {
		t.Errorf("encoding is not stable")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "all.csv:1: the file is empty"},
		{"no value column", "indicator,period\na,2022\n", `all.csv:1: no "value" column`},
		{"short row", "indicator,period,value\na,2022\n", "all.csv:2: wrong number of fields"},
		{"repeated row", "indicator,period,value\na,2022,1\na,2022,2\n", "all.csv:3: this row repeats the indicator, period and breakdown of line 2"},
		{"bad quote", "indicator,period,value\na,\"2022,1\n", "all.csv:2:"},
		{"empty key", "indicator,period,value\n,2022,1\n", "all.csv:2: the indicator or period is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParseCSV("all.csv", []byte(tt.in))
			if len(probs) == 0 || !strings.Contains(probs[0].String(), tt.want) {
				t.Errorf("problems %v; want one containing %q", probs, tt.want)
			}
		})
	}
	if _, probs := Decode("releases.json", []byte(`{"format": 9, "indicators": [], "releases": []}`)); !strings.Contains(fmt.Sprint(probs), "format 9; expected format 1") {
		t.Errorf("a future format: %v", probs)
	}
	if _, probs := Decode("releases.json", []byte(`{"format": 1, "releses": []}`)); !probs.HasErrors() {
		t.Errorf("a misspelled key was accepted")
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte(header + "a,2022/23 Q1,412,,,,,\n"))
	f.Add([]byte("\ufeffindicator,period,area,value\na,2022,E1,\"1\"\"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, probs := ParseCSV("all.csv", data)
		if tb == nil && !probs.HasErrors() {
			t.Fatal("no table and no error")
		}
		if tb != nil {
			Record(Previous{All: tb}, Current{ID: "x", All: tb})
		}
	})
}

func FuzzDecode(f *testing.F) {
	data, _ := Encode(&History{Indicators: twoActive, Releases: []model.Release{{ID: "r", Compared: true, New: []model.FigureChange{{Indicator: "a", Period: "p", New: "1"}}}}})
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		h, probs := Decode("releases.json", data)
		if h == nil && !probs.HasErrors() {
			t.Fatal("no history and no error")
		}
		if h != nil {
			if _, err := Encode(h); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestEarlier(t *testing.T) {
	h := &History{Releases: []model.Release{{ID: "2022-10-20"}, {ID: "2022-07-21"}}}
	for _, tt := range []struct {
		id      string
		earlier bool
	}{{"2022-10-20", false}, {"2022-07-21", true}, {"2023-01-19", false}} {
		if newest, got := Earlier(h, tt.id); got != tt.earlier || newest != "2022-10-20" {
			t.Errorf("Earlier(%s) = %s, %v; want %v", tt.id, newest, got, tt.earlier)
		}
	}
	if _, got := Earlier(nil, "x"); got {
		t.Error("Earlier(nil) = true")
	}
}
