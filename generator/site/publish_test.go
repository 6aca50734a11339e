package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// mustContain reports every string of want that page lacks.
func mustContain(t *testing.T, name, page string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("%s lacks %q", name, w)
		}
	}
}

// mustOmit reports every string of bad that page has.
func mustOmit(t *testing.T, name, page string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(page, b) {
			t.Errorf("%s contains %q", name, b)
		}
	}
}

// withReportsFrom is the test site with [reporting] reports_from set.
func withReportsFrom(from string) fstest.MapFS {
	fsys := testSite()
	f := *fsys["site.toml"]
	f.Data = bytes.Replace(f.Data, []byte("published = 2022-07-21\n"), []byte("published = 2022-07-21\nreports_from = \""+from+"\"\n"), 1)
	fsys["site.toml"] = &f
	return fsys
}

// TestReportSuite: a current indicator joins the reports from its first
// target's "from" (or from when an indicator it replaces was retired);
// before then an earlier report leaves it out, though it has figures.
func TestReportSuite(t *testing.T) {
	fsys := withReportsFrom("2019/20 Q1")
	f := *fsys["data/indicators/da.toml"]
	f.Data = bytes.Replace(f.Data, []byte(`target = { kind = "fixed", value = 430 }`), []byte(`target = [ { kind = "fixed", value = 430, from = "2021/22 Q2" } ]`), 1)
	fsys["data/indicators/da.toml"] = &f
	files := mustBuild(t, fsys)
	before := string(files["reports/2021-22-q1/index.html"])
	mustContain(t, "2021/22 Q1 report", before, `id="indicator-small-numbers"`)
	mustOmit(t, "2021/22 Q1 report", before, `id="indicator-idva-referrals"`)
	mustContain(t, "2021/22 Q2 report", string(files["reports/2021-22-q2/index.html"]), `id="indicator-idva-referrals"`)
	for _, p := range []string{"reports/2019-20-q1/index.html", "reports/2019-20-q2/index.html"} {
		mustContain(t, p, string(files[p]), `id="indicator-old-loans"`)
		mustOmit(t, p, string(files[p]), `id="indicator-library-visits"`)
	}
	latest := string(files["reports/2022-23-q1/index.html"])
	mustContain(t, "2022/23 Q1 report", latest, `id="indicator-library-visits"`, `id="indicator-idva-referrals"`)
	mustOmit(t, "2022/23 Q1 report", latest, `id="indicator-old-loans"`)
}

