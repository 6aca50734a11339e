package load

import (
	"strings"

	"kpisite/generator/model"
	"kpisite/generator/suggest"
)

// Header describes the columns a kind of CSV file may have.
type Header struct {
	Columns  []string // every known column, in the documented order
	Required []string // columns that must be present
	Example  string   // a header row to show in messages
}

// normaliseColumn is how header cells are compared: spaces trimmed, case
// ignored, and inner spaces or hyphens read as underscores, so that
// " Success criteria " matches success_criteria.
func normaliseColumn(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "_")
}

// semicolons reports whether a header row is one cell of names separated
// by semicolons, as spreadsheets set to a European locale export CSV.
func semicolons(header []Cell) bool {
	return len(header) == 1 && strings.Count(header[0].Text, ";") > 0 && !strings.Contains(header[0].Text, ",")
}

// Match finds the known columns in a header row and returns the index of
// each by its documented name. It reports every unknown, unnamed,
// repeated and missing column (a typo in a header must not silently drop
// a column of data). ok is false if any was found.
func (h Header) Match(header []Cell, ps *model.Problems) (index map[string]int, ok bool) {
	index = map[string]int{}
	if semicolons(header) {
		// Every row has one cell: one problem says why.
		ps.Errorf(header[0].Pos, "the header %q is separated by semicolons; expected commas, such as %s (save as \"CSV UTF-8 (Comma delimited)\" from Excel, or choose comma as the separator when exporting)", header[0].Text, h.Example)
		return index, false
	}
	ok = true
	for i, c := range header {
		name := normaliseColumn(c.Text)
		known := false
		for _, k := range h.Columns {
			if k == name {
				known = true
				break
			}
		}
		switch {
		case name == "":
			ps.Errorf(c.Pos, "column %d of the header has no name; expected one of %s, or delete the column", i+1, strings.Join(h.Columns, ", "))
			ok = false
		case !known:
			if hint := suggest.DidYouMean(name, h.Columns); hint != "" {
				ps.Errorf(c.Pos, "unknown column %q; %s", strings.TrimSpace(c.Text), hint)
			} else {
				ps.Errorf(c.Pos, "unknown column %q; expected one of %s", strings.TrimSpace(c.Text), strings.Join(h.Columns, ", "))
			}
			ok = false
		default:
			if first, dup := index[name]; dup {
				ps.Errorf(c.Pos, "repeated column %q, first in column %d; expected each column once", name, first+1)
				ok = false
				continue
			}
			index[name] = i
		}
	}
	for _, r := range h.Required {
		if _, found := index[r]; !found {
			pos := model.Position{}
			if len(header) > 0 {
				pos = header[0].Pos.Row()
			}
			ps.Errorf(pos, "missing column %q; expected a header such as %s", r, h.Example)
			ok = false
		}
	}
	return index, ok
}
