package theme

import (
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
	}
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