func TestReportPage(t *testing.T) {
	files := mustBuild(t, withReportsFrom("2019/20 Q1"))
	page := string(files["reports/2022-23-q1/index.html"])
	mustContain(t, "report", page,
		"<h1>Performance report: April to June 2022 (2022/23 Q1)</h1>",
		`Data as at <time datetime="2022-06-30">30 June 2022</time>`,
		`Published <time datetime="2022-07-21">21 July 2022</time>`,
		`<caption id="committee-csmi-caption">Summary: Communities Committee, 2022/23 Q1</caption>`,
		`<a href="#indicator-idva-referrals">IDVA referrals</a>`,
		`<section class="report-indicator" id="indicator-idva-referrals"`,
		"412 referrals in April to June 2022, 4% below the target of 430 (amber).",
		"Near target", "Improving", `<img src="charts/idva-referrals.svg" alt="Latest: 412 referrals in April to June 2022`,
		"IDVA referrals: 2021/22 Q1 to 2022/23 Q1. The figures up to 2022/23 Q1 are in the table below.",
		"IDVA referrals: recent figures up to 2022/23 Q1",
		"Referrals rose.", "IDVA Service Manager, 15 July 2022",
		`href="#indicator-idva-referrals-note-1"`, `id="indicator-idva-referrals-note-1"`,
		`data-url="https://www.example.gov.uk/performance/indicators/idva-referrals/"`,
		`<a href="../../reports/">Reports</a>`,
		// One vocabulary, with a key beside the scorecard.
		`<div class="status-key">`, "Near target</span>: missed it by no more than the tolerance",
		// The first page: counts, key and the exceptions; then the action
		// plan, its milestones judged at the report's date.
		"<strong>Off target in 2022/23 Q1:</strong>",
		`<h2 id="report-actions-heading">Action plan progress</h2>`, `<caption id="report-tracker-joint-plan-caption">Joint plan: progress</caption>`,
		"Milestone passed", // C.2, due 1 July 2022, at the report's date of 21 July 2022
		`<h2 id="report-changes-heading">Changes to indicators</h2>`, `<span class="outcome outcome-replaced">Replaced</span> by: <a href="../../indicators/library-visits/">`,
	)
	// Retired from 2022/23 Q1: not in that report, but in earlier ones.
	mustOmit(t, "report", page, "indicator-old-loans", "<script>alert")
	// One chart title: the report's copy of the chart leaves the drawn
	// title to the caption; chart.svg, for embedding elsewhere, keeps it.
	mustOmit(t, "report chart", string(files["reports/2022-23-q1/charts/idva-referrals.svg"]), "kpi-chart-title")
	mustContain(t, "report chart", string(files["reports/2022-23-q1/charts/idva-referrals.svg"]), "<title id=")
	mustContain(t, "chart.svg", string(files["indicators/idva-referrals/chart.svg"]), "kpi-chart-title")
	if n := strings.Count(page, "<h1>"); n != 1 {
		t.Errorf("report has %d <h1>, want 1", n)
	}
	// An earlier report shows the suite of its time: the retired item
	// loans, not library visits, which replaced it from 2022/23 Q1 (its
	// back-series of figures is on its own page).
	old := string(files["reports/2019-20-q2/index.html"])
	mustContain(t, "2019/20 Q2 report", old, `id="indicator-old-loans"`, "Item loans: recent figures up to 2019/20 Q2")
	mustOmit(t, "2019/20 Q2 report", old, "2022/23 Q1<span", `id="indicator-library-visits"`, "Visits were steady.")
	// An earlier report shows the figures up to its period only: its own
	// chart, which ends there, and no published date of its own (the
	// period has no dated commentary) and no next update.
	q1 := string(files["reports/2019-20-q1/index.html"])
	mustContain(t, "2019/20 Q1 report", q1, `<img src="charts/old-loans.svg"`)
	mustOmit(t, "2019/20 Q1 report", q1, "Published <time", "<li>Next update", "2021/22", `id="indicator-library-visits"`)
	chart := string(files["reports/2019-20-q1/charts/old-loans.svg"])
	mustContain(t, "2019/20 Q1 chart", chart, "5,000")
	mustOmit(t, "2019/20 Q1 chart", chart, "5,100", "2019/20 Q2", "2022/23")

	// One report per period with data, up to the current period only.
	var reports []string
	for p := range files {
		if strings.HasPrefix(p, "reports/") {
			reports = append(reports, p)
		}
	}
	sort.Strings(reports)
	reports = slices.DeleteFunc(reports, func(p string) bool { return strings.Contains(p, "/charts/") })
	want := []string{
		"reports/2019-20-q1/index.html", "reports/2019-20-q2/index.html",
		"reports/2021-22-q1/index.html", "reports/2021-22-q2/index.html",
		"reports/2022-23-q1/index.html", "reports/index.html",
	}
	if strings.Join(reports, " ") != strings.Join(want, " ") {
		t.Errorf("reports = %v, want %v", reports, want)
	}

	index := string(files["reports/index.html"])
	mustContain(t, "reports index", index, `<caption id="reports-caption">Performance reports</caption>`, `<th scope="col" class="num">On target</th>`)
	newest := strings.Index(index, `href="../reports/2022-23-q1/"`)
	oldest := strings.Index(index, `href="../reports/2019-20-q1/"`)
	if newest < 0 || oldest < 0 || newest > oldest {
		t.Errorf("reports index does not list 2022/23 Q1 before 2019/20 Q1")
	}
	mustContain(t, "home", string(files["index.html"]), `<a href="reports/2022-23-q1/">Printable report for April to June 2022 (2022/23 Q1)</a>`)
	mustContain(t, "committee", string(files["committees/csmi/index.html"]),
		`<a href="../../reports/2022-23-q1/">`, `<a href="../../reports/">All performance reports</a>`)
	mustContain(t, "service", string(files["services/domestic-abuse/index.html"]), "The IDVA service supports victims of domestic abuse.")
}

// Without reports_from only the current period gets a report; with it,
// the periods from reports_from on (of any frequency, by start date).
func TestReportsFrom(t *testing.T) {
	for _, tc := range []struct {
		fsys fstest.MapFS
		want string
	}{
		{testSite(), "2022-23-q1"},
		{withReportsFrom("2021/22 Q2"), "2021-22-q2 2022-23-q1"},
		{withReportsFrom("2021/22"), "2021-22-q1 2021-22-q2 2022-23-q1"},
	} {
		files := mustBuild(t, tc.fsys)
		var got []string
		for p := range files {
			if slug, ok := strings.CutSuffix(strings.TrimPrefix(p, "reports/"), "/index.html"); ok && strings.HasPrefix(p, "reports/") && !strings.Contains(slug, "/") {
				got = append(got, slug)
			}
		}
		sort.Strings(got)
		if strings.Join(got, " ") != tc.want {
			t.Errorf("reports = %v, want %s", got, tc.want)
		}
	}
}

func TestPrintStylesheet(t *testing.T) {
	files := mustBuild(t, testSite())
	css := string(files["assets/style.css"])
	i := strings.Index(css, "@media print")
	if i < 0 {
		t.Fatal("no print stylesheet")
	}
	print := css[i:]
	mustContain(t, "print stylesheet", print, "size: A4", ".site-nav", ".skip-link", ".breadcrumbs",
		"display: none", `:not([href^="#"])`, `attr(href)`, `attr(data-url)`, "break-before: page", "break-inside: avoid",
		".status", "print-color-adjust: exact", ".report-indicators, .report-actions, .report-changes { break-before: page; }")
}

