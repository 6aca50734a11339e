package render

import (
	"html/template"
	"iter"
	"strings"

	"kpisite/generator/format"
)

// IndicatorsHTML is the rows of the open data page's table of each
// indicator's files (template "data.html"), written as that template's
// loop wrote them, byte for byte (datapage_test.go): a thousand rows of
// reflective calls, two of them to the words function, cost most of the
// page. The rows come in pieces of a few dozen, which the template ranges
// over, so that the page's thousands of rows are never one string held
// whole (nor copied whole by the template's printing). The rows' data
// stays in .Indicators for a theme that writes its own markup.
func (p DataPage) IndicatorsHTML() iter.Seq[template.HTML] {
	l := p.lang
	if l == nil {
		l = format.English()
	}
	return htmlPieces(len(p.Indicators), func(w *strings.Builder, i int) { writeDataRow(w, &p.Indicators[i], l) })
}

// piece is how many rows htmlPieces writes into each piece: a few
// kilobytes, under what the template's printing keeps for reuse (64 KB).
const piece = 32

// htmlPieces are n rows written by write, piece rows at a time.
func htmlPieces(n int, write func(w *strings.Builder, i int)) iter.Seq[template.HTML] {
	return func(yield func(template.HTML) bool) {
		for at := 0; at < n; at += piece {
			var w strings.Builder
			for i := at; i < min(at+piece, n); i++ {
				write(&w, i)
				if i == at {
					growFor(&w, min(piece, n-at))
				}
			}
			if !yield(template.HTML(w.String())) {
				return
			}
		}
	}
}

// writeDataRow is one row of the open data page's table of files.
func writeDataRow(w *strings.Builder, r *DataRow, l *format.Lang) {
	w.WriteString("\n<tr>\n<th scope=\"row\"><a href=\"")
	escURL(w, r.Href)
	w.WriteString(`">`)
	escText(w, r.Name)
	w.WriteString("</a></th>\n<td>")
	escText(w, r.Status)
	w.WriteString("</td>")
	var hidden strings.Builder
	escText(&hidden, l.T("data.data_for", "name", r.Name))
	for _, d := range []*Download{&r.CSV, &r.JSON} {
		w.WriteString("\n<td><a href=\"")
		escURL(w, d.Href)
		w.WriteString(`">`)
		escText(w, d.Text)
		w.WriteString(`<span class="visually-hidden"> `)
		w.WriteString(hidden.String())
		w.WriteString(`</span></a> <span class="download-meta">`)
		escText(w, d.Size)
		w.WriteString("</span></td>")
	}
	w.WriteString("\n</tr>")
}

// ItemsHTML is the letter's list items of the A to Z list (template
// "search.html"), written as its template "searchitem" wrote them, byte
// for byte (datapage_test.go), a few dozen at a time.
func (l SearchLetter) ItemsHTML() iter.Seq[template.HTML] { return searchItemsHTML(l.Items, l.lang) }

// RetiredHTML is the list items of the retired indicators on the A to Z
// page, written as template "searchitem" wrote them.
func (p SearchPage) RetiredHTML() iter.Seq[template.HTML] { return searchItemsHTML(p.Retired, p.lang) }

func searchItemsHTML(items []SearchItem, l *format.Lang) iter.Seq[template.HTML] {
	if l == nil {
		l = format.English()
	}
	var retired string // the word, escaped once
	return htmlPieces(len(items), func(w *strings.Builder, i int) {
		it := &items[i]
		w.WriteString("\n<li data-id=\"")
		escText(w, it.ID)
		w.WriteString("\">\n<a href=\"")
		escURL(w, it.Href)
		w.WriteString(`">`)
		escText(w, it.Name)
		w.WriteString("</a>")
		if it.Title != "" {
			w.WriteString(` <span class="az-title">`)
			escText(w, l.T("search.full_title", "title", it.Title))
			w.WriteString("</span>")
		}
		w.WriteString("\n<span class=\"az-meta\">")
		escText(w, it.ServiceName)
		for _, c := range it.Codes {
			w.WriteString(" · ")
			escText(w, c)
		}
		w.WriteString(" · ")
		if it.Retired {
			if retired == "" {
				var r strings.Builder
				escText(&r, l.T("search.retired"))
				retired = r.String()
			}
			w.WriteString(retired)
			if it.LastPeriod != "" {
				w.WriteString(", ")
				escText(w, l.T("search.last_figure", "period", it.LastPeriod))
			}
		} else {
			writeStatus(w, it.Status)
			if it.Period != "" {
				w.WriteString(" (")
				escText(w, it.Period)
				w.WriteString(")")
			}
		}
		w.WriteString("</span>\n</li>")
	})
}
