package validate

import (
	"path"
	"slices"
	"sort"
	"strings"

	"kpisite/generator/model"
)

// languages checks a site published in several languages (SPEC 3.9):
//   - error: a Markdown twin (content/about.cy.md) in a language that is
//     not one of site.toml's languages after the first, or translating a
//     file that does not exist; a page whose address is a language's
//     folder (content/cy.md);
//   - warning: each piece of text with no translation into a language
//     after the first (the site's title, organisation and notice, a
//     committee's or service's name, an indicator's title, short_title,
//     definition, rationale, noun, unit_label, source and lead, each
//     Markdown file), which is then shown in the first language.
func (v *checker) languages() {
	in := v.in
	langs := in.Site.Lang()
	others := langs[1:]
	for _, lang := range twinLanguages(in.Content.Twins) {
		twin := in.Content.Twins[lang]
		if !slices.Contains(others, lang) {
			for _, p := range twinPages(twin) {
				v.ps.Errorf(pagePos(p), "a translation into %q, which is not one of site.toml's languages after the first; %s", lang, expectedLanguages(langs))
			}
			continue
		}
		v.orphanTwins(twin)
	}
	for _, p := range in.Content.Pages {
		if slug := strings.TrimSuffix(strings.TrimPrefix(p.Path, "content/"), ".md"); slices.Contains(others, slug) {
			v.ps.Errorf(pagePos(p), "the page's address %s/ is the folder of the %q pages; expected another file name", slug, slug)
		}
	}
	if in.Site.Unread {
		return
	}
	first := langs[0]
	for _, lang := range others {
		s := &in.Site
		v.missing(s.Translations, lang, first, s.PosOf("languages"), "site.toml", map[string]string{"title": s.Title, "organisation": s.Organisation, "notice": s.Notice}, "["+lang+"] with")
		for _, c := range s.Committees {
			v.missing(c.Translations, lang, first, c.Pos, "committee \""+c.ID+"\"", map[string]string{"name": c.Name}, lang+" = {")
		}
		for _, sv := range s.Services {
			v.missing(sv.Translations, lang, first, sv.Pos, "service \""+sv.ID+"\"", map[string]string{"name": sv.Name}, lang+" = {")
		}
		for _, ind := range in.Indicators {
			if ind == nil {
				continue
			}
			v.missing(ind.Translations, lang, first, ind.Pos, "indicator \""+ind.ID+"\"", map[string]string{
				"title": ind.Title, "short_title": ind.ShortTitle, "definition": ind.Definition, "rationale": ind.Rationale,
				"noun": ind.Noun, "unit_label": ind.UnitLabel, "source": ind.Source, "lead": ind.Lead,
			}, lang+" = {")
		}
		twin := in.Content.Twins[lang]
		for _, p := range twinPages(&in.Content) {
			if p.Draft {
				continue
			}
			tp := TwinPath(p.Path, lang)
			if twin == nil || !slices.ContainsFunc(twinPages(twin), func(t *model.Page) bool { return t.Path == tp }) {
				v.ps.Warnf(pagePos(p), "has no %q translation, so its %s text is shown on the %s pages; expected a twin file %s", lang, first, lang, tp)
			}
		}
	}
}

// missing warns once for thing (at its translation table, else at pos)
// about each key that has text in the first language (given) but none in
// lang.
func (v *checker) missing(tr model.Translations, lang, first string, pos model.Position, thing string, given map[string]string, example string) {
	var keys []string
	for k, s := range given {
		if _, ok := tr.Get(lang, k); s != "" && !ok {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return
	}
	sort.Strings(keys)
	if t, ok := tr[lang]; ok {
		pos = t.Pos
	}
	eg := make([]string, len(keys))
	for i, k := range keys {
		eg[i] = k + ` = "…"`
	}
	end := " }"
	if strings.HasPrefix(example, "[") {
		end = ""
	}
	v.ps.Warnf(pos, "%s has no %q translation of %s, so the %s text is used on the %s pages; expected %s %s%s", thing, lang, strings.Join(keys, ", "), first, lang, example, strings.Join(eg, ", "), end)
}

// orphanTwins reports the twins that translate no file.
func (v *checker) orphanTwins(twin *model.Content) {
	originals := map[string]bool{}
	for _, p := range twinPages(&v.in.Content) {
		originals[p.Path] = true
	}
	for _, p := range twinPages(twin) {
		orig := originalPath(p.Path)
		if !originals[orig] {
			v.ps.Errorf(pagePos(p), "translates %s, which does not exist; expected that file too (a page is written in the first language and translated)", orig)
		}
	}
}

// twinPages are every Markdown file of c.
func twinPages(c *model.Content) []*model.Page {
	var out []*model.Page
	if c.Home != nil {
		out = append(out, c.Home)
	}
	out = append(out, c.Pages...)
	for _, m := range []map[string]*model.Page{c.Indicators, c.Services, c.Actions} {
		for _, k := range sortedKeys(m) {
			out = append(out, m[k])
		}
	}
	for i := range c.Commentary {
		out = append(out, &c.Commentary[i].Page)
	}
	return out
}

// TwinPath is the path of the translation into lang of the Markdown file
// p: content/about.md becomes content/about.cy.md.
func TwinPath(p, lang string) string {
	return strings.TrimSuffix(p, ".md") + "." + lang + ".md"
}

// originalPath is the file a twin translates: content/about.cy.md is a
// twin of content/about.md.
func originalPath(p string) string {
	base := strings.TrimSuffix(p, ".md")
	return strings.TrimSuffix(base, path.Ext(base)) + ".md"
}

func expectedLanguages(langs []string) string {
	if len(langs) < 2 {
		return `expected languages = ["en-GB", "cy"] in site.toml to publish in a second language`
	}
	return "expected one of " + strings.Join(langs[1:], ", ")
}

func twinLanguages(m map[string]*model.Content) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
