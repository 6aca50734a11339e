package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// openFDs counts this process's open descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

// A site with many more folders than descriptors kept open is written
// whole, with never more than the bound open, and nothing open after.
func TestStreamManyFolders(t *testing.T) {
	for _, tc := range []struct {
		name             string
		max              int // 0: maxOpenDirs
		folders, perDir  int
		interleave       bool // one file per folder in turn: each folder reopened
		wantOpenAtMost   int  // folder descriptors, the root's included
		wantReopenedSome bool
	}{
		{name: "bound 4, folder by folder", max: 4, folders: 60, perDir: 2, wantOpenAtMost: 1 + 4},
		{name: "bound 4, interleaved", max: 4, folders: 20, perDir: 3, interleave: true, wantOpenAtMost: 1 + 4},
		{name: "default bound", folders: maxOpenDirs + 20, perDir: 1, wantOpenAtMost: 1 + maxOpenDirs},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := openFDs(t)
			out := filepath.Join(t.TempDir(), "public")
			s, err := Begin(out, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			s.dirs.max = tc.max
			atBegin := openFDs(t) // the lock's descriptor is open too
			name := func(d, f int) string { return fmt.Sprintf("indicators/kpi-%05d/f%d.txt", d, f) }
			added := 0
			add := func(d, f int) {
				if err := s.Add(name(d, f), []byte(name(d, f))); err != nil {
					t.Fatal(err)
				}
				s.dirs.mu.Lock()
				n := s.dirs.open
				s.dirs.mu.Unlock()
				if added++; added%16 == 0 { // and as the system counts them
					n = max(n, openFDs(t)-atBegin)
				}
				if n > tc.wantOpenAtMost {
					t.Fatalf("after %s: %d folders open; want at most %d", name(d, f), n, tc.wantOpenAtMost)
				}
			}
			if tc.interleave {
				for f := 0; f < tc.perDir; f++ {
					for d := 0; d < tc.folders; d++ {
						add(d, f)
					}
				}
			} else {
				for d := 0; d < tc.folders; d++ {
					for f := 0; f < tc.perDir; f++ {
						add(d, f)
					}
				}
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			if after := openFDs(t); after != before {
				t.Errorf("%d descriptors open after Commit; %d before Begin", after, before)
			}
			got := readTree(t, out)
			if len(got) != tc.folders*tc.perDir+1 {
				t.Errorf("%d files published; want %d and the manifest", len(got), tc.folders*tc.perDir)
			}
			for d := 0; d < tc.folders; d++ {
				for f := 0; f < tc.perDir; f++ {
					if got[name(d, f)] != name(d, f) {
						t.Fatalf("%s holds %q", name(d, f), got[name(d, f)])
					}
				}
			}
		})
	}
}

