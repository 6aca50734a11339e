package render

import (
	"fmt"
	"io"
	"iter"
	"sort"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// A printable report is published for every period of the reporting
// frequency (the current period's: quarterly for a UK council) up to and
// including the current period in which at least one indicator then in
// force has a figure. Monthly and annual indicators appear in the report
// of the period their latest figure ends in or before (Options.PointFor),
// so a quarterly report shows the month or year ending at or before the
// quarter's end. An indicator is in force in a period until the period it
// was retired from (a retired indicator without a retired period while it
// has figures), and a current one from the period it joined the suite
// (reportStart). Periods after the current period get no
// report yet: they are not published.

// reportPeriod is one period that gets a printable report.
type reportPeriod struct {
	Period model.Period
	Series []*model.Series // in force then, in report order
}

// reportOrder is every series in the order reports list them: by
// committee, then service (both in site.toml order), then id. Series
// whose service has no known committee come last, by id.
func (b *builder) reportOrder() [][]*model.Series {
	s := &b.in.Site
	out := make([][]*model.Series, len(s.Committees)+1)
	placed := map[string]bool{}
	for ci, c := range s.Committees {
		for _, svc := range s.Services {
			if svc.Committee != c.ID {
				continue
			}
			for _, sr := range b.seriesOf(svc.ID) {
				out[ci] = append(out[ci], sr)
				placed[sr.Indicator.ID] = true
			}
		}
	}
	for i := range b.series {
		if !placed[b.series[i].Indicator.ID] {
			out[len(out)-1] = append(out[len(out)-1], &b.series[i])
		}
	}
	return out
}

// reportPeriods lists the periods that get a report, newest first.
func (b *builder) reportPeriods() []reportPeriod {
	cur := b.o.Current
	if cur.IsZero() {
		return nil
	}
	seen := map[int]model.Period{}
	for i := range b.series {
		s := &b.series[i]
		for j := range s.Points {
			pt := &s.Points[j]
			if !pt.HasRow {
				continue
			}
			p := containing(cur, pt.Period.End(b.fy), b.fy)
			if cur.Before(p) || !b.reportWanted(p) || !b.inForce(s, p) {
				continue
			}
			seen[p.Index()] = p
		}
	}
	var out []reportPeriod
	order := b.reportOrder()
	for k := cur.Index(); len(seen) > 0; k-- {
		p, ok := seen[k]
		if !ok {
			continue
		}
		delete(seen, k)
		rp := reportPeriod{Period: p}
		for _, group := range order {
			for _, s := range group {
				if b.inReport(s, p) {
					rp.Series = append(rp.Series, s)
				}
			}
		}
		out = append(out, rp)
	}
	return out
}

// reportWanted reports whether period p gets a report: the current
// period always does, earlier periods only from [reporting] reports_from
// (a period of any frequency: p is wanted when it starts on or after the
// start of reports_from).
func (b *builder) reportWanted(p model.Period) bool {
	if p == b.o.Current {
		return true
	}
	from := b.o.ReportsFrom
	if from.IsZero() {
		return false
	}
	return !periodStart(p, b.fy).Before(periodStart(from, b.fy))
}

// inReport reports whether s belongs in the report of period p: it is in
// force and has a figure by then (an active indicator with no figure at
// all still appears in the current period's report, as "no data").
func (b *builder) inReport(s *model.Series, p model.Period) bool {
	if !b.inForce(s, p) {
		return false
	}
	end := p.End(b.fy)
	for i := range s.Points {
		if s.Points[i].HasRow && !s.Points[i].Period.End(b.fy).After(end) {
			return true
		}
	}
	return s.Indicator.IsActive() && p == b.o.Current
}

// inForce reports whether s was reported in period p: a current
// indicator from its reporting start (reportStart) on, the current
// period's report always; a retired one until it was retired.
func (b *builder) inForce(s *model.Series, p model.Period) bool {
	ind := s.Indicator
	if ind.IsActive() {
		start := b.reportStart(ind)
		return p == b.o.Current || start.IsZero() || !p.End(b.fy).Before(periodStart(start, b.fy))
	}
	if !ind.RetiredFrom.IsZero() {
		return p.End(b.fy).Before(periodStart(ind.RetiredFrom, b.fy))
	}
	last := lastRow(s)
	return last != nil && !periodStart(p, b.fy).After(last.Period.End(b.fy))
}

// reportStart is the first period whose report shows the current
// indicator ind, or zero for every period it has a figure in: the earliest
// of the period a retired indicator it replaces was retired from (the new
// suite began then) and the period its first target came in (the
// committee set it then). A back-series of figures from before then is on
// the indicator's page and in its chart, but an earlier report shows the
// suite of its own time, not the new one beside the old.
func (b *builder) reportStart(ind *model.Indicator) model.Period {
	var start model.Period
	earlier := func(p model.Period) {
		if p.IsZero() {
			return
		}
		if start.IsZero() || periodStart(p, b.fy).Before(periodStart(start, b.fy)) {
			start = p
		}
	}
	for _, from := range b.replacedFrom()[ind.ID] {
		earlier(from)
	}
	if len(ind.TargetList) > 0 {
		earlier(ind.TargetList[0].From)
	} else {
		earlier(ind.Target.From)
	}
	return start
}

// periodStart is the first day of p.
func periodStart(p model.Period, fy int) time.Time {
	y, m, _, _ := p.Months(fy)
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
}

// containing is the period of the frequency and kind of year of like
// that day d falls in.
func containing(like model.Period, d time.Time, fy int) model.Period {
	start := like.StartMonth(fy)
	y, m := d.Year(), int(d.Month())
	p := model.Period{Freq: like.Freq, Cal: like.Cal}
	if like.Freq == model.Monthly {
		p.Year, p.Sub = y, m
		return p
	}
	if m < start {
		y--
	}
	switch like.Freq {
	case model.Annual:
		p.Year = y
	case model.MultiYear:
		p.Year, p.Span = y-like.Span+1, like.Span
	default:
		p.Year, p.Sub = y, (m-start+12)%12/3+1
	}
	return p
}

// reportPath is the page of the report of period p.
func reportPath(p model.Period) string {
	return "reports/" + p.Slug() + "/index.html"
}

// reportLink links to the report of the current period from a page at
// root, or is empty when there is none.
func (b *builder) reportLink(root string) Link {
	for _, rp := range b.reports {
		if rp.Period == b.o.Current {
			return Link{Href: root + "reports/" + rp.Period.Slug() + "/", Text: b.lang.T("report.printable_for", "period", b.lang.Long(rp.Period, b.fy))}
		}
	}
	return Link{}
}

// reportRow is the summary-table row of one indicator in the report of
// period p.
func (b *builder) reportRow(s *model.Series, p model.Period, used map[model.Flag]bool) ReportRow {
	ind := s.Indicator
	row := ReportRow{
		Anchor: "#indicator-" + ind.ID, Name: ind.Name(), Code: ind.Code,
		Status: b.statusView(model.NoData), Direction: b.directionView(model.NoComparison),
	}
	if svc := b.in.Site.Service(ind.Service); svc != nil {
		row.ServiceName = svc.Name
	}
	pt := b.o.PointFor(s, p)
	if pt == nil && noOverall(s) {
		row.Status = b.noOverallStatus()
		if per, ok := partsPeriod(s, p, b.fy); ok {
			row.Period = b.periodShown(ind, per, p)
		}
		return row
	}
	if pt == nil {
		row.Value = "[x]"
		used[model.FlagNotAvailable] = true
		return row
	}
	pointFlags(used, pt)
	row.Period = b.periodShown(ind, pt.Period, p)
	row.Value = cell(pt.Value, pt.Withheld, pt.Flag, ind)
	row.Target = format.Bare(pt.Target, ind)
	row.Status, row.Direction = b.pointStatus(pt), b.directionView(pt.Direction)
	if pt.Value.Valid {
		row.Flag = flagText(pt.Flag)
	}
	return row
}

// reportRecent is how many periods an indicator's table in a report shows.
const reportRecent = 5

// reportIndicator is one indicator's section of the report of period p.
// The report shows the figures up to p only: when the indicator has later
// figures, its chart is drawn again without them and added to files.
func (b *builder) reportIndicator(s *model.Series, p model.Period, root string, used map[model.Flag]bool, files map[string][]byte) (ReportIndicator, error) {
	ind := s.Indicator
	ri := ReportIndicator{
		ID: "indicator-" + ind.ID, Title: ind.Title,
		Href: root + "indicators/" + ind.ID + "/", URL: b.abs("indicators/" + ind.ID + "/"),
	}
	if svc := b.in.Site.Service(ind.Service); svc != nil {
		ri.ServiceName = svc.Name
	}
	// A copy of the series up to p only when p is not its latest period:
	// the current report's thousand indicators need none.
	upTo, cut := s, cutAt(s, p.End(b.fy), b.fy)
	if cut {
		cp, _ := seriesUpTo(s, p.End(b.fy), b.fy)
		upTo = &cp
	}
	pt := b.o.PointFor(s, p)
	if pt != nil {
		ri.PeriodLong = b.lang.Long(pt.Period, b.fy)
		ri.Summary = b.o.Summary(upTo, pt)
	} else {
		ri.Summary = b.lang.T("report.no_figure", "period", b.lang.Words(p, b.fy))
	}
	// The chart file, not the inline SVG: a report holds every indicator,
	// and a thousand inline charts would make it too heavy to load.
	// The report's caption names the chart, so the report shows a copy
	// without the drawn title (chart.svg keeps it, for embedding elsewhere).
	ri.ChartSrc = "../../indicators/" + ind.ID + "/chart.svg"
	shown := s
	ri.ChartAlt = b.parts[s].desc
	if cut {
		c, err := b.o.Chart(upTo)
		if err != nil {
			return ri, fmt.Errorf("chart %s for %s: %w", ind.ID, p, err)
		}
		shown = upTo
		ri.ChartAlt = c.Desc
		file := c.Report
		if file == nil {
			file = c.File
		}
		files["reports/"+p.Slug()+"/charts/"+ind.ID+".svg"] = file
		ri.ChartSrc = "charts/" + ind.ID + ".svg"
	} else if b.parts[s].hasReport {
		// Written by the indicator's job (keepParts).
		ri.ChartSrc = "charts/" + ind.ID + ".svg"
	}
	ri.ChartCaption = b.lang.T("report.chart_caption", "name", ind.Name(), "span", b.span(shown), "period", b.lang.Period(p))

	ri.Table = b.dataTable(s, "indicator-"+ind.ID+"-caption", b.lang.T("report.table_caption", "name", ind.Name(), "period", b.lang.Period(p)),
		"indicator-"+ind.ID+"-note-", p.End(b.fy), reportRecent, used)

	slugs := map[string]bool{p.Slug(): true}
	if pt != nil && containing(p, pt.Period.End(b.fy), b.fy) == p {
		slugs[pt.Period.Slug()] = true
	}
	for _, cm := range b.comments[ind.ID] {
		if !slugs[cm.PeriodSlug] {
			continue
		}
		html, err := b.o.Markdown(cm.Page.Body, 5, "report-"+ind.ID+"-")
		if err != nil {
			return ri, fmt.Errorf("%s: %w", cm.Page.Path, err)
		}
		ri.Commentary = append(ri.Commentary, CommentaryView{
			ID: "indicator-" + ind.ID + "-commentary-" + cm.PeriodSlug, Author: cm.Page.Author,
			Date: b.lang.Date(cm.Page.Date), HTML: html,
		})
	}
	return ri, nil
}

func (b *builder) reportJob(rp reportPeriod) job {
	return func() (map[string][]byte, error) {
		p := rp.Period
		path := reportPath(p)
		root := rootFor(path)
		s := &b.in.Site
		title := b.lang.T("report.title", "period", b.lang.Long(p, b.fy))
		page := ReportPage{
			Layout: b.layout(path, title, b.lang.T("report.description", "organisation", s.Organisation, "period", b.lang.Long(p, b.fy)), "reports"),
			Period: b.lang.Period(p), PeriodLong: b.lang.Long(p, b.fy),
			DataAsAt: b.lang.Date(p.End(b.fy)), DataAsAtISO: format.ISODate(p.End(b.fy)),
			Published: b.lang.Date(b.reportPublished(p)), PublishedISO: format.ISODate(b.reportPublished(p)),
			IsCurrent:  p == b.o.Current,
			AllReports: Link{Href: root + "reports/", Text: b.lang.T("report.all")},
		}
		page.Breadcrumbs = append(page.Breadcrumbs, Link{Href: page.AllReports.Href, Text: b.lang.T("nav.reports")})
		if !page.IsCurrent {
			// An archived report is as it was published: its own date, no
			// next update and no "due for an update" notice, so that it
			// changes only when one of its figures is revised.
			page.LastUpdated, page.NextUpdate, page.UpdateDue = page.Published, "", false
		}
		used := map[model.Flag]bool{}
		files := map[string][]byte{}
		sections := &reportSections{b: b, p: p, root: root, files: files, shown: map[model.Flag]bool{}}
		for _, c := range b.committeesOf(rp.Series) {
			rc := ReportCommittee{ID: "committee-" + c.ID, Name: c.Name, words: b.rw}
			var in []*model.Series
			for _, s := range rp.Series {
				if b.committeeOf(s) != c.ID {
					continue
				}
				rc.Rows = append(rc.Rows, b.reportRow(s, p, used))
				b.reportTableFlags(s, p, used)
				in = append(in, s)
			}
			rc.Indicators = sections.of(in)
			rc.Counts = b.countRows(rc.Rows)
			cells := make([][3]string, len(rc.Rows))
			for i, r := range rc.Rows {
				cells[i] = [3]string{r.Target, r.Status.Key, r.Period}
			}
			rc.HasTarget, rc.Period = columns(cells)
			for _, r := range rc.Rows {
				if r.Status.Key == string(model.Red) {
					rc.Exceptions = append(rc.Exceptions, r)
				}
			}
			page.Committees = append(page.Committees, rc)
		}
		page.FlagKey = b.flagKey(used)
		if err := b.reportActions(&page, p, root); err != nil {
			return nil, err
		}
		for _, s := range b.changedIn(p) {
			page.Changes = append(page.Changes, b.retiredRow(s, root))
		}
		var out map[string][]byte
		var err error
		if f := b.fragments(); f != nil && p == b.o.Current {
			// The sections are kept between builds (fragments.go): each
			// is copied from the store or captured as it is written.
			sections.frags, sections.group = f, b.o.Language.Prefix+path
			out, err = b.bigPageTo(path, "report.html", page, func(w io.Writer) io.Writer {
				sections.w = &capture{w: w}
				return sections.w
			})
		} else {
			out, err = b.bigPage(path, "report.html", page)
		}
		if err == nil {
			err = sections.check(used)
		}
		if err != nil {
			return nil, err
		}
		for name, data := range files {
			out[name] = data
		}
		return out, nil
	}
}

// reportSections makes a report's indicator sections as its template
// writes them (ReportCommittee.Indicators): a section is made when the
// template comes to it and can go once it is written, so a report holds
// one section at a time, not a thousand.
//
// With a fragment store (frags, the current report of a build with a
// cache), a section whose key is in the store is not made: its bytes are
// written where the template would have written them, and the template
// goes on to the next section. This relies on a section's markup
// depending on that section only, as it does in the default theme: the
// sequence has no index to number sections by, the flag key is worked
// out before them (reportTableFlags), and the ids of a section's notes
// and commentary headings carry its indicator's id. The first section of
// each committee is always made, so that a template's {{else}} of an
// empty range never runs because sections were copied.
type reportSections struct {
	b     *builder
	p     model.Period
	root  string
	files map[string][]byte   // the charts drawn again up to the period
	shown map[model.Flag]bool // the flags the sections' tables showed
	err   error               // the first section that could not be made

	frags Fragments
	group string   // the report's name in the store
	w     *capture // what the template writes into
	got   []byte   // the last section read from the store
}

// of is the sections of series, in order.
func (r *reportSections) of(series []*model.Series) iter.Seq[ReportIndicator] {
	return func(yield func(ReportIndicator) bool) {
		made := false
		for _, s := range series {
			if r.err != nil {
				return
			}
			// A section whose chart is drawn again up to the period
			// writes a file too: it is always made.
			keep := r.frags != nil && r.w != nil && !r.b.cutAt(s, r.p.End(r.b.fy))
			var k Key
			if keep {
				k = r.b.sectionKey(s, r.p)
				if data, ok := r.getIf(made, k); ok {
					if _, err := r.w.w.Write(data); err != nil {
						r.err = err
						return
					}
					r.b.reportTableFlags(s, r.p, r.shown)
					r.frags.Put(r.group, k, data)
					continue
				}
			}
			ri, err := r.b.reportIndicator(s, r.p, r.root, r.shown, r.files)
			if err != nil {
				r.err = err
				return
			}
			if keep {
				r.w.on, r.w.buf = true, r.w.buf[:0]
			}
			more := yield(ri)
			made = true
			if keep {
				r.w.on = false
				if more {
					r.frags.Put(r.group, k, r.w.buf)
				}
			}
			if !more {
				return
			}
		}
	}
}

// getIf is the stored section of key, when want.
func (r *reportSections) getIf(want bool, k Key) ([]byte, bool) {
	if !want {
		return nil, false
	}
	data, ok := r.frags.Get(k, r.got)
	if ok {
		r.got = data
	}
	return data, ok
}

// check reports a section that could not be made, or a flag a section's
// table showed that the report's flag key (worked out before the
// sections, by reportTableFlags) does not explain.
func (r *reportSections) check(used map[model.Flag]bool) error {
	if r.err != nil {
		return r.err
	}
	for f := range r.shown {
		if !used[f] {
			return fmt.Errorf("render %s: the flag key misses [%s]", reportPath(r.p), f)
		}
	}
	return nil
}

// reportTableFlags adds to used the flags that the report's table of s
// for period p shows: the flags of the rows dataTable picks (at most
// reportRecent periods ending no later than p). The flag key comes at the
// end of a report but is worked out before its sections are made, as the
// sections are written; reportSections.check holds the two to agreeing.
func (b *builder) reportTableFlags(s *model.Series, p model.Period, used map[model.Flag]bool) {
	end := p.End(b.fy)
	n := 0
	for i := len(s.Points) - 1; i >= 0 && n < reportRecent; i-- {
		pt := &s.Points[i]
		if pt.Period.End(b.fy).After(end) {
			continue
		}
		pointFlags(used, pt)
		n++
	}
}

// reportActions adds the action plans to the report of period p, their
// milestones judged against the report's date (its published date, else
// the last day of the period).
func (b *builder) reportActions(page *ReportPage, p model.Period, root string) error {
	asAt := b.reportPublished(p)
	if asAt.IsZero() {
		asAt = p.End(b.fy)
	}
	// The updates sit in table cells of the report: their headings start
	// at level 5 like the actions page's.
	trackers, err := b.trackers(root, asAt, 4, "report-tracker-")
	if err != nil {
		return err
	}
	page.Trackers = append(page.Trackers, trackers...)
	return nil
}

// changedIn lists the retired indicators that stopped being reported in
// their old form with period p (their retired period starts when p
// does), in the order of their earlier references.
func (b *builder) changedIn(p model.Period) []*model.Series {
	var out []*model.Series
	for i := range b.series {
		ind := b.series[i].Indicator
		if !ind.IsActive() && !ind.RetiredFrom.IsZero() && periodStart(ind.RetiredFrom, b.fy).Equal(periodStart(p, b.fy)) {
			out = append(out, &b.series[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return legacyLess(out[i].Indicator, out[j].Indicator) })
	return out
}

// reportPublished is the date the report of period p was published: the
// site's published date for the current period's report; for an earlier
// report, the latest date of that period's commentary (zero when it has
// none, and the report then gives no published date).
func (b *builder) reportPublished(p model.Period) time.Time {
	if p == b.o.Current {
		return b.in.Site.Published
	}
	var latest time.Time
	for i := range b.in.Content.Commentary {
		cm := &b.in.Content.Commentary[i]
		if cm.PeriodSlug == p.Slug() && cm.Page.Date.After(latest) {
			latest = cm.Page.Date
		}
	}
	return latest
}

// committeeOf is the id of the committee s reports to, or "".
func (b *builder) committeeOf(s *model.Series) string {
	if svc := b.in.Site.Service(s.Indicator.Service); svc != nil && b.in.Site.Committee(svc.Committee) != nil {
		return svc.Committee
	}
	return ""
}

// committeesOf lists the committees the series report to, in site.toml
// order; series with no known committee come under "Other indicators".
func (b *builder) committeesOf(series []*model.Series) []model.Committee {
	has := map[string]bool{}
	for _, s := range series {
		has[b.committeeOf(s)] = true
	}
	var out []model.Committee
	for _, c := range b.in.Site.Committees {
		if has[c.ID] {
			out = append(out, c)
		}
	}
	if has[""] {
		out = append(out, model.Committee{ID: "", Name: b.lang.T("report.other_indicators")})
	}
	return out
}

// countRows tallies a report's statuses in a fixed order.
func (b *builder) countRows(rows []ReportRow) []StatusCount {
	shown := make([]StatusView, len(rows))
	for i, r := range rows {
		shown[i] = r.Status
	}
	return b.countStatuses(shown)
}

func (b *builder) reportsJob() job {
	return func() (map[string][]byte, error) {
		const path = "reports/index.html"
		root := rootFor(path)
		page := ReportsPage{
			Layout: b.layout(path, b.lang.T("reports.caption"), b.lang.T("reports.description", "organisation", b.in.Site.Organisation), "reports"),
		}
		for _, rp := range b.reports {
			p := rp.Period
			row := ReportListRow{
				Href: root + "reports/" + p.Slug() + "/", Period: b.lang.Period(p), PeriodLong: b.lang.Long(p, b.fy),
				DataAsAt: b.lang.Date(p.End(b.fy)), Indicators: len(rp.Series), IsCurrent: p == b.o.Current,
			}
			for _, s := range rp.Series {
				st := model.NoData
				if pt := b.o.PointFor(s, p); pt != nil && pt.Status != "" {
					st = pt.Status
				}
				switch st {
				case model.Green:
					row.Green++
				case model.Amber:
					row.Amber++
				case model.Red:
					row.Red++
				default:
					row.Other++
				}
			}
			page.Rows = append(page.Rows, row)
		}
		return b.page(path, "reports.html", page)
	}
}
