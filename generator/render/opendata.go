package render

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Open data files (SPEC 5):
//
//	indicators/<id>/data.csv, data.json   one indicator (data.go)
//	data/all.csv                           every published observation of every indicator
//	data/catalogue.json                    DCAT catalogue of the above, in JSON-LD
//
// data/all.csv always has the period_value column (the period's own
// figure; the same as value except for a ytd indicator), so that one
// header fits every indicator. Withheld figures are "[c]", exactly as in
// the per-indicator files.
//
// The catalogue is DCAT (https://www.w3.org/TR/vocab-dcat-3/) written as
// JSON-LD with its own @context, so it needs no request to another host
// to be read as RDF and stays plain JSON for everyone else. Each
// indicator is a dcat:Dataset with CSV and JSON distributions; data/all.csv
// is one more dataset. Dates are site.toml's published date.

// dataFiles are an indicator's downloads.
type dataFiles struct {
	CSV, JSON []byte
}

// dataFilesOf makes an indicator's data files.
func (b *builder) dataFilesOf(s *model.Series) (dataFiles, error) {
	js, err := dataJSON(s, &b.in.Site)
	if err != nil {
		return dataFiles{}, err
	}
	return dataFiles{CSV: indicatorCSV(s, &b.in.Site, &b.periodNames), JSON: js}, nil
}

// abs is the absolute URL of a path of the site.
func (b *builder) abs(path string) string { return b.in.Site.BaseURL + b.o.Language.Prefix + path }

// mediaTypes are the IANA media types of the downloads.
var mediaTypes = map[string]string{"CSV": "text/csv", "JSON": "application/json"}

// frequencyIRI is the Dublin Core frequency of an indicator's updates.
func frequencyIRI(f model.Frequency) string {
	if f == model.MultiYear {
		return "http://purl.org/cld/freq/irregular"
	}
	return "http://purl.org/cld/freq/" + f.String()
}

// temporal is the first and last day an indicator's figures cover.
func (b *builder) temporal(s *model.Series) (start, end time.Time, ok bool) {
	var first *model.Point
	for i := range s.Points {
		if s.Points[i].HasRow {
			first = &s.Points[i]
			break
		}
	}
	last := lastRow(s)
	if first == nil || last == nil {
		return start, end, false
	}
	return periodStart(first.Period, b.fy), last.Period.End(b.fy), true
}

// description is a plain-English description of an indicator's data of
// at least a sentence, for catalogues and search engines. It is in
// English in every language, as the catalogue is (docs/decisions.md).
func (b *builder) description(s *model.Series) string {
	ind := s.Indicator
	often := frequencyWordsIn(format.English(), ind)
	if ind.Frequency == model.MultiYear {
		often = "Pooled multi-year"
	}
	d := fmt.Sprintf("%s figures for %q, a key performance indicator of %s", often, ind.Title, b.in.Site.Organisation)
	if svc := b.in.Site.Service(ind.Service); svc != nil {
		d += " (" + svc.Name + ")"
	}
	d += ", with the target, status against target and direction of travel for each period."
	if !ind.IsActive() {
		d += " No longer reported."
	}
	if ind.Definition != "" {
		d += " " + ind.Definition
	}
	return d
}

// dataColumnNames are the columns of the published CSV files; the words
// data_column.<name> explain each on the open data page.
var dataColumnNames = []string{"indicator", "period", "value", "period_value", "numerator", "denominator", "target", "status", "status_source", "direction", "flag", "note"}

// dataColumns explains the columns of the published CSV files.
func (b *builder) dataColumns() []Column {
	out := make([]Column, len(dataColumnNames))
	for i, n := range dataColumnNames {
		out[i] = Column{n, b.lang.T("data_column." + n)}
	}
	return out
}

// statusColumns explains the status codes of the data files.
func (b *builder) statusColumns() []Column {
	var out []Column
	for _, s := range []model.Status{model.Green, model.Amber, model.Red, model.NoTarget, model.NoData, model.Withheld} {
		out = append(out, Column{Name: string(s), Meaning: b.lang.Status(s)})
	}
	return out
}

// dataPageOrder lists the series as the open data page does: current
// indicators first, in the order reports list them (committee, service,
// id), then retired ones in the order of their earlier references
// ("Indicator 37" before "Indicator 200").
func (b *builder) dataPageOrder() []*model.Series {
	var current, retired []*model.Series
	for _, group := range b.reportOrder() {
		for _, s := range group {
			if s.Indicator.IsActive() {
				current = append(current, s)
			} else {
				retired = append(retired, s)
			}
		}
	}
	sort.SliceStable(retired, func(i, j int) bool { return legacyLess(retired[i].Indicator, retired[j].Indicator) })
	return append(current, retired...)
}

func (b *builder) dataPageJob(feed []byte, catalogueLen int) job {
	return func() (map[string][]byte, error) {
		const path = "data/index.html"
		root := rootFor(path)
		s := &b.in.Site
		page := DataPage{
			Layout:    b.layout(path, b.lang.T("nav.data"), b.lang.T("data.description", "licence", s.Licence), "data"),
			All:       Download{Href: b.shared(path, "all.csv", "data/all.csv"), Text: b.lang.T("data.all_link"), Format: "CSV", Size: sizeOf(b.allLen)},
			Catalogue: Download{Href: b.shared(path, "catalogue.json", "data/catalogue.json"), Text: b.lang.T("data.catalogue_link"), Format: "JSON-LD (DCAT)", Size: sizeOf(catalogueLen)},
			Feed:      Download{Href: root + "feed.xml", Text: b.lang.T("data.feed_link"), Format: "Atom", Size: size(feed)},
			Columns:   CodeTable{ID: "columns-caption", Caption: b.lang.T("data.columns_caption"), Head: b.lang.T("data.column"), Rows: slices.Concat(b.dataColumns(), b.compareDataColumns(siteDims(b.series), s))},
			Statuses:  CodeTable{ID: "statuses-caption", Caption: b.lang.T("data.statuses_caption"), Head: b.lang.T("table.status"), Rows: b.statusColumns()},
			Published: b.lang.Date(s.Published),
			lang:      b.lang,
		}
		for _, f := range model.Flags {
			page.Flags = append(page.Flags, FlagKey{Code: "[" + string(f.Flag) + "]", Meaning: b.lang.T("flag." + string(f.Flag))})
		}
		for _, s := range b.dataPageOrder() {
			ind := s.Indicator
			dir := root + "indicators/" + ind.ID + "/"
			files := b.parts[s]
			row := DataRow{
				Href: dir, Name: ind.Name(), Status: b.lang.T("data.current"),
				CSV:  Download{Href: b.shared(path, dir+"data.csv", "indicators/"+ind.ID+"/data.csv"), Text: "CSV", Format: "CSV", Size: sizeOf(files.csvLen)},
				JSON: Download{Href: b.shared(path, dir+"data.json", "indicators/"+ind.ID+"/data.json"), Text: "JSON", Format: "JSON", Size: sizeOf(files.jsonLen)},
			}
			if !ind.IsActive() {
				row.Status = b.lang.T("search.retired")
			}
			page.Indicators = append(page.Indicators, row)
		}
		return b.bigPage(path, "data.html", page)
	}
}
