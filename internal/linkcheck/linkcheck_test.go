package linkcheck

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func page(body string) string {
	return "<!DOCTYPE html>\n<html lang=en><head><title>t</title><link rel=stylesheet href=\"STYLE\"></head>\n<body>\n" + body + "\n</body></html>\n"
}

func reasons(r *Report) []string {
	var out []string
	for _, p := range r.Broken {
		out = append(out, p.File+" "+p.Attr+"="+p.URL+": "+p.Reason)
	}
	sort.Strings(out)
	return out
}

func TestGoodSite(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"index.html": strings.Replace(page(`<a href="">home</a> <a href="./">home</a> <a href=indicators/x/>x</a>
<a href="indicators/x/#table">table</a> <a href="#main">skip</a> <main id=main>
<a href='about/index.html'>about</a> <a href="https://example.org/">out</a> <a href="mailto:a@b.c">mail</a>
<img src="assets/pic%20one.png" alt=""> <a href="#top">top</a>
<label for=q>Q</label><input id=q> <div aria-labelledby="h1 h2"><h2 id=h1>a</h2><h2 id=h2>b</h2></div>
<!-- <a href="missing/">commented out</a> -->
<svg><defs><linearGradient id=g></linearGradient></defs><rect fill="url(#g)"/></svg></main>`), "STYLE", "assets/style.css", 1),
		"indicators/x/index.html": strings.Replace(page(`<a href="../../">home</a> <table id="table"></table> <a href="chart.svg#t">c</a>
<link rel="canonical" href="https://www.example.gov.uk/performance/indicators/x/">`), "STYLE", "../../assets/style.css", 1),
		"indicators/x/chart.svg": `<svg xmlns="http://www.w3.org/2000/svg"><title id="t">c</title></svg>`,
		"about/index.html":       strings.Replace(page(`<a href="/performance/indicators/x/">x</a>`), "STYLE", "/performance/assets/style.css", 1),
		"404.html":               strings.Replace(page(`<a href="/performance/">home</a>`), "STYLE", "/performance/assets/style.css", 1),
		"assets/style.css":       `body { background: url("pic%20one.png") } @import 'more.css';`,
		"assets/more.css":        `p{}`,
		"assets/pic one.png":     "png",
	})
	r, err := Check(Options{Dir: dir, BaseURL: "https://www.example.gov.uk/performance/"})
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Fatalf("broken: %v", reasons(r))
	}
	if r.HTML != 4 || r.SVG != 1 || r.CSS != 2 {
		t.Errorf("scanned %d HTML, %d SVG, %d CSS; want 4, 1, 2", r.HTML, r.SVG, r.CSS)
	}
	if len(r.External) != 1 || r.External[0].URL != "https://example.org/" {
		t.Errorf("external = %v", r.External)
	}
	if len(r.Other) != 1 {
		t.Errorf("other = %v", r.Other)
	}
	if r.IDRefs != 4 {
		t.Errorf("id references = %d, want 4 (for, 2 × aria-labelledby, url(#g))", r.IDRefs)
	}
	if len(r.Unlinked) != 0 {
		t.Errorf("unlinked = %v", r.Unlinked)
	}
}

func TestBrokenLinks(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"index.html": page(`<a href="nope/">a</a> <a href="indicators/x">dir</a> <a href="indicators/x/#nofrag">f</a>
<a href="#">empty</a> <a href="#missing">m</a> <a href="../../etc/passwd">up</a> <a href="/elsewhere/">abs</a>
<a href="javascript:alert(1)">js</a> <img src="https://cdn.example.com/x.png" alt="">
<link rel="stylesheet" href="//fonts.example.com/css"> <label for="ghost">g</label>
<p id="dup"></p><p id="dup"></p> <a href="https://www.example.gov.uk/performance/gone/">canon</a>`),
		"indicators/x/index.html": page(`<a href="../../">home</a>`),
		"lonely/index.html":       page(`alone`),
	})
	r, err := Check(Options{Dir: dir, BaseURL: "https://www.example.gov.uk/performance/"})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(reasons(r), "\n")
	for _, want := range []string{
		"href=nope/: no such file in the site: nope/index.html",
		"href=indicators/x: names a directory",
		`href=indicators/x/#nofrag: no element with id "nofrag" in indicators/x/index.html`,
		`href=#: empty fragment`,
		`href=#missing: no element with id "missing" in index.html`,
		"href=../../etc/passwd: goes above the root of the site",
		"href=/elsewhere/: path is outside the site",
		`href=javascript:alert(1): scheme "javascript" is not allowed`,
		"src=https://cdn.example.com/x.png: loads a resource from another host",
		"href=//fonts.example.com/css: loads a resource from another host",
		`for=ghost: no element with id "ghost" on this page`,
		`id=dup: id "dup" is used by 2 elements`,
		"href=https://www.example.gov.uk/performance/gone/: no such file in the site: gone/index.html",
		"href=STYLE: no such file in the site: STYLE",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing problem %q in:\n%s", want, got)
		}
	}
	if len(r.Broken) != 16 { // 13 above, and STYLE is missing on each of the three pages
		t.Errorf("%d problems, want 16:\n%s", len(r.Broken), got)
	}
	if len(r.Unlinked) != 1 || r.Unlinked[0] != "lonely/index.html" {
		t.Errorf("unlinked = %v", r.Unlinked)
	}
}

func TestRootBaseURL(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"index.html":       page(`<a href="/a/">a</a> <a href="../x/">up</a>`),
		"a/index.html":     page(`<a href="/">home</a>`),
		"assets/style.css": ``,
	})
	r, err := Check(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	got := reasons(r)
	if len(got) != 3 || !strings.Contains(strings.Join(got, "\n"), "../x/: goes above the root") {
		t.Errorf("problems = %v", got)
	}
}

func TestTokenizer(t *testing.T) {
	tags := startTags(`<!DOCTYPE html><p class=a title='x > y' data-x="&amp;&quot;">
<script>if (a<b) { document.write("<a href='no'>") }</script><style>a[href="<b>"]{}</style>
<!-- <a href="hidden"> --><![CDATA[<a href="cdata">]]><IMG SRC="A.png" alt>
<a href=x/ id=y>`)
	var names []string
	for _, tg := range tags {
		names = append(names, tg.name)
	}
	if strings.Join(names, " ") != "p script style img a" {
		t.Fatalf("tags = %v", names)
	}
	if tags[0].attrs["title"] != "x > y" || tags[0].attrs["data-x"] != `&"` || tags[0].attrs["class"] != "a" {
		t.Errorf("p attrs = %v", tags[0].attrs)
	}
	if tags[3].attrs["src"] != "A.png" || tags[3].line != 3 {
		t.Errorf("img = %+v", tags[3])
	}
	if _, ok := tags[3].attrs["alt"]; !ok {
		t.Errorf("img has no alt: %v", tags[3].attrs)
	}
	if tags[4].attrs["href"] != "x/" || tags[4].attrs["id"] != "y" || tags[4].line != 4 {
		t.Errorf("a = %+v", tags[4])
	}
}
