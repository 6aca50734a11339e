package publish

import (
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// folderList is every folder under root, slash-separated.
func folderList(t *testing.T, root string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root {
			rel, _ := filepath.Rel(root, p)
			dirs = append(dirs, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// A rebuild with no spare to use makes OUT's folders ahead, in the
// background, while it works out its pages (premake.go): the site it
// publishes has exactly its own folders (those it does not use are gone,
// one where it has a file is replaced by the file), and a build that
// opens and then fails, or is killed, leaves nothing the next build
// would trust.
func TestFoldersMadeAhead(t *testing.T) {
	needIdentities(t)
	g1 := gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(1, "b/x/index.html"), "C": page(1, "c/d/e/index.html")}
	// B's folder b/x becomes a file, C's folders go, D's are new.
	g2 := gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(2, "b/x"), "D": page(1, "d/index.html")}
	fresh := func(t *testing.T) string {
		out := filepath.Join(t.TempDir(), "public")
		mustBuild(t, out, g1) // the first build: a cache, no spare
		if _, err := os.Lstat(out + spareSuffix); err == nil {
			t.Fatal("the first build left a spare")
		}
		return out
	}

	t.Run("made", func(t *testing.T) {
		out := fresh(t)
		s, err := Open(out, Options{Cache: true, CacheID: []byte("test")})
		if err != nil {
			t.Fatal(err)
		}
		if s.spare == nil || s.spare.ready == nil || s.tmp == "" {
			s.Abort()
			t.Fatal("Open made no folders ahead")
		}
		<-s.spare.ready
		got, want := folderList(t, s.tmp), []string{"a", "b", "b/x", "c", "c/d", "c/d/e"}
		tmp := s.tmp
		s.Abort()
		if !slices.Equal(got, want) {
			t.Errorf("folders made ahead: %v, want %v", got, want)
		}
		if _, err := os.Lstat(tmp); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Abort left the folder made ahead: %v", err)
		}
		if l := leftovers(t, out, false); !slices.Equal(l, []string{"public" + cacheSuffix}) {
			t.Errorf("left over after Open and Abort: %v", l)
		}
		sameSite(t, out, g1)
	})

	t.Run("published", func(t *testing.T) {
		out := fresh(t)
		if got, want := mustBuild(t, out, g2), (Counts{Linked: 1, Written: 2}); got != want {
			t.Errorf("build: %+v, want %+v", got, want)
		}
		if got, want := folderList(t, out), []string{"a", "b", "d"}; !slices.Equal(got, want) {
			t.Errorf("folders published: %v, want %v", got, want)
		}
		// And back: the spare (the first build) is used as before.
		if got, want := mustBuild(t, out, g1), (Counts{Kept: 3}); got != want {
			t.Errorf("build back: %+v, want %+v", got, want)
		}
		if got, want := folderList(t, out), []string{"a", "b", "b/x", "c", "c/d", "c/d/e"}; !slices.Equal(got, want) {
			t.Errorf("folders published back: %v, want %v", got, want)
		}
	})

	for _, step := range []string{"swap", "swapped"} {
		t.Run("killed at "+step, func(t *testing.T) {
			out := fresh(t)
			killed := errors.New("killed")
			_, err := buildGen(t, out, g2, Options{step: func(s string) error {
				if s == step {
					return killed
				}
				return nil
			}})
			if !errors.Is(err, killed) {
				t.Fatalf("build = %v, want it killed at %s", err, step)
			}
			mustBuild(t, out, g2)
			mustBuild(t, out, g1)
			for _, l := range leftovers(t, out, false) {
				if strings.Contains(l, newSuffix) {
					t.Errorf("left over: %s", l)
				}
			}
			if got, want := folderList(t, out), []string{"a", "b", "b/x", "c", "c/d", "c/d/e"}; !slices.Equal(got, want) {
				t.Errorf("folders published: %v, want %v", got, want)
			}
		})
	}
}

// checkRecord fails unless the cache beside out records what is on disk:
// every page's files in OUT and in the spare, and every folder of both,
// with the identities they have now (writeCache reads some of them before
// the swap, or takes them from the previous record).
func checkRecord(t *testing.T, out string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		return // no identities are read
	}
	data, err := os.ReadFile(out + cacheSuffix)
	if err != nil {
		t.Fatal(err)
	}
	idx, why := parseCache(data, hex.EncodeToString([]byte("test")), out)
	if idx == nil {
		t.Fatalf("cache not read: %s", why)
	}
	check := func(root, what string, pages map[string]cachePage, dirs map[string]fileID) {
		for n, pg := range pages {
			for _, f := range pg.Files {
				id, err := statID(filepath.Join(root, filepath.FromSlash(f.Path)))
				if err != nil || !sameID(id, f.ID) {
					t.Errorf("%s page %s file %s: recorded %+v, on disk %+v (%v)", what, n, f.Path, f.ID, id, err)
				}
			}
		}
		for d, want := range dirs {
			id, err := dirID(filepath.Join(root, filepath.FromSlash(d)))
			if err != nil || !sameID(id, want) {
				t.Errorf("%s folder %s: recorded %+v, on disk %+v (%v)", what, d, want, id, err)
			}
		}
	}
	check(out, "OUT", idx.Pages, idx.Dirs)
	if sp := idx.Spare; sp != nil {
		same := map[string]cachePage{}
		for _, n := range sp.Same {
			same[n] = idx.Pages[n]
		}
		check(out+spareSuffix, "spare", sp.Pages, sp.Dirs)
		check(out+spareSuffix, "spare (same)", same, nil)
	}
}

