package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"kpisite/generator/model"
)

// validSite is a small site with one of everything.
var validSite = map[string]string{
	"site.toml": minimalSite + `
[reporting]
current_period = "2022/23 Q1"
published = 2022-07-21
`,
	"data/indicators/domestic-abuse.toml": `# Domestic abuse
[[indicator]]
id = "idva-referrals"
title = "Referrals to the IDVA service"
short_title = "IDVA referrals"
service = "domestic-abuse"
frequency = "quarterly"
unit = "count"
polarity = "higher"
noun = "referrals"
target = { kind = "fixed", value = 430 }

[[indicator]]
id = "repeat-victims"
title = "Repeat victims"
service = "domestic-abuse"
frequency = "quarterly"
unit = "percent"
polarity = "lower"
target = { kind = "previous_year" }
`,
	"data/values/domestic-abuse.csv": "\ufeffindicator,period,value,numerator,denominator,target,flag,note\r\n" +
		"idva-referrals,2021/22 Q1,380,,,,,\r\n" +
		"idva-referrals,2022/23 Q1,412,,,,p,\"Provisional, to be revised\"\r\n" +
		"repeat-victims,2022/23 Q1,,27,100,,,\r\n",
	"data/values/wide.csv": "indicator,2021/22 Q2,2021/22 Q3\nidva-referrals,\"1,020\",[c]\n",
	"data/actions/joint-plan.csv": "ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated\n" +
		"1.1,Train staff,csmi,Nov 2022,Head of Service,All staff trained,,in progress,On track,2022-07-01\n",
	"content/_index.md":                               "Welcome.\n",
	"content/about.md":                                "+++\ntitle = \"About\"\n+++\n# About\n",
	"content/indicators/idva-referrals.md":            "Notes.\n",
	"content/services/domestic-abuse.md":              "Intro.\n",
	"content/commentary/2022-23-q1/idva-referrals.md": "Up this quarter.\n",
}

func TestSiteValid(t *testing.T) {
	in, ps := Site(mapFS(validSite))
	checkProblems(t, ps, nil)
	if in.Site.Title != "Performance" || in.Site.Published.Format("2006-01-02") != "2022-07-21" {
		t.Errorf("site = %+v", in.Site)
	}
	if len(in.Indicators) != 2 || in.Indicators[0].ID != "idva-referrals" || in.Indicators[0].Target.Value != model.Some(430) ||
		in.Indicators[1].Decimals != 1 {
		t.Errorf("indicators = %+v", in.Indicators)
	}
	var obs []string
	for _, o := range in.Observations {
		obs = append(obs, obsString(o))
	}
	want := []string{
		"idva-referrals 2021/22 Q1 380 @data/values/domestic-abuse.csv:2",
		"idva-referrals 2022/23 Q1 412 [p] Provisional, to be revised @data/values/domestic-abuse.csv:3",
		"repeat-victims 2022/23 Q1 27 27/100 @data/values/domestic-abuse.csv:4",
		"idva-referrals 2021/22 Q2 1020 @data/values/wide.csv:2:16",
		"idva-referrals 2021/22 Q3 - [c] @data/values/wide.csv:2:24",
	}
	if strings.Join(obs, "\n") != strings.Join(want, "\n") {
		t.Errorf("observations:\n got: %q\nwant: %q", obs, want)
	}
	if len(in.Actions) != 1 || in.Actions[0].Tracker != "joint-plan" || in.Actions[0].Status != model.ActionInProgress ||
		in.Actions[0].MilestoneDate.Format("2006-01-02") != "2022-11-30" {
		t.Errorf("actions = %+v", in.Actions)
	}
	if in.Content.Home == nil || len(in.Content.Pages) != 1 || len(in.Content.Commentary) != 1 {
		t.Errorf("content = %+v", in.Content)
	}
}

