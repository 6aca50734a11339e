package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"kpisite/generator/i18n"
	"kpisite/generator/model"
)

// loadWords reads the interface words of each of the site's languages,
// in the order of site.toml's languages (SPEC 3.9). The words of a
// language are the embedded default theme's i18n/<code>.toml with the
// keys of the site's own themes/<theme>/i18n/<code>.toml over them (a
// site may override a few words); each language after the first falls
// back to the first. A language with no file in either place is an
// error naming the file expected, except for a site of one language
// given by language alone, which keeps the default theme's British
// English words as before languages existed. Each language after the
// first that lacks some of the first language's keys is warned about
// once, naming its file and the keys.
func loadWords(site fs.FS, s *model.Site, embedded fs.FS) ([]*i18n.Words, model.Problems) {
	var ps model.Problems
	theme := s.Theme
	if theme == "" {
		theme = "default"
	}
	langs := s.Lang()
	pos := s.PosOf("languages")
	if len(s.Languages) == 0 {
		pos = s.PosOf("language")
	}
	words := make([]*i18n.Words, len(langs))
	for i, lang := range langs {
		own := path.Join("themes", theme, "i18n", lang+".toml")
		w, found, err := readWords(site, own, embedded, path.Join("i18n", lang+".toml"), lang)
		if err != nil {
			ps = append(ps, wordsProblems(err, own)...)
			continue
		}
		if !found {
			if len(s.Languages) == 0 {
				w, _, err = readWords(nil, "", embedded, "i18n/en-GB.toml", lang)
				if err != nil {
					ps = append(ps, wordsProblems(err, own)...)
					continue
				}
			} else {
				ps.Errorf(pos, "language %q has no interface words; expected a file %s (kpisite's default theme has %s)", lang, own, shippedLanguages(embedded))
				continue
			}
		}
		words[i] = w
	}
	if ps.HasErrors() {
		return nil, ps
	}
	for i := 1; i < len(words); i++ {
		var lacking []string
		for _, k := range words[0].Keys() {
			if !words[i].Has(k) && !words[i].Has(countedBase(k)+".other") {
				lacking = append(lacking, k)
			}
		}
		if len(lacking) > 0 {
			own := path.Join("themes", theme, "i18n", langs[i]+".toml")
			ps.Warnf(pos, "the %q interface words lack %d of the %q keys, so those words are shown in %s on the %s pages: %s; expected them in %s", langs[i], len(lacking), langs[0], langs[0], langs[i], strings.Join(lacking, ", "), own)
		}
		words[i] = words[i].WithFallback(words[0])
	}
	return words, ps
}

// countedBase is "indicators" for a plural form key "indicators.one":
// a language has its own plural forms, so it need not have every form
// the first language has, only "other".
func countedBase(k string) string {
	for _, form := range []string{".zero", ".one", ".two", ".few", ".many"} {
		if b, ok := strings.CutSuffix(k, form); ok {
			return b
		}
	}
	return k
}

// readWords reads the embedded file emb with the site's own file own
// over it; found is false when neither exists.
func readWords(site fs.FS, own string, embedded fs.FS, emb, lang string) (w *i18n.Words, found bool, err error) {
	text := map[string]string{}
	for _, f := range []struct {
		fsys  fs.FS
		name  string
		shown string
	}{{embedded, emb, "(built-in default theme) " + emb}, {site, own, own}} {
		if f.fsys == nil || f.name == "" {
			continue
		}
		src, err := fs.ReadFile(f.fsys, f.name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, false, fmt.Errorf("%s: cannot read: %v; expected a readable file", f.shown, err)
		}
		pw, err := i18n.Parse(lang, f.shown, src)
		if err != nil {
			return nil, false, err
		}
		for _, k := range pw.Keys() {
			text[k] = pw.T(k)
		}
		found = true
	}
	return i18n.New(lang, text), found, nil
}

// wordsProblems positions the errors of reading an i18n file: i18n.Parse
// writes a line "file:line: …" for each; other errors are put at file.
func wordsProblems(err error, file string) model.Problems {
	var ps model.Problems
	for _, l := range strings.Split(err.Error(), "\n") {
		m := positioned.FindStringSubmatch(l)
		if m == nil {
			name, msg, ok := strings.Cut(l, ": ")
			if !ok {
				name, msg = file, l
			}
			pos := model.Position{Path: name}
			if lm := tomlLine.FindStringSubmatch(msg); lm != nil {
				pos.Line, _ = strconv.Atoi(lm[1])
			}
			ps.Errorf(pos, "%s; expected TOML such as [status] on_target = \"On target\"", msg)
			continue
		}
		line, _ := strconv.Atoi(m[2])
		ps.Errorf(model.Position{Path: m[1], Line: line}, "%s", m[3])
	}
	return ps
}

var tomlLine = regexp.MustCompile(`line (\d+)`)

var positioned = regexp.MustCompile(`^([^:]+):(\d+): (.*)$`)

// shippedLanguages lists the languages of the embedded default theme.
func shippedLanguages(embedded fs.FS) string {
	entries, _ := fs.ReadDir(embedded, "i18n")
	var codes []string
	for _, e := range entries {
		if c, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		return "none"
	}
	return strings.Join(codes, " and ")
}
