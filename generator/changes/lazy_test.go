package changes

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// sameRead fails unless ReadCSV reads data as ParseCSV does: the same
// problems, and once its rows are read, the same table. It returns
// whether ReadCSV left the rows unread (the file was sound).
func sameRead(t *testing.T, data []byte) bool {
	t.Helper()
	got, gotProbs := ReadCSV("all.csv", data)
	want, wantProbs := ParseCSV("all.csv", data)
	if fmt.Sprint(gotProbs) != fmt.Sprint(wantProbs) {
		t.Fatalf("%q: problems\n%v\nwant\n%v", data, gotProbs, wantProbs)
	}
	if (got == nil) != (want == nil) {
		t.Fatalf("%q: table %v, want %v", data, got, want)
	}
	if got == nil {
		return false
	}
	lazy := got.lazy != nil
	if lazy && len(got.Rows) != 0 {
		t.Fatalf("%q: rows read before they were needed", data)
	}
	g := *got.read()
	g.lazy = nil
	if !reflect.DeepEqual(&g, want) {
		t.Fatalf("%q: table\n%+v\nwant\n%+v", data, g, want)
	}
	return lazy
}

func TestReadCSVSameAsParseCSV(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	lazy := 0
	for range 20000 {
		if sameRead(t, randomCSV(r)) {
			lazy++
		}
	}
	// A build's own file, and the same file with each kind of problem.
	var b strings.Builder
	b.WriteString("indicator,period,value,area,sex,note\n")
	for i := range 200 {
		fmt.Fprintf(&b, "kpi-%d,2022/23 Q%d,%d,,,\n", i/4, i%4+1, i)
		fmt.Fprintf(&b, "kpi-%d,2022/23 Q%d,%d,E1,,\n", i/4, i%4+1, i)
		fmt.Fprintf(&b, "kpi-%d,2022/23 Q%d,%d,E1,F,\n", i/4, i%4+1, i)
	}
	good := b.String()
	for _, s := range []string{
		good, "\ufeff" + good, good + "\n\n", strings.TrimSuffix(good, "\n"),
		good + "kpi-3,2022/23 Q2,1,E1,F,\n",         // a repeated key
		good + "kpi-3,2022/23 Q2\x00area=E1,1,,,\n", // a key spelt alike another
		good + "kpi-3,2022/23 Q9,1,E1,F\n",          // a short row
		good + "kpi-3,,1,E1,F,\n",                   // no period
		good + ",2022/23 Q9,1,E1,F,\n",              // no indicator
		good + "kpi-3,2022/23 Q9,1,E1,F,\"a, b\"\n", // a quoted note
		good + "kpi-3,2022/23 Q9,1,E1,F,\r\n",
		"indicator,period,value\n", "indicator,period\na,b\n", "", "indicator,period,value,Value\na,b,c,d\n",
	} {
		sameRead(t, []byte(s))
	}
	if !sameRead(t, []byte(good)) {
		t.Error("a build's own all.csv was read at once; want its rows left until needed")
	}
	if lazy == 0 {
		t.Error("no random file was left unread")
	}
}

func FuzzReadCSV(f *testing.F) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 20 {
		f.Add(randomCSV(r))
	}
	f.Add([]byte(header + "a,2022/23 Q1,412,,,,,\na,2022/23 Q2,412,,,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) { sameRead(t, data) })
}

// TestComparesAsRecord holds Compares to what Record does: when it says
// a release is not compared, Record never reads this build's figures
// (Current.All nil) nor the previous release's rows, and records what it
// records with them.
func TestComparesAsRecord(t *testing.T) {
	v1 := header + "a,2022/23 Q1,412,,,,,\n"
	v2 := header + "a,2022/23 Q1,413,,,,,\na,2022/23 Q2,420,,,,,\n"
	first := Record(Previous{}, Current{ID: "r1", Indicators: twoActive, All: mustTable(t, v1)})
	second := Record(Previous{All: mustTable(t, v1), History: first}, Current{ID: "r2", Indicators: twoActive, All: mustTable(t, v2)})
	for _, tt := range []struct {
		name string
		prev Previous
		id   string
		want bool
	}{
		{"no previous file", Previous{History: first}, "r1", false},
		{"no history", Previous{All: lazyTable(t, v1)}, "r1", true},
		{"the first release again", Previous{All: lazyTable(t, v1), History: first}, "r1", false},
		{"a new release", Previous{All: lazyTable(t, v1), History: first}, "r2", true},
		{"a compared release again", Previous{All: lazyTable(t, v2), History: second}, "r2", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compares(tt.prev, tt.id); got != tt.want {
				t.Fatalf("Compares = %v, want %v", got, tt.want)
			}
			with := Record(tt.prev, Current{ID: tt.id, Indicators: twoActive, All: mustTable(t, v2)})
			if tt.want {
				return
			}
			if tt.prev.All != nil && len(tt.prev.All.Rows) != 0 {
				t.Fatal("the previous release's rows were read for a release not compared")
			}
			without := Record(tt.prev, Current{ID: tt.id, Indicators: twoActive})
			if !reflect.DeepEqual(with, without) {
				t.Fatalf("without this build's figures %+v, with them %+v", without, with)
			}
		})
	}
}

