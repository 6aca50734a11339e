package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain lets a test run this binary as kpisite itself, as a separate
// process (KPISITE_TEST_MAIN=1), to race real processes.
func TestMain(m *testing.M) {
	if os.Getenv("KPISITE_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// TestOutOverTheSource: -o naming the site, a folder above it, or a
// repository is refused, and not one file of them changes.
func TestOutOverTheSource(t *testing.T) {
	site := mustSmallSite(t)
	// Give each folder an index.html, which earlier versions took as
	// proof of an output.
	repo := filepath.Join(t.TempDir(), "repo")
	for _, f := range []string{filepath.Join(site, "index.html"), filepath.Join(repo, ".git", "HEAD"), filepath.Join(repo, "index.html")} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ name, out, says string }{
		{"the site", site, "is the site folder itself"},
		{"the site with a trailing slash", site + "/", "is the site folder itself"},
		{"the folder above the site", filepath.Dir(site), "holds the site folder"},
		{"a repository", repo, "holds .git"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, beforeRepo := snapshot(t, site), snapshot(t, repo)
			code, _, stderr := runCLI(t, "build", "-s", site, "-o", tt.out)
			if code != exitInput || !strings.Contains(stderr, tt.says) || !strings.Contains(stderr, "-o") {
				t.Errorf("exit %d; want %d and %q with what to do:\n%s", code, exitInput, tt.says, stderr)
			}
			if !sameFiles(before, snapshot(t, site)) || !sameFiles(beforeRepo, snapshot(t, repo)) {
				t.Error("files changed")
			}
		})
	}
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for p, x := range a {
		if y, ok := b[p]; !ok || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

// secret is a file outside the site whose bytes must never be published
// or printed.
func secret(t *testing.T, first string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "outside.txt")
	if err := os.WriteFile(p, []byte(first+"\nSECRET-SECOND-LINE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func link(t *testing.T, target, name string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	os.Remove(name)
	if err := os.Symlink(target, name); err != nil {
		t.Skip(err)
	}
}

// TestSymlinkEscapes: a file of the site that is a link to a file outside
// it is an error where it is, and nothing of the outside file is
// published or printed.
func TestSymlinkEscapes(t *testing.T) {
	tests := []struct {
		name, file, first string
		commands          [][]string
	}{
		{"content page", "content/about.md", "SECRET-FIRST-LINE", [][]string{{"check"}, {"build"}}},
		{"values CSV", "data/values/libraries.csv", "SECRET-FIRST-LINE,period,value", [][]string{{"check"}, {"build"}}},
		{"indicator file", "data/indicators/libraries.toml", "SECRET-FIRST-LINE = 1", [][]string{{"check"}, {"build"}}},
		{"theme asset", "themes/default/assets/leak.txt", "SECRET-FIRST-LINE", [][]string{{"build"}}},
		{"theme template", "themes/default/templates/page.html", "SECRET-FIRST-LINE", [][]string{{"build"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := mustSmallSite(t)
			link(t, secret(t, tt.first), filepath.Join(site, filepath.FromSlash(tt.file)))
			for _, cmd := range tt.commands {
				out := filepath.Join(t.TempDir(), "out")
				args := append(cmd, "-s", site)
				if cmd[0] == "build" {
					args = append(args, "-o", out)
				}
				code, stdout, stderr := runCLI(t, args...)
				want := tt.file + ": is a link to a file outside the site folder"
				if code != exitInput || !strings.Contains(stdout+stderr, want) {
					t.Errorf("%s: exit %d; want %d and %q:\n%s%s", cmd[0], code, exitInput, want, stdout, stderr)
				}
				if strings.Contains(stdout+stderr, "SECRET") {
					t.Errorf("%s: printed the outside file:\n%s%s", cmd[0], stdout, stderr)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s: wrote the output", cmd[0])
				}
			}
		})
	}
}

// TestSymlinkFolderEscape: a folder of the site that links out.
func TestSymlinkFolderEscape(t *testing.T) {
	site := mustSmallSite(t)
	outside := t.TempDir()
	os.Rename(filepath.Join(site, "data", "values"), filepath.Join(outside, "values"))
	link(t, filepath.Join(outside, "values"), filepath.Join(site, "data", "values"))
	code, stdout, stderr := runCLI(t, "check", "-s", site)
	if want := "data/values: is a link to a folder outside the site folder"; code != exitInput || !strings.Contains(stdout+stderr, want) {
		t.Errorf("exit %d; want %q:\n%s%s", code, want, stdout, stderr)
	}
}

// TestSymlinkInsideTheSite: a link that stays inside the site is read.
func TestSymlinkInsideTheSite(t *testing.T) {
	site := mustSmallSite(t)
	shared := filepath.Join(site, "shared", "about.md")
	os.MkdirAll(filepath.Dir(shared), 0o755)
	os.WriteFile(shared, []byte("# About\n\nShared text LINKED-INSIDE.\n"), 0o644)
	link(t, filepath.Join("..", "shared", "about.md"), filepath.Join(site, "content", "about.md"))
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", out); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "about", "index.html"))
	if err != nil || !bytes.Contains(b, []byte("LINKED-INSIDE")) {
		t.Errorf("the linked page was not built: %v", err)
	}
}

// startServe runs kpisite serve and returns its address; it stops at the
// end of the test.
func startServe(t *testing.T, args ...string) (url string, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout syncBuffer
	stderr = &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"serve"}, args...), &stdout, stderr) }()
	t.Cleanup(func() { cancel(); <-done })
	re := regexp.MustCompile(`at (http://[^ ]+/) `)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], stderr
		}
		select {
		case err := <-done:
			done <- err // for the cleanup
			t.Fatalf("serve stopped: %v\n%s", err, stderr.String())
		default:
		}
	}
	t.Fatalf("serve printed no URL:\n%s", stderr.String())
	return "", nil
}

