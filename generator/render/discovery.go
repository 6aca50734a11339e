package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Discovery files: feed.xml (Atom 1.0, RFC 4287), sitemap.xml
// (sitemaps.org 0.9) and robots.txt. Every URL in them is absolute, from
// base_url, because they are read by programs that do not know the page
// they came from.

const atomNS = "http://www.w3.org/2005/Atom"

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name  string `xml:"name"`
	Email string `xml:"email,omitempty"`
	URI   string `xml:"uri,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Updated   string      `xml:"updated"`
	Published string      `xml:"published,omitempty"`
	Author    *atomPerson `xml:"author,omitempty"`
	Link      atomLink    `xml:"link"`
	Summary   string      `xml:"summary"`
	Content   *atomText   `xml:"content,omitempty"`

	when  time.Time // for ordering
	rank  int       // reports before commentary on the same day
	order string    // then by this

	// With a fragment store (fragments.go): the entry's key; stored
	// when the store has it, to be read as the feed is written (the
	// series-th series' comment-th commentary, rendered after all when
	// it cannot be read).
	key             *Key
	stored          bool
	series, comment int
}

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Rights    string      `xml:"rights,omitempty"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feedDate is the date of things that have no date of their own:
// site.toml's published date, else the last day of the current period,
// else the build date.
func (b *builder) feedDate() time.Time {
	switch {
	case !b.in.Site.Published.IsZero():
		return b.in.Site.Published
	case !b.o.Current.IsZero():
		return b.o.Current.End(b.fy)
	}
	return b.o.BuildDate
}

