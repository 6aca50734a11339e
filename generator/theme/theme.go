// Package theme loads a site's templates and static assets.
//
// A theme is a directory with templates/ and assets/. The default theme is
// embedded in the binary; a site may override any of its files by putting a
// file with the same name under themes/<theme>/ in the site (theme from
// site.toml, default "default"). A site theme other than "default" must
// exist as a directory in the site, and files it does not have come from the
// default theme.
//
// Templates are a fixed, documented set (Names). A template file in a site
// theme that is not one of them is an error, not silently ignored.
// layout.html is the page frame: it executes {{template "main" .}}, which
// each page template defines. partials.html holds shared {{define}}s.
// Templates run with missingkey=error.
//
// Assets are copied to public/assets/ as they are.
package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"kpisite/generator/i18n"
)

// Page template names: each is a page kind the renderer knows.
var Names = []string{
	"home.html", "indicator.html", "service.html", "committee.html", "page.html", "notfound.html",
	"report.html", "reports.html", "actions.html", "retired.html", "data.html",
	"search.html", "changes.html",
}

// shared template files, parsed into every page.
var shared = []string{"layout.html", "partials.html"}

// Theme is a parsed theme.
type Theme struct {
	pages  map[string]*template.Template // nil in a theme from Load: its English pages are made when first executed (page)
	protos map[string]*template.Template // parsed, never executed: ForWords clones them
	words  *i18n.Words                   // the words pages writes
	files  map[string]source             // template file name -> where it was read from
	Assets map[string][]byte             // path under assets/ -> content
	bound  *bindings                     // the theme from Load's, shared by every theme ForWords makes of it
}

// bindings are the themes ForWords has made of one loaded theme, one for
// each set of words: check's trial render and the build that follows it
// write the same words, and cloning every page template (and escaping
// the clones when first run) is a large part of rendering a small site.
type bindings struct {
	mu     sync.Mutex
	byWord map[*i18n.Words]*Theme
}

// Load reads theme name from site (files under themes/<name>/) over
// embedded (the default theme). funcs are made available to templates.
func Load(site fs.FS, name string, embedded fs.FS, funcs template.FuncMap) (*Theme, error) {
	if name == "" {
		name = "default"
	}
	var over fs.FS
	dir := path.Join("themes", name)
	if site != nil {
		st, err := fs.Stat(site, dir)
		if outsideSite(err) {
			return nil, fmt.Errorf("%s: is a link to a folder outside the site folder; kpisite reads only files inside the site folder, so copy the theme into the site instead", dir)
		}
		if err == nil && st.IsDir() {
			sub, err := fs.Sub(site, dir)
			if err != nil {
				return nil, fmt.Errorf("theme %q: %w", name, err)
			}
			over = sub
		} else if name != "default" {
			return nil, fmt.Errorf("theme %q: directory %s not found in the site; expected themes/%s/templates and themes/%s/assets, or theme = \"default\"", name, dir, name, name)
		}
	}
	if over != nil {
		if err := checkNames(over, dir); err != nil {
			return nil, err
		}
	}
	files := map[string]source{}
	read := func(p string) ([]byte, error) {
		if over != nil {
			b, err := fs.ReadFile(over, p)
			if err == nil {
				files[path.Base(p)] = source{path: path.Join(dir, p)}
				return b, nil
			}
			if outsideSite(err) {
				return nil, linkOut(dir, p)
			}
		}
		b, err := fs.ReadFile(embedded, p)
		if err != nil {
			return nil, fmt.Errorf("theme %q: read %s: %w", name, p, err)
		}
		files[path.Base(p)] = source{path: path.Join("themes", "default", p), builtin: true}
		return b, nil
	}
	base := template.New("layout.html").Option("missingkey=error").Funcs(funcs).Funcs(wordFuncs(i18n.English()))
	for _, n := range shared {
		src, err := read("templates/" + n)
		if err != nil {
			return nil, err
		}
		t := base
		if n != base.Name() {
			t = base.New(n)
		}
		if _, err := t.Parse(string(src)); err != nil {
			return nil, position(err, files)
		}
	}
	t := &Theme{protos: make(map[string]*template.Template), files: files, Assets: make(map[string][]byte), bound: &bindings{}}
	for _, n := range Names {
		src, err := read("templates/" + n)
		if err != nil {
			return nil, err
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("theme %q: %w", name, err)
		}
		if _, err := clone.New(n).Parse(string(src)); err != nil {
			return nil, position(err, files)
		}
		t.protos[n] = clone
	}
	t.words = i18n.Or(nil)
	for _, src := range []fs.FS{embedded, over} {
		if src == nil {
			continue
		}
		err := fs.WalkDir(src, "assets", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if src == over && outsideSite(err) {
					return linkOut(dir, p)
				}
				if p == "assets" {
					return fs.SkipDir // a site theme may have no assets
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				if src == over && outsideSite(err) {
					return linkOut(dir, p)
				}
				return err
			}
			t.Assets[strings.TrimPrefix(p, "assets/")] = b
			return nil
		})
		var out errLinkOut
		if errors.As(err, &out) {
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("theme %q: assets: %w", name, err)
		}
	}
	return t, nil
}

