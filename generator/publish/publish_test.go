package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// site is a small site whose every file says which version it is.
func site(v string) map[string][]byte {
	return map[string][]byte{
		"index.html":                    []byte("<!doctype html><meta name=\"generator\" content=\"kpisite dev\">" + v),
		"assets/style.css":              []byte("css " + v),
		"indicators/a/index.html":       []byte("a " + v),
		"indicators/b/index.html":       []byte("b " + v),
		"indicators/" + v + "/data.csv": []byte("only in " + v),
		"sitemap.xml":                   []byte("sitemap " + v),
	}
}

// tree reads every file under dir, leaving out the names kpisite keeps
// inside a mount point while publishing (the lock file).
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if p != dir && isWorkName(strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		return nil
	}
	return got
}

// published is what a site looks like on disk: its files and the manifest.
func published(files map[string][]byte) map[string][]byte {
	want := maps.Clone(files)
	want[ManifestName] = manifest(slices.Sorted(maps.Keys(files)))
	return want
}

// whole reports which of the versions dir holds exactly, or "".
func whole(t *testing.T, dir string, versions ...string) string {
	t.Helper()
	got := tree(t, dir)
	for _, v := range versions {
		if maps.EqualFunc(got, published(site(v)), func(a, b []byte) bool { return string(a) == string(b) }) {
			return v
		}
	}
	return ""
}

// leftovers lists what is beside out (and, for a mount point, inside it)
// other than out itself. (On Windows an open file cannot be removed, so
// the lock file stays there.)
func leftovers(t *testing.T, out string, inPlace bool) []string {
	t.Helper()
	var extra []string
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if n := e.Name(); n != filepath.Base(out) && (n != filepath.Base(out)+lockSuffix || runtime.GOOS != "windows") {
			extra = append(extra, n)
		}
	}
	if inPlace {
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			if isWorkName(e.Name()) && (e.Name() != lockSuffix || runtime.GOOS != "windows") {
				extra = append(extra, "OUT/"+e.Name())
			}
		}
	}
	return extra
}

func TestWriteReplacesAndRemovesStaleFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, site("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, site("v2"), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := whole(t, out, "v2"); got != "v2" {
		t.Errorf("OUT is not exactly v2 and its manifest: %v", slices.Sorted(maps.Keys(tree(t, out))))
	}
	if l := leftovers(t, out, false); len(l) > 0 {
		t.Errorf("leftovers beside the output: %v", l)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o755 {
		t.Errorf("OUT's mode = %v, %v; want 0755 so a web server can read it", st.Mode(), err)
	}
}

func TestManifestIsTheSameForTheSameBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	var manifests []string
	for range 2 {
		if err := Write(out, site("v1"), Options{}); err != nil {
			t.Fatal(err)
		}
		manifests = append(manifests, read(t, filepath.Join(out, ManifestName)))
	}
	if manifests[0] != manifests[1] {
		t.Errorf("manifest differs between identical builds:\n%s\n%s", manifests[0], manifests[1])
	}
	if !strings.Contains(manifests[0], "\nindicators/a/index.html\n") {
		t.Errorf("manifest does not list the files:\n%s", manifests[0])
	}
}

func TestWriteFailureLeavesPreviousSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, site("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	bad := site("v2")
	bad["../escape"] = []byte("x")
	if err := Write(out, bad, Options{}); err == nil {
		t.Fatal("want error for an invalid path")
	}
	if whole(t, out, "v1") != "v1" {
		t.Error("after a failed write OUT is not the previous site")
	}
	if l := leftovers(t, out, false); len(l) > 0 {
		t.Errorf("leftovers beside the output: %v", l)
	}
}

// mode is a way of swapping.
type mode struct {
	name  string
	opts  Options
	steps []string
}

var modes = []mode{
	{"exchange", Options{}, []string{"locked", "writing", "swap", "swapped"}},
	{"two renames", Options{noExchange: true}, []string{"locked", "writing", "swap", "parked", "swapped"}},
	{"mount point", Options{inPlace: true}, []string{"locked", "writing", "swap", "parking", "parked", "moving", "swapped"}},
}

