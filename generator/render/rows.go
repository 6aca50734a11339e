package render

import (
	"html/template"
	"strconv"
	"strings"
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

func writeTarget(w *strings.Builder, target string) {
	w.WriteString(`<td class="num">`)
	if target != "" {
		escText(w, target)
	} else {
		w.WriteString(`<span class="none">None</span>`)
	}
	w.WriteString("</td>\n")
}

// writeTableRow is one row of template "datatable": ytd adds the period's
// own figure; a row with a note links to the note notePrefix+NoteRef.
func writeTableRow(w *strings.Builder, r *TableRow, ytd bool, notePrefix string) {
	w.WriteString("\n<tr>\n<th scope=\"row\">")
	escText(w, r.Period)
	if r.PeriodWords != "" {
		w.WriteString(`<span class="period-words"> (`)
		escText(w, r.PeriodWords)
		w.WriteString(`)</span>`)
	}
	w.WriteString("</th>\n<td class=\"num\">")
	writeValue(w, r.Value, r.Flag)
	w.WriteString("</td>\n")
	if ytd {
		w.WriteString(`<td class="num">`)
		escText(w, r.PeriodValue)
		w.WriteString("</td>\n")
	}
	writeTarget(w, r.Target)
	w.WriteString("<td>")
	writeStatus(w, r.Status)
	w.WriteString("</td>\n<td>")
	writeDirection(w, r.Direction)
	w.WriteString("</td>\n<td>")
	if r.NoteRef != 0 {
		n := strconv.Itoa(r.NoteRef)
		w.WriteString(`<a href="#`)
		escURLPart(w, notePrefix)
		escURLPart(w, n)
		w.WriteString(`">Note `)
		w.WriteString(n)
		w.WriteString(`</a>`)
	}
	w.WriteString("</td>\n</tr>")
}

// writeReportRow is one row of a report's summary table.
func writeReportRow(w *strings.Builder, r *ReportRow) {
	w.WriteString("\n<tr>\n<th scope=\"row\">")
	writeName(w, r.Code, r.Anchor, r.Name)
	w.WriteString("</th>\n<td>")
	escText(w, r.ServiceName)
	w.WriteString("</td>\n<td>")
	writePeriod(w, r.Period)
	w.WriteString("</td>\n<td class=\"num\">")
	writeValue(w, r.Value, r.Flag)
	w.WriteString("</td>\n")
	writeTarget(w, r.Target)
	w.WriteString("<td>")
	writeStatus(w, r.Status)
	w.WriteString("</td>\n<td>")
	writeDirection(w, r.Direction)
	w.WriteString("</td>\n</tr>")
}

// writeScoreRow is one row of template "scoretable".
func writeScoreRow(w *strings.Builder, r *ScoreRow) {
	w.WriteString("\n<tr>\n<th scope=\"row\">")
	writeName(w, r.Code, r.Href, r.Name)
	w.WriteString("</th>\n<td>")
	writeStatus(w, r.Status)
	w.WriteString("</td>\n<td class=\"num\">")
	writeValue(w, r.Value, r.Flag)
	w.WriteString("</td>\n")
	writeTarget(w, r.Target)
	w.WriteString("<td>")
	writeDirection(w, r.Direction)
	w.WriteString("</td>\n<td class=\"period\">")
	writePeriod(w, r.Period)
	w.WriteString("</td>\n<td class=\"spark-col\">")
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

func writePeriod(w *strings.Builder, period string) {
	if period != "" {
		escText(w, period)
	} else {
		w.WriteString("No data")
	}
}

// tableRowsHTML is the rows of a data table, each from its cached fragment
// where it has one (rowsHTML).
func tableRowsHTML(rows []TableRow, frags []string, ytd bool, notePrefix string) template.HTML {
	var w strings.Builder
	for i := range rows {
		if i < len(frags) && frags[i] != "" {
			w.WriteString(frags[i])
			continue
		}
		writeTableRow(&w, &rows[i], ytd, notePrefix)
	}
	return template.HTML(w.String())
}

func reportRowsHTML(rows []ReportRow) template.HTML {
	var w strings.Builder
	for i := range rows {
		writeReportRow(&w, &rows[i])
	}
	return template.HTML(w.String())
}

func scoreRowsHTML(rows []ScoreRow) template.HTML {
	var w strings.Builder
	for i := range rows {
		writeScoreRow(&w, &rows[i])
	}
	return template.HTML(w.String())
}

// RowsHTML is the table's rows (template "datatable").
func (t DataTable) RowsHTML() template.HTML {
	return tableRowsHTML(t.Rows, t.frags, t.YTD, t.NotePrefix)
}

// RowsHTML is the scorecard's rows (template "scoretable").
func (g ScoreGroup) RowsHTML() template.HTML { return scoreRowsHTML(g.Rows) }

// RowsHTML is the report summary's rows.
func (c ReportCommittee) RowsHTML() template.HTML { return reportRowsHTML(c.Rows) }

// writeDataTable is template "datatable" (partials.html), for the tables
// of a report's sections; the indicator page keeps the template.
func writeDataTable(w *strings.Builder, t *DataTable) {
	w.WriteString("\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"")
	escText(w, t.CaptionID)
	w.WriteString("\" tabindex=\"0\">\n<table class=\"data\">\n<caption id=\"")
	escText(w, t.CaptionID)
	w.WriteString("\">")
	escText(w, t.Caption)
	w.WriteString("</caption>\n<thead>\n<tr>\n<th scope=\"col\">Period</th>")
	if t.YTD {
		w.WriteString("\n<th scope=\"col\" class=\"num\">Year to date</th>\n<th scope=\"col\" class=\"num\">This period</th>")
	} else {
		w.WriteString("\n<th scope=\"col\" class=\"num\">Figure</th>")
	}
	w.WriteString("\n<th scope=\"col\" class=\"num\">Target</th>\n<th scope=\"col\">Status</th>\n<th scope=\"col\">Direction of travel</th>\n<th scope=\"col\">Note</th>\n</tr>\n</thead>\n<tbody>")
	w.WriteString(string(t.RowsHTML()))
	w.WriteString("\n</tbody>\n</table>\n</div>\n<p class=\"table-unit\">Unit: ")
	escText(w, t.UnitLabel)
	w.WriteString(".</p>")
	if len(t.Footnotes) > 0 {
		w.WriteString("\n<p class=\"footnotes-title\">Notes</p>\n<ol class=\"footnotes\">")
		for _, f := range t.Footnotes {
			w.WriteString("\n<li id=\"")
			escText(w, t.NotePrefix)
			escText(w, strconv.Itoa(f.N))
			w.WriteString("\">")
			escText(w, f.Period)
			w.WriteString(": ")
			escText(w, f.Text)
			w.WriteString("</li>")
		}
		w.WriteString("\n</ol>")
	}
	w.WriteString("\n")
}

// writeReportIndicator is one indicator's section of a report.
func writeReportIndicator(w *strings.Builder, ri *ReportIndicator) {
	w.WriteString("\n<section class=\"report-indicator\" id=\"")
	escText(w, ri.ID)
	w.WriteString("\" aria-labelledby=\"")
	escText(w, ri.ID)
	w.WriteString("-heading\">\n<p class=\"caption\">")
	escText(w, ri.ServiceName)
	w.WriteString("</p>\n<h3 id=\"")
	escText(w, ri.ID)
	w.WriteString("-heading\">")
	escText(w, ri.Title)
	w.WriteString("</h3>")
	if ri.PeriodLong != "" {
		w.WriteString("\n<p class=\"headline-period\">")
		escText(w, ri.PeriodLong)
		w.WriteString("</p>")
	}
	w.WriteString("\n<p class=\"summary\">")
	escText(w, ri.Summary)
	w.WriteString("</p>\n<figure class=\"chart\">\n<img src=\"")
	escURL(w, ri.ChartSrc)
	w.WriteString("\" alt=\"")
	escText(w, ri.ChartAlt)
	w.WriteString("\" width=\"640\">\n<figcaption>")
	escText(w, ri.ChartCaption)
	w.WriteString("</figcaption>\n</figure>")
	if len(ri.Table.Rows) > 0 {
		w.WriteString("\n")
		writeDataTable(w, &ri.Table)
	}
	for _, c := range ri.Commentary {
		w.WriteString("\n<div class=\"commentary\" id=\"")
		escText(w, c.ID)
		w.WriteString("\">\n<h4>Commentary</h4>")
		if c.Author != "" || c.Date != "" {
			w.WriteString("\n<p class=\"meta\">")
			escText(w, c.Author)
			if c.Author != "" && c.Date != "" {
				w.WriteString(", ")
			}
			escText(w, c.Date)
			w.WriteString("</p>")
		}
		w.WriteString("\n<div class=\"prose\">")
		w.WriteString(string(c.HTML))
		w.WriteString("</div>\n</div>")
	}
	w.WriteString("\n<p class=\"report-more\">All figures, definitions and downloads: <a href=\"")
	escURL(w, ri.Href)
	w.WriteString("\" data-url=\"")
	escURL(w, ri.URL)
	w.WriteString("\">")
	escText(w, ri.Title)
	w.WriteString("</a>.</p>\n</section>")
}

// IndicatorsHTML is the committee's indicator sections of a report.
func (c ReportCommittee) IndicatorsHTML() template.HTML {
	var w strings.Builder
	for i := range c.Indicators {
		writeReportIndicator(&w, &c.Indicators[i])
	}
	return template.HTML(w.String())
}
