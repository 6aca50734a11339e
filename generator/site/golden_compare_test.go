package site

import (
	"testing"
	"testing/fstest"
	"time"
)

// goldenCompareSite is a small site of calendar-year statistics with one
// indicator for each SPEC 3.8 addition a page draws: a breakdown, a pair
// of comparators (one a group, with a tie in the council's rank), and
// confidence intervals.
func goldenCompareSite() fstest.MapFS {
	return fstest.MapFS{
		"site.toml": {Data: []byte(`title = "Ourshire statistics"
organisation = "Ourshire County Council"
base_url = "/"
area = { code = "E1", name = "Ourshire" }
[reporting]
published = 2024-07-01
[[committee]]
id = "health"
name = "Health Committee"
[[service]]
id = "public-health"
name = "Public Health"
committee = "health"
[[comparator]]
id = "england"
name = "England"
areas = ["E0"]
[[comparator]]
id = "neighbours"
name = "Nearest neighbours"
areas = ["N1", "N2", "N3", "N4"]
[[breakdown]]
id = "sex"
name = "Sex"
order = ["Male", "Female"]
`)},
		"data/indicators/health.toml": {Data: []byte(`[[indicator]]
id = "by-sex"
title = "Adults who are physically active"
service = "public-health"
frequency = "annual"
year = "calendar"
unit = "percent"
decimals = 1
polarity = "higher"
breakdowns = ["sex"]

[[indicator]]
id = "compared"
title = "Children in low-income families"
service = "public-health"
frequency = "annual"
year = "calendar"
unit = "percent"
decimals = 1
polarity = "lower"

[[indicator]]
id = "intervals"
title = "Suicide rate"
service = "public-health"
frequency = "multi_year"
year = "calendar"
unit = "rate"
unit_label = "deaths per 100,000 people"
decimals = 1
polarity = "lower"
confidence = 95
`)},
		"data/values/health.csv": {Data: []byte(`indicator,period,value,lower,upper,area,sex
by-sex,2021,61.0,,,,
by-sex,2022,62.5,,,,
by-sex,2023,63.0,,,,
by-sex,2021,64.0,,,,Male
by-sex,2022,65.5,,,,Male
by-sex,2023,66.0,,,,Male
by-sex,2021,58.0,,,,Female
by-sex,2022,59.5,,,,Female
by-sex,2023,60.0,,,,Female
compared,2021,18.0,,,,
compared,2022,17.5,,,,
compared,2023,17.0,,,,
compared,2021,19.0,,,E0,
compared,2022,19.5,,,E0,
compared,2023,20.0,,,E0,
compared,2022,15.0,,,N1,
compared,2022,18.0,,,N2,
compared,2022,21.0,,,N3,
compared,2022,22.0,,,N4,
compared,2023,16.0,,,N1,
compared,2023,17.0,,,N2,
compared,2023,18.0,,,N3,
compared,2023,23.0,,,N4,
intervals,2018 to 2020,10.4,9.1,11.8,,
intervals,2019 to 2021,11.0,9.7,12.4,,
intervals,2020 to 2022,12.9,11.5,14.4,,
`)},
	}
}

// TestGoldenComparePages compares whole indicator pages with golden files:
// a breakdown, comparators with a rank, and an interval chart.
func TestGoldenComparePages(t *testing.T) {
	// Built on the day it was published: its figures run to 2023.
	files, c, err := Build(goldenCompareSite(), Options{BuildDate: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), Version: "test"})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, c.Problems)
	}
	for _, id := range []string{"by-sex", "compared", "intervals"} {
		t.Run(id, func(t *testing.T) {
			golden(t, "testdata/compare-"+id+".html", files["indicators/"+id+"/index.html"])
		})
	}
	// The pages show what the goldens are for.
	mustContain(t, "by-sex", string(files["indicators/by-sex/index.html"]), `<h2 id="by-sex">By sex</h2>`)
	mustContain(t, "compared", string(files["indicators/compared/index.html"]),
		"Joint 2nd best of 5 in Nearest neighbours, in the best quarter.",
		`<td class="num">joint 2nd of 5 (best quarter)</td>`, `<td class="num">2nd of 5 (best quarter)</td>`)
	mustContain(t, "intervals", string(files["indicators/intervals/index.html"]), "95% confidence interval", "2020 to 2022")
}
