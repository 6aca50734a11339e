package load

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"kpisite/generator/model"
)

// The seed corpora are in testdata/fuzz/<FuzzName>/; crashes found by
// fuzzing are kept there too and as named rows of the table tests.

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1234", "1,234", "65%", "-12.5", "£1,234.50", "1,23", "NaN", "1e3", "0x10", "\u22125", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			if v != 0 {
				t.Errorf("ParseNumber(%q) = %v with error %v", s, v, err)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		// Any accepted number reads back the same from its plain spelling.
		plain := strconv.FormatFloat(v, 'f', -1, 64)
		if w, err := ParseNumber(plain); err != nil || w != v {
			t.Errorf("ParseNumber(%q) = %v, but ParseNumber(%q) = %v, %v", s, v, plain, w, err)
		}
		if strings.ContainsAny(strings.ToLower(s), "enix+_") {
			t.Errorf("ParseNumber(%q) accepted an exponent, NaN, Inf, hex, + or _", s)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2022/23 Q1", "2022-23 Q1", "Q1 2022/23", "2022/23-Q1", "2022-23-q1", "2022-04", "Apr 2022", "April 2022", "2022/23", "2022-23", "9999/00", "0000-01", " 2022/23 ",
		// SPEC 3.8 period kinds
		"2022 Q2", "Q2 2022", "2022-q2", "2022", "2020 to 2022", "2020-2022", "2020-to-2022", "2017/18 to 2019/20", "2017-18 to 2019-20", "2017-18-to-2019-20", "2022 to 2022", "1999/00 to 2000/01"} {
		f.Add(s)
	}
	cals := []model.Calendar{{}, {Year: model.CalendarYear}, {Year: model.AcademicYear}, {Year: model.AcademicYear, AcademicStart: 8}}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cal := range cals {
			for _, freq := range []model.Frequency{model.Quarterly, model.Monthly, model.Annual, model.MultiYear, 0} {
				p, err := model.ParsePeriodIn(s, freq, cal)
				if err != nil {
					continue
				}
				if p.Freq != freq || p.Cal != cal {
					t.Fatalf("ParsePeriodIn(%q, %v, %+v) = %+v: wrong frequency or kind of year", s, freq, cal, p)
				}
				if q, err := model.ParsePeriodIn(p.String(), freq, cal); err != nil || q != p {
					t.Errorf("ParsePeriodIn(%q, %v, %+v) = %+v, but %q reads back as %+v, %v", s, freq, cal, p, p.String(), q, err)
				}
				ind := &model.Indicator{Frequency: freq, Cal: cal}
				if q, err := ind.ParseSlug(p.Slug()); err != nil || q != p {
					t.Errorf("ParsePeriodIn(%q, %v, %+v) = %+v, but slug %q reads back as %+v, %v", s, freq, cal, p, p.Slug(), q, err)
				}
				if !p.End(4).After(time.Date(p.Year-1, 1, 1, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("%+v ends %v, before its first year", p, p.End(4))
				}
				_ = p.Long(4) + p.Short() + p.Words(1)
			}
		}
		if p, err := model.ParseAnyPeriod(s); err == nil {
			if q, err := model.ParsePeriodIn(p.String(), p.Freq, p.Cal); err != nil || q != p {
				t.Errorf("ParseAnyPeriod(%q) = %+v does not round-trip: %+v, %v", s, p, q, err)
			}
		}
	})
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{"# Title\n", "+++\ntitle = \"A\"\n+++\nBody", "+++\r\n+++\r\n", "+++", "+++\ndraft = yes\n+++\n", "\ufeff+++\n+++\n", "---\ntitle: x\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		front, body, line, err := SplitFrontMatter(b)
		in := bytes.TrimPrefix(b, []byte("\ufeff"))
		if err == nil {
			if !bytes.HasSuffix(in, body) {
				t.Fatalf("body %q is not the end of the file %q", body, in)
			}
			if want := 1 + bytes.Count(in[:len(in)-len(body)], []byte("\n")); front != nil && line != want && len(body) > 0 {
				t.Errorf("bodyLine = %d, want %d", line, want)
			}
			if front == nil && (line != 1 || !bytes.Equal(body, in)) {
				t.Errorf("no front matter but body %q line %d", body, line)
			}
			if front != nil && !bytes.HasPrefix(in, []byte("+++")) {
				t.Errorf("front matter found in a file that does not start with +++")
			}
		}
		var ps model.Problems
		page, ok := ParsePage("content/x.md", b, &ps)
		if ok && page == nil {
			t.Fatal("ParsePage ok with no page")
		}
		checkPositions(t, ps)
	})
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"indicator,period,value,numerator,denominator,target,flag,note\nidva-referrals,2022/23 Q1,412,,,430,p,note\n",
		"indicator,period,value\r\nidva-referrals,2022/23 Q1,\"1,234\"\r\n",
		"indicator,2022/23 Q1,2022/23 Q2\nidva-referrals,412 [p],[c]\n",
		"indicator,period,numerator,denominator\nbirths-42-days,2022/23 Q1,1,4\n",
		"a,\"b\nc",
		"\ufeffindicator,period,value\n",
		"indicator,period,value\nk,2022-04,caf\xe9\n",
		// SPEC 3.8: the service's own status, wide code/target columns
		"indicator,period,value,status\nidva-referrals,2022/23 Q1,412,Green\nidva-referrals,2022/23 Q2,,red\n",
		"indicator,code,2022/23 Q1,target\nidva-referrals,,412,430\n",
		"indicator,period,value,lower,upper,area\nidva-referrals,2022/23 Q1,412,400,430,E0\nidva-referrals,2022/23 Q1,412,430,400,\n",
	} {
		f.Add([]byte(s))
	}
	inds := mustIndicators(f, testIndicators)
	f.Fuzz(func(t *testing.T, b []byte) {
		var ps model.Problems
		obs := ValuesFile("data/values/f.csv", b, inds, &ps)
		checkPositions(t, ps)
		for _, o := range obs {
			ind := newIndicatorIndex(inds).byID[o.Indicator]
			if ind == nil || o.Period.Freq != ind.Frequency {
				t.Errorf("observation %+v does not fit its indicator", o)
			}
			if !o.Value.Valid && !o.Flag.ExplainsMissing() {
				t.Errorf("observation %+v has no value and no flag that explains it", o)
			}
			if o.Value.Valid && (math.IsNaN(o.Value.V) || math.IsInf(o.Value.V, 0)) {
				t.Errorf("observation %+v has a value that is not finite", o)
			}
			if o.Lower.Valid != o.Upper.Valid || (o.Lower.Valid && (o.Lower.V > o.Upper.V || (o.Value.Valid && (o.Value.V < o.Lower.V || o.Value.V > o.Upper.V)))) {
				t.Errorf("observation %+v has a broken confidence interval", o)
			}
			if o.Pos.Path != "data/values/f.csv" || o.Pos.Line < 2 {
				t.Errorf("observation %+v has a bad position", o)
			}
		}
	})
}

