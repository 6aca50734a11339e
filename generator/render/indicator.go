package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// indicatorJob renders an indicator's page, chart files and data files.
func (b *builder) indicatorJob(s *model.Series) job {
	return func() (map[string][]byte, error) {
		ind := s.Indicator
		dir := "indicators/" + ind.ID + "/"
		out := map[string][]byte{}
		data, err := b.dataFilesOf(s)
		if err != nil {
			return nil, err
		}
		out[dir+"data.csv"], out[dir+"data.json"] = data.CSV, data.JSON
		c, err := b.o.Chart(s)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", ind.ID, err)
		}
		b.keepParts(s, c, data, out)
		out[dir+"chart.svg"] = c.File
		if c.PNG != nil {
			out[dir+"chart.png"] = c.PNG
		}
		page, err := b.indicatorPage(s, c, out)
		if err != nil {
			return nil, err
		}
		html, err := b.page(dir+"index.html", "indicator.html", page)
		if err != nil {
			return nil, err
		}
		out[dir+"index.html"] = html[dir+"index.html"]
		return out, nil
	}
}

func (b *builder) indicatorPage(s *model.Series, c Chart, files map[string][]byte) (IndicatorPage, error) {
	ind := s.Indicator
	path := "indicators/" + ind.ID + "/index.html"
	root := rootFor(path)
	p := IndicatorPage{
		ID: ind.ID, FullTitle: ind.Title, Active: ind.IsActive(),
		Status: statusView(model.NoData), Direction: directionView(model.NoComparison),
	}
	desc := ind.Title
	if ind.Definition != "" {
		desc = ind.Definition
	}
	p.Layout = b.layout(path, ind.Title, desc, "indicator")
	if svc := b.in.Site.Service(ind.Service); svc != nil {
		p.ServiceName, p.ServiceHref = svc.Name, root+"services/"+svc.ID+"/"
		if cm := b.in.Site.Committee(svc.Committee); cm != nil {
			p.Breadcrumbs = append(p.Breadcrumbs, Link{Href: root + "committees/" + cm.ID + "/", Text: cm.Name})
		}
		p.Breadcrumbs = append(p.Breadcrumbs, Link{Href: p.ServiceHref, Text: svc.Name})
	}
	if !ind.IsActive() {
		p.RetiredNotice, p.Outcome = outcomeWords(ind.Outcome)
		if !ind.RetiredFrom.IsZero() {
			if last := lastRow(s); ind.Outcome == model.OutcomeRetained && last != nil {
				p.Retired = "Its last figure in this form is for " + last.Period.Long(b.fy) + "."
			} else {
				p.Retired = "No longer reported from " + ind.RetiredFrom.Long(b.fy) + "."
			}
		}
		for _, id := range ind.ReplacedBy {
			name := id
			if r := b.in.Indicator(id); r != nil {
				name = r.Title
			}
			p.ReplacedBy = append(p.ReplacedBy, Link{Href: root + "indicators/" + id + "/", Text: name})
		}
	}

	// Headline: the current period for an active indicator, the last
	// period with data for a retired one.
	var head *model.Point
	if ind.IsActive() {
		head = b.o.PointFor(s, b.o.Current)
		cur := b.o.Current
		if head != nil && !cur.IsZero() && head.Period.Freq == cur.Freq && head.Period.End(b.fy).Before(cur.End(b.fy)) {
			// No row for the current period: the latest figure, said
			// plainly not to be the current period's.
			p.Behind = "There is no figure yet for " + cur.Long(b.fy) + ". This is the latest figure."
		}
		if head != nil && ind.OutOfDate(head.Period, cur, b.fy) {
			if p.Behind == "" {
				p.Behind = "This is the latest figure."
			}
			p.Behind += " It is older than figures for this indicator are expected to be: out of date."
		}
	} else if len(s.Points) > 0 {
		head = &s.Points[len(s.Points)-1]
	}
	used := map[model.Flag]bool{}
	if head != nil {
		p.HasData = true
		p.PeriodLong = head.Period.Long(b.fy)
		p.Value = format.Figure(head.Value, ind)
		if head.Withheld {
			p.Value = "[c]"
		}
		p.Status, p.Direction = pointStatus(head), directionView(head.Direction)
		p.Summary = b.o.Summary(s, head)
		if head.Value.Valid {
			p.Flag = flagText(head.Flag)
		}
	}

	// Trusted: chart SVG, every string escaped by package chart.
	p.Chart = template.HTML(c.SVG)
	p.ChartCaption = fmt.Sprintf("%s, %s. The same figures are in the table below.", ind.Name(), span(s, b.fy))

	var tableNotes []string
	p.Table, tableNotes = b.pageTable(s, used)
	p.FlagKey = flagKey(used)
	p.Compare = b.compareSection(s)
	p.Compare.TableNotes = tableNotes

	for i, cm := range b.comments[ind.ID] {
		html, err := b.o.Markdown(cm.Page.Body, 3, fmt.Sprintf("commentary-%d-", i+1))
		if err != nil {
			return p, fmt.Errorf("%s: %w", cm.Page.Path, err)
		}
		words := cm.PeriodSlug
		if per, err := ind.ParseSlug(cm.PeriodSlug); err == nil {
			words = per.Long(b.fy)
		}
		p.Commentary = append(p.Commentary, CommentaryView{
			ID: "commentary-" + cm.PeriodSlug, PeriodLong: words, Author: cm.Page.Author,
			Date: format.Date(cm.Page.Date), HTML: html,
		})
	}
	if n := b.in.Content.Indicators[ind.ID]; n != nil && !n.Draft {
		html, err := b.o.Markdown(n.Body, 3, "notes-")
		if err != nil {
			return p, fmt.Errorf("%s: %w", n.Path, err)
		}
		p.Notes = html
	}
	p.Facts = b.facts(s)
	js, err := b.datasetJSONLD(s)
	if err != nil {
		return p, err
	}
	p.JSONLD = js
	dir := "indicators/" + ind.ID + "/"
	p.Downloads = []Download{
		{Href: "data.csv", Text: "Data for this indicator", Format: "CSV", Size: size(files[dir+"data.csv"])},
		{Href: "data.json", Text: "Data for this indicator", Format: "JSON", Size: size(files[dir+"data.json"])},
		{Href: "chart.svg", Text: "Chart", Format: "SVG image", Size: size(files[dir+"chart.svg"])},
	}
	if png, ok := files[dir+"chart.png"]; ok {
		p.Downloads = append(p.Downloads, Download{Href: "chart.png", Text: "Chart for printing", Format: "PNG image", Size: size(png)})
	}
	return p, nil
}

