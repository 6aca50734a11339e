package load

import (
	"strings"
	"testing"

	"kpisite/generator/model"
)

const minimalSite = `title = "Performance"
organisation = "Example County Council"
base_url = "https://www.example.gov.uk/performance"

[[committee]]
id = "csmi"
name = "Communities"

[[service]]
id = "domestic-abuse"
name = "Domestic Abuse"
committee = "csmi"
`

func TestSiteConfigDefaults(t *testing.T) {
	site, ps := SiteConfig(mapFS(map[string]string{"site.toml": minimalSite}))
	checkProblems(t, ps, nil)
	if site.BaseURL != "https://www.example.gov.uk/performance/" || site.Language != "en-GB" || site.Theme != "default" ||
		site.Licence != "Open Government Licence v3.0" || site.FinancialYearStart != 4 || site.AmberTolerance != 0.05 ||
		!site.Published.IsZero() || site.CurrentPeriod != "" || len(site.Committees) != 1 || len(site.Services) != 1 {
		t.Errorf("site = %+v", site)
	}
	if p := site.Services[0].Pos.String(); p != "site.toml:9:1" {
		t.Errorf("service at %s", p)
	}
}

func TestSiteConfigFull(t *testing.T) {
	site, ps := SiteConfig(mapFS(map[string]string{"site.toml": `title = "T"
organisation = "O"
base_url = "/performance"
language = "cy"
theme = "council"
licence = "CC BY 4.0"
financial_year_start = 1
contact = "a@example.gov.uk"
unsafe_html = true
png_charts = true
notice = "Illustrative figures"

[reporting]
current_period = "2022/23 Q1"
published = 2022-07-21
next_update = "2022-10-20"

[rag]
amber_tolerance = 0.1
`}))
	checkProblems(t, ps, nil)
	if site.BaseURL != "/performance/" || site.Language != "cy" || site.Theme != "council" || site.Licence != "CC BY 4.0" ||
		site.FinancialYearStart != 1 || site.Contact != "a@example.gov.uk" || !site.UnsafeHTML || !site.PNGCharts ||
		site.Notice != "Illustrative figures" || site.CurrentPeriod != "2022/23 Q1" ||
		site.Published.Format("2006-01-02") != "2022-07-21" || site.NextUpdate.Format("2006-01-02") != "2022-10-20" || site.AmberTolerance != 0.1 {
		t.Errorf("site = %+v", site)
	}
	if p := site.PosOf("reporting.current_period"); p.String() != "site.toml:14:1" {
		t.Errorf("current_period at %s", p)
	}
}

func TestSiteConfigProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string // "" means no site.toml
		want []string
	}{
		{"missing file", "", []string{
			`site.toml: site.toml is required but was not found; expected a TOML file at the root of the site with at least title, organisation and the [[committee]] and [[service]] tables that indicators refer to`,
		}},
		{"syntax error", "title = \"T\nx", []string{
			`site.toml:1:11: TOML syntax error: strings cannot contain newlines; expected valid TOML such as key = "text" (see https://toml.io)`,
		}},
		{"required keys and base_url warning", "contact = \"x\"\n", []string{
			`site.toml:1: warning: base_url is not set, so links assume the site is served from "/"; expected base_url = "https://www.example.gov.uk/performance/"`,
			`site.toml:1: missing key "organisation"; expected the council's name, such as organisation = "Example County Council"`,
			`site.toml:1: missing key "title"; expected the site's title, such as title = "Communities committee: performance"`,
		}},
		{"unknown keys with did you mean", "licence2 = \"x\"\n" + minimalSite + "[reporting]\npublised = 2022-07-21\n", []string{
			`site.toml:1:1: unknown key "licence2"; did you mean "licence"?`,
			`site.toml:15:1: unknown key "reporting.publised"; did you mean "reporting.published"?`,
		}},
		{"bad values", strings.Replace(minimalSite, `base_url = "https://www.example.gov.uk/performance"`, `base_url = "www.example.gov.uk"
language = "English"
financial_year_start = 13
unsafe_html = "no"
[reporting]
published = "21/07/2022"
next_update = 10:00:00
[rag]
amber_tolerance = 5`, 1), []string{
			`site.toml:3:1: key "base_url": "www.example.gov.uk" is not a base URL; expected an absolute URL such as "https://www.example.gov.uk/performance/" or a path such as "/performance/"`,
			`site.toml:4:1: key "language": "English" is not a language tag; expected a tag such as "en-GB" or "cy"`,
			`site.toml:5:1: key "financial_year_start": 13 is not a month; expected a month number from 1 to 12, such as 4 for April`,
			`site.toml:6:1: key "unsafe_html": "no" is a string; expected true or false`,
			`site.toml:8:1: key "reporting.published": "21/07/2022" is a string; expected a date such as 2022-07-21`,
			`site.toml:9:1: key "reporting.next_update": a date or time; expected a date such as 2022-07-21`,
			`site.toml:11:1: key "rag.amber_tolerance": 5 is outside 0 to 1; expected a fraction such as 0.05 for 5%`,
		}},
		{"committees and services", `title = "T"
organisation = "O"
base_url = "/"

[[committee]]
id = "csmi"
name = "C"

[[committee]]
id = "csmi"
name = "Again"

[[committee]]
id = "Adults Committee"
name = "A"

[[committee]]
name = "No id"

[[service]]
id = "da"
name = "Domestic Abuse"
committee = "cmsi"

[[service]]
id = "da"
name = "Again"
committee = "csmi"

[[service]]
id = "x"
name = "X"
comittee = "csmi"
`, []string{
			`site.toml:10:1: key "committee.id": repeated committee id "csmi", first at site.toml:6:1; expected each id once`,
			`site.toml:14:1: key "committee.id": "Adults Committee" is not a valid id; expected lower-case letters, digits and hyphens, starting with a letter or digit, such as "csmi"`,
			`site.toml:17:1: missing key "committee.id"; expected a slug such as id = "csmi"`,
			`site.toml:23:1: key "service.committee": "cmsi" is not a committee id; did you mean "csmi"?`,
			`site.toml:26:1: key "service.id": repeated service id "da", first at site.toml:21:1; expected each id once`,
			`site.toml:30:1: missing key "service.committee"; expected the id of the [[committee]] the service reports to`,
			`site.toml:33:1: unknown key "service.comittee"; did you mean "service.committee"?`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			if tt.in != "" {
				files["site.toml"] = tt.in
			}
			_, ps := SiteConfig(mapFS(files))
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestNormaliseBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "/", true},
		{"/performance", "/performance/", true},
		{"https://www.example.gov.uk", "https://www.example.gov.uk/", true},
		{"https://www.example.gov.uk/performance/", "https://www.example.gov.uk/performance/", true},
		{"http://localhost:8080/x", "http://localhost:8080/x/", true},
		{"www.example.gov.uk", "", false},
		{"//example.gov.uk/", "", false},
		{"ftp://example.gov.uk/", "", false},
		{"https://example.gov.uk/?a=1", "", false},
		{"https://example.gov.uk/#top", "", false},
		{"https://user@example.gov.uk/", "", false},
		{"javascript:alert(1)", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := normaliseBaseURL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("normaliseBaseURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSiteFieldPos(t *testing.T) {
	site, _ := SiteConfig(mapFS(map[string]string{"site.toml": minimalSite + "\n[reporting]\ncurrent_period = \"x\"\n"}))
	if got := site.PosOf("reporting.current_period").String(); got != "site.toml:15:1" {
		t.Errorf("PosOf = %s", got)
	}
	if got := site.PosOf("nope").String(); got != "site.toml" {
		t.Errorf("PosOf(nope) = %s", got)
	}
	var _ model.Site = site
}
