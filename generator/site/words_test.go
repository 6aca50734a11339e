package site

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"kpisite/generator/i18n"
	"kpisite/generator/model"
	"kpisite/themes"
)

// The tests of the interface words (themes/default/i18n): every word of
// every page comes from the language's words, the English and Welsh files
// have the same keys, and every key is used.

// markedWords are the default theme's English words, each wrapped in
// markers ("⟦On target⟧"), placeholders kept: a page built with them
// shows every interface word inside markers, so that any English outside
// them was written without the words.
func markedWords(t *testing.T) *i18n.Words {
	t.Helper()
	en := i18n.English()
	text := map[string]string{}
	for _, k := range en.Keys() {
		// Words with markup are marked between their tags, as a page
		// shows them.
		text[k] = "⟦" + strings.ReplaceAll(strings.ReplaceAll(en.T(k), "<", "⟧<"), ">", ">⟦") + "⟧"
	}
	return i18n.New("en-GB", text)
}

// dataStrings are every string of the council's own input (titles,
// definitions, names, notes, commentary …), found by walking the model,
// with the first letter also in the other case (pages write "by age group"
// for the breakdown "Age group"). Longest first.
func dataStrings(in *model.Input) []string {
	seen := map[string]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			s := strings.TrimSpace(v.String())
			if len(s) > 1 {
				seen[s] = true
				seen[strings.ToLower(s[:1])+s[1:]] = true
				seen[strings.ToUpper(s[:1])+s[1:]] = true
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return // Markdown bodies: their HTML is in .prose, skipped whole
			}
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(k)
				walk(v.MapIndex(k))
			}
		}
	}
	walk(reflect.ValueOf(in))
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

var (
	scriptOrStyle = regexp.MustCompile(`(?s)<(script|style)\b[^>]*>.*?</(script|style)>|<![^>]*>`)
	tagRe         = regexp.MustCompile(`(?s)<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>`)
	attrRe        = regexp.MustCompile(`\s(aria-label|alt|title|placeholder|data-label)="([^"]*)"`)
	markedRe      = regexp.MustCompile(`(?s)⟦[^⟦⟧]*⟧`)
	lettersRe     = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]+|\bQ[1-4]\b`) // a quarter's "Q1" is a word too
	wordRe        = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*`)
	openMarkRe    = regexp.MustCompile(`(?s)⟦[^⟧]*$`)
	closeMarkRe   = regexp.MustCompile(`(?s)^[^⟦]*⟧`)
)

// textNode is a run of visible text, and whether it is an SVG <text>
// (whose lines are wrapped: a data string may be cut across them).
type textNode struct {
	text    string
	svgText bool
}

// visibleText is what a person or a screen reader meets on a page: the
// text between tags (the <title>, and an inline SVG's <title>, <desc> and
// <text> included), and the aria-label, alt, title, placeholder and
// data-label attributes, without scripts, styles, code (column names and
// flags, which are not words) and the council's own Markdown (class
// "prose").
func visibleText(page string) []textNode {
	page = scriptOrStyle.ReplaceAllString(page, " ")
	var out []textNode
	depth, proseAt := 0, -1
	last, inCode, tag := 0, false, ""
	for _, m := range tagRe.FindAllStringSubmatchIndex(page, -1) {
		if proseAt < 0 && !inCode {
			out = append(out, textNode{page[last:m[0]], tag == "text" || tag == "tspan"})
		}
		last = m[1]
		closing := page[m[2]:m[3]] == "/"
		name := strings.ToLower(page[m[4]:m[5]])
		attrs := page[m[6]:m[7]]
		if !closing {
			tag = name
		}
		if name == "code" {
			inCode = !closing
		}
		if name == "div" && !strings.HasSuffix(attrs, "/") {
			if closing {
				depth--
				if depth == proseAt {
					proseAt = -1
				}
			} else {
				if proseAt < 0 && strings.Contains(attrs, `class="prose`) {
					proseAt = depth
				}
				depth++
			}
		}
		if proseAt < 0 && !closing {
			for _, a := range attrRe.FindAllStringSubmatch(attrs, -1) {
				out = append(out, textNode{a[2], false})
			}
		}
	}
	out = append(out, textNode{page[last:], false})
	for i := range out {
		out[i].text = html.UnescapeString(out[i].text)
	}
	return out
}

// dataIndex finds the council's own strings in text, whole words only.
type dataIndex struct {
	byFirst map[string][]string // by first word, longest first
	other   []string            // strings that start with a digit or a sign
	words   map[string]bool     // every word of every string
}

