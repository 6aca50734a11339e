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
