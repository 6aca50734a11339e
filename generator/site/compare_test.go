package site

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// compareSite is a small site of national statistics: an own area, an
// England comparator, a group of neighbours, breakdowns by sex and age
// group, and confidence intervals.
func compareSite() fstest.MapFS {
	return fstest.MapFS{
		"site.toml": {Data: []byte(`title = "Ourshire statistics"
organisation = "Ourshire County Council"
base_url = "/"
area = { code = "E1", name = "Ourshire" }
[reporting]
published = 2023-07-01
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
[[breakdown]]
id = "age"
name = "Age group"
`)},
		"data/indicators/health.toml": {Data: []byte(`[[indicator]]
id = "smoking"
title = "Adults who smoke"
service = "public-health"
frequency = "annual"
unit = "percent"
polarity = "lower"
confidence = 95
breakdowns = ["sex", "age"]

[[indicator]]
id = "only-parts"
title = "Only breakdowns"
service = "public-health"
frequency = "annual"
unit = "count"
polarity = "neutral"
breakdowns = ["sex"]
`)},
		"data/values/smoking.csv": {Data: []byte(`indicator,period,value,lower,upper,area,sex,age
smoking,2020/21,14.0,12.5,15.5,,,
smoking,2021/22,12.0,10.4,13.6,,,
smoking,2022/23,11.0,9.6,12.4,,,
smoking,2022/23,12.0,,,E0,,
smoking,2022/23,13.0,,,N1,,
smoking,2022/23,10.0,,,N2,,
smoking,2022/23,15.0,,,N3,,
smoking,2022/23,9.0,,,N4,,
smoking,2022/23,12.0,,,,Male,
smoking,2022/23,10.0,,,,Female,
smoking,2022/23,20.0,,,,,18-24
smoking,2022/23,8.0,,,,,65+
smoking,2022/23,13.5,,,E0,Male,
only-parts,2022/23,5,,,,Female,
only-parts,2022/23,7,,,,Male,
only-parts,2021/22,6,,,E0,,
only-parts,2022/23,8,,,E0,,
`)},
	}
}