// checkNames rejects template files the renderer would never use.
func checkNames(over fs.FS, dir string) error {
	entries, err := fs.ReadDir(over, "templates")
	if err != nil {
		return nil // no templates directory: nothing overridden
	}
	known := map[string]bool{}
	for _, n := range append(append([]string{}, shared...), Names...) {
		known[n] = true
	}
	var unknown []string
	for _, e := range entries {
		if !known[e.Name()] {
			unknown = append(unknown, e.Name())
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	all := append(append([]string{}, shared...), Names...)
	return fmt.Errorf("%s/templates: unknown template %s; expected one of %s",
		dir, strings.Join(unknown, ", "), strings.Join(all, ", "))
}

// ForWords returns the theme writing the interface words w (nil: the
// default theme's English) through its template functions t, th and n.
// It clones the parsed templates once, so a build calls it once per
// language, not per page; the copy shares the theme's assets.
//
// A theme made for the same words before is given again: it is safe to
// run from several goroutines at once.
func (t *Theme) ForWords(w *i18n.Words) (*Theme, error) {
	w = i18n.Or(w)
	if t.bound != nil {
		t.bound.mu.Lock()
		defer t.bound.mu.Unlock()
		if c, ok := t.bound.byWord[w]; ok {
			return c, nil
		}
	}
	c := &Theme{pages: make(map[string]*template.Template, len(t.protos)), protos: t.protos, words: w, files: t.files, Assets: t.Assets, bound: t.bound}
	funcs := wordFuncs(w)
	for n, p := range t.protos {
		clone, err := p.Clone()
		if err != nil {
			return nil, err
		}
		c.pages[n] = clone.Funcs(funcs)
	}
	if t.bound != nil {
		if t.bound.byWord == nil {
			t.bound.byWord = map[*i18n.Words]*Theme{}
		}
		t.bound.byWord[w] = c
	}
	return c, nil
}

// page is the page template name: a theme from Load writes its English
// words, bound when first needed.
func (t *Theme) page(name string) (*template.Template, error) {
	pages := t.pages
	if pages == nil {
		en, err := t.ForWords(t.words)
		if err != nil {
			return nil, err
		}
		pages = en.pages
	}
	tmpl, ok := pages[name]
	if !ok {
		return nil, fmt.Errorf("template %q is not a page template", name)
	}
	return tmpl, nil
}

// Words are the interface words the theme's pages write.
func (t *Theme) Words() *i18n.Words { return t.words }

// Execute renders page template name with data.
func (t *Theme) Execute(name string, data any) ([]byte, error) {
	tmpl, err := t.page(name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		return nil, fmt.Errorf("execute %s: %w", name, position(err, t.files))
	}
	return buf.Bytes(), nil
}
