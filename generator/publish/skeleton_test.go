package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// skeletonGens are a cold build's site and the next build's: a folder
// goes (c/d), one becomes a file (b/x), one is new (e).
var (
	skelG1 = gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(1, "b/x/index.html"), "C": page(1, "c/d/index.html")}
	skelG2 = gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(2, "b/x"), "C": page(2, "c/index.html"), "E": page(1, "e/index.html")}
)

// coldBuild is a cold build of skelG1 into a new OUT, which must leave its
// skeleton beside OUT: exactly the site's folders, no file, recorded.
func coldBuild(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, out, skelG1) // checks the record, the skeleton's folders included
	spare := out + spareSuffix
	if got, want := folderList(t, spare), folderList(t, out); !slices.Equal(got, want) {
		t.Fatalf("skeleton folders %v, want OUT's %v", got, want)
	}
	if files := fileList(t, spare); len(files) != 0 {
		t.Fatalf("the skeleton holds files: %v", files)
	}
	idx := readIndex(t, out)
	if idx.Spare == nil || idx.Spare.Manifest != "" || len(idx.Spare.Pages) != 0 || len(idx.Spare.Dirs) != len(folderList(t, out))+1 {
		t.Fatalf("the skeleton's record: %+v", idx.Spare)
	}
	return out
}

