package render

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// What changed (SPEC 5): changes/index.html, changes/releases.json, and
// an Atom entry per release in feed.xml. The release history is worked
// out by Options.Releases from this build's data/all.csv.

// Releases is the release history after this build.
type Releases struct {
	List []model.Release // newest first
	File []byte          // changes/releases.json
}

// FigureRow is one new, revised or withdrawn figure on the changes page.
type FigureRow struct {
	Href   string // the indicator's page, "" when it is no longer on the site
	Name   string
	Period string
	Detail string // area and breakdown: "sex: Female"
	Old    string
	New    string
	Note   string
}

// IndicatorRow is an indicator added or retired in a release.
type IndicatorRow struct {
	Href    string
	Name    string
	Removed bool
}

// ReleaseView is one release on the changes page.
type ReleaseView struct {
	ID        string // anchor, "release-2022-07-21"
	Heading   string // "21 July 2022"
	DateISO   string
	Period    string // "2022/23 Q1"
	Compared  bool
	Summary   string // "2 new figures, 1 revised figure"
	Added     []IndicatorRow
	Retired   []IndicatorRow
	New       []FigureRow
	Revised   []FigureRow
	Withdrawn []FigureRow
}

// ChangesPage is changes/index.html.
type ChangesPage struct {
	Layout
	Releases []ReleaseView
	File     Download // releases.json
	FlagKey  []FlagKey
}

// releases works out the release history once all.csv is made.
func (b *builder) releases() error {
	if b.o.Releases == nil {
		return nil
	}
	r, err := b.o.Releases(b.allCSV)
	if err != nil {
		return fmt.Errorf("what changed: %w", err)
	}
	b.history = r
	return nil
}

// releaseDate is a release's date: its published date, else the feed's.
func (b *builder) releaseDate(r *model.Release) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", r.Published)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// periodLabel writes a period recorded in its data spelling ("2022/23 Q1",
// from all.csv and releases.json) in the page's language ("2022/23 Ch1");
// a spelling that does not read back the same is shown as it is.
func (b *builder) periodLabel(s string) string {
	p, err := model.ParseAnyPeriod(s)
	if err != nil || format.English().Period(p) != s {
		return s
	}
	return b.lang.Period(p)
}

// releaseHeading is "21 July 2022", else the release's id.
func (b *builder) releaseHeading(r *model.Release) string {
	if t, ok := b.releaseDate(r); ok {
		return b.lang.Date(t)
	}
	return r.ID
}

// releaseSummary is "3 new figures, 1 revised figure, 1 indicator added".
func (b *builder) releaseSummary(r *model.Release) string {
	if !r.Compared {
		return b.lang.T("changes.no_previous")
	}
	var parts []string
	count := func(n int, key string) {
		if n > 0 {
			parts = append(parts, b.lang.N(key, n))
		}
	}
	count(len(r.New), "changes.count_new")
	count(len(r.Revised), "changes.count_revised")
	count(len(r.Withdrawn), "changes.count_withdrawn")
	count(len(r.Added), "changes.count_added")
	count(len(r.Retired), "changes.count_retired")
	if len(parts) == 0 {
		return b.lang.T("changes.no_change")
	}
	return b.lang.T("changes.summary", "counts", strings.Join(parts, b.lang.T("list.comma")))
}

var flagInCell = regexp.MustCompile(`\[([a-z])\]`)

var plainNumber = regexp.MustCompile(`^(-?)([0-9]+)(\.[0-9]+)?$`)

// readable is a value of all.csv as pages show figures: 338160 becomes
// 338,160; anything that is not a plain number ("[c]") stays as it is.
func readable(v string) string {
	m := plainNumber.FindStringSubmatch(v)
	if m == nil {
		return v
	}
	digits := m[2]
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return m[1] + b.String() + m[3]
}

func (b *builder) changesJob() job {
	return func() (map[string][]byte, error) {
		const path = "changes/index.html"
		root := rootFor(path)
		page := ChangesPage{
			Layout: b.layout(path, b.lang.T("changes.title"), b.lang.T("changes.description"), "changes"),
		}
		used := map[model.Flag]bool{}
		note := func(v string) {
			for _, m := range flagInCell.FindAllStringSubmatch(v, -1) {
				used[model.Flag(m[1])] = true
			}
		}
		href := func(id string) string {
			if b.in.Indicator(id) == nil {
				return ""
			}
			return root + "indicators/" + id + "/"
		}
		figs := func(cs []model.FigureChange) []FigureRow {
			var out []FigureRow
			for _, c := range cs {
				var dims []string
				for _, d := range c.Dimensions {
					dims = append(dims, d.Name+": "+d.Value)
				}
				note(c.Old)
				note(c.New)
				out = append(out, FigureRow{Href: href(c.Indicator), Name: c.Name, Period: b.periodLabel(c.Period), Detail: strings.Join(dims, ", "), Old: readable(c.Old), New: readable(c.New), Note: c.Note})
			}
			return out
		}
		inds := func(cs []model.IndicatorChange) []IndicatorRow {
			var out []IndicatorRow
			for _, c := range cs {
				out = append(out, IndicatorRow{Href: href(c.Indicator), Name: c.Name, Removed: c.Removed})
			}
			return out
		}
		for i := range b.history.List {
			r := &b.history.List[i]
			v := ReleaseView{
				ID: "release-" + r.ID, Heading: b.releaseHeading(r), Period: b.periodLabel(r.Period), Compared: r.Compared,
				Summary: b.releaseSummary(r), Added: inds(r.Added), Retired: inds(r.Retired),
				New: figs(r.New), Revised: figs(r.Revised), Withdrawn: figs(r.Withdrawn),
			}
			if t, ok := b.releaseDate(r); ok {
				v.DateISO = format.ISODate(t)
			}
			page.Releases = append(page.Releases, v)
		}
		page.FlagKey = b.flagKey(used)
		if b.history.File != nil {
			page.File = Download{Href: b.shared(path, "releases.json", "changes/releases.json"), Text: b.lang.T("changes.file"), Format: "JSON", Size: size(b.history.File)}
		}
		out, err := b.page(path, "changes.html", page)
		if err != nil {
			return nil, err
		}
		if b.history.File != nil {
			out["changes/releases.json"] = b.history.File
		}
		return out, nil
	}
}

// releaseEntries are the feed's entries for releases: one per release.
func (b *builder) releaseEntries() []atomEntry {
	var out []atomEntry
	for i := range b.history.List {
		r := &b.history.List[i]
		when, ok := b.releaseDate(r)
		if !ok {
			when = b.feedDate()
		}
		href := b.abs("changes/#release-" + r.ID)
		// The feed is in English (see docs/decisions.md).
		heading := r.ID
		if t, ok := b.releaseDate(r); ok {
			heading = format.English().Date(t)
		}
		title := "What changed: release of " + heading
		if !r.Compared {
			title = "First release recorded: " + heading
		}
		out = append(out, atomEntry{
			ID: href, Title: title, Updated: atomTime(when),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: href},
			Summary: b.releaseSummary(r),
			when:    when, rank: -1, order: fmt.Sprintf("%06d", i),
		})
	}
	return out
}
