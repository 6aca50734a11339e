package render

import (
	"html/template"
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// scoreRow is the scorecard row of one indicator for the current period.
// The sparkline is the series' own.
func (b *builder) scoreRow(s *model.Series, root string, used map[model.Flag]bool, spark template.HTML) ScoreRow {
	ind := s.Indicator
	row := ScoreRow{
		Href: root + "indicators/" + ind.ID + "/", Name: ind.Name(), Title: ind.Title, Code: ind.Code,
		Status: b.statusView(model.NoData), Direction: b.directionView(model.NoComparison),
	}
	if svc := b.in.Site.Service(ind.Service); svc != nil {
		row.ServiceName, row.ServiceHref = svc.Name, root+"services/"+svc.ID+"/"
	}
	p := b.o.PointFor(s, b.o.Current)
	if p != nil {
		pointFlags(used, p)
		row.Period = b.periodShown(ind, p.Period, b.o.Current)
		row.Value = cell(p.Value, p.Withheld, p.Flag, ind)
		row.Target = format.Bare(p.Target, ind)
		row.Status = b.pointStatus(p)
		row.Direction = b.directionView(p.Direction)
		if p.Value.Valid {
			row.Flag = flagText(p.Flag)
		}
	} else if noOverall(s) {
		row.Status = b.noOverallStatus()
		if per, ok := partsPeriod(s, b.o.Current, b.fy); ok {
			row.Period = b.periodShown(ind, per, b.o.Current)
		}
	} else {
		row.Value = "[x]"
		used[model.FlagNotAvailable] = true
	}
	row.Sparkline = spark
	return row
}

// sparkline is the series' sparkline, rendered with its charts (trusted:
// chart SVG, every string escaped by package chart).
func (b *builder) sparkline(s *model.Series) template.HTML {
	return b.parts[s].sparkHTML
}

// group is the scorecard table of one service's active indicators, with
// links to its retired ones.
func (b *builder) group(svc *model.Service, root string, used map[model.Flag]bool) ScoreGroup {
	g := ScoreGroup{ID: "service-" + svc.ID, Name: svc.Name, Href: root + "services/" + svc.ID + "/", words: b.rw}
	for _, s := range b.seriesOf(svc.ID) {
		if !s.Indicator.IsActive() {
			g.Retired = append(g.Retired, Link{Href: root + "indicators/" + s.Indicator.ID + "/", Text: retiredName(s.Indicator)})
			continue
		}
		g.Rows = append(g.Rows, b.scoreRow(s, root, used, b.sparkline(s)))
	}
	g.HasTarget, g.Period = columnsOf(g.Rows)
	return g
}

// columnsOf says which columns a scorecard table needs: hasTarget when
// any row has a target or a status against one, and period when every row
// shows the same period (said once in the caption instead of a column).
func columnsOf(rows []ScoreRow) (hasTarget bool, period string) {
	cells := make([][3]string, len(rows))
	for i, r := range rows {
		cells[i] = [3]string{r.Target, r.Status.Key, r.Period}
	}
	return columns(cells)
}

// sameColumns gives every scorecard table of a page the same columns, so
// that Status, Figure and Target stand in the same place in each: Target
// and Status when any table needs them, and the Period column unless
// every row of every table is for the same period.
func sameColumns(groups []ScoreGroup) {
	hasTarget, period, first := false, "", true
	for _, g := range groups {
		if len(g.Rows) == 0 {
			continue
		}
		hasTarget = hasTarget || g.HasTarget
		switch {
		case first:
			period, first = g.Period, false
		case g.Period != period:
			period = ""
		}
	}
	for i := range groups {
		if len(groups[i].Rows) == 0 {
			continue // a group of retired links only has no table
		}
		groups[i].HasTarget, groups[i].Period = hasTarget, period
	}
}

// columns is columnsOf for rows given as target, status key and period.
func columns(rows [][3]string) (hasTarget bool, period string) {
	for i, r := range rows {
		switch r[1] {
		case string(model.Green), string(model.Amber), string(model.Red), "none":
			// "No overall figure" is said in the Status column too.
			hasTarget = true
		}
		if r[0] != "" {
			hasTarget = true
		}
		switch {
		case i == 0:
			period = r[2]
		case r[2] != period:
			period = ""
		}
	}
	return hasTarget, period
}

func retiredName(ind *model.Indicator) string {
	if ind.LegacyID != "" {
		return ind.LegacyID + ": " + ind.Title
	}
	return ind.Title
}

// counts tallies the statuses shown in groups, in a fixed order.
func (b *builder) counts(groups []ScoreGroup) []StatusCount {
	var shown []StatusView
	for _, g := range groups {
		for _, r := range g.Rows {
			shown = append(shown, r.Status)
		}
	}
	return b.countStatuses(shown)
}

// offTarget is the rows of groups that are off target, in scorecard order.
func offTarget(groups []ScoreGroup) []ScoreRow {
	var out []ScoreRow
	for _, g := range groups {
		for _, r := range g.Rows {
			if r.Status.Key == string(model.Red) {
				out = append(out, r)
			}
		}
	}
	return out
}

// methodLink is the content page that explains how the figures are worked
// out (content/methodology.md), or a zero Link when the site has none.
func (b *builder) methodLink(root string) Link {
	for _, p := range b.in.Content.Pages {
		if !p.Draft && pageSlug(p) == "methodology" {
			return Link{Href: root + "methodology/", Text: navTitle(p)}
		}
	}
	return Link{}
}

// countStatuses tallies statuses in a fixed order.
func (b *builder) countStatuses(shown []StatusView) []StatusCount {
	order := []model.Status{model.Green, model.Amber, model.Red, model.NoTarget, model.NoData, model.Withheld}
	n := map[string]int{}
	for _, s := range shown {
		n[s.Key]++
	}
	var out []StatusCount
	for _, s := range order {
		if n[string(s)] > 0 {
			out = append(out, StatusCount{Status: b.statusView(s), Count: n[string(s)]})
		}
	}
	return out
}

func (b *builder) currentWords() string {
	if b.o.Current.IsZero() {
		return ""
	}
	return b.lang.Long(b.o.Current, b.fy)
}

func (b *builder) homeJob() job {
	return func() (map[string][]byte, error) {
		const path = "index.html"
		s := &b.in.Site
		used := map[model.Flag]bool{}
		var groups []ScoreGroup
		for i := range s.Services {
			g := b.group(&s.Services[i], "", used)
			if len(g.Rows) > 0 {
				g.Retired = nil // the home page lists current indicators only
				groups = append(groups, g)
			}
		}
		sameColumns(groups)
		desc := b.lang.T("home.description", "organisation", s.Organisation)
		if w := b.currentWords(); w != "" {
			desc = b.lang.T("home.description_for", "organisation", s.Organisation, "period", w)
		}
		page := HomePage{
			Layout:     b.layout(path, s.Title, desc, "home"),
			PeriodLong: b.currentWords(),
			Report:     b.reportLink(""),
			Groups:     groups,
			Counts:     b.counts(groups),
			FlagKey:    b.flagKey(used),
			OffTarget:  offTarget(groups),
			Method:     b.methodLink(""),
		}
		if h := b.in.Content.Home; h != nil {
			html, err := b.o.Markdown(h.Body, 2, "intro-")
			if err != nil {
				return nil, err
			}
			page.Intro = html
		}
		return b.bigPage(path, "home.html", page)
	}
}

func (b *builder) serviceJob(svc *model.Service) job {
	return func() (map[string][]byte, error) {
		path := "services/" + svc.ID + "/index.html"
		root := rootFor(path)
		used := map[model.Flag]bool{}
		page := ServicePage{
			Layout:     b.layout(path, svc.Name, b.lang.T("service.description", "name", svc.Name), "service:"+svc.ID),
			PeriodLong: b.currentWords(),
			Group:      b.group(svc, root, used),
		}
		page.FlagKey = b.flagKey(used)
		if c := b.in.Site.Committee(svc.Committee); c != nil {
			page.Committee = Link{Href: root + "committees/" + c.ID + "/", Text: c.Name}
			page.Breadcrumbs = append(page.Breadcrumbs, page.Committee)
		}
		if intro := b.in.Content.Services[svc.ID]; intro != nil && !intro.Draft {
			html, err := b.o.Markdown(intro.Body, 2, "intro-")
			if err != nil {
				return nil, err
			}
			page.Intro = html
		}
		return b.bigPage(path, "service.html", page)
	}
}

func (b *builder) committeeJob(c *model.Committee) job {
	return func() (map[string][]byte, error) {
		path := "committees/" + c.ID + "/index.html"
		root := rootFor(path)
		used := map[model.Flag]bool{}
		var groups []ScoreGroup
		for i := range b.in.Site.Services {
			svc := &b.in.Site.Services[i]
			if svc.Committee != c.ID {
				continue
			}
			if g := b.group(svc, root, used); len(g.Rows) > 0 || len(g.Retired) > 0 {
				groups = append(groups, g)
			}
		}
		sameColumns(groups)
		page := CommitteePage{
			Layout:     b.layout(path, c.Name, b.lang.T("committee.description", "name", c.Name), "committee:"+c.ID),
			PeriodLong: b.currentWords(),
			Report:     b.reportLink(root),
			Groups:     groups,
			Counts:     b.counts(groups),
			FlagKey:    b.flagKey(used),
		}
		if len(b.reports) > 0 {
			page.AllReports = Link{Href: root + "reports/", Text: b.lang.T("committee.all_reports")}
		}
		return b.bigPage(path, "committee.html", page)
	}
}

// sentence makes a lower-case first letter upper case.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