func TestActionsPage(t *testing.T) {
	files := mustBuild(t, testSite())
	page := string(files["actions/index.html"])
	mustContain(t, "actions", page,
		"<h1>Action plans</h1>", `<h2 id="tracker-joint-plan-heading">Joint plan</h2>`,
		`<caption id="tracker-joint-plan-caption">Joint plan: summary</caption>`,
		`<a href="#action-joint-plan-h-9">H.9</a>`, `id="action-joint-plan-h-9"`,
		`<time datetime="2021-11-30">30 November 2021</time>`, "November 2022", "When the board meets",
		"Tackle &lt;inequalities&gt; &amp; gaps",
		"✓</span> Complete", "◑</span> In progress", "○</span> Not started", "‖</span> Paused",
		`<a href="../committees/csmi/">Communities Committee</a>`,
		"Director", "More carers supported", "2,900 carers",
		`<h5 id="action-joint-plan-c-2-progress">Progress</h5>`, "Still <strong>going</strong>.",
		`Update, <time datetime="2022-07-10">10 July 2022</time>`,
		"1 action has passed its milestone without being complete.",
	)
	// C.2 (1 July 2022, in progress) has passed on 25 July 2022; H.9 is
	// complete and C.7 (November 2022) is still to come.
	c2 := page[strings.Index(page, `id="action-joint-plan-c-2"`):]
	c2 = c2[:strings.Index(c2, "</article>")]
	mustContain(t, "action C.2", c2, "Milestone passed")
	for _, ref := range []string{"h-9", "c-7", "c-9"} {
		a := page[strings.Index(page, `id="action-joint-plan-`+ref+`"`):]
		a = a[:strings.Index(a, "</article>")]
		mustOmit(t, "action "+ref, a, "Milestone passed")
	}
	mustOmit(t, "actions", page, "<inequalities>")
	mustContain(t, "actions", page, "before 21 July 2022, the date of the latest report,")

	// Milestones are judged against the report's date, not the build
	// date: rebuilt in 2023, C.7 (November 2022) has still not passed.
	later, _, err := Build(testSite(), Options{BuildDate: buildDate.AddDate(1, 0, 0), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(later["actions/index.html"]), "Milestone passed</strong>"); n != 2 {
		t.Errorf("rebuilt a year later, %d milestone-passed marks; want 2 (C.2 in the table and its article)", n)
	}
	mustContain(t, "nav", string(files["index.html"]), `<a href="actions/">Action plans</a>`)

	// No trackers: no page, no link.
	fsys := testSite()
	delete(fsys, "data/actions/joint-plan.csv")
	files = mustBuild(t, fsys)
	if _, ok := files["actions/index.html"]; ok {
		t.Error("actions page built without trackers")
	}
	mustOmit(t, "home without actions", string(files["index.html"]), `href="actions/"`)
}

func TestRetiredPage(t *testing.T) {
	files := mustBuild(t, testSite())
	page := string(files["retired/index.html"])
	mustContain(t, "retired", page,
		"<h1>Changes to indicators</h1>", `<caption id="retired-caption">Earlier indicators and what happened to each</caption>`,
		`<td data-label="Earlier reference">Indicator 38</td>`, `<a href="../indicators/old-loans/">Item loans</a>`,
		`<a href="../services/libraries/">Libraries</a>`, `<span class="outcome outcome-replaced">Replaced</span>`,
		`<a href="../indicators/library-visits/">Visits to libraries</a>`,
		`<span class="outcome outcome-replaced">Replaced</span> by:`,
		`<span class="retired-from">Since April to June 2022 (2022/23 Q1).</span>`, `<td data-label="Last figure in this form">July to September 2019 (2019/20 Q2)</td>`,
	)
	mustContain(t, "nav", string(files["index.html"]), `<a href="retired/">Changes to indicators</a>`)
	mustContain(t, "replaced indicator page", string(files["indicators/old-loans/index.html"]),
		"<strong>This indicator is no longer reported.</strong>", "The committee replaced it with:")
	// Its history stays readable on its own page.
	mustContain(t, "retired indicator page", string(files["indicators/old-loans/index.html"]), "5,100")
}

func TestAllCSV(t *testing.T) {
	files := mustBuild(t, testSite())
	recs, err := csv.NewReader(bytes.NewReader(files["data/all.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "indicator,period,value,period_value,numerator,denominator,target,status,status_source,direction,flag,note,area,lower,upper" {
		t.Errorf("header = %s", got)
	}
	rows := map[string][]string{}
	for _, r := range recs[1:] {
		rows[r[0]+" "+r[1]] = r
	}
	// 3 idva + 2 small + 4 library + 2 old-loans rows; gaps are not rows.
	if len(recs)-1 != 11 {
		t.Errorf("%d rows, want 11", len(recs)-1)
	}
	for _, tt := range []struct{ key, want string }{
		{"idva-referrals 2022/23 Q1", "idva-referrals,2022/23 Q1,412,412,,,430,amber,computed,improving,p,,,,"},
		{"idva-referrals 2021/22 Q2", "idva-referrals,2021/22 Q2,395,395,,,430,red,computed,,r,Revised after a data cleanse,,,"},
		{"small-numbers 2021/22 Q1", "small-numbers,2021/22 Q1,[c],[c],,,,withheld,computed,,c,,,,"},
		{"library-visits 2022/23 Q2", "library-visits,2022/23 Q2,170,80,,,220,red,computed,,p,,,,"},
		{"old-loans 2019/20 Q1", "old-loans,2019/20 Q1,5000,5000,,,,no-target,computed,,,,,,"},
	} {
		if got := strings.Join(rows[tt.key], ","); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.key, got, tt.want)
		}
	}
}

// walkJSON calls f for every key and value in v, with the object that
// holds it.
func walkJSON(v any, f func(obj map[string]any, key string, val any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			f(x, k, val)
			walkJSON(val, f)
		}
	case []any:
		for _, val := range x {
			walkJSON(val, f)
		}
	}
}

