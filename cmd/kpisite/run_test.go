package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"kpisite/generator/scaffold"
)

// codeOf is the exit status run's error gives.
func codeOf(err error) int {
	if err == nil {
		return exitOK
	}
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return exitInput
}

// runCLI runs the command line and returns its exit status and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	if err != nil {
		errOut.WriteString("kpisite: " + err.Error() + "\n")
	}
	return codeOf(err), out.String(), errOut.String()
}

// mustSmallSite writes the starter site into a temporary folder: a copy of
// a small site the tests may change.
func mustSmallSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Site(dir, time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// breakValue adds a row with a bad value to the small site, on line 8.
func breakValue(t *testing.T, dir string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, "data", "values", "libraries.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("library-visits,2024/25 Q3,4l2,,,\n"); err != nil {
		t.Fatal(err)
	}
}

func TestUsageErrors(t *testing.T) {
	site := mustSmallSite(t)
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"no command", nil, "Usage:"},
		{"unknown command", []string{"publish"}, `unknown command "publish"; expected build, check, import, new, serve or version`},
		{"help for an unknown command", []string{"help", "publish"}, `unknown command "publish"`},
		{"build: unknown flag", []string{"build", "--out", "x"}, "build: unknown flag --out; did you mean -o?"},
		{"build: misspelt flag", []string{"build", "--baseurl", "x"}, "build: unknown flag --baseurl; did you mean --base-url?"},
		{"build: flag without a value", []string{"build", "-o"}, "build: flag -o needs a value; expected -o OUT"},
		{"build: bad boolean", []string{"build", "--strict=maybe"}, `invalid boolean value "maybe" for --strict`},
		{"mistyped command", []string{"buld"}, `unknown command "buld"; did you mean "build"?`},
		{"swapped letters", []string{"chekc"}, `unknown command "chekc"; did you mean "check"?`},
		{"help for a mistyped command", []string{"help", "serv"}, `unknown command "serv"; did you mean "serve"?`},
		{"build: stray argument", []string{"build", "-s", site, "extra"}, `unexpected argument "extra"`},
		{"build: missing site", []string{"build", "-s", filepath.Join(site, "missing")}, "site directory"},
		{"check: unknown flag", []string{"check", "--strictly"}, "check: unknown flag --strictly; did you mean --strict?"},
		{"check: flag far from any", []string{"check", "--zzz"}, "check: unknown flag --zzz; expected one of --format, --strict, -s"},
		{"check: bad format", []string{"check", "-s", site, "--format", "xml"}, `--format "xml"; expected text, github or json`},
		{"check: mistyped format", []string{"check", "-s", site, "--format", "jsno"}, `--format "jsno"; did you mean "json"?`},
		{"serve: unknown flag", []string{"serve", "--port", "80"}, "serve: unknown flag --port; expected one of"},
		{"serve: misspelt flag", []string{"serve", "--adr", "80"}, "serve: unknown flag --adr; did you mean --addr?"},
		{"serve: not host:port", []string{"serve", "--addr", "8080"}, "not host:port"},
		{"serve: bad port", []string{"serve", "--addr", "127.0.0.1:http"}, "not a number"},
		{"serve: remote without --allow-remote", []string{"serve", "-s", site, "--addr", "0.0.0.0:8080"}, "--allow-remote"},
		{"serve: every interface without --allow-remote", []string{"serve", "-s", site, "--addr", ":8080"}, "--allow-remote"},
		{"serve: host name without --allow-remote", []string{"serve", "-s", site, "--addr", "example.org:8080"}, "--allow-remote"},
		{"serve: --allow-remote with no host", []string{"serve", "-s", site, "--addr", "0.0.0.0:8080", "--allow-remote", ","}, "--allow-remote HOST"},
		{"serve: --allow-remote with a URL", []string{"serve", "-s", site, "--allow-remote", "http://devbox.example/"}, "is not a host name"},
		{"new: nothing", []string{"new"}, `expected "site DIR" or "indicator ID"`},
		{"new: unknown kind", []string{"new", "page", "x"}, `unknown kind "page"`},
		{"new: mistyped kind", []string{"new", "indicatr", "x"}, `unknown kind "indicatr"; did you mean "indicator"?`},
		{"new site: missing DIR", []string{"new", "site"}, "missing DIR"},
		{"new indicator: missing ID", []string{"new", "indicator", "-s", site}, "missing ID"},
		{"new indicator: two IDs", []string{"new", "indicator", "a", "b", "-s", site}, `unexpected argument "b"`},
		{"new indicator: bad ID", []string{"new", "indicator", "Bad_ID", "-s", site}, "invalid id"},
		{"new indicator: unknown flag", []string{"new", "indicator", "x", "--site", site}, "new: unknown flag --site; did you mean -s?"},
		{"new site: -s", []string{"new", "site", filepath.Join(t.TempDir(), "x"), "-s", site}, "-s is for new indicator"},
		{"version: stray argument", []string{"version", "extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.says) {
				t.Errorf("stderr does not say %q:\n%s", tt.says, stderr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve", "new", "version"} {
		for _, args := range [][]string{{cmd, "-h"}, {cmd, "--help"}, {"help", cmd}} {
			code, stdout, stderr := runCLI(t, args...)
			help := stdout + stderr
			if code != exitOK || !strings.Contains(help, "Usage: kpisite "+cmd) || !strings.Contains(help, "Example") {
				t.Errorf("%q: exit %d, want 0 and a usage with examples:\n%s", args, code, help)
			}
		}
	}
	code, stdout, _ := runCLI(t, "--help")
	if code != exitOK || !strings.Contains(stdout, "kpisite serve") || !strings.Contains(stdout, "kpisite new") {
		t.Errorf("--help: exit %d:\n%s", code, stdout)
	}
	code, stdout, _ = runCLI(t, "version")
	if code != exitOK || !strings.HasPrefix(stdout, "kpisite ") {
		t.Errorf("version: exit %d: %q", code, stdout)
	}
}

// TestFlagStyle holds one flag style in help and usage: a one-letter flag
// with one hyphen and a value name (-s SITE), a longer one with two
// (--base-url URL), as the usage lines write them.
func TestFlagStyle(t *testing.T) {
	oneHyphenLong := regexp.MustCompile(`(?m)^\s+-[a-z][a-z-]+\b`)
	for _, cmd := range []string{"build", "check", "serve", "new"} {
		_, _, help := runCLI(t, cmd, "-h")
		options := help[strings.Index(help, "Options:"):]
		if m := oneHyphenLong.FindString(options); m != "" {
			t.Errorf("%s -h: %q is written with one hyphen:\n%s", cmd, m, options)
		}
		if !strings.Contains(options, "  -s SITE ") {
			t.Errorf("%s -h does not list -s SITE:\n%s", cmd, options)
		}
	}
	_, _, help := runCLI(t, "build", "-h")
	for _, want := range []string{"  --base-url URL  ", "  -o OUT  ", "  --strict  "} {
		if !strings.Contains(help, want) {
			t.Errorf("build -h does not list %q:\n%s", want, help)
		}
	}
}

func TestCheck(t *testing.T) {
	site := mustSmallSite(t)
	// The starter site has one indicator: counts are in the singular. Its
	// accessibility statement has FILL IN placeholders on purpose: a
	// warning until they are filled in.
	fillIn := "content/accessibility.md:5:84: warning: \"FILL IN\" placeholder left by kpisite new, and 19 more in this file; expected the real text in their place\n"
	if code, stdout, stderr := runCLI(t, "check", "-s", site); code != exitOK || stdout != fillIn || !strings.Contains(stderr, "check passed: 1 indicator, ") {
		t.Fatalf("good site: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if code, _, _ := runCLI(t, "check", "-s", site, "--strict"); code != exitInput {
		t.Errorf("--strict with FILL IN placeholders: exit %d, want 1", code)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "accessibility.md"), []byte("Filled in.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCLI(t, "check", "-s", site, "--strict"); code != exitOK || stdout != "" {
		t.Fatalf("good site, --strict: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	breakValue(t, site)

	code, stdout, stderr := runCLI(t, "check", "-s", site)
	if !strings.Contains(stderr, "check failed: 1 error, 0 warnings") {
		t.Errorf("counts are not in the singular:\n%s", stderr)
	}
	if code != exitInput || !regexp.MustCompile(`(?m)^data/values/libraries.csv:8:\d+: .*"4l2".*; expected`).MatchString(stdout) {
		t.Errorf("text: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}

	code, stdout, _ = runCLI(t, "check", "-s", site, "--format", "github")
	if code != exitInput || !regexp.MustCompile(`^::error file=data/values/libraries.csv,line=8,col=\d+::.*4l2.*\n$`).MatchString(stdout) {
		t.Errorf("github: exit %d\n%s", code, stdout)
	}

	code, stdout, _ = runCLI(t, "check", "-s", site, "--format", "json")
	var problems []map[string]any
	if err := json.Unmarshal([]byte(stdout), &problems); err != nil || code != exitInput {
		t.Fatalf("json: exit %d, %v:\n%s", code, err, stdout)
	}
	if len(problems) != 1 || problems[0]["file"] != "data/values/libraries.csv" || problems[0]["line"] != 8.0 ||
		problems[0]["severity"] != "error" || !strings.Contains(problems[0]["message"].(string), "4l2") {
		t.Errorf("json: %v", problems)
	}
}

func TestBuild(t *testing.T) {
	site := mustSmallSite(t)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCLI(t, "build", "-s", site, "-o", out, "--base-url", "https://example.github.io/kpis")
	if code != exitOK || !regexp.MustCompile(`^built \d+ pages and 1 chart in `).MatchString(stdout) {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte(`href="https://example.github.io/kpis/"`)) {
		t.Error("--base-url is not the canonical link")
	}

	breakValue(t, site)
	failed := filepath.Join(t.TempDir(), "failed")
	code, _, stderr = runCLI(t, "build", "-s", site, "-o", failed)
	if code != exitInput || !strings.Contains(stderr, "data/values/libraries.csv:8:") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("bad site: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(failed); err == nil {
		t.Error("a failed build wrote its output folder")
	}

	// A failed build over a published site leaves every byte of it.
	before := snapshot(t, out)
	if code, _, _ := runCLI(t, "build", "-s", site, "-o", out); code != exitInput {
		t.Fatalf("bad site over the published one: exit %d, want %d", code, exitInput)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Errorf("published site had %d files, has %d after a failed build", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed after a failed build", p)
		}
	}
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestPublishedHasNoScript holds "no JavaScript needed to read any page":
// a site built as it is published has no script element other than JSON-LD
// data. (The live-reload script is kpisite serve's alone.) The example site
// uses every template; it takes a few seconds (its PNG charts), so -short
// skips it.
func TestPublishedHasNoScript(t *testing.T) {
	sites := map[string]string{"starter": mustSmallSite(t), "example": "../.."}
	for name, site := range sites {
		t.Run(name, func(t *testing.T) {
			if name == "example" && testing.Short() {
				t.Skip("-short: not building the example site")
			}
			out := filepath.Join(t.TempDir(), "public")
			if code, _, stderr := runCLI(t, "build", "-s", site, "-o", out); code != exitOK {
				t.Fatalf("build: exit %d\n%s", code, stderr)
			}
			pages, jsonLD := checkNoScript(t, out)
			if pages < 10 || jsonLD == 0 {
				t.Errorf("%d pages, %d with JSON-LD: the test is not looking at a whole site", pages, jsonLD)
			}
		})
	}
}

// checkNoScript reports any script element in the HTML files under out
// other than JSON-LD data and the search page's own deferred script (an
// enhancement: the page is its A to Z list without it), and counts the
// pages and the JSON-LD elements.
func checkNoScript(t *testing.T, out string) (pages, jsonLD int) {
	t.Helper()
	script := regexp.MustCompile(`(?i)<script\b[^>]*>`)
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, tag := range script.FindAll(b, -1) {
			if string(tag) == `<script type="application/ld+json">` {
				jsonLD++
			} else if filepath.ToSlash(p) == filepath.ToSlash(filepath.Join(out, "search", "index.html")) && string(tag) == `<script src="../assets/search.js" defer>` {
				continue
			} else if filepath.ToSlash(p) == filepath.ToSlash(filepath.Join(out, "cy", "search", "index.html")) && string(tag) == `<script src="../../assets/search.js" defer>` {
				continue // the Welsh search page, one folder down
			} else {
				t.Errorf("%s: %s", p, tag)
			}
		}
		if bytes.Contains(b, []byte("_kpisite")) {
			t.Errorf("%s: refers to the live-reload server", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages, jsonLD
}

// A mistyped year passed check --strict and made the whole site a
// scorecard for 2035; a negative count went unnoticed.
func TestCheckSanity(t *testing.T) {
	site := mustSmallSite(t)
	if err := os.WriteFile(filepath.Join(site, "content", "accessibility.md"), []byte("Filled in.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(site, "data", "values", "libraries.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("library-visits,2035/36 Q1,400,,,\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, stdout, _ := runCLI(t, "check", "-s", site, "--strict")
	if code != exitInput || !strings.Contains(stdout, `data/values/libraries.csv:8: the figure for "library-visits" is for April to June 2035 (2035/36 Q1), which starts after`) {
		t.Errorf("future period: exit %d\n%s", code, stdout)
	}
	toml := filepath.Join(site, "data", "indicators", "libraries.toml")
	src, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(toml, append(src, []byte("forecast = true\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCLI(t, "check", "-s", site, "--strict"); code != exitOK {
		t.Errorf("future period with forecast = true: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "council-kpis")
	code, stdout, stderr := runCLI(t, "new", "site", dir)
	if code != exitOK || !strings.Contains(stdout, "created "+filepath.ToSlash(filepath.Join(dir, "site.toml"))) {
		t.Fatalf("new site: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "new", "site", dir); code != exitInput || !strings.Contains(stderr, "not empty") {
		t.Errorf("new site again: exit %d, want 1\n%s", code, stderr)
	}
	// Flags may come after the id.
	code, stdout, stderr = runCLI(t, "new", "indicator", "idva-referrals", "-s", dir)
	if code != exitOK || !strings.Contains(stdout, "data/indicators/idva-referrals.toml") || !strings.Contains(stdout, "content/commentary/2024-25-q2/idva-referrals.md") {
		t.Fatalf("new indicator: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "check", "-s", dir); code != exitOK {
		t.Errorf("check after new indicator: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "new", "indicator", "-s", dir, "idva-referrals"); code != exitInput || !strings.Contains(stderr, "already exists") {
		t.Errorf("new indicator again: exit %d, want 1\n%s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "new", "indicator", "x", "-s", t.TempDir()); code != exitInput || !strings.Contains(stderr, "no site.toml") {
		t.Errorf("new indicator outside a site: exit %d, want 1\n%s", code, stderr)
	}
}

// syncBuffer is a bytes.Buffer safe to write and read at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServePortInUse: a port already taken says so, and how to pick another.
func TestServePortInUse(t *testing.T) {
	site := mustSmallSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, stderr := runCLI(t, "serve", "-s", site, "--addr", ln.Addr().String())
	if code != exitInput || !strings.Contains(stderr, ln.Addr().String()+" is already in use") || !strings.Contains(stderr, "--addr 127.0.0.1:8081") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// TestServe runs kpisite serve on a free port, fetches a page, saves a
// file and sees the rebuild, and stops it as Ctrl-C does: with file
// notifications, and with --poll.
func TestServe(t *testing.T) {
	for _, tt := range []struct {
		flags   []string
		watches string
	}{
		{nil, "watching for changes: file notifications"},
		{[]string{"--poll"}, "watching for changes: polling every 250ms"},
	} {
		t.Run(strings.Join(append([]string{"serve"}, tt.flags...), " "), func(t *testing.T) {
			testServe(t, tt.flags, tt.watches)
		})
	}
}

func testServe(t *testing.T, flags []string, watches string) {
	site := mustSmallSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	args := append([]string{"serve", "-s", site, "--addr", "127.0.0.1:0"}, flags...)
	go func() { done <- run(ctx, args, &stdout, &stderr) }()

	url := ""
	re := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, stderr.String())
		default:
		}
	}
	if url == "" {
		t.Fatalf("serve printed no URL:\n%s\n%s", stdout.String(), stderr.String())
	}
	res, err := http.Get(url + "indicators/library-visits/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Contains(body, []byte("/_kpisite/reload.js")) || !bytes.Contains(body, []byte(`href="`+url+`indicators/library-visits/"`)) {
		t.Errorf("status %d; want the page with the reload script and a canonical link to the preview:\n%s", res.StatusCode, body)
	}

	// Saving a file rebuilds. (The deadline is a bound for a slow machine,
	// not a timing assertion.)
	waitFor := func(want string) {
		t.Helper()
		for deadline := time.Now().Add(time.Minute); !strings.Contains(stderr.String(), want); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("stderr never said %q:\n%s", want, stderr.String())
			}
		}
	}
	waitFor(watches)
	about := filepath.Join(site, "content", "about.md")
	page, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(about, append(page, "\nOne more sentence.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("rebuilt after a change to content/about.md")

	// An open event stream must not hold up stopping.
	events, err := http.Get(url + "_kpisite/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop after the context was cancelled")
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
