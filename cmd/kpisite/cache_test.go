package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"kpisite/themes"
)

// The build cache's promise: a build that keeps pages from the previous
// one (OUT.kpisite-cache) writes exactly the files a build without it
// (--no-cache) writes from the same input and the same previous release.
// Each case builds, changes the site, copies OUT (so that both builds see
// the same previous release), rebuilds with the cache into OUT and without
// it into the copy, and compares every file byte for byte.

// cacheSite is the starter site with more to cache: a second indicator,
// reports for every quarter from 2023/24 Q1 (archived reports), commentary
// on an old quarter, and a next update date (the due notice).
func cacheSite(t *testing.T) string {
	t.Helper()
	site := mustSmallSite(t)
	edit(t, filepath.Join(site, "site.toml"), func(s string) string {
		s = strings.Replace(s, `# current_period = "2024/25 Q2"`, `reports_from = "2023/24 Q1"`, 1)
		return strings.Replace(s, "# next_update = 2025-01-20", "next_update = 2025-01-20", 1)
	})
	addSecondIndicator(t, site)
	writeAll(t, filepath.Join(site, "content", "commentary", "2023-24-q3", "library-visits.md"),
		"+++\nauthor = \"Head of Libraries\"\ndate = 2024-01-25\n+++\n\nVisits fell over the winter.\n")
	return site
}

func addSecondIndicator(t *testing.T, site string) {
	t.Helper()
	writeAll(t, filepath.Join(site, "data", "indicators", "loans.toml"), `[[indicator]]
id = "book-loans"
title = "Number of books lent"
service = "libraries"
frequency = "quarterly"
unit = "count"
polarity = "higher"
target = { kind = "fixed", value = 9000 }
definition = "Books lent by the council's libraries in the quarter."
`)
	writeAll(t, filepath.Join(site, "data", "values", "loans.csv"), `indicator,period,value,target,flag,note
book-loans,2023/24 Q1,8800,,,
book-loans,2023/24 Q2,9100,,,
book-loans,2023/24 Q3,8700,,,
book-loans,2023/24 Q4,9050,,,
book-loans,2024/25 Q1,9300,,,
book-loans,2024/25 Q2,9400,,,
`)
}