func TestCatalogue(t *testing.T) {
	files := mustBuild(t, testSite())
	var cat map[string]any
	if err := json.Unmarshal(files["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	ctx, _ := cat["@context"].(map[string]any)
	if ctx["dcat"] != "http://www.w3.org/ns/dcat#" || ctx["dct"] != "http://purl.org/dc/terms/" {
		t.Errorf("@context = %v", ctx)
	}
	if cat["@type"] != "dcat:Catalog" || cat["dct:issued"] != "2022-07-21" || cat["dct:modified"] != "2022-07-21" {
		t.Errorf("catalogue header: type %v issued %v modified %v", cat["@type"], cat["dct:issued"], cat["dct:modified"])
	}
	if pub, _ := cat["dct:publisher"].(map[string]any); pub["foaf:name"] != "Test <Council> & Partners" {
		t.Errorf("publisher = %v", cat["dct:publisher"])
	}
	if lic, _ := cat["dct:license"].(map[string]any); lic["@id"] != "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" || lic["dct:title"] != "Open Government Licence v3.0" {
		t.Errorf("licence = %v", cat["dct:license"])
	}
	datasets, _ := cat["dcat:dataset"].([]any)
	if len(datasets) != 5 { // all.csv and 4 indicators
		t.Fatalf("%d datasets, want 5", len(datasets))
	}
	titles := map[string]bool{}
	for _, d := range datasets {
		ds := d.(map[string]any)
		titles[ds["dct:title"].(string)] = true
		for _, k := range []string{"dct:description", "dct:license", "dct:publisher", "dct:issued", "dct:modified", "dcat:landingPage", "dcat:distribution"} {
			if ds[k] == nil {
				t.Errorf("dataset %v lacks %s", ds["dct:identifier"], k)
			}
		}
	}
	if !titles["Referrals to the IDVA <script>alert(1)</script> service"] || !titles["Test council performance: all indicators"] {
		t.Errorf("dataset titles = %v", titles)
	}
	n := 0
	walkJSON(cat, func(obj map[string]any, key string, val any) {
		u, ok := val.(string)
		if key != "dcat:downloadURL" || !ok {
			return // the @context says what the term means
		}
		n++
		path := strings.TrimPrefix(u, "https://www.example.gov.uk/performance/")
		data, ok := files[path]
		if !ok {
			t.Errorf("download %s is not a file of the site", u)
			return
		}
		if size, _ := obj["dcat:byteSize"].(float64); int(size) != len(data) {
			t.Errorf("%s: byteSize %v, file has %d bytes", u, obj["dcat:byteSize"], len(data))
		}
		mt, _ := obj["dcat:mediaType"].(string)
		want := map[bool]string{true: "text/csv", false: "application/json"}[strings.HasSuffix(path, ".csv")]
		if mt != "https://www.iana.org/assignments/media-types/"+want {
			t.Errorf("%s: mediaType %s", u, mt)
		}
	})
	if n != 9 {
		t.Errorf("%d distributions, want 9 (all.csv and CSV and JSON for 4 indicators)", n)
	}
}

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func TestIndicatorJSONLD(t *testing.T) {
	files := mustBuild(t, testSite())
	for p, b := range files {
		if !strings.HasPrefix(p, "indicators/") || !strings.HasSuffix(p, "/index.html") {
			continue
		}
		m := ldScript.FindAllSubmatch(b, -1)
		if len(m) != 1 {
			t.Errorf("%s: %d JSON-LD scripts, want 1", p, len(m))
			continue
		}
		var d map[string]any
		if err := json.Unmarshal(m[0][1], &d); err != nil {
			t.Errorf("%s: JSON-LD is not valid JSON: %v\n%s", p, err, m[0][1])
			continue
		}
		id := strings.TrimSuffix(strings.TrimPrefix(p, "indicators/"), "/index.html")
		if d["@context"] != "https://schema.org" || d["@type"] != "Dataset" || d["identifier"] != id ||
			d["url"] != "https://www.example.gov.uk/performance/indicators/"+id+"/" ||
			d["license"] != "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" {
			t.Errorf("%s: JSON-LD = %v", p, d)
		}
		dist, _ := d["distribution"].([]any)
		if len(dist) != 2 {
			t.Errorf("%s: %d distributions, want 2", p, len(dist))
		}
	}
	page := files["indicators/idva-referrals/index.html"]
	m := ldScript.FindSubmatch(page)
	var d map[string]any
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatal(err)
	}
	// The hostile title survives as data, and cannot close the script.
	if d["name"] != "Referrals to the IDVA <script>alert(1)</script> service" {
		t.Errorf("name = %q", d["name"])
	}
	if bytes.Contains(m[1], []byte("</script")) || bytes.Contains(m[1], []byte("<script")) {
		t.Error("JSON-LD holds raw markup")
	}
}

func TestDataPage(t *testing.T) {
	files := mustBuild(t, testSite())
	page := string(files["data/index.html"])
	mustContain(t, "data page", page,
		"<h1>Open data</h1>",
		`<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">Open Government Licence v3.0</a>`,
		`<a href="all.csv">All indicators <span class="download-meta">(CSV, `,
		`<a href="catalogue.json">Catalogue of the datasets <span class="download-meta">(JSON-LD (DCAT), `,
		`<a href="../feed.xml">`,
		`<a href="../indicators/idva-referrals/data.csv">CSV<span class="visually-hidden"> data for IDVA referrals</span></a> <span class="download-meta">1 KB</span>`,
		`<caption id="columns-caption">Columns of the CSV files</caption>`, "<code>period_value</code>",
		"<code>withheld</code>", "<dt>[c]</dt>", "<dt>[z]</dt>",
	)
	if n := len(files["indicators/idva-referrals/data.csv"]); n >= 1536 {
		t.Errorf("data.csv has %d bytes; the page says 1 KB", n)
	}
	// Current indicators come before retired ones.
	if cur, old := strings.Index(page, `href="../indicators/idva-referrals/data.csv"`), strings.Index(page, `href="../indicators/old-loans/data.csv"`); cur < 0 || old < 0 || cur > old {
		t.Errorf("data page lists idva-referrals at %d, the retired old-loans at %d; want current first", cur, old)
	}
	mustContain(t, "nav", string(files["index.html"]), `<a href="data/">Open data</a>`)
}

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func TestFeed(t *testing.T) {
	files := mustBuild(t, withReportsFrom("2019/20 Q1"))
	var f atomDoc
	if err := xml.Unmarshal(files["feed.xml"], &f); err != nil {
		t.Fatal(err)
	}
	if f.ID != "https://www.example.gov.uk/performance/" || f.Title != "Test council performance" ||
		f.Updated != "2022-07-21T00:00:00Z" || f.Author.Name != "Test <Council> & Partners" {
		t.Errorf("feed header: %+v", f)
	}
	self := ""
	for _, l := range f.Links {
		if l.Rel == "self" {
			self = l.Href
		}
	}
	if self != "https://www.example.gov.uk/performance/feed.xml" {
		t.Errorf("rel=self = %q", self)
	}
	var got []string
	ids := map[string]bool{}
	for _, e := range f.Entries {
		got = append(got, e.Updated+" "+e.Link.Href)
		if ids[e.ID] {
			t.Errorf("entry id %s repeated", e.ID)
		}
		ids[e.ID] = true
	}
	const base = "https://www.example.gov.uk/performance/"
	want := []string{
		"2022-07-21T00:00:00Z " + base + "changes/#release-2022-07-21",
		"2022-07-21T00:00:00Z " + base + "reports/2022-23-q1/",
		"2022-07-21T00:00:00Z " + base + "reports/2021-22-q2/",
		"2022-07-21T00:00:00Z " + base + "reports/2021-22-q1/",
		"2022-07-21T00:00:00Z " + base + "reports/2019-20-q2/",
		"2022-07-21T00:00:00Z " + base + "reports/2019-20-q1/",
		"2022-07-21T00:00:00Z " + base + "indicators/library-visits/#commentary-2019-20-q2",
		"2022-07-15T00:00:00Z " + base + "indicators/idva-referrals/#commentary-2022-23-q1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	mustContain(t, "layout", string(files["indicators/idva-referrals/index.html"]),
		`<link rel="alternate" type="application/atom+xml" href="../../feed.xml"`)
}

func TestSitemapAndRobots(t *testing.T) {
	files := mustBuild(t, testSite())
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		locs[u.Loc] = true
		if u.LastMod != "2022-07-21" {
			t.Errorf("%s: lastmod %q", u.Loc, u.LastMod)
		}
	}
	n := 0
	for p := range files {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		n++
		if u := "https://www.example.gov.uk/performance/" + strings.TrimSuffix(p, "index.html"); !locs[u] {
			t.Errorf("sitemap lacks %s", u)
		}
	}
	if len(sm.URLs) != n {
		t.Errorf("sitemap has %d URLs for %d pages", len(sm.URLs), n)
	}
	if locs["https://www.example.gov.uk/performance/404.html"] {
		t.Error("sitemap lists 404.html")
	}
	if got := string(files["robots.txt"]); got != "User-agent: *\nAllow: /\n\nSitemap: https://www.example.gov.uk/performance/sitemap.xml\n" {
		t.Errorf("robots.txt = %q", got)
	}
}

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// ids lists the id attributes of an HTML page.
func ids(page []byte) map[string]bool {
	out := map[string]bool{}
	for _, m := range idAttr.FindAllSubmatch(page, -1) {
		out[html.UnescapeString(string(m[1]))] = true
	}
	return out
}

