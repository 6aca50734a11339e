package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Position is a place in an input file. Path is relative to the site root,
// with forward slashes. Line and Column count from 1; 0 means unknown.
// In a workbook, Sheet names the worksheet, Line is the row and Column
// the column (1 is A), and the position reads as Excel writes a cell:
// "data/values/kpis.xlsx:Q1 returns!C7" (a whole row: "Q1 returns!7:7").
type Position struct {
	Path   string
	Line   int
	Column int
	Sheet  string
}

func (p Position) String() string {
	switch {
	case p.Sheet != "" && p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%s!%s", p.Path, p.Sheet, p.Cell())
	case p.Sheet != "" && p.Line > 0:
		return fmt.Sprintf("%s:%s!%d:%d", p.Path, p.Sheet, p.Line, p.Line)
	case p.Sheet != "":
		return fmt.Sprintf("%s:%s", p.Path, p.Sheet)
	case p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Column)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return p.Path
}

// Row is the position of p's whole line (or worksheet row).
func (p Position) Row() Position {
	p.Column = 0
	return p
}

// Cell names p's cell as Excel does ("C7"), or its row ("7") when the
// column is unknown; "" when the row is unknown.
func (p Position) Cell() string {
	if p.Line <= 0 {
		return ""
	}
	if p.Column <= 0 {
		return strconv.Itoa(p.Line)
	}
	return ColumnName(p.Column) + strconv.Itoa(p.Line)
}

// ColumnName is a worksheet column's letters: 1 is A, 27 is AA.
func ColumnName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// Severity says whether a Problem stops the build.
type Severity int

const (
	// Error problems stop the build and make check fail.
	Error Severity = iota
	// Warning problems are reported and fail only with --strict.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a site's inputs. Message reads
// "what is wrong; what was expected".
type Problem struct {
	Pos      Position
	Severity Severity
	Message  string
	// More, when above 0, makes this problem a summary, "... and 12 more
	// in FILE": it stands for More problems of its severity that were
	// left out of the list (see Capped).
	More int
}

func (p Problem) String() string {
	if p.Severity == Warning {
		return fmt.Sprintf("%s: warning: %s", p.Pos, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.Pos, p.Message)
}

// Problems is a list of problems; the zero value is empty and ready to use.
type Problems []Problem

// Errorf adds an error at pos.
func (ps *Problems) Errorf(pos Position, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (ps *Problems) Warnf(pos Position, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any problem is an error.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the numbers of errors and warnings.
func (ps Problems) Count() (errors, warnings int) {
	for _, p := range ps {
		n := 1
		if p.More > 0 {
			n = p.More
		}
		if p.Severity == Error {
			errors += n
		} else {
			warnings += n
		}
	}
	return
}

// Sort orders problems by path, sheet, line, column, then message, and drops exact
// repeats.
func (ps Problems) Sort() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		if a.Pos.Sheet != b.Pos.Sheet {
			return a.Pos.Sheet < b.Pos.Sheet
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		return a.Message < b.Message
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// String lists the problems one a line.
func (ps Problems) String() string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}
