package render

import (
	"html/template"
	"strings"
	"testing"
)

// The row markup the theme's templates held before the rows moved to
// typed writers (rows.go), with the partials it calls. The writers must
// produce exactly what html/template made of it, escaping included.
const rowTemplates = `{{define "status"}}<span class="status status-{{.Key}}"><span class="status-icon" aria-hidden="true">{{.Icon}}</span> {{.Label}}</span>{{if .SetBy}} <span class="status-source">({{.SetBy}})</span>{{end}}{{end}}
{{define "direction"}}<span class="direction direction-{{.Key}}">{{if .Arrow}}<span class="direction-arrow" aria-hidden="true">{{.Arrow}}</span> {{end}}{{.Label}}</span>{{end}}
{{define "datatable"}}<tbody>
{{- range .Rows}}
<tr>
<th scope="row">{{.Period}}{{if .PeriodWords}}<span class="period-words"> ({{.PeriodWords}})</span>{{end}}</th>
<td class="num">{{.Value}}{{if .Flag}} <span class="flag">{{.Flag}}</span>{{end}}</td>
{{- if $.YTD}}
<td class="num">{{.PeriodValue}}</td>
{{- end}}
{{- range .Compare}}
<td class="num">{{.}}</td>
{{- end}}
{{- if $.HasTarget}}
<td class="num">{{.Target}}</td>
<td>{{template "status" .Status}}</td>
{{- end}}
<td>{{template "direction" .Direction}}</td>
{{- if $.HasNotes}}
<td>{{if .NoteRef}}<a href="#{{$.NotePrefix}}{{.NoteRef}}">Note {{.NoteRef}}</a>{{end}}</td>
{{- end}}
</tr>
{{- end}}
</tbody>{{end}}
{{define "report"}}<tbody>
{{- $c := .}}
{{- range .Rows}}
<tr>
<th scope="row">{{if .Code}}<span class="kpi-code">{{.Code}}</span> {{end}}<a href="{{.Anchor}}">{{.Name}}</a></th>
<td data-label="Service">{{.ServiceName}}</td>
{{- if not $c.Period}}
<td data-label="Period">{{if .Period}}{{.Period}}{{else}}No data{{end}}</td>
{{- end}}
<td class="num" data-label="Figure">{{.Value}}{{if .Flag}} <span class="flag">{{.Flag}}</span>{{end}}</td>
{{- if $c.HasTarget}}
<td class="num" data-label="Target">{{.Target}}</td>
<td data-label="Status">{{template "status" .Status}}</td>
{{- end}}
<td data-label="Direction of travel">{{template "direction" .Direction}}</td>
</tr>
{{- end}}
</tbody>{{end}}
{{define "scoretable"}}<tbody>
{{- $g := .}}
{{- range .Rows}}
<tr>
<th scope="row">{{if .Code}}<span class="kpi-code">{{.Code}}</span> {{end}}<a href="{{.Href}}">{{.Name}}</a></th>
{{- if $g.HasTarget}}
<td data-label="Status">{{template "status" .Status}}</td>
{{- end}}
<td class="num" data-label="Figure">{{.Value}}{{if .Flag}} <span class="flag">{{.Flag}}</span>{{end}}</td>
{{- if $g.HasTarget}}
<td class="num" data-label="Target">{{.Target}}</td>
{{- end}}
<td data-label="Direction of travel">{{template "direction" .Direction}}</td>
{{- if not $g.Period}}
<td class="period" data-label="Period">{{if .Period}}{{.Period}}{{else}}No data{{end}}</td>
{{- end}}
<td class="spark-col">{{.Sparkline}}</td>
</tr>
{{- end}}
</tbody>{{end}}`

// The same skeletons taking the rows from the writers.
const rowSkeletons = `{{define "datatable"}}<tbody>
{{- .RowsHTML}}
</tbody>{{end}}
{{define "report"}}<tbody>
{{- .RowsHTML}}
</tbody>{{end}}
{{define "scoretable"}}<tbody>
{{- .RowsHTML}}
</tbody>{{end}}`

// hostile is text a data officer might type, and text an attacker might:
// every character html/template escapes, URL schemes it filters, bytes it
// percent-encodes, and a NUL.
var hostile = []string{
	"", "2024/25 Q1", `<script>alert("x")</script>`, "a & b's \"c\" + d", "\x00nul", "1 < 2 > 0",
	"javascript:alert(1)", "JaVaScRiPt:alert(1)", "https://example.org/a b?c=d&e=f#g", "mailto:a@b.c",
	"#indicator-x y", "../indicators/a+b/", "100%", "%zz%41", "é ü ☃ 💷", "data:text/html,<b>", "a/b:c",
	"{{.}}", "--> <!--", "'single'", "tab\there", "line\u2028separator\u2029end", "accessibility/",
}