// TestKillAtEachStep stops a build at each step of publishing, as a kill
// would (nothing cleaned up), then runs a build that fails and one that
// succeeds: after each of them OUT is one whole site, and in the end
// nothing is left over.
func TestKillAtEachStep(t *testing.T) {
	if _, err := exchange(t.TempDir(), t.TempDir()); err != nil {
		t.Logf("no renameat2 here: %v", err)
	}
	killed := errors.New("killed")
	for _, m := range modes {
		for _, step := range m.steps {
			t.Run(m.name+"/"+step, func(t *testing.T) {
				t.Parallel()
				out := filepath.Join(t.TempDir(), "public")
				if m.opts.inPlace {
					os.Mkdir(out, 0o755)
				}
				if err := Write(out, site("v1"), m.opts); err != nil {
					t.Fatal(err)
				}
				o := m.opts
				reached := false
				o.step = func(s string) error {
					if s == step {
						reached = true
						return killed
					}
					return nil
				}
				if err := Write(out, site("v2"), o); !errors.Is(err, killed) || !reached {
					t.Fatalf("Write = %v, reached %v; want it killed at %s", err, reached, step)
				}

				// The next build fails (an invalid path): it must still
				// leave a whole site.
				bad := site("v3")
				bad["../x"] = nil
				if err := Write(out, bad, m.opts); err == nil {
					t.Fatal("want the invalid build to fail")
				}
				if v := whole(t, out, "v1", "v2"); v == "" {
					t.Fatalf("after a kill at %s and a failed build, OUT is not a whole site: %v", step, slices.Sorted(maps.Keys(tree(t, out))))
				}
				if err := Write(out, site("v4"), m.opts); err != nil {
					t.Fatal(err)
				}
				if whole(t, out, "v4") != "v4" {
					t.Errorf("after the next build OUT is not exactly v4: %v", slices.Sorted(maps.Keys(tree(t, out))))
				}
				if l := leftovers(t, out, m.opts.inPlace); len(l) > 0 {
					t.Errorf("leftovers: %v", l)
				}
			})
		}
	}
}

// TestSwapIsAtomicOnLinux: with renameat2, OUT is a whole site at every
// step, even at the moment of a kill.
func TestSwapKeepsOUTWhole(t *testing.T) {
	if done, _ := exchange(t.TempDir(), t.TempDir()); !done {
		t.Skip("no atomic exchange on this system")
	}
	for _, step := range modes[0].steps {
		out := filepath.Join(t.TempDir(), "public")
		if err := Write(out, site("v1"), Options{}); err != nil {
			t.Fatal(err)
		}
		o := Options{step: func(s string) error {
			if v := whole(t, out, "v1", "v2"); v == "" {
				t.Errorf("at step %s OUT is not a whole site", s)
			}
			if s == step {
				return errors.New("killed")
			}
			return nil
		}}
		Write(out, site("v2"), o)
		if v := whole(t, out, "v1", "v2"); v == "" {
			t.Errorf("after a kill at %s OUT is not a whole site", step)
		}
	}
}

// TestRecoversFromTheOldSwap: the state a kill between the two renames of
// earlier versions left (no OUT; OUT.kpisite-new and OUT.kpisite-old).
func TestRecoversFromTheOldSwap(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(out+oldSuffix, site("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	os.Remove(out + oldSuffix + lockSuffix)
	os.MkdirAll(filepath.Join(out+newSuffix, "indicators"), 0o755)
	os.WriteFile(filepath.Join(out+newSuffix, "index.html"), []byte("half"), 0o644)
	bad := site("v2")
	bad["../x"] = nil
	if err := Write(out, bad, Options{}); err == nil {
		t.Fatal("want the invalid build to fail")
	}
	if whole(t, out, "v1") != "v1" {
		t.Fatalf("the previous site was not put back: %v", slices.Sorted(maps.Keys(tree(t, out))))
	}
	if err := Write(out, site("v2"), Options{}); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, out, false); len(l) > 0 {
		t.Errorf("leftovers: %v", l)
	}
}

// TestConcurrentWrites: builds racing into one OUT all succeed, one after
// the other, and OUT ends as exactly one of them.
func TestConcurrentWrites(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if m.opts.inPlace {
				os.Mkdir(out, 0o755)
			}
			var wg sync.WaitGroup
			errs := make([]error, 8)
			var names []string
			for i := range errs {
				name := fmt.Sprint("v", i)
				names = append(names, name)
				wg.Go(func() { errs[i] = Write(out, site(name), m.opts) })
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("build %d: %v", i, err)
				}
			}
			if whole(t, out, names...) == "" {
				t.Errorf("OUT is not one whole site: %v", slices.Sorted(maps.Keys(tree(t, out))))
			}
			if l := leftovers(t, out, m.opts.inPlace); len(l) > 0 {
				t.Errorf("leftovers: %v", l)
			}
		})
	}
}

// logFunc is an io.Writer that calls f.
type logFunc func(string)

func (f logFunc) Write(p []byte) (int, error) { f(string(p)); return len(p), nil }

// TestSecondBuildWaits: a build that finds another publishing says so,
// waits for it, then publishes its own site; with no waiting it fails and
// names the other process.
func TestSecondBuildWaits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	holding, release := make(chan struct{}), make(chan struct{})
	first := make(chan error)
	go func() {
		first <- Write(out, site("v1"), Options{step: func(s string) error {
			if s == "swap" {
				close(holding)
				<-release
			}
			return nil
		}})
	}()
	<-holding
	err := Write(out, site("v2"), Options{Wait: -1})
	want := fmt.Sprintf("another kpisite build (pid %d) is publishing to %s; nothing was written", os.Getpid(), out)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("without waiting: err = %v; want %q", err, want)
	}
	waiting := make(chan struct{})
	var once sync.Once
	second := make(chan error)
	go func() {
		second <- Write(out, site("v2"), Options{Log: logFunc(func(s string) {
			if strings.Contains(s, "waiting for it") {
				once.Do(func() { close(waiting) })
			}
		})})
	}()
	<-waiting
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	if whole(t, out, "v2") != "v2" {
		t.Error("the second build's site is not published")
	}
}

