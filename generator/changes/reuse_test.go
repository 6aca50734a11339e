package changes

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// sameParseFrom fails unless ParseCSVFrom reads data, beside an earlier
// file, as ParseCSV reads it alone; it reports whether rows were reused.
func sameParseFrom(t *testing.T, old, data []byte) bool {
	t.Helper()
	prev, _ := ParseCSV("old.csv", old)
	got, gotProbs := ParseCSVFrom("all.csv", data, prev)
	want, wantProbs := ParseCSV("all.csv", data)
	if fmt.Sprint(gotProbs) != fmt.Sprint(wantProbs) {
		t.Fatalf("%q after %q: problems\n%v\nwant\n%v", data, old, gotProbs, wantProbs)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q after %q: table\n%+v\nwant\n%+v", data, old, got, want)
	}
	return prev != nil && reuseRows("all.csv", bytes.TrimPrefix(data, []byte("\ufeff")), prev) != nil
}

// editCSV changes a few lines of a file: a figure changed, a row added or
// removed, a row repeated, an empty line, a quote, a row of the wrong
// length, the header, the last newline.
func editCSV(r *rand.Rand, data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	for range 1 + r.IntN(3) {
		i := r.IntN(len(lines))
		switch r.IntN(10) {
		case 0:
			lines = append(lines[:i], lines[i+1:]...)
		case 1:
			lines = append(lines[:i], append([]string{lines[i]}, lines[i:]...)...) // a repeat
		case 2:
			lines = append(lines[:i], append([]string{"\n"}, lines[i:]...)...)
		case 3:
			lines[i] = strings.Replace(lines[i], ",", `,"`, 1)
		case 4:
			lines[i] = strings.Replace(lines[i], ",", ",,", 1)
		case 5:
			lines[i] = strings.TrimSuffix(lines[i], "\n")
		default:
			lines[i] = strings.Replace(lines[i], "v", fmt.Sprintf("w%d", r.IntN(3)), 1)
		}
		if len(lines) == 0 {
			break
		}
	}
	return []byte(strings.Join(lines, ""))
}

// plainCSV is an all.csv of unquoted rows, as kpisite writes them.
func plainCSV(r *rand.Rand) []byte {
	var b strings.Builder
	if r.IntN(10) == 0 {
		b.WriteString("\ufeff")
	}
	b.WriteString("indicator,period,value,area\n")
	for i := range r.IntN(60) {
		fmt.Fprintf(&b, "kpi-%d,%d,v%d,%s\n", i%7, i/7, r.IntN(5), []string{"", "E1", "E2"}[r.IntN(3)])
	}
	return []byte(b.String())
}

func TestParseCSVFromSameAsParseCSV(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	reused := 0
	for range 20000 {
		old := plainCSV(r)
		data := editCSV(r, old)
		if r.IntN(4) == 0 {
			old, data = data, old
		}
		if sameParseFrom(t, old, data) {
			reused++
		}
	}
	if reused < 5000 {
		t.Errorf("rows reused in %d of 20,000 files; want most", reused)
	}
	// The same file, a file after nothing, and files of quoted rows.
	for _, c := range [][2]string{
		{header + "a,p,1,,,,,\n", header + "a,p,1,,,,,\n"},
		{"", header + "a,p,1,,,,,\n"},
		{header + "a,p,1,,,,,\n", header + "a,p,\"1\",,,,,\n"},
		{header + "a,p,1,,,,,\nb,p,2,,,,,", header + "a,p,1,,,,,\nb,p,3,,,,,"},
		{header + "a,p,1,,,,,\nb,p,2,,,,,\n", header + "a,p,1,,,,,\nb,p,2,,,,,"},
		{header + "a,p,1,,,,,\nb,p,2,,,,,\nc,p,3,,,,,\n", header + "a,p,1,,,,,\nb,p,2,,,,,\nb,p,2,,,,,\nc,p,3,,,,,\n"},
		{header + "a,p,1,,,,,\nb,p,2,,,,,\nc,p,3,,,,,\n", header + "a,p,1,,,,,\nc,p,3,,,,,\nc,p,3,,,,,\n"},
	} {
		sameParseFrom(t, []byte(c[0]), []byte(c[1]))
	}
}

func FuzzParseCSVFrom(f *testing.F) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 20 {
		old := plainCSV(r)
		f.Add(old, editCSV(r, old))
	}
	f.Fuzz(func(t *testing.T, old, data []byte) { sameParseFrom(t, old, data) })
}
