package model

import (
	"strings"
	"testing"
)

func TestCapped(t *testing.T) {
	var ps Problems
	for i := 1; i <= 5; i++ {
		ps.Errorf(Position{Path: "a.csv", Line: i}, "bad %d", i)
	}
	ps.Warnf(Position{Path: "b.toml", Line: 1}, "odd")
	for i := 1; i <= 4; i++ {
		ps.Warnf(Position{Path: "c.md", Line: i}, "w%d", i)
	}
	got := ps.Sort().Capped(3).String()
	want := strings.Join([]string{
		"a.csv:1: bad 1", "a.csv:2: bad 2", "a.csv:3: bad 3", "a.csv: ... and 2 more in a.csv",
		"b.toml:1: warning: odd",
		"c.md:1: warning: w1", "c.md:2: warning: w2", "c.md:3: warning: w3", "c.md: warning: ... and 1 more in c.md",
	}, "\n") + "\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n := len(Problems(nil).Capped(50)); n != 0 {
		t.Errorf("Capped of none = %d problems", n)
	}
}

func TestCompact(t *testing.T) {
	var ps Problems
	ps.Errorf(Position{Path: "other.csv", Line: 1}, "kept as it is")
	for i := 1; i <= 10; i++ {
		ps.Errorf(Position{Path: "a.csv", Line: i}, "bad %d", i)
		ps.Warnf(Position{Path: "a.csv", Line: i}, "odd %d", i)
	}
	ps.Compact(1, 4)
	ps.Compact(1, 4) // again, merging the summaries
	if e, w := ps.Count(); e != 11 || w != 10 || len(ps) != 1+4+2 {
		t.Errorf("%d errors, %d warnings, %d problems:\n%s", e, w, len(ps), ps)
	}
	got := ps.Sort().Capped(3).String()
	want := "a.csv:1: bad 1\na.csv:1: warning: odd 1\na.csv:2: bad 2\na.csv: ... and 17 more in a.csv\nother.csv:1: kept as it is\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
