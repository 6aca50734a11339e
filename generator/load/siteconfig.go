package load

import (
	"errors"
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"kpisite/generator/model"
	"kpisite/generator/suggest"
)

// SiteFile is the path of the site configuration.
const SiteFile = "site.toml"

// The defaults of site.toml.
const (
	DefaultBaseURL            = "/"
	DefaultLanguage           = "en-GB"
	DefaultTheme              = "default"
	DefaultLicence            = "Open Government Licence v3.0"
	DefaultFinancialYearStart = 4
	DefaultAmberTolerance     = 0.05
)

var (
	siteKeys      = []string{"title", "organisation", "base_url", "language", "languages", "theme", "licence", "financial_year_start", "academic_year_start", "values", "contact", "unsafe_html", "png_charts", "notice", "reporting", "rag", "committee", "service"}
	reportingKeys = []string{"current_period", "published", "next_update", "reports_from"}
	ragKeys       = []string{"amber_tolerance"}
	valuesKeys    = []string{"ignore_columns"}
	committeeKeys = []string{"id", "name"}
	serviceKeys   = []string{"id", "name", "committee"}
)

// SiteConfig reads site.toml (SPEC 3.1) and fills in its defaults.
func SiteConfig(fsys fs.FS) (model.Site, model.Problems) {
	var ps model.Problems
	site := defaultSite()
	if _, err := fs.Stat(fsys, SiteFile); errors.Is(err, fs.ErrNotExist) {
		site.Unread = true
		ps.Errorf(model.Position{Path: SiteFile}, "site.toml is required but was not found; expected a TOML file at the root of the site with at least title, organisation and the [[committee]] and [[service]] tables that indicators refer to")
		return site, ps
	}
	src, ok := readFileMax(fsys, SiteFile, MaxTOMLBytes, &ps)
	if ok {
		ok = checkUTF8(SiteFile, src, tomlUTF8Advice, &ps)
	}
	if ok {
		placeholders(SiteFile, src, true, &ps)
	}
	var root tomlTable
	if ok {
		root, ok = decodeTOML(SiteFile, src, 0, &ps)
	}
	if !ok {
		site.Unread = true
		return site, ps
	}
	readSite(root, &site)
	site.FieldPos = map[string]model.Position{}
	for k, p := range root.f.keys {
		site.FieldPos[k] = p
	}
	return site, ps
}

func defaultSite() model.Site {
	return model.Site{
		BaseURL:            DefaultBaseURL,
		Language:           DefaultLanguage,
		Theme:              DefaultTheme,
		Licence:            DefaultLicence,
		FinancialYearStart: DefaultFinancialYearStart,
		AmberTolerance:     DefaultAmberTolerance,
		Pos:                model.Position{Path: SiteFile},
	}
}

func readSite(t tomlTable, site *model.Site) {
	langs := readLanguages(t, site)
	t.unknown(slices.Concat(siteKeys, compareSiteKeys, langs))
	t.require([]string{"title", "organisation"}, map[string]string{
		"title":        `the site's title, such as title = "Communities committee: performance"`,
		"organisation": `the council's name, such as organisation = "Example County Council"`,
	})
	site.Title = t.text("title")
	site.Organisation = t.text("organisation")
	site.Contact = t.text("contact")
	site.Notice = t.text("notice")
	if s := t.text("theme"); s != "" {
		site.Theme = s
	}
	if s := t.text("licence"); s != "" {
		site.Licence = s
	}
	if s, ok := t.str("language"); ok {
		if s = strings.TrimSpace(s); isLanguageTag(s) {
			site.Language = s
		} else {
			t.errorf("language", "%q is not a language tag; expected a tag such as \"en-GB\" or \"cy\"", s)
		}
	}
	if s, ok := t.str("base_url"); ok {
		if u, ok := normaliseBaseURL(s); ok {
			site.BaseURL = u
		} else {
			t.errorf("base_url", "%q is not a base URL; expected an absolute URL such as \"https://www.example.gov.uk/performance/\" or a path such as \"/performance/\"", s)
		}
	} else if !t.has("base_url") {
		t.f.ps.Warnf(model.Position{Path: SiteFile, Line: 1}, "base_url is not set, so links assume the site is served from \"/\"; expected base_url = \"https://www.example.gov.uk/performance/\"")
	}
	if n, ok := t.integer("financial_year_start", "4 (April)"); ok {
		if n >= 1 && n <= 12 {
			site.FinancialYearStart = int(n)
		} else {
			t.errorf("financial_year_start", "%d is not a month; expected a month number from 1 to 12, such as 4 for April", n)
		}
	}
	if n, ok := t.integer("academic_year_start", "9 (September)"); ok {
		if n >= 1 && n <= 12 {
			site.AcademicYearStart = int(n)
		} else {
			t.errorf("academic_year_start", "%d is not a month; expected a month number from 1 to 12, such as 9 for September", n)
		}
	}
	if v, ok := t.table("values", `[values] with ignore_columns = ["Outturn 2013/14"]`); ok {
		v.unknown(valuesKeys)
		if cols, ok := v.strings("ignore_columns"); ok {
			for _, c := range cols {
				if c = strings.TrimSpace(c); c != "" {
					site.IgnoreColumns = append(site.IgnoreColumns, c)
				}
			}
		}
	}
	if b, ok := t.boolean("unsafe_html"); ok {
		site.UnsafeHTML = b
	}
	if b, ok := t.boolean("png_charts"); ok {
		site.PNGCharts = b
	}
	if r, ok := t.table("reporting", `[reporting] with current_period = "2022/23 Q1"`); ok {
		r.unknown(reportingKeys)
		site.CurrentPeriod = r.text("current_period")
		site.Published, _ = r.date("published")
		site.NextUpdate, _ = r.date("next_update")
		site.ReportsFrom = r.text("reports_from")
	}
	if r, ok := t.table("rag", "[rag] with amber_tolerance = 0.05"); ok {
		r.unknown(ragKeys)
		if v, ok := r.number("amber_tolerance", "0.05"); ok {
			if v >= 0 && v <= 1 {
				site.AmberTolerance = v
			} else {
				r.errorf("amber_tolerance", "%v is outside 0 to 1; expected a fraction such as 0.05 for 5%%", v)
			}
		}
	}
	site.Translations = translations(t, langs, siteTextKeys)
	readCommittees(t, site, langs)
	readServices(t, site, langs)
	readCompare(t, site)
}

