package render

import (
	"html/template"
	"iter"
	"strings"

	"kpisite/generator/format"
)

// IndicatorsHTML is the rows of the open data page's table of each
// indicator's files (template "data.html"), written as that template's
// loop wrote them, byte for byte (pieces_test.go): a thousand rows of
// reflective calls, two of them to the words function, cost most of the
// page. The rows come in pieces (htmlPieces), which the template ranges
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

// pieceSize is about the size of each piece htmlPieces writes: the
// template prints each through fmt, which keeps its buffer for the next
// print only up to 64 KB; a page's rows written as one string (a
// scorecard of 5,000 indicators is 9 MB) were copied into a new buffer
// of their whole size, and held twice while they were.
const pieceSize = 16 << 10

// htmlPieces are n rows written by write, in pieces of about pieceSize
// bytes (whole rows).
func htmlPieces(n int, write func(w *strings.Builder, i int)) iter.Seq[template.HTML] {
	return func(yield func(template.HTML) bool) {
		for i := 0; i < n; {
			var w strings.Builder
			w.Grow(pieceSize + pieceSize/4)
			for ; i < n && w.Len() < pieceSize; i++ {
				write(&w, i)
			}
			if !yield(template.HTML(w.String())) {
				return
			}
		}
	}
}

// RowPieces is RowsHTML in pieces, for the default theme's template
// "scoretable" to range over (htmlPieces); RowsHTML stays for themes that
// print the rows whole.
func (g ScoreGroup) RowPieces() iter.Seq[template.HTML] {
	return htmlPieces(len(g.Rows), func(w *strings.Builder, i int) {
		writeScoreRow(w, &g.Rows[i], g.Period == "", g.HasTarget, g.words)
	})
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
// for byte (pieces_test.go), in pieces (htmlPieces).
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
