package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"kpisite/generator/load"
)

// brokenSite is the small site with every kind of file the site folder's
// reader treats apart: links inside and outside the site (to files and
// to folders), a dangling link, a file too large, a file that is not
// UTF-8, and a folder where a file should be.
func brokenSite(t *testing.T) string {
	t.Helper()
	site := mustSmallSite(t)
	at := func(p string) string { return filepath.Join(site, filepath.FromSlash(p)) }
	write := func(p, text string) {
		os.MkdirAll(filepath.Dir(at(p)), 0o755)
		if err := os.WriteFile(at(p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("shared/inside.md", "# Inside\n\nLINKED-INSIDE.\n")
	link(t, filepath.Join("..", "shared", "inside.md"), at("content/inside.md"))
	link(t, secret(t, "SECRET-FIRST-LINE"), at("content/outside.md"))
	link(t, filepath.Join(site, "nowhere.md"), at("content/dangling.md"))
	write("shared/notes/2024-25-q1/libraries-open-hours.md", "Linked folder LINKED-FOLDER.\n")
	// A folder of content/ that is a link is an unexpected file (the
	// walk does not follow links); data/values/ is read through its link.
	os.RemoveAll(at("content/commentary/2024-25-q1"))
	os.RemoveAll(at("content/commentary/2024-25-q2"))
	link(t, filepath.Join("..", "..", "shared", "notes", "2024-25-q1"), at("content/commentary/2024-25-q1"))
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "libraries-visits.md"), []byte("SECRET-FIRST-LINE\n"), 0o644)
	link(t, outside, at("content/commentary/2024-25-q2"))
	if err := os.Rename(at("data/values"), at("shared/values")); err != nil {
		t.Fatal(err)
	}
	link(t, filepath.Join("..", "shared", "values"), at("data/values"))
	write("content/latin1.md", "caf\xe9\n")
	write("content/empty.md", "")
	big := at("content/big.md")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, load.MaxMarkdownBytes+1); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(at("content/folder.md"), 0o755)
	return site
}

// TestSiteFSReadsAsRoot: the site folder's quick reader finds exactly
// what os.Root's file system finds, problems and all, and reads nothing
// outside the site.
func TestSiteFSReadsAsRoot(t *testing.T) {
	root, fsys := rootAndSite(t, brokenSite(t))
	want, wantPs := load.Site(root.FS())
	got, gotPs := load.Site(fsys)
	if g, w := gotPs.String(), wantPs.String(); g != w {
		t.Errorf("problems differ:\n%s\nwant (os.Root):\n%s", g, w)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the site read differs from os.Root's")
	}
	for _, w := range []string{"content/outside.md: is a link to a file outside the site folder", "content/big.md: file is 16.0 MB; expected at most 16 MB", "content/latin1.md:1:4: file is not valid UTF-8", "content/commentary/2024-25-q2: unexpected file"} {
		if !strings.Contains(gotPs.String(), w) {
			t.Errorf("missing problem %q:\n%s", w, gotPs)
		}
	}
	if strings.Contains(gotPs.String(), "SECRET") {
		t.Errorf("the outside file was quoted:\n%s", gotPs)
	}
	if len(got.Observations) == 0 {
		t.Error("no observations read through data/values/, a link inside the site")
	}
	for _, p := range got.Content.Pages {
		if bytes.Contains(p.Body, []byte("SECRET")) {
			t.Errorf("%s: read from outside the site", p.Path)
		}
	}
}

