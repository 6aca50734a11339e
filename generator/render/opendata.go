package render

import (
	"encoding/json"
	"fmt"
	"html/template"
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

type ldTyped struct {
	Type string `json:"@type"`
}

// dcatContext is the catalogue's JSON-LD context: prefixes, and the
// datatype of every term whose value is a date, a number or a link.
type dcatContext struct {
	DCAT        string  `json:"dcat"`
	DCT         string  `json:"dct"`
	FOAF        string  `json:"foaf"`
	VCard       string  `json:"vcard"`
	XSD         string  `json:"xsd"`
	Issued      ldTyped `json:"dct:issued"`
	Modified    ldTyped `json:"dct:modified"`
	StartDate   ldTyped `json:"dcat:startDate"`
	EndDate     ldTyped `json:"dcat:endDate"`
	ByteSize    ldTyped `json:"dcat:byteSize"`
	DownloadURL ldTyped `json:"dcat:downloadURL"`
	AccessURL   ldTyped `json:"dcat:accessURL"`
	LandingPage ldTyped `json:"dcat:landingPage"`
	MediaType   ldTyped `json:"dcat:mediaType"`
	Periodicity ldTyped `json:"dct:accrualPeriodicity"`
	Homepage    ldTyped `json:"foaf:homepage"`
	HasEmail    ldTyped `json:"vcard:hasEmail"`
}

type dcatAgent struct {
	Type string `json:"@type"`
	Name string `json:"foaf:name"`
}

type dcatLicence struct {
	ID    string `json:"@id,omitempty"`
	Type  string `json:"@type"`
	Title string `json:"dct:title"`
}

type dcatContact struct {
	Type  string `json:"@type"`
	Name  string `json:"vcard:fn"`
	Email string `json:"vcard:hasEmail,omitempty"`
}

type dcatPeriod struct {
	Type  string `json:"@type"`
	Start string `json:"dcat:startDate"`
	End   string `json:"dcat:endDate"`
}

type dcatDistribution struct {
	ID          string       `json:"@id"`
	Type        string       `json:"@type"`
	Title       string       `json:"dct:title"`
	Format      string       `json:"dct:format"`
	MediaType   string       `json:"dcat:mediaType"`
	DownloadURL string       `json:"dcat:downloadURL"`
	AccessURL   string       `json:"dcat:accessURL"`
	ByteSize    int          `json:"dcat:byteSize"`
	Licence     *dcatLicence `json:"dct:license,omitempty"`
	Issued      string       `json:"dct:issued,omitempty"`
	Modified    string       `json:"dct:modified,omitempty"`
}

type dcatDataset struct {
	ID            string             `json:"@id"`
	Type          string             `json:"@type"`
	Identifier    string             `json:"dct:identifier"`
	Title         string             `json:"dct:title"`
	Description   string             `json:"dct:description"`
	Keywords      []string           `json:"dcat:keyword,omitempty"`
	LandingPage   string             `json:"dcat:landingPage"`
	Publisher     dcatAgent          `json:"dct:publisher"`
	ContactPoint  *dcatContact       `json:"dcat:contactPoint,omitempty"`
	Licence       *dcatLicence       `json:"dct:license,omitempty"`
	Issued        string             `json:"dct:issued,omitempty"`
	Modified      string             `json:"dct:modified,omitempty"`
	Periodicity   string             `json:"dct:accrualPeriodicity,omitempty"`
	Temporal      *dcatPeriod        `json:"dct:temporal,omitempty"`
	Distributions []dcatDistribution `json:"dcat:distribution"`
}

type dcatCatalogue struct {
	Context     dcatContext   `json:"@context"`
	ID          string        `json:"@id"`
	Type        string        `json:"@type"`
	Title       string        `json:"dct:title"`
	Description string        `json:"dct:description"`
	Language    string        `json:"dct:language,omitempty"`
	Homepage    string        `json:"foaf:homepage"`
	Publisher   dcatAgent     `json:"dct:publisher"`
	Licence     *dcatLicence  `json:"dct:license,omitempty"`
	Issued      string        `json:"dct:issued,omitempty"`
	Modified    string        `json:"dct:modified,omitempty"`
	Datasets    []dcatDataset `json:"dcat:dataset"`
}

func (b *builder) dcatLicence() *dcatLicence {
	s := &b.in.Site
	if s.Licence == "" {
		return nil
	}
	return &dcatLicence{ID: licenceURL(s.Licence), Type: "dct:LicenseDocument", Title: s.Licence}
}

func (b *builder) dcatDistribution(id, title, kind, path string, size int) dcatDistribution {
	published := format.ISODate(b.in.Site.Published)
	return dcatDistribution{
		ID: b.abs("data/catalogue.json#" + id), Type: "dcat:Distribution", Title: title, Format: kind,
		MediaType:   "https://www.iana.org/assignments/media-types/" + mediaTypes[kind],
		DownloadURL: b.abs(path), AccessURL: b.abs(path), ByteSize: size,
		Licence: b.dcatLicence(), Issued: published, Modified: published,
	}
}

func (b *builder) dcatDataset(id, title, desc, landing string) dcatDataset {
	s := &b.in.Site
	d := dcatDataset{
		ID: b.abs("data/catalogue.json#" + id), Type: "dcat:Dataset", Identifier: id,
		Title: title, Description: desc, LandingPage: landing,
		Publisher: dcatAgent{Type: "foaf:Organization", Name: s.Organisation},
		Licence:   b.dcatLicence(), Issued: format.ISODate(s.Published), Modified: format.ISODate(s.Published),
	}
	if s.Contact != "" {
		d.ContactPoint = &dcatContact{Type: "vcard:Organization", Name: s.Organisation, Email: "mailto:" + s.Contact}
	}
	return d
}

// catalogue is data/catalogue.json.
func (b *builder) catalogue() ([]byte, error) {
	s := &b.in.Site
	c := dcatCatalogue{
		Context: dcatContext{
			DCAT: "http://www.w3.org/ns/dcat#", DCT: "http://purl.org/dc/terms/",
			FOAF: "http://xmlns.com/foaf/0.1/", VCard: "http://www.w3.org/2006/vcard/ns#",
			XSD:    "http://www.w3.org/2001/XMLSchema#",
			Issued: ldTyped{"xsd:date"}, Modified: ldTyped{"xsd:date"},
			StartDate: ldTyped{"xsd:date"}, EndDate: ldTyped{"xsd:date"},
			ByteSize:    ldTyped{"xsd:nonNegativeInteger"},
			DownloadURL: ldTyped{"@id"}, AccessURL: ldTyped{"@id"}, LandingPage: ldTyped{"@id"},
			MediaType: ldTyped{"@id"}, Periodicity: ldTyped{"@id"}, Homepage: ldTyped{"@id"},
			HasEmail: ldTyped{"@id"},
		},
		ID: b.abs("data/catalogue.json"), Type: "dcat:Catalog",
		Title:       s.Title + ": open data",
		Description: "Key performance indicators published by " + s.Organisation + ": every indicator's figures, targets, statuses and directions of travel, one dataset per indicator and one with all of them.",
		Language:    s.Language, Homepage: b.abs(""),
		Publisher: dcatAgent{Type: "foaf:Organization", Name: s.Organisation},
		Licence:   b.dcatLicence(), Issued: format.ISODate(s.Published), Modified: format.ISODate(s.Published),
	}
	all := b.dcatDataset("all", s.Title+": all indicators",
		"Every published figure of every key performance indicator of "+s.Organisation+", current and retired, one row per indicator and period, with target, status, direction of travel, flag and note. Withheld figures are shown as [c].",
		b.abs("data/"))
	all.Distributions = []dcatDistribution{b.dcatDistribution("all-csv", "All indicators (CSV)", "CSV", "data/all.csv", len(b.allCSV))}
	c.Datasets = append(c.Datasets, all)
	for i := range b.series {
		sr := &b.series[i]
		ind := sr.Indicator
		d := b.dcatDataset(ind.ID, ind.Title, b.description(sr), b.abs("indicators/"+ind.ID+"/"))
		if svc := s.Service(ind.Service); svc != nil {
			d.Keywords = append(d.Keywords, svc.Name)
		}
		d.Periodicity = frequencyIRI(ind.Frequency)
		if start, end, ok := b.temporal(sr); ok {
			d.Temporal = &dcatPeriod{Type: "dct:PeriodOfTime", Start: format.ISODate(start), End: format.ISODate(end)}
		}
		files := b.parts[sr]
		dir := "indicators/" + ind.ID + "/"
		d.Distributions = []dcatDistribution{
			b.dcatDistribution(ind.ID+"-csv", ind.Name()+" (CSV)", "CSV", dir+"data.csv", files.csvLen),
			b.dcatDistribution(ind.ID+"-json", ind.Name()+" (JSON)", "JSON", dir+"data.json", files.jsonLen),
		}
		c.Datasets = append(c.Datasets, d)
	}
	out, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("data/catalogue.json: %w", err)
	}
	return append(out, '\n'), nil
}

