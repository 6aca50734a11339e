package render

import (
	"fmt"
	"html/template"
	"io"
	"strconv"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// The catalogue (data/catalogue.json) and the schema.org Dataset of each
// indicator page, written by jsonWriter in the bytes encoding/json wrote
// for the structs they were once marshalled from (kept in
// opendata_old_test.go, which checks the two give the same bytes).

// typed writes {"@type": t}.
func (w *jsonWriter) typed(t string) {
	w.open('{')
	w.key("@type")
	w.str(t)
	w.close('}')
}

// dcatContext writes the catalogue's JSON-LD context: prefixes, and the
// datatype of every term whose value is a date, a number or a link.
func (w *jsonWriter) dcatContext() {
	w.open('{')
	for _, f := range [...]struct{ term, v string }{
		{"dcat", "http://www.w3.org/ns/dcat#"},
		{"dct", "http://purl.org/dc/terms/"},
		{"foaf", "http://xmlns.com/foaf/0.1/"},
		{"vcard", "http://www.w3.org/2006/vcard/ns#"},
		{"xsd", "http://www.w3.org/2001/XMLSchema#"},
	} {
		w.key(f.term)
		w.str(f.v)
	}
	for _, f := range [...]struct{ term, t string }{
		{"dct:issued", "xsd:date"},
		{"dct:modified", "xsd:date"},
		{"dcat:startDate", "xsd:date"},
		{"dcat:endDate", "xsd:date"},
		{"dcat:byteSize", "xsd:nonNegativeInteger"},
		{"dcat:downloadURL", "@id"},
		{"dcat:accessURL", "@id"},
		{"dcat:landingPage", "@id"},
		{"dcat:mediaType", "@id"},
		{"dct:accrualPeriodicity", "@id"},
		{"foaf:homepage", "@id"},
		{"vcard:hasEmail", "@id"},
	} {
		w.key(f.term)
		w.typed(f.t)
	}
	w.close('}')
}

// member writes "key": "v" when v is not empty (omitempty).
func (w *jsonWriter) member(key, v string) {
	if v != "" {
		w.key(key)
		w.str(v)
	}
}

// dcatAgent writes the publisher.
func (w *jsonWriter) dcatAgent(name string) {
	w.open('{')
	w.key("@type")
	w.str("foaf:Organization")
	w.key("foaf:name")
	w.str(name)
	w.close('}')
}

// writeDCATLicence writes "dct:license" when the site has a licence.
func (b *builder) writeDCATLicence(w *jsonWriter) {
	l := b.in.Site.Licence
	if l == "" {
		return
	}
	w.key("dct:license")
	w.open('{')
	w.member("@id", licenceURL(l))
	w.key("@type")
	w.str("dct:LicenseDocument")
	w.key("dct:title")
	w.str(l)
	w.close('}')
}

// writeDCATDistribution writes one download of a dataset.
func (b *builder) writeDCATDistribution(w *jsonWriter, id, title, kind, path string, size int) {
	published := format.ISODate(b.in.Site.Published)
	w.elem()
	w.open('{')
	w.key("@id")
	w.str(b.abs("data/catalogue.json#" + id))
	w.key("@type")
	w.str("dcat:Distribution")
	w.key("dct:title")
	w.str(title)
	w.key("dct:format")
	w.str(kind)
	w.key("dcat:mediaType")
	w.str("https://www.iana.org/assignments/media-types/" + mediaTypes[kind])
	w.key("dcat:downloadURL")
	w.str(b.abs(path))
	w.key("dcat:accessURL")
	w.str(b.abs(path))
	w.key("dcat:byteSize")
	w.int(size)
	b.writeDCATLicence(w)
	w.member("dct:issued", published)
	w.member("dct:modified", published)
	w.close('}')
}

// dcatSet is what differs between the catalogue's datasets.
type dcatSet struct {
	id, title, desc, landing string
	keywords                 []string
	periodicity              string
	start, end               string // dct:temporal, when start is not ""
}

// writeDCATDataset writes a dataset up to its distributions, which the
// caller writes and closes.
func (b *builder) writeDCATDataset(w *jsonWriter, d dcatSet) {
	s := &b.in.Site
	published := format.ISODate(s.Published)
	w.elem()
	w.open('{')
	w.key("@id")
	w.str(b.abs("data/catalogue.json#" + d.id))
	w.key("@type")
	w.str("dcat:Dataset")
	w.key("dct:identifier")
	w.str(d.id)
	w.key("dct:title")
	w.str(d.title)
	w.key("dct:description")
	w.str(d.desc)
	if len(d.keywords) > 0 {
		w.key("dcat:keyword")
		w.strings(d.keywords)
	}
	w.key("dcat:landingPage")
	w.str(d.landing)
	w.key("dct:publisher")
	w.dcatAgent(s.Organisation)
	if s.Contact != "" {
		w.key("dcat:contactPoint")
		w.open('{')
		w.key("@type")
		w.str("vcard:Organization")
		w.key("vcard:fn")
		w.str(s.Organisation)
		w.key("vcard:hasEmail")
		w.str("mailto:" + s.Contact)
		w.close('}')
	}
	b.writeDCATLicence(w)
	w.member("dct:issued", published)
	w.member("dct:modified", published)
	w.member("dct:accrualPeriodicity", d.periodicity)
	if d.start != "" {
		w.key("dct:temporal")
		w.open('{')
		w.key("@type")
		w.str("dct:PeriodOfTime")
		w.key("dcat:startDate")
		w.str(d.start)
		w.key("dcat:endDate")
		w.str(d.end)
		w.close('}')
	}
	w.key("dcat:distribution")
	w.open('[')
}

// catalogue is data/catalogue.json.
func (b *builder) catalogue() ([]byte, error) {
	var out []byte
	err := b.writeCatalogue(make([]byte, 0, 4096+3200*len(b.series)), true, func(p []byte) error {
		out = p // whole: the one piece
		return nil
	})
	return out, err
}

// catalogueFile is data/catalogue.json and its size. Where pages are
// streamed it is written through Options.Create a few indicators at a
// time and not held (nil): on a site of 5,000 indicators it is 15 MB.
func (b *builder) catalogueFile() ([]byte, int, error) {
	if !b.streaming() {
		c, err := b.catalogue()
		return c, len(c), err
	}
	n := 0
	err := b.writeStreamed("data/catalogue.json", func(out io.Writer) error {
		return b.writeCatalogue(make([]byte, 0, 2*catalogueFlush), false, func(p []byte) error {
			k, err := out.Write(p)
			n += k
			return err
		})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("render data/catalogue.json: %w", err)
	}
	return nil, n, nil
}

// catalogueFlush is how much of the catalogue writeCatalogue gathers
// before it hands it to flush, when it flushes as it goes.
const catalogueFlush = 32 << 10

// writeCatalogue writes data/catalogue.json into buf and hands it to
// flush: whole, at the end; else after an indicator's dataset once buf
// holds catalogueFlush bytes, and the rest at the end.
func (b *builder) writeCatalogue(buf []byte, whole bool, flush func([]byte) error) error {
	s := &b.in.Site
	published := format.ISODate(s.Published)
	w := jsonWriter{b: buf, indent: true}
	w.open('{')
	w.key("@context")
	w.dcatContext()
	w.key("@id")
	w.str(b.abs("data/catalogue.json"))
	w.key("@type")
	w.str("dcat:Catalog")
	w.key("dct:title")
	w.str(s.Title + ": open data")
	w.key("dct:description")
	w.str("Key performance indicators published by " + s.Organisation + ": every indicator's figures, targets, statuses and directions of travel, one dataset per indicator and one with all of them.")
	w.member("dct:language", s.Language)
	w.key("foaf:homepage")
	w.str(b.abs(""))
	w.key("dct:publisher")
	w.dcatAgent(s.Organisation)
	b.writeDCATLicence(&w)
	w.member("dct:issued", published)
	w.member("dct:modified", published)
	w.key("dcat:dataset")
	w.open('[')
	b.writeDCATDataset(&w, dcatSet{
		id: "all", title: s.Title + ": all indicators",
		desc:    "Every published figure of every key performance indicator of " + s.Organisation + ", current and retired, one row per indicator and period, with target, status, direction of travel, flag and note. Withheld figures are shown as [c].",
		landing: b.abs("data/"),
	})
	b.writeDCATDistribution(&w, "all-csv", "All indicators (CSV)", "CSV", "data/all.csv", b.allLen)
	w.close(']')
	w.close('}')
	for i := range b.series {
		sr := &b.series[i]
		ind := sr.Indicator
		d := dcatSet{
			id: ind.ID, title: ind.Title, desc: b.description(sr), landing: b.abs("indicators/" + ind.ID + "/"),
			periodicity: frequencyIRI(ind.Frequency),
		}
		if svc := s.Service(ind.Service); svc != nil {
			d.keywords = []string{svc.Name}
		}
		if start, end, ok := b.temporal(sr); ok {
			d.start, d.end = format.ISODate(start), format.ISODate(end)
		}
		b.writeDCATDataset(&w, d)
		files := b.parts[sr]
		dir := "indicators/" + ind.ID + "/"
		b.writeDCATDistribution(&w, ind.ID+"-csv", ind.Name()+" (CSV)", "CSV", dir+"data.csv", files.csvLen)
		b.writeDCATDistribution(&w, ind.ID+"-json", ind.Name()+" (JSON)", "JSON", dir+"data.json", files.jsonLen)
		w.close(']')
		w.close('}')
		if !whole && len(w.b) >= catalogueFlush {
			if err := flush(w.b); err != nil {
				return err
			}
			w.b = w.b[:0]
		}
	}
	w.close(']')
	w.close('}')
	return flush(append(w.b, '\n'))
}

// sdThing writes {"@type": t, "name": name}.
func (w *jsonWriter) sdThing(t, name string) {
	w.open('{')
	w.key("@type")
	w.str(t)
	w.key("name")
	w.str(name)
}

// sdDownload writes one DataDownload of the schema.org Dataset.
func (w *jsonWriter) sdDownload(mediaType, url string, size int) {
	w.elem()
	w.open('{')
	w.key("@type")
	w.str("DataDownload")
	w.key("encodingFormat")
	w.str(mediaType)
	w.key("contentUrl")
	w.str(url)
	w.key("contentSize")
	w.b = strconv.AppendInt(append(w.b, '"'), int64(size), 10)
	w.b = append(w.b, ` bytes"`...)
	w.close('}')
}

// datasetJSONLD is the schema.org Dataset of an indicator page, whose
// data files are csvLen and jsonLen bytes long. jsonWriter escapes <, >
// and & (and U+2028, U+2029), as encoding/json does, so the text cannot
// end the <script> element it is written into.
func (b *builder) datasetJSONLD(s *model.Series, csvLen, jsonLen int) template.JS {
	site := &b.in.Site
	ind := s.Indicator
	w := jsonWriter{b: make([]byte, 0, 1024)}
	w.open('{')
	w.key("@context")
	w.str("https://schema.org")
	w.key("@type")
	w.str("Dataset")
	w.key("name")
	w.str(ind.Title)
	w.key("description")
	w.str(b.description(s))
	w.key("url")
	w.str(b.abs("indicators/" + ind.ID + "/"))
	w.key("identifier")
	w.str(ind.ID)
	if svc := site.Service(ind.Service); svc != nil {
		w.key("keywords")
		w.strings([]string{svc.Name})
	}
	licence := licenceURL(site.Licence)
	if licence == "" {
		licence = site.Licence
	}
	w.member("license", licence)
	w.key("isAccessibleForFree")
	w.bool(true)
	w.key("creator")
	w.sdThing("Organization", site.Organisation)
	w.close('}')
	w.key("publisher")
	w.sdThing("Organization", site.Organisation)
	w.close('}')
	w.member("dateModified", format.ISODate(site.Published))
	if start, end, ok := b.temporal(s); ok {
		w.key("temporalCoverage")
		w.str(format.ISODate(start) + "/" + format.ISODate(end))
	}
	dir := "indicators/" + ind.ID + "/"
	w.key("distribution")
	w.open('[')
	w.sdDownload("text/csv", b.sharedAbs(dir+"data.csv"), csvLen)
	w.sdDownload("application/json", b.sharedAbs(dir+"data.json"), jsonLen)
	w.close(']')
	w.key("includedInDataCatalog")
	w.sdThing("DataCatalog", site.Title+": open data")
	w.key("url")
	w.str(b.abs("data/"))
	w.close('}')
	w.close('}')
	// Trusted: JSON with HTML-significant characters escaped.
	return template.JS(w.b)
}
