package validate

import (
	"sort"
	"strings"

	"kpisite/generator/model"
)

// areas checks that every row's area is the indicator's own area or an
// area of a [[comparator]] (SPEC 3.8).
func (v *checker) areas() {
	site := &v.in.Site
	known := map[string]bool{}
	var codes []string
	for _, c := range site.Comparators {
		for _, a := range c.Areas {
			if !known[a] {
				known[a] = true
				codes = append(codes, a)
			}
		}
	}
	sort.Strings(codes)
	byID := make(map[string]*model.Indicator, len(v.in.Indicators))
	for _, ind := range v.in.Indicators {
		if ind != nil {
			byID[ind.ID] = ind
		}
	}
	for i := range v.in.Observations {
		o := &v.in.Observations[i]
		if o.Area == "" {
			continue
		}
		own := site.AreaOf(byID[o.Indicator])
		if o.Area == own.Code || known[o.Area] {
			continue
		}
		pos := o.AreaPos()
		switch {
		case len(codes) == 0 && own.Code == "":
			v.ps.Errorf(pos, "column \"area\": %q is not an area of the site; expected an empty cell for the council's own figures, or area = { code, name } and [[comparator]] tables in site.toml that list this code", o.Area)
		default:
			exp := codes
			if own.Code != "" {
				exp = append([]string{own.Code + " (own area)"}, codes...)
			}
			v.ps.Errorf(pos, "column \"area\": %q is not the council's own area or an area of any [[comparator]] in site.toml; expected an empty cell or one of %s", o.Area, listCodes(exp))
		}
	}
}

func listCodes(codes []string) string {
	if len(codes) > 8 {
		return strings.Join(codes[:8], ", ") + " …"
	}
	return strings.Join(codes, ", ")
}
