package render

import (
	"html/template"
	"strings"
	"testing"
)

// The list markup the default theme's templates held before the lists
// moved to typed writers (pagelists.go). The writers must produce exactly
// what html/template made of it, escaping included.
const listTemplates = `{{define "nav"}}<ul class="nav-list">
{{- range .Nav}}
<li{{if not .Primary}} class="nav-extra"{{end}}><a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Text}}</a></li>
{{- end}}
</ul>
<ul>
{{- range .Nav}}{{if not .Primary}}
<li><a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Text}}</a></li>
{{- end}}{{end}}
</ul>
<ol>
{{- range .Breadcrumbs}}
<li><a href="{{.Href}}">{{.Text}}</a></li>
{{- end}}
</ol>
{{- range .Nav}}{{if eq .Href (printf "%saccessibility/" $.Root)}}
<p><a href="{{.Href}}">Accessibility</a></p>
{{- end}}{{end}}
{{end}}
{{define "indicator"}}<dl class="facts">
{{- range .Facts}}
<div><dt>{{.Term}}</dt><dd>{{if .Href}}<a href="{{.Href}}">{{.Desc}}</a>{{else}}{{.Desc}}{{end}}</dd></div>
{{- end}}
</dl>
<ul class="downloads">
{{- range .Downloads}}
<li><a href="{{.Href}}">{{.Text}} <span class="download-meta">({{.Format}}, {{.Size}})</span></a></li>
{{- end}}
</ul>
{{- range .Commentary}}
<article class="commentary" id="{{.ID}}">
<h3>{{.PeriodLong}}</h3>
{{- if or .Author .Date}}
<p class="meta">{{if .Author}}{{.Author}}{{end}}{{if and .Author .Date}}, {{end}}{{if .Date}}{{.Date}}{{end}}</p>
{{- end}}
<div class="prose">{{.HTML}}</div>
</article>
{{- end}}
{{end}}
{{define "footnotes"}}<ol class="footnotes">
{{- range .Footnotes}}
<li id="{{$.NotePrefix}}{{.N}}">{{.Period}}: {{.Text}}</li>
{{- end}}
</ol>{{end}}
{{define "gridtable"}}<tbody>
{{- range .Rows}}
<tr>
<th scope="row">{{.Period}}<span class="period-words"> ({{.PeriodWords}})</span></th>
{{- range .Cells}}
<td class="num">{{.}}</td>
{{- end}}
</tr>
{{- end}}
</tbody>{{end}}`

// The same markup taking the lists from the writers, as the default
// theme's templates now do.
const listSkeletons = `{{define "nav"}}<ul class="nav-list">
{{- .NavHTML}}
</ul>
<ul>
{{- .NavMoreHTML}}
</ul>
<ol>
{{- .BreadcrumbsHTML}}
</ol>
{{- range .AccessibilityHrefs}}
<p><a href="{{.}}">Accessibility</a></p>
{{- end}}
{{end}}
{{define "indicator"}}<dl class="facts">
{{- .FactsHTML}}
</dl>
<ul class="downloads">
{{- .DownloadsHTML}}
</ul>
{{- .CommentaryHTML}}
{{end}}
{{define "footnotes"}}<ol class="footnotes">
{{- .FootnotesHTML}}
</ol>{{end}}
{{define "gridtable"}}<tbody>
{{- .RowsHTML}}
</tbody>{{end}}`

func TestListWritersMatchTemplates(t *testing.T) {
	tmpl := template.Must(template.New("lists").Parse(listTemplates))
	skel := template.Must(template.New("skel").Parse(listSkeletons))
	exec := func(tm *template.Template, name string, data any) string {
		t.Helper()
		var b strings.Builder
		if err := tm.ExecuteTemplate(&b, name, data); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for n := range len(hostile) * 2 {
		var page IndicatorPage
		var table DataTable
		var grid GridTable
		page.Root = pick(n, 0)
		if n%3 == 0 {
			page.Root = "../../"
		}
		for i := n; i < n+n%5; i++ {
			page.Nav = append(page.Nav, Link{Href: pick(i, 1), Text: pick(i, 2), Current: i%2 == 0, Primary: i%3 == 0})
			page.Breadcrumbs = append(page.Breadcrumbs, Link{Href: pick(i, 3), Text: pick(i, 4)})
			page.Facts = append(page.Facts, Fact{Term: pick(i, 5), Desc: pick(i, 6), Href: pick(i, 7)})
			page.Downloads = append(page.Downloads, Download{Href: pick(i, 8), Text: pick(i, 9), Format: pick(i, 10), Size: pick(i, 11)})
			cm := CommentaryView{ID: pick(i, 21), PeriodLong: pick(i, 22), HTML: template.HTML("<p>" + template.HTMLEscapeString(pick(i, 23)) + "</p>")}
			if i%3 != 0 {
				cm.Author = pick(i, 24)
			}
			if i%2 == 0 {
				cm.Date = pick(i, 25)
			}
			page.Commentary = append(page.Commentary, cm)
			table.Footnotes = append(table.Footnotes, Footnote{N: i - n + 1, Period: pick(i, 12), Text: pick(i, 13)})
			grid.Rows = append(grid.Rows, GridRow{Period: pick(i, 14), PeriodWords: pick(i, 15),
				Cells: []string{pick(i, 16), pick(i, 17), pick(i, 18)}[:i%4]})
		}
		if n%4 == 1 { // the site's accessibility statement, linked from the footer
			page.Nav = append(page.Nav, Link{Href: page.Root + "accessibility/", Text: pick(n, 19)},
				Link{Href: page.Root + "about/accessibility/", Text: pick(n, 18)}, Link{Href: "accessibility/" + page.Root})
		}
		table.NotePrefix = pick(n, 20)
		for _, c := range []struct {
			name string
			data any
		}{{"nav", page}, {"indicator", page}, {"footnotes", table}, {"gridtable", grid}, {"gridtable", &grid}} {
			want, got := exec(tmpl, c.name, c.data), exec(skel, c.name, c.data)
			if got != want {
				t.Fatalf("%s %d: the writer's list differs from the template's\n got: %q\nwant: %q", c.name, n, got, want)
			}
		}
	}
}

// The lists do escape: a script in a fact is text, a javascript: link
// goes nowhere, and a footnote cannot end its id attribute early.
func TestListWritersEscape(t *testing.T) {
	p := IndicatorPage{Facts: []Fact{{Term: "<script>x</script>", Desc: `a "b" & c`, Href: "javascript:alert(1)"}}}
	got := string(p.FactsHTML())
	for _, bad := range []string{"<script>", "javascript:", `"b"`} {
		if strings.Contains(got, bad) {
			t.Errorf("facts have %q unescaped: %s", bad, got)
		}
	}
	if !strings.Contains(got, `href="#ZgotmplZ"`) || !strings.Contains(got, "&lt;script&gt;") || !strings.Contains(got, "&amp;") {
		t.Errorf("facts not escaped as html/template would: %s", got)
	}
	tb := DataTable{NotePrefix: `x" onmouseover="alert(1)`, Footnotes: []Footnote{{N: 1, Period: "Q1", Text: "<b>"}}}
	if got := string(tb.FootnotesHTML()); strings.Contains(got, `" onmouseover`) || strings.Contains(got, "<b>") {
		t.Errorf("footnotes not escaped: %s", got)
	}
}
