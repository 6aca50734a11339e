package model

import "fmt"

// Capped returns sorted problems with at most n for each file, followed
// for each file that had more by one summary problem "... and N more in
// FILE" (an error if any of those left out is an error, else a warning).
// A huge broken file then gives a readable list, not millions of lines.
// Summaries already in the list (see Problem.More) are merged into it.
func (ps Problems) Capped(n int) Problems {
	var out Problems
	for i := 0; i < len(ps); {
		path := ps[i].Pos.Path
		kept, more, sev := 0, 0, Warning
		for ; i < len(ps) && ps[i].Pos.Path == path; i++ {
			p := ps[i]
			switch {
			case p.More > 0:
				more += p.More
			case kept < n:
				out = append(out, p)
				kept++
				continue
			default:
				more++
			}
			if p.Severity == Error {
				sev = Error
			}
		}
		if more > 0 {
			out = append(out, Summary(path, sev, more))
		}
	}
	return out
}

// Summary is the problem that stands for n problems of path left out.
func Summary(path string, sev Severity, n int) Problem {
	return Problem{Pos: Position{Path: path}, Severity: sev, Message: fmt.Sprintf("... and %d more in %s", n, path), More: n}
}

// Compact keeps the first n of ps[from:] (one file's problems, in the
// order found) and replaces the rest with summaries (see Summary), one
// for each severity, merged with summaries already there. A reader of a
// huge broken file calls it as it goes, so that millions of problems are
// never held at once.
func (ps *Problems) Compact(from, n int) {
	list := (*ps)[from:]
	if len(list) <= n+2 {
		return
	}
	path := list[0].Pos.Path
	var dropped [2]int
	kept := list[:0]
	for _, p := range list {
		switch {
		case p.More > 0:
			dropped[p.Severity] += p.More
		case len(kept) < n:
			kept = append(kept, p)
		default:
			dropped[p.Severity]++
		}
	}
	for _, sev := range []Severity{Error, Warning} {
		if dropped[sev] > 0 {
			kept = append(kept, Summary(path, sev, dropped[sev]))
		}
	}
	*ps = (*ps)[:from+len(kept)]
}