// writeAll writes a file, making its folder.
func writeAll(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, name string, f func(string) string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	after := f(string(b))
	if after == string(b) {
		t.Fatalf("%s: the edit changed nothing", name)
	}
	if err := os.WriteFile(name, []byte(after), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceRe edits name, replacing the one match of re with repl.
func replaceRe(t *testing.T, name, re, repl string) {
	t.Helper()
	rx := regexp.MustCompile(re)
	edit(t, name, func(s string) string {
		if n := len(rx.FindAllStringIndex(s, -1)); n != 1 {
			t.Fatalf("%s: %d matches of %s", name, n, re)
		}
		return rx.ReplaceAllString(s, repl)
	})
}

// mutation changes a site; n makes each application different.
type mutation struct {
	name   string
	change func(t *testing.T, site string, n int)
	// kept: the rebuild must keep some pages (the cache is used at all).
	kept bool
}

var cacheMutations = []mutation{
	{"latest value", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "data", "values", "libraries.csv"), `2024/25 Q2,"[0-9,]+"`, fmt.Sprintf(`2024/25 Q2,"48,%03d"`, 120+n))
	}, true},
	{"old value", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "data", "values", "libraries.csv"), `2023/24 Q3,"[0-9,]+"`, fmt.Sprintf(`2023/24 Q3,"43,%03d"`, 880+n))
	}, true},
	{"note", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "data", "values", "libraries.csv"), `,p,[^\n]*`, fmt.Sprintf(",p,Provisional (%d).", n))
	}, true},
	{"indicator title", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "data", "indicators", "libraries.toml"), `(?m)^title = "[^"]*"`, fmt.Sprintf(`title = "Visits to libraries (%d)"`, n))
	}, false},
	{"target", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "data", "indicators", "libraries.toml"), `target = \{ kind = "fixed", value = [0-9]+ \}`, fmt.Sprintf(`target = { kind = "fixed", value = %d }`, 46000+n))
	}, false},
	{"commentary", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "content", "commentary", "2024-25-q2", "library-visits.md"), `Visits rose[^,]*`, fmt.Sprintf("Visits rose sharply (%d)", n))
	}, true},
	{"old commentary", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "content", "commentary", "2023-24-q3", "library-visits.md"), `Visits fell[^.]*`, fmt.Sprintf("Visits fell a little (%d)", n))
	}, true},
	{"content page", func(t *testing.T, site string, n int) {
		edit(t, filepath.Join(site, "content", "about.md"), func(s string) string { return s + fmt.Sprintf("\nAnother paragraph (%d).\n", n) })
	}, true},
	{"site title", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "site.toml"), `(?m)^title = "[^"]*"`, fmt.Sprintf(`title = "Communities performance (%d)"`, n))
	}, false},
	{"base_url", func(t *testing.T, site string, n int) {
		replaceRe(t, filepath.Join(site, "site.toml"), `(?m)^base_url = "[^"]*"`, fmt.Sprintf(`base_url = "https://www.example.gov.uk/kpi%d/"`, n))
	}, false},
	{"theme override", func(t *testing.T, site string, n int) {
		b, err := os.ReadFile(filepath.Join(site, "themes", "default", "templates", "page.html"))
		if err != nil {
			if b, err = readDefault("templates/page.html"); err != nil {
				t.Fatal(err)
			}
		}
		s := regexp.MustCompile(`<h1>\{\{\.Title\}\}</h1>(<p>Override [0-9]+</p>)?`).ReplaceAllString(string(b), fmt.Sprintf("<h1>{{.Title}}</h1><p>Override %d</p>", n))
		writeAll(t, filepath.Join(site, "themes", "default", "templates", "page.html"), s)
	}, false},
	{"words file", func(t *testing.T, site string, n int) {
		b, _ := readDefault("i18n/en-GB.toml")
		writeAll(t, filepath.Join(site, "themes", "default", "i18n", "en-GB.toml"), string(b)+fmt.Sprintf("\n# edited %d\n", n))
	}, false},
	{"add an indicator", func(t *testing.T, site string, n int) {
		writeAll(t, filepath.Join(site, "data", "indicators", fmt.Sprintf("new%d.toml", n)), fmt.Sprintf(`[[indicator]]
id = "events-%d"
title = "Number of library events"
service = "libraries"
frequency = "quarterly"
unit = "count"
polarity = "higher"
definition = "Events held in the council's libraries."
`, n))
		writeAll(t, filepath.Join(site, "data", "values", fmt.Sprintf("new%d.csv", n)), fmt.Sprintf("indicator,period,value,target,flag,note\nevents-%d,2024/25 Q1,31,,,\nevents-%d,2024/25 Q2,35,,,\n", n, n))
	}, false},
	{"retire or restore an indicator", func(t *testing.T, site string, n int) {
		name := filepath.Join(site, "data", "indicators", "loans.toml")
		b, err := os.ReadFile(name)
		if err != nil {
			return // removed by another change
		}
		if strings.Contains(string(b), "status = \"retired\"") {
			edit(t, name, func(s string) string { return s[:strings.Index(s, "status = ")] })
			return
		}
		edit(t, name, func(s string) string {
			return s + "status = \"retired\"\nretired = \"2024/25 Q1\"\nreplaced_by = [\"library-visits\"]\n"
		})
	}, false},
	{"retire without a period, or restore", func(t *testing.T, site string, n int) {
		name := filepath.Join(site, "data", "indicators", "loans.toml")
		b, err := os.ReadFile(name)
		if err != nil {
			return // removed by another change
		}
		if strings.Contains(string(b), "status = \"retired\"") {
			edit(t, name, func(s string) string { return s[:strings.Index(s, "status = ")] })
			return
		}
		edit(t, name, func(s string) string { return s + "status = \"retired\"\n" })
	}, false},
	{"add or remove an indicator", func(t *testing.T, site string, n int) {
		toml := filepath.Join(site, "data", "indicators", "loans.toml")
		if _, err := os.Stat(toml); err == nil {
			os.Remove(toml)
			os.Remove(filepath.Join(site, "data", "values", "loans.csv"))
			return
		}
		addSecondIndicator(t, site)
	}, false},
}

