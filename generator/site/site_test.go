package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

var buildDate = time.Date(2022, 7, 25, 0, 0, 0, 0, time.UTC)

// testSite is a small site that uses every computation: fixed, reference
// and no targets, a ytd indicator, suppression, a wide CSV, flags, notes,
// commentary, and hostile text that must be escaped.
func testSite() fstest.MapFS {
	return fstest.MapFS{
		"site.toml": {Data: []byte(`title = "Test council performance"
organisation = "Test <Council> & Partners"
base_url = "https://www.example.gov.uk/performance/"
notice = "Figures are illustrative."
[reporting]
current_period = "2022/23 Q1"
published = 2022-07-21
next_update = 2022-10-20
[[committee]]
id = "csmi"
name = "Communities Committee"
[[service]]
id = "domestic-abuse"
name = "Domestic Abuse"
committee = "csmi"
[[service]]
id = "libraries"
name = "Libraries"
committee = "csmi"
`)},
		"data/indicators/da.toml": {Data: []byte(`[[indicator]]
id = "idva-referrals"
title = "Referrals to the IDVA <script>alert(1)</script> service"
short_title = "IDVA referrals"
noun = "referrals"
service = "domestic-abuse"
frequency = "quarterly"
unit = "count"
polarity = "higher"
target = { kind = "fixed", value = 430 }
definition = "Referrals received."

[[indicator]]
id = "small-numbers"
title = "Small numbers"
service = "domestic-abuse"
frequency = "quarterly"
unit = "count"
polarity = "lower"
suppress_below = 5
target = { kind = "previous_year" }
`)},
		"data/indicators/lib.toml": {Data: []byte(`[[indicator]]
id = "library-visits"
title = "Visits to libraries"
service = "libraries"
frequency = "quarterly"
unit = "count"
polarity = "higher"
measure = "ytd"
target = { kind = "reference", period = "2019/20" }
forecast = true # its 2022/23 Q2 figure is after the current period

[[indicator]]
id = "old-loans"
title = "Item loans"
service = "libraries"
frequency = "quarterly"
unit = "count"
polarity = "higher"
status = "retired"
retired = "2022/23 Q1"
replaced_by = ["library-visits"]
legacy_id = "Indicator 38"
`)},
		"data/values/da.csv": {Data: []byte("indicator,period,value,flag,note\n" +
			"idva-referrals,2021/22 Q1,380,,\n" +
			"idva-referrals,2021/22 Q2,395,r,Revised after a data cleanse\n" +
			"idva-referrals,2022/23 Q1,412,p,\n" +
			"small-numbers,2021/22 Q1,3,,\n" +
			"small-numbers,2022/23 Q1,6,,\n")},
		"data/values/lib.csv": {Data: []byte("indicator,2019/20 Q1,2019/20 Q2,2022/23 Q1,2022/23 Q2\n" +
			"library-visits,100,120,90,80 [p]\n" +
			"old-loans,5000,5100,,\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Home\"\n+++\nWelcome. <b>bold</b>\n")},
		"content/about.md":  {Data: []byte("+++\ntitle = \"About this site\"\n+++\n# About\n\n[bad](javascript:alert(1))\n")},
		"content/commentary/2022-23-q1/idva-referrals.md": {Data: []byte("+++\nauthor = \"IDVA Service Manager\"\ndate = 2022-07-15\n+++\nReferrals rose.\n")},
		"content/commentary/2019-20-q2/library-visits.md": {Data: []byte("Visits were steady. See the [methodology](../../about/).\n")},
		"content/services/domestic-abuse.md":              {Data: []byte("+++\ntitle = \"Domestic Abuse\"\n+++\nThe IDVA service supports victims of domestic abuse.\n")},
		"data/actions/joint-plan.csv": {Data: []byte("ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated\n" +
			"H.9,Support carers,csmi,2021-11-30,Director,More carers supported,\"2,900 carers\",complete,Done.,2022-06-30\n" +
			"C.2,Tackle <inequalities> & gaps,csmi,2022-07-01,Director,Regular updates,,in progress,\"# Progress\n\nStill **going**.\",2022-07-10\n" +
			"C.7,Review libraries,csmi,Nov 2022,Director,Review reported,Not applicable,not started,,\n" +
			"C.9,Agree priorities,csmi,When the board meets,Director,Priorities agreed,,Paused,,\n")},
	}
}