// schema.org Dataset, for search engines (indicator pages).
type sdOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type sdDownload struct {
	Type           string `json:"@type"`
	EncodingFormat string `json:"encodingFormat"`
	ContentURL     string `json:"contentUrl"`
	ContentSize    string `json:"contentSize"`
}

type sdCatalogue struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type sdDataset struct {
	Context             string       `json:"@context"`
	Type                string       `json:"@type"`
	Name                string       `json:"name"`
	Description         string       `json:"description"`
	URL                 string       `json:"url"`
	Identifier          string       `json:"identifier"`
	Keywords            []string     `json:"keywords,omitempty"`
	License             string       `json:"license,omitempty"`
	IsAccessibleForFree bool         `json:"isAccessibleForFree"`
	Creator             sdOrg        `json:"creator"`
	Publisher           sdOrg        `json:"publisher"`
	DateModified        string       `json:"dateModified,omitempty"`
	TemporalCoverage    string       `json:"temporalCoverage,omitempty"`
	Distribution        []sdDownload `json:"distribution"`
	IncludedInCatalog   sdCatalogue  `json:"includedInDataCatalog"`
}

// datasetJSONLD is the schema.org Dataset of an indicator page.
// encoding/json escapes <, > and & (and U+2028, U+2029), so the text
// cannot end the <script> element it is written into.
func (b *builder) datasetJSONLD(s *model.Series) (template.JS, error) {
	site := &b.in.Site
	ind := s.Indicator
	org := sdOrg{Type: "Organization", Name: site.Organisation}
	d := sdDataset{
		Context: "https://schema.org", Type: "Dataset", Name: ind.Title,
		Description: b.description(s), URL: b.abs("indicators/" + ind.ID + "/"), Identifier: ind.ID,
		License: licenceURL(site.Licence), IsAccessibleForFree: true,
		Creator: org, Publisher: org, DateModified: format.ISODate(site.Published),
		IncludedInCatalog: sdCatalogue{Type: "DataCatalog", Name: site.Title + ": open data", URL: b.abs("data/")},
	}
	if d.License == "" {
		d.License = site.Licence
	}
	if svc := site.Service(ind.Service); svc != nil {
		d.Keywords = append(d.Keywords, svc.Name)
	}
	if start, end, ok := b.temporal(s); ok {
		d.TemporalCoverage = format.ISODate(start) + "/" + format.ISODate(end)
	}
	files, err := b.dataFilesOf(s)
	if err != nil {
		return "", err
	}
	dir := "indicators/" + ind.ID + "/"
	d.Distribution = []sdDownload{
		{Type: "DataDownload", EncodingFormat: "text/csv", ContentURL: b.sharedAbs(dir + "data.csv"), ContentSize: fmt.Sprintf("%d bytes", len(files.CSV))},
		{Type: "DataDownload", EncodingFormat: "application/json", ContentURL: b.sharedAbs(dir + "data.json"), ContentSize: fmt.Sprintf("%d bytes", len(files.JSON))},
	}
	out, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("JSON-LD for %s: %w", ind.ID, err)
	}
	// Trusted: JSON from encoding/json, with HTML-significant characters escaped.
	return template.JS(out), nil
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