func readDefault(name string) ([]byte, error) {
	f, err := themes.Default().Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

// rebuildMatchesCold copies out, rebuilds site into out with the cache
// and into the copy without, and fails unless the two are the same file
// for file. It returns the cached build's output line.
func rebuildMatchesCold(t *testing.T, site, out string) string {
	t.Helper()
	ref := filepath.Join(t.TempDir(), "ref")
	if _, err := os.Stat(out); err == nil {
		if err := os.CopyFS(ref, os.DirFS(out)); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCLI(t, "build", "-s", site, "-o", out)
	if code != exitOK {
		t.Fatalf("rebuild: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "build", "--no-cache", "-s", site, "-o", ref); code != exitOK {
		t.Fatalf("build without the cache: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(ref + ".kpisite-cache"); err == nil {
		t.Error("--no-cache left a build cache")
	}
	compareTrees(t, out, ref)
	return stdout
}

func compareTrees(t *testing.T, got, want string) {
	t.Helper()
	rel := func(dir string) map[string][]byte {
		m := map[string][]byte{}
		for p, b := range snapshot(t, dir) {
			r, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(r)] = b
		}
		return m
	}
	g, w := rel(got), rel(want)
	var diffs []string
	for p, b := range w {
		if gb, ok := g[p]; !ok {
			diffs = append(diffs, "missing "+p)
		} else if !bytes.Equal(gb, b) {
			diffs = append(diffs, "differs "+p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("the build with the cache differs from the build without it (%d files):\n%s", len(diffs), strings.Join(diffs, "\n"))
	}
}

func coldBuild(t *testing.T, site string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", out); code != exitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(out + ".kpisite-cache"); err != nil {
		t.Fatalf("the build left no cache: %v", err)
	}
	return out
}

func TestCacheRebuildIsIdenticalToCold(t *testing.T) {
	for _, m := range cacheMutations {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			site := cacheSite(t)
			out := coldBuild(t, site)
			m.change(t, site, 1)
			stdout := rebuildMatchesCold(t, site, out)
			if m.kept && !strings.Contains(stdout, "kept from the previous build") {
				t.Errorf("the rebuild kept no page: %s", stdout)
			}
		})
	}
}

// An old figure revised: the reports from its quarter on are rendered
// again, the earlier ones kept (the rest of the comparison is above).
func TestCacheOldFigureRendersLaterReports(t *testing.T) {
	site := cacheSite(t)
	out := coldBuild(t, site)
	before := snapshot(t, out)
	cacheMutations[1].change(t, site, 1)
	rebuildMatchesCold(t, site, out)
	after := snapshot(t, out)
	changed := func(slug string) bool {
		p := filepath.Join(out, "reports", slug, "index.html")
		return !bytes.Equal(before[p], after[p])
	}
	if changed("2023-24-q2") || changed("2023-24-q1") {
		t.Error("a report before the revised quarter changed")
	}
	if !changed("2023-24-q3") || !changed("2024-25-q1") {
		t.Error("a report from the revised quarter on did not change")
	}
}

// The build date decides the "due for an update" notice.
func TestCacheBuildDate(t *testing.T) {
	site := cacheSite(t)
	t.Setenv("SOURCE_DATE_EPOCH", fmt.Sprint(time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC).Unix()))
	out := coldBuild(t, site)
	t.Setenv("SOURCE_DATE_EPOCH", fmt.Sprint(time.Date(2025, 1, 11, 0, 0, 0, 0, time.UTC).Unix()))
	if s := rebuildMatchesCold(t, site, out); !strings.Contains(s, "kept") {
		t.Errorf("a build the next day, nothing due yet, kept no page: %s", s)
	}
	t.Setenv("SOURCE_DATE_EPOCH", fmt.Sprint(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC).Unix()))
	rebuildMatchesCold(t, site, out)
	b, err := os.ReadFile(filepath.Join(out, "about", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("due")) {
		t.Error("the page built after the next update date does not say the figures are due")
	}
}

// A cache that cannot be trusted is not: a damaged index, files of OUT
// edited by hand (even keeping their size and modification time), OUT
// removed, OUT replaced by a build without the cache.
func TestCacheNotTrusted(t *testing.T) {
	page := filepath.Join("indicators", "library-visits", "index.html")
	cases := []struct {
		name string
		harm func(t *testing.T, out string)
	}{
		{"corrupt index", func(t *testing.T, out string) {
			edit(t, out+".kpisite-cache", func(s string) string { return s[:len(s)-1] + string(s[len(s)-1]^1) })
		}},
		{"index of another build", func(t *testing.T, out string) {
			rewriteIndex(t, out, func(s string) string { return changeString(t, s, 0) })
		}},
		{"index of another output", func(t *testing.T, out string) {
			rewriteIndex(t, out, func(s string) string { return changeString(t, s, 1) })
		}},
		{"file edited", func(t *testing.T, out string) {
			edit(t, filepath.Join(out, page), func(s string) string { return s + "<p>edited</p>" })
		}},
		{"file edited keeping size and time", func(t *testing.T, out string) {
			name := filepath.Join(out, page)
			st, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			edit(t, name, func(s string) string { return strings.Replace(s, "<h1", "<H1", 1) })
			if err := os.Chtimes(name, st.ModTime(), st.ModTime()); err != nil {
				t.Fatal(err)
			}
		}},
		{"file replaced", func(t *testing.T, out string) {
			name := filepath.Join(out, page)
			b, _ := os.ReadFile(name)
			os.Remove(name)
			writeAll(t, name, strings.Replace(string(b), "<h1", "<H1", 1))
		}},
		{"file removed", func(t *testing.T, out string) {
			os.Remove(filepath.Join(out, page))
		}},
		{"OUT removed", func(t *testing.T, out string) {
			os.RemoveAll(out)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			site := cacheSite(t)
			out := coldBuild(t, site)
			c.harm(t, out)
			// The reference: the untouched site built cold, and built
			// again (as OUT is) unless OUT is gone.
			_, statErr := os.Stat(out)
			ref := coldBuild(t, site)
			code, _, stderr := runCLI(t, "build", "-s", site, "-o", out)
			if code != exitOK {
				t.Fatalf("rebuild: exit %d\n%s", code, stderr)
			}
			if statErr == nil {
				if code, _, stderr := runCLI(t, "build", "--no-cache", "-s", site, "-o", ref); code != exitOK {
					t.Fatalf("reference: exit %d\n%s", code, stderr)
				}
			}
			compareTrees(t, out, ref)
		})
	}
}

// rewriteIndex edits the body of OUT's cache index and gives it the right
// checksum, as a cache written by something else would have.
func rewriteIndex(t *testing.T, out string, f func(string) string) {
	t.Helper()
	edit(t, out+".kpisite-cache", func(s string) string {
		first, body, _ := strings.Cut(s, "\n")
		body = f(body)
		fields := strings.Fields(first)
		sum := sha256.Sum256([]byte(body))
		return fields[0] + " " + fields[1] + " " + hex.EncodeToString(sum[:]) + "\n" + body
	})
}

// changeString changes the first character of the n-th string at the
// start of a cache file's body (0 its identity, 1 its manifest's
// checksum), keeping its length.
func changeString(t *testing.T, body string, n int) string {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		l, w := binary.Uvarint([]byte(body[off:]))
		if w <= 0 || l == 0 || off+w+int(l) > len(body) {
			t.Fatalf("the cache's string %d cannot be read", i)
		}
		if i == n {
			c := byte('0')
			if body[off+w] == '0' {
				c = '1'
			}
			return body[:off+w] + string(c) + body[off+w+1:]
		}
		off += w + int(l)
	}
}