func TestWriteRefuses(t *testing.T) {
	mk := func(t *testing.T, files ...string) string {
		dir := t.TempDir()
		for _, f := range files {
			os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
			os.WriteFile(filepath.Join(dir, f), []byte("precious"), 0o644)
		}
		return dir
	}
	tests := []struct {
		name      string
		out, site func(t *testing.T) (out, site string)
		says      string
	}{
		{name: "the site itself", out: func(t *testing.T) (string, string) {
			d := mk(t, "site.toml", "index.html")
			return d, d
		}, says: "is the site folder itself"},
		{name: "a folder above the site", out: func(t *testing.T) (string, string) {
			d := mk(t, "kpis/site.toml", "index.html")
			return d, filepath.Join(d, "kpis")
		}, says: "holds the site folder"},
		{name: "a link to the site", out: func(t *testing.T) (string, string) {
			d := mk(t, "site/site.toml", "site/index.html")
			l := filepath.Join(d, "public")
			if err := os.Symlink(filepath.Join(d, "site"), l); err != nil {
				t.Skip(err)
			}
			return l, filepath.Join(d, "site")
		}, says: "is the site folder itself"},
		{name: "a repository", out: func(t *testing.T) (string, string) {
			return mk(t, ".git/HEAD", "index.html"), ""
		}, says: "holds .git"},
		{name: "another site", out: func(t *testing.T) (string, string) {
			return mk(t, "site.toml", ManifestName), ""
		}, says: "holds site.toml"},
		{name: "a foreign folder", out: func(t *testing.T) (string, string) {
			return mk(t, "thesis.docx"), ""
		}, says: "is not a folder kpisite built"},
		{name: "someone else's home page", out: func(t *testing.T) (string, string) {
			return mk(t, "index.html", "photo.jpg"), ""
		}, says: "is not a folder kpisite built"},
		{name: "a file", out: func(t *testing.T) (string, string) {
			d := mk(t, "public")
			return filepath.Join(d, "public"), ""
		}, says: "is a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, site := tt.out(t)
			before := tree(t, out)
			err := Write(out, map[string][]byte{"index.html": []byte("new")}, Options{Site: site})
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("err = %v; want %q", err, tt.says)
			}
			if after := tree(t, out); !maps.EqualFunc(before, after, func(a, b []byte) bool { return string(a) == string(b) }) {
				t.Error("the folder changed")
			}
		})
	}
}

// TestWriteAcceptsOutputs: an empty folder, kpisite's own output, and an
// output of a version that wrote no manifest are replaced.
func TestWriteAcceptsOutputs(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join(dir, "legacy")
	os.MkdirAll(filepath.Join(legacy, "indicators"), 0o755)
	os.WriteFile(filepath.Join(legacy, "index.html"), []byte("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"kpisite v0.1.0\">"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	inside := filepath.Join(dir, "site", "public") // the default: inside the site
	os.MkdirAll(inside, 0o755)
	for _, out := range []string{legacy, empty, inside} {
		if err := Write(out, site("v1"), Options{Site: filepath.Join(dir, "site")}); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if whole(t, out, "v1") != "v1" {
			t.Errorf("%s: not published", out)
		}
	}
}

// TestWriteThroughSymlink: the link stays a link; the folder it names is
// replaced.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "releases", "current"), filepath.Join(dir, "public")
	os.MkdirAll(target, 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	for _, v := range []string{"v1", "v2"} {
		if err := Write(link, site(v), Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("OUT is no longer a link: %v %v", st, err)
	}
	if whole(t, target, "v2") != "v2" {
		t.Error("the link's folder does not hold the site")
	}
}

// TestKillFirstBuild: a first build killed at any step leaves either no
// OUT or a whole one, and the next build publishes.
func TestKillFirstBuild(t *testing.T) {
	for _, step := range []string{"locked", "writing", "swap", "swapped"} {
		out := filepath.Join(t.TempDir(), "public")
		o := Options{step: func(s string) error {
			if s == step {
				return errors.New("killed")
			}
			return nil
		}}
		if err := Write(out, site("v1"), o); err == nil {
			t.Fatalf("%s: not killed", step)
		}
		if _, err := os.Stat(out); err == nil && whole(t, out, "v1") == "" {
			t.Errorf("%s: OUT exists and is not whole", step)
		}
		if err := Write(out, site("v2"), Options{}); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if whole(t, out, "v2") != "v2" {
			t.Errorf("%s: the next build did not publish", step)
		}
		if l := leftovers(t, out, false); len(l) > 0 {
			t.Errorf("%s: leftovers: %v", step, l)
		}
	}
}

func TestIsMountPoint(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc")
	}
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip(err)
	}
	if !isMountPoint("/proc") {
		t.Error("/proc is not seen as a mount point")
	}
	if isMountPoint(t.TempDir()) {
		t.Error("a plain folder is seen as a mount point")
	}
}
