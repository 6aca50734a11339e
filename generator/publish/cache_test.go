package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// publishWithCache publishes files to out with a build cache, recording
// them as one page named "page" with key.
func publishWithCache(t *testing.T, out string, key byte, files map[string]string) *Stream {
	t.Helper()
	s, err := Begin(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for p, data := range files {
		if err := s.Add(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	s.Made("page", [32]byte{key}, paths, []byte(fmt.Sprintf("note %d", key)))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCacheKeepsUnchangedPages(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("file identities are read on Linux only")
	}
	out := filepath.Join(t.TempDir(), "public")
	publishWithCache(t, out, 1, map[string]string{"a/index.html": "A", "a/data.csv": "1"})
	if _, err := os.Stat(out + cacheSuffix); err != nil {
		t.Fatalf("no cache written: %v", err)
	}

	// Same key: kept, as hard links to OUT's files.
	s, err := Begin(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := s.Reuse("page", [32]byte{2}); ok {
		t.Error("a page with another key was kept")
	}
	if _, _, ok := s.Reuse("other", [32]byte{1}); ok {
		t.Error("a page the cache does not have was kept")
	}
	paths, note, ok := s.Reuse("page", [32]byte{1})
	sort.Strings(paths)
	if !ok || strings.Join(paths, ",") != "a/data.csv,a/index.html" {
		t.Fatalf("Reuse = %v, %v", paths, ok)
	}
	if string(note) != "note 1" {
		t.Errorf("Reuse note = %q, want the note Made recorded", note)
	}
	kept, _ := os.Stat(filepath.Join(s.tmp, "a", "index.html"))
	orig, _ := os.Stat(filepath.Join(out, "a", "index.html"))
	if !os.SameFile(kept, orig) {
		t.Error("the kept file is not a link to OUT's")
	}
	// Writing a kept path again fails and leaves OUT's file alone.
	if err := s.Add("a/index.html", []byte("XX")); err == nil {
		t.Error("a kept file was written over")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a", "index.html")); string(b) != "A" {
		t.Errorf("OUT's file now holds %q", b)
	}
	s.Abort()
}

func TestCacheDistrustsChangedFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("file identities are read on Linux only")
	}
	cases := map[string]func(t *testing.T, out string){
		"edited": func(t *testing.T, out string) {
			name := filepath.Join(out, "index.html")
			st, _ := os.Stat(name)
			if err := os.WriteFile(name, []byte("B"), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(name, st.ModTime(), st.ModTime()) // same size, same time
		},
		"removed":         func(t *testing.T, out string) { os.Remove(filepath.Join(out, "index.html")) },
		"manifest edited": func(t *testing.T, out string) { os.WriteFile(filepath.Join(out, ManifestName), []byte("#\n"), 0o644) },
		"index damaged": func(t *testing.T, out string) {
			b, _ := os.ReadFile(out + cacheSuffix)
			b[len(b)-2] ^= 1
			os.WriteFile(out+cacheSuffix, b, 0o644)
		},
	}
	for name, harm := range cases {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			publishWithCache(t, out, 1, map[string]string{"index.html": "A"})
			harm(t, out)
			s, err := Begin(out, Options{Cache: true, CacheID: []byte("test")})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			if _, _, ok := s.Reuse("page", [32]byte{1}); ok {
				t.Error("kept a page whose file or cache was changed")
			}
		})
	}
	t.Run("another build", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		publishWithCache(t, out, 1, map[string]string{"index.html": "A"})
		s, err := Begin(out, Options{Cache: true, CacheID: []byte("another")})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Abort()
		if _, _, ok := s.Reuse("page", [32]byte{1}); ok {
			t.Error("kept a page of a cache written by another build")
		}
	})
}

// A build without the cache, or one that publishes, leaves no stale cache:
// the one it replaces is removed before OUT is.
func TestNoCacheRemovesIt(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	publishWithCache(t, out, 1, map[string]string{"index.html": "A"})
	s, err := Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add("index.html", []byte("B")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out + cacheSuffix); err == nil {
		t.Error("a build without the cache left the previous one")
	}
}

// HasCache finds a cache file beside OUT, and nothing else there.
func TestHasCache(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if HasCache(out) {
		t.Fatal("a cache found where there is none")
	}
	if err := os.Mkdir(out+cacheSuffix, 0o755); err != nil {
		t.Fatal(err)
	}
	if HasCache(out) {
		t.Fatal("a folder taken for the cache")
	}
	if err := os.Remove(out + cacheSuffix); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out+cacheSuffix, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !HasCache(out) {
		t.Fatal("the cache beside OUT not found")
	}
}