func FuzzSite(f *testing.F) {
	f.Add(validSite["site.toml"], validSite["data/indicators/domestic-abuse.toml"], validSite["data/values/domestic-abuse.csv"], validSite["content/about.md"])
	f.Add("title = 1\n[[service]]\nid = 2", "[[indicator]]\nid = \"x\"\ntarget = { kind = \"reference\", period = 3 }", "indicator,2022/23\nx,[c]", "+++\n+++\n")
	f.Add("", "", "", "")
	// SPEC 3.8: kinds of year, target lists, metadata, the status column, wide extras.
	f.Add("title = \"T\"\norganisation = \"O\"\nfinancial_year_start = 1\nacademic_year_start = 8\n[values]\nignore_columns = [\"Outturn\"]\n[[committee]]\nid = \"c\"\nname = \"C\"\n[[service]]\nid = \"s\"\nname = \"S\"\ncommittee = \"c\"\n",
		"[[indicator]]\nid = \"x\"\ntitle = \"X\"\nservice = \"s\"\nfrequency = \"multi_year\"\nyear = \"academic\"\nunit = \"score\"\nunit_label = \"score out of 12\"\npolarity = \"higher\"\ncode = \"A1\"\nreleased = 2023-01-02\nnext_release = \"TBC\"\nfootnotes = [\"a\"]\nexpected_lag = \"1 year\"\ntarget = [ { kind = \"fixed\", value = 5, amber = 4, from = \"2017/18 to 2019/20\" }, { kind = \"none\", from = \"2020/21 to 2022/23\" } ]\n",
		"indicator,period,value,status\nx,2017/18 to 2019/20,6.9,green\nx,2020-21 to 2022-23,,amber\n",
		"+++\n+++\n")
	// SPEC 3.9: languages and translation tables.
	f.Add("title = \"T\"\norganisation = \"O\"\nlanguages = [\"en-GB\", \"cy\"]\n[cy]\ntitle = \"Teitl\"\n[[committee]]\nid = \"c\"\nname = \"C\"\ncy = { name = \"P\" }\n[[service]]\nid = \"s\"\nname = \"S\"\ncommittee = \"c\"\ncy = { name = \"G\" }\n",
		"[[indicator]]\nid = \"x\"\ntitle = \"X\"\nservice = \"s\"\nfrequency = \"quarterly\"\nunit = \"count\"\npolarity = \"higher\"\n[indicator.cy]\ntitle = \"Y\"\ndefinition = \"D\"\n",
		"indicator,period,value\nx,2022/23 Q1,1\n", "+++\ntitle = \"Am\"\n+++\nCroeso.\n")
	f.Fuzz(func(t *testing.T, site, indicators, values, page string) {
		fsys := fstest.MapFS{
			"site.toml":                            &fstest.MapFile{Data: []byte(site)},
			"data/indicators/f.toml":               &fstest.MapFile{Data: []byte(indicators)},
			"data/values/f.csv":                    &fstest.MapFile{Data: []byte(values)},
			"data/actions/f.csv":                   &fstest.MapFile{Data: []byte(values)},
			"content/about.md":                     &fstest.MapFile{Data: []byte(page)},
			"content/about.cy.md":                  &fstest.MapFile{Data: []byte(page)},
			"content/commentary/2022-23-q1/x.md":   &fstest.MapFile{Data: []byte(page)},
			"content/indicators/idva-referrals.md": &fstest.MapFile{Data: []byte(page)},
		}
		in, ps := Site(fsys)
		if in == nil {
			t.Fatal("Site returned no Input")
		}
		checkPositions(t, ps)
		for i := 1; i < len(ps); i++ {
			a, b := ps[i-1].Pos, ps[i].Pos
			if a.Path > b.Path || a.Path == b.Path && a.Line > b.Line {
				t.Fatalf("problems not sorted: %v before %v", ps[i-1], ps[i])
			}
		}
		if !strings.HasSuffix(in.Site.BaseURL, "/") {
			t.Errorf("BaseURL %q does not end in /", in.Site.BaseURL)
		}
		for i, ind := range in.Indicators {
			if ind == nil || !IsSlug(ind.ID) || (i > 0 && in.Indicators[i-1].ID >= ind.ID) {
				t.Errorf("indicators not valid and sorted: %v", in.Indicators)
			}
		}
	})
}