// tableRow is one period of an indicator's data table.
func (b *builder) tableRow(pt *model.Point, ind *model.Indicator) TableRow {
	row := TableRow{
		Period: pt.Period.String(), PeriodWords: pt.Period.Words(b.fy),
		Value:       cell(pt.Value, pt.Withheld, pt.Flag, ind),
		PeriodValue: cell(pt.PeriodValue, pt.Withheld, pt.Flag, ind),
		Target:      format.Bare(pt.Target, ind),
		Status:      pointStatus(pt), Direction: directionView(pt.Direction),
	}
	if w, ok := strings.CutPrefix(row.PeriodWords, row.Period); ok {
		// "2021" says it all; "2020 to 2022 (pooled)" needs only "pooled".
		row.PeriodWords = strings.Trim(strings.TrimSpace(w), "()")
	}
	if pt.Value.Valid {
		row.Flag = flagText(pt.Flag)
	}
	return row
}

// span describes the periods a series covers: "2019/20 Q1 to 2022/23 Q1".
func span(s *model.Series, fy int) string {
	if len(s.Points) == 0 {
		return "no data yet"
	}
	first, last := s.Points[0].Period, s.Points[len(s.Points)-1].Period
	if first == last {
		return first.String()
	}
	if first.Freq == model.MultiYear {
		return first.String() + " up to " + last.String()
	}
	return first.String() + " to " + last.String()
}

