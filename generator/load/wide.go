package load

import (
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

// wideHeader checks the period columns of a wide-format header and
// returns which columns are good periods. A wide-format file has one row
// per indicator and one column per period.
func wideHeader(header []Cell, ps *model.Problems) []bool {
	good := make([]bool, len(header))
	first := map[string]int{}
	for j, h := range header[1:] {
		j++
		p, err := model.ParseAnyPeriod(h.Text)
		if err != nil {
			ps.Errorf(h.Pos, "column %q is not a period; expected a period such as \"2022/23 Q1\", \"2022-04\" or \"2022/23\" (a wide-format header is indicator followed by one period per column)", strings.TrimSpace(h.Text))
			continue
		}
		if f, dup := first[p.String()]; dup {
			ps.Errorf(h.Pos, "repeated column for %s, first in column %d; expected each period once", p, f+1)
			continue
		}
		first[p.String()] = j
		good[j] = true
	}
	return good
}

// wideRow reads one row of a wide-format file. An empty cell is no
// observation; a cell holds a number, a number and a flag in square
// brackets ("412 [p]"), or just a flag that explains a missing value
// ("[c]", "[x]", "[z]").
func wideRow(row, header []Cell, good []bool, idx indicatorIndex, ps *model.Problems) []model.Observation {
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
	var out []model.Observation
	for j, cell := range row[1:] {
		j++
		if !good[j] || strings.TrimSpace(cell.Text) == "" {
			continue
		}
		if o, ok := wideCell(cell, header[j], ind, ps); ok {
			out = append(out, o)
		}
	}
	return out
}

func wideCell(cell, head Cell, ind *model.Indicator, ps *model.Problems) (model.Observation, bool) {
	o := model.Observation{Indicator: ind.ID, Pos: cell.Pos}
	good := true
	p, err := model.ParsePeriod(head.Text, ind.Frequency)
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
