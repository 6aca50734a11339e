package site

import (
	"errors"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"kpisite/generator/model"
)

var (
	htmlLang   = regexp.MustCompile(`<html lang="([^"]+)">`)
	hreflang   = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	canonical  = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	langSwitch = regexp.MustCompile(`<span class="language-switch"><span aria-hidden="true"> \| </span><a href="([^"]*)" hreflang="([^"]+)" lang="([^"]+)">([^<]+)</a></span>`)
)

// TestExampleSiteInTwoLanguages builds the example site, published in
// English and Welsh, and checks the structure of the Welsh site: a Welsh
// twin of every English page under cy/, lang="cy", reciprocal hreflang
// links, a language switch that leads to the twin, Welsh indicator text,
// the shared files written once and one sitemap of both languages.
func TestExampleSiteInTwoLanguages(t *testing.T) {
	files, c, err := Build(os.DirFS(filepath.Join("..", "..")), Options{BuildDate: buildDate, Version: "test"})
	if err != nil {
		t.Fatalf("example site: %v\n%v", err, c.Problems)
	}
	base := c.Input.Site.BaseURL
	english := 0
	for p := range files {
		if !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "cy/") {
			continue
		}
		english++
		cy, ok := files["cy/"+p]
		if !ok {
			t.Errorf("%s has no Welsh twin cy/%s", p, p)
			continue
		}
		for _, page := range []struct {
			path, lang, other string
			b                 []byte
		}{{p, "en-GB", "cy", files[p]}, {"cy/" + p, "cy", "en-GB", cy}} {
			if m := htmlLang.FindSubmatch(page.b); m == nil || string(m[1]) != page.lang {
				t.Errorf("%s: <html lang> = %q, want %q", page.path, m, page.lang)
			}
			sw := langSwitch.FindSubmatch(page.b)
			if sw == nil {
				t.Errorf("%s: no language switch", page.path)
				continue
			}
			if string(sw[2]) != page.other || string(sw[3]) != page.other {
				t.Errorf("%s: switch hreflang/lang %q/%q, want %q", page.path, sw[2], sw[3], page.other)
			}
			if want := map[string]string{"cy": "Cymraeg", "en-GB": "English"}[page.other]; string(sw[4]) != want {
				t.Errorf("%s: switch says %q, want %q", page.path, sw[4], want)
			}
			if p == "404.html" {
				continue // served at any depth: its switch leads to the other language's home page
			}
			target := resolveLink(page.path, string(sw[1]))
			if twin := map[string]string{"en-GB": p, "cy": "cy/" + p}[page.other]; target != twin {
				t.Errorf("%s: switch leads to %s, want its twin %s", page.path, target, twin)
			}
		}
		if p == "404.html" {
			continue
		}
		// hreflang: each page names both versions, and they name each other.
		en := alternatesOf(files[p])
		cyAlt := alternatesOf(cy)
		self := canonicalOf(files[p])
		if en["en-GB"] != self || en["x-default"] != self || cyAlt["en-GB"] != self {
			t.Errorf("%s: hreflang en-GB %q, x-default %q, Welsh page's en-GB %q; want its canonical %q", p, en["en-GB"], en["x-default"], cyAlt["en-GB"], self)
		}
		if en["cy"] == "" || en["cy"] != cyAlt["cy"] || en["cy"] != canonicalOf(cy) || en["cy"] != base+"cy/"+strings.TrimSuffix(p, "index.html") {
			t.Errorf("%s: hreflang cy %q, Welsh page's own %q and canonical %q do not agree", p, en["cy"], cyAlt["cy"], canonicalOf(cy))
		}
	}
	if english < 50 {
		t.Fatalf("%d English pages; the example site has more", english)
	}
	for _, want := range []struct{ path, text string }{
		{"cy/indicators/idva-referrals/index.html", "Nifer yr atgyfeiriadau at y Gwasanaeth Eiriolaeth Trais Domestig Annibynnol (IDVA)"},
		{"cy/indicators/idva-referrals/index.html", "Rheolwr y Gwasanaeth IDVA"},
		{"cy/services/libraries/index.html", "Llyfrgelloedd"},
		{"cy/about/index.html", "Am y safle hwn"},
		{"cy/index.html", "Cymunedau, Symudedd Cymdeithasol a Chynhwysiant: perfformiad"},
		{"cy/feed.xml", `xml:lang="cy"`},
		{"cy/search/index.json", "Atgyfeiriadau IDVA"},
	} {
		if !strings.Contains(string(files[want.path]), want.text) {
			t.Errorf("%s lacks %q", want.path, want.text)
		}
	}
	if strings.Contains(string(files["indicators/idva-referrals/index.html"]), "Nifer yr atgyfeiriadau") {
		t.Error("the English indicator page shows the Welsh title")
	}
	// Shared files are written once, at the root.
	for _, p := range []string{"cy/assets/style.css", "cy/data/all.csv", "cy/data/catalogue.json", "cy/indicators/idva-referrals/data.csv", "cy/indicators/idva-referrals/data.json", "cy/robots.txt", "cy/sitemap.xml"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s is written: it should be shared from the root", p)
		}
	}
	if !strings.Contains(string(files["cy/indicators/idva-referrals/index.html"]), `href="../../../indicators/idva-referrals/data.csv"`) {
		t.Error("the Welsh indicator page does not link to the shared data.csv")
	}
	sitemap := string(files["sitemap.xml"])
	if n, want := strings.Count(sitemap, "<loc>"), 2*(english-1); n != want {
		t.Errorf("sitemap lists %d pages, want %d (every page but 404.html in both languages)", n, want)
	}
	if !strings.Contains(sitemap, "<loc>"+base+"cy/indicators/idva-referrals/</loc>") || !strings.Contains(sitemap, `hreflang="cy"`) {
		t.Error("sitemap lacks the Welsh pages or their alternates")
	}
	u, _ := url.Parse(base)
	problems, _ := brokenLinks(files, u)
	for _, p := range problems {
		t.Error(p)
	}
}