func (b *builder) dataPageJob(feed, catalogue []byte) job {
	return func() (map[string][]byte, error) {
		const path = "data/index.html"
		root := rootFor(path)
		s := &b.in.Site
		page := DataPage{
			Layout:    b.layout(path, b.lang.T("nav.data"), b.lang.T("data.description", "licence", s.Licence), "data"),
			All:       Download{Href: b.shared(path, "all.csv", "data/all.csv"), Text: b.lang.T("data.all_link"), Format: "CSV", Size: size(b.allCSV)},
			Catalogue: Download{Href: b.shared(path, "catalogue.json", "data/catalogue.json"), Text: b.lang.T("data.catalogue_link"), Format: "JSON-LD (DCAT)", Size: size(catalogue)},
			Feed:      Download{Href: root + "feed.xml", Text: b.lang.T("data.feed_link"), Format: "Atom", Size: size(feed)},
			Columns:   CodeTable{ID: "columns-caption", Caption: b.lang.T("data.columns_caption"), Head: b.lang.T("data.column"), Rows: slices.Concat(b.dataColumns(), b.compareDataColumns(siteDims(b.series), s))},
			Statuses:  CodeTable{ID: "statuses-caption", Caption: b.lang.T("data.statuses_caption"), Head: b.lang.T("table.status"), Rows: b.statusColumns()},
			Published: b.lang.Date(s.Published),
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
		return b.page(path, "data.html", page)
	}
}
