package theme

import (
	"html/template"
	"testing"
	"testing/fstest"

	"kpisite/generator/i18n"
	"kpisite/themes"
)

// One parsed theme writes several languages: ForWords binds t, th and n
// to a language's words; the theme Load returns writes English, before
// and after.
func TestForWordsBindsTheLanguage(t *testing.T) {
	site := fstest.MapFS{
		"themes/default/templates/layout.html": {Data: []byte(`{{t "nav.search"}}|{{th "layout.update_due" "date" .Title}}|{{n "facts.months" 2}}|{{template "main" .}}`)},
		"themes/default/templates/page.html":   {Data: []byte(`{{define "main"}}{{t "table.unit" "unit" .Title}}{{end}}`)},
	}
	th, err := Load(site, "default", themes.Default(), template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	cy := i18n.New("cy", map[string]string{
		"nav.search": "Chwilio", "layout.update_due": "<strong>Diweddaru</strong> ({date})",
		"facts.months.two": "{n} fis", "facts.months.other": "{n} mis", "table.unit": "Uned: {unit}.",
	})
	welsh, err := th.ForWords(cy)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		th   *Theme
		want string
	}{
		{th, "Search|<strong>These figures are due for an update</strong> (planned for &lt;b&gt;).|2 months|Unit: &lt;b&gt;."},
		{welsh, "Chwilio|<strong>Diweddaru</strong> (&lt;b&gt;)|2 fis|Uned: &lt;b&gt;."},
		{th, "Search|<strong>These figures are due for an update</strong> (planned for &lt;b&gt;).|2 months|Unit: &lt;b&gt;."},
	} {
		out, err := tt.th.Execute("page.html", page{Title: "<b>"})
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != tt.want {
			t.Errorf("got %q, want %q", out, tt.want)
		}
	}
	if welsh.Words() != cy || th.Words() != i18n.English() {
		t.Error("Words() is not the words the theme writes")
	}
}
