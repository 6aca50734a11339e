package load

import (
	"slices"
	"strings"

	"kpisite/generator/model"
)

// The site.toml and indicator keys of breakdowns, comparators and
// intervals (SPEC 3.8).
var (
	compareSiteKeys      = []string{"area", "comparator", "breakdown"}
	compareIndicatorKeys = []string{"breakdowns", "confidence", "area"}
	areaKeys             = []string{"code", "name"}
	comparatorKeys       = []string{"id", "name", "areas"}
	breakdownKeys        = []string{"id", "name", "order"}
)

// extraValueColumns are the long-format columns of SPEC 3.8 that every
// values file may have; breakdown columns are added per site.
var extraValueColumns = []string{"area", "lower", "upper"}

// readCompare reads area, [[comparator]] and [[breakdown]] of site.toml.
func readCompare(t tomlTable, site *model.Site) {
	if a, ok := readArea(t); ok {
		site.Area = a
	}
	readComparators(t, site)
	readBreakdowns(t, site)
}

// readArea reads area = { code = "…", name = "…" }.
func readArea(t tomlTable) (model.Area, bool) {
	a, ok := t.table("area", `area = { code = "E10000003", name = "Cambridgeshire" }`)
	if !ok {
		return model.Area{}, false
	}
	a.unknown(areaKeys)
	a.require(areaKeys, map[string]string{
		"code": `the area's statistical code, such as code = "E10000003"`,
		"name": `the area's name, such as name = "Cambridgeshire"`,
	})
	area := model.Area{Code: a.text("code"), Name: a.text("name")}
	if area.Code == "" || area.Name == "" {
		if a.has("code") && a.has("name") {
			t.errorf("area", "has an empty code or name; expected area = { code = \"E10000003\", name = \"Cambridgeshire\" }")
		}
		return model.Area{}, false
	}
	return area, true
}

func readComparators(t tomlTable, site *model.Site) {
	seen := map[string]model.Position{}
	for _, c := range t.tables("comparator") {
		c.name = "comparator."
		c.unknown(comparatorKeys)
		c.require(comparatorKeys, map[string]string{
			"id":    `a slug such as id = "england"`,
			"name":  `the name shown on pages, such as name = "England"`,
			"areas": `the area codes, such as areas = ["E92000001"] (two or more make a group shown as its median)`,
		})
		id, idOK := c.str("id")
		cmp := model.Comparator{ID: strings.TrimSpace(id), Name: c.text("name"), Pos: c.self()}
		areas, areasOK := c.strings("areas")
		if areasOK {
			codes := map[string]bool{}
			for _, a := range areas {
				switch {
				case a == "":
					c.errorf("areas", "has an empty code; expected area codes such as \"E92000001\"")
					areasOK = false
				case codes[a]:
					c.errorf("areas", "repeats %q; expected each area once", a)
					areasOK = false
				case site.Area.Code != "" && a == site.Area.Code && len(areas) == 1:
					c.errorf("areas", "%q is the site's own area; expected the code of another area", a)
					areasOK = false
				}
				codes[a] = true
			}
			if len(areas) == 0 {
				c.errorf("areas", "is empty; expected one area code, or two or more for a group")
				areasOK = false
			}
			cmp.Areas = areas
		}
		if !idOK || !areasOK {
			continue
		}
		if !IsSlug(cmp.ID) {
			c.errorf("id", "%s", notSlug(cmp.ID, "england"))
			continue
		}
		if first, ok := seen[cmp.ID]; ok {
			c.errorf("id", "repeated comparator id %q, first at %s; expected each id once", cmp.ID, first)
			continue
		}
		seen[cmp.ID] = c.pos("id")
		site.Comparators = append(site.Comparators, cmp)
	}
}

func readBreakdowns(t tomlTable, site *model.Site) {
	seen := map[string]model.Position{}
	for _, b := range t.tables("breakdown") {
		b.name = "breakdown."
		b.unknown(breakdownKeys)
		b.require([]string{"id", "name"}, map[string]string{
			"id":   `a slug naming the values column, such as id = "age"`,
			"name": `the label shown on pages, such as name = "Age group"`,
		})
		id, idOK := b.str("id")
		bd := model.Breakdown{ID: strings.TrimSpace(id), Name: b.text("name"), Pos: b.self()}
		if order, ok := b.strings("order"); ok {
			bd.Order = order
		}
		if !idOK {
			continue
		}
		if msg := breakdownIDProblem(bd.ID); msg != "" {
			b.errorf("id", "%s", msg)
			continue
		}
		if first, ok := seen[bd.ID]; ok {
			b.errorf("id", "repeated breakdown id %q, first at %s; expected each id once", bd.ID, first)
			continue
		}
		seen[bd.ID] = b.pos("id")
		site.Breakdowns = append(site.Breakdowns, bd)
	}
}

// breakdownIDProblem says what is wrong with a breakdown id, or "".
func breakdownIDProblem(id string) string {
	if !IsSlug(id) {
		return notSlug(id, "age")
	}
	if slices.Contains(ValuesHeader.Columns, normaliseColumn(id)) || slices.Contains(extraValueColumns, normaliseColumn(id)) {
		return "\"" + id + "\" is already a column of values files; expected another name, such as \"age\" or \"sex\""
	}
	return ""
}

