package theme

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"kpisite/themes"
)

// Template errors name the theme file, line and column in the site, not
// Go's template name ("template: page.html:3: …").
func TestErrorsArePositioned(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		parse string // the error of Load, or "" when Load succeeds
		exec  string // the error of executing page.html
	}{
		{
			name:  "parse error",
			page:  "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n{{if}}\n{{end}}",
			parse: `themes/default/templates/page.html:3: missing value for if`,
		},
		{
			name: "execution error",
			page: "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n  {{.Missing}}\n{{end}}",
			exec: `execute page.html: themes/default/templates/page.html:3:5: executing "main" at <.Missing>: can't evaluate field Missing in type theme.page`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := fstest.MapFS{
				"themes/default/templates/page.html":   {Data: []byte(tt.page)},
				"themes/default/templates/layout.html": {Data: []byte(`<title>{{.Title}}</title>{{template "main" .}}`)},
			}
			th, err := Load(site, "default", themes.Default(), template.FuncMap{})
			if tt.parse != "" {
				if err == nil || err.Error() != tt.parse {
					t.Fatalf("Load error = %v, want %s", err, tt.parse)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err = th.Execute("page.html", page{Title: "T"})
			if err == nil || err.Error() != tt.exec {
				t.Errorf("Execute error = %v\nwant %s", err, tt.exec)
			}
		})
	}
}

// An error in a template the site does not override names the built-in
// file it comes from.
func TestBuiltinErrorsSaySo(t *testing.T) {
	th, err := Load(fstest.MapFS{}, "default", themes.Default(), template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = th.Execute("page.html", page{Title: "T"})
	want := `themes/default/templates/layout.html:`
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "(in kpisite's built-in default theme)") {
		t.Errorf("Execute error = %v, want it at %s… in the built-in theme", err, want)
	}
}
