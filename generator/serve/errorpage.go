package serve

import (
	"bytes"
	"html/template"
	"net/http"
	"path"
	"strconv"
	"strings"

	"kpisite/generator/model"
)

// errorPage lists the problems of a failed build. html/template escapes
// every message and path: they quote the site's own files, which may hold
// anything.
var errorPage = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} – kpisite serve</title>
<style>
body { font: 1.125rem/1.5 system-ui, sans-serif; margin: 0; color: #0b0c0c; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; border-left: 0.5rem solid #d4351c; padding-left: 1rem; }
ol { padding-left: 1.5rem; }
li { margin: 0 0 0.75rem; }
code { font: 1rem/1.5 ui-monospace, monospace; background: #f3f2f1; padding: 0 0.25rem; overflow-wrap: anywhere; }
.severity { font-weight: bold; }
.error .severity { color: #d4351c; }
.warning .severity { color: #594d00; }
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p>{{.Lead}}</p>
{{- if .Problems}}
<ol>
{{- range .Problems}}
<li class="{{.Severity}}"><code>{{.Pos}}</code> <span class="severity">{{.Severity}}:</span> {{.Message}}</li>
{{- end}}
</ol>
{{- else}}
<p><code>{{.Err}}</code></p>
{{- end}}
<p>Fix the files and save them: this page reloads by itself. <code>kpisite check</code> lists the same problems in a terminal.</p>
</main>
{{.Script}}
</body>
</html>
`))

type errorView struct {
	Title    string
	Lead     string
	Problems model.Problems
	Err      string
	Script   template.HTML
}

// serveProblems answers any request while the latest build has failed:
// an HTML page for pages (and unknown paths, which would get 404.html),
// plain text for every other file. The status is 500 so that scripts and
// link checkers do not mistake it for the page.
func (s *Server) serveProblems(w http.ResponseWriter, r *http.Request, st *state, name string) {
	v := errorView{Problems: st.problems, Err: st.err.Error()}
	e, warn := st.problems.Count()
	status := http.StatusInternalServerError
	switch {
	case st.err == errNotBuilt:
		v.Title = "The site has not been built yet"
		v.Lead = "kpisite is still building the site."
		status = http.StatusServiceUnavailable
	case e+warn > 0:
		v.Title = "The site's files have errors"
		found := plural(e, "error")
		if warn > 0 {
			found += " and " + plural(warn, "warning")
		}
		v.Lead = "The site cannot be built: kpisite found " + found + " in its files. Until they are fixed, every page shows this list instead of out-of-date figures."
	default:
		v.Title = "The site cannot be built"
		v.Lead = "Building the site failed. Until that is fixed, every page shows this message instead of out-of-date figures."
	}
	if ext := path.Ext(name); ext != "" && ext != ".html" {
		var b strings.Builder
		b.WriteString(v.Title + "\n\n")
		if len(v.Problems) > 0 {
			b.WriteString(v.Problems.String())
		} else {
			b.WriteString(v.Err + "\n")
		}
		write(w, r, status, "text/plain; charset=utf-8", []byte(b.String()))
		return
	}
	// Trusted: scriptTag is a fixed element with the Server's own version.
	v.Script = template.HTML(scriptTag(st.version))
	var buf bytes.Buffer
	if err := errorPage.Execute(&buf, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	write(w, r, status, "text/html; charset=utf-8", buf.Bytes())
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
