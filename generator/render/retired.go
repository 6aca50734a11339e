package render

import (
	"sort"
	"strconv"
	"strings"

	"kpisite/generator/model"
)

// outcomeWord is a KPI review's decision in one word.
func (b *builder) outcomeWord(o model.Outcome) string {
	switch o {
	case model.OutcomeRetained:
		return b.lang.T("retired.retained")
	case model.OutcomeReplaced:
		return b.lang.T("retired.replaced")
	}
	return b.lang.T("retired.removed")
}

// legacyLess orders earlier references as people number them:
// "Indicator 38" before "Indicator 136"; indicators without one last.
func legacyLess(a, b *model.Indicator) bool {
	if (a.LegacyID == "") != (b.LegacyID == "") {
		return a.LegacyID != ""
	}
	pa, na := splitNumber(a.LegacyID)
	pb, nb := splitNumber(b.LegacyID)
	if pa != pb {
		return pa < pb
	}
	if na != nb {
		return na < nb
	}
	if a.LegacyID != b.LegacyID {
		return a.LegacyID < b.LegacyID
	}
	return a.ID < b.ID
}

// splitNumber splits "Indicator 38" into "Indicator " and 38 (-1 when
// there is no trailing number).
func splitNumber(s string) (string, int) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil {
		return s, -1
	}
	return strings.ToLower(s[:i]), n
}

// lastRow is the last point of s with a figure supplied, or nil.
func lastRow(s *model.Series) *model.Point {
	for i := len(s.Points) - 1; i >= 0; i-- {
		if s.Points[i].HasRow {
			return &s.Points[i]
		}
	}
	return nil
}

func (b *builder) hasRetired() bool {
	for i := range b.series {
		if !b.series[i].Indicator.IsActive() {
			return true
		}
	}
	return false
}

// retiredRow is what happened to one retired indicator.
func (b *builder) retiredRow(s *model.Series, root string) RetiredRow {
	ind := s.Indicator
	row := RetiredRow{
		Href: root + "indicators/" + ind.ID + "/", Legacy: ind.LegacyID, Title: ind.Title,
		Outcome: b.outcomeWord(ind.Outcome), OutcomeKey: strings.ToLower(b.outcomeWord(ind.Outcome)),
	}
	if svc := b.in.Site.Service(ind.Service); svc != nil {
		row.ServiceName, row.ServiceHref = svc.Name, root+"services/"+svc.ID+"/"
	}
	if !ind.RetiredFrom.IsZero() {
		row.RetiredFrom = b.lang.Long(ind.RetiredFrom, b.fy)
	}
	for _, id := range ind.ReplacedBy {
		name := id
		if r := b.in.Indicator(id); r != nil {
			name = r.Name()
		}
		row.ReplacedBy = append(row.ReplacedBy, Link{Href: root + "indicators/" + id + "/", Text: name})
	}
	if pt := lastRow(s); pt != nil {
		row.LastPeriod = b.lang.Long(pt.Period, b.fy)
	}
	return row
}

func (b *builder) retiredJob() job {
	return func() (map[string][]byte, error) {
		const path = "retired/index.html"
		root := rootFor(path)
		page := RetiredPage{
			Layout: b.layout(path, b.lang.T("service.earlier_link"), b.lang.T("retired.description"), "retired"),
		}
		var retired []*model.Series
		for i := range b.series {
			if !b.series[i].Indicator.IsActive() {
				retired = append(retired, &b.series[i])
			}
		}
		sort.SliceStable(retired, func(i, j int) bool { return legacyLess(retired[i].Indicator, retired[j].Indicator) })
		n := map[model.Outcome]int{}
		for _, s := range retired {
			row := b.retiredRow(s, root)
			n[model.Outcome(row.OutcomeKey)]++
			page.Rows = append(page.Rows, row)
		}
		for _, o := range []model.Outcome{model.OutcomeRetained, model.OutcomeReplaced, model.OutcomeRemoved} {
			if n[o] > 0 {
				page.Counts = append(page.Counts, OutcomeCount{Outcome: b.outcomeWord(o), Count: n[o]})
			}
		}
		return b.page(path, "retired.html", page)
	}
}
