package site

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"kpisite/generator/model"
)

// check and build agree: a theme template that fails to parse, or fails
// only when it runs with the site's data, fails check too, at the theme
// file's line and column.
func TestCheckRunsTheTheme(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{
			name: "parse error",
			file: "themes/default/templates/page.html",
			src:  "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n{{if}}{{end}}\n{{end}}",
			want: "themes/default/templates/page.html:3: template: missing value for if; expected a template that parses and runs with the data kpisite gives it",
		},
		{
			name: "runtime error on a retired indicator's page only",
			file: "themes/default/templates/indicator.html",
			src:  "{{define \"main\"}}<h1>{{.Title}}</h1>\n{{if .Retired}}  {{.NoSuchField}}{{end}}{{end}}",
			want: "themes/default/templates/indicator.html:2:20: template: executing \"main\" at <.NoSuchField>: can't evaluate field NoSuchField in type render.IndicatorPage; expected a template that parses and runs with the data kpisite gives it",
		},
		{
			name: "unknown theme",
			file: "site.toml",
			want: `site.toml:1:1: theme "council": directory themes/council not found in the site`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testSite()
			if tt.file == "site.toml" {
				fsys["site.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["site.toml"].Data), "title =", "theme = \"council\"\ntitle =", 1))}
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.src)}
			}
			c, err := Check(fsys, Options{})
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("check: %v, want ErrInvalid", err)
			}
			if got := problemLines(c.Problems); !strings.Contains(got, tt.want) {
				t.Errorf("check problems:\n%s\nwant:\n%s", got, tt.want)
			}
			if _, bc, err := Build(fsys, Options{}); !errors.Is(err, ErrInvalid) || problemLines(bc.Problems) != problemLines(c.Problems) {
				t.Errorf("build: %v\n%s", err, problemLines(bc.Problems))
			}
		})
	}
}

func problemLines(ps model.Problems) string {
	return strings.TrimSpace(ps.String())
}

// Build renders every page rather than check's sample first: a template
// that fails only on a page outside the sample fails build with the same
// kind of problem, at the template's line and column, and nothing else.
func TestBuildReportsTemplateFailureOutsideSample(t *testing.T) {
	fsys := testSite()
	// Two indicators of one shape (no figures yet): the sample takes
	// the first.
	fsys["data/indicators/new.toml"] = &fstest.MapFile{Data: []byte(`[[indicator]]
id = "new-one"
title = "A new indicator"
service = "libraries"
frequency = "quarterly"
unit = "count"
polarity = "higher"

[[indicator]]
id = "new-two"
title = "Another new indicator"
service = "libraries"
frequency = "quarterly"
unit = "count"
polarity = "higher"
`)}
	c, err := Check(fsys, Options{})
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	sin, _ := sample(c.Input, c.Series)
	inSample := map[string]bool{}
	for _, ind := range sin.Indicators {
		inSample[ind.ID] = true
	}
	outside := ""
	for _, ind := range c.Input.Indicators {
		if !inSample[ind.ID] {
			outside = ind.ID
			break
		}
	}
	if outside == "" {
		t.Fatal("the test site's sample holds every indicator; the test needs one outside it")
	}
	fsys["themes/default/templates/indicator.html"] = &fstest.MapFile{Data: []byte(
		"{{define \"main\"}}<h1>{{.FullTitle}}</h1>\n{{if eq .ID \"" + outside + "\"}} {{.NoSuchField}}{{end}}{{end}}")}
	if _, err := Check(fsys, Options{}); err != nil {
		t.Fatalf("check renders only its sample, so it passes; got %v", err)
	}
	_, bc, err := Build(fsys, Options{})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("build: %v, want ErrInvalid", err)
	}
	want := "themes/default/templates/indicator.html:2:27: template: executing \"main\" at <.NoSuchField>"
	if e, _ := bc.Problems.Count(); e != 1 || !strings.Contains(problemLines(bc.Problems), want) {
		t.Errorf("build problems (%d errors):\n%s\nwant one error: %s...", e, problemLines(bc.Problems), want)
	}
}