// checkPositions fails if a problem has no path or an impossible line or
// column, or an empty message.
func checkPositions(tb testing.TB, ps model.Problems) {
	tb.Helper()
	for _, p := range ps {
		if p.Pos.Path == "" || p.Pos.Line < 0 || p.Pos.Column < 0 || (p.Pos.Column > 0 && p.Pos.Line == 0) || p.Message == "" {
			tb.Errorf("badly positioned problem: %#v", p)
		}
	}
}

// FuzzTOMLTooDeep checks the nesting pre-scan never panics, answers an
// offset inside the file, and lets through every file the decoder can
// read at a small depth.
func FuzzTOMLTooDeep(f *testing.F) {
	for _, s := range []string{
		"a = 1", "[[indicator]]\nid = \"a\"\ntarget = { kind = \"fixed\", value = 1 }\n",
		"a = [[[[[[[[[[[[[[[1]]]]]]]]]]]]]]", "a = {b={c={d={e={f={g={h={i={j={k={l={m=1}}}}}}}}}}}}",
		"a.b.c.d.e.f.g.h.i.j.k.l.m = 1", "[a.b.c.d.e.f.g.h.i.j.k.l.m]", "a = \"\"\"[[[\"\"\"", "a = '[{' # [[[",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		off := tomlTooDeep([]byte(src), MaxTOMLDepth)
		if off < -1 || off >= len(src) {
			t.Fatalf("tomlTooDeep = %d for a file of %d bytes", off, len(src))
		}
		// Flat files with a few keys are never too deep.
		if off >= 0 && !strings.ContainsAny(src, "[{.") {
			t.Errorf("tomlTooDeep(%q) = %d, but the file has no nesting", src, off)
		}
	})
}

// FuzzPlaceholders checks the FILL IN scan never panics and reports at
// most one warning a file, inside the file, only when FILL IN is there.
func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"title = \"FILL IN\"", "# FILL IN\n", "\ufeffFILL IN", "a\nFILL INFILL IN\n", "FILL I"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, toml bool) {
		var ps model.Problems
		placeholders("a.md", []byte(src), toml, &ps)
		if len(ps) > 1 || len(ps) == 1 && !strings.Contains(src, Placeholder) {
			t.Fatalf("placeholders(%q) = %v", src, ps)
		}
		if len(ps) == 1 && (ps[0].Pos.Line < 1 || ps[0].Pos.Line > strings.Count(src, "\n")+1 || ps[0].Pos.Column < 1) {
			t.Errorf("placeholders(%q) at %v", src, ps[0].Pos)
		}
	})
}