// Several changes one after the other, each rebuild compared with a
// build without the cache; the seed is fixed, so a failure repeats.
func TestCacheRandomSequence(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	r := rand.New(rand.NewPCG(13, 4))
	site := cacheSite(t)
	out := coldBuild(t, site)
	for step := range 8 {
		var names []string
		for range 1 + r.IntN(3) {
			m := cacheMutations[r.IntN(len(cacheMutations))]
			m.change(t, site, 10*step+len(names)+2)
			names = append(names, m.name)
		}
		t.Logf("step %d: %s", step, strings.Join(names, ", "))
		rebuildMatchesCold(t, site, out)
		if t.Failed() {
			return
		}
	}
}

// A new release (a new quarter's figures, a new published date and next
// update) renders the indicator pages and the reports of the current and
// the previous current period, and keeps every earlier report: the same
// file, linked from the previous OUT.
func TestCacheNewReleaseKeepsArchivedReports(t *testing.T) {
	site := cacheSite(t)
	out := coldBuild(t, site)
	stat := func(slug string) os.FileInfo {
		st, err := os.Stat(filepath.Join(out, "reports", slug, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	archived := []string{"2023-24-q1", "2023-24-q2", "2023-24-q3", "2023-24-q4", "2024-25-q1"}
	before := map[string]os.FileInfo{}
	for _, slug := range append(archived, "2024-25-q2") {
		before[slug] = stat(slug)
	}
	edit(t, filepath.Join(site, "data", "values", "libraries.csv"), func(s string) string {
		return strings.TrimRight(s, "\n") + "\nlibrary-visits,2024/25 Q3,\"45,900\",,,\n"
	})
	edit(t, filepath.Join(site, "data", "values", "loans.csv"), func(s string) string { return s + "book-loans,2024/25 Q3,9500,,,\n" })
	replaceRe(t, filepath.Join(site, "site.toml"), `(?m)^published = .*$`, "published = 2027-01-20")
	replaceRe(t, filepath.Join(site, "site.toml"), `(?m)^next_update = .*$`, "next_update = 2027-04-20")
	rebuildMatchesCold(t, site, out)
	for _, slug := range archived {
		if !os.SameFile(before[slug], stat(slug)) {
			t.Errorf("report %s was rendered again; want it kept from the previous build", slug)
		}
	}
	if os.SameFile(before["2024-25-q2"], stat("2024-25-q2")) {
		t.Error("the report of the previous current period was kept; it must now be archived (its own date, no next update)")
	}
	stat("2024-25-q3")
}

// Rebuilds after the first turn the site replaced (kept beside OUT as
// OUT.kpisite-spare) into the new one: each is identical to a build
// without the cache, a change undone is kept from the spare, and
// --no-cache removes the spare with the cache.
func TestCacheSpareSequence(t *testing.T) {
	site := cacheSite(t)
	out := coldBuild(t, site)
	if _, err := os.Lstat(out + ".kpisite-spare"); err == nil {
		t.Error("a cold build into a new folder left a spare")
	}
	latest := cacheMutations[0] // the latest value: the benchmark's change
	for step, n := range []int{1, 2, 1, 3, 1} {
		latest.change(t, site, n)
		stdout := rebuildMatchesCold(t, site, out)
		if _, err := os.Lstat(out + ".kpisite-spare"); err != nil {
			t.Errorf("step %d: no spare beside OUT: %v", step, err)
		}
		// From the second rebuild on, a value back to the one two builds
		// ago keeps every page (the spare has them all); the first
		// rebuild renders some.
		m := regexp.MustCompile(`built ([0-9,]+) pages.*\(([0-9,]+) pages unchanged`).FindStringSubmatch(stdout)
		all := m != nil && m[1] == m[2]
		if want := step >= 2 && n == 1; all != want {
			t.Errorf("step %d: every page kept: %v, want %v: %s", step, all, want, stdout)
		}
	}
	if code, _, stderr := runCLI(t, "build", "--no-cache", "-s", site, "-o", out); code != exitOK {
		t.Fatalf("--no-cache: exit %d\n%s", code, stderr)
	}
	for _, p := range []string{out + ".kpisite-cache", out + ".kpisite-spare"} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("--no-cache left %s", filepath.Base(p))
		}
	}
}

// The fragment store: written by a build with the cache, used by the
// rebuild after one figure changes (the output compared above), and
// removed by --no-cache.
func TestCacheFragmentStore(t *testing.T) {
	site := cacheSite(t)
	out := coldBuild(t, site)
	if st, err := os.Stat(out + ".kpisite-fragments"); err != nil || st.Size() == 0 {
		t.Fatalf("the build left no fragment store: %v", err)
	}
	cacheMutations[0].change(t, site, 1)
	rebuildMatchesCold(t, site, out)
	if code, _, stderr := runCLI(t, "build", "--no-cache", "-s", site, "-o", out); code != exitOK {
		t.Fatalf("build without the cache: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(out + ".kpisite-fragments"); err == nil {
		t.Error("--no-cache left the fragment store")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("beside OUT after --no-cache: %s", e.Name())
		}
	}
}

// A rebuild appends to the fragment store in place; a build killed in the
// middle of that append leaves the store cut short anywhere in the
// appended part. The next build must use no wrong piece: its output is
// that of a build without the cache, and it leaves a store the build
// after it uses again.
func TestCacheFragmentStoreCutShort(t *testing.T) {
	site := cacheSite(t)
	out := coldBuild(t, site)
	store := out + ".kpisite-fragments"
	before, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	change := cacheMutations[0].change
	change(t, site, 1)
	rebuildMatchesCold(t, site, out)
	after, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(after, before) || len(after) == len(before) {
		t.Fatalf("the rebuild did not append to the store (%d bytes, then %d)", len(before), len(after))
	}
	// The cuts: the append's first bytes, its last (the tail), and
	// some between.
	cuts := []int{len(before), len(before) + 1, len(after) - 12, len(after) - 4, len(after) - 1}
	for i := 1; i < 6; i++ {
		cuts = append(cuts, len(before)+i*(len(after)-len(before))/6)
	}
	for i, n := range cuts {
		if err := os.WriteFile(store, after[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		change(t, site, 2+i)
		rebuildMatchesCold(t, site, out)
		if t.Failed() {
			t.Fatalf("after the store was cut at %d bytes (the append ran from %d to %d)", n, len(before), len(after))
		}
		if _, err := os.Stat(store); err != nil {
			t.Fatalf("the build after a store cut at %d left none: %v", n, err)
		}
	}
}

// Builds of different inputs racing into one OUT read the fragment store
// without the lock while others append to it or write it anew: each must
// publish, and whatever store a round leaves, the next build uses no
// wrong piece (its output is that of a build without the cache).
func TestCacheFragmentStoreConcurrentBuilds(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1730419200")
	mutation := func(name string) func(*testing.T, string, int) {
		for _, m := range cacheMutations {
			if m.name == name {
				return m.change
			}
		}
		t.Fatalf("no mutation %q", name)
		return nil
	}
	value, comment := mutation("latest value"), mutation("commentary")
	var sites [3]string
	for i := range sites {
		sites[i] = cacheSite(t)
		value(t, sites[i], i+1)
		comment(t, sites[i], i%2)
	}
	out := coldBuild(t, sites[0])
	for round := range 3 {
		var wg sync.WaitGroup
		var results [3]string
		for i := range sites {
			wg.Go(func() {
				cmd := exec.Command(os.Args[0], "build", "-s", sites[i], "-o", out)
				cmd.Env = append(os.Environ(), "KPISITE_TEST_MAIN=1")
				if b, err := cmd.CombinedOutput(); err != nil {
					results[i] = fmt.Sprintf("%v\n%s", err, b)
				}
			})
		}
		wg.Wait()
		for i, r := range results {
			if r != "" {
				t.Errorf("round %d, build of site %d: %s", round, i, r)
			}
		}
		s := sites[round]
		value(t, s, 10+round)
		rebuildMatchesCold(t, s, out)
		if t.Failed() {
			t.Fatalf("round %d", round)
		}
	}
}