func pick(i, k int) string { return hostile[(i*7+k*3)%len(hostile)] }

func hostileStatus(i int) StatusView {
	return StatusView{Key: pick(i, 1), Label: pick(i, 2), Icon: pick(i, 3), SetBy: pick(i, 4)}
}

func hostileDirection(i int) DirectionView {
	return DirectionView{Key: pick(i, 5), Label: pick(i, 6), Arrow: pick(i, 7)}
}

func TestRowWritersMatchTemplates(t *testing.T) {
	tmpl := template.Must(template.New("rows").Parse(rowTemplates))
	skel := template.Must(template.New("skel").Parse(rowSkeletons))
	exec := func(tm *template.Template, name string, data any) string {
		t.Helper()
		var b strings.Builder
		if err := tm.ExecuteTemplate(&b, name, data); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for n := range len(hostile) * 2 {
		var table DataTable
		var report ReportCommittee
		var group ScoreGroup
		for i := n; i < n+4; i++ {
			table.Rows = append(table.Rows, TableRow{
				Period: pick(i, 0), PeriodWords: pick(i, 1), Value: pick(i, 2), PeriodValue: pick(i, 3),
				Target: pick(i, 4), Flag: pick(i, 5), NoteRef: i % 3, Status: hostileStatus(i), Direction: hostileDirection(i),
				Compare: []string{pick(i, 10), pick(i, 11)}[:n%3],
			})
			report.Rows = append(report.Rows, ReportRow{
				Anchor: pick(i, 0), Name: pick(i, 1), Code: pick(i, 2), ServiceName: pick(i, 3), Period: pick(i, 4),
				Value: pick(i, 5), Flag: pick(i, 6), Target: pick(i, 7), Status: hostileStatus(i + 1), Direction: hostileDirection(i + 2),
			})
			group.Rows = append(group.Rows, ScoreRow{
				Href: pick(i, 1), Name: pick(i, 2), Code: pick(i, 3), Value: pick(i, 4), Flag: pick(i, 5), Target: pick(i, 6),
				Period: pick(i, 7), Status: hostileStatus(i + 3), Direction: hostileDirection(i + 4),
				Sparkline: template.HTML(`<svg aria-hidden="true"><title>` + template.HTMLEscapeString(pick(i, 8)) + `</title></svg>`),
			})
		}
		table.YTD = n%2 == 1
		table.NotePrefix = pick(n, 9)
		// Every combination of the optional columns.
		table.HasTarget, table.HasNotes = n&2 != 0, n&4 != 0
		group.HasTarget, report.HasTarget = n&2 != 0, n&4 != 0
		if n&8 != 0 {
			group.Period, report.Period = pick(n, 3), pick(n, 4)
		}
		if !table.HasNotes {
			for i := range table.Rows {
				table.Rows[i].NoteRef = 0
			}
		}
		for _, c := range []struct {
			name string
			data any
		}{{"datatable", table}, {"report", report}, {"scoretable", group}} {
			want, got := exec(tmpl, c.name, c.data), exec(skel, c.name, c.data)
			if got != want {
				t.Fatalf("%s %d: the writer's rows differ from the template's\n got: %q\nwant: %q", c.name, n, got, want)
			}
		}
		// A row's cached HTML (renderRows) is the row as the table writes it.
		var frags []string
		for i := range table.Rows {
			if table.Rows[i].NoteRef == 0 {
				var w strings.Builder
				writeTableRow(&w, &table.Rows[i], rowColumns{ytd: table.YTD, target: table.HasTarget, notes: table.HasNotes})
				frags = append(frags, w.String())
			} else {
				frags = append(frags, "")
			}
		}
		cached := table
		cached.frags = frags
		if got, want := cached.RowsHTML(), table.RowsHTML(); got != want {
			t.Fatalf("datatable %d: cached rows differ\n got: %q\nwant: %q", n, got, want)
		}
	}
}

// The escaping table does escape: a script in a cell is text, and a
// javascript: link goes nowhere.
func TestRowWritersEscape(t *testing.T) {
	var w strings.Builder
	writeReportRow(&w, &ReportRow{Anchor: "javascript:alert(1)", Name: "<script>x</script>", Value: "1+1"}, true, true, nil)
	got := w.String()
	for _, bad := range []string{"<script>", "javascript:", "1+1"} {
		if strings.Contains(got, bad) {
			t.Errorf("row has %q unescaped: %s", bad, got)
		}
	}
	if !strings.Contains(got, `href="#ZgotmplZ"`) || !strings.Contains(got, "&lt;script&gt;") {
		t.Errorf("row not escaped as html/template would: %s", got)
	}
}
