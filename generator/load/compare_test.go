package load

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestSiteConfigCompare(t *testing.T) {
	site, ps := SiteConfig(mapFS(map[string]string{"site.toml": `area = { code = "E1", name = "Ourshire" }
` + minimalSite + `
[[comparator]]
id = "england"
name = "England"
areas = ["E0"]
[[comparator]]
id = "neighbours"
name = "Neighbours"
areas = ["N1", "N2", "E1"]
[[breakdown]]
id = "age"
name = "Age group"
order = ["16-24", "25-64"]
`}))
	checkProblems(t, ps, nil)
	if site.Area != (model.Area{Code: "E1", Name: "Ourshire"}) || len(site.Comparators) != 2 || len(site.Breakdowns) != 1 {
		t.Fatalf("site = %+v", site)
	}
	if c := site.Comparators[1]; !c.IsGroup() || !c.Has("E1") || site.Comparators[0].IsGroup() {
		t.Errorf("comparators = %+v", site.Comparators)
	}
	if b := site.Breakdown("age"); b == nil || b.Name != "Age group" || strings.Join(b.Order, ",") != "16-24,25-64" {
		t.Errorf("breakdown = %+v", b)
	}
}

func TestSiteConfigCompareProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"area without a name", `#area = { code = "E1" }`,
			[]string{`site.toml:1:1: missing key "area.name"; expected the area's name, such as name = "Cambridgeshire"`}},
		{"comparator of the own area", `#area = { code = "E1", name = "O" }
[[comparator]]
id = "self"
name = "Us"
areas = ["E1"]`,
			[]string{`site.toml:18:1: key "comparator.areas": "E1" is the site's own area; expected the code of another area`}},
		{"repeated area in a group", `[[comparator]]
id = "g"
name = "Group"
areas = ["A", "B", "A"]`,
			[]string{`site.toml:18:1: key "comparator.areas": repeats "A"; expected each area once`}},
		{"comparator id not a slug and missing areas", `[[comparator]]
id = "Near Neighbours"
name = "N"`,
			[]string{`site.toml:15:1: missing key "comparator.areas"; expected the area codes, such as areas = ["E92000001"] (two or more make a group shown as its median)`}},
		{"bad comparator id", `[[comparator]]
id = "Near Neighbours"
name = "N"
areas = ["A"]`,
			[]string{`site.toml:16:1: key "comparator.id": "Near Neighbours" is not a valid id; expected lower-case letters, digits and hyphens, starting with a letter or digit, such as "england"`}},
		{"breakdown named like a standard column", `[[breakdown]]
id = "value"
name = "V"`,
			[]string{`site.toml:16:1: key "breakdown.id": "value" is already a column of values files; expected another name, such as "age" or "sex"`}},
		{"repeated breakdown", `[[breakdown]]
id = "sex"
name = "Sex"
[[breakdown]]
id = "sex"
name = "Sex again"`,
			[]string{`site.toml:19:1: key "breakdown.id": repeated breakdown id "sex", first at site.toml:16:1; expected each id once`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A first line starting "#" is a top-level key, written before the tables.
			top, rest := "\n", tt.src
			if strings.HasPrefix(tt.src, "#") {
				first, after, _ := strings.Cut(tt.src, "\n")
				top, rest = first[1:]+"\n", after
			}
			_, ps := SiteConfig(mapFS(map[string]string{"site.toml": top + minimalSite + "\n" + rest + "\n"}))
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestIndicatorCompareKeys(t *testing.T) {
	inds := mustIndicators(t, `[[indicator]]
id = "k"
title = "K"
service = "s"
frequency = "annual"
unit = "percent"
polarity = "lower"
breakdowns = ["sex", "age"]
confidence = 95
area = { code = "E92000001", name = "England" }
`)
	ind := inds[0]
	if strings.Join(ind.Breakdowns, ",") != "sex,age" || ind.Confidence != 95 || ind.Area == nil || ind.Area.Name != "England" {
		t.Errorf("indicator = %+v", ind)
	}
	var ps model.Problems
	IndicatorFile("data/indicators/test.toml", []byte(`[[indicator]]
id = "k"
title = "K"
service = "s"
frequency = "annual"
unit = "percent"
polarity = "lower"
breakdowns = ["sex", "sex", "note"]
confidence = 150
`), &ps)
	checkProblems(t, ps, []string{
		`data/indicators/test.toml:8:1: key "breakdowns": "note" is already a column of values files; expected another name, such as "age" or "sex"`,
		`data/indicators/test.toml:8:1: key "breakdowns": repeats "sex"; expected each breakdown once`,
		`data/indicators/test.toml:9:1: key "confidence": 150 is not a confidence level; expected a percentage between 0 and 100 such as 95`,
	})
}

func TestValuesCompareColumns(t *testing.T) {
	inds := mustIndicators(t, `[[indicator]]
id = "k"
title = "K"
service = "s"
frequency = "annual"
unit = "percent"
polarity = "lower"
breakdowns = ["sex", "age-group"]
`)
	var ps model.Problems
	obs := ValuesFile("data/values/v.csv", []byte(`indicator,period,value,lower,upper,area,sex,Age group
k,2022/23,10,9,11,,,
k,2022/23,12,,,,Female,16-24
k,2022/23,11,,,E0,,
`), inds, &ps)
	checkProblems(t, ps, nil)
	if len(obs) != 3 {
		t.Fatalf("%d observations, want 3", len(obs))
	}
	if o := obs[0]; !o.Lower.Valid || o.Lower.V != 9 || o.Upper.V != 11 || o.Dims != nil || o.Area != "" {
		t.Errorf("headline = %+v", o)
	}
	if got := model.DimKey(obs[1].Dims); got != "sex=Female|age-group=16-24" {
		t.Errorf("dims = %q, want the indicator's order", got)
	}
	if obs[2].Area != "E0" {
		t.Errorf("area = %q", obs[2].Area)
	}
	if got := obs[2].AreaPos().String(); got != "data/values/v.csv:4:16" {
		t.Errorf("area cell at %s; want data/values/v.csv:4:16", got)
	}
	// The same period for another area or category is not a repeat; the
	// same area and categories is.
	all := dedupe(append(obs, obs[1]), &ps)
	if len(all) != 3 || len(ps) != 1 || !strings.Contains(ps[0].Message, "(Female, 16-24)") {
		t.Errorf("dedupe: %d kept, problems %v", len(all), lines(ps))
	}
}

// TestAreaPos: the area cell's position is its own line and column, in
// the row's file, even after a cell that runs over several lines; a row
// read with no area cell (wide format) gives the row's position.
func TestAreaPos(t *testing.T) {
	inds := mustIndicators(t, `[[indicator]]
id = "k"
title = "K"
service = "s"
frequency = "annual"
unit = "percent"
polarity = "lower"
`)
	var ps model.Problems
	obs := ValuesFile("data/values/v.csv", []byte("indicator,period,value,note,area\nk,2022/23,10,\"two\nlines\",E0\n"), inds, &ps)
	checkProblems(t, ps, nil)
	if len(obs) != 1 {
		t.Fatalf("%d observations, want 1", len(obs))
	}
	if got, want := obs[0].AreaPos(), (model.Position{Path: "data/values/v.csv", Line: 3, Column: 8}); got != want {
		t.Errorf("area cell at %+v; want %+v", got, want)
	}
	o := model.Observation{Pos: model.Position{Path: "v.xlsx", Sheet: "Q1", Line: 7, Column: 3}}
	if got := o.AreaPos(); got != o.Pos {
		t.Errorf("no area cell: %+v; want the row's %+v", got, o.Pos)
	}
}