// resolve maps a URL of the site to its file: "" and directories to
// index.html. ok is false when u is not under base.
func resolve(base, u *url.URL) (string, bool) {
	if u.Scheme != base.Scheme || u.Host != base.Host || !strings.HasPrefix(u.Path, base.Path) {
		return "", false
	}
	p := strings.TrimPrefix(u.Path, base.Path)
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p, true
}

// linkProblem says why a link does not lead to a file of the site, or to
// an id its page has; "" when it does.
func linkProblem(files map[string][]byte, base *url.URL, link string, u *url.URL) string {
	p, ok := resolve(base, u)
	if !ok {
		return fmt.Sprintf("link %q (%s) is outside the site at %s", link, u, base)
	}
	target, ok := files[p]
	if !ok {
		return fmt.Sprintf("link %q leads to %s, which is not in the output", link, p)
	}
	if u.Fragment != "" && strings.HasSuffix(p, ".html") && !ids(target)[u.Fragment] {
		return fmt.Sprintf("link %q: %s has no id %q", link, p, u.Fragment)
	}
	return ""
}

// checkLink reports a link that does not lead to a file of the site, or
// to an id its page lacks.
func checkLink(t *testing.T, files map[string][]byte, base *url.URL, from, link string, u *url.URL) {
	t.Helper()
	if msg := linkProblem(files, base, link, u); msg != "" {
		t.Errorf("%s: %s", from, msg)
	}
}

