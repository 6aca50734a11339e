package serve

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// fixedSite is a built site, as site.Build would return it.
func fixedSite() map[string][]byte {
	page := func(title string) []byte {
		return []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>" + title + "</title></head>\n<body>\n<main>" + title + "</main>\n</body>\n</html>\n")
	}
	return map[string][]byte{
		"index.html":                       page("Scorecard"),
		"404.html":                         page("Page not found"),
		"indicators/idva/index.html":       page("IDVA referrals"),
		"indicators/idva/chart.svg":        []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`),
		"indicators/idva/chart.png":        []byte("\x89PNG\r\n\x1a\n"),
		"indicators/idva/data.csv":         []byte("period,value\n2022/23 Q1,412\n"),
		"indicators/idva/data.json":        []byte(`{"id":"idva"}`),
		"assets/style.css":                 []byte("body{}"),
		"feed.xml":                         []byte(`<feed xmlns="http://www.w3.org/2005/Atom"></feed>`),
		"sitemap.xml":                      []byte(`<urlset></urlset>`),
		"robots.txt":                       []byte("User-agent: *\n"),
		"data/catalogue.json":              []byte(`[]`),
		"committees/csmi/index.html":       page("Committee"),
		"reports/2022-23-q1/index.html":    page("Report"),
		"no-body/index.html":               []byte("<p>fragment"),
		"upper/index.html":                 []byte("<HTML><BODY>Upper</BODY></HTML>"),
		"indicators/idva/notes/index.html": page("Notes"),
	}
}

// newFixed returns a built Server serving files.
func newFixed(t *testing.T, files map[string][]byte) *Server {
	t.Helper()
	s := New(Config{Build: func() (map[string][]byte, model.Problems, error) { return files, nil, nil }})
	if r := s.Rebuild(); r.Err != nil {
		t.Fatal(r.Err)
	}
	return s
}

// get requests target from h, as a browser on this machine does, and
// returns the response and its body.
func get(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	return getHost(t, h, method, target, "127.0.0.1:8080")
}

// getHost is get with the Host header host.
func getHost(t *testing.T, h http.Handler, method, target, host string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, target, nil)
	req.Host = host
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestServeFiles(t *testing.T) {
	s := newFixed(t, fixedSite())
	tests := []struct {
		name, target string
		status       int
		ctype        string
		contains     string // in the body
		location     string // for a redirect
	}{
		{"root is index.html", "/", 200, "text/html; charset=utf-8", "<main>Scorecard</main>", ""},
		{"index.html by name", "/index.html", 200, "text/html; charset=utf-8", "<main>Scorecard</main>", ""},
		{"folder with slash", "/indicators/idva/", 200, "text/html; charset=utf-8", "IDVA referrals", ""},
		{"folder without slash redirects", "/indicators/idva", 302, "", "", "/indicators/idva/"},
		{"redirect keeps the query", "/committees/csmi?x=1", 302, "", "", "/committees/csmi/?x=1"},
		{"redirect never leaves the host", "//indicators/idva", 302, "", "", "/indicators/idva/"},
		{"svg", "/indicators/idva/chart.svg", 200, "image/svg+xml", "<svg", ""},
		{"png", "/indicators/idva/chart.png", 200, "image/png", "PNG", ""},
		{"csv", "/indicators/idva/data.csv", 200, "text/csv; charset=utf-8", "2022/23 Q1,412", ""},
		{"json", "/indicators/idva/data.json", 200, "application/json", `"idva"`, ""},
		{"css", "/assets/style.css", 200, "text/css; charset=utf-8", "body{}", ""},
		{"atom feed", "/feed.xml", 200, "application/atom+xml; charset=utf-8", "<feed", ""},
		{"xml", "/sitemap.xml", 200, "application/xml; charset=utf-8", "<urlset>", ""},
		{"txt", "/robots.txt", 200, "text/plain; charset=utf-8", "User-agent", ""},
		{"unknown page is 404.html", "/no/such/page/", 404, "text/html; charset=utf-8", "Page not found", ""},
		{"unknown file is 404.html", "/assets/missing.css", 404, "text/html; charset=utf-8", "Page not found", ""},
		{"reload script", ScriptPath, 200, "text/javascript; charset=utf-8", "EventSource", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, s, "GET", tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body:\n%s", res.StatusCode, tt.status, body)
			}
			if tt.location != "" {
				if got := res.Header.Get("Location"); got != tt.location {
					t.Errorf("Location %q, want %q", got, tt.location)
				}
				return
			}
			if got := res.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("body does not contain %q:\n%s", tt.contains, body)
			}
			if got := res.Header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
		})
	}
}

func TestReloadScriptOnlyInHTML(t *testing.T) {
	files := fixedSite()
	s := newFixed(t, files)
	tag := `<script src="` + ScriptPath + `" data-version="`
	for _, target := range []string{"/", "/indicators/idva/", "/no/such/page", "/no-body/", "/upper/"} {
		_, body := get(t, s, "GET", target)
		if strings.Count(body, tag) != 1 {
			t.Errorf("%s: want the reload script once, got:\n%s", target, body)
		}
	}
	// Before </body>, so the page stays valid HTML.
	_, body := get(t, s, "GET", "/")
	if i, j := strings.Index(body, tag), strings.Index(body, "</body>"); i < 0 || j < i {
		t.Errorf("reload script is not before </body>:\n%s", body)
	}
	_, body = get(t, s, "GET", "/upper/")
	if !strings.HasSuffix(body, "\n</BODY></HTML>") {
		t.Errorf("reload script is not before </BODY>:\n%s", body)
	}
	for _, target := range []string{"/indicators/idva/chart.svg", "/indicators/idva/data.csv", "/assets/style.css", "/feed.xml"} {
		if _, body := get(t, s, "GET", target); strings.Contains(body, "<script") {
			t.Errorf("%s: has a script:\n%s", target, body)
		}
	}
	// The build's own bytes are never changed.
	if bytes.Contains(files["index.html"], []byte("<script")) {
		t.Error("injecting the script changed the built file")
	}
}

func TestHeadAndMethods(t *testing.T) {
	files := fixedSite()
	s := newFixed(t, files)
	res, body := get(t, s, "HEAD", "/indicators/idva/data.csv")
	want := strconv.Itoa(len(files["indicators/idva/data.csv"]))
	if res.StatusCode != 200 || body != "" || res.Header.Get("Content-Length") != want {
		t.Errorf("HEAD: status %d, Content-Length %q, body %q; want 200, %s, empty", res.StatusCode, res.Header.Get("Content-Length"), body, want)
	}
	res, _ = get(t, s, "POST", "/")
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d, Allow %q; want 405, GET, HEAD", res.StatusCode, res.Header.Get("Allow"))
	}
}