// TestSiteFSReadWhole: a regular file is read by the quick reader (on
// Linux); links, folders, missing files and paths out of the site are
// left to os.Root.
func TestSiteFSReadWhole(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the quick reader is for Linux")
	}
	site := brokenSite(t)
	fsys, err := openSite(site)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for _, tt := range []struct {
		name string
		ok   bool
		size int64
	}{
		{"shared/inside.md", true, 25},
		{"content/empty.md", true, 0},
		{"content/big.md", true, load.MaxMarkdownBytes + 1},
		{"data/values/libraries.csv", true, 0}, // its folder is a link inside the site
		{"content/inside.md", false, 0},
		{"content/outside.md", false, 0},
		{"content/dangling.md", false, 0},
		{"content/missing.md", false, 0},
		{"content/folder.md", false, 0},
		{"content/commentary/2024-25-q2/libraries-visits.md", false, 0},
		{"../site/content/latin1.md", false, 0},
		{"/etc/passwd", false, 0},
		{".", false, 0},
	} {
		b, size, ok := fsys.ReadWhole(tt.name, load.MaxMarkdownBytes)
		if tt.size == 0 && tt.ok {
			st, err := os.Stat(filepath.Join(site, filepath.FromSlash(tt.name)))
			if err != nil {
				t.Fatal(err)
			}
			tt.size = st.Size()
		}
		if ok != tt.ok || size != tt.size {
			t.Errorf("%s: ReadWhole = size %d, %v; want %d, %v", tt.name, size, ok, tt.size, tt.ok)
			continue
		}
		if ok && size <= load.MaxMarkdownBytes {
			want, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(tt.name)))
			if err != nil || !bytes.Equal(b, want) {
				t.Errorf("%s: read %q; want %q (%v)", tt.name, b, want, err)
			}
		}
		if !ok && b != nil {
			t.Errorf("%s: bytes given with ok false", tt.name)
		}
	}
	// A session has folders of its own, closed with it.
	s := fsys.session()
	if _, _, ok := s.ReadWhole("shared/inside.md", 100); !ok {
		t.Error("a session cannot read")
	}
	s.Close()
	if _, _, ok := s.ReadWhole("shared/inside.md", 100); ok {
		t.Error("a closed session read a file")
	}
	if _, _, ok := fsys.ReadWhole("shared/inside.md", 100); !ok {
		t.Error("closing a session closed the site's folders")
	}
}

// TestSiteFSReadDir: a folder's entries are os.Root's: the same names in
// the same order, of the same kinds, with the same details.
func TestSiteFSReadDir(t *testing.T) {
	site := brokenSite(t)
	if err := syscall.Mkfifo(filepath.Join(site, "content", "pipe"), 0o644); err != nil {
		t.Log(err)
	}
	root, fsys := rootAndSite(t, site)
	for _, dir := range []string{".", "content", "content/commentary", "content/commentary/2024-25-q1", "content/commentary/2024-25-q2", "data", "shared/values", "content/missing", "content/about.md", "content/inside.md", "../site", "data/values"} {
		want, werr := fs.ReadDir(root.FS(), dir)
		got, gerr := fs.ReadDir(fsys, dir)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("%s: error %v; want %v", dir, gerr, werr)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d entries; want %d", dir, len(got), len(want))
			continue
		}
		for i := range got {
			g, w := got[i], want[i]
			gi, gerr := g.Info()
			wi, werr := w.Info()
			if g.Name() != w.Name() || g.Type() != w.Type() || g.IsDir() != w.IsDir() || (gerr == nil) != (werr == nil) ||
				gerr == nil && (gi.Mode() != wi.Mode() || gi.Size() != wi.Size() || !gi.ModTime().Equal(wi.ModTime())) {
				t.Errorf("%s: entry %d is %v; want %v", dir, i, g, w)
			}
		}
	}
	if _, ok := fsys.folders.readDir(fsys.rfs, "content"); runtime.GOOS == "linux" && !ok {
		t.Error("the folder's entries were not read from its handle")
	}
}

// rootAndSite opens site both through os.Root (what the quick reader is
// held to) and as kpisite reads it; both are closed when the test ends.
func rootAndSite(t *testing.T, site string) (*os.Root, *siteFS) {
	t.Helper()
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	fsys, err := openSite(site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fsys.Close() })
	return root, fsys
}