// brokenLinks follows every href and src of every HTML page of files.
func brokenLinks(files map[string][]byte, base *url.URL) (problems []string, followed int) {
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pageURL := base.ResolveReference(&url.URL{Path: p})
		for _, m := range linkAttr.FindAllSubmatch(b, -1) {
			link := html.UnescapeString(string(m[1]))
			u, err := pageURL.Parse(link)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: link %q: %v", p, link, err))
				continue
			}
			if u.Scheme == "mailto" || (u.Host != "" && u.Host != base.Host) {
				continue // another site
			}
			followed++
			if msg := linkProblem(files, base, link, u); msg != "" {
				problems = append(problems, p+": "+msg)
			}
		}
	}
	sort.Strings(problems)
	return problems, followed
}

// TestInternalLinksResolveUnderSubPath builds the test site under a
// sub-path (from site.toml, and from --base-url) and follows every href
// and src of every HTML page: each must reach a file of the output, and
// each #fragment an id of its page.
func TestInternalLinksResolveUnderSubPath(t *testing.T) {
	for _, baseURL := range []string{"", "https://data.example.org/councils/test/kpi"} {
		name := baseURL
		if name == "" {
			name = "site.toml"
		}
		t.Run(name, func(t *testing.T) {
			files, c, err := Build(testSite(), Options{BaseURL: baseURL, BuildDate: buildDate, Version: "test"})
			if err != nil {
				t.Fatalf("build: %v\n%v", err, c.Problems)
			}
			base, err := url.Parse(c.Input.Site.BaseURL)
			if err != nil || base.Path == "/" || base.Path == "" {
				t.Fatalf("base URL %q: want a sub-path (%v)", c.Input.Site.BaseURL, err)
			}
			if baseURL != "" && c.Input.Site.BaseURL != baseURL+"/" {
				t.Errorf("base URL = %q, want --base-url %q", c.Input.Site.BaseURL, baseURL+"/")
			}
			problems, followed := brokenLinks(files, base)
			for _, p := range problems {
				t.Error(p)
			}
			if followed < 300 {
				t.Errorf("followed only %d links", followed)
			}
		})
	}
}