// resolveLink is the file a relative link href from the page at from leads to.
func resolveLink(from, href string) string {
	p := path.Join(path.Dir(from), href)
	if strings.HasSuffix(href, "/") || p == "." {
		p = strings.TrimPrefix(p+"/index.html", "./")
	}
	return p
}

func alternatesOf(b []byte) map[string]string {
	out := map[string]string{}
	for _, m := range hreflang.FindAllSubmatch(b, -1) {
		out[string(m[1])] = string(m[2])
	}
	return out
}

func canonicalOf(b []byte) string {
	if m := canonical.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

// twoLanguageSite is testSite published in English and Welsh, with the
// Welsh text of one service and one indicator.
func twoLanguageSite() fstest.MapFS {
	fsys := testSite()
	site := string(fsys["site.toml"].Data)
	site = strings.Replace(site, `notice = "Figures are illustrative."`, `notice = "Figures are illustrative."
languages = ["en-GB", "cy"]`, 1)
	site = strings.Replace(site, `name = "Libraries"`, `name = "Libraries"
cy = { name = "Llyfrgelloedd" }`, 1)
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(site)}
	lib := string(fsys["data/indicators/lib.toml"].Data)
	lib = strings.Replace(lib, `forecast = true`, `forecast = true
cy = { title = "Ymweliadau â llyfrgelloedd" }`, 1)
	fsys["data/indicators/lib.toml"] = &fstest.MapFile{Data: []byte(lib)}
	fsys["content/about.cy.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Am y safle\"\n+++\nCroeso.\n")}
	return fsys
}

// TestMissingTranslationsWarn: each piece of text without a Welsh
// translation is a warning at its file and line, saying English is
// used; --strict makes them fail the check. A translation given is
// used, and ends its warning.
func TestMissingTranslationsWarn(t *testing.T) {
	fsys := twoLanguageSite()
	c, err := Check(fsys, Options{BuildDate: buildDate})
	if err != nil {
		t.Fatalf("check: %v\n%v", err, c.Problems)
	}
	var got []string
	for _, p := range c.Problems {
		if p.Severity == model.Warning && strings.Contains(p.Message, `"cy" translation`) {
			got = append(got, p.String())
		}
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		`site.toml:5:1: warning: site.toml has no "cy" translation of notice, organisation, title, so the en-GB text is used on the cy pages; expected [cy] with notice = "…", organisation = "…", title = "…"`,
		`site.toml:13:1: warning: service "domestic-abuse" has no "cy" translation of name`,
		`data/indicators/da.toml:1:1: warning: indicator "idva-referrals" has no "cy" translation of definition, noun, short_title, title, so the en-GB text is used on the cy pages; expected cy = { definition = "…", noun = "…", short_title = "…", title = "…" }`,
		`content/_index.md:1: warning: has no "cy" translation, so its en-GB text is shown on the cy pages; expected a twin file content/_index.cy.md`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings lack\n%s\ngot:\n%s", want, joined)
		}
	}
	for _, gone := range []string{`service "libraries"`, `indicator "library-visits" has no "cy" translation of title`, "content/about.md"} {
		if strings.Contains(joined, gone) {
			t.Errorf("warned about %s, which is translated:\n%s", gone, joined)
		}
	}
	if _, err := Check(fsys, Options{BuildDate: buildDate, Strict: true}); !errors.Is(err, ErrInvalid) {
		t.Errorf("--strict: err = %v, want ErrInvalid for the missing translations", err)
	}
	files := mustBuild(t, fsys)
	if !strings.Contains(string(files["cy/indicators/library-visits/index.html"]), "Ymweliadau â llyfrgelloedd") {
		t.Error("the Welsh page lacks the Welsh title")
	}
	if !strings.Contains(string(files["cy/indicators/idva-referrals/index.html"]), "IDVA referrals") {
		t.Error("the Welsh page of an untranslated indicator lacks its English name")
	}
	if !strings.Contains(string(files["cy/about/index.html"]), "Croeso.") || strings.Contains(string(files["cy/about/index.html"]), "javascript") {
		t.Error("cy/about/ is not the Welsh twin")
	}
}

