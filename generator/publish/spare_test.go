package publish

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// gen is one build of a site: pages by name, each a key and its files.
type gen map[string]genPage

type genPage struct {
	key   byte
	files map[string]string
}

// files is what the build publishes: every page's files.
func (g gen) files() map[string][]byte {
	out := map[string][]byte{}
	for _, pg := range g {
		for p, d := range pg.files {
			out[p] = []byte(d)
		}
	}
	return out
}

// buildGen publishes g to out with a build cache as kpisite does: each
// page kept if Reuse keeps it, else its files added and Made told. o.step
// may stop it (the error is returned, nothing cleaned up).
func buildGen(t *testing.T, out string, g gen, o Options) (Counts, error) {
	t.Helper()
	o.Cache, o.CacheID = true, []byte("test")
	// As kpisite does: opened while the site is checked, started when
	// the first page is ready.
	s, err := Open(out, o)
	if err != nil {
		return Counts{}, err
	}
	runtime.Gosched()
	if err := s.Start(); err != nil {
		return Counts{}, err
	}
	for _, name := range slices.Sorted(maps.Keys(g)) {
		pg := g[name]
		if _, _, ok := s.Reuse(name, [32]byte{pg.key}); ok {
			continue
		}
		var paths []string
		for _, p := range slices.Sorted(maps.Keys(pg.files)) {
			if err := s.Add(p, []byte(pg.files[p])); err != nil {
				s.Abort()
				return Counts{}, err
			}
			paths = append(paths, p)
		}
		s.Made(name, [32]byte{pg.key}, paths, []byte("note "+name))
	}
	if err := s.Commit(); err != nil {
		return Counts{}, err
	}
	return s.Counts(), nil
}

// mustBuild is buildGen that must succeed and publish exactly g.
func mustBuild(t *testing.T, out string, g gen) Counts {
	t.Helper()
	c, err := buildGen(t, out, g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameSite(t, out, g)
	checkRecord(t, out)
	return c
}

// sameSite fails unless out holds exactly g's files and their manifest.
func sameSite(t *testing.T, out string, g gen) {
	t.Helper()
	got, want := tree(t, out), published(g.files())
	if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Fatalf("OUT is not the build's site:\n got %v\nwant %v", describe(got), describe(want))
	}
}

func describe(m map[string][]byte) string {
	var b strings.Builder
	for _, p := range slices.Sorted(maps.Keys(m)) {
		if p != ManifestName {
			b.WriteString(p + "=" + string(m[p]) + " ")
		}
	}
	return b.String()
}

func page(key byte, files ...string) genPage {
	pg := genPage{key: key, files: map[string]string{}}
	for _, f := range files {
		pg.files[f] = f + " v" + string(rune('0'+key))
	}
	return pg
}

func needIdentities(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("file identities are read on Linux only")
	}
}

// A sequence of builds whose pages change, vanish and appear, and whose
// files become folders and folders files: each build publishes exactly its
// site, and from the third on turns the spare into it, keeping in place
// what the spare has with the same key and linking what OUT has.
func TestSpareSequence(t *testing.T) {
	needIdentities(t)
	out := filepath.Join(t.TempDir(), "public")
	gens := []struct {
		g    gen
		want Counts
	}{
		{gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(1, "b/index.html"), "C": page(1, "c/x/y.html")},
			Counts{Written: 4}},
		// No spare yet (the first build had no cache): A linked from OUT.
		{gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(2, "b/index.html"), "D": page(1, "d/index.html")},
			Counts{Linked: 1, Written: 2}},
		// The spare is the first build: A and B (its key again) kept in
		// place, D linked from OUT, E's file where the spare has a folder.
		{gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(1, "b/index.html"), "D": page(1, "d/index.html"), "E": page(1, "c/x")},
			Counts{Kept: 2, Linked: 1, Written: 1}},
		// The spare is the second build: A written over, B linked over the
		// spare's other version, D gone, E linked, F new.
		{gen{"A": page(2, "a/index.html", "a/data.csv"), "B": page(1, "b/index.html"), "E": page(1, "c/x"), "F": page(1, "f/index.html")},
			Counts{Linked: 2, Written: 3}},
		// The spare is the third build: B gone and a folder where its file
		// was; E kept in place, A and F linked.
		{gen{"A": page(2, "a/index.html", "a/data.csv"), "E": page(1, "c/x"), "F": page(1, "f/index.html"), "G": page(1, "b/index.html/deep.html")},
			Counts{Kept: 1, Linked: 2, Written: 1}},
		// Back to the first site.
		{gen{"A": page(1, "a/index.html", "a/data.csv"), "B": page(1, "b/index.html"), "C": page(1, "c/x/y.html")},
			Counts{Written: 4}},
	}
	for i, step := range gens {
		got := mustBuild(t, out, step.g)
		if got != step.want {
			t.Errorf("build %d: %+v, want %+v", i+1, got, step.want)
		}
		if i >= 1 {
			if st, err := os.Lstat(out + spareSuffix); err != nil || !st.IsDir() {
				t.Errorf("build %d left no spare: %v", i+1, err)
			}
		}
		if l := leftovers(t, out, false); slices.ContainsFunc(l, func(n string) bool { return strings.Contains(n, newSuffix) }) {
			t.Errorf("build %d left a temporary folder: %v", i+1, l)
		}
	}
}