// TestBrokenLinksAreFound makes sure the link check can fail: a theme
// that links to a page, an asset and a fragment that do not exist, and
// climbs out of the base path.
func TestBrokenLinksAreFound(t *testing.T) {
	fsys := testSite()
	fsys["themes/default/templates/page.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<h1>{{.Title}}</h1>
<a href="{{.Root}}indicators/nope/">a</a> <img src="{{.Root}}assets/nope.png" alt="">
<a href="{{.Root}}reports/2022-23-q1/#indicator-nope">b</a> <a href="../../../elsewhere/">c</a>
<a href="#main">fine</a> <a href="https://other.example.org/">fine</a>{{end}}`)}
	files := mustBuild(t, fsys)
	base, _ := url.Parse("https://www.example.gov.uk/performance/")
	problems, _ := brokenLinks(files, base)
	got := strings.Join(problems, "\n")
	for _, want := range []string{
		`about/index.html: link "../indicators/nope/" leads to indicators/nope/index.html`,
		`about/index.html: link "../assets/nope.png" leads to assets/nope.png`,
		`about/index.html: link "../reports/2022-23-q1/#indicator-nope": reports/2022-23-q1/index.html has no id "indicator-nope"`,
		`about/index.html: link "../../../elsewhere/" (https://www.example.gov.uk/elsewhere/) is outside the site`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %s\ngot:\n%s", want, got)
		}
	}
	if len(problems) != 4 {
		t.Errorf("%d problems, want 4:\n%s", len(problems), got)
	}
}

