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
	// The same words are bound once, from the loaded theme or any made of
	// it: check's trial render and the build share the clones.
	again, err := th.ForWords(cy)
	if err != nil {
		t.Fatal(err)
	}
	fromWelsh, err := welsh.ForWords(cy)
	if err != nil {
		t.Fatal(err)
	}
	if again != welsh || fromWelsh != welsh {
		t.Error("ForWords bound the same words twice")
	}
	english, err := welsh.ForWords(nil)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := english.Execute("page.html", page{Title: "<b>"}); err != nil || english.Words() != i18n.English() || string(out) != "Search|<strong>These figures are due for an update</strong> (planned for &lt;b&gt;).|2 months|Unit: &lt;b&gt;." {
		t.Errorf("English from the Welsh theme: %q, %v", out, err)
	}
}

// A script's words are given to it only when they are not the English it
// carries, so that English pages stay as they were.
func TestJSWords(t *testing.T) {
	pairs := []string{"none", "search.js_none", "found", "search.js_found"}
	if got, err := jsWords(i18n.English(), pairs); err != nil || got != "" {
		t.Errorf("English jsWords = %q, %v; want none", got, err)
	}
	cy := i18n.New("cy", map[string]string{"search.js_none": "Dim", "search.js_found.two": "{n} ddangosydd", "search.js_found.other": "{n} dangosydd"})
	got, err := jsWords(cy, pairs)
	if want := `{"found":{"other":"{n} dangosydd","two":"{n} ddangosydd"},"none":"Dim"}`; err != nil || got != want {
		t.Errorf("Welsh jsWords = %q, %v; want %q", got, err, want)
	}
}
