package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

	"kpisite/generator/format"
)

// Typed writers of the fragments a page repeats many times: the rows of a
// data table, of a report's summary and of a scorecard. Each writes what
// the row's markup in the theme's templates wrote, byte for byte
// (rows_test.go), escaping through escape.go. The tables' skeletons stay
// templates (partials.html): a theme changes a table's caption, head and
// wrapper there, and takes the rows as RowsHTML.

// writeStatus is template "status".
func writeStatus(w *strings.Builder, v StatusView) {
	w.WriteString(`<span class="status status-`)
	escText(w, v.Key)
	w.WriteString(`"><span class="status-icon" aria-hidden="true">`)
	escText(w, v.Icon)
	w.WriteString(`</span> `)
	escText(w, v.Label)
	w.WriteString(`</span>`)
	if v.SetBy != "" {
		w.WriteString(` <span class="status-source">(`)
		escText(w, v.SetBy)
		w.WriteString(`)</span>`)
	}
}

// writeDirection is template "direction".
func writeDirection(w *strings.Builder, v DirectionView) {
	w.WriteString(`<span class="direction direction-`)
	escText(w, v.Key)
	w.WriteString(`">`)
	if v.Arrow != "" {
		w.WriteString(`<span class="direction-arrow" aria-hidden="true">`)
		escText(w, v.Arrow)
		w.WriteString(`</span> `)
	}
	escText(w, v.Label)
	w.WriteString(`</span>`)
}

// writeValue writes a figure with its flag, and a target or "None".
func writeValue(w *strings.Builder, value, flag string) {
	escText(w, value)
	if flag != "" {
		w.WriteString(` <span class="flag">`)
		escText(w, flag)
		w.WriteString(`</span>`)
	}
}

// rowWords are the interface words the row writers write, looked up and
// escaped once per build (newRowWords), not per cell.
type rowWords struct {
	service, period, figure, target, status, direction string // data-label values, escaped
	note, noData                                       string // escaped
}

func newRowWords(l *format.Lang) *rowWords {
	esc := func(key string) string {
		var w strings.Builder
		escText(&w, l.T(key))
		return w.String()
	}
	return &rowWords{
		service: esc("table.service"), period: esc("table.period"), figure: esc("table.figure"),
		target: esc("table.target"), status: esc("table.status"), direction: esc("table.direction"),
		note: esc("table.note"), noData: esc("status.no_data"),
	}
}

var englishRowWords = sync.OnceValue(func() *rowWords { return newRowWords(format.English()) })

// orEnglish is rw, or the English words when rw is nil.
func (rw *rowWords) orEnglish() *rowWords {
	if rw == nil {
		return englishRowWords()
	}
	return rw
}

// rowColumns are the optional columns of a data table's rows.
type rowColumns struct {
	words  *rowWords // nil: English
	ytd    bool      // the period's own figure after the year to date
	target bool      // Target and Status
	notes  bool      // Note
	// notePrefix is the id prefix of the table's footnotes.
	notePrefix string
}

// writeTableRow is one row of template "datatable".
func writeTableRow(w *strings.Builder, r *TableRow, c rowColumns) {
	w.WriteString("\n<tr>\n<th scope=\"row\">")
	escText(w, r.Period)
	if r.PeriodWords != "" {
		w.WriteString(`<span class="period-words"> (`)
		escText(w, r.PeriodWords)
		w.WriteString(`)</span>`)
	}
	w.WriteString("</th>\n<td class=\"num\">")
	writeValue(w, r.Value, r.Flag)
	w.WriteString("</td>")
	if c.ytd {
		w.WriteString("\n<td class=\"num\">")
		escText(w, r.PeriodValue)
		w.WriteString("</td>")
	}
	for _, v := range r.Compare {
		w.WriteString("\n<td class=\"num\">")
		escText(w, v)
		w.WriteString("</td>")
	}
	if c.target {
		w.WriteString("\n<td class=\"num\">")
		escText(w, r.Target)
		w.WriteString("</td>\n<td>")
		writeStatus(w, r.Status)
		w.WriteString("</td>")
	}
	w.WriteString("\n<td>")
	writeDirection(w, r.Direction)
	w.WriteString("</td>")
	if c.notes {
		w.WriteString("\n<td>")
		if r.NoteRef != 0 {
			n := strconv.Itoa(r.NoteRef)
			w.WriteString(`<a href="#`)
			escURLPart(w, c.notePrefix)
			escURLPart(w, n)
			w.WriteString(`">`)
			w.WriteString(c.words.orEnglish().note)
			w.WriteString(` `)
			w.WriteString(n)
			w.WriteString(`</a>`)
		}
		w.WriteString("</td>")
	}
	w.WriteString("\n</tr>")
}