// TestAbsoluteURLsUseBaseURL checks that the files read by programs
// (feed, sitemap, robots.txt, catalogue) give absolute URLs under
// base_url, and that each leads to a file of the site.
func TestAbsoluteURLsUseBaseURL(t *testing.T) {
	const baseURL = "https://data.example.org/councils/test/"
	files, c, err := Build(testSite(), Options{BaseURL: baseURL, BuildDate: buildDate, Version: "test"})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, c.Problems)
	}
	base, _ := url.Parse(baseURL)
	check := func(from, u string) {
		t.Helper()
		if !strings.HasPrefix(u, baseURL) {
			t.Errorf("%s: URL %q is not under %s", from, u, baseURL)
			return
		}
		pu, err := url.Parse(u)
		if err != nil {
			t.Errorf("%s: %q: %v", from, u, err)
			return
		}
		if from == "data/catalogue.json" {
			pu.Fragment = "" // identifiers inside the catalogue itself
		}
		checkLink(t, files, base, from, u, pu)
	}

	feed := string(files["feed.xml"])
	n := 0
	for _, re := range []*regexp.Regexp{regexp.MustCompile(`href="([^"]*)"`), regexp.MustCompile(`<id>([^<]*)</id>`), regexp.MustCompile(`xml:base="([^"]*)"`)} {
		for _, m := range re.FindAllStringSubmatch(feed, -1) {
			n++
			check("feed.xml", html.UnescapeString(m[1]))
		}
	}
	for _, m := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(string(files["sitemap.xml"]), -1) {
		n++
		check("sitemap.xml", m[1])
	}
	for _, line := range strings.Split(string(files["robots.txt"]), "\n") {
		if u, ok := strings.CutPrefix(line, "Sitemap: "); ok {
			n++
			check("robots.txt", u)
		}
	}
	var cat any
	if err := json.Unmarshal(files["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	walkJSON(cat, func(obj map[string]any, key string, val any) {
		s, ok := val.(string)
		if !ok || obj["@type"] == "dct:LicenseDocument" {
			return
		}
		switch key {
		case "@id", "dcat:downloadURL", "dcat:accessURL", "dcat:landingPage", "foaf:homepage":
			n++
			check("data/catalogue.json", s)
		}
	})
	for p, b := range files {
		if strings.HasPrefix(p, "indicators/") && strings.HasSuffix(p, "/index.html") {
			m := ldScript.FindSubmatch(b)
			var d map[string]any
			if m == nil || json.Unmarshal(m[1], &d) != nil {
				t.Errorf("%s: no JSON-LD", p)
				continue
			}
			walkJSON(d, func(_ map[string]any, key string, val any) {
				if s, ok := val.(string); ok && (key == "url" || key == "contentUrl") {
					n++
					check(p+" JSON-LD", s)
				}
			})
		}
		if strings.HasSuffix(p, ".html") && p != "404.html" {
			m := regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`).FindSubmatch(b)
			if m == nil {
				t.Errorf("%s has no canonical link", p)
				continue
			}
			n++
			check(p+" canonical", string(m[1]))
			if want := baseURL + strings.TrimSuffix(p, "index.html"); string(m[1]) != want {
				t.Errorf("%s: canonical %s, want %s", p, m[1], want)
			}
			mustContain(t, p, string(b), `<meta property="og:title" content="`, `<meta property="og:description" content="`)
		}
	}
	if n < 100 {
		t.Errorf("checked only %d URLs", n)
	}
}

// TestNewPagesAreWellFormed checks the structure every page type shares:
// one h1, the layout's landmarks, tables with captions and scoped headers
// inside a labelled, focusable region, and the freshness dates.
func TestNewPagesAreWellFormed(t *testing.T) {
	files := mustBuild(t, testSite())
	for _, p := range []string{
		"reports/2022-23-q1/index.html", "reports/index.html", "actions/index.html",
		"retired/index.html", "data/index.html",
	} {
		page := string(files[p])
		if page == "" {
			t.Errorf("%s not built", p)
			continue
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", p, n)
		}
		mustContain(t, p, page, "<!DOCTYPE html>", `<main id="main"`, `<nav class="site-nav" aria-label="Main">`,
			`<footer class="site-footer">`, "Last updated: 21 July 2022.", "Next update: 20 October 2022.",
			`<link rel="canonical" href="https://www.example.gov.uk/performance/`, `aria-current="page"`)
		tables := strings.Count(page, "<table")
		if tables == 0 {
			t.Errorf("%s has no table", p)
		}
		if c := strings.Count(page, "<caption id="); c != tables {
			t.Errorf("%s: %d tables, %d captions with ids", p, tables, c)
		}
		if r := strings.Count(page, `<div class="table-wrap" role="region" aria-labelledby="`); r != tables {
			t.Errorf("%s: %d tables, %d labelled regions", p, tables, r)
		}
		if strings.Contains(page, "<th>") {
			t.Errorf("%s: a <th> without scope", p)
		}
		pageIDs := map[string]int{}
		for _, m := range idAttr.FindAllStringSubmatch(page, -1) {
			pageIDs[m[1]]++
		}
		for id, n := range pageIDs {
			if n > 1 {
				t.Errorf("%s: id %q used %d times", p, id, n)
			}
		}
	}
	// The due notice reaches the new pages too.
	files, _, err := Build(testSite(), Options{BuildDate: buildDate.AddDate(1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"reports/2022-23-q1/index.html", "actions/index.html", "data/index.html"} {
		mustContain(t, p, string(files[p]), "These figures are due for an update")
	}
}

// TestNoReportsWithoutData: a site with no figures yet builds, with no
// reports and no link to them.
func TestNoReportsWithoutData(t *testing.T) {
	fsys := testSite()
	for p := range fsys {
		if strings.HasPrefix(p, "data/values/") || strings.HasPrefix(p, "content/commentary/") {
			delete(fsys, p)
		}
	}
	fsys["site.toml"] = &fstest.MapFile{Data: bytes.Replace(fsys["site.toml"].Data, []byte(`current_period = "2022/23 Q1"`), nil, 1)}
	files := mustBuild(t, fsys)
	for p := range files {
		if strings.HasPrefix(p, "reports/") {
			t.Errorf("%s built without data", p)
		}
	}
	mustOmit(t, "home", string(files["index.html"]), `href="reports/"`)
	var f atomDoc
	if err := xml.Unmarshal(files["feed.xml"], &f); err != nil {
		t.Fatal(err)
	}
	// The one entry is the first release of the figures (changes/).
	if len(f.Entries) != 1 || f.Updated != "2022-07-21T00:00:00Z" {
		t.Errorf("feed without data: %d entries, updated %s", len(f.Entries), f.Updated)
	}
}

// An archived report is as it was published: the next release (a new
// current period, a new published date, built on a later day) leaves it
// byte for byte, "Last updated" and the "due for an update" notice
// included; only a revised figure of its own would change it.
func TestArchivedReportIsFrozen(t *testing.T) {
	before := withReportsFrom("2021/22 Q2")
	after := withReportsFrom("2021/22 Q2")
	site := *after["site.toml"]
	site.Data = []byte(strings.NewReplacer(
		`current_period = "2022/23 Q1"`, `current_period = "2022/23 Q2"`,
		"published = 2022-07-21\n", "published = 2022-10-20\n",
	).Replace(string(site.Data)))
	after["site.toml"] = &site
	da := *after["data/values/da.csv"]
	da.Data = append(append([]byte(nil), da.Data...), "idva-referrals,2022/23 Q2,420,,\n"...)
	after["data/values/da.csv"] = &da

	old, c, err := Build(before, Options{BuildDate: buildDate, Version: "test"})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, c.Problems)
	}
	later := buildDate.AddDate(1, 0, 0) // long after next_update
	now, c, err := Build(after, Options{BuildDate: later, Version: "test"})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, c.Problems)
	}
	const archived = "reports/2021-22-q2/index.html"
	if len(old[archived]) == 0 || !bytes.Equal(old[archived], now[archived]) {
		t.Errorf("%s changed with the next release", archived)
	}
	mustOmit(t, archived, string(now[archived]), "due for an update", "Next update")
	// The report of the new current period says when the next one is due.
	if _, ok := now["reports/2022-23-q2/index.html"]; !ok {
		t.Errorf("no report for the new current period")
	}
}