func readCommittees(t tomlTable, site *model.Site, langs []string) {
	seen := map[string]model.Position{}
	for _, c := range t.tables("committee") {
		c.name = "committee."
		c.unknown(slices.Concat(committeeKeys, langs))
		c.require(committeeKeys, map[string]string{
			"id":   `a slug such as id = "csmi"`,
			"name": `the committee's name, such as name = "Communities Committee"`,
		})
		id, ok := c.str("id")
		com := model.Committee{ID: strings.TrimSpace(id), Name: c.text("name"), Translations: translations(c, langs, nameKeys), Pos: c.self()}
		if !ok {
			continue
		}
		if !IsSlug(com.ID) {
			c.errorf("id", "%s", notSlug(com.ID, "csmi"))
			continue
		}
		if first, ok := seen[com.ID]; ok {
			c.errorf("id", "repeated committee id %q, first at %s; expected each id once", com.ID, first)
			continue
		}
		seen[com.ID] = c.pos("id")
		site.Committees = append(site.Committees, com)
	}
}

func readServices(t tomlTable, site *model.Site, langs []string) {
	var committees []string
	for _, c := range site.Committees {
		committees = append(committees, c.ID)
	}
	seen := map[string]model.Position{}
	for _, s := range t.tables("service") {
		s.name = "service."
		s.unknown(slices.Concat(serviceKeys, langs))
		s.require(serviceKeys, map[string]string{
			"id":        `a slug such as id = "domestic-abuse"`,
			"name":      `the service's name, such as name = "Domestic Abuse"`,
			"committee": `the id of the [[committee]] the service reports to`,
		})
		id, idOK := s.str("id")
		committee, comOK := s.str("committee")
		svc := model.Service{ID: strings.TrimSpace(id), Name: s.text("name"), Committee: strings.TrimSpace(committee), Translations: translations(s, langs, nameKeys), Pos: s.self()}
		if comOK && site.Committee(svc.Committee) == nil {
			msg := ""
			switch hint := suggest.DidYouMean(svc.Committee, committees); {
			case hint != "":
				msg = hint
			case len(committees) == 0:
				msg = "expected the id of a [[committee]], but site.toml has none"
			default:
				msg = "expected one of " + strings.Join(committees, ", ")
			}
			s.errorf("committee", "%q is not a committee id; %s", svc.Committee, msg)
		}
		if !idOK {
			continue
		}
		if !IsSlug(svc.ID) {
			s.errorf("id", "%s", notSlug(svc.ID, "domestic-abuse"))
			continue
		}
		if first, ok := seen[svc.ID]; ok {
			s.errorf("id", "repeated service id %q, first at %s; expected each id once", svc.ID, first)
			continue
		}
		seen[svc.ID] = s.pos("id")
		site.Services = append(site.Services, svc)
	}
}

// normaliseBaseURL accepts an absolute http(s) URL or a path starting with
// "/", without query or fragment, and makes it end with "/".
func normaliseBaseURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?# \t") {
		return "", false
	}
	switch {
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//"):
	case (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil:
	default:
		return "", false
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, true
}

// isLanguageTag accepts the shape of a BCP 47 tag: "en", "en-GB", "cy".
func isLanguageTag(s string) bool {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if len(p) < 1 || len(p) > 8 || (i == 0 && (len(p) < 2 || len(p) > 3)) {
			return false
		}
		for _, c := range p {
			isLetter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !isLetter && (i == 0 || !(c >= '0' && c <= '9')) {
				return false
			}
		}
	}
	return true
}
