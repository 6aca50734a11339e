package model

// Translation is one language's text for one thing of the site, written
// in its own table named by the language code: an indicator's
// cy = { title = "…", definition = "…" }, a service's cy = { name = "…" },
// site.toml's [cy] table. Keys are the names of the fields they replace.
type Translation struct {
	Text map[string]string // by key: "title", "definition", "name"
	Pos  Position          // where the table was written
}

// Translations are a thing's translations by language code ("cy").
type Translations map[string]Translation

// Get returns the text of key in lang, and whether it was given.
func (t Translations) Get(lang, key string) (string, bool) {
	s, ok := t[lang].Text[key]
	return s, ok && s != ""
}

// Lang returns the site's language codes, first (root) language first:
// site.toml's languages, or its single language.
func (s *Site) Lang() []string {
	if len(s.Languages) > 0 {
		return s.Languages
	}
	return []string{s.Language}
}

// Translated reports whether the site is published in more than one
// language.
func (s *Site) Translated() bool { return len(s.Languages) > 1 }
