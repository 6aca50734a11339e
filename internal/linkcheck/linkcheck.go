// Package linkcheck checks the links of a built site on disk, without a
// server and without the network.
//
// Every href, src, srcset (and the other URL attributes of HTML and SVG) in
// every HTML and SVG file, and every url() in every CSS file, must resolve to
// a file of the site: a path ending in "/" to its index.html, a #fragment to
// an element with that id in the target page. ID references inside a page
// (label for, aria-labelledby, aria-describedby, headers, SVG url(#id), …)
// must name an element of that page, and ids must be unique. Links that start
// with the site's base URL (canonical links) are checked as local files.
// Links to other hosts are listed, never fetched; a resource (src, a
// stylesheet, a CSS url()) loaded from another host is an error, since pages
// must make no request to any other host.
package linkcheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Options says what to check.
type Options struct {
	// Dir is the built site, e.g. "public".
	Dir string
	// BaseURL is the site's base_url ("https://www.example.gov.uk/performance/").
	// Its path is where Dir is served, so root-relative links ("/performance/x/")
	// resolve into Dir, and absolute links that start with it are local.
	// Empty means the site is served at "/" and no absolute URL is local.
	BaseURL string
}

// Ref is one reference found in a file.
type Ref struct {
	File string // slash path inside Dir
	Line int
	Tag  string // "a", "link", "img", "css" for a CSS url(), …
	Attr string
	URL  string
}

func (r Ref) String() string {
	if r.Tag == "css" {
		return fmt.Sprintf("%s:%d: url(%s)", r.File, r.Line, r.URL)
	}
	return fmt.Sprintf("%s:%d: <%s %s=%q>", r.File, r.Line, r.Tag, r.Attr, r.URL)
}

// Problem is a reference that does not resolve, and why.
type Problem struct {
	Ref
	Reason string
}

func (p Problem) String() string { return p.Ref.String() + ": " + p.Reason }

// Report is the result of a check.
type Report struct {
	HTML, SVG, CSS int // files scanned
	Links          int // URL references checked (local, external and other)
	Local          int // of which resolved inside the site
	IDRefs         int // id references checked (for, aria-*, headers, url(#…))
	External       []Ref
	Other          []Ref // mailto:, tel:, data:
	Broken         []Problem
	Unlinked       []string // HTML pages no other page links to (404.html aside)
}

// OK reports whether nothing is broken.
func (r *Report) OK() bool { return len(r.Broken) == 0 }

