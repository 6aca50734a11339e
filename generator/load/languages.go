package load

import (
	"fmt"
	"strings"

	"kpisite/generator/model"
)

// The keys a language's table may translate (SPEC 3.9): site.toml's
// [<code>] table, a [[service]]'s or [[committee]]'s <code> = { name },
// and an indicator's <code> = { title, … }.
var (
	siteTextKeys      = []string{"title", "organisation", "notice"}
	nameKeys          = []string{"name"}
	indicatorTextKeys = []string{"title", "short_title", "definition", "rationale", "noun", "unit_label", "source", "lead"}
)

// readLanguages reads site.toml's languages and returns the codes of the
// languages after the first: the names of the tables that translate the
// site's text. Without languages the site has one language, language.
func readLanguages(t tomlTable, site *model.Site) []string {
	list, ok := t.strings("languages")
	if !ok {
		return nil
	}
	const example = `languages = ["en-GB", "cy"]`
	if len(list) == 0 {
		t.errorf("languages", "is empty; expected the site's languages, the first published at the root, such as %s", example)
		return nil
	}
	seen := map[string]bool{}
	var langs []string
	for _, s := range list {
		switch {
		case !isLanguageTag(s):
			t.errorf("languages", "%q is not a language tag; expected tags such as %s", s, example)
		case seen[strings.ToLower(s)]:
			t.errorf("languages", "%q is listed twice; expected each language once", s)
		default:
			seen[strings.ToLower(s)] = true
			langs = append(langs, s)
		}
	}
	if len(langs) == 0 {
		return nil
	}
	if s, ok := t.str("language"); ok && strings.TrimSpace(s) != langs[0] {
		t.errorf("language", "%q is not the first of languages (%q); expected the same language, or only languages", strings.TrimSpace(s), langs[0])
	}
	site.Languages = langs
	site.Language = langs[0]
	return langs[1:]
}

// translations reads the tables of t named by the language codes langs,
// each translating some of keys: cy = { name = "Cofrestru" }. A table
// that is not a table, an unknown key or an empty text is reported.
func translations(t tomlTable, langs, keys []string) model.Translations {
	var out model.Translations
	for _, l := range langs {
		tt, ok := t.table(l, fmt.Sprintf(`%s = { %s = "…" }`, l, keys[0]))
		if !ok {
			continue
		}
		tt.unknown(keys)
		tr := model.Translation{Text: map[string]string{}, Pos: t.pos(l)}
		for _, k := range keys {
			if !tt.has(k) {
				continue
			}
			if s := tt.text(k); s != "" {
				tr.Text[k] = s
			} else if _, isStr := tt.m[k].(string); isStr {
				tt.errorf(k, "is empty; expected the text in %s, or no %s key (the first language's text is then used)", l, k)
			}
		}
		if out == nil {
			out = model.Translations{}
		}
		out[l] = tr
	}
	return out
}
