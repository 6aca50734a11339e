package load

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"kpisite/generator/model"
)

// ContentDir holds the Markdown content.
const ContentDir = "content"

var frontMatterKeys = []string{"title", "author", "date", "draft"}

// Content reads the Markdown files of content/ (SPEC 3.6):
//
//	content/_index.md                         Home
//	content/<page>.md                         Pages (page must be a slug)
//	content/indicators/<id>.md                Indicators[id]
//	content/services/<id>.md                  Services[id]
//	content/actions/<tracker>.md              Actions[tracker]
//	content/commentary/<period-slug>/<id>.md  Commentary
//
// Hidden files and folders are skipped. Any other file or folder in
// indicators/, services/, actions/ or commentary/ is an error, and so is a Markdown
// file anywhere else (it would not be published). Other files elsewhere
// in content/, such as images, are ignored. Whether ids and period slugs
// name real indicators, services and periods is checked by package
// validate.
func Content(fsys fs.FS) (model.Content, model.Problems) {
	c := model.Content{Indicators: map[string]*model.Page{}, Services: map[string]*model.Page{}, Actions: map[string]*model.Page{}}
	// The walk decides which files are pages; the pages are then read and
	// parsed in parallel and filed in the walk's order. Each page's
	// problems stay between the walk's problems before and after it.
	var pages []*contentPage
	var ps model.Problems // the walk's problems since the last page
	err := fs.WalkDir(fsys, ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !(p == ContentDir && errors.Is(err, fs.ErrNotExist)) {
				readError(&ps, p, "folder", err)
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != ContentDir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return contentDir(p, &ps)
		}
		if cp := contentFile(p, &ps); cp != nil {
			cp.before, ps = ps, nil
			pages = append(pages, cp)
		}
		return nil
	})
	after := ps
	inParallel(len(pages), func(i int) {
		cp := pages[i]
		cp.page, cp.ok = Page(fsys, cp.path, &cp.ps)
	})
	ps = nil
	for _, cp := range pages {
		ps = append(ps, cp.before...)
		ps = append(ps, cp.ps...)
		if cp.ok {
			cp.file(&c)
		}
	}
	ps = append(ps, after...)
	if err != nil {
		ps.Errorf(model.Position{Path: ContentDir}, "cannot read content: %v; expected a readable folder", err)
	}
	for _, t := range c.Twins {
		sortContent(t)
	}
	sortContent(&c)
	return c, ps
}

func sortContent(c *model.Content) {
	sort.Slice(c.Pages, func(i, j int) bool { return c.Pages[i].Path < c.Pages[j].Path })
	sort.Slice(c.Commentary, func(i, j int) bool { return c.Commentary[i].Page.Path < c.Commentary[j].Page.Path })
}

// twinName splits the name of a translated twin, "about.cy", into the
// name it translates and its language code (SPEC 3.9). Any other name is
// returned as it is, with no code. Whether the site publishes in that
// language is checked by package validate.
func twinName(name string) (base, lang string) {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || !isLanguageTag(name[i+1:]) {
		return name, ""
	}
	return name[:i], name[i+1:]
}

// contentDir checks a folder's place in content/.
func contentDir(p string, ps *model.Problems) error {
	parts := strings.Split(p, "/")
	switch {
	case len(parts) <= 2:
		return nil // content/ or content/<anything>/
	case len(parts) == 3 && parts[1] == "commentary":
		return nil // content/commentary/<period-slug>/
	case specialDir(parts[1]):
		ps.Errorf(model.Position{Path: p}, "unexpected folder; expected %s", expectedIn(parts[1]))
		return fs.SkipDir
	}
	return nil
}

func expectedIn(dir string) string {
	switch dir {
	case "indicators":
		return "only content/indicators/<indicator-id>.md files"
	case "services":
		return "only content/services/<service-id>.md files"
	case "actions":
		return "only content/actions/<tracker>.md files, one for each data/actions/<tracker>.csv"
	}
	return "only content/commentary/<period-slug>/<indicator-id>.md files"
}

// contentPage is a Markdown file of content/ to be read as a page, and
// what reading it found.
type contentPage struct {
	path, name, lang string
	parts            []string
	before           model.Problems // the walk's problems found before it
	page             *model.Page
	ok               bool
	ps               model.Problems // reading its problems
}

