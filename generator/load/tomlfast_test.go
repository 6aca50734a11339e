package load

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// sameAsBurntSushi fails if tomlFast accepts src and gives anything but
// the map BurntSushi/toml decodes it into and the keys scanKeys finds. It
// reports whether tomlFast accepted src.
func sameAsBurntSushi(tb testing.TB, src []byte) bool {
	tb.Helper()
	got, keys, ok := tomlFast("f.toml", src)
	if !ok {
		return false
	}
	if want := scanKeys("f.toml", src); !reflect.DeepEqual(keys, want) {
		tb.Fatalf("tomlFast(%q) keys\n = %v\nwant %v", src, keys, want)
	}
	var want map[string]any
	if _, err := toml.Decode(string(src), &want); err != nil {
		tb.Fatalf("tomlFast accepted %q, which BurntSushi rejects: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		tb.Fatalf("tomlFast(%q)\n = %#v\nwant %#v", src, got, want)
	}
	return true
}

// tomlFastTests are the rows of TestTOMLFast, and seeds of FuzzTOMLFast.
var tomlFastTests = []struct {
	name string
	src  string
	fast bool // the fast path decodes it (else BurntSushi does)
}{
	{"empty", "", true},
	{"comments and blank lines", "# a\n\n  # b\r\n\t\n", true},
	{"indicator", "[[indicator]]\nid = \"kpi-1\" # c\ndecimals = 1\npolarity = 'higher'\ntarget = { kind = \"fixed\", value = 74.9 }\n\n[[indicator]]\nid = \"kpi-2\"\n", true},
	{"subtable of an array element", "[[indicator]]\nid = \"a\"\n[indicator.cy]\ntitle = \"Y\"\n[[indicator]]\nid = \"b\"\n[indicator.cy]\ntitle = \"Z\"\n", true},
	{"tables", "title = \"T\"\n[reporting]\npublished = \"2022-07-21\"\n[ summary . status ]\n[\"q k\".'l k']\nx = 1\n", true},
	{"implicit then child", "[a.b]\nx = 1\n[a.c]\ny = 2\n", true},
	{"numbers", "a = 0\nb = -0\nc = +7\nd = 9223372036854775807\ne = -1.5\nf = 1e5\ng = 2.5E-3\nh = 0.0\ni = -0.0\nj = 1#c\n", true},
	{"booleans", "a = true\nb = false\nc = [true,false]\n", true},
	{"strings", "a = \"\"\nb = ''\nc = \"x\\\"y\\\\z\\n\\t\\b\\f\\r\"\nd = 'C:\\x'\ne = \"é ✓\"\n", true},
	{"multi-line strings", "a = \"\"\"\nline \"one\"\n\"\"two\"\" \\\"\"\"\"\nb = '''\r\nraw \\n ''x'' '''\nc = \"\"\"\"\"\"\n", true},
	{"arrays", "a = []\nb = [ 1, \"x\", [2, 3], {k = 1}, ]\nc = [\n  \"a]\", # ]\n  { k = [ {j = 1} ] },\n]\n", true},
	{"inline tables", "a = {}\nb = { c = { d = [1] }, 'e' = \"f\" }\n", true},
	{"target list", "target = [ { kind = \"fixed\", value = 5, amber = 4, from = \"2017/18\" }, { kind = \"none\" } ]\n", true},
	{"key positions", "  t = \"é\" ; x = 1\n[[a]]\n  \"k é\" = { 'x' = [ 1, { y = [[{z = 1}], []] } ] }\n\tq = \"\"\"\n\n\"\"\" # é\n[a.b]\n[[a]]\n[a.b]\n[[c.d]]\n[[c.d]]\n[c.d.e]\nf = 1\n", false},
	{"key positions after multi-byte text", "t = \"é ✓\"\n[[a]]\n  \"k é\" = { 'x' = [ 1, { y = [[{z = 1}], []] } ] }\n\tq = \"\"\"\n\n\"\"\" # é\n[a.b]\n[[a]]\n[a.b]\n[[c.d]]\n[[c.d]]\n[c.d.e]\nf = 1\n", true},
	{"CRLF", "[[a]]\r\nb = 1 # c\r\nc = [\r\n 1,\r\n]\r\n", true},

	{"date", "published = 2022-07-21\n", false},
	{"time", "t = 07:32:00\n", false},
	{"dotted key", "a.b = 1\n", false},
	{"dotted key in inline table", "a = { b.c = 1 }\n", false},
	{"duplicate key", "a = 1\na = 2\n", false},
	{"table twice", "[a]\n[a]\n", false},
	{"implicit table defined later", "[a.b]\n[a]\n", false},
	{"header into a value", "a = 1\n[a.b]\n", false},
	{"header into an inline table", "a = {}\n[a.b]\n", false},
	{"array of tables over a table", "[a]\n[[a]]\n", false},
	{"trailing comma in inline table", "a = { b = 1, }\n", false},
	{"newline in inline table", "a = { b = 1,\n c = 2 }\n", false},
	{"unicode escape", "a = \"\\u00e9\"\n", false},
	{"line-ending backslash", "a = \"\"\"x \\\n  y\"\"\"\n", false},
	{"four closing quotes", "a = \"\"\"x\"\"\"\"\n", false},
	{"underscore", "a = 1_000\n", false},
	{"hex", "a = 0x10\n", false},
	{"leading zero", "a = 01\n", false},
	{"inf", "a = inf\n", false},
	{"too big", "a = 9223372036854775808\n", false},
	{"quoted key with a dot", "\"a.b\" = 1\n", false},
	{"quoted key with a bracket", "['a[0]']\n", false},
	{"empty quoted key", "\"\" = 1\n", false},
	{"lone CR", "a = 1\r", false},
	{"control character", "a = \"\x01\"\n", false},
	{"invalid UTF-8", "a = \"\xff\"\n", false},
	{"BOM", "\ufeffa = 1\n", false},
	{"garbage after value", "a = 1 2\n", false},
	{"unterminated", "a = \"x\n", false},
	{"no value", "a =\n", false},
}

func TestTOMLFast(t *testing.T) {
	for _, tt := range tomlFastTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameAsBurntSushi(t, []byte(tt.src)); got != tt.fast {
				t.Errorf("tomlFast accepted = %v, want %v", got, tt.fast)
			}
		})
	}
}

