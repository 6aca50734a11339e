package theme

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"kpisite/generator/i18n"
)

// wordFuncs are the template functions that write the interface words of
// w (package i18n):
//
//	{{t "key" "name" .Value …}}  the words of key, {name} filled; a string, escaped where it lands
//	{{th "key" "name" .Value …}} the same as trusted HTML, for words that hold markup or quotes
//	                             (the words are the theme's own, as trusted as its templates;
//	                             each value is escaped unless it is already template.HTML)
//	{{n "key" .Count "name" .Value …}} the counted phrase key for the count, in the
//	                             language's plural form, {n} filled with the count
func wordFuncs(w *i18n.Words) template.FuncMap {
	return template.FuncMap{
		"t": func(key string, args ...any) string {
			return w.T(key, plain(args)...)
		},
		"th": func(key string, args ...any) template.HTML {
			// Trusted: the words come from the theme's i18n files; the
			// values are escaped as html/template escapes text.
			return template.HTML(w.T(key, escaped(args)...))
		},
		"n": func(key string, count int, args ...any) string {
			return w.N(key, count, plain(args)...)
		},
		"jsWords": func(pairs ...string) (string, error) { return jsWords(w, pairs) },
	}
}

// jsWords are the words a script says, as JSON for a data attribute:
// name/key pairs, a counted phrase (a key with an "other" form) as an
// object of its plural forms, placeholders left for the script to fill.
// It is "" when every word is the default theme's English, which the
// scripts carry themselves, so an English page is unchanged.
func jsWords(w *i18n.Words, pairs []string) (string, error) {
	en := i18n.English()
	out := map[string]any{}
	same := true
	for i := 0; i+1 < len(pairs); i += 2 {
		name, key := pairs[i], pairs[i+1]
		if !w.Has(key+".other") && !en.Has(key+".other") {
			v := w.T(key)
			out[name] = v
			same = same && v == en.T(key)
			continue
		}
		forms := map[string]string{}
		for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
			if w.Has(key + "." + f) {
				forms[f] = w.T(key + "." + f)
				same = same && en.Has(key+"."+f) && forms[f] == en.T(key+"."+f)
			}
		}
		if _, ok := forms["other"]; !ok {
			forms["other"] = w.T(key + ".other") // from the fallback, recorded missing
			same = false
		}
		out[name] = forms
	}
	if same {
		return "", nil
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// plain writes name/value pairs as strings.
func plain(args []any) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = fmt.Sprint(a)
	}
	return out
}

// escaped writes name/value pairs for trusted HTML: a value that is
// template.HTML as it is, any other escaped as html/template escapes text
// (template.HTMLEscapeString, extended to "+").
func escaped(args []any) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if h, ok := a.(template.HTML); ok && i%2 == 1 {
			out[i] = string(h)
			continue
		}
		s := fmt.Sprint(a)
		if i%2 == 1 {
			s = strings.ReplaceAll(template.HTMLEscapeString(s), "+", "&#43;")
		}
		out[i] = s
	}
	return out
}