func mustBuild(t *testing.T, fsys fstest.MapFS) map[string][]byte {
	t.Helper()
	files, c, err := Build(fsys, Options{BuildDate: buildDate, Version: "test"})
	if err != nil {
		if c != nil {
			t.Fatalf("build: %v\n%v", err, c.Problems)
		}
		t.Fatalf("build: %v", err)
	}
	return files
}

func TestBuildWholeSite(t *testing.T) {
	files := mustBuild(t, testSite())
	for _, p := range []string{
		"index.html", "404.html", "assets/style.css", "about/index.html",
		"services/domestic-abuse/index.html", "services/libraries/index.html", "committees/csmi/index.html",
		"indicators/idva-referrals/index.html", "indicators/idva-referrals/chart.svg",
		"indicators/idva-referrals/data.csv", "indicators/idva-referrals/data.json",
		"indicators/old-loans/index.html", "indicators/library-visits/index.html",
	} {
		if _, ok := files[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	home := string(files["index.html"])
	for _, want := range []string{
		`<html lang="en-GB">`, "Figures are illustrative.", "April to June 2022 (2022/23 Q1)",
		`href="indicators/idva-referrals/"`, "Near target", "Last updated: 21 July 2022",
		"Test &lt;Council&gt; &amp; Partners",
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	if strings.Contains(home, "old-loans") {
		t.Error("home scorecard lists a retired indicator")
	}
	page := string(files["indicators/idva-referrals/index.html"])
	for _, want := range []string{
		"412 referrals in April to June 2022, 4% below the target of 430 (amber). Up from 380 in the same quarter last year (improving). This figure is provisional.",
		`href="../../assets/style.css"`, "Referrals rose.", "IDVA Service Manager, 15 July 2022",
		"Revised after a data cleanse", "<dt>[p]</dt><dd>provisional</dd>", `role="img"`,
		"Referrals to the IDVA &lt;script&gt;alert(1)&lt;/script&gt; service",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("indicator page contains an unescaped script from a title")
	}
	if about := string(files["about/index.html"]); strings.Contains(about, "javascript:") {
		t.Error("about page emits a javascript: link")
	}
	if !strings.Contains(home, "&lt;b&gt;bold&lt;/b&gt;") {
		t.Error("raw HTML in Markdown was not escaped")
	}
	retired := string(files["indicators/old-loans/index.html"])
	for _, want := range []string{"This indicator is no longer reported.", `href="../../indicators/library-visits/"`, "Indicator 38"} {
		if !strings.Contains(retired, want) {
			t.Errorf("retired page lacks %q", want)
		}
	}
	// 404 links work at any depth.
	if nf := string(files["404.html"]); !strings.Contains(nf, `href="/performance/assets/style.css"`) {
		t.Error("404 page does not use absolute links under the base path")
	}
	// Due-for-update notice: next_update 2022-10-20 has not passed on 25 July.
	if strings.Contains(home, "due for an update") {
		t.Error("update notice shown before next_update")
	}
}

func TestDataJSON(t *testing.T) {
	files := mustBuild(t, testSite())
	var doc struct {
		ID, Title, Service, Unit, Polarity, Frequency, Measure string
		Periods                                                []map[string]any
	}
	if err := json.Unmarshal(files["indicators/idva-referrals/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID != "idva-referrals" || doc.Unit != "count" || doc.Polarity != "higher" || doc.Frequency != "quarterly" || doc.Measure != "period" {
		t.Errorf("header fields wrong: %+v", doc)
	}
	last := doc.Periods[len(doc.Periods)-1]
	want := map[string]any{"period": "2022/23 Q1", "value": 412.0, "target": 430.0, "status": "amber", "direction": "improving", "flag": "p", "note": ""}
	for k, v := range want {
		if last[k] != v {
			t.Errorf("last period %s = %v, want %v", k, last[k], v)
		}
	}
	// The gap quarters between rows are there, in order, with null values.
	if got := doc.Periods[2]["period"]; got != "2021/22 Q3" || doc.Periods[2]["value"] != nil || doc.Periods[2]["status"] != "no-data" {
		t.Errorf("gap period = %v", doc.Periods[2])
	}
	if doc.Periods[0]["direction"] != nil {
		t.Errorf("first period direction = %v, want null", doc.Periods[0]["direction"])
	}

	var ytd struct{ Periods []map[string]any }
	if err := json.Unmarshal(files["indicators/library-visits/data.json"], &ytd); err != nil {
		t.Fatal(err)
	}
	q2 := ytd.Periods[len(ytd.Periods)-1]
	if q2["value"] != 170.0 || q2["period_value"] != 80.0 || q2["target"] != 220.0 || q2["status"] != "red" {
		t.Errorf("ytd 2022/23 Q2 = %v, want value 170 (90+80), period_value 80, target 220 (100+120), red", q2)
	}
}

func TestWithheldFigureAppearsNowhere(t *testing.T) {
	files := mustBuild(t, testSite())
	// small-numbers 2021/22 Q1 is 3 with suppress_below = 5.
	var doc struct{ Periods []map[string]any }
	if err := json.Unmarshal(files["indicators/small-numbers/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	first := doc.Periods[0]
	if first["value"] != nil || first["status"] != "withheld" || first["flag"] != "c" {
		t.Errorf("withheld period = %v", first)
	}
	// 2022/23 Q1 (6) has a previous_year target of the withheld 3: it
	// must not be published either.
	last := doc.Periods[len(doc.Periods)-1]
	if last["target"] != nil || last["value"] != 6.0 {
		t.Errorf("period after withheld = %v, want target null (it would reveal 3)", last)
	}
	csv := string(files["indicators/small-numbers/data.csv"])
	if !strings.Contains(csv, "small-numbers,2021/22 Q1,[c],") {
		t.Errorf("data.csv lacks the [c] row:\n%s", csv)
	}
	for _, p := range []string{"indicators/small-numbers/index.html", "indicators/small-numbers/chart.svg", "indicators/small-numbers/data.csv", "indicators/small-numbers/data.json"} {
		text := string(files[p])
		for _, leak := range []string{">3<", ",3,", ": 3,", " 3 referrals", "\"3\"", ">3 <"} {
			if strings.Contains(text, leak) {
				t.Errorf("%s contains %q: the withheld figure may have leaked", p, leak)
			}
		}
	}
}

func TestEverySVGIsWellFormedXML(t *testing.T) {
	files := mustBuild(t, testSite())
	n := 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".svg") {
			continue
		}
		n++
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Errorf("%s: %v", p, err)
				}
				break
			}
		}
	}
	if n == 0 {
		t.Error("no SVG files built")
	}
}

func TestBuildIsReproducible(t *testing.T) {
	a := mustBuild(t, testSite())
	b := mustBuild(t, testSite())
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestHeadlineWhenCurrentPeriodHasNoFigure: an indicator behind the
// current period shows its latest figure and says it is not current.
func TestHeadlineWhenCurrentPeriodHasNoFigure(t *testing.T) {
	fsys := testSite()
	fsys["site.toml"].Data = []byte(strings.Replace(string(fsys["site.toml"].Data), `current_period = "2022/23 Q1"`, `current_period = "2022/23 Q2"`, 1))
	files := mustBuild(t, fsys)
	page := string(files["indicators/idva-referrals/index.html"])
	for _, want := range []string{
		"There is no figure yet for July to September 2022 (2022/23 Q2). This is the latest figure.",
		"412 referrals in April to June 2022",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	// SPEC 3.8: the scorecard shows the latest figure and names its period.
	if home := string(files["index.html"]); !strings.Contains(home, "latest: 2022/23 Q1") {
		t.Error("home scorecard does not name the latest figure's period")
	}
}

func TestUpdateDueNotice(t *testing.T) {
	files, _, err := Build(testSite(), Options{BuildDate: time.Date(2022, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["index.html"]), "These figures are due for an update") {
		t.Error("no due-for-update notice after next_update passed")
	}
}

func TestInvalidInputBuildsNothing(t *testing.T) {
	fsys := testSite()
	fsys["data/values/bad.csv"] = &fstest.MapFile{Data: []byte("indicator,period,value\nidva-referrals,2022/23 Q2,4l2\nidva-referals,2022/23 Q3,1\n")}
	files, c, err := Build(fsys, Options{BuildDate: buildDate})
	if err == nil || files != nil {
		t.Fatalf("Build = %d files, %v; want no files and an error", len(files), err)
	}
	var msgs []string
	for _, p := range c.Problems {
		msgs = append(msgs, p.String())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"data/values/bad.csv:2", "4l2", "data/values/bad.csv:3", `did you mean "idva-referrals"`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// TestGoldenIndicatorPage compares one indicator page with
// testdata/indicator.html; run with -update to rewrite it.
func TestGoldenIndicatorPage(t *testing.T) {
	files := mustBuild(t, testSite())
	golden(t, "testdata/indicator.html", files["indicators/idva-referrals/index.html"])
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test -update and review the diff", path)
	}
}

// TestExampleSiteBuilds builds the repository's own example site.
func TestExampleSiteBuilds(t *testing.T) {
	root := filepath.Join("..", "..")
	files, c, err := Build(os.DirFS(root), Options{BuildDate: buildDate, Version: "test"})
	if err != nil {
		t.Fatalf("example site: %v\n%v", err, c.Problems)
	}
	for _, p := range c.Problems {
		t.Logf("warning: %s", p)
	}
	var indicators []string
	for p := range files {
		if strings.HasPrefix(p, "indicators/") && strings.HasSuffix(p, "/index.html") {
			indicators = append(indicators, p)
		}
	}
	sort.Strings(indicators)
	if len(indicators) != 33 {
		t.Errorf("%d indicator pages, want 33 (19 current KPIs and 14 retired)", len(indicators))
	}
	for p, b := range files {
		notice := "illustrative"
		if strings.HasPrefix(p, "cy/") {
			notice = "enghreifftiol" // the Welsh pages say so in Welsh
		}
		if strings.HasSuffix(p, ".html") && !bytes.Contains(b, []byte(notice)) {
			t.Errorf("%s does not say the figures are illustrative (%q)", p, notice)
		}
	}
	// Issue 5's outputs, with the seed's action plan (section 2.4).
	for _, p := range []string{
		"reports/index.html", "reports/2022-23-q1/index.html", "actions/index.html", "retired/index.html",
		"data/index.html", "data/all.csv", "data/catalogue.json", "feed.xml", "sitemap.xml", "robots.txt",
	} {
		if _, ok := files[p]; !ok {
			t.Errorf("example site lacks %s", p)
		}
	}
	actions := string(files["actions/index.html"])
	for _, ref := range []string{">H.9<", ">C.2<", ">C.7<"} {
		if !strings.Contains(actions, ref) {
			t.Errorf("actions page lacks %s", ref)
		}
	}
	base, _ := url.Parse(c.Input.Site.BaseURL)
	problems, _ := brokenLinks(files, base)
	for _, p := range problems {
		t.Error(p)
	}
}

// TestMonthlyAndAnnualIndicators builds a site that mixes frequencies: the
// scorecard for a quarter shows a monthly indicator's last month in it and
// an annual indicator's last complete year.
func TestMonthlyAndAnnualIndicators(t *testing.T) {
	fsys := testSite()
	fsys["data/indicators/mixed.toml"] = &fstest.MapFile{Data: []byte(`[[indicator]]
id = "calls-answered"
title = "Calls answered within a minute"
noun = "of calls answered within a minute"
service = "domestic-abuse"
frequency = "monthly"
unit = "percent"
polarity = "higher"
target = { kind = "fixed", value = 80 }

[[indicator]]
id = "employment-rate"
title = "Employment rate"
service = "libraries"
frequency = "annual"
unit = "percent"
polarity = "higher"
target = { kind = "previous_year" }
`)}
	fsys["data/values/mixed.csv"] = &fstest.MapFile{Data: []byte("indicator,period,value\n" +
		"calls-answered,Apr 2021,81\ncalls-answered,2022-04,78\ncalls-answered,May 2022,82\ncalls-answered,June 2022,79.5\n" +
		"employment-rate,2020/21,75.1\nemployment-rate,2021-22,76.4\n")}
	files := mustBuild(t, fsys)
	home := string(files["index.html"])
	for _, want := range []string{"2022-06", "79.5%", "2021/22", "76.4%"} {
		if !strings.Contains(home, want) {
			t.Errorf("home scorecard lacks %q", want)
		}
	}
	calls := string(files["indicators/calls-answered/index.html"])
	if !strings.Contains(calls, "79.5% of calls answered within a minute in June 2022, 0.5 percentage points below the target of 80.0% (amber).") {
		t.Errorf("monthly summary wrong:\n%s", calls)
	}
	var doc struct{ Periods []map[string]any }
	if err := json.Unmarshal(files["indicators/calls-answered/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Periods) != 15 || doc.Periods[0]["period"] != "2021-04" || doc.Periods[14]["period"] != "2022-06" {
		t.Errorf("monthly periods: %d, first %v, last %v; want 15 from 2021-04 to 2022-06", len(doc.Periods), doc.Periods[0]["period"], doc.Periods[len(doc.Periods)-1]["period"])
	}
	if d := doc.Periods[12]["direction"]; d != "worsening" {
		t.Errorf("April 2022 against April 2021: direction %v, want worsening", d)
	}
	emp := string(files["indicators/employment-rate/index.html"])
	if !strings.Contains(emp, "76.4% in April 2021 to March 2022, 1.3 percentage points above the target of 75.1% (green).") {
		t.Errorf("annual summary wrong")
	}
}