func newDataIndex(strs []string) *dataIndex {
	d := &dataIndex{byFirst: map[string][]string{}, words: map[string]bool{}}
	for _, s := range strs { // longest first
		ws := wordRe.FindAllString(s, -1)
		if len(ws) == 0 {
			continue
		}
		first := wordRe.FindStringIndex(s)
		if first[0] != 0 {
			d.other = append(d.other, s)
			continue
		}
		d.byFirst[ws[0]] = append(d.byFirst[ws[0]], s)
		for _, w := range ws {
			d.words[w] = true
		}
	}
	return d
}

// hasPrefix reports whether a data word starts with w: a chart's title
// cut short to fit ends in part of a word and "…".
func (d *dataIndex) hasPrefix(w string) bool {
	for dw := range d.words {
		if strings.HasPrefix(dw, w) {
			return true
		}
	}
	return false
}

// truncated reports whether w is cut short by an ellipsis in text.
func truncated(text, w string) bool { return strings.Contains(text, w+"…") }

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// remove blanks every whole-word occurrence of a data string in text.
func (d *dataIndex) remove(text string) string {
	for _, s := range d.other {
		if strings.Contains(text, s) {
			text = strings.ReplaceAll(text, s, " ")
		}
	}
	b := []byte(text)
	for _, loc := range wordRe.FindAllStringIndex(text, -1) {
		if loc[0] > 0 && isLetter(text[loc[0]-1]) {
			continue
		}
		for _, s := range d.byFirst[text[loc[0]:loc[1]]] {
			end := loc[0] + len(s)
			if strings.HasPrefix(text[loc[0]:], s) && (end == len(text) || !isLetter(text[end])) {
				for i := loc[0]; i < end; i++ {
					b[i] = ' '
				}
				break
			}
		}
	}
	return string(b)
}

// leaks are the runs of letters in n outside markers and the council's
// own strings.
func leaks(n textNode, data *dataIndex) []string {
	text := n.text
	for {
		s := markedRe.ReplaceAllString(text, " ")
		if s == text {
			break
		}
		text = s
	}
	if n.svgText { // a wrapped line may cut a marked phrase
		text = closeMarkRe.ReplaceAllString(openMarkRe.ReplaceAllString(text, " "), " ")
	}
	if !lettersRe.MatchString(text) {
		return nil
	}
	text = data.remove(text)
	var out []string
	for _, w := range lettersRe.FindAllString(text, -1) {
		if !notWords[w] && !(n.svgText && (data.words[w] || truncated(text, w) && data.hasPrefix(w))) {
			out = append(out, w)
		}
	}
	return out
}

// notWords are letters on pages that are not words of any language: file
// formats, sizes, and the number suffixes of axis labels.
var notWords = map[string]bool{"CSV": true, "JSON": true, "JSON-LD": true, "DCAT": true, "Atom": true, "KB": true, "MB": true, "bn": true}

func TestEveryInterfaceWordComesFromTheWords(t *testing.T) {
	for _, site := range []struct {
		root  string
		built time.Time
	}{
		{filepath.Join("..", ".."), buildDate},
		// Built on the day it was published: its figures run to 2023.
		{filepath.Join("..", "..", "examples", "national-statistics"), time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(site.root, func(t *testing.T) {
			words := markedWords(t)
			files, c, err := Build(os.DirFS(site.root), Options{BuildDate: site.built, Version: "test", Words: words})
			if err != nil {
				t.Fatalf("build: %v\n%v", err, c.Problems)
			}
			if m := words.Missing(); len(m) > 0 {
				t.Errorf("pages looked up words en-GB.toml lacks: %v", m)
			}
			// The language switch names each language in itself, from
			// that language's own words: data to this page's words.
			// Build lets go of the observations (dropForRender), so
			// their notes and breakdown names are read from a check.
			chk, err := Check(os.DirFS(site.root), Options{BuildDate: site.built, Version: "test"})
			if err != nil {
				t.Fatalf("check: %v", err)
			}
			strs := dataStrings(chk.Input)
			for _, w := range c.words {
				strs = append(strs, w.T("site.language_name"))
			}
			data := newDataIndex(strs)
			var paths []string
			for p := range files {
				if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".svg") {
					paths = append(paths, p)
				}
			}
			sort.Strings(paths)
			found := 0
			for _, p := range paths {
				seen := map[string]bool{}
				for _, n := range visibleText(string(files[p])) {
					for _, w := range leaks(n, data) {
						if !seen[w] && found < 200 {
							t.Errorf("%s: %q is not in the interface words (in %q)", p, w, strings.Join(strings.Fields(n.text), " "))
							found++
						}
						seen[w] = true
					}
				}
			}
		})
	}
}