// fileList is every name under root that is not a folder.
func fileList(t *testing.T, root string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

func readIndex(t *testing.T, out string) *cacheIndex {
	t.Helper()
	data, err := os.ReadFile(out + cacheSuffix)
	if err != nil {
		t.Fatal(err)
	}
	idx, why := parseCache(data, "74657374", out) // hex of "test"
	if idx == nil {
		t.Fatalf("cache not read: %s", why)
	}
	return idx
}

func inode(t *testing.T, name string) uint64 {
	t.Helper()
	id, err := dirID(name)
	if err != nil || !id.Valid {
		t.Fatalf("%s: %v", name, err)
	}
	return id.Ino
}

// The rebuild after a cold build turns the skeleton into its site: its
// folders are the skeleton's (the same inodes, none made again but the
// new one), those it does not use are gone, one where it has a file is
// replaced by the file, and the site is exactly the build's.
func TestSkeletonUsed(t *testing.T) {
	needIdentities(t)
	out := coldBuild(t)
	root, a := inode(t, out+spareSuffix), inode(t, filepath.Join(out+spareSuffix, "a"))
	if got, want := mustBuild(t, out, skelG2), (Counts{Linked: 1, Written: 3}); got != want {
		t.Errorf("rebuild: %+v, want %+v", got, want)
	}
	if inode(t, out) != root || inode(t, filepath.Join(out, "a")) != a {
		t.Error("the rebuild did not publish the skeleton's folders")
	}
	if got, want := folderList(t, out), []string{"a", "b", "c", "e"}; !slices.Equal(got, want) {
		t.Errorf("folders published: %v, want %v", got, want)
	}
	// The cold build's site is now the spare, and is used in turn.
	if got, want := mustBuild(t, out, skelG1), (Counts{Kept: 3}); got != want {
		t.Errorf("build back: %+v, want %+v", got, want)
	}
}

// A skeleton changed by hand (a folder added, removed or replaced, a file
// planted, even with the folder's times put back) is caught: it is
// deleted, never used, and nothing planted is published.
func TestSkeletonDistrusted(t *testing.T) {
	needIdentities(t)
	for _, tc := range []struct {
		name string
		edit func(t *testing.T, spare string)
	}{
		{"folder added", func(t *testing.T, spare string) { mkdir(t, filepath.Join(spare, "a", "planted")) }},
		{"folder removed", func(t *testing.T, spare string) { rmdir(t, filepath.Join(spare, "c", "d")) }},
		{"folder replaced", func(t *testing.T, spare string) {
			rmdir(t, filepath.Join(spare, "a"))
			mkdir(t, filepath.Join(spare, "a"))
		}},
		{"top folder replaced", func(t *testing.T, spare string) {
			if err := os.Rename(spare, spare+"-x"); err != nil {
				t.Fatal(err)
			}
			mkdir(t, spare)
		}},
		{"file planted", func(t *testing.T, spare string) {
			st, _ := os.Stat(filepath.Join(spare, "a"))
			if err := os.WriteFile(filepath.Join(spare, "a", "planted.html"), []byte("planted"), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(filepath.Join(spare, "a"), st.ModTime(), st.ModTime())
		}},
		{"manifest planted", func(t *testing.T, spare string) {
			if err := os.WriteFile(filepath.Join(spare, ManifestName), []byte(manifestHead+"a/planted.html\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"not a folder", func(t *testing.T, spare string) {
			if err := os.RemoveAll(spare); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(spare, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := coldBuild(t)
			spare := out + spareSuffix
			root := inode(t, spare)
			tc.edit(t, spare)
			var logged strings.Builder
			if _, err := buildGen(t, out, skelG2, Options{Log: &logged}); err != nil {
				t.Fatal(err)
			}
			sameSite(t, out, skelG2)
			checkRecord(t, out)
			if inode(t, out) == root {
				t.Error("the changed skeleton was used")
			}
			if !strings.Contains(logged.String(), "was not used") {
				t.Errorf("log %q does not say the spare was not used", logged.String())
			}
			for _, l := range leftovers(t, out, false) {
				if strings.Contains(l, newSuffix) {
					t.Errorf("left over: %s", l)
				}
			}
			mustBuild(t, out, skelG1)
		})
	}
}

func mkdir(t *testing.T, name string) {
	t.Helper()
	if err := os.Mkdir(name, 0o755); err != nil {
		t.Fatal(err)
	}
}

func rmdir(t *testing.T, name string) {
	t.Helper()
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
}

// A cold build killed at any step leaves nothing the next build would
// trust as a spare: before the swap its skeleton is a temporary folder
// (deleted by the next build), after it a spare with no cache (deleted
// too); and one that fails leaves no skeleton at all.
func TestSkeletonKilledOrFailed(t *testing.T) {
	needIdentities(t)
	killed := errors.New("killed")
	for _, step := range []string{"swap", "swapped", "skeleton kept"} {
		t.Run(step, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			reached := false
			_, err := buildGen(t, out, skelG1, Options{step: func(s string) error {
				if s == step {
					reached = true
					return killed
				}
				return nil
			}})
			if !errors.Is(err, killed) || !reached {
				t.Fatalf("build = %v, reached %v; want it stopped at %s", err, reached, step)
			}
			_, serr := os.Lstat(out + spareSuffix)
			_, cerr := os.Lstat(out + cacheSuffix)
			if serr == nil && cerr == nil {
				t.Fatal("a killed cold build left a spare and a cache")
			}
			var logged strings.Builder
			if _, err := buildGen(t, out, skelG2, Options{Log: &logged}); err != nil {
				t.Fatal(err)
			}
			sameSite(t, out, skelG2)
			for _, l := range leftovers(t, out, false) {
				if strings.Contains(l, newSuffix) {
					t.Errorf("left over: %s", l)
				}
			}
			mustBuild(t, out, skelG1)
		})
	}
	t.Run("failed", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		s, err := Begin(out, Options{Cache: true, CacheID: []byte("test")})
		if err != nil {
			t.Fatal(err)
		}
		if s.skel == nil {
			t.Fatal("a cold build made no skeleton")
		}
		if err := s.Add("a/b/index.html", []byte("half done")); err != nil {
			t.Fatal(err)
		}
		s.Abort()
		if l := leftovers(t, out, false); len(l) != 0 {
			t.Errorf("a failed cold build left %v", l)
		}
	})
}

// A cold build without the cache (--no-cache) makes no skeleton and
// deletes the one beside OUT; so does Write.
func TestSkeletonNoCache(t *testing.T) {
	needIdentities(t)
	out := coldBuild(t)
	if _, err := buildGen(t, out, skelG2, Options{}); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.skel != nil {
		t.Error("a build without the cache made a skeleton")
	}
	if err := s.Add("a/index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, out, false); len(l) != 0 {
		t.Errorf("a build without the cache left %v", l)
	}
	out = coldBuild(t)
	if err := os.Remove(out + cacheSuffix); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, site("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, out, false); len(l) != 0 {
		t.Errorf("Write left %v", l)
	}
}

// Cold builds racing into one new OUT take turns (the lock): each
// publishes a whole site, only the first is cold (the others find its
// cache), and the next build is exactly its own site.
func TestSkeletonConcurrentBuilds(t *testing.T) {
	needIdentities(t)
	for round := range 3 {
		out := filepath.Join(t.TempDir(), "public")
		gens := []gen{skelG1, skelG2, {"A": page(3, "a/index.html"), "F": page(1, "f/g/h/index.html")}}
		errs := make(chan error, len(gens))
		for _, g := range gens {
			go func() {
				_, err := buildGen(t, out, g, Options{})
				errs <- err
			}()
		}
		for range gens {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		for _, l := range leftovers(t, out, false) {
			if strings.Contains(l, newSuffix) {
				t.Errorf("round %d: left over: %s", round, l)
			}
		}
		mustBuild(t, out, gens[round])
		mustBuild(t, out, skelG2)
	}
}