// readIndicatorCompare reads breakdowns, confidence and area of an
// indicator.
func readIndicatorCompare(t tomlTable, ind *model.Indicator) {
	if ids, ok := t.strings("breakdowns"); ok {
		seen := map[string]bool{}
		for _, id := range ids {
			switch msg := breakdownIDProblem(id); {
			case msg != "":
				t.errorf("breakdowns", "%s", msg)
			case seen[id]:
				t.errorf("breakdowns", "repeats %q; expected each breakdown once", id)
			default:
				seen[id] = true
				ind.Breakdowns = append(ind.Breakdowns, id)
			}
		}
	}
	if n, ok := t.integer("confidence", "95"); ok {
		if n > 0 && n < 100 {
			ind.Confidence = int(n)
		} else {
			t.errorf("confidence", "%d is not a confidence level; expected a percentage between 0 and 100 such as 95", n)
		}
	}
	if a, ok := readArea(t); ok {
		ind.Area = &a
	}
}

// valuesHeader is the long-format header for a site whose indicators
// declare breakdowns: the documented columns, area, lower, upper, and a
// column for each breakdown any indicator declares.
func valuesHeader(inds []*model.Indicator) Header {
	h := ValuesHeader
	h.Columns = slices.Concat(ValuesHeader.Columns, extraValueColumns)
	var extra []string
	for _, ind := range inds {
		if ind == nil {
			continue
		}
		for _, id := range ind.Breakdowns {
			if c := normaliseColumn(id); !slices.Contains(h.Columns, c) && !slices.Contains(extra, c) {
				extra = append(extra, c)
			}
		}
	}
	slices.Sort(extra)
	h.Columns = append(h.Columns, extra...)
	return h
}

// compareCells reads a long row's area, lower, upper and breakdown
// columns into o. ok is false if any was wrong (each is reported).
func compareCells(o *model.Observation, r rowCells, ind *model.Indicator, ps *model.Problems) bool {
	good := true
	c := r.cols
	var areaPos model.Position
	o.Area, areaPos = r.at(c.area)
	o.AreaAt = model.CellAtOf(areaPos)
	var ok bool
	if o.Lower, ok = r.numberAt(c.lower, "lower", ps); !ok {
		good = false
	}
	if o.Upper, ok = r.numberAt(c.upper, "upper", ps); !ok {
		good = false
	}
	if ind == nil {
		return good
	}
	// Breakdown cells: those the indicator declares, in its order; a
	// category in a column it does not declare is an error.
	for _, x := range c.extra {
		declared := false
		for _, id := range ind.Breakdowns {
			declared = declared || normaliseColumn(id) == x.name
		}
		if text := strings.TrimSpace(r.row[x.index].Text); text != "" && !declared {
			ps.Errorf(r.row[x.index].Pos, "column %q: indicator %q has no breakdown %q, but the row gives %q; expected an empty cell, or breakdowns = [\"%s\"] in the indicator's definition",
				x.name, ind.ID, x.name, text, x.name)
			good = false
		}
	}
	for _, id := range ind.Breakdowns {
		if text, _ := r.text(normaliseColumn(id)); text != "" {
			o.Dims = append(o.Dims, model.Dim{Dimension: id, Category: text})
		}
	}
	if !good {
		return false
	}
	lo, up := o.Lower, o.Upper
	switch {
	case lo.Valid != up.Valid:
		given, empty := "lower", "upper"
		if up.Valid {
			given, empty = empty, given
		}
		_, pos := r.text(empty)
		ps.Errorf(pos, "column %q is empty but %q is given; expected both ends of the confidence interval, or neither", empty, given)
		return false
	case lo.Valid && lo.V > up.V:
		_, pos := r.text("lower")
		ps.Errorf(pos, "column \"lower\": %s is above upper %s; expected lower ≤ value ≤ upper", formatFloat(lo.V), formatFloat(up.V))
		return false
	}
	return true
}

// intervalHolds checks, once value is known, that it lies within its
// confidence interval.
func intervalHolds(o *model.Observation, r rowCells, ps *model.Problems) bool {
	if !o.Lower.Valid || !o.Value.Valid {
		return true
	}
	// Allow for the value being rounded differently from its interval.
	const slack = 1e-9
	if o.Value.V < o.Lower.V-slack || o.Value.V > o.Upper.V+slack {
		_, pos := r.text("value")
		ps.Errorf(pos, "column \"value\": %s lies outside its confidence interval %s to %s; expected lower ≤ value ≤ upper",
			formatFloat(o.Value.V), formatFloat(o.Lower.V), formatFloat(o.Upper.V))
		return false
	}
	return true
}

// rowWhat names a row's area and breakdown for a message, or "".
func rowWhat(o model.Observation) string {
	var parts []string
	if o.Area != "" {
		parts = append(parts, "area "+o.Area)
	}
	if len(o.Dims) > 0 {
		parts = append(parts, model.DimLabel(o.Dims))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