// TestLanguageErrors: problems with languages and translations are
// errors at their file and line.
func TestLanguageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(fstest.MapFS)
		want string
	}{
		{"not a tag", setLanguages(`["en-GB", "c y"]`), `site.toml:5:1: key "languages": "c y" is not a language tag`},
		{"twice", setLanguages(`["en-GB", "cy", "cy"]`), `key "languages": "cy" is listed twice`},
		{"empty", setLanguages(`[]`), `key "languages": is empty`},
		{"no words", setLanguages(`["en-GB", "fr"]`), `language "fr" has no interface words; expected a file themes/default/i18n/fr.toml`},
		{"language differs", func(f fstest.MapFS) {
			setLanguages(`["en-GB", "cy"]`)(f)
			f["site.toml"].Data = append([]byte("language = \"cy\"\n"), f["site.toml"].Data...)
		}, `key "language": "cy" is not the first of languages ("en-GB")`},
		{"unknown key", func(f fstest.MapFS) {
			f["data/indicators/lib.toml"].Data = []byte(strings.Replace(string(f["data/indicators/lib.toml"].Data), `cy = { title = "Ymweliadau â llyfrgelloedd" }`, `cy = { titel = "Ymweliadau" }`, 1))
		}, `data/indicators/lib.toml:11:8: unknown key "cy.titel"; did you mean "cy.title"?`},
		{"other language's table", func(f fstest.MapFS) {
			f["data/indicators/lib.toml"].Data = []byte(strings.Replace(string(f["data/indicators/lib.toml"].Data), `cy = {`, `fr = {`, 1))
		}, `data/indicators/lib.toml:11:1: unknown key "fr"`},
		{"twin of another language", func(f fstest.MapFS) {
			f["content/about.fr.md"] = &fstest.MapFile{Data: []byte("Bonjour.\n")}
		}, `content/about.fr.md:1: a translation into "fr", which is not one of site.toml's languages after the first; expected one of cy`},
		{"twin of nothing", func(f fstest.MapFS) {
			f["content/contact.cy.md"] = &fstest.MapFile{Data: []byte("Cysylltu.\n")}
		}, `content/contact.cy.md:1: translates content/contact.md, which does not exist`},
		{"page named like a language", func(f fstest.MapFS) {
			f["content/cy.md"] = &fstest.MapFile{Data: []byte("Hello.\n")}
		}, `content/cy.md:1: the page's address cy/ is the folder of the "cy" pages`},
		{"bad words file", func(f fstest.MapFS) {
			f["themes/default/i18n/cy.toml"] = &fstest.MapFile{Data: []byte("[site]\nlanguage_name = 3\n")}
		}, `themes/default/i18n/cy.toml:2: site.language_name is int64`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := twoLanguageSite()
			tc.edit(fsys)
			c, err := Check(fsys, Options{BuildDate: buildDate})
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			var all []string
			for _, p := range c.Problems {
				if p.Severity == model.Error {
					all = append(all, p.String())
				}
			}
			if !strings.Contains(strings.Join(all, "\n"), tc.want) {
				t.Errorf("errors lack %q:\n%s", tc.want, strings.Join(all, "\n"))
			}
		})
	}
}

func setLanguages(list string) func(fstest.MapFS) {
	return func(f fstest.MapFS) {
		f["site.toml"].Data = []byte(strings.Replace(string(f["site.toml"].Data), `languages = ["en-GB", "cy"]`, "languages = "+list, 1))
	}
}

// TestSiteWithSiteOverrideWords: a site's own i18n file overrides some
// of the default theme's words, the rest still come from the default.
func TestSiteOverridesSomeWords(t *testing.T) {
	fsys := twoLanguageSite()
	fsys["themes/default/i18n/cy.toml"] = &fstest.MapFile{Data: []byte("[site]\nlanguage_name = \"Cymraeg (CY)\"\n")}
	files := mustBuild(t, fsys)
	if !strings.Contains(string(files["index.html"]), `lang="cy">Cymraeg (CY)</a>`) {
		t.Error("the switch does not use the site's own word")
	}
	if !strings.Contains(string(files["cy/index.html"]), `lang="en-GB">English</a>`) {
		t.Error("the English name is not the default theme's")
	}
}

// TestOneLanguageHasNoAlternates: a site of one language gets no
// hreflang links, no language switch, no cy/ pages and a plain sitemap,
// as before languages existed.
func TestOneLanguageHasNoAlternates(t *testing.T) {
	files := mustBuild(t, testSite())
	for p, b := range files {
		if strings.HasPrefix(p, "cy/") {
			t.Errorf("a one-language site writes %s", p)
		}
		if strings.HasSuffix(p, ".html") && (strings.Contains(string(b), "hreflang") || strings.Contains(string(b), "language-switch")) {
			t.Errorf("%s has hreflang links or a language switch", p)
		}
	}
	if strings.Contains(string(files["sitemap.xml"]), "xhtml") {
		t.Error("the sitemap of a one-language site has alternates")
	}
}