// spareFixture publishes two builds with a cache (so that the first is
// now the spare) and returns OUT, the second build and the third.
func spareFixture(t *testing.T) (string, gen, gen) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	g1 := gen{"A": page(1, "a/index.html"), "B": page(1, "b/index.html"), "C": page(1, "c/index.html")}
	g2 := gen{"A": page(1, "a/index.html"), "B": page(2, "b/index.html"), "C": page(1, "c/index.html")}
	g3 := gen{"A": page(1, "a/index.html"), "B": page(1, "b/index.html"), "C": page(1, "c/index.html")}
	mustBuild(t, out, g1)
	mustBuild(t, out, g2)
	return out, g2, g3
}

// Hand edits to OUT or the spare: nothing edited, planted or followed is
// ever published; what cannot be verified is not used.
func TestSpareDistrustsEdits(t *testing.T) {
	needIdentities(t)
	secretDir := t.TempDir()
	secret := filepath.Join(secretDir, "secret")
	if err := os.WriteFile(secret, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	sameTimes := func(t *testing.T, name, data string) {
		st, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(name, st.ModTime(), st.ModTime())
	}
	cases := []struct {
		name     string
		harm     func(t *testing.T, out string)
		spareUse bool // the spare is still used (its folders are unchanged)
	}{
		// a.html is the same file (inode) in OUT and the spare.
		{"OUT's file edited in place", func(t *testing.T, out string) {
			sameTimes(t, filepath.Join(out, "a", "index.html"), "HACK a v1")
		}, true},
		{"spare's file edited in place", func(t *testing.T, out string) {
			sameTimes(t, filepath.Join(out+spareSuffix, "a", "index.html"), "HACK a v1")
		}, true},
		{"spare's own file edited", func(t *testing.T, out string) {
			sameTimes(t, filepath.Join(out+spareSuffix, "b", "index.html"), "HACK b v1")
		}, true},
		{"file added to a spare folder", func(t *testing.T, out string) {
			os.WriteFile(filepath.Join(out+spareSuffix, "a", "extra.html"), []byte("extra"), 0o644)
		}, false},
		{"file added to the spare", func(t *testing.T, out string) {
			os.WriteFile(filepath.Join(out+spareSuffix, "extra.html"), []byte("extra"), 0o644)
		}, false},
		{"symlink planted in the spare", func(t *testing.T, out string) {
			os.Symlink(secret, filepath.Join(out+spareSuffix, "c", "leak.html"))
		}, false},
		{"spare's file replaced by a symlink", func(t *testing.T, out string) {
			name := filepath.Join(out+spareSuffix, "b", "index.html")
			os.Remove(name)
			os.Symlink(secret, name)
		}, false},
		{"spare's folder replaced by a symlink", func(t *testing.T, out string) {
			name := filepath.Join(out+spareSuffix, "b")
			os.RemoveAll(name)
			os.Symlink(secretDir, name)
		}, false},
		{"file removed from the spare", func(t *testing.T, out string) {
			os.Remove(filepath.Join(out+spareSuffix, "b", "index.html"))
		}, false},
		{"spare replaced by a symlink", func(t *testing.T, out string) {
			os.RemoveAll(out + spareSuffix)
			os.Symlink(secretDir, out+spareSuffix)
		}, false},
		{"spare replaced by a file", func(t *testing.T, out string) {
			os.RemoveAll(out + spareSuffix)
			os.WriteFile(out+spareSuffix, []byte("a file"), 0o644)
		}, false},
		{"spare removed", func(t *testing.T, out string) {
			os.RemoveAll(out + spareSuffix)
		}, false},
		// Another inode renamed over a file, with the same size and
		// times, and the folder's times put back: only the folder's
		// change time (and the file's inode) tell.
		{"spare's file replaced, folder's times put back", func(t *testing.T, out string) {
			replaceKeepingTimes(t, filepath.Join(out+spareSuffix, "b", "index.html"), "HACKED_index v1")
		}, false},
		{"OUT's file replaced, folder's times put back", func(t *testing.T, out string) {
			replaceKeepingTimes(t, filepath.Join(out, "a", "index.html"), "HACKED_index v1")
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, _, g3 := spareFixture(t)
			tc.harm(t, out)
			got := mustBuild(t, out, g3)
			if !tc.spareUse && got.Kept > 0 {
				t.Errorf("kept %d pages from a spare that was changed", got.Kept)
			}
			if tc.spareUse && got.Kept+got.Linked+got.Written == 0 {
				t.Error("the spare was not used")
			}
			if b, err := os.ReadFile(secret); err != nil || string(b) != "secret" {
				t.Errorf("the file outside was changed: %q, %v", b, err)
			}
			if _, err := os.Stat(filepath.Join(secretDir, "index.html")); err == nil {
				t.Error("a file was written through a symbolic link")
			}
			// And the next build is right too.
			mustBuild(t, out, g3)
		})
	}
}

// replaceKeepingTimes renames a new file with data (of the same length)
// over name, with name's times, and puts its folder's times back.
func replaceKeepingTimes(t *testing.T, name, data string) {
	t.Helper()
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	dst, err := os.Stat(filepath.Dir(name))
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(data)) != st.Size() {
		t.Fatalf("%q is not %d bytes", data, st.Size())
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(tmp, st.ModTime(), st.ModTime())
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Dir(name), dst.ModTime(), dst.ModTime())
}