// Every build of a sequence that keeps pages in place, links them and
// writes them records exactly what is on disk, so that the next build
// trusts only what is still so; and a kept file edited after (its size
// and modification time put back) is rendered again.
func TestCacheRecordsWhatIsOnDisk(t *testing.T) {
	needIdentities(t)
	out := filepath.Join(t.TempDir(), "public")
	a1 := gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(1, "b/index.html"), "C": page(1, "c/x/y.html")}
	a2 := gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(2, "b/index.html"), "D": page(1, "d/index.html")}
	// A folder inside a kept one removed, made, a file where it was, and
	// back, inside a folder whose other entries stay.
	b1 := gen{"A": page(3, "a/index.html"), "X": page(1, "a/x/deep.html")}
	b2 := gen{"A": page(3, "a/index.html")}
	b3 := gen{"A": page(3, "a/index.html"), "X": page(2, "a/x")}
	for i, g := range []gen{a1, a2, a1, a1, a2, a2, a1, b1, b1, b2, b3, b1, b3, b2, b2, b3, b2, b1, b1, a1} {
		mustBuild(t, out, g) // checks the record
		if t.Failed() {
			t.Fatalf("after build %d", i+1)
		}
	}
	// A is kept in place by every build: edit it, times put back.
	name := filepath.Join(out, "a", "index.html")
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte("HACK v1 a/index.html"[:st.Size()]), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(name, st.ModTime(), st.ModTime())
	mustBuild(t, out, a1)
	checkRecord(t, out)
}

// A file planted in OUT while a build runs (after OUT's folders were
// checked, before the swap) is never published by a later build: OUT,
// which becomes the spare, is recorded as it was checked, so the next
// build finds its folder changed and does not use it.
func TestOUTPlantedDuringABuildIsNotKept(t *testing.T) {
	needIdentities(t)
	out, g2, g3 := spareFixture(t)
	planted := false
	_, err := buildGen(t, out, g3, Options{step: func(s string) error {
		if s == "trimmed" {
			planted = true
			return os.WriteFile(filepath.Join(out, "a", "planted.html"), []byte("planted"), 0o644)
		}
		return nil
	}})
	if err != nil || !planted {
		t.Fatalf("build = %v, planted %v", err, planted)
	}
	sameSite(t, out, g3)
	if got := mustBuild(t, out, g2); got.Kept != 0 {
		t.Errorf("%+v: pages kept in place from a spare with a planted file", got)
	}
	if _, err := os.Lstat(filepath.Join(out, "a", "planted.html")); err == nil {
		t.Error("the planted file was published")
	}
	mustBuild(t, out, g3)
}