func (b *builder) facts(s *model.Series) []Fact {
	ind := s.Indicator
	var fs []Fact
	add := func(term, desc string) {
		if desc != "" {
			fs = append(fs, Fact{Term: term, Desc: desc})
		}
	}
	add("Definition", ind.Definition)
	add("Why it matters", ind.Rationale)
	add("Target", b.targetWords(s))
	if bl := ind.Baseline; bl != nil {
		v := format.Figure(bl.Value, ind)
		switch {
		case v != "" && bl.Period != "":
			v += " (" + bl.Period + ")"
		case v == "":
			v = bl.Period
		}
		if bl.Note != "" {
			if v != "" {
				v += ". "
			}
			v += bl.Note
		}
		add("Baseline", v)
	}
	add("Which way is better", polarityWords(ind.Polarity))
	add("Unit", format.UnitLabel(ind))
	switch ind.Measure {
	case model.MeasureYTD:
		add("Measure", "Year to date: each figure is the total from the start of the "+ind.Cal.Year.String()+" year, which restarts every year. The table also shows each period's own figure.")
	case model.MeasureCumulative:
		add("Measure", "Reported year to date: each figure is the total so far in the "+ind.Cal.Year.String()+" year, as the service reports it. It starts again every year.")
	}
	add("How often", frequencyWords(ind))
	add("Compared with", compareWords(ind))
	add("Council's code", ind.Code)
	add("Source", ind.Source)
	if ind.SourceURL != "" {
		fs = append(fs, Fact{Term: "Source address", Desc: ind.SourceURL, Href: ind.SourceURL})
	}
	add("Geography", ind.Geography)
	add("Released", releaseWords(ind.Released))
	add("Next release", releaseWords(ind.NextRelease))
	if ind.ExpectedLag > 0 {
		add("Expected delay", lagWords(ind.ExpectedLag)+" after the end of each period; older figures are marked out of date on scorecards.")
	}
	for i, f := range ind.Footnotes {
		add(fmt.Sprintf("Footnote %d", i+1), f)
	}
	add("Responsible officer", ind.Lead)
	add("Earlier reference", ind.LegacyID)
	return fs
}

// releaseWords shows a release date in words ("20 July 2023"), or text
// such as "TBC" as given.
func releaseWords(s string) string {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return format.Date(t)
	}
	return s
}

func lagWords(months int) string {
	switch {
	case months%12 == 0 && months == 12:
		return "1 year"
	case months%12 == 0:
		return fmt.Sprintf("%d years", months/12)
	case months == 1:
		return "1 month"
	}
	return fmt.Sprintf("%d months", months)
}

func compareWords(ind *model.Indicator) string {
	if ind.Frequency == model.MultiYear || ind.Frequency == model.Annual {
		return "Direction of travel compares each figure with the year before, or with the latest earlier figure when there is none for the year before."
	}
	if ind.Compare == model.ComparePreviousPeriod {
		return "Direction of travel compares each figure with the previous period."
	}
	return "Direction of travel compares each figure with the same period a year earlier."
}

// outcomeWords is what happened to a retired indicator: the notice's
// headline and the sentence before the list of indicators that continue
// or replace it.
func outcomeWords(o model.Outcome) (notice, outcome string) {
	switch o {
	case model.OutcomeRetained:
		return "The committee retained this indicator.", "It continues, in a new form, as:"
	case model.OutcomeReplaced:
		return "This indicator is no longer reported.", "The committee replaced it with:"
	}
	return "This indicator is no longer reported.", "The committee removed it: nothing replaces it."
}

// size is a file size in words, always in KB or MB so that sizes compare
// at a glance: "1 KB" (the least, for any file under 1.5 KB), "24 KB",
// "1.2 MB".
func size(b []byte) string { return sizeOf(len(b)) }

// sizeOf is size for a file of n bytes.
func sizeOf(n int) string {
	switch {
	case n < 1536:
		return "1 KB"
	case n < 1024*1024:
		return fmt.Sprintf("%s KB", format.Number(float64(n)/1024, 0))
	}
	return fmt.Sprintf("%s MB", format.Number(float64(n)/(1024*1024), 1))
}
