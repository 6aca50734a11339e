package render

import "strings"

// A site published in several languages (SPEC 3.9) is rendered once per
// language, each time with the input translated into it and Options.
// Language saying where its pages go. The first language's pages are at
// the root; each other language's are under its code ("cy/indicators/
// <id>/"), with the same paths below it, so links between a language's
// own pages are the same relative links as the first language's. A few
// files say the same thing in every language and are written once, by
// the first language, at the root: assets/, the open data (data/all.csv,
// data/catalogue.json, indicators/<id>/data.csv and data.json),
// changes/releases.json, robots.txt and sitemap.xml (which lists every
// page in every language). The other languages' pages link to those.

// Language places the pages of one render in a site of several
// languages. The zero value is a site of one language.
type Language struct {
	Prefix string            // "cy/": the folder of this language's pages; "" for the first language
	All    []LanguageVersion // every language of the site, the first first; fewer than two: no alternates or switch
}

// LanguageVersion is one language of the site.
type LanguageVersion struct {
	Code   string // "cy"
	Prefix string // "" for the first language, else "cy/"
	Name   string // the language's name in itself, for the language switch: "Cymraeg"
}

// Alternate is the page being rendered in one of the site's languages:
// a <link rel="alternate" hreflang> and an entry of the language switch.
type Alternate struct {
	Lang    string // "cy"
	Name    string // "Cymraeg"
	URL     string // absolute, from base_url
	Href    string // relative to the page
	Current bool   // the language of the page itself
}

// sharedFile reports whether path is one of the files every language
// shares, written by the first language only.
func sharedFile(path string) bool {
	switch path {
	case "data/all.csv", "data/catalogue.json", "changes/releases.json", "robots.txt", "sitemap.xml":
		return true
	}
	if strings.HasPrefix(path, "assets/") {
		return true
	}
	if rest, ok := strings.CutPrefix(path, "indicators/"); ok {
		return strings.HasSuffix(rest, "/data.csv") || strings.HasSuffix(rest, "/data.json")
	}
	return false
}

// shared is the link from the page at path to file (from the site's
// root), one of the files every language shares; rel is the link the
// first language's pages use, kept as it was.
func (b *builder) shared(path, rel, file string) string {
	if b.o.Language.Prefix == "" {
		return rel
	}
	return rootFor(b.o.Language.Prefix+path) + file
}

// sharedRoot is the relative path from the page at path to the site's
// root, where the shared files are.
func (b *builder) sharedRoot(path string) string {
	return rootFor(b.o.Language.Prefix + path)
}

// sharedAbs is the absolute URL of a shared file.
func (b *builder) sharedAbs(path string) string { return b.in.Site.BaseURL + path }

// alternates are the page at path (its folder, dir) in every language of
// the site, or nil for a site of one language.
func (b *builder) alternates(path, dir string) []Alternate {
	all := b.o.Language.All
	if len(all) < 2 {
		return nil
	}
	root := b.sharedRoot(path)
	out := make([]Alternate, len(all))
	for i, l := range all {
		out[i] = Alternate{
			Lang: l.Code, Name: l.Name, URL: b.in.Site.BaseURL + l.Prefix + dir,
			Href: root + l.Prefix + dir, Current: l.Prefix == b.o.Language.Prefix,
		}
	}
	return out
}

// localise puts the files of a language after the first under its
// folder and leaves out the shared files, which the first language
// writes.
func (b *builder) localise(files map[string][]byte) map[string][]byte {
	prefix := b.o.Language.Prefix
	if prefix == "" {
		return files
	}
	out := make(map[string][]byte, len(files))
	for p, data := range files {
		if !sharedFile(p) {
			out[prefix+p] = data
		}
	}
	return out
}

// localEmit is emit for a language after the first: its files under its
// folder, without the shared files.
func localEmit(prefix string, emit func(string, []byte) error) func(string, []byte) error {
	if prefix == "" || emit == nil {
		return emit
	}
	return func(p string, data []byte) error {
		if sharedFile(p) {
			return nil
		}
		return emit(prefix+p, data)
	}
}

// LocalCache is a build cache's Reuse and Made for a language after the
// first (prefix "cy/"): its pages are named, and their files kept, under
// its folder, as localEmit writes them; the shared files are the first
// language's. A prefix of "" returns reuse and made as they are.
func LocalCache(prefix string, reuse func(string, Key) ([]string, []byte, bool), made func(string, Key, []string, []byte)) (func(string, Key) ([]string, []byte, bool), func(string, Key, []string, []byte)) {
	if prefix == "" {
		return reuse, made
	}
	var r func(string, Key) ([]string, []byte, bool)
	if reuse != nil {
		r = func(name string, k Key) ([]string, []byte, bool) {
			paths, note, ok := reuse(prefix+name, k)
			local := make([]string, 0, len(paths))
			for _, p := range paths {
				local = append(local, strings.TrimPrefix(p, prefix))
			}
			return local, note, ok
		}
	}
	var m func(string, Key, []string, []byte)
	if made != nil {
		m = func(name string, k Key, paths []string, note []byte) {
			full := make([]string, 0, len(paths))
			for _, p := range paths {
				if !sharedFile(p) {
					full = append(full, prefix+p)
				}
			}
			made(prefix+name, k, full, note)
		}
	}
	return r, m
}
