package publish

import (
	"os"
	"path/filepath"
	"strings"
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
	if err := s.Add("dup.html", nil); err != nil {
		t.Fatal(err)
	}
	// The second write of a path fails at once (it could be a file kept
	// from the previous build, a hard link into OUT), and so does Commit.
	if err := s.Add("dup.html", nil); err == nil || !strings.Contains(err.Error(), "two files write dup.html") {
		t.Errorf("Add of a path twice: %v", err)
	}
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "two files write dup.html") {
		t.Errorf("Commit with a path twice: %v", err)
	}
}