// A build stopped at each step of using the spare, as a kill would stop
// it: OUT is the previous site or the new one, whole; the next build
// publishes exactly its own, and leaves no temporary folder.
func TestSpareKillAtEachStep(t *testing.T) {
	needIdentities(t)
	killed := errors.New("killed")
	for _, step := range []string{"opened", "spare taken", "trimmed", "swap", "swapped", "spared"} {
		t.Run(step, func(t *testing.T) {
			out, g2, g3 := spareFixture(t)
			reached := false
			_, err := buildGen(t, out, g3, Options{step: func(s string) error {
				if s == step {
					reached = true
					return killed
				}
				return nil
			}})
			if !errors.Is(err, killed) || !reached {
				t.Fatalf("build = %v, reached %v; want it stopped at %s", err, reached, step)
			}
			if step == "swapped" || step == "spared" {
				sameSite(t, out, g3)
			} else {
				sameSite(t, out, g2)
			}
			g4 := gen{"A": page(2, "a/index.html"), "B": page(1, "b/index.html"), "D": page(1, "d/index.html")}
			mustBuild(t, out, g4)
			mustBuild(t, out, g3)
			for _, l := range leftovers(t, out, false) {
				if l != filepath.Base(out)+cacheSuffix && l != filepath.Base(out)+spareSuffix && l != filepath.Base(out)+lockSuffix {
					t.Errorf("left over: %s", l)
				}
			}
		})
	}
}