// writeReportRow is one row of a report's summary table: period adds a
// Period column, target the Target and Status columns.
func writeReportRow(w *strings.Builder, r *ReportRow, period, target bool, rw *rowWords) {
	rw = rw.orEnglish()
	w.WriteString("\n<tr>\n<th scope=\"row\">")
	writeName(w, r.Code, r.Anchor, r.Name)
	w.WriteString("</th>\n<td data-label=\"" + rw.service + "\">")
	escText(w, r.ServiceName)
	w.WriteString("</td>")
	if period {
		w.WriteString("\n<td data-label=\"" + rw.period + "\">")
		writePeriod(w, r.Period, rw)
		w.WriteString("</td>")
	}
	w.WriteString("\n<td class=\"num\" data-label=\"" + rw.figure + "\">")
	writeValue(w, r.Value, r.Flag)
	w.WriteString("</td>")
	if target {
		w.WriteString("\n<td class=\"num\" data-label=\"" + rw.target + "\">")
		escText(w, r.Target)
		w.WriteString("</td>\n<td data-label=\"" + rw.status + "\">")
		writeStatus(w, r.Status)
		w.WriteString("</td>")
	}
	w.WriteString("\n<td data-label=\"" + rw.direction + "\">")
	writeDirection(w, r.Direction)
	w.WriteString("</td>\n</tr>")
}

// writeScoreRow is one row of template "scoretable": period adds a
// Period column, target the Status and Target columns.
func writeScoreRow(w *strings.Builder, r *ScoreRow, period, target bool, rw *rowWords) {
	rw = rw.orEnglish()
	w.WriteString("\n<tr>\n<th scope=\"row\">")
	writeName(w, r.Code, r.Href, r.Name)
	w.WriteString("</th>")
	if target {
		w.WriteString("\n<td data-label=\"" + rw.status + "\">")
		writeStatus(w, r.Status)
		w.WriteString("</td>")
	}
	w.WriteString("\n<td class=\"num\" data-label=\"" + rw.figure + "\">")
	writeValue(w, r.Value, r.Flag)
	w.WriteString("</td>")
	if target {
		w.WriteString("\n<td class=\"num\" data-label=\"" + rw.target + "\">")
		escText(w, r.Target)
		w.WriteString("</td>")
	}
	w.WriteString("\n<td data-label=\"" + rw.direction + "\">")
	writeDirection(w, r.Direction)
	w.WriteString("</td>")
	if period {
		w.WriteString("\n<td class=\"period\" data-label=\"" + rw.period + "\">")
		writePeriod(w, r.Period, rw)
		w.WriteString("</td>")
	}
	w.WriteString("\n<td class=\"spark-col\">")
	w.WriteString(string(r.Sparkline))
	w.WriteString("</td>\n</tr>")
}

// writeName is an indicator's code, if any, and its name as a link.
func writeName(w *strings.Builder, code, href, name string) {
	if code != "" {
		w.WriteString(`<span class="kpi-code">`)
		escText(w, code)
		w.WriteString(`</span> `)
	}
	w.WriteString(`<a href="`)
	escURL(w, href)
	w.WriteString(`">`)
	escText(w, name)
	w.WriteString(`</a>`)
}

func writePeriod(w *strings.Builder, period string, rw *rowWords) {
	if period != "" {
		escText(w, period)
	} else {
		w.WriteString(rw.noData)
	}
}

// RowsHTML is the table's rows (template "datatable"), each from its
// cached HTML where it has one (renderRows).
func (t DataTable) RowsHTML() template.HTML {
	c := rowColumns{ytd: t.YTD, target: t.HasTarget, notes: t.HasNotes, notePrefix: t.NotePrefix, words: t.words}
	var w strings.Builder
	for i := range t.Rows {
		if i < len(t.frags) && t.frags[i] != "" {
			w.WriteString(t.frags[i])
		} else {
			writeTableRow(&w, &t.Rows[i], c)
		}
		if i == 0 {
			growFor(&w, len(t.Rows))
		}
	}
	return template.HTML(w.String())
}

// growFor makes room in w, which holds the first of n rows, for the rest:
// rows are about as long as each other, so the rows are written into one
// allocation instead of one that doubles.
func growFor(w *strings.Builder, n int) {
	if n > 1 {
		w.Grow((n - 1) * (w.Len() + w.Len()/8))
	}
}

// RowsHTML is the scorecard's rows (template "scoretable").
func (g ScoreGroup) RowsHTML() template.HTML {
	var w strings.Builder
	for i := range g.Rows {
		writeScoreRow(&w, &g.Rows[i], g.Period == "", g.HasTarget, g.words)
		if i == 0 {
			growFor(&w, len(g.Rows))
		}
	}
	return template.HTML(w.String())
}

// RowsHTML is the report summary's rows.
func (c ReportCommittee) RowsHTML() template.HTML {
	var w strings.Builder
	for i := range c.Rows {
		writeReportRow(&w, &c.Rows[i], c.Period == "", c.HasTarget, c.words)
		if i == 0 {
			growFor(&w, len(c.Rows))
		}
	}
	return template.HTML(w.String())
}
