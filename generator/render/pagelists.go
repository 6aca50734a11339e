package render

import (
	"html/template"
	"strconv"
	"strings"
)

// Typed writers of the short lists every page or every indicator page
// repeats: the navigation, the breadcrumbs, an indicator's facts and
// downloads, a data table's footnotes and a grid table's rows. Like the
// row writers (rows.go) each writes what the theme's template wrote,
// byte for byte (pagelists_test.go), escaping through escape.go: a
// template's loop costs a reflective call per field and per escaper, a
// thousand times over on a large site. The lists' data stays in the
// views (.Nav, .Breadcrumbs, .Facts, .Downloads, .Footnotes, .Rows) for
// a theme that writes its own markup.

// NavHTML is the main navigation's list items (template "layout.html").
func (l Layout) NavHTML() template.HTML {
	var w strings.Builder
	w.Grow(len(l.Nav) * 96)
	for i := range l.Nav {
		ln := &l.Nav[i]
		w.WriteString("\n<li")
		if !ln.Primary {
			w.WriteString(` class="nav-extra"`)
		}
		writeNavLink(&w, ln)
		w.WriteString("</li>")
	}
	return template.HTML(w.String())
}

// NavMoreHTML is the list items of the navigation's "More" (the links
// that are not primary).
func (l Layout) NavMoreHTML() template.HTML {
	var w strings.Builder
	w.Grow(len(l.Nav) * 64)
	for i := range l.Nav {
		if ln := &l.Nav[i]; !ln.Primary {
			w.WriteString("\n<li")
			writeNavLink(&w, ln)
			w.WriteString("</li>")
		}
	}
	return template.HTML(w.String())
}

// writeNavLink is `><a href="…"[ aria-current="page"]>text</a>`.
func writeNavLink(w *strings.Builder, ln *Link) {
	w.WriteString(`><a href="`)
	escURL(w, ln.Href)
	w.WriteByte('"')
	if ln.Current {
		w.WriteString(` aria-current="page"`)
	}
	w.WriteByte('>')
	escText(w, ln.Text)
	w.WriteString("</a>")
}

// AccessibilityHrefs are the navigation's links to the accessibility
// statement (Root + "accessibility/"): the footer links to it when the
// site has one.
func (l Layout) AccessibilityHrefs() []string {
	var out []string
	for i := range l.Nav {
		if h := l.Nav[i].Href; len(h) == len(l.Root)+len("accessibility/") &&
			strings.HasPrefix(h, l.Root) && strings.HasSuffix(h, "accessibility/") {
			out = append(out, h)
		}
	}
	return out
}

// BreadcrumbsHTML is the breadcrumbs' list items before the current page.
func (l Layout) BreadcrumbsHTML() template.HTML {
	return linkItems(l.Breadcrumbs)
}

// linkItems writes `<li><a href="…">text</a></li>` for each link, each
// on a line of its own.
func linkItems(links []Link) template.HTML {
	var w strings.Builder
	w.Grow(len(links) * 80)
	for i := range links {
		w.WriteString("\n<li><a href=\"")
		escURL(&w, links[i].Href)
		w.WriteString(`">`)
		escText(&w, links[i].Text)
		w.WriteString("</a></li>")
	}
	return template.HTML(w.String())
}

// FactsHTML is the indicator's "About this indicator" list.
func (p IndicatorPage) FactsHTML() template.HTML {
	n := 0
	for i := range p.Facts {
		n += 48 + len(p.Facts[i].Term) + len(p.Facts[i].Desc) + 2*len(p.Facts[i].Href)
	}
	var w strings.Builder
	w.Grow(n + n/8)
	for i := range p.Facts {
		f := &p.Facts[i]
		w.WriteString("\n<div><dt>")
		escText(&w, f.Term)
		w.WriteString("</dt><dd>")
		if f.Href != "" {
			w.WriteString(`<a href="`)
			escURL(&w, f.Href)
			w.WriteString(`">`)
			escText(&w, f.Desc)
			w.WriteString("</a>")
		} else {
			escText(&w, f.Desc)
		}
		w.WriteString("</dd></div>")
	}
	return template.HTML(w.String())
}

// DownloadsHTML is the indicator's list of downloads.
func (p IndicatorPage) DownloadsHTML() template.HTML {
	var w strings.Builder
	w.Grow(len(p.Downloads) * 112)
	for i := range p.Downloads {
		d := &p.Downloads[i]
		w.WriteString("\n<li><a href=\"")
		escURL(&w, d.Href)
		w.WriteString(`">`)
		escText(&w, d.Text)
		w.WriteString(` <span class="download-meta">(`)
		escText(&w, d.Format)
		w.WriteString(", ")
		escText(&w, d.Size)
		w.WriteString(")</span></a></li>")
	}
	return template.HTML(w.String())
}

// FootnotesHTML is the data table's footnotes (template "datatable").
func (t DataTable) FootnotesHTML() template.HTML {
	var w strings.Builder
	for i := range t.Footnotes {
		f := &t.Footnotes[i]
		w.WriteString("\n<li id=\"")
		escText(&w, t.NotePrefix)
		w.WriteString(strconv.Itoa(f.N))
		w.WriteString(`">`)
		escText(&w, f.Period)
		w.WriteString(": ")
		escText(&w, f.Text)
		w.WriteString("</li>")
	}
	return template.HTML(w.String())
}

// RowsHTML is the grid table's rows (template "gridtable").
func (g GridTable) RowsHTML() template.HTML {
	var w strings.Builder
	for i := range g.Rows {
		r := &g.Rows[i]
		w.WriteString("\n<tr>\n<th scope=\"row\">")
		escText(&w, r.Period)
		w.WriteString(`<span class="period-words"> (`)
		escText(&w, r.PeriodWords)
		w.WriteString(")</span></th>")
		for _, c := range r.Cells {
			w.WriteString("\n<td class=\"num\">")
			escText(&w, c)
			w.WriteString("</td>")
		}
		w.WriteString("\n</tr>")
		if i == 0 {
			growFor(&w, len(g.Rows))
		}
	}
	return template.HTML(w.String())
}

// CommentaryHTML is the indicator's commentary, an article for each
// period (HTML is the commentary's Markdown, rendered and trusted).
func (p IndicatorPage) CommentaryHTML() template.HTML {
	n := 0
	for i := range p.Commentary {
		n += 160 + len(p.Commentary[i].HTML)
	}
	var w strings.Builder
	w.Grow(n)
	for i := range p.Commentary {
		c := &p.Commentary[i]
		w.WriteString("\n<article class=\"commentary\" id=\"")
		escText(&w, c.ID)
		w.WriteString("\">\n<h3>")
		escText(&w, c.PeriodLong)
		w.WriteString("</h3>")
		if c.Author != "" || c.Date != "" {
			w.WriteString("\n<p class=\"meta\">")
			escText(&w, c.Author)
			if c.Author != "" && c.Date != "" {
				w.WriteString(", ")
			}
			escText(&w, c.Date)
			w.WriteString("</p>")
		}
		w.WriteString("\n<div class=\"prose\">")
		w.WriteString(string(c.HTML))
		w.WriteString("</div>\n</article>")
	}
	return template.HTML(w.String())
}