func TestSiteBroken(t *testing.T) {
	files := map[string]string{
		"site.toml": strings.Replace(minimalSite, `base_url = "https://www.example.gov.uk/performance"`, `base_url = "https://www.example.gov.uk/performance"
financial_year = 4`, 1),
		"data/indicators/a.toml": `[[indicator]]
id = "idva-referrals"
title = "Referrals"
service = "domestic-abuse"
frequency = "quarterly"
unit = "number"
polarity = "higher"
target = { kind = "fixed" }

[[indicator]]
id = "Repeat Victims"
title = "Repeat victims"
service = "domestic-abuse"
frequency = "quarterly"
unit = "percent"
polarity = "lower"
`,
		"data/indicators/b.toml": `[[indicator]]
id = "idva-referrals"
title = "Again"
service = "domestic-abuse"
frequency = "quarterly"
unit = "count"
polarity = "higher"
suppress_below = -5
`,
		"data/values/a.csv": "indicator,period,value,flag,nots\n" +
			"idva-referrals,2022/23 Q1,4l2,,\n" +
			"idva-referals,2022/23 Q1,1,,\n" +
			"idva-referrals,2022-04,1,,\n" +
			"idva-referrals,2022/23 Q2,,p,\n" +
			"idva-referrals,2022/23 Q3,1,2,3,4\n" +
			"idva-referrals,2022/23 Q4,5,,\n" +
			"idva-referrals,2022-23 Q4,6,,\n",
		"data/values/b.csv":          "indicator,period,value\nidva-referrals,2021/22 Q1,\"1,23\"\n",
		"data/actions/plan.csv":      "ref,action,committee,milestone,lead,success_criteria,status\n1,Act,csmi,Nov 2022,Lead,Done,stalled\n",
		"content/about.md":           "+++\ntitel = \"About\"\n+++\n",
		"content/indicators/x.txt":   "stray",
		"content/commentary/2022.md": "stray",
	}
	in, ps := Site(mapFS(files))
	want := []string{
		`content/about.md:2:1: unknown key "titel"; did you mean "title"?`,
		`content/commentary/2022.md: unexpected file; expected only content/commentary/<period-slug>/<indicator-id>.md files`,
		`content/indicators/x.txt: unexpected file; expected only content/indicators/<indicator-id>.md files`,
		`data/actions/plan.csv:2:31: column "status": "stalled" is not an action status; expected one of not started, in progress, complete, paused, overdue`,
		`data/indicators/a.toml:6:1: key "unit": "number" is not a unit; expected one of count, percent, hours, days, rate, currency, score, ratio, rank`,
		`data/indicators/a.toml:8:1: a "fixed" target has no value; expected target = { kind = "fixed", value = 430 }`,
		`data/indicators/a.toml:11:1: key "id": "Repeat Victims" is not a valid id; expected lower-case letters, digits and hyphens, starting with a letter or digit, such as "idva-referrals"`,
		`data/indicators/b.toml:2:1: repeated indicator id "idva-referrals", first defined at data/indicators/a.toml:2:1; expected each id once`,
		`data/indicators/b.toml:8:1: key "suppress_below": -5 is negative; expected 0 (no suppression) or a whole number such as 10`,
		`data/values/a.csv:1:29: unknown column "nots"; did you mean "note"?`,
		`data/values/a.csv:2:27: column "value": "4l2" is not a number; expected a number such as 1234, 1,234 or 65%`,
		`data/values/a.csv:3:1: column "indicator": "idva-referals" is not an indicator id; did you mean "idva-referrals"?`,
		`data/values/a.csv:4:16: column "period": "2022-04" is not a quarter; expected a quarterly period such as "2022/23 Q1" ("idva-referrals" is quarterly)`,
		`data/values/a.csv:5:27: column "value" is empty; expected a number, or a flag c, x or z that says why it is missing`,
		`data/values/a.csv:6: row has 6 cells but the header has 5; expected 5 comma-separated cells (put a value that contains a comma in double quotes, such as "1,234")`,
		`data/values/a.csv:8: repeated observation of "idva-referrals" for 2022/23 Q4, first given at data/values/a.csv:7; expected one figure per indicator and period`,
		`data/values/b.csv:2:27: column "value": "1,23" has a misplaced thousands separator; expected groups of three digits such as 1,234 (write a decimal point as 1.5, not 1,5)`,
		`site.toml:4:1: unknown key "financial_year"; did you mean "financial_year_start"?`,
	}
	checkProblems(t, ps, want)
	if in == nil || len(in.Indicators) != 1 || in.Site.Title != "Performance" || len(in.Observations) != 1 {
		t.Errorf("partial input not returned: %+v", in)
	}
	// Site returns its problems sorted.
	if got := lines(ps); strings.Join(got, "\n") != strings.Join(func() []string {
		var s []string
		for _, p := range ps {
			s = append(s, p.String())
		}
		return s
	}(), "\n") {
		t.Error("Site's problems are not sorted")
	}
}

func TestSiteWithoutSiteToml(t *testing.T) {
	_, ps := Site(fstest.MapFS{})
	checkProblems(t, ps, []string{
		`data/indicators: warning: no indicator definitions found; expected data/indicators/*.toml files with [[indicator]] tables`,
		`site.toml: site.toml is required but was not found; expected a TOML file at the root of the site with at least title, organisation and the [[committee]] and [[service]] tables that indicators refer to`,
	})
}
