package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"kpisite/generator/render"
)

// The fragment store's promise (render.Fragments): a build that copies
// the current report's sections and the feed's commentary entries from
// the store writes exactly the bytes of a build that renders them all.
// Each case builds the example site (English and Welsh) with hostile
// commentary, changes it, and compares a build with the store left by the
// build before against a build without one, file for file.

// memFragments is a fragment store in memory, as publish.Fragments keeps
// one in a file: commit makes this build's fragments the next build's.
type memFragments struct {
	mu        sync.Mutex
	old, next map[render.Key][]byte
	oldGroups map[string][]render.Key
	groups    map[string][]render.Key
	live, put map[string]bool
	hits      int
}

func newMemFragments() *memFragments {
	m := &memFragments{old: map[render.Key][]byte{}, oldGroups: map[string][]render.Key{}}
	m.reset()
	return m
}

func (m *memFragments) reset() {
	m.next, m.groups = map[render.Key][]byte{}, map[string][]render.Key{}
	m.live, m.put, m.hits = map[string]bool{}, map[string]bool{}, 0
}

func (m *memFragments) Live(g string) { m.mu.Lock(); m.live[g] = true; m.mu.Unlock() }

func (m *memFragments) Len(k render.Key) (int, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.old[k]
	return len(b), ok
}

func (m *memFragments) Get(k render.Key, buf []byte) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.old[k]
	if ok {
		m.hits++
	}
	return append(buf[:0], b...), ok
}

func (m *memFragments) Put(g string, k render.Key, b []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.put[g] = true
	m.next[k] = bytes.Clone(b)
	m.groups[g] = append(m.groups[g], k)
}

func (m *memFragments) commit() {
	for g, ks := range m.oldGroups {
		if m.live[g] && !m.put[g] {
			for _, k := range ks {
				m.next[k] = m.old[k]
				m.groups[g] = append(m.groups[g], k)
			}
		}
	}
	m.old, m.oldGroups = m.next, m.groups
	m.reset()
}

// memCreate is a file written through Options.Create, kept in files.
type memCreate struct {
	bytes.Buffer
	path  string
	mu    *sync.Mutex
	files map[string][]byte
}

func (w *memCreate) Close() error {
	w.mu.Lock()
	w.files[w.path] = bytes.Clone(w.Bytes())
	w.mu.Unlock()
	return nil
}

// buildWithFragments builds fsys as kpisite build does with a cache (every
// page rendered: no page is kept), its pieces copied from store.
func buildWithFragments(t *testing.T, fsys fs.FS, store *memFragments) map[string][]byte {
	return buildFragmentsOn(t, fsys, store, buildDate)
}

func buildFragmentsOn(t *testing.T, fsys fs.FS, store *memFragments, date time.Time) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	var mu sync.Mutex
	o := Options{
		BuildDate: date, Version: "test", CacheID: func() []byte { return []byte("fragments test") }, Fragments: store,
		Emit: func(p string, b []byte) error {
			mu.Lock()
			files[p] = bytes.Clone(b)
			mu.Unlock()
			return nil
		},
		Create: func(p string) (io.WriteCloser, error) { return &memCreate{path: p, mu: &mu, files: files}, nil },
		Reuse:  func(string, render.Key) ([]string, []byte, bool) { return nil, nil, false },
		Made:   func(string, render.Key, []string, []byte) {},
	}
	if _, c, err := Build(fsys, o); err != nil {
		if c != nil {
			t.Fatalf("build: %v\n%v", err, c.Problems)
		}
		t.Fatalf("build: %v", err)
	}
	return files
}