func fetch(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestServeSymlinkEscape: serve reads the site as build does.
func TestServeSymlinkEscape(t *testing.T) {
	site := mustSmallSite(t)
	link(t, secret(t, "SECRET-FIRST-LINE"), filepath.Join(site, "content", "about.md"))
	url, stderr := startServe(t, "-s", site, "--addr", "127.0.0.1:0")
	code, body := fetch(t, url+"about/", "")
	if code != http.StatusInternalServerError || !strings.Contains(body, "is a link to a file outside the site folder") || strings.Contains(body, "SECRET") {
		t.Errorf("status %d; want the error page without the outside file:\n%s", code, body)
	}
	if strings.Contains(stderr.String(), "SECRET") {
		t.Errorf("serve printed the outside file:\n%s", stderr.String())
	}
}

// TestServeHostHeader: a request for another host name (DNS rebinding)
// gets 421; --allow-remote names the hosts that are answered.
func TestServeHostHeader(t *testing.T) {
	site := mustSmallSite(t)
	url, _ := startServe(t, "-s", site, "--addr", "127.0.0.1:0", "--allow-remote", "devbox.example")
	for _, tt := range []struct {
		host string
		want int
	}{
		{"", http.StatusOK},
		{"localhost:8080", http.StatusOK},
		{"[::1]", http.StatusOK},
		{"devbox.example:8080", http.StatusOK},
		{"attacker.example", http.StatusMisdirectedRequest},
		{"attacker.example:8080", http.StatusMisdirectedRequest},
	} {
		if code, body := fetch(t, url+"data/all.csv", tt.host); code != tt.want {
			t.Errorf("Host %q: status %d, want %d\n%s", tt.host, code, tt.want, body)
		}
	}
}

// TestConcurrentBuildProcesses races real kpisite processes into one OUT:
// each exits 0 with a whole site published, or fails saying why; never
// exits 0 leaving a broken site.
func TestConcurrentBuildProcesses(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1730419200")
	site := mustSmallSite(t)
	out := filepath.Join(t.TempDir(), "public")
	want := filepath.Join(t.TempDir(), "want")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", want); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	wantFiles := map[string][]byte{}
	for p, b := range snapshot(t, want) {
		rel, _ := filepath.Rel(want, p)
		wantFiles[rel] = b
	}
	for round := range 3 {
		var wg sync.WaitGroup
		results := make([]string, 4)
		codes := make([]int, 4)
		for i := range results {
			wg.Go(func() {
				cmd := exec.Command(os.Args[0], "build", "-s", site, "-o", out)
				cmd.Env = append(os.Environ(), "KPISITE_TEST_MAIN=1")
				b, err := cmd.CombinedOutput()
				results[i] = string(b)
				if ee, ok := err.(*exec.ExitError); ok {
					codes[i] = ee.ExitCode()
				} else if err != nil {
					codes[i] = -1
				}
			})
		}
		wg.Wait()
		for i, code := range codes {
			if code != 0 {
				t.Errorf("round %d, build %d: exit %d:\n%s", round, i, code, results[i])
			}
		}
		got := map[string][]byte{}
		for p, b := range snapshot(t, out) {
			rel, _ := filepath.Rel(out, p)
			got[rel] = b
		}
		if !sameFiles(got, wantFiles) {
			t.Fatalf("round %d: OUT has %d files, want %d (the site as one build makes it)", round, len(got), len(wantFiles))
		}
		entries, _ := os.ReadDir(filepath.Dir(out))
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		// The cache, the fragment store, and the site replaced kept as the spare.
		if n := fmt.Sprint(names); n != "[public public.kpisite-cache public.kpisite-fragments]" && n != "[public public.kpisite-cache public.kpisite-fragments public.kpisite-spare]" {
			t.Errorf("round %d: beside OUT: %v", round, names)
		}
	}
}