// An abandoned build, with files written into several folders and a
// failed Add, closes every descriptor it opened and leaves OUT as it was.
func TestStreamAbortClosesFolders(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("old"), "a/b.html": []byte("old b")}, Options{}); err != nil {
		t.Fatal(err)
	}
	was := readTree(t, out)
	before := openFDs(t)
	s, err := Begin(out, Options{Wait: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "a/b.html", "a/c/d.html", "x/y/z/w.csv", "x/y/v.csv"} {
		if err := s.Add(p, []byte("new "+p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Add("x/y/v.csv", []byte("again")); err == nil {
		t.Error("a second write of x/y/v.csv: no error")
	}
	if n := openFDs(t); n <= before {
		t.Errorf("%d descriptors open while writing, %d before: no folder is kept open", n, before)
	}
	s.Abort()
	if after := openFDs(t); after != before {
		t.Errorf("%d descriptors open after Abort; %d before Begin", after, before)
	}
	if err := s.Add("late.html", nil); err == nil {
		t.Error("Add after Abort: no error")
	}
	now := readTree(t, out)
	if len(now) != len(was) {
		t.Errorf("OUT changed: %v; was %v", now, was)
	}
	for p, b := range was {
		if now[p] != b {
			t.Errorf("OUT's %s now holds %q; was %q", p, now[p], b)
		}
	}
	if l := leftovers(t, out, false); len(l) > 0 {
		t.Errorf("leftovers: %v", l)
	}
}

// A symbolic link planted in the temporary folder is refused, never
// followed: neither a folder's name nor a file's.
func TestStreamRefusesLinks(t *testing.T) {
	elsewhere := t.TempDir()
	target := filepath.Join(elsewhere, "target.html")
	if err := os.WriteFile(target, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := s.Add("a/index.html", []byte("ours")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct{ link, to string }{
		{"evil", elsewhere},         // a top folder
		{"a/evil", elsewhere},       // a folder inside one already open
		{"a/link.html", target},     // a file
		{"deep", elsewhere + "/.."}, // a folder whose files are further down
	} {
		if err := os.Symlink(l.to, filepath.Join(s.tmp, filepath.FromSlash(l.link))); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"evil/x.html", "evil/sub/x.html", "a/evil/x.html", "a/link.html", "deep/" + filepath.Base(elsewhere) + "/x.html"} {
		if err := s.Add(p, []byte("written through")); err == nil {
			t.Errorf("Add(%q) through a planted link: no error", p)
		}
	}
	for _, p := range []string{"evil/c.html", "a/evil/c.html", "a/link.html", "deep/" + filepath.Base(elsewhere) + "/c.html"} {
		if w, err := s.Create(p); err == nil {
			w.Close()
			t.Errorf("Create(%q) through a planted link: no error", p)
		}
	}
	entries, _ := os.ReadDir(elsewhere)
	if len(entries) != 1 {
		t.Errorf("files written beside the link's target: %v", entries)
	}
	if b, _ := os.ReadFile(target); string(b) != "theirs" {
		t.Errorf("the link's target now holds %q", b)
	}
	err = s.Add("evil/y.html", nil)
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Add through a linked folder: %v; want it to say a symbolic link", err)
	}
}

// A folder in use when the stream is closed (an Add racing Commit or
// Abort) keeps its descriptor until released, so the file being created
// is never created through a descriptor closed and reused meanwhile.
func TestStreamClosesFoldersInUseWhenReleased(t *testing.T) {
	s, err := Begin(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	e, err := s.acquire("a/b")
	if err != nil {
		t.Fatal(err)
	}
	s.closeDirs()
	var st syscall.Stat_t
	if err := syscall.Fstat(e.fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
		t.Fatalf("the folder in use was closed: %v", err)
	}
	fd := e.fd
	s.release(e)
	if e.fd != -1 || syscall.Fstat(fd, &st) == nil {
		t.Error("the folder was not closed when released")
	}
	if _, err := s.acquire("a"); !errors.Is(err, errDone) {
		t.Errorf("acquire after close: %v; want %v", err, errDone)
	}
	if s.dirs.open != 0 {
		t.Errorf("%d descriptors counted open", s.dirs.open)
	}
}

// Many goroutines writing into the same new folders at once make each
// folder once and write every file (run with -race).
func TestStreamConcurrentFoldersBounded(t *testing.T) {
	before := openFDs(t)
	out := filepath.Join(t.TempDir(), "public")
	s, err := Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.dirs.max = 2
	const workers, files = 16, 40
	var wg sync.WaitGroup
	errs := make(chan error, workers*files)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < files; i++ {
				p := fmt.Sprintf("f%d/g%d/w%d-%d.txt", i%5, i%3, w, i)
				if err := s.Add(p, []byte(p)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if after := openFDs(t); after != before {
		t.Errorf("%d descriptors open after Commit; %d before Begin", after, before)
	}
	if got := readTree(t, out); len(got) != workers*files+1 {
		t.Errorf("%d files published; want %d and the manifest", len(got), workers*files)
	}
}

// A kept file that cannot be hard-linked (another file system) is
// copied, and a kept file is never written over.
func TestStreamLinkFallsBackToCopy(t *testing.T) {
	shm, err := os.MkdirTemp("/dev/shm", "publish-test-")
	if err != nil {
		t.Skip("no /dev/shm here")
	}
	defer os.RemoveAll(shm)
	s, err := Begin(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	src := filepath.Join(shm, "index.html")
	if err := os.WriteFile(src, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	var a, b syscall.Stat_t
	if err := syscall.Stat(shm, &a); err != nil || syscall.Stat(s.tmp, &b) != nil || a.Dev == b.Dev {
		t.Skip("/dev/shm is on the temporary folder's file system")
	}
	if copied, err := s.linkFile(src, "a/index.html"); err != nil || !copied {
		t.Fatalf("linkFile = %v, %v; want a copy", copied, err)
	}
	if got, _ := os.ReadFile(filepath.Join(s.tmp, "a", "index.html")); string(got) != "kept" {
		t.Errorf("the copy holds %q", got)
	}
	if _, err := s.linkFile(src, "a/index.html"); err == nil {
		t.Error("a second kept file at the same path: no error")
	}
}
