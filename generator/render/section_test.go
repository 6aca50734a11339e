package render

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"

	"kpisite/themes"
)

// reportSectionTemplate is a report's indicator sections as report.html
// held them before writeReportIndicator (rows.go) took them over; it calls
// the theme's own "datatable" partial, so this test also proves that
// writeDataTable still writes what that partial writes.
const reportSectionTemplate = `{{define "sections"}}<div>
{{- range .Indicators}}
{{- $ind := .}}
<section class="report-indicator" id="{{.ID}}" aria-labelledby="{{.ID}}-heading">
<p class="caption">{{.ServiceName}}</p>
<h3 id="{{.ID}}-heading">{{.Title}}</h3>
{{- if .PeriodLong}}
<p class="headline-period">{{.PeriodLong}}</p>
{{- end}}
<p class="summary">{{.Summary}}</p>
<figure class="chart">
<img src="{{.ChartSrc}}" alt="{{.ChartAlt}}" width="640">
<figcaption>{{.ChartCaption}}</figcaption>
</figure>
{{- if .Table.Rows}}
{{template "datatable" .Table}}
{{- end}}
{{- range .Commentary}}
<div class="commentary" id="{{.ID}}">
<h4>Commentary</h4>
{{- if or .Author .Date}}
<p class="meta">{{if .Author}}{{.Author}}{{end}}{{if and .Author .Date}}, {{end}}{{if .Date}}{{.Date}}{{end}}</p>
{{- end}}
<div class="prose">{{.HTML}}</div>
</div>
{{- end}}
<p class="report-more">All figures, definitions and downloads: <a href="{{.Href}}" data-url="{{.URL}}">{{.Title}}</a>.</p>
</section>
{{- end}}
</div>{{end}}`

func TestReportSectionsMatchTemplate(t *testing.T) {
	partials, err := fs.ReadFile(themes.Default(), "templates/partials.html")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.Must(template.New("p").Parse(string(partials))).Parse(reportSectionTemplate))
	skel := template.Must(template.New("s").Parse(`{{define "sections"}}<div>
{{- .IndicatorsHTML}}
</div>{{end}}`))
	for n := range len(hostile) {
		var c ReportCommittee
		for i := n; i < n+3; i++ {
			ri := ReportIndicator{
				ID: pick(i, 0), Title: pick(i, 1), ServiceName: pick(i, 2), Href: pick(i, 3), URL: pick(i, 4),
				PeriodLong: pick(i, 5), Summary: pick(i, 6), ChartSrc: pick(i, 7), ChartAlt: pick(i, 8), ChartCaption: pick(i, 9),
			}
			if i%3 != 0 {
				ri.Table = DataTable{CaptionID: pick(i, 10), Caption: pick(i, 11), UnitLabel: pick(i, 12), YTD: i%2 == 0, NotePrefix: pick(i, 13)}
				for k := range 3 {
					ri.Table.Rows = append(ri.Table.Rows, TableRow{Period: pick(i+k, 14), Value: pick(i+k, 15), Target: pick(i+k, 16),
						NoteRef: k, Status: hostileStatus(i + k), Direction: hostileDirection(i + k)})
				}
				if i%2 == 1 {
					ri.Table.Footnotes = []Footnote{{N: 1, Period: pick(i, 17), Text: pick(i, 18)}, {N: 2, Period: pick(i, 19), Text: pick(i, 20)}}
				}
			}
			for k := range i % 3 {
				ri.Commentary = append(ri.Commentary, CommentaryView{ID: pick(i+k, 21), Author: pick(i+k, 22), Date: pick(i+k, 23),
					HTML: template.HTML("<p>" + template.HTMLEscapeString(pick(i+k, 24)) + "</p>")})
			}
			c.Indicators = append(c.Indicators, ri)
		}
		var want, got strings.Builder
		if err := tmpl.ExecuteTemplate(&want, "sections", c); err != nil {
			t.Fatal(err)
		}
		if err := skel.ExecuteTemplate(&got, "sections", c); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("case %d: the report sections differ from the template's\n got: %q\nwant: %q", n, got.String(), want.String())
		}
	}
}
