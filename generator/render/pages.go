package render

import (
	"net/url"

	"kpisite/generator/model"
)

func (b *builder) contentJob(p *model.Page) job {
	return func() (map[string][]byte, error) {
		slug := pageSlug(p)
		path := slug + "/index.html"
		html, err := b.o.Markdown(p.Body, 2, "")
		if err != nil {
			return nil, err
		}
		title := navTitle(p)
		page := ContentPage{
			Layout: b.layout(path, title, title+": "+b.in.Site.Title+".", "page:"+slug),
			Author: p.Author, Date: b.lang.Date(p.Date), HTML: html,
		}
		return b.page(path, "page.html", page)
	}
}

// notFoundJob renders 404.html. A web server shows it at any depth, so its
// links are absolute paths from base_url rather than relative.
func (b *builder) notFoundJob() job {
	return func() (map[string][]byte, error) {
		const path = "404.html"
		l := b.layout(path, b.lang.T("notfound.title"), b.lang.T("notfound.description"), "404")
		root := "/"
		if u, err := url.Parse(b.in.Site.BaseURL); err == nil && u.Path != "" {
			root = u.Path
		}
		l.Root = root + b.o.Language.Prefix
		l.SharedRoot = root
		l.Canonical = ""
		l.Breadcrumbs = nil
		l.Nav = b.layout(path, "", "", "404").Nav
		for i := range l.Nav {
			l.Nav[i].Href = l.Root + l.Nav[i].Href
		}
		for i := range l.Alternates { // the switch leads to each language's home page
			l.Alternates[i].Href = root + b.o.Language.All[i].Prefix
		}
		return b.page(path, "notfound.html", NotFoundPage{Layout: l})
	}
}