// TestTOMLFastRepoFiles: every TOML file in the repository gives
// BurntSushi's map, and every indicator file (the example sites, scaffold
// and importer output) takes the fast path.
func TestTOMLFastRepoFiles(t *testing.T) {
	files := repoTOMLFiles(t)
	if len(files) < 10 {
		t.Fatalf("found only %d TOML files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Indicator files take the fast path; site.toml has a date and
		// the themes' words have dotted keys, left to BurntSushi.
		if !sameAsBurntSushi(t, src) && strings.Contains(filepath.ToSlash(f), "data/indicators/") {
			t.Errorf("%s: not decoded by the fast path", f)
		}
	}
}

// repoTOMLFiles lists the repository's TOML files (testdata included).
func repoTOMLFiles(tb testing.TB) []string {
	tb.Helper()
	var files []string
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".toml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// FuzzTOMLFast: for any input, tomlFast declines or gives a map
// reflect.DeepEqual to BurntSushi's. Seeded with every TOML file in the
// repository and testdata/fuzz/FuzzTOMLFast (part of the 1,000-indicator
// benchmark site's files).
func FuzzTOMLFast(f *testing.F) {
	for _, p := range repoTOMLFiles(f) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, tt := range tomlFastTests {
		f.Add([]byte(tt.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sameAsBurntSushi(t, src)
	})
}

// BenchmarkDecodeTOML reads an indicator file like the 1,000-indicator
// benchmark site's (125 indicators, about 30 KB) through the fast path,
// and as it was read before: BurntSushi/toml, then scanKeys.
func BenchmarkDecodeTOML(b *testing.B) {
	var sb strings.Builder
	for i := range 125 {
		fmt.Fprintf(&sb, "[[indicator]]\nid = \"kpi-%05d\"\ntitle = \"Number of missed bin collections (KPI-%05d)\"\n"+
			"service = \"adult-social-care\"\nfrequency = \"quarterly\"\nunit = \"percent\"\ndecimals = 1\n"+
			"polarity = \"higher\"\ntarget = { kind = \"fixed\", value = %d.%d }\n\n", i, i, i%100, i%10)
	}
	src := []byte(sb.String())
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, ok := tomlFast("f.toml", src); !ok {
				b.Fatal("the fast path declined")
			}
		}
	})
	b.Run("burntsushi", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var m map[string]any
			if _, err := toml.Decode(string(src), &m); err != nil {
				b.Fatal(err)
			}
			scanKeys("f.toml", src)
		}
	})
}