// contentFile decides whether the file p is a page, reporting a file
// that is out of place; nil when it is not a page.
func contentFile(p string, ps *model.Problems) *contentPage {
	parts := strings.Split(p, "/")
	isMD := path.Ext(p) == ".md"
	name := strings.TrimSuffix(parts[len(parts)-1], ".md")
	name, lang := twinName(name)
	special := len(parts) >= 3 && specialDir(parts[1])
	switch {
	case special && (!isMD || (parts[1] == "commentary") != (len(parts) == 4)):
		ps.Errorf(model.Position{Path: p}, "unexpected file; expected %s", expectedIn(parts[1]))
		return nil
	case !isMD:
		return nil // images and other files outside the special folders
	case len(parts) > 2 && !special:
		ps.Errorf(model.Position{Path: p}, "Markdown file is not published; expected content/<page>.md, content/indicators/<id>.md, content/services/<id>.md, content/actions/<tracker>.md or content/commentary/<period-slug>/<id>.md")
		return nil
	case p == "content/_index.md", len(parts) == 2 && name == "_index" && lang != "":
	case !IsSlug(name):
		ps.Errorf(model.Position{Path: p}, "file name %q is not a slug; expected lower-case letters, digits and hyphens, such as %s", name, slugExample(parts))
		return nil
	}
	return &contentPage{path: p, name: name, lang: lang, parts: parts}
}

// file files a page that was read under its kind.
func (cp *contentPage) file(c *model.Content) {
	page, name, lang, parts := cp.page, cp.name, cp.lang, cp.parts
	if lang != "" {
		if c.Twins == nil {
			c.Twins = map[string]*model.Content{}
		}
		if c.Twins[lang] == nil {
			c.Twins[lang] = &model.Content{Indicators: map[string]*model.Page{}, Services: map[string]*model.Page{}, Actions: map[string]*model.Page{}}
		}
		c = c.Twins[lang]
	}
	switch {
	case name == "_index" && len(parts) == 2:
		c.Home = page
	case len(parts) == 2:
		c.Pages = append(c.Pages, page)
	case parts[1] == "indicators":
		c.Indicators[name] = page
	case parts[1] == "services":
		c.Services[name] = page
	case parts[1] == "actions":
		c.Actions[name] = page
	default:
		c.Commentary = append(c.Commentary, model.Commentary{Indicator: name, PeriodSlug: parts[2], Page: *page})
	}
}

// specialDir reports whether content/<dir>/ holds files of one kind.
func specialDir(dir string) bool {
	return dir == "indicators" || dir == "services" || dir == "actions" || dir == "commentary"
}

func slugExample(parts []string) string {
	switch {
	case len(parts) == 2:
		return "content/about.md"
	case parts[1] == "services":
		return "content/services/domestic-abuse.md"
	case parts[1] == "actions":
		return "content/actions/joint-agreement-action-plan.md"
	}
	return strings.Join(parts[:len(parts)-1], "/") + "/idva-referrals.md"
}

// Page reads a Markdown file and its optional TOML front matter (keys
// title, author, date, draft). ok is false when the file cannot be read
// or its front matter is broken.
func Page(fsys fs.FS, p string, ps *model.Problems) (*model.Page, bool) {
	src, ok := readFileMax(fsys, p, MaxMarkdownBytes, ps)
	if !ok {
		return nil, false
	}
	return ParsePage(p, src, ps)
}

// ParsePage is Page for a file already read. A page whose front matter
// has a bad key or value is reported and still returned.
func ParsePage(p string, src []byte, ps *model.Problems) (*model.Page, bool) {
	if !checkUTF8(p, src, "save it as UTF-8 in your editor", ps) {
		return nil, false
	}
	placeholders(p, src, false, ps)
	front, body, bodyLine, err := SplitFrontMatter(src)
	if err != nil {
		ps.Errorf(model.Position{Path: p, Line: 1}, "%v", err)
		return nil, false
	}
	page := &model.Page{Path: p, Body: body, BodyLine: bodyLine}
	if front == nil {
		warnYAML(p, body, ps)
		return page, true
	}
	t, ok := decodeTOML(p, front, 1, ps)
	if !ok {
		return nil, false
	}
	t.unknown(frontMatterKeys)
	page.Title = t.text("title")
	page.Author = t.text("author")
	page.Date, _ = t.date("date")
	page.Draft, _ = t.boolean("draft")
	return page, true
}

// warnYAML warns about YAML front matter (--- … ---, from other site
// generators), which would otherwise be shown as text.
func warnYAML(p string, body []byte, ps *model.Problems) {
	if !bytes.HasPrefix(body, []byte("---")) {
		return // not a --- line first: no need to copy the body into lines
	}
	lines := strings.SplitN(string(body), "\n", 20)
	if len(lines) < 3 || strings.TrimRight(lines[0], " \r") != "---" {
		return
	}
	for _, l := range lines[1:] {
		if strings.TrimRight(l, " \r") == "---" {
			ps.Warnf(model.Position{Path: p, Line: 1}, "the file starts with a --- block, which looks like YAML front matter and will be shown as text; expected TOML front matter between +++ lines, such as title = \"About\"")
			return
		}
		if k, _, ok := strings.Cut(l, ":"); !ok || strings.ContainsAny(k, " \t") {
			return
		}
	}
}
