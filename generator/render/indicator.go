package render

import (
	"fmt"
	"html/template"
	"strconv"
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
		html, err := b.bigPage(dir+"index.html", "indicator.html", page)
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
		Status: b.statusView(model.NoData), Direction: b.directionView(model.NoComparison),
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
		p.RetiredNotice, p.Outcome = b.outcomeWords(ind.Outcome)
		if !ind.RetiredFrom.IsZero() {
			if last := lastRow(s); ind.Outcome == model.OutcomeRetained && last != nil {
				p.Retired = b.lang.T("indicator.retired_last", "period", b.lang.Long(last.Period, b.fy))
			} else {
				p.Retired = b.lang.T("indicator.retired_from", "period", b.lang.Long(ind.RetiredFrom, b.fy))
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
			p.Behind = b.lang.T("indicator.behind", "period", b.lang.Long(cur, b.fy))
		}
		if head != nil && ind.OutOfDate(head.Period, cur, b.fy) {
			if p.Behind == "" {
				p.Behind = b.lang.T("indicator.latest_figure")
			}
			p.Behind += " " + b.lang.T("indicator.out_of_date")
		}
	} else if len(s.Points) > 0 {
		head = &s.Points[len(s.Points)-1]
	}
	used := map[model.Flag]bool{}
	if head != nil {
		p.HasData = true
		p.PeriodLong = b.lang.Long(head.Period, b.fy)
		p.Value = b.lang.Figure(head.Value, ind)
		if head.Withheld {
			p.Value = "[c]"
		}
		p.Status, p.Direction = b.pointStatus(head), b.directionView(head.Direction)
		p.Summary = b.o.Summary(s, head)
		if head.Value.Valid {
			p.Flag = flagText(head.Flag)
		}
	}

	// Trusted: chart SVG, every string escaped by package chart.
	p.Chart = template.HTML(c.SVG)
	p.ChartCaption = b.lang.T("indicator.chart_caption", "name", ind.Name(), "span", b.span(s))

	var tableNotes []string
	p.Table, tableNotes = b.pageTable(s, used)
	p.FlagKey = b.flagKey(used)
	p.Compare = b.compareSection(s)
	p.Compare.TableNotes = tableNotes

	for i, cm := range b.comments[ind.ID] {
		html, err := b.o.Markdown(cm.Page.Body, 3, fmt.Sprintf("commentary-%d-", i+1))
		if err != nil {
			return p, fmt.Errorf("%s: %w", cm.Page.Path, err)
		}
		words := cm.PeriodSlug
		if per, err := ind.ParseSlug(cm.PeriodSlug); err == nil {
			words = b.lang.Long(per, b.fy)
		}
		p.Commentary = append(p.Commentary, CommentaryView{
			ID: "commentary-" + cm.PeriodSlug, PeriodLong: words, Author: cm.Page.Author,
			Date: b.lang.Date(cm.Page.Date), HTML: html,
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
	dir := "indicators/" + ind.ID + "/"
	p.JSONLD = b.datasetJSONLD(s, len(files[dir+"data.csv"]), len(files[dir+"data.json"]))
	p.Downloads = []Download{
		{Href: b.shared(path, "data.csv", dir+"data.csv"), Text: b.lang.T("downloads.data"), Format: "CSV", Size: size(files[dir+"data.csv"])},
		{Href: b.shared(path, "data.json", dir+"data.json"), Text: b.lang.T("downloads.data"), Format: "JSON", Size: size(files[dir+"data.json"])},
		{Href: "chart.svg", Text: b.lang.T("downloads.chart"), Format: b.lang.T("downloads.svg"), Size: size(files[dir+"chart.svg"])},
	}
	if png, ok := files[dir+"chart.png"]; ok {
		p.Downloads = append(p.Downloads, Download{Href: "chart.png", Text: b.lang.T("downloads.chart_png"), Format: b.lang.T("downloads.png"), Size: size(png)})
	}
	return p, nil
}

// tableRow is one period of an indicator's data table.
func (b *builder) tableRow(pt *model.Point, ind *model.Indicator) TableRow {
	row := TableRow{
		Period: b.lang.Period(pt.Period), PeriodWords: b.lang.Words(pt.Period, b.fy),
		Value:       cell(pt.Value, pt.Withheld, pt.Flag, ind),
		PeriodValue: cell(pt.PeriodValue, pt.Withheld, pt.Flag, ind),
		Target:      format.Bare(pt.Target, ind),
		Status:      b.pointStatus(pt), Direction: b.directionView(pt.Direction),
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
func (b *builder) span(s *model.Series) string {
	if len(s.Points) == 0 {
		return b.lang.T("indicator.no_data_yet")
	}
	first, last := s.Points[0].Period, s.Points[len(s.Points)-1].Period
	if first == last {
		return b.lang.Period(first)
	}
	if first.Freq == model.MultiYear {
		return b.lang.T("indicator.span_up_to", "from", b.lang.Period(first), "to", b.lang.Period(last))
	}
	return b.lang.T("indicator.span", "from", b.lang.Period(first), "to", b.lang.Period(last))
}

func (b *builder) facts(s *model.Series) []Fact {
	ind := s.Indicator
	var fs []Fact
	add := func(term, desc string) {
		if desc != "" {
			fs = append(fs, Fact{Term: term, Desc: desc})
		}
	}
	l := b.lang
	add(l.T("facts.definition"), ind.Definition)
	add(l.T("facts.rationale"), ind.Rationale)
	add(l.T("facts.target"), b.targetWords(s))
	if bl := ind.Baseline; bl != nil {
		v := b.lang.Figure(bl.Value, ind)
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
		add(l.T("facts.baseline"), v)
	}
	add(l.T("facts.polarity"), b.polarityWords(ind.Polarity))
	add(l.T("facts.unit"), l.UnitLabel(ind))
	year := l.T("year_kind." + ind.Cal.Year.String())
	switch ind.Measure {
	case model.MeasureYTD:
		add(l.T("facts.measure"), l.T("facts.measure_ytd", "year", year))
	case model.MeasureCumulative:
		add(l.T("facts.measure"), l.T("facts.measure_cumulative", "year", year))
	}
	add(l.T("facts.frequency"), b.frequencyWords(ind))
	add(l.T("facts.compared_with"), b.compareWords(ind))
	add(l.T("facts.code"), ind.Code)
	add(l.T("facts.source"), ind.Source)
	if ind.SourceURL != "" {
		fs = append(fs, Fact{Term: l.T("facts.source_url"), Desc: ind.SourceURL, Href: ind.SourceURL})
	}
	add(l.T("facts.geography"), ind.Geography)
	add(l.T("facts.released"), b.releaseWords(ind.Released))
	add(l.T("facts.next_release"), b.releaseWords(ind.NextRelease))
	if ind.ExpectedLag > 0 {
		add(l.T("facts.lag"), l.T("facts.lag_words", "delay", b.lagWords(ind.ExpectedLag)))
	}
	for i, f := range ind.Footnotes {
		add(l.T("facts.footnote", "n", strconv.Itoa(i+1)), f)
	}
	add(l.T("facts.lead"), ind.Lead)
	add(l.T("retired.legacy"), ind.LegacyID)
	return fs
}

// releaseWords shows a release date in words ("20 July 2023"), or text
// such as "TBC" as given.
func (b *builder) releaseWords(s string) string {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return b.lang.Date(t)
	}
	return s
}

func (b *builder) lagWords(months int) string {
	if months%12 == 0 {
		return b.lang.N("facts.years", months/12)
	}
	return b.lang.N("facts.months", months)
}

func (b *builder) compareWords(ind *model.Indicator) string {
	if ind.Frequency == model.MultiYear || ind.Frequency == model.Annual {
		return b.lang.T("facts.compare_year_before")
	}
	if ind.Compare == model.ComparePreviousPeriod {
		return b.lang.T("facts.compare_previous")
	}
	return b.lang.T("facts.compare_year_earlier")
}

// outcomeWords is what happened to a retired indicator: the notice's
// headline and the sentence before the list of indicators that continue
// or replace it.
func (b *builder) outcomeWords(o model.Outcome) (notice, outcome string) {
	switch o {
	case model.OutcomeRetained:
		return b.lang.T("indicator.retained"), b.lang.T("indicator.retained_as")
	case model.OutcomeReplaced:
		return b.lang.T("indicator.no_longer"), b.lang.T("indicator.replaced_with")
	}
	return b.lang.T("indicator.no_longer"), b.lang.T("indicator.removed")
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
