package changes

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// sameParseFrom fails unless ParseCSVFrom reads data, beside an earlier
// table, as ParseCSV reads it alone (where records start may differ by the
// empty lines before them: either is where a record starts). It returns
// the table and whether rows were reused.
func sameParseFrom(t *testing.T, prev *Table, data []byte) (*Table, bool) {
	t.Helper()
	reused := prev != nil && reuseRows("all.csv", bytes.TrimPrefix(data, []byte("\ufeff")), prev) != nil
	got, gotProbs := ParseCSVFrom("all.csv", data, prev)
	want, wantProbs := ParseCSV("all.csv", data)
	if fmt.Sprint(gotProbs) != fmt.Sprint(wantProbs) {
		t.Fatalf("%q after %q: problems\n%v\nwant\n%v", data, prev.data, gotProbs, wantProbs)
	}
	if (got == nil) != (want == nil) {
		t.Fatalf("%q after %q: table %v, want %v", data, prev.data, got, want)
	}
	if got == nil {
		return nil, reused
	}
	if len(got.starts) != len(got.Rows) {
		t.Fatalf("%q: %d starts of %d rows", data, len(got.starts), len(got.Rows))
	}
	g, w := *got, *want
	g.starts, w.starts, g.from = nil, nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%q after %q: table\n%+v\nwant\n%+v", data, prev.data, g, w)
	}
	return got, reused
}

// sameChain reads old, then data beside it, then data2 beside that: the
// second reuse takes the rows and starts the first one made.
func sameChain(t *testing.T, old, data, data2 []byte) bool {
	t.Helper()
	prev, _ := ParseCSV("old.csv", old)
	if prev == nil {
		prev = &Table{}
	}
	mid, reused := sameParseFrom(t, prev, data)
	if mid != nil {
		sameParseFrom(t, mid, data2)
	}
	return reused
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
		if sameChain(t, old, data, editCSV(r, data)) {
			reused++
		}
	}
	if reused < 5000 {
		t.Errorf("rows reused in %d of 20,000 files; want most", reused)
	}
	// Files with quoted cells over several lines, quotes out of place,
	// carriage returns (randomCSV), edited.
	reused = 0
	for range 20000 {
		old := randomCSV(r)
		data := editCSV(r, old)
		if sameChain(t, old, data, editCSV(r, data)) {
			reused++
		}
	}
	if reused < 1000 {
		t.Errorf("rows reused in %d of 20,000 files with quotes; want many", reused)
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
		sameChain(t, []byte(c[0]), []byte(c[1]), []byte(c[0]))
	}
}

func FuzzParseCSVFrom(f *testing.F) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 20 {
		old := plainCSV(r)
		data := editCSV(r, old)
		f.Add(old, data, editCSV(r, data))
		old = randomCSV(r)
		data = editCSV(r, old)
		f.Add(old, data, editCSV(r, data))
	}
	f.Fuzz(func(t *testing.T, old, data, data2 []byte) {
		sameChain(t, old, data, data2)
		// What changed between old and data, data read beside old, is
		// what it is with data read whole.
		prev, _ := ParseCSV("old.csv", old)
		whole, _ := ParseCSV("all.csv", data)
		if prev == nil || whole == nil {
			return
		}
		from, _ := ParseCSVFrom("all.csv", data, prev)
		h := &History{Releases: []model.Release{{ID: "r1", Compared: true, New: []model.FigureChange{{Indicator: "kpi-1", Period: "1"}}, Revised: []model.FigureChange{{Indicator: "kpi-2", Period: "0", Old: "v9"}}}}}
		for _, p := range []Previous{{All: prev}, {All: prev, History: h}} {
			got := Record(p, Current{ID: "r1", All: from})
			if want := Record(p, Current{ID: "r1", All: whole}); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q after %q: recorded\n%+v\nwant\n%+v", data, old, got, want)
			}
		}
	})
}

// TestRecordFromSameAsWhole: a release whose figures were read beside
// the previous release's (ParseCSVFrom, which compares only the rows read
// afresh and those a release undone touches) records what it records with
// its figures read whole, with and without a history, for a new release
// and for one built again.
func TestRecordFromSameAsWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	dims := [][]model.Dimension{nil, {{Name: "area", Value: "E1"}}, {{Name: "area", Value: "E2"}}}
	local := 0
	for range 5000 {
		old := plainCSV(r)
		data := editCSV(r, old)
		prev, _ := ParseCSV("old.csv", old)
		whole, _ := ParseCSV("all.csv", data)
		if prev == nil || whole == nil {
			continue
		}
		from, _ := ParseCSVFrom("all.csv", data, prev)
		if from.from != nil {
			local++
		}
		var inds []IndicatorState
		for i := range 8 {
			inds = append(inds, IndicatorState{ID: fmt.Sprintf("kpi-%d", i), Name: "n", Active: i != 7})
		}
		var h *History
		if r.IntN(4) > 0 {
			rel := model.Release{ID: "r1", Compared: r.IntN(4) > 0}
			addRandomChanges(r, &rel, func() model.FigureChange {
				return model.FigureChange{Indicator: fmt.Sprintf("kpi-%d", r.IntN(8)), Period: fmt.Sprint(r.IntN(9)), Dimensions: dims[r.IntN(3)], Old: fmt.Sprintf("v%d", r.IntN(5))}
			})
			h = &History{Indicators: inds[:7], Releases: []model.Release{rel}}
		}
		id := []string{"r1", "r2"}[r.IntN(2)]
		got := Record(Previous{All: prev, History: h}, Current{ID: id, Indicators: inds, All: from})
		want := Record(Previous{All: prev, History: h}, Current{ID: id, Indicators: inds, All: whole})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q after %q, history %+v: recorded\n%+v\nwant\n%+v", data, old, h, got, want)
		}
	}
	if local < 1000 {
		t.Errorf("rows reused in %d of 5,000 releases; want many", local)
	}
}

// addRandomChanges adds up to 7 changes made by change to rel, each new,
// revised or withdrawn at random.
func addRandomChanges(r *rand.Rand, rel *model.Release, change func() model.FigureChange) {
	for range r.IntN(8) {
		c := change()
		switch r.IntN(3) {
		case 0:
			rel.New = append(rel.New, c)
		case 1:
			rel.Revised = append(rel.Revised, c)
		default:
			rel.Withdrawn = append(rel.Withdrawn, c)
		}
	}
}