// A build that fails after taking the spare leaves OUT as it was and no
// spare the next build would trust.
func TestSpareAbort(t *testing.T) {
	needIdentities(t)
	out, g2, g3 := spareFixture(t)
	s, err := Begin(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	if s.spare == nil {
		t.Fatal("the spare was not taken")
	}
	s.Reuse("A", [32]byte{1})
	if err := s.Add("b/index.html", []byte("half done")); err != nil {
		t.Fatal(err)
	}
	s.Abort()
	sameSite(t, out, g2)
	if _, err := os.Lstat(out + spareSuffix); err == nil {
		t.Error("a failed build left a spare")
	}
	got := mustBuild(t, out, g3)
	if got.Kept != 0 {
		t.Errorf("kept %d pages in place after a failed build", got.Kept)
	}
}

// Removing a tree that shares inodes with OUT after the cache was written
// (here the spare, by hand) changes the change time of OUT's files: the
// next build must not keep them, and renders their pages again.
func TestRemovedSpareChangesOUTsFiles(t *testing.T) {
	needIdentities(t)
	out, _, _ := spareFixture(t)
	// A and C are the same files in OUT and in the spare.
	if err := os.RemoveAll(out + spareSuffix); err != nil {
		t.Fatal(err)
	}
	g := gen{"A": page(1, "a/index.html"), "B": page(2, "b/index.html"), "C": page(1, "c/index.html")}
	s, err := Begin(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for name, pg := range g {
		_, _, ok := s.Reuse(name, [32]byte{pg.key})
		if name != "B" && ok {
			t.Errorf("page %s kept, though its files' change time moved", name)
		}
		if name == "B" && !ok {
			t.Error("page B (its own files in OUT) was not kept")
		}
	}
}

// --no-cache (a stream without the cache) and Write remove the spare.
func TestNoCacheRemovesTheSpare(t *testing.T) {
	needIdentities(t)
	out, _, _ := spareFixture(t)
	s, err := Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if _, err := os.Lstat(out + spareSuffix); err == nil {
		t.Error("a build without the cache left the spare")
	}
	out, _, _ = spareFixture(t)
	if err := Write(out, site("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(out + spareSuffix); err == nil {
		t.Error("Write left the spare")
	}
}

// A file of OUT edited by hand is not trusted when OUT becomes the spare:
// the build after next, which has that page's key again, does not keep it.
func TestSpareDistrustsOUTEditedBefore(t *testing.T) {
	needIdentities(t)
	out, g2, g3 := spareFixture(t)
	name := filepath.Join(out, "b", "index.html") // B's own file (key 2)
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte("HACK b v2"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(name, st.ModTime(), st.ModTime())
	mustBuild(t, out, g3) // OUT, with the edited file, becomes the spare
	got := mustBuild(t, out, g2)
	if got.Kept != 2 || got.Written != 1 {
		t.Errorf("%+v; want A and C kept in place and B written", got)
	}
}

// Files written by Create over the spare's are renamed into place when
// closed; one abandoned (the build fails) is not.
func TestSpareCreate(t *testing.T) {
	needIdentities(t)
	out, _, _ := spareFixture(t)
	g := gen{"A": page(2, "a/index.html"), "B": page(1, "b/index.html"), "C": page(1, "c/index.html"), "D": page(1, "d/index.html")}
	s, err := Begin(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	if s.spare == nil {
		t.Fatal("the spare was not taken")
	}
	for _, name := range []string{"A", "D"} {
		for p, data := range g[name].files {
			w, err := s.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write([]byte(data)); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			s.Made(name, [32]byte{g[name].key}, []string{p}, nil)
		}
	}
	for _, name := range []string{"B", "C"} {
		if _, _, ok := s.Reuse(name, [32]byte{1}); !ok {
			t.Fatalf("page %s not kept", name)
		}
	}
	if c := s.Counts(); c != (Counts{Kept: 2, Written: 2}) {
		t.Errorf("%+v; want B and C kept in place, two files written", c)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	sameSite(t, out, g)

	// Abandoned: Commit fails, OUT stays, and no temporary file is left
	// in a spare the next build uses.
	s, err = Begin(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.Create("a/index.html")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("half"))
	if err := s.Commit(); err == nil {
		t.Fatal("Commit with a file still open: no error")
	}
	sameSite(t, out, g)
	mustBuild(t, out, g)
}

// Where the swap is two renames, no spare is kept, and builds stay right.
func TestNoSpareWithoutExchange(t *testing.T) {
	needIdentities(t)
	out := filepath.Join(t.TempDir(), "public")
	g1 := gen{"A": page(1, "a/index.html"), "B": page(1, "b/index.html")}
	g2 := gen{"A": page(1, "a/index.html"), "B": page(2, "b/index.html")}
	for i, g := range []gen{g1, g2, g1, g2} {
		got, err := buildGen(t, out, g, Options{noExchange: true})
		if err != nil {
			t.Fatal(err)
		}
		sameSite(t, out, g)
		if got.Kept != 0 {
			t.Errorf("build %d kept %d pages in place", i+1, got.Kept)
		}
		if _, err := os.Lstat(out + spareSuffix); err == nil {
			t.Errorf("build %d left a spare", i+1)
		}
	}
}

// Builds racing into one OUT take turns (the lock): each publishes a
// whole site, and the last one's is what OUT holds.
func TestSpareConcurrentBuilds(t *testing.T) {
	needIdentities(t)
	out, _, _ := spareFixture(t)
	gens := []gen{
		{"A": page(1, "a/index.html"), "B": page(1, "b/index.html")},
		{"A": page(2, "a/index.html"), "B": page(1, "b/index.html"), "C": page(1, "c/index.html")},
		{"A": page(1, "a/index.html"), "C": page(2, "c/x.html")},
	}
	for round := range 3 {
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
		got := tree(t, out)
		if !slices.ContainsFunc(gens, func(g gen) bool {
			return maps.EqualFunc(got, published(g.files()), func(a, b []byte) bool { return string(a) == string(b) })
		}) {
			t.Fatalf("round %d: OUT is none of the builds' sites: %s", round, describe(got))
		}
		// The next build, alone, is exactly its own site.
		mustBuild(t, out, gens[round])
	}
}

// A file added to OUT by hand: OUT is not kept as the spare (its folders
// changed since they were recorded), so the file never reaches a later
// site.
func TestOUTWithAPlantedFileIsNotKept(t *testing.T) {
	needIdentities(t)
	out, g2, g3 := spareFixture(t)
	if err := os.WriteFile(filepath.Join(out, "a", "planted.html"), []byte("planted"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, out, g3)
	if _, err := os.Lstat(out + spareSuffix); err == nil {
		t.Error("OUT with a planted file was kept as the spare")
	}
	mustBuild(t, out, g2)
	mustBuild(t, out, g3)
}

// snapshot is everything beside and in OUT as it is on disk: each name's
// identity, and the cache's bytes.
func snapshot(t *testing.T, out string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	for _, root := range []string{out, out + spareSuffix} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				t.Fatal(err)
			}
			id, err := statID(p)
			if d.IsDir() {
				id, err = dirID(p)
			}
			if err != nil {
				t.Fatal(err)
			}
			snap[p] = fmt.Sprint(id)
			return nil
		})
	}
	b, err := os.ReadFile(out + cacheSuffix)
	if err != nil {
		t.Fatal(err)
	}
	snap["cache"] = string(b)
	return snap
}

// A build that opens (the cache and the spare read while its site is
// checked) and then fails changes nothing on disk: OUT, the cache and the
// spare are as they were, and the next build keeps the spare's pages in
// place as it would have.
func TestOpenThenAbortChangesNothing(t *testing.T) {
	needIdentities(t)
	out, g2, g3 := spareFixture(t)
	before := snapshot(t, out)
	s, err := Open(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	if s.cache == nil || s.cache.old == nil || s.pending == nil {
		t.Fatal("Open did not read the cache and the spare")
	}
	if _, _, ok := s.Reuse("A", [32]byte{1}); ok {
		t.Error("a page was kept before Start")
	}
	if err := s.Add("a/index.html", []byte("x")); err == nil {
		t.Error("a file was added before Start")
	}
	s.Abort()
	if err := s.Start(); err != nil {
		t.Fatal(err) // does nothing once abandoned
	}
	if after := snapshot(t, out); !maps.Equal(before, after) {
		t.Errorf("Open and Abort changed the disk:\nbefore %v\nafter  %v", before, after)
	}
	sameSite(t, out, g2)
	if got := mustBuild(t, out, g3); got != (Counts{Kept: 3}) {
		t.Errorf("the build after a failed one: %+v, want every page kept in place", got)
	}
}

// A build waiting in Open for another's lock stops when told to, and
// leaves the other's lock alone.
func TestOpenStops(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Open(out, Options{Cache: true, CacheID: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan error)
	go func() {
		_, err := Open(out, Options{Cache: true, CacheID: []byte("test"), Stop: stop})
		done <- err
	}()
	close(stop)
	if err := <-done; !errors.Is(err, ErrStopped) {
		t.Fatalf("Open = %v, want ErrStopped", err)
	}
	if _, err := Open(out, Options{Wait: -1}); err == nil {
		t.Fatal("the first build's lock was released")
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	if err := first.Add("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
}
