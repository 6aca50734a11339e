package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fdCount counts this process's open descriptors (Linux only; -1 elsewhere).
func fdCount(t *testing.T) int {
	t.Helper()
	if runtime.GOOS != "linux" {
		return -1
	}
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// A file written through Create is published as Add would publish it,
// manifest included, on disk and into a mount point.
func TestCreateSameAsAdd(t *testing.T) {
	for _, m := range []struct {
		name string
		o    Options
	}{{"swap", Options{}}, {"mount point", Options{inPlace: true}}} {
		t.Run(m.name, func(t *testing.T) {
			dir := t.TempDir()
			added, created := filepath.Join(dir, "added"), filepath.Join(dir, "created")
			if m.o.inPlace {
				os.MkdirAll(added, 0o755)
				os.MkdirAll(created, 0o755)
			}
			big := strings.Repeat("report row\n", 50000)
			s, err := Begin(added, m.o)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Add("index.html", []byte("home")); err != nil {
				t.Fatal(err)
			}
			if err := s.Add("reports/q4/index.html", []byte(big)); err != nil {
				t.Fatal(err)
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			s, err = Begin(created, m.o)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Add("index.html", []byte("home")); err != nil {
				t.Fatal(err)
			}
			w, err := s.Create("reports/q4/index.html")
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 50000; i++ {
				if _, err := fmt.Fprint(w, "report row\n"); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			a, c := readTree(t, added), readTree(t, created)
			if len(a) != len(c) || len(c) < 3 {
				t.Fatalf("created %d files; added %d", len(c), len(a))
			}
			for p, b := range a {
				if c[p] != b {
					t.Errorf("%s: created %d bytes, added %d", p, len(c[p]), len(b))
				}
			}
		})
	}
}

// Two writers of one path, or a writer and Add: the second is refused.
func TestCreateTwice(t *testing.T) {
	for _, m := range []struct {
		name string
		o    Options
	}{{"swap", Options{}}, {"mount point", Options{inPlace: true}}} {
		t.Run(m.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if m.o.inPlace {
				os.MkdirAll(out, 0o755)
			}
			s, err := Begin(out, m.o)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			w, err := s.Create("a/index.html")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Create("a/index.html"); err == nil || !strings.Contains(err.Error(), "two files write a/index.html") {
				t.Errorf("second Create: %v", err)
			}
			if err := s.Add("a/index.html", []byte("x")); err == nil || !strings.Contains(err.Error(), "two files write a/index.html") {
				t.Errorf("Add after Create: %v", err)
			}
			w.Close()
			for _, p := range []string{"", "../x", "/abs", ManifestName} {
				if _, err := s.Create(p); err == nil {
					t.Errorf("Create(%q) accepted", p)
				}
			}
		})
	}
}

// Abort with a writer open leaves OUT as it was, nothing beside it, and
// no descriptor open; the writer's later writes fail.
func TestCreateAbort(t *testing.T) {
	for _, m := range []struct {
		name string
		o    Options
	}{{"swap", Options{}}, {"mount point", Options{inPlace: true}}} {
		t.Run(m.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			first, err := Begin(out, m.o)
			if err != nil {
				t.Fatal(err)
			}
			if err := first.Add("old.html", []byte("old")); err != nil {
				t.Fatal(err)
			}
			if err := first.Commit(); err != nil {
				t.Fatal(err)
			}
			before := fdCount(t)
			s, err := Begin(out, m.o)
			if err != nil {
				t.Fatal(err)
			}
			w, err := s.Create("deep/er/index.html")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write([]byte("half a page")); err != nil {
				t.Fatal(err)
			}
			s.Abort()
			if _, err := w.Write([]byte("more")); err == nil {
				t.Error("a write after Abort succeeded")
			}
			if err := w.Close(); err == nil {
				t.Error("Close after Abort succeeded")
			}
			if got := readTree(t, out); got["old.html"] != "old" || len(got) != 2 {
				t.Errorf("OUT after Abort: %v", got)
			}
			if l := leftovers(t, out, m.o.inPlace); len(l) > 0 {
				t.Errorf("left behind: %v", l)
			}
			if after := fdCount(t); after != before {
				t.Errorf("%d descriptors open before, %d after", before, after)
			}
			// Commit with a writer open fails and publishes nothing.
			s, err = Begin(out, m.o)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Create("index.html"); err != nil {
				t.Fatal(err)
			}
			if err := s.Commit(); err == nil {
				t.Error("Commit with a writer open succeeded")
			}
			if got := readTree(t, out); got["old.html"] != "old" || len(got) != 2 {
				t.Errorf("OUT after a failed Commit: %v", got)
			}
			if after := fdCount(t); after != before {
				t.Errorf("%d descriptors open before, %d after Commit", before, after)
			}
		})
	}
}
