package model

import "fmt"

// Capped returns sorted problems with at most n for each file, followed
// for each file that had more by one problem "... and N more in FILE"
// (an error if any of those left out is an error, else a warning). A
// huge broken file then gives a readable list, not millions of lines.
func (ps Problems) Capped(n int) Problems {
	var out Problems
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].Pos.Path == ps[i].Pos.Path {
			j++
		}
		if j-i <= n {
			out = append(out, ps[i:j]...)
		} else {
			out = append(out, ps[i:i+n]...)
			sev := Warning
			for _, p := range ps[i+n : j] {
				if p.Severity == Error {
					sev = Error
					break
				}
			}
			path := ps[i].Pos.Path
			out = append(out, Problem{Pos: Position{Path: path}, Severity: sev, Message: fmt.Sprintf("... and %d more in %s", j-i-n, path)})
		}
		i = j
	}
	return out
}
