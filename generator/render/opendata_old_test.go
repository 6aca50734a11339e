package render

import (
	"encoding/json"
	"fmt"
	"html/template"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// The structs data/catalogue.json and the JSON-LD of indicator pages were
// marshalled from with encoding/json before jsonWriter, and the code that
// filled them: the reference the equivalence tests hold the writers to.

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

// catalogueOld is data/catalogue.json as encoding/json wrote it.
func (b *builder) catalogueOld() ([]byte, error) {
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
	all.Distributions = []dcatDistribution{b.dcatDistribution("all-csv", "All indicators (CSV)", "CSV", "data/all.csv", b.allLen)}
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

// datasetJSONLDOld is the schema.org Dataset of an indicator page.
// encoding/json escapes <, > and & (and U+2028, U+2029), so the text
// cannot end the <script> element it is written into.
func (b *builder) datasetJSONLDOld(s *model.Series) (template.JS, error) {
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