func TestCompareSiteEndToEnd(t *testing.T) {
	files := mustBuild(t, compareSite())
	page := string(files["indicators/smoking/index.html"])
	if testing.Verbose() {
		t.Log(page)
	}
	mustContain(t, "indicator page", page,
		// Summary: the first comparator, with significance, and the rank.
		"Similar to England (12.0%).",
		"3rd best of 5 in Nearest neighbours, in the second quarter.",
		// The main table has a column per comparator, and the rank.
		`<caption id="data-caption">Adults who smoke: figures for each period, with England and Nearest neighbours</caption>`,
		`<th scope="col" class="num">Figure</th>`+"\n"+`<th scope="col" class="num">England</th>`+"\n"+
			`<th scope="col" class="num">Nearest neighbours (median)</th>`+"\n"+`<th scope="col" class="num">Rank in Nearest neighbours</th>`,
		`<td class="num">11.0%</td>`+"\n"+`<td class="num">12.0%</td>`+"\n"+
			`<td class="num">11.5%</td>`+"\n"+ // median of 9, 10, 13, 15
			`<td class="num">3rd of 5 (second quarter)</td>`,
		// The intervals table, without the comparators again.
		`<h2 id="compare-heading">Confidence intervals</h2>`,
		`<th scope="col" class="num">Ourshire</th>`,
		`<th scope="col" class="num">95% confidence interval</th>`,
		`<td class="num">9.6% to 12.4%</td>`,
		// Breakdowns: a chart and a table each, in the site's order.
		`<h2 id="by-sex">By sex</h2>`, `<h2 id="by-age">By age group</h2>`,
		`<th scope="col" class="num">Male</th>`+"\n"+`<th scope="col" class="num">Female</th>`,
		"Light blue: 95% confidence interval.",
		"the place of Ourshire among the 4 other areas of the group and itself",
		"Grey: England; Nearest neighbours median, for",
	)
	// Each comparator's figures are in one table only.
	if n := strings.Count(page, `Nearest neighbours (median)</th>`); n != 1 {
		t.Errorf("the neighbours' median heads %d columns, want 1", n)
	}
	// Every chart on the page is well-formed XML.
	for _, svg := range strings.Split(page, "<svg")[1:] {
		end := strings.Index(svg, "</svg>")
		if err := xml.Unmarshal([]byte("<svg"+svg[:end+6]), new(struct{})); err != nil {
			t.Errorf("chart is not well-formed: %v", err)
		}
	}
	// 2021/22 to 2022/23: intervals overlap, so no significant change.
	var doc struct {
		Periods []struct {
			Period    string   `json:"period"`
			Direction *string  `json:"direction"`
			Lower     *float64 `json:"lower"`
			Upper     *float64 `json:"upper"`
			Rank      int      `json:"rank"`
			RankOf    int      `json:"rank_of"`
			Quartile  int      `json:"quartile"`
		} `json:"periods"`
		Breakdowns []struct {
			Dimensions map[string]string `json:"dimensions"`
		} `json:"breakdowns"`
		Comparators []struct {
			ID         string                     `json:"id"`
			Name       string                     `json:"name"`
			Periods    []struct{ Value *float64 } `json:"periods"`
			Breakdowns []struct {
				Dimensions map[string]string `json:"dimensions"`
			} `json:"breakdowns"`
		} `json:"comparators"`
	}
	if err := json.Unmarshal(files["indicators/smoking/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	last := doc.Periods[len(doc.Periods)-1]
	if last.Direction == nil || *last.Direction != "no-significant-change" {
		t.Errorf("latest direction = %v, want no-significant-change", last.Direction)
	}
	if last.Lower == nil || *last.Lower != 9.6 || *last.Upper != 12.4 {
		t.Errorf("latest interval = %v to %v", last.Lower, last.Upper)
	}
	if last.Rank != 3 || last.RankOf != 5 || last.Quartile != 2 {
		t.Errorf("latest rank = %d of %d, quartile %d", last.Rank, last.RankOf, last.Quartile)
	}
	if len(doc.Breakdowns) != 4 || doc.Breakdowns[0].Dimensions["sex"] != "Male" {
		t.Errorf("breakdowns = %+v", doc.Breakdowns)
	}
	if len(doc.Comparators) != 2 || doc.Comparators[0].ID != "england" || *doc.Comparators[1].Periods[0].Value != 11.5 {
		t.Errorf("comparators = %+v", doc.Comparators)
	}
	if len(doc.Comparators[0].Breakdowns) != 1 || doc.Comparators[0].Breakdowns[0].Dimensions["sex"] != "Male" {
		t.Errorf("England's breakdowns = %+v", doc.Comparators[0].Breakdowns)
	}
	csv := string(files["indicators/smoking/data.csv"])
	mustContain(t, "data.csv", csv,
		"indicator,period,value,numerator,denominator,target,status,status_source,direction,flag,note,sex,age,area,lower,upper\n",
		"smoking,2022/23,11,,,,no-target,computed,no-significant-change,,,,,E1,9.6,12.4\n",
		"smoking,2022/23,12,,,,no-target,computed,,,,Male,,E1,,\n",
		"smoking,2022/23,9,,,,no-target,computed,,,,,,N4,,\n",
		"smoking,2022/23,13.5,,,,no-target,computed,,,,Male,,E0,,\n",
	)
	all := string(files["data/all.csv"])
	mustContain(t, "all.csv", all, ",note,sex,age,area,lower,upper\n", "only-parts,2022/23,5,5,,,,no-target,computed,,,,Female,,E1,,\n")
	// No headline rows: no status, and the page says there is no overall figure.
	parts := string(files["indicators/only-parts/index.html"])
	mustContain(t, "only-parts page", parts, "There is no overall figure for this indicator",
		// With no overall figure the comparators keep a table of their own.
		`<h2 id="compare-heading">Compared with other areas</h2>`, `<th scope="col" class="num">England</th>`)
	mustOmit(t, "only-parts page", parts, "There is no figure for this indicator yet.", "No data to chart yet.")
	// Scorecards and reports say it has no overall figure, not that data are missing.
	for _, name := range []string{"index.html", "services/public-health/index.html", "committees/health/index.html", "reports/2022-23/index.html"} {
		page := string(files[name])
		i := strings.Index(page, ">Only breakdowns</a>")
		if i < 0 {
			t.Errorf("%s: no row for only-parts", name)
			continue
		}
		row := page[i:]
		row = row[:strings.Index(row, "</tr>")]
		mustContain(t, name+" only-parts row", row, `<span class="status status-none"><span class="status-icon" aria-hidden="true">–</span> No overall figure</span>`)
		mustOmit(t, name+" only-parts row", row, "No data", "[x]")
	}
	// Its chart draws the comparator it has.
	mustContain(t, "only-parts chart", string(files["indicators/only-parts/chart.svg"]), ">England</text>", "Latest figure: England: 8 in")
}

func TestCompareSiteErrors(t *testing.T) {
	fsys := compareSite()
	fsys["data/values/bad.csv"] = &fstest.MapFile{Data: []byte(`indicator,period,value,lower,upper,area,sex,age,region
smoking,2019/20,14.0,15.0,16.0,,,,
smoking,2019/20,14.0,,16.0,X9,,,
only-parts,2019/20,4,,,,,16-24,
smoking,2018/19,14.0,13,12,,,,
`)}
	_, c, err := Build(fsys, Options{BuildDate: buildDate})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	got := c.Problems.String()
	for _, want := range []string{
		`data/values/bad.csv:1:49: unknown column "region"`,
		`data/values/bad.csv:2:17: column "value": 14 lies outside its confidence interval 15 to 16; expected lower ≤ value ≤ upper`,
		`data/values/bad.csv:3:22: column "lower" is empty but "upper" is given`,
		`data/values/bad.csv:4:26: column "age": indicator "only-parts" has no breakdown "age", but the row gives "16-24"`,
		`data/values/bad.csv:5:22: column "lower": 13 is above upper 12`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// The second example site builds without problems and shows what it is
// meant to show.
func TestNationalStatisticsExample(t *testing.T) {
	fsys := os.DirFS(filepath.Join("..", "..", "examples", "national-statistics"))
	// Built on the day it was published: its figures run to 2023.
	published := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	files, c, err := Build(fsys, Options{BuildDate: published, Strict: true})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, c.Problems)
	}
	page := string(files["indicators/smoking-prevalence/index.html"])
	mustContain(t, "smoking page", page, "Similar to England", "in Similar county areas", `<h2 id="by-age">By age group</h2>`, "illustrative")
	mustContain(t, "suicide data.json", string(files["indicators/suicide-rate/data.json"]), `"comparators": [`, `"breakdowns": [`, `"lower": `,
		`"frequency": "multi_year"`, `"period": "2021 to 2023"`)
	// Calendar years: "2023", never a financial year.
	mustContain(t, "smoking page", page, "11.8% in 2023.")
	mustOmit(t, "smoking page", page, "2022/23", "April 2022")
	mustContain(t, "home page", string(files["index.html"]), "latest: 2021 to 2023")
}