// Check scans every HTML, SVG and CSS file under o.Dir.
func Check(o Options) (*Report, error) {
	c := &checker{o: o, docs: map[string]*doc{}, linked: map[string]bool{}}
	if o.BaseURL != "" {
		u, err := url.Parse(o.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, fmt.Errorf("base URL %q: want an absolute URL such as https://www.example.gov.uk/performance/", o.BaseURL)
		}
		c.base = u
		c.basePath = u.Path
	}
	if c.basePath == "" {
		c.basePath = "/"
	}
	if !strings.HasSuffix(c.basePath, "/") {
		c.basePath += "/"
	}
	if st, err := os.Stat(o.Dir); err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", o.Dir)
	}
	var files []string
	err := filepath.WalkDir(o.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(o.Dir, p)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	r := &Report{}
	c.r = r
	for _, f := range files {
		switch strings.ToLower(path.Ext(f)) {
		case ".html", ".htm":
			r.HTML++
			if err := c.checkMarkup(f); err != nil {
				return nil, err
			}
		case ".svg":
			r.SVG++
			if err := c.checkMarkup(f); err != nil {
				return nil, err
			}
		case ".css":
			r.CSS++
			if err := c.checkCSS(f); err != nil {
				return nil, err
			}
		}
	}
	sort.SliceStable(r.Broken, func(i, j int) bool {
		a, b := r.Broken[i], r.Broken[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Attr+a.URL < b.Attr+b.URL
	})
	for _, f := range files {
		ext := strings.ToLower(path.Ext(f))
		if (ext == ".html" || ext == ".htm") && f != "404.html" && !c.linked[f] {
			r.Unlinked = append(r.Unlinked, f)
		}
	}
	return r, nil
}

type checker struct {
	o        Options
	base     *url.URL
	basePath string
	r        *Report
	docs     map[string]*doc
	linked   map[string]bool
}

// doc is what a markup file offers as a link target.
type doc struct {
	tags []tag
	ids  map[string]int // id -> how many elements have it
}

func (c *checker) load(file string) (*doc, error) {
	if d, ok := c.docs[file]; ok {
		return d, nil
	}
	b, err := os.ReadFile(filepath.Join(c.o.Dir, filepath.FromSlash(file)))
	if err != nil {
		return nil, err
	}
	d := &doc{tags: startTags(string(b)), ids: map[string]int{}}
	for _, t := range d.tags {
		if id, ok := t.attrs["id"]; ok {
			d.ids[id]++
		}
		if name, ok := t.attrs["name"]; ok && t.name == "a" {
			if _, has := t.attrs["id"]; !has || t.attrs["id"] != name {
				d.ids[name]++
			}
		}
	}
	c.docs[file] = d
	return d, nil
}

// urlAttrs are the attributes that hold one URL.
var urlAttrs = []string{"href", "xlink:href", "src", "poster", "data", "action", "formaction", "cite", "background", "longdesc", "manifest"}

// idrefAttrs hold one id or a space-separated list of ids of the same page.
var idrefAttrs = map[string]bool{
	"for": true, "headers": true, "list": true, "form": true,
	"aria-labelledby": true, "aria-describedby": true, "aria-controls": true, "aria-owns": true,
	"aria-activedescendant": true, "aria-details": true, "aria-errormessage": true, "aria-flowto": true,
}

var svgURLRef = regexp.MustCompile(`^\s*url\(\s*['"]?#([^'")]+)['"]?\s*\)\s*$`)

// resourceTags load what their URL points at (a request), rather than link to it.
func isResource(t tag, attr string) bool {
	switch attr {
	case "src", "srcset", "poster", "data", "background":
		return true
	}
	switch t.name {
	case "link":
		for _, rel := range strings.Fields(strings.ToLower(t.attrs["rel"])) {
			switch rel {
			case "stylesheet", "icon", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch", "apple-touch-icon", "manifest":
				return true
			}
		}
	case "use", "image", "feimage", "script":
		return true
	}
	return false
}

func (c *checker) checkMarkup(file string) error {
	d, err := c.load(file)
	if err != nil {
		return err
	}
	for id, n := range d.ids {
		if n > 1 {
			c.broken(Ref{File: file, Tag: "*", Attr: "id", URL: id}, fmt.Sprintf("id %q is used by %d elements", id, n))
		}
	}
	for _, t := range d.tags {
		for _, a := range urlAttrs {
			v, ok := t.attrs[a]
			if !ok {
				continue
			}
			if a == "data" && t.name != "object" || a == "action" && t.name != "form" {
				continue
			}
			if err := c.checkURL(Ref{File: file, Line: t.line, Tag: t.name, Attr: a, URL: v}, isResource(t, a)); err != nil {
				return err
			}
		}
		for _, a := range []string{"srcset", "imagesrcset"} {
			if v, ok := t.attrs[a]; ok {
				for _, cand := range strings.Split(v, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						if err := c.checkURL(Ref{File: file, Line: t.line, Tag: t.name, Attr: a, URL: f[0]}, true); err != nil {
							return err
						}
					}
				}
			}
		}
		if t.name == "meta" {
			switch strings.ToLower(t.attrs["property"]) {
			case "og:url", "og:image":
				if err := c.checkURL(Ref{File: file, Line: t.line, Tag: t.name, Attr: "content", URL: t.attrs["content"]}, false); err != nil {
					return err
				}
			}
		}
		for a, v := range t.attrs {
			var ids []string
			switch {
			case idrefAttrs[a]:
				if a == "for" && t.name != "label" && t.name != "output" {
					continue
				}
				ids = strings.Fields(v)
			default:
				if m := svgURLRef.FindStringSubmatch(v); m != nil {
					ids = []string{m[1]}
				}
			}
			for _, id := range ids {
				c.r.IDRefs++
				if d.ids[id] == 0 {
					c.broken(Ref{File: file, Line: t.line, Tag: t.name, Attr: a, URL: v}, fmt.Sprintf("no element with id %q on this page", id))
				}
			}
		}
	}
	return nil
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

func (c *checker) checkCSS(file string) error {
	b, err := os.ReadFile(filepath.Join(c.o.Dir, filepath.FromSlash(file)))
	if err != nil {
		return err
	}
	s := string(b)
	for _, m := range cssURL.FindAllStringSubmatchIndex(s, -1) {
		var u string
		for g := 1; g <= 5; g++ {
			if m[2*g] >= 0 {
				u = s[m[2*g]:m[2*g+1]]
				break
			}
		}
		line := 1 + strings.Count(s[:m[0]], "\n")
		if err := c.checkURL(Ref{File: file, Line: line, Tag: "css", Attr: "url", URL: u}, true); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) broken(r Ref, reason string) {
	c.r.Broken = append(c.r.Broken, Problem{Ref: r, Reason: reason})
}

// checkURL resolves one reference from r.File. resource says whether the
// browser would load it (an image, a stylesheet) rather than navigate to it.
func (c *checker) checkURL(r Ref, resource bool) error {
	c.r.Links++
	raw := strings.TrimSpace(r.URL)
	if raw == "" && resource {
		c.broken(r, "empty URL")
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		c.broken(r, "not a valid URL: "+err.Error())
		return nil
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		if u.Host != "" { // "//host/path"
			return c.external(r, resource)
		}
	case "http", "https":
		if c.base != nil && strings.EqualFold(u.Scheme, c.base.Scheme) && strings.EqualFold(u.Host, c.base.Host) &&
			strings.HasPrefix(u.Path, c.basePath) {
			u = &url.URL{Path: u.Path, RawPath: u.RawPath, Fragment: u.Fragment, RawQuery: u.RawQuery}
			break
		}
		return c.external(r, resource)
	case "mailto", "tel", "data":
		if u.Opaque == "" && u.Path == "" {
			c.broken(r, u.Scheme+": link with nothing after the colon")
			return nil
		}
		c.r.Other = append(c.r.Other, r)
		return nil
	default:
		c.broken(r, fmt.Sprintf("scheme %q is not allowed", u.Scheme))
		return nil
	}

	// A local reference: work out the file it names, inside Dir.
	var target string
	switch {
	case u.Path == "":
		target = r.File // "#frag" or "?q" on the same page
	case strings.HasPrefix(u.Path, "/"):
		if !strings.HasPrefix(u.Path, c.basePath) {
			c.broken(r, fmt.Sprintf("path is outside the site, which is served at %s", c.basePath))
			return nil
		}
		target = u.Path[len(c.basePath):]
		if target == "" || strings.HasSuffix(target, "/") {
			target += "index.html"
		}
		target = path.Clean("/" + target)[1:]
	default:
		segs := strings.Split(path.Dir(r.File), "/")
		if path.Dir(r.File) == "." {
			segs = nil
		}
		parts := strings.Split(u.Path, "/")
		for i, p := range parts {
			last := i == len(parts)-1
			switch p {
			case ".", "":
				if last {
					segs = append(segs, "")
				}
			case "..":
				if len(segs) == 0 {
					c.broken(r, "goes above the root of the site")
					return nil
				}
				segs = segs[:len(segs)-1]
				if last {
					segs = append(segs, "")
				}
			default:
				segs = append(segs, p)
			}
		}
		target = strings.Join(segs, "/")
		if target == "" || strings.HasSuffix(target, "/") {
			target += "index.html"
		}
	}
	c.r.Local++
	st, err := os.Stat(filepath.Join(c.o.Dir, filepath.FromSlash(target)))
	switch {
	case err != nil:
		c.broken(r, "no such file in the site: "+target)
		return nil
	case st.IsDir():
		c.broken(r, "names a directory: add a trailing slash so it resolves to "+target+"/index.html")
		return nil
	}
	ext := strings.ToLower(path.Ext(target))
	if (ext == ".html" || ext == ".htm") && target != r.File {
		c.linked[target] = true
	}
	if strings.HasSuffix(raw, "#") {
		c.broken(r, `empty fragment "#"`)
		return nil
	}
	if u.Fragment == "" {
		return nil
	}
	if ext != ".html" && ext != ".htm" && ext != ".svg" {
		return nil // a fragment of a CSV or PNG is not ours to check
	}
	d, err := c.load(target)
	if err != nil {
		return err
	}
	if d.ids[u.Fragment] == 0 && !(u.Fragment == "top" && ext != ".svg") {
		c.broken(r, fmt.Sprintf("no element with id %q in %s", u.Fragment, target))
	}
	return nil
}

func (c *checker) external(r Ref, resource bool) error {
	if resource {
		c.broken(r, "loads a resource from another host (pages must make no request to any other host)")
		return nil
	}
	c.r.External = append(c.r.External, r)
	return nil
}
