package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestTOMLTooDeep(t *testing.T) {
	deep := func(open, close string, n int) string {
		return "a = " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n) + "\n"
	}
	tests := []struct {
		name string
		src  string
		want int // offset of the first level too deep, or -1
	}{
		{"empty", "", -1},
		{"flat", "title = \"x\"\n[reporting]\npublished = 2022-07-21\n", -1},
		{"indicator target list", "[[indicator]]\nid = \"a\"\ntarget = [\n  { kind = \"fixed\", value = 1, from = \"2019/20 Q1\" },\n  { kind = \"fixed\", value = 2 },\n]\n", -1},
		{"twelve inline tables", "a = " + strings.Repeat("{b=", 11) + "1" + strings.Repeat("}", 11) + "\n", -1},
		{"thirteen inline tables", deep("{b=", "}", 13), 4 + 3*11},
		{"nested arrays", deep("[", "]", 100), 4 + 11},
		{"dotted key", "a" + strings.Repeat(".b", 20) + " = 1\n", 1 + 2*11},
		{"dotted table header", "[a" + strings.Repeat(".b", 20) + "]\n", 0},
		{"dotted key in an inline table", "a = { b" + strings.Repeat(".c", 20) + " = 1 }\n", 7 + 2*10},
		{"depth adds up: header, key, value", "[a.b.c.d]\ne.f.g.h = [[[[[1]]]]]\n", len("[a.b.c.d]\ne.f.g.h = [[[[")},
		{"brackets in strings do not count", "a = \"" + strings.Repeat("[{", 100) + "\"\nb = '''\n" + strings.Repeat("{", 100) + "'''\n", -1},
		{"brackets in comments do not count", "# " + strings.Repeat("[", 100) + "\na = 1\n", -1},
		{"dots in values do not count", "a = 1.5\nb = \"x.y.z.w.v.u.t.s.r.q.p.o.n.m\"\nc = 2022-07-21T10:00:00.123\n", -1},
		{"closed levels are freed", strings.Repeat("a = {b={c={d=1}}}\n", 100), -1},
		{"dotted keys in inline tables are freed", "a = {" + strings.Repeat("b.c.d = 1, ", 50) + "}\n", -1},
		{"unclosed string", "a = \"" + strings.Repeat("[", 100), -1},
		{"unclosed brackets", "a = " + strings.Repeat("[", 11), -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tomlTooDeep([]byte(tt.src), MaxTOMLDepth); got != tt.want {
				t.Errorf("tomlTooDeep = %d, want %d", got, tt.want)
			}
		})
	}
}

// The example site's TOML files are far from the limit.
func TestTOMLTooDeepExampleSite(t *testing.T) {
	files, _ := filepath.Glob("../../data/indicators/*.toml")
	files = append(files, "../../site.toml")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if off := tomlTooDeep(src, 4); off >= 0 {
			line, col := lineCol(src, off)
			t.Errorf("%s:%d:%d: nested more than 4 deep", f, line, col)
		}
	}
}

// Hostile nesting is rejected, at its line and column, before the TOML
// decoder sees it (which takes seconds and gigabytes for a few kilobytes
// of nested inline tables).
func TestNestedTOMLRejected(t *testing.T) {
	nested := "[[indicator]]\nid = \"a\"\n\nx = " + strings.Repeat("{b=", 200) + "1" + strings.Repeat("}", 200) + "\n"
	var ps model.Problems
	if inds := IndicatorFile("data/indicators/deep.toml", []byte(nested), &ps); inds != nil {
		t.Errorf("indicators %v from a file nested too deep", inds)
	}
	checkProblems(t, ps, []string{
		`data/indicators/deep.toml:4:35: TOML is nested more than 12 levels deep here (tables, dotted keys, arrays and inline tables inside one another); expected at most 12 levels (kpisite's files need no more than 4), so the file was not read`,
	})

	_, ps = SiteConfig(mapFS(map[string]string{"site.toml": "title = \"t\"\n" + "a" + strings.Repeat(".b", 5000) + " = 1\n"}))
	if len(ps) != 1 || ps[0].Pos.String() != "site.toml:2:24" || !strings.Contains(ps[0].Message, "nested more than 12 levels") {
		t.Errorf("site.toml with a deep dotted key: %v", lines(ps))
	}

	// Front matter is TOML too.
	_, ps = Content(mapFS(map[string]string{"content/about.md": "+++\ntitle = " + strings.Repeat("[", 5000) + "\n+++\nBody\n"}))
	if len(ps) == 0 || ps[0].Pos.String() != "content/about.md:2:20" || !strings.Contains(ps[0].Message, "nested more than 12 levels") {
		t.Errorf("front matter with deep arrays: %v", lines(ps))
	}
}