// exampleFS is the repository's example site in memory.
func exampleFS(t *testing.T) fstest.MapFS {
	t.Helper()
	root := filepath.Join("..", "..")
	m := fstest.MapFS{}
	for _, top := range []string{"site.toml", "data", "content"} {
		err := fs.WalkDir(os.DirFS(root), top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(os.DirFS(root), p)
			m[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// PNG charts take most of a build's time and have no pieces.
	editFS(t, m, "site.toml", `(?m)^png_charts = true`, "png_charts = false")
	return m
}

// hostileMarkdown is commentary that tries every escape: raw HTML,
// headings (shifted, with prefixed ids), a table (a caption id), links
// a page must not carry, XML's end of CDATA and characters XML and JSON
// treat specially.
func hostileMarkdown(r *rand.Rand, n int) string {
	parts := []string{
		"# Heading <one> & \"two\"\n\nText with <script>alert(1)</script> and ]]> and \u2028 and \x01.\n",
		"## Same heading\n\n## Same heading\n\n[a link](javascript:alert(1)) and ![img](data:x) and <b>bold</b>.\n",
		"Table: Figures & <notes>\n\n| a | b |\n|---|--:|\n| <i>1</i> | 2 |\n",
		"Setext heading\n==============\n\n> quoted `code <x>`\n\n- item &amp; more\n- [ok](https://example.org/?a=1&b=2)\n",
		"Plain words only, many of them, to make the entry long enough to matter.\n",
	}
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nauthor = \"Author <%d> & 'Co'\"\ndate = 2022-07-%02d\n+++\n\n", n, 1+r.IntN(28))
	for range 1 + r.IntN(4) {
		b.WriteString(parts[r.IntN(len(parts))])
		b.WriteByte('\n')
	}
	return b.String()
}

// withHostileCommentary gives every current commentary hostile text.
func withHostileCommentary(t *testing.T, m fstest.MapFS, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	var names []string
	for p := range m {
		if strings.HasPrefix(p, "content/commentary/") && strings.HasSuffix(p, ".md") {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	for i, p := range names {
		m[p] = &fstest.MapFile{Data: []byte(hostileMarkdown(r, i))}
	}
	if len(names) < 10 {
		t.Fatalf("the example site has %d commentaries; the test wants many", len(names))
	}
}

// editFS changes the one match of re in file name.
func editFS(t *testing.T, m fstest.MapFS, name, re, repl string) {
	t.Helper()
	f, ok := m[name]
	if !ok {
		t.Fatalf("no %s", name)
	}
	rx := regexp.MustCompile(re)
	if n := len(rx.FindAllIndex(f.Data, -1)); n != 1 {
		t.Fatalf("%s: %d matches of %s", name, n, re)
	}
	m[name] = &fstest.MapFile{Data: rx.ReplaceAll(f.Data, []byte(repl))}
}

func sameBuild(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	var diffs []string
	for p, b := range want {
		if g, ok := got[p]; !ok {
			diffs = append(diffs, "missing "+p)
		} else if !bytes.Equal(g, b) {
			diffs = append(diffs, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("the build with the fragment store differs from the build without it (%d files):\n%s", len(diffs), strings.Join(diffs, "\n"))
	}
}

func TestFragmentsSameAsWholePages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site many times")
	}
	removeTradingStandards := func(m fstest.MapFS) {
		for p := range m {
			if strings.Contains(p, "trading-standards") || strings.Contains(p, "business-compliance") || strings.Contains(p, "primary-authority") {
				delete(m, p)
			}
		}
	}
	cases := []struct {
		name   string
		setup  func(m fstest.MapFS) // before the first build
		change func(t *testing.T, m fstest.MapFS)
		hits   bool // some pieces are copied from the store
	}{
		{"one figure", nil, func(t *testing.T, m fstest.MapFS) {
			editFS(t, m, "data/values/libraries-wide.csv", `402310 \[p\]`, "402311 [p]")
		}, true},
		{"one commentary", nil, func(t *testing.T, m fstest.MapFS) {
			m["content/commentary/2022-23-q1/library-visits.md"] = &fstest.MapFile{Data: []byte("Changed <em>commentary</em> ]]>.\n")}
		}, true},
		{"an indicator's title", nil, func(t *testing.T, m fstest.MapFS) {
			editFS(t, m, "data/indicators/libraries.toml", `(?m)^title = "Number of visits made to library sites"`, `title = "Visits to <libraries> & hubs"`)
		}, true},
		{"site title", nil, func(t *testing.T, m fstest.MapFS) {
			editFS(t, m, "site.toml", `\Atitle = "[^"]*"`, `title = "A new <title> & more"`)
		}, true}, // the Welsh pages' pieces: the Welsh title is its own
		// A theme's file is in every key (KeySalt).
		{"interface words", nil, func(t *testing.T, m fstest.MapFS) {
			m["themes/default/i18n/cy.toml"] = &fstest.MapFile{Data: []byte("\"indicator.commentary\" = \"Sylwebaeth <newydd>\"\n")}
		}, false},
		{"earlier reports", nil, func(t *testing.T, m fstest.MapFS) {
			editFS(t, m, "site.toml", `(?m)^# reports_from = "2021/22 Q4".*$`, `reports_from = "2021/22 Q2"`)
		}, false},
		{"one figure, with earlier reports", nil, func(t *testing.T, m fstest.MapFS) {
			editFS(t, m, "site.toml", `(?m)^# reports_from = "2021/22 Q4".*$`, `reports_from = "2021/22 Q2"`)
			store := newMemFragments()
			buildWithFragments(t, m, store)
			editFS(t, m, "data/values/libraries-wide.csv", `402310 \[p\]`, "402311 [p]")
			store.commit()
			sameBuild(t, buildWithFragments(t, m, store), mustBuild(t, m))
			if store.hits == 0 {
				t.Error("the rebuild copied nothing from the store")
			}
		}, false},
		{"an indicator leaves the report", nil, func(t *testing.T, m fstest.MapFS) {
			removeTradingStandards(m)
		}, true},
		{"an indicator joins the report", removeTradingStandards, func(t *testing.T, m fstest.MapFS) {
			for p, f := range exampleFS(t) {
				if _, ok := m[p]; !ok {
					m[p] = f
				}
			}
			withHostileCommentary(t, m, 1)
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			m := exampleFS(t)
			if c.setup != nil {
				c.setup(m)
			}
			withHostileCommentary(t, m, 1)
			store := newMemFragments()
			whole := mustBuild(t, m)
			sameBuild(t, buildWithFragments(t, m, store), whole)
			store.commit()
			if len(store.old) == 0 {
				t.Fatal("the first build stored no fragment")
			}
			// The same input again: every piece but each committee's
			// first section comes from the store.
			sameBuild(t, buildWithFragments(t, m, store), whole)
			if store.hits == 0 {
				t.Fatal("a build of the same input copied nothing from the store")
			}
			store.commit()
			c.change(t, m)
			sameBuild(t, buildWithFragments(t, m, store), mustBuild(t, m))
			if c.hits && store.hits == 0 {
				t.Error("the rebuild copied nothing from the store")
			}
			if !c.hits && store.hits != 0 {
				t.Errorf("the rebuild copied %d pieces although every piece's input changed", store.hits)
			}
			if c.name != "one figure" {
				return
			}
			// Every commentary changed, from the store the change left.
			store.commit()
			withHostileCommentary(t, m, 2)
			sameBuild(t, buildWithFragments(t, m, store), mustBuild(t, m))
		})
	}
}

// A piece's key changes with what it shows: a store whose report sections
// were swapped between two indicators would show in the output.
func TestFragmentKeysTellPiecesApart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site")
	}
	m := exampleFS(t)
	withHostileCommentary(t, m, 3)
	store := newMemFragments()
	buildWithFragments(t, m, store)
	keys := map[render.Key]string{}
	for g, ks := range store.groups {
		for _, k := range ks {
			if other, dup := keys[k]; dup && other != g {
				t.Errorf("one key in %s and %s", g, other)
			}
			keys[k] = g
		}
	}
	groups := make([]string, 0, len(store.groups))
	for g := range store.groups {
		groups = append(groups, path.Clean(g))
	}
	sort.Strings(groups)
	want := []string{"cy/feed.xml", "cy/reports/2022-23-q1/index.html", "feed.xml", "reports/2022-23-q1/index.html"}
	if fmt.Sprint(groups) != fmt.Sprint(want) {
		t.Errorf("pages with pieces stored: %v; want %v", groups, want)
	}
}

// The other test sites: comparators (compareSite), hostile text, flags,
// notes and suppression (testSite), and many indicators per committee
// (syntheticSite), each built again from the store it left.
func TestFragmentsOtherSites(t *testing.T) {
	later := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for name, c := range map[string]struct {
		fsys fstest.MapFS
		date time.Time
	}{"comparators": {compareSite(), buildDate}, "hostile": {testSite(), buildDate}, "synthetic": {syntheticSite(40), later}} {
		t.Run(name, func(t *testing.T) {
			whole, _, err := Build(c.fsys, Options{BuildDate: c.date, Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			store := newMemFragments()
			sameBuild(t, buildFragmentsOn(t, c.fsys, store, c.date), whole)
			store.commit()
			sameBuild(t, buildFragmentsOn(t, c.fsys, store, c.date), whole)
			if store.hits == 0 {
				t.Error("the second build copied nothing from the store")
			}
		})
	}
}