// lazyTable is s read by ReadCSV, its rows unread.
func lazyTable(t *testing.T, s string) *Table {
	t.Helper()
	tb, probs := ReadCSV("old.csv", []byte(s))
	if probs.HasErrors() || tb.lazy == nil {
		t.Fatalf("ReadCSV(%q): %v, rows read at once", s, probs)
	}
	return tb
}

// TestReadPrevious: the previous rows are read at once unless the newest
// release was not compared, and then with the same problems.
func TestReadPrevious(t *testing.T) {
	v1 := header + "a,2022/23 Q1,412,,,,,\n"
	notCompared := &History{Releases: []model.Release{{ID: "r1"}}}
	compared := &History{Releases: []model.Release{{ID: "r2", Compared: true}, {ID: "r1"}}}
	for _, tt := range []struct {
		name string
		h    *History
		read bool
	}{{"no history", nil, true}, {"no release", &History{}, true}, {"newest not compared", notCompared, false}, {"newest compared", compared, true}} {
		tb, probs := ReadPrevious("all.csv", []byte(v1), tt.h)
		if probs.HasErrors() {
			t.Fatal(probs)
		}
		if got := len(tb.Rows) > 0; got != tt.read {
			t.Errorf("%s: rows read %v, want %v", tt.name, got, tt.read)
		}
		_, probs = ReadPrevious("all.csv", []byte(v1+"a,2022/23 Q1,1,,,,,\n"), tt.h)
		if _, want := ParseCSV("all.csv", []byte(v1+"a,2022/23 Q1,1,,,,,\n")); fmt.Sprint(probs) != fmt.Sprint(want) || len(want) == 0 {
			t.Errorf("%s: problems %v, want %v", tt.name, probs, want)
		}
	}
}

// undoCopy is undo as a copy of the table (as it was written before
// before): the reference TestUndoAsCopy holds before to.
func undoCopy(t *Table, r *model.Release) *Table {
	c := &Table{Rows: append([]Row(nil), t.Rows...), byKey: maps.Clone(t.byKey)}
	drop := map[rowID]bool{}
	for _, ch := range r.New {
		drop[rowKey(ch.Indicator, ch.Period, ch.Dimensions)] = true
	}
	for _, ch := range r.Revised {
		if row, ok := c.get(rowKey(ch.Indicator, ch.Period, ch.Dimensions)); ok {
			row.Value = ch.Old
		}
	}
	for _, ch := range r.Withdrawn {
		k := rowKey(ch.Indicator, ch.Period, ch.Dimensions)
		if _, ok := c.byKey[k]; !ok {
			c.byKey[k] = len(c.Rows)
			c.Rows = append(c.Rows, Row{Indicator: ch.Indicator, Period: ch.Period, Dimensions: ch.Dimensions, Value: ch.Old})
		}
	}
	kept := &Table{byKey: map[rowID]int{}}
	for _, row := range c.Rows {
		if k := row.key(); !drop[k] {
			kept.byKey[k] = len(kept.Rows)
			kept.Rows = append(kept.Rows, row)
		}
	}
	return kept
}

// TestUndoAsCopy: undo reads as the table a copy with the release's
// changes undone would be, row by row and key by key, for releases of
// random new, revised and withdrawn figures (repeated, on rows there and
// not there).
func TestUndoAsCopy(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	dims := [][]model.Dimension{nil, {{Name: "area", Value: "E1"}}}
	for range 500 {
		var b strings.Builder
		b.WriteString("indicator,period,value,area\n")
		for i := range r.IntN(12) {
			fmt.Fprintf(&b, "k%d,p%d,%d,%s\n", i%3, i/3, r.IntN(5), []string{"", "E1"}[r.IntN(2)])
		}
		tb, probs := ParseCSV("all.csv", []byte(b.String()))
		if tb == nil {
			continue // a repeated row
		}
		if probs.HasErrors() {
			t.Fatal(probs)
		}
		var rel model.Release
		addRandomChanges(r, &rel, func() model.FigureChange {
			return model.FigureChange{Indicator: fmt.Sprintf("k%d", r.IntN(3)), Period: fmt.Sprintf("p%d", r.IntN(4)), Dimensions: dims[r.IntN(2)], Old: fmt.Sprint(r.IntN(5))}
		})
		want, got := undoCopy(tb, &rel), undo(tb, &rel)
		var rows []Row
		got.each(func(r *Row) { rows = append(rows, *r) })
		if !reflect.DeepEqual(rows, want.Rows) && (len(rows) > 0 || len(want.Rows) > 0) {
			t.Fatalf("%q undoing %+v: rows\n%+v\nwant\n%+v", b.String(), rel, rows, want.Rows)
		}
		for k := range want.byKey {
			w, _ := want.get(k)
			if g, ok := got.get(k); !ok || !reflect.DeepEqual(g, *w) {
				t.Fatalf("%q undoing %+v: get(%v) = %+v, %v; want %+v", b.String(), rel, k, g, ok, *w)
			}
		}
		for _, k := range []rowID{rowKey("k1", "p1", nil), rowKey("k2", "p3", dims[1]), rowKey("k9", "p0", nil)} {
			if _, in := want.byKey[k]; !in {
				if g, ok := got.get(k); ok {
					t.Fatalf("%q undoing %+v: get(%v) = %+v, want none", b.String(), rel, k, g)
				}
			}
		}
		if !reflect.DeepEqual(got.indicators(), want.indicators()) {
			t.Fatalf("indicators %v, want %v", got.indicators(), want.indicators())
		}
	}
}