func TestReadFileMax(t *testing.T) {
	fsys := mapFS(map[string]string{"data/values/big.csv": strings.Repeat("x", 2048), "data/values/ok.csv": "abc"})
	var ps model.Problems
	if b, ok := readFileMax(fsys, "data/values/ok.csv", 1024, &ps); !ok || string(b) != "abc" {
		t.Errorf("ok.csv: %q, %v", b, ok)
	}
	if _, ok := readFileMax(fsys, "data/values/big.csv", 1024, &ps); ok {
		t.Errorf("big.csv read")
	}
	checkProblems(t, ps, []string{"data/values/big.csv: file is 2.0 KB; expected at most 1.0 KB (split it into several files)"})
	if got := byteSize(MaxCSVBytes); got != "128 MB" {
		t.Errorf("byteSize(MaxCSVBytes) = %q", got)
	}
	if got := byteSize(200<<20 + 1<<19); got != "200.5 MB" {
		t.Errorf("byteSize = %q", got)
	}
}

func TestCellAndNoteLimits(t *testing.T) {
	long := strings.Repeat("é", MaxCellChars+1)
	var ps model.Problems
	c := ReadCSV("data/values/a.csv", []byte("indicator,period,value,note\nidva-referrals,2022/23 Q1,1,\""+long+"\"\nidva-referrals,2022/23 Q2,2,\n"), &ps)
	if len(c.Rows) != 1 || c.Rows[0][1].Text != "2022/23 Q2" {
		t.Errorf("rows: %v", c.Rows)
	}
	checkProblems(t, ps, []string{`data/values/a.csv:2:29: cell is 10001 characters long; expected at most 10000 (a double quote that is never closed where it should be makes one cell of many lines)`})

	ps = nil
	inds := mustIndicators(t, testIndicators)
	note := strings.Repeat("n", MaxNoteChars+1)
	obs := ValuesFile("data/values/a.csv", []byte("indicator,period,value,note\nidva-referrals,2022/23 Q1,1,"+note+"\nidva-referrals,2022/23 Q2,2,"+note[1:]+"\n"), inds, &ps)
	if len(obs) != 1 {
		t.Errorf("observations: %v", obs)
	}
	checkProblems(t, ps, []string{`data/values/a.csv:2:29: column "note" is 1001 characters long; expected at most 1000 (a note is a short footnote shown under the table; longer text belongs in content/commentary/)`})
}

// A huge broken file keeps the first problems and counts the rest.
func TestCSVProblemsAreCounted(t *testing.T) {
	inds := mustIndicators(t, testIndicators)
	var b strings.Builder
	b.WriteString("indicator,period,value\n")
	const rows = 5000
	for i := 0; i < rows; i++ {
		b.WriteString("idva-referrals,2022/23 Q1,4l2\n")
	}
	var ps model.Problems
	ValuesFile("data/values/big.csv", []byte(b.String()), inds, &ps)
	if len(ps) > MaxProblemsPerFile+2 {
		t.Errorf("%d problems kept", len(ps))
	}
	if e, w := ps.Count(); e != rows || w != 0 {
		t.Errorf("counted %d errors, %d warnings; want %d errors", e, w, rows)
	}
	capped := ps.Sort().Capped(50)
	if len(capped) != 51 || capped[50].String() != "data/values/big.csv: ... and 4950 more in data/values/big.csv" {
		t.Errorf("capped: %d problems, last %v", len(capped), capped[len(capped)-1])
	}
}
