package render

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"kpisite/generator/format"
	"kpisite/generator/i18n"
)

// The rows of the open data page's table of files as template "data.html"
// wrote them before IndicatorsHTML.
const dataRowsTemplate = `<tbody>
{{- range .Indicators}}
<tr>
<th scope="row"><a href="{{.Href}}">{{.Name}}</a></th>
<td>{{.Status}}</td>
<td><a href="{{.CSV.Href}}">{{.CSV.Text}}<span class="visually-hidden"> {{t "data.data_for" "name" .Name}}</span></a> <span class="download-meta">{{.CSV.Size}}</span></td>
<td><a href="{{.JSON.Href}}">{{.JSON.Text}}<span class="visually-hidden"> {{t "data.data_for" "name" .Name}}</span></a> <span class="download-meta">{{.JSON.Size}}</span></td>
</tr>
{{- end}}
</tbody>`

const dataRowsSkeleton = `<tbody>
{{- range .IndicatorsHTML}}{{.}}{{end}}
</tbody>`

// wordsFunc is the theme's "t" for words w.
func wordsFunc(w *i18n.Words) template.FuncMap {
	return template.FuncMap{"t": func(key string, args ...any) string {
		s := make([]string, len(args))
		for i, a := range args {
			s[i] = fmt.Sprint(a)
		}
		return w.T(key, s...)
	}}
}

func TestDataRowsMatchTemplate(t *testing.T) {
	words := map[string]*i18n.Words{"English": i18n.English()}
	if cy, err := i18n.Builtin("cy"); err == nil {
		words["Welsh"] = cy
	} else {
		t.Fatalf("Welsh words: %v", err)
	}
	for name, w := range words {
		tmpl := template.Must(template.New("rows").Funcs(wordsFunc(w)).Parse(dataRowsTemplate))
		skel := template.Must(template.New("skel").Parse(dataRowsSkeleton))
		for n := range len(hostile) * 2 {
			page := DataPage{lang: format.NewLang(w)}
			if n%5 == 0 && name == "English" {
				page.lang = nil // a view made without words writes English
			}
			for i := n; i < n+[]int{0, 1, 2, 5, 70, 150}[n%6]; i++ { // more than one piece (htmlPieces)
				page.Indicators = append(page.Indicators, DataRow{
					Href: pick(i, 0), Name: pick(i, 1), Status: pick(i, 2),
					CSV:  Download{Href: pick(i, 3), Text: pick(i, 4), Size: pick(i, 5)},
					JSON: Download{Href: pick(i, 6), Text: pick(i, 7), Size: pick(i, 8)},
				})
			}
			var want, got strings.Builder
			if err := tmpl.Execute(&want, page); err != nil {
				t.Fatal(err)
			}
			if err := skel.Execute(&got, page); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("%s %d: the writer's rows differ from the template's\n got: %q\nwant: %q", name, n, got.String(), want.String())
			}
		}
	}
}

// The A to Z list's items as template "search.html" wrote them before
// ItemsHTML and RetiredHTML.
const searchItemsTemplate = `{{define "status"}}<span class="status status-{{.Key}}"><span class="status-icon" aria-hidden="true">{{.Icon}}</span> {{.Label}}</span>{{if .SetBy}} <span class="status-source">({{.SetBy}})</span>{{end}}{{end}}
{{define "page"}}{{range .Letters}}<ul class="az-list">
{{- range .Items}}
{{template "searchitem" .}}
{{- end}}
</ul>{{end}}
<ul class="az-list">
{{- range .Retired}}
{{template "searchitem" .}}
{{- end}}
</ul>{{end}}
{{define "searchitem"}}<li data-id="{{.ID}}">
<a href="{{.Href}}">{{.Name}}</a>{{if .Title}} <span class="az-title">{{t "search.full_title" "title" .Title}}</span>{{end}}
<span class="az-meta">{{if .ServiceName}}{{.ServiceName}}{{end}}{{range .Codes}} · {{.}}{{end}} · {{if .Retired}}{{t "search.retired"}}{{if .LastPeriod}}, {{t "search.last_figure" "period" .LastPeriod}}{{end}}{{else}}{{template "status" .Status}}{{if .Period}} ({{.Period}}){{end}}{{end}}</span>
</li>{{end}}`

