package load

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"kpisite/generator/model"
)

func TestTwinName(t *testing.T) {
	for _, tc := range []struct{ in, base, lang string }{
		{"about", "about", ""},
		{"about.cy", "about", "cy"},
		{"about.en-GB", "about", "en-GB"},
		{"_index.cy", "_index", "cy"},
		{"idva-referrals.cy", "idva-referrals", "cy"},
		{"v1.2", "v1.2", ""},                 // "2" is no language
		{"report.final", "report.final", ""}, // five letters: no language
		{".cy", ".cy", ""},
		{"a.b.cy", "a.b", "cy"},
	} {
		base, lang := twinName(tc.in)
		if base != tc.base || lang != tc.lang {
			t.Errorf("twinName(%q) = %q, %q; want %q, %q", tc.in, base, lang, tc.base, tc.lang)
		}
	}
}

func FuzzTwinName(f *testing.F) {
	for _, s := range []string{"about.cy", "a.b.en-GB", ".", "x.", "über.cy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		base, lang := twinName(name)
		if lang == "" && base != name {
			t.Errorf("twinName(%q) changed the name to %q without a language", name, base)
		}
		if lang != "" && (base+"."+lang != name || !isLanguageTag(lang) || base == "") {
			t.Errorf("twinName(%q) = %q, %q", name, base, lang)
		}
	})
}

func TestLanguagesAndTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte(`title = "T"
organisation = "O"
languages = ["en-GB", "cy"]
[cy]
title = "Teitl"
[[committee]]
id = "c"
name = "C"
cy = { name = "Pwyllgor" }
[[service]]
id = "s"
name = "S"
committee = "c"
cy = { name = "Gwasanaeth" }
`)},
		"data/indicators/x.toml": {Data: []byte(`[[indicator]]
id = "x"
title = "X"
service = "s"
frequency = "quarterly"
unit = "count"
polarity = "higher"
[indicator.cy]
title = "Y"
definition = "Diffiniad"
`)},
		"content/about.md":                      {Data: []byte("About.\n")},
		"content/about.cy.md":                   {Data: []byte("Am.\n")},
		"content/_index.cy.md":                  {Data: []byte("Hafan.\n")},
		"content/commentary/2022-23-q1/x.cy.md": {Data: []byte("Sylwadau.\n")},
	}
	in, ps := Site(fsys)
	for _, p := range ps {
		if p.Severity == model.Error {
			t.Errorf("unexpected error: %s", p)
		}
	}
	s := in.Site
	if !reflect.DeepEqual(s.Languages, []string{"en-GB", "cy"}) || s.Language != "en-GB" {
		t.Errorf("languages %v, language %q", s.Languages, s.Language)
	}
	if got, _ := s.Translations.Get("cy", "title"); got != "Teitl" {
		t.Errorf("site cy title %q", got)
	}
	if got, _ := s.Committees[0].Translations.Get("cy", "name"); got != "Pwyllgor" {
		t.Errorf("committee cy name %q", got)
	}
	if got, _ := s.Services[0].Translations.Get("cy", "name"); got != "Gwasanaeth" {
		t.Errorf("service cy name %q", got)
	}
	ind := in.Indicators[0]
	if got, _ := ind.Translations.Get("cy", "definition"); got != "Diffiniad" {
		t.Errorf("indicator cy definition %q", got)
	}
	if p := ind.Translations["cy"].Pos; p.Path != "data/indicators/x.toml" || p.Line != 8 {
		t.Errorf("indicator cy table at %v, want data/indicators/x.toml:8", p)
	}
	tw := in.Content.Twins["cy"]
	if tw == nil || len(tw.Pages) != 1 || tw.Pages[0].Path != "content/about.cy.md" || tw.Home == nil || len(tw.Commentary) != 1 || tw.Commentary[0].Indicator != "x" {
		t.Fatalf("twins = %+v", tw)
	}
	if len(in.Content.Pages) != 1 || in.Content.Home != nil {
		t.Errorf("the twins were filed as pages of the first language: %+v", in.Content)
	}
	if !strings.Contains(string(tw.Pages[0].Body), "Am.") {
		t.Errorf("twin body %q", tw.Pages[0].Body)
	}
}
