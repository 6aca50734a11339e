package load

import (
	"testing"
)

func TestContent(t *testing.T) {
	fsys := mapFS(map[string]string{
		"content/_index.md":                       "+++\ntitle = \"Home\"\n+++\nWelcome\n",
		"content/about.md":                        "# About\n",
		"content/accessibility.md":                "+++\ndraft = true\n+++\n",
		"content/indicators/idva-referrals.md":    "Notes\n",
		"content/services/domestic-abuse.md":      "Intro\n",
		"content/actions/joint-plan.md":           "Transferred\n",
		"content/actions/notes.txt":               "stray",
		"content/commentary/2022-23-q1/idva.md":   "Commentary\n",
		"content/commentary/2021-22-q4/idva.md":   "Older\n",
		"content/images/chart.png":                "PNG",
		"content/logo.svg":                        "<svg/>",
		"content/.DS_Store":                       "x",
		"content/indicators/.gitkeep":             "",
		"content/.drafts/secret.md":               "hidden",
		"content/indicators/notes.txt":            "stray",
		"content/indicators/old/x.md":             "nested",
		"content/services/Domestic Abuse.md":      "bad name",
		"content/commentary/idva.md":              "no period",
		"content/commentary/2022-23-q1/chart.png": "stray",
		"content/commentary/2022-23-q1/x/y.md":    "too deep",
		"content/news/2022-07-21.md":              "not published",
		"content/About Us.md":                     "bad name",
		"content/broken.md":                       "+++\ntitle = \"x\"\n",
	})
	c, ps := Content(fsys)
	checkProblems(t, ps, []string{
		`content/About Us.md: file name "About Us" is not a slug; expected lower-case letters, digits and hyphens, such as content/about.md`,
		`content/actions/notes.txt: unexpected file; expected only content/actions/<tracker>.md files, one for each data/actions/<tracker>.csv`,
		`content/broken.md:1: front matter opened with +++ on line 1 is not closed; expected a line holding only +++ after it`,
		`content/commentary/2022-23-q1/chart.png: unexpected file; expected only content/commentary/<period-slug>/<indicator-id>.md files`,
		`content/commentary/2022-23-q1/x: unexpected folder; expected only content/commentary/<period-slug>/<indicator-id>.md files`,
		`content/commentary/idva.md: unexpected file; expected only content/commentary/<period-slug>/<indicator-id>.md files`,
		`content/indicators/notes.txt: unexpected file; expected only content/indicators/<indicator-id>.md files`,
		`content/indicators/old: unexpected folder; expected only content/indicators/<indicator-id>.md files`,
		`content/news/2022-07-21.md: Markdown file is not published; expected content/<page>.md, content/indicators/<id>.md, content/services/<id>.md, content/actions/<tracker>.md or content/commentary/<period-slug>/<id>.md`,
		`content/services/Domestic Abuse.md: file name "Domestic Abuse" is not a slug; expected lower-case letters, digits and hyphens, such as content/services/domestic-abuse.md`,
	})
	if c.Home == nil || c.Home.Title != "Home" || string(c.Home.Body) != "Welcome\n" || c.Home.BodyLine != 4 {
		t.Errorf("Home = %+v", c.Home)
	}
	if len(c.Pages) != 2 || c.Pages[0].Path != "content/about.md" || c.Pages[1].Path != "content/accessibility.md" || !c.Pages[1].Draft {
		t.Errorf("Pages = %+v", c.Pages)
	}
	if c.Indicators["idva-referrals"] == nil || c.Services["domestic-abuse"] == nil || len(c.Indicators) != 1 || len(c.Services) != 1 {
		t.Errorf("Indicators = %v, Services = %v", c.Indicators, c.Services)
	}
	if c.Actions["joint-plan"] == nil || string(c.Actions["joint-plan"].Body) != "Transferred\n" || len(c.Actions) != 1 {
		t.Errorf("Actions = %v", c.Actions)
	}
	if len(c.Commentary) != 2 || c.Commentary[0].PeriodSlug != "2021-22-q4" || c.Commentary[1].Indicator != "idva" || string(c.Commentary[1].Page.Body) != "Commentary\n" {
		t.Errorf("Commentary = %+v", c.Commentary)
	}
}

func TestContentFolderIsOptional(t *testing.T) {
	c, ps := Content(mapFS(nil))
	if len(ps) != 0 || c.Home != nil || c.Indicators == nil || c.Services == nil {
		t.Errorf("Content with no folder = %+v, %v", c, lines(ps))
	}
}
