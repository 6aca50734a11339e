package serve

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kpisite/generator/model"
	"kpisite/generator/scaffold"
	"kpisite/generator/site"
)

var today = time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)

// newSite writes the starter site into a temporary folder and returns a
// Server that builds it with site.Build, as kpisite serve does.
func newSite(t *testing.T) (*Server, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Site(dir, today); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	s := New(Config{
		Build: func() (map[string][]byte, model.Problems, error) {
			files, c, err := site.Build(fsys, site.Options{BaseURL: "http://127.0.0.1:8080/", BuildDate: today, Version: "test"})
			var ps model.Problems
			if c != nil {
				ps = c.Problems
			}
			return files, ps, err
		},
		Inputs: fsys,
	})
	if r := s.Rebuild(); r.Err != nil {
		t.Fatalf("build: %v\n%s", r.Err, r.Problems)
	}
	return s, dir
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mustPoll polls once and fails unless it rebuilt.
func mustPoll(t *testing.T, s *Server) Result {
	t.Helper()
	r, rebuilt := s.Poll()
	if !rebuilt {
		t.Fatal("Poll did not see the change")
	}
	return r
}

func TestRebuildOnChange(t *testing.T) {
	s, dir := newSite(t)
	_, body := get(t, s, "GET", "/about/")
	if !strings.Contains(body, "What this site is for") {
		t.Fatalf("about page:\n%s", body)
	}
	if _, rebuilt := s.Poll(); rebuilt {
		t.Fatal("Poll rebuilt although nothing changed")
	}
	about := filepath.Join(dir, "content", "about.md")
	mustWrite(t, about, strings.Replace(mustRead(t, about), "What this site is for", "Why we publish these figures", 1))
	r := mustPoll(t, s)
	if r.Err != nil || !r.Reloaded || len(r.Changed) != 1 || r.Changed[0] != "content/about.md" {
		t.Fatalf("rebuild: %+v", r)
	}
	_, body = get(t, s, "GET", "/about/")
	if !strings.Contains(body, "Why we publish these figures") || strings.Contains(body, "What this site is for") {
		t.Errorf("about page was not rebuilt:\n%s", body)
	}

	// A new file is an input too.
	mustWrite(t, filepath.Join(dir, "content", "methodology.md"), "+++\ntitle = \"Methodology\"\n+++\nHow we count.\n")
	mustPoll(t, s)
	if res, body := get(t, s, "GET", "/methodology/"); res.StatusCode != 200 || !strings.Contains(body, "How we count.") {
		t.Errorf("new page: status %d\n%s", res.StatusCode, body)
	}

	// Saving a file unchanged rebuilds but does not reload browsers.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(about, later, later); err != nil {
		t.Fatal(err)
	}
	if r := mustPoll(t, s); r.Reloaded {
		t.Errorf("an unchanged output reloaded browsers: %+v", r)
	}

	// Hidden files (editor swap files) and public/ are not inputs.
	mustWrite(t, filepath.Join(dir, "content", ".about.md.swp"), "x")
	if err := os.MkdirAll(filepath.Join(dir, "public"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "public", "index.html"), "x")
	if _, rebuilt := s.Poll(); rebuilt {
		t.Error("a hidden file or public/ started a rebuild")
	}
}

func TestErrorPageUntilFixed(t *testing.T) {
	s, dir := newSite(t)
	csv := filepath.Join(dir, "data", "values", "libraries.csv")
	good := mustRead(t, csv)
	mustWrite(t, csv, good+"library-visits,2024/25 Q3,4l2,,,\n")
	r := mustPoll(t, s)
	if r.Err == nil || !r.Problems.HasErrors() {
		t.Fatalf("a bad value built: %+v", r)
	}
	for _, target := range []string{"/", "/indicators/library-visits/", "/about/", "/no/such/page/"} {
		res, body := get(t, s, "GET", target)
		if res.StatusCode != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", target, res.StatusCode)
		}
		for _, want := range []string{"data/values/libraries.csv:8", "4l2", `<script src="` + ScriptPath} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: error page does not contain %q:\n%s", target, want, body)
			}
		}
		if strings.Contains(body, "48,120") {
			t.Errorf("%s: error page shows a stale figure", target)
		}
	}
	if res, _ := get(t, s, "GET", "/indicators/library-visits/data.csv"); res.StatusCode != 500 {
		t.Errorf("stale data file served while the inputs have errors: status %d", res.StatusCode)
	}

	mustWrite(t, csv, good)
	if r := mustPoll(t, s); r.Err != nil || !r.Reloaded {
		t.Fatalf("fixed site: %+v", r)
	}
	res, body := get(t, s, "GET", "/indicators/library-visits/")
	if res.StatusCode != 200 || !strings.Contains(body, "48,120") {
		t.Errorf("fixed site: status %d\n%s", res.StatusCode, body)
	}
}

// TestNoInputServed requests the site's input files every way a path can
// name them: only built files are ever served.
func TestNoInputServed(t *testing.T) {
	s, dir := newSite(t)
	secret := mustRead(t, filepath.Join(dir, "site.toml"))
	for _, target := range []string{
		"/site.toml", "/../site.toml", "/%2e%2e/site.toml", "/..%2fsite.toml", "/%2e%2e%2fsite.toml",
		"/assets/../../site.toml", "/data/values/libraries.csv", "/../data/values/libraries.csv",
		"/content/about.md", "/.gitignore", "/..", "/%2e%2e", "/../../../../etc/passwd",
	} {
		res, body := get(t, s, "GET", target)
		if res.StatusCode == 200 && !strings.Contains(body, "<!DOCTYPE html>") {
			t.Errorf("%s: status 200 with a non-page body:\n%s", target, body)
		}
		if strings.Contains(body, secret) || strings.Contains(body, "library-visits,2023/24 Q1") {
			t.Errorf("%s: served an input file", target)
		}
	}
}

func TestEvents(t *testing.T) {
	s, dir := newSite(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+EventsPath, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	lines := bufio.NewScanner(res.Body)
	next := func() string {
		t.Helper()
		for lines.Scan() {
			if v, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				return v
			}
		}
		t.Fatalf("event stream ended: %v", lines.Err())
		return ""
	}
	first := next()
	_, page := get(t, s, "GET", "/")
	if !strings.Contains(page, `data-version="`+first+`"`) {
		t.Errorf("the page's version is not the stream's %q", first)
	}

	mustWrite(t, filepath.Join(dir, "content", "_index.md"), "+++\ntitle = \"Home\"\n+++\nChanged.\n")
	mustPoll(t, s)
	if second := next(); second == first {
		t.Errorf("version did not change after a rebuild: %q", second)
	}

	// Close ends the stream, so http.Server.Shutdown does not wait for it.
	s.Close()
	for lines.Scan() {
	}
	if n := s.events.subscribers(); n != 0 {
		t.Errorf("%d event streams still open after Close", n)
	}
}

func TestWatchPollsRealFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Site(dir, today); err != nil {
		t.Fatal(err)
	}
	builds := make(chan struct{}, 10)
	s := New(Config{
		Build: func() (map[string][]byte, model.Problems, error) {
			builds <- struct{}{}
			return map[string][]byte{"index.html": []byte(time.Now().String())}, nil, nil
		},
		Inputs:   os.DirFS(dir),
		Interval: 5 * time.Millisecond,
	})
	s.Rebuild()
	<-builds
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Watch(ctx); close(done) }()
	mustWrite(t, filepath.Join(dir, "site.toml"), "changed")
	select {
	case <-builds:
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not rebuild after a change")
	}
	cancel()
	<-done
}