// feed is feed.xml: an entry per published report and per commentary
// file, newest first. A report's date is site.toml's published date; a
// commentary's is its front matter date, else the published date.
func (b *builder) feed() ([]byte, error) {
	s := &b.in.Site
	def := b.feedDate()
	entries := b.releaseEntries()
	frags := b.fragments()
	stored, storedLen := 0, 0 // the entries in the store, and their bytes
	for _, rp := range b.reports {
		p := rp.Period
		var st []model.Status
		for _, sr := range rp.Series {
			pt := b.o.PointFor(sr, p)
			if pt == nil {
				st = append(st, model.NoData)
				continue
			}
			st = append(st, pt.Status)
		}
		when := b.reportPublished(p)
		if when.IsZero() {
			when = def
		}
		entries = append(entries, atomEntry{
			ID: b.abs("reports/" + p.Slug() + "/"), Title: "Performance report: " + format.English().Long(p, b.fy),
			Updated: atomTime(when),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: b.abs("reports/" + p.Slug() + "/")},
			Summary: fmt.Sprintf("Key performance indicators for %s: %s.", format.English().Long(p, b.fy), b.statusTally(st)),
			when:    when, rank: 0, order: fmt.Sprintf("%012d", 1<<30-p.Index()),
		})
	}
	for i := range b.series {
		ind := b.series[i].Indicator
		for j, cm := range b.comments[ind.ID] {
			var key *Key
			if frags != nil {
				k := b.feedEntryKey(&b.series[i], j, def)
				key = &k
				if n, ok := frags.Len(k); ok {
					// Read from the store as the feed is written
					// (feedPieces), one entry at a time.
					stored, storedLen = stored+1, storedLen+n
					entries = append(entries, atomEntry{when: b.commentDate(cm, def), rank: 1, order: cm.PeriodSlug + "/" + ind.ID, key: key, stored: true, series: i, comment: j})
					continue
				}
			}
			e, err := b.commentEntry(i, j, def)
			if err != nil {
				return nil, err
			}
			e.key = key
			entries = append(entries, e)
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, c := entries[i], entries[j]
		switch {
		case !a.when.Equal(c.when):
			return a.when.After(c.when)
		case a.rank != c.rank:
			return a.rank < c.rank
		case a.rank == 1:
			return a.order > c.order // newer period first
		}
		return a.order < c.order
	})
	updated := def
	for _, e := range entries {
		if e.when.After(updated) {
			updated = e.when
		}
	}
	f := atomFeed{
		Lang: s.Language, ID: b.abs(""), Title: s.Title,
		Subtitle: "Performance reports and commentary from " + s.Organisation + ".",
		Updated:  atomTime(updated),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: b.abs("feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: b.abs("")},
		},
		Author:    atomPerson{Name: s.Organisation, Email: s.Contact, URI: b.abs("")},
		Rights:    s.Licence,
		Generator: "kpisite",
		Entries:   entries,
	}
	// Encoded after the header into one buffer, as xml.MarshalIndent
	// writes it, rather than copied behind the header (a feed of a
	// thousand commentaries runs to megabytes).
	var buf bytes.Buffer
	if stored > 0 {
		// Sized once, from the stored entries (the others as long on
		// average) and a few kilobytes for the rest, rather than grown
		// by doubling (three times the feed's size allocated).
		buf.Grow(len(xml.Header) + storedLen + (len(entries)-stored)*(storedLen/stored) + 4<<10)
	} else {
		// About its size from what each entry holds (its markup and
		// escaping an eighth more), for the same reason.
		size := len(xml.Header) + 4<<10
		for i := range entries {
			e := &entries[i]
			size += 512 + len(e.Summary) + len(e.Title)
			if e.Content != nil {
				size += len(e.Content.Text) + len(e.Content.Text)/8
			}
		}
		buf.Grow(size)
	}
	buf.WriteString(xml.Header)
	if frags != nil {
		if err := b.feedPieces(&buf, f, frags); err != nil {
			return nil, fmt.Errorf("feed.xml: %w", err)
		}
		return buf.Bytes(), nil
	}
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("feed.xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// commentDate is the date of commentary cm's feed entry: its own, else
// def.
func (b *builder) commentDate(cm model.Commentary, def time.Time) time.Time {
	if cm.Page.Date.IsZero() {
		return def
	}
	return cm.Page.Date
}

// commentEntry is the feed entry of the j-th commentary on the i-th
// series, whose date is def when it has none of its own.
func (b *builder) commentEntry(i, j int, def time.Time) (atomEntry, error) {
	ind := b.series[i].Indicator
	cm := b.comments[ind.ID][j]
	when := b.commentDate(cm, def)
	words := cm.PeriodSlug
	if per, err := ind.ParseSlug(cm.PeriodSlug); err == nil {
		words = format.English().Long(per, b.fy)
	}
	html, err := b.o.Markdown(cm.Page.Body, 2, "feed-")
	if err != nil {
		return atomEntry{}, fmt.Errorf("%s: %w", cm.Page.Path, err)
	}
	page := b.abs("indicators/" + ind.ID + "/")
	e := atomEntry{
		ID: page + "#commentary-" + cm.PeriodSlug, Title: ind.Name() + ": commentary for " + words,
		Updated: atomTime(when),
		Link:    atomLink{Rel: "alternate", Type: "text/html", Href: page + "#commentary-" + cm.PeriodSlug},
		Summary: "Commentary on " + ind.Title + " for " + words + ".",
		Content: &atomText{Type: "html", Base: page, Text: string(html)},
		when:    when, rank: 1, order: cm.PeriodSlug + "/" + ind.ID,
	}
	if !cm.Page.Date.IsZero() {
		e.Published = atomTime(cm.Page.Date)
	}
	if cm.Page.Author != "" {
		e.Author = &atomPerson{Name: cm.Page.Author}
	}
	return e, nil
}

// feedPieces writes f as feed encodes it whole, entry by entry, each
// commentary's entry got from the fragment store or stored: the feed
// without its entries ends "\n</feed>", and each entry, at the depth of a
// child of the feed, is "\n" and the entry encoded on its own with two
// spaces before each line (the entries' namespace is the feed's, which
// encoding/xml declares on the feed only).
func (b *builder) feedPieces(buf *bytes.Buffer, f atomFeed, frags Fragments) error {
	entries := f.Entries
	f.Entries = nil
	enc := xml.NewEncoder(buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	const end = "\n</feed>"
	if !bytes.HasSuffix(buf.Bytes(), []byte(end)) {
		return fmt.Errorf("the feed does not end in </feed>")
	}
	buf.Truncate(buf.Len() - len(end))
	// One encoder for every entry: after its first element it starts
	// each with the newline the whole feed has before it.
	var one bytes.Buffer
	enc = xml.NewEncoder(&one)
	enc.Indent("  ", "  ")
	first := true
	group := b.o.Language.Prefix + "feed.xml"
	def := b.feedDate()
	var got []byte // the stored entries, read one at a time
	for i := range entries {
		e := &entries[i]
		var data []byte
		stored := false
		if e.stored {
			data, stored = frags.Get(*e.key, got)
			if stored {
				got = data
			} else {
				// Not read after all (the disk failed): rendered.
				key := e.key
				ne, err := b.commentEntry(e.series, e.comment, def)
				if err != nil {
					return err
				}
				*e = ne
				e.key = key
			}
		}
		if !stored {
			one.Reset()
			if first {
				one.WriteByte('\n')
				first = false
			}
			if err := enc.EncodeElement(e, xml.StartElement{Name: xml.Name{Local: "entry"}}); err != nil {
				return err
			}
			if err := enc.Flush(); err != nil {
				return err
			}
			data = one.Bytes()
		}
		buf.Write(data)
		if e.key != nil {
			frags.Put(group, *e.key, data)
		}
	}
	buf.WriteString(end + "\n")
	return nil
}

// statusTally is "4 on target, 2 near target, 1 off target" in a fixed
// order.
func (b *builder) statusTally(st []model.Status) string {
	shown := make([]StatusView, len(st))
	for i, s := range st {
		shown[i] = b.statusView(s)
		shown[i].Label = format.English().Status(s) // the feed is in English
	}
	var parts []string
	for _, c := range b.countStatuses(shown) {
		parts = append(parts, fmt.Sprintf("%d %s", c.Count, strings.ToLower(c.Status.Label)))
	}
	if len(parts) == 0 {
		return "no indicators"
	}
	return strings.Join(parts, ", ")
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	LastMod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

// sitemapLink is an xhtml:link naming a page's version in a language
// (Google's form of hreflang in sitemaps).
type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type sitemapSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap lists every HTML page of files except 404.html, by path, with
// site.toml's published date as the last modification. A site of several
// languages has one sitemap: each page once per language (every language
// has the same pages), each entry naming every version with xhtml:link.
func (b *builder) sitemap(files map[string][]byte) ([]byte, error) {
	var paths []string
	for p := range files {
		if strings.HasSuffix(p, ".html") && p != "404.html" {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	set := sitemapSet{}
	langs := b.o.Language.All
	if len(langs) > 1 {
		set.XHTML = "http://www.w3.org/1999/xhtml"
	}
	for _, p := range paths {
		dir := strings.TrimSuffix(p, "index.html")
		if len(langs) < 2 {
			set.URLs = append(set.URLs, sitemapURL{Loc: b.abs(dir), LastMod: b.isoPublished()})
			continue
		}
		links := make([]sitemapLink, 0, len(langs)+1)
		for _, l := range langs {
			links = append(links, sitemapLink{Rel: "alternate", Hreflang: l.Code, Href: b.in.Site.BaseURL + l.Prefix + dir})
		}
		links = append(links, sitemapLink{Rel: "alternate", Hreflang: "x-default", Href: links[0].Href})
		for _, l := range links[:len(langs)] {
			set.URLs = append(set.URLs, sitemapURL{Loc: l.Href, LastMod: b.isoPublished(), Links: links})
		}
	}
	out, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("sitemap.xml: %w", err)
	}
	return append(append([]byte(xml.Header), out...), '\n'), nil
}

func (b *builder) isoPublished() string {
	if b.in.Site.Published.IsZero() {
		return ""
	}
	return b.in.Site.Published.Format("2006-01-02")
}

// robots is robots.txt: every crawler may read everything. Crawlers read
// robots.txt only at the root of a host, so a site under a sub-path
// should copy the Sitemap line into the host's own robots.txt.
func (b *builder) robots() []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + b.abs("sitemap.xml") + "\n")
}