// templateKeyRe finds the keys templates look up: {{t "key" …}}, {{th
// "key" …}}, {{n "key" …}}.
var templateKeyRe = regexp.MustCompile(`\b(t|th|n)\s+"([a-z0-9_.-]+)"`)

func TestWordFilesHaveTheSameKeys(t *testing.T) {
	en, cy := readThemeWords(t, "en-GB"), readThemeWords(t, "cy")
	base := func(w *i18n.Words) map[string]bool {
		out := map[string]bool{}
		for _, k := range w.Keys() {
			out[pluralBase(k)] = true
		}
		return out
	}
	enKeys, cyKeys := base(en), base(cy)
	for k := range enKeys {
		if !cyKeys[k] {
			t.Errorf("cy.toml lacks %s", k)
		}
	}
	for k := range cyKeys {
		if !enKeys[k] {
			t.Errorf("cy.toml has %s, which en-GB.toml has not", k)
		}
	}
	for _, k := range cy.Keys() {
		if strings.HasSuffix(k, ".other") && !en.Has(k) {
			t.Errorf("cy.toml counts %s, which en-GB.toml does not count", k)
		}
	}
}

func TestEveryKeyIsUsedAndEveryUsedKeyExists(t *testing.T) {
	en := readThemeWords(t, "en-GB")
	tmpl, err := fs.Glob(themes.Default(), "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	var sources strings.Builder
	for _, p := range tmpl {
		b, err := fs.ReadFile(themes.Default(), p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range templateKeyRe.FindAllStringSubmatch(string(b), -1) {
			key := m[2]
			if m[1] == "n" {
				key += ".other"
			}
			if !en.Has(key) {
				t.Errorf("%s looks up %s; en-GB.toml has no such key", p, key)
			}
		}
		sources.Write(b)
	}
	for _, dir := range []string{"render", "kpi", "chart", "format", "site"} {
		paths, _ := filepath.Glob(filepath.Join("..", dir, "*.go"))
		for _, p := range paths {
			if strings.HasSuffix(p, "_test.go") {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sources.Write(b)
		}
	}
	src := sources.String()
	for _, k := range en.Keys() {
		base := pluralBase(k)
		if strings.Contains(src, `"`+base+`"`) || dynamicKey(base) {
			continue
		}
		t.Errorf("en-GB.toml has %s, which no template or Go source looks up", k)
	}
}

// dynamicKey reports whether key is made in Go from a prefix and a value
// (a month number, a status, a frequency …), so that it never appears
// whole in the sources; or is for the language settings' own templates
// (site., lang.: the language's name and its switch).
func dynamicKey(key string) bool {
	for _, p := range []string{
		"site.", "lang.", "month.", "month_short.", "month_to.", "status.", "direction.", "unit.", "quartile.", "flag.", "year_kind.",
		"frequency.", "summary.status.", "summary.direction.", "summary.up", "summary.down",
		"chart.on_target_", "chart.title_", "chart.moving_last_year_", "chart.moving_average_",
		"chart.note_band_", "chart.note_threshold_", "compare_sentence.", "data_column.",
	} {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

func pluralBase(k string) string {
	for _, f := range []string{".zero", ".one", ".two", ".few", ".many", ".other"} {
		if b, ok := strings.CutSuffix(k, f); ok {
			return b
		}
	}
	return k
}

func readThemeWords(t *testing.T, lang string) *i18n.Words {
	t.Helper()
	w, err := i18n.Builtin(lang)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// A site built in the default theme's Welsh words: every word it looks up
// is in cy.toml, and the pages, charts and sentences are in Welsh.
func TestBuildInWelsh(t *testing.T) {
	cy := readThemeWords(t, "cy").WithFallback(readThemeWords(t, "en-GB"))
	files, c, err := Build(testSite(), Options{BuildDate: buildDate, Version: "test", Words: cy})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, c.Problems)
	}
	home, ind := string(files["index.html"]), string(files["indicators/idva-referrals/index.html"])
	mustContain(t, "Welsh home page", home, "Cerdyn sgorio ar gyfer Ebrill i Fehefin 2022 (2022/23 Ch1)", "Yn agos at y targed",
		"Diweddarwyd ddiwethaf: 21 Gorffennaf 2022.", "Neidio i&#39;r prif gynnwys")
	mustContain(t, "Welsh indicator page", ind, "Am y dangosydd hwn", "Ffigurau ar gyfer pob cyfnod", "yn Ebrill i Fehefin 2022", "Ch1 22/23")
	if m := cy.Missing(); len(m) > 0 {
		t.Errorf("cy.toml lacks %v", m)
	}
}