const searchItemsSkeleton = `{{define "page"}}{{range .Letters}}<ul class="az-list">
{{- range .ItemsHTML}}{{.}}{{end}}
</ul>{{end}}
<ul class="az-list">
{{- range .RetiredHTML}}{{.}}{{end}}
</ul>{{end}}`

func TestSearchItemsMatchTemplate(t *testing.T) {
	cy, err := i18n.Builtin("cy")
	if err != nil {
		t.Fatalf("Welsh words: %v", err)
	}
	for name, w := range map[string]*i18n.Words{"English": i18n.English(), "Welsh": cy} {
		tmpl := template.Must(template.New("items").Funcs(wordsFunc(w)).Parse(searchItemsTemplate))
		skel := template.Must(template.New("skel").Parse(searchItemsSkeleton))
		for n := range len(hostile) * 2 {
			lang := format.NewLang(w)
			if n%5 == 0 && name == "English" {
				lang = nil // a view made without words writes English
			}
			page := SearchPage{lang: lang}
			item := func(i int, retired bool) SearchItem {
				return SearchItem{
					ID: pick(i, 0), Href: pick(i, 1), Name: pick(i, 2), Title: pick(i, 3), ServiceName: pick(i, 4),
					Codes: []string{pick(i, 5), pick(i, 6)}[:i%3], Status: hostileStatus(i), Period: pick(i, 7),
					Retired: retired, LastPeriod: pick(i, 8),
				}
			}
			for k := range n % 3 {
				l := SearchLetter{ID: pick(n, k), Letter: pick(n, k+1), lang: lang}
				for i := n; i < n+[]int{0, 1, 65, 130}[(n+k)%4]; i++ {
					l.Items = append(l.Items, item(i+k, false))
				}
				page.Letters = append(page.Letters, l)
			}
			for i := n; i < n+[]int{0, 2, 60, 140}[n%4]; i++ {
				page.Retired = append(page.Retired, item(i, true))
			}
			var want, got strings.Builder
			if err := tmpl.ExecuteTemplate(&want, "page", page); err != nil {
				t.Fatal(err)
			}
			if err := skel.ExecuteTemplate(&got, "page", page); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("%s %d: the writer's items differ from the template's\n got: %q\nwant: %q", name, n, got.String(), want.String())
			}
		}
	}
}

// A scorecard's rows in pieces are its rows whole, which match the
// template's (rows_test.go), however many pieces they take.
func TestScoreRowPiecesAreRowsHTML(t *testing.T) {
	for n := range len(hostile) * 2 {
		g := ScoreGroup{Period: pick(n, 9), HasTarget: n%2 == 0}
		if n%3 == 0 {
			g.Period = ""
		}
		if n%4 == 1 {
			g.words = newRowWords(format.NewLang(i18n.English()))
		}
		for i := n; i < n+[]int{0, 1, 3, 40, 200}[n%5]; i++ {
			g.Rows = append(g.Rows, ScoreRow{
				Href: pick(i, 0), Name: pick(i, 1), Title: pick(i, 2), Code: pick(i, 3), ServiceName: pick(i, 4), ServiceHref: pick(i, 5),
				Period: pick(i, 6), Value: pick(i, 7), Flag: pick(i, 8), Target: pick(i, 9), Status: hostileStatus(i), Direction: hostileDirection(i),
				Sparkline: template.HTML("<svg>" + strings.Repeat("x", i%300) + "</svg>"),
			})
		}
		var got strings.Builder
		pieces := 0
		for p := range g.RowPieces() {
			got.WriteString(string(p))
			pieces++
		}
		if want := string(g.RowsHTML()); got.String() != want {
			t.Fatalf("%d: the rows in %d pieces differ from the rows whole\n got: %q\nwant: %q", n, pieces, got.String(), want)
		}
		if len(g.Rows) == 200 && pieces < 2 {
			t.Errorf("%d: %d rows in %d piece; want several", n, len(g.Rows), pieces)
		}
	}
}
