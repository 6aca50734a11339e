package theme

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"kpisite/themes"
)

type page struct {
	Title string
}

// minimal page data: the templates run with missingkey=error, so the test
// only executes the override, which uses .Title alone.
func TestSiteOverridesEmbeddedTemplate(t *testing.T) {
	site := fstest.MapFS{
		"themes/default/templates/page.html":   {Data: []byte(`{{define "main"}}<p>custom {{.Title}}</p>{{end}}`)},
		"themes/default/templates/layout.html": {Data: []byte(`<!DOCTYPE html><title>{{.Title}}</title>{{template "main" .}}`)},
		"themes/default/assets/extra.css":      {Data: []byte("body{}")},
	}
	th, err := Load(site, "default", themes.Default(), template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := th.Execute("page.html", page{Title: "<About>"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); got != "<!DOCTYPE html><title>&lt;About&gt;</title><p>custom &lt;About&gt;</p>" {
		t.Errorf("override output = %q", got)
	}
	if _, ok := th.Assets["extra.css"]; !ok {
		t.Error("site asset not added")
	}
	if _, ok := th.Assets["style.css"]; !ok {
		t.Error("embedded style.css lost when the site adds an asset")
	}
}

func TestUnknownTemplateIsAnError(t *testing.T) {
	site := fstest.MapFS{"themes/default/templates/indicatr.html": {Data: []byte(`x`)}}
	_, err := Load(site, "default", themes.Default(), nil)
	if err == nil || !strings.Contains(err.Error(), "unknown template indicatr.html") {
		t.Fatalf("err = %v, want unknown template", err)
	}
}

func TestMissingNamedTheme(t *testing.T) {
	_, err := Load(fstest.MapFS{}, "civic", themes.Default(), nil)
	if err == nil || !strings.Contains(err.Error(), "themes/civic") {
		t.Fatalf("err = %v, want missing theme directory", err)
	}
}

func TestTemplateSyntaxErrorNamesFile(t *testing.T) {
	site := fstest.MapFS{"themes/default/templates/home.html": {Data: []byte(`{{define "main"}}{{.Title}`)}}
	_, err := Load(site, "default", themes.Default(), nil)
	if err == nil || !strings.Contains(err.Error(), "home.html") {
		t.Fatalf("err = %v, want a syntax error naming home.html", err)
	}
}

func TestEmbeddedDefaultLoads(t *testing.T) {
	th, err := Load(nil, "default", themes.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range Names {
		if _, err := th.page(n); err != nil {
			t.Errorf("page template %s missing: %v", n, err)
		}
	}
	if len(th.Assets["style.css"]) == 0 {
		t.Error("embedded stylesheet missing")
	}
}