func TestNotBuiltYet(t *testing.T) {
	s := New(Config{Build: func() (map[string][]byte, model.Problems, error) { return nil, nil, nil }})
	res, body := get(t, s, "GET", "/")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "not been built yet") {
		t.Errorf("status %d, body:\n%s", res.StatusCode, body)
	}
}

func TestInject(t *testing.T) {
	tag := string(scriptTag("v1"))
	tests := []struct{ name, in, want string }{
		{"before body", "<html><body><p>x</p></body></html>", "<html><body><p>x</p>" + tag + "\n</body></html>"},
		{"before the last body", "<body><pre></body></pre></body>", "<body><pre></body></pre>" + tag + "\n</body>"},
		{"upper case", "<BODY>x</BODY>", "<BODY>x" + tag + "\n</BODY>"},
		{"no body", "<p>x", "<p>x" + tag + "\n"},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.in), "v1")); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := []struct{ name, want string }{
		{"index.html", "text/html; charset=utf-8"},
		{"a/B.SVG", "image/svg+xml"},
		{"data/all.csv", "text/csv; charset=utf-8"},
		{"feed.xml", "application/atom+xml; charset=utf-8"},
		{"x/feed.xml", "application/xml; charset=utf-8"},
		{"file.unknownext", "application/octet-stream"},
	}
	for _, tt := range tests {
		if got := contentType(tt.name); got != tt.want {
			t.Errorf("contentType(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestErrorPageEscapes(t *testing.T) {
	problems := model.Problems{
		{Pos: model.Position{Path: "data/values/<x>.csv", Line: 3, Column: 2}, Message: `"<script>alert(1)</script>" is not a number; expected a number`},
		{Pos: model.Position{Path: "site.toml", Line: 1}, Severity: model.Warning, Message: "base_url & co"},
	}
	s := New(Config{Build: func() (map[string][]byte, model.Problems, error) {
		return nil, problems, errTest
	}})
	s.Rebuild()
	res, body := get(t, s, "GET", "/indicators/x/")
	if res.StatusCode != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", res.StatusCode)
	}
	for _, want := range []string{
		"<code>data/values/&lt;x&gt;.csv:3:2</code>",
		"&#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; is not a number",
		"base_url &amp; co",
		"1 error and 1 warning",
		`<script src="` + ScriptPath + `"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("error page does not contain %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>alert") {
		t.Errorf("error page has an unescaped problem:\n%s", body)
	}
	res, body = get(t, s, "GET", "/indicators/x/data.csv")
	if res.StatusCode != 500 || res.Header.Get("Content-Type") != "text/plain; charset=utf-8" || !strings.Contains(body, "data/values/<x>.csv:3:2: ") {
		t.Errorf("data file while failing: status %d, type %q, body:\n%s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("the site's inputs have errors")
