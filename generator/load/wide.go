package load

import (
	"fmt"
	"strings"

	"kpisite/generator/model"
)

// isWide reports whether a header is the wide format of SPEC 3.4:
// indicator, then periods. It is wide when the first column is indicator
// and any other cell is a period; cells that are not periods are then
// reported as such rather than as unknown columns.
func isWide(header []Cell) bool {
	if len(header) < 2 || normaliseColumn(header[0].Text) != "indicator" {
		return false
	}
	for _, c := range header[1:] {
		if _, err := model.ParseAnyPeriod(c.Text); err == nil {
			return true
		}
	}
	return false
}

// wideColumns says what each column of a wide-format header holds.
type wideColumns struct {
	good      []bool // a period column, read
	codeCol   int    // the "code" column, or -1
	targetCol int    // the "target" column, or -1
}

// wideHeader checks the header of a wide-format file: one row per
// indicator, one column per period. Besides period columns (SPEC 3.8) a
// wide file may have a "code" column (checked against the indicator's
// code), a "target" column (a fixed target for every period of the row)
// and the columns site.toml names in [values] ignore_columns, which are
// skipped.
func wideHeader(header []Cell, ignore []string, ps *model.Problems) wideColumns {
	w := wideColumns{good: make([]bool, len(header)), codeCol: -1, targetCol: -1}
	first := map[string]int{}
	for j, h := range header[1:] {
		j++
		name := normaliseColumn(h.Text)
		switch {
		case name == "code" && w.codeCol < 0:
			w.codeCol = j
			continue
		case name == "target" && w.targetCol < 0:
			w.targetCol = j
			continue
		case ignored(h.Text, ignore):
			continue
		}
		p, err := model.ParseAnyPeriod(h.Text)
		if err != nil && bareQuarter(h.Text) {
			ps.Errorf(h.Pos, "column %q is a quarter without its year; expected the year too, such as \"2022/23 %s\" (financial) or \"2022 %s\" (calendar), so that no figure is filed under the wrong year", strings.TrimSpace(h.Text), strings.ToUpper(strings.TrimSpace(h.Text)), strings.ToUpper(strings.TrimSpace(h.Text)))
			continue
		}
		if err != nil {
			ps.Errorf(h.Pos, "column %q is not a period; expected a period such as \"2022/23 Q1\", \"2022-04\" or \"2022/23\" (a wide-format header is indicator followed by one period per column, and may have code and target columns), or the column's name in site.toml [values] ignore_columns", strings.TrimSpace(h.Text))
			continue
		}
		if f, dup := first[p.String()]; dup {
			ps.Errorf(h.Pos, "repeated column for %s, first in column %d; expected each period once", p, f+1)
			continue
		}
		first[p.String()] = j
		w.good[j] = true
	}
	return w
}

// wideRow reads one row of a wide-format file. An empty cell is no
// observation; a cell holds a number, a number and a flag in square
// brackets ("412 [p]"), or just a flag that explains a missing value
// ("[c]", "[x]", "[z]").
func wideRow(row, header []Cell, w wideColumns, idx indicatorIndex, ps *model.Problems) []model.Observation {
	id := strings.TrimSpace(row[0].Text)
	ind := idx.byID[id]
	switch {
	case ind == nil && idx.skip(id):
		return nil
	case id == "":
		ps.Errorf(row[0].Pos, "column \"indicator\" is empty; expected an indicator id such as \"idva-referrals\"")
		return nil
	case ind == nil:
		ps.Errorf(row[0].Pos, "column \"indicator\": %s", idx.unknown(id))
		return nil
	case ind.Frequency == 0: // already reported with the indicator
		return nil
	}
	if w.codeCol >= 0 && w.codeCol < len(row) {
		if code := strings.TrimSpace(row[w.codeCol].Text); code != "" && code != ind.Code {
			want := "no code column value, or the code set in the indicator's definition"
			if ind.Code != "" {
				want = fmt.Sprintf("%q, the code of %q", ind.Code, ind.ID)
			}
			ps.Errorf(row[w.codeCol].Pos, "column \"code\": %q is not the code of %q; expected %s", code, ind.ID, want)
			return nil
		}
	}
	target := model.None
	if w.targetCol >= 0 && w.targetCol < len(row) {
		if t := strings.TrimSpace(row[w.targetCol].Text); t != "" {
			v, err := ParseNumber(t)
			if err != nil {
				ps.Errorf(row[w.targetCol].Pos, "column \"target\": %v", err)
				return nil
			}
			target = model.Some(v)
		}
	}
	var out []model.Observation
	for j, cell := range row[1:] {
		j++
		if !w.good[j] || strings.TrimSpace(cell.Text) == "" {
			continue
		}
		if o, ok := wideCell(cell, header[j], ind, ps); ok {
			o.Target = target
			out = append(out, o)
		}
	}
	return out
}

func wideCell(cell, head Cell, ind *model.Indicator, ps *model.Problems) (model.Observation, bool) {
	o := model.Observation{Indicator: ind.ID, Pos: cell.Pos}
	good := true
	p, err := ind.ParsePeriod(head.Text)
	if err != nil {
		ps.Errorf(cell.Pos, "column %q: %v (%q is %s)", strings.TrimSpace(head.Text), err, ind.ID, ind.Frequency)
		good = false
	}
	o.Period = p
	num, flag := splitWideCell(cell.Text)
	if flag != "" {
		f, err := parseFlag(flag)
		if err != nil {
			ps.Errorf(cell.Pos, "cell %q: %v", strings.TrimSpace(cell.Text), err)
			good = false
		}
		o.Flag = f
	}
	if num != "" {
		signMismatch(strings.TrimSpace(head.Text), num, ind, cell.Pos, ps)
		v, err := ParseNumber(num)
		if err != nil {
			ps.Errorf(cell.Pos, "cell %q: %v, optionally followed by a flag such as [p]", strings.TrimSpace(cell.Text), err)
			good = false
		}
		o.Value = model.Some(v)
	} else if good && !o.Flag.ExplainsMissing() {
		ps.Errorf(cell.Pos, "cell %q has no number; expected a number such as 412 [p], or [c], [x] or [z] for a missing value", strings.TrimSpace(cell.Text))
		good = false
	}
	return o, good
}

// bareQuarter reports whether a header is "Q1".."Q4" with no year, as
// spreadsheets often label the current year's quarters.
func bareQuarter(head string) bool {
	h := strings.TrimSpace(head)
	return len(h) == 2 && (h[0] == 'Q' || h[0] == 'q') && h[1] >= '1' && h[1] <= '4'
}

// ignored reports whether a header names a column of [values]
// ignore_columns (matched without regard to case or surrounding spaces).
func ignored(head string, ignore []string) bool {
	h := strings.TrimSpace(head)
	for _, c := range ignore {
		if strings.EqualFold(h, c) {
			return true
		}
	}
	return false
}

// splitWideCell splits "412 [p]" into "412" and "p". A cell that does not
// end in a bracketed flag is all number.
func splitWideCell(s string) (num, flag string) {
	t := strings.TrimSpace(s)
	if !strings.HasSuffix(t, "]") {
		return t, ""
	}
	i := strings.LastIndexByte(t, '[')
	if i < 0 {
		return t, ""
	}
	return strings.TrimSpace(t[:i]), "[" + t[i+1:]
}
