package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A streamed build publishes exactly what Write publishes, manifest
// included, whatever order its files come in.
func TestStreamSameAsWrite(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("home"), "a/b/index.html": []byte("b"), "a/c.csv": []byte("c"), "z.txt": nil}
	dir := t.TempDir()
	written, streamed := filepath.Join(dir, "written"), filepath.Join(dir, "streamed")
	if err := Write(written, files, Options{}); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(streamed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"z.txt", "a/c.csv", "index.html", "a/b/index.html"} {
		if err := s.Add(p, files[p]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	w, st := readTree(t, written), readTree(t, streamed)
	if len(w) != len(st) {
		t.Fatalf("streamed %v; written %v", st, w)
	}
	for p, b := range w {
		if st[p] != b {
			t.Errorf("%s: streamed %q, written %q", p, st[p], b)
		}
	}
	// A second streamed build replaces the first as a whole.
	s, err = Begin(streamed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add("only.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, streamed); len(got) != 2 || got["only.html"] != "x" {
		t.Errorf("second build: %v", got)
	}
}

// An abandoned build leaves OUT as it was and nothing beside it, and the
// lock is free for the next build.
func TestStreamAbort(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("old")}, Options{}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	s, err := Begin(out, Options{Wait: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if err := s.Add("late.html", nil); err == nil {
		t.Error("Add after Abort: no error")
	}
	after := readTree(t, out)
	if len(after) != len(before) || after["index.html"] != "old" {
		t.Errorf("OUT changed: %v", after)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside OUT: %v", names)
	}
	s, err = Begin(out, Options{Wait: -1})
	if err != nil {
		t.Fatalf("lock not released: %v", err)
	}
	s.Abort()
}

func TestStreamRefusesBadPaths(t *testing.T) {
	s, err := Begin(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, p := range []string{"../x", "/abs", "a\\b", ".", ManifestName, ""} {
		if err := s.Add(p, nil); err == nil || !strings.Contains(err.Error(), "invalid output path") {
			t.Errorf("Add(%q): %v; want invalid output path", p, err)
		}
	}
	if err := s.Add("dup.html", []byte("first")); err != nil {
		t.Fatal(err)
	}
	// The second write of a path fails at once (it could be a file kept
	// from the previous build, a hard link into OUT), and so does Commit.
	if err := s.Add("dup.html", nil); err == nil || !strings.Contains(err.Error(), "two files write dup.html") {
		t.Errorf("Add of a path twice: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(s.tmp, "dup.html")); string(b) != "first" {
		t.Errorf("the second Add wrote over the first file: %q", b)
	}
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "two files write dup.html") {
		t.Errorf("Commit with a path twice: %v", err)
	}
}

// Many goroutines adding files into the same new folders at once: each
// folder is made once, every file is written, and a path added twice is
// refused (run with -race).
func TestStreamConcurrentSameFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	const workers = 32
	var wg sync.WaitGroup
	errs := make([]error, workers)
	dups := make([]error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := fmt.Sprintf("reports/2025-26-q4/charts/kpi-%02d.svg", w)
			if errs[w] = s.Add(p, []byte(p)); errs[w] == nil {
				dups[w] = s.Add(p, []byte("again"))
			}
		}()
	}
	wg.Wait()
	for w := 0; w < workers; w++ {
		if errs[w] != nil {
			t.Error(errs[w])
		}
		if dups[w] == nil || !strings.Contains(dups[w].Error(), "two files write") {
			t.Errorf("second Add of one path: %v; want two files write", dups[w])
		}
	}
	if err := s.Add("reports/2025-26-q4/index.html", []byte("report")); err != nil {
		t.Fatal(err)
	}
	// The failed second Adds left Commit an error to report.
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "two files write") {
		t.Fatalf("Commit after paths added twice: %v", err)
	}

	// And without the duplicates, the same build is published whole.
	s, err = Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := fmt.Sprintf("reports/2025-26-q4/charts/kpi-%02d.svg", w)
			if err := s.Add(p, []byte(p)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, out)
	if len(got) != workers+1 {
		t.Errorf("%d files published; want %d and the manifest", len(got), workers)
	}
	for w := 0; w < workers; w++ {
		p := fmt.Sprintf("reports/2025-26-q4/charts/kpi-%02d.svg", w)
		if got[p] != p {
			t.Errorf("%s holds %q", p, got[p])
		}
	}
}
