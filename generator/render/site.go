package render

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// builder holds what every page of one build needs.
type builder struct {
	in       *model.Input
	series   []model.Series
	o        Options
	byID     map[string]*model.Series
	comments map[string][]model.Commentary // by indicator, newest first
	rows     map[*model.Series]*lazyRows   // data table rows, rendered once; nil: by each table
	allCSV   []byte                        // data/all.csv (nil once written, or when streamAll)
	allLen   int                           // data/all.csv's size
	// streamAll: data/all.csv is written through Options.Create straight
	// from the series, by the open data job (writeAllCSV).
	streamAll bool
	reports   []reportPeriod // newest first
	retired   bool           // some indicator is retired
	history   Releases       // what changed, release by release
	fy        int
	lang      *format.Lang // the interface words of the language being rendered
	rw        *rowWords    // the row writers' words in lang

	keys     keys       // page keys, when caching (keys.go)
	reusedMu sync.Mutex // guards reused
	reused   []string   // files kept from the previous build

	// The stages of a build (stages.go).
	parts   map[*model.Series]*indicatorParts // what later pages need of each indicator
	dims    []string                          // the site's breakdown dimensions (data/all.csv columns)
	showing map[*model.Series][]int           // the reports (indexes into reports) that show each series
	sizes   pageSizes                         // buffer sizes by template (buffers.go)

	streamed streamed // files written through Options.Create (streamed.go)

	// openDataReady: data/all.csv and the history were worked out before
	// the first stage (openDataFirst), for the keys of a cached build.
	openDataReady bool

	replacedOnce sync.Once
	replaced     map[string][]model.Period // replacedFrom (stages.go)

	periodNames periodNames // each period's String, for the data rows (csvrows.go)

	fragState // the fragments' keys (fragments.go)

	byServiceOnce sync.Once
	byService     map[string][]*model.Series // seriesOf (byservice.go)
}

// job renders some files.
type job func() (map[string][]byte, error)

// Site renders every file of the site. Pages are rendered in parallel; the
// result does not depend on the order they finish in.
func Site(in *model.Input, series []model.Series, o Options) (map[string][]byte, error) {
	o.Emit = localEmit(o.Language.Prefix, o.Emit)
	o.Create = localCreate(o.Language.Prefix, o.Create)
	b := &builder{in: in, series: series, o: o, byID: map[string]*model.Series{}, fy: in.Site.FinancialYearStart, lang: format.English()}
	if o.Words != nil {
		b.lang = format.NewLang(o.Words)
	}
	b.rw = newRowWords(b.lang)
	for i := range series {
		b.byID[series[i].Indicator.ID] = &series[i]
	}
	b.comments = map[string][]model.Commentary{}
	for _, c := range in.Content.Commentary {
		if c.Page.Draft {
			continue
		}
		b.comments[c.Indicator] = append(b.comments[c.Indicator], c)
	}
	for _, cs := range b.comments {
		sort.Slice(cs, func(i, j int) bool { return cs[i].PeriodSlug > cs[j].PeriodSlug })
	}

	b.reports = b.reportPeriods()
	b.retired = b.hasRetired()
	b.prepare()
	if b.caching() {
		// Keys need what changed since the previous release, so with a
		// cache data/all.csv and the history are worked out first.
		hashed, rowsDone := b.hashAll(!b.streamAll)
		if err := b.openDataFirst(rowsDone); err != nil {
			hashed()
			return nil, err
		}
		kp := hashed()
		b.makeKeys(kp)
		b.liveFragments()
	}
	r := newRunner(b.streamed.skip(b.o.Emit))

	// The first stage: every indicator's page and files, and the pages
	// that need nothing of the others' (stages.go). A job whose key is
	// unchanged keeps its files from the previous build (keys.go); an
	// indicator's job still works out what the second stage needs of it.
	var jobs []job
	for i := range series {
		name := "indicator/" + series[i].Indicator.ID
		jobs = append(jobs, b.keyedParts(name, b.indicatorKey(name, &series[i]), b.indicatorJob(&series[i]), b.partsNote(&series[i])))
	}
	jobs = append(jobs, b.keyed("404", b.nameKey("404"), b.notFoundJob()),
		b.keyed("assets", b.nameKey("assets"), b.assetsJob()),
		b.keyed("search", b.globalKey("search"), b.searchJob()))
	for _, p := range in.Content.Pages {
		if !p.Draft {
			name := "page/" + pageSlug(p)
			jobs = append(jobs, b.keyed(name, b.pageKey(name, p), b.contentJob(p)))
		}
	}
	if len(b.reports) > 0 {
		jobs = append(jobs, b.keyed("reports", b.globalKey("reports"), b.reportsJob()))
	}
	if len(in.Actions) > 0 {
		jobs = append(jobs, b.keyed("actions", b.globalKey("actions"), b.actionsJob()))
	}
	if b.retired {
		jobs = append(jobs, b.keyed("retired", b.globalKey("retired"), b.retiredJob()))
	}
	if err := r.run(jobs); err != nil {
		return nil, err
	}

	// The second stage: the pages that show many indicators, the open
	// data job (which has the sequential work of this stage) first, then
	// the reports (the longest jobs).
	jobs = []job{b.keyed("opendata", b.globalKey("opendata"), b.openDataJob())}
	for _, rp := range b.reports {
		name := "report/" + rp.Period.Slug()
		jobs = append(jobs, b.keyed(name, b.reportKey(name, rp.Period), b.reportJob(rp)))
	}
	jobs = append(jobs, b.keyed("home", b.globalKey("home"), b.homeJob()))
	for i := range in.Site.Services {
		name := "service/" + in.Site.Services[i].ID
		jobs = append(jobs, b.keyed(name, b.globalKey(name), b.serviceJob(&in.Site.Services[i])))
	}
	for i := range in.Site.Committees {
		name := "committee/" + in.Site.Committees[i].ID
		jobs = append(jobs, b.keyed(name, b.globalKey(name), b.committeeJob(&in.Site.Committees[i])))
	}
	if err := r.run(jobs); err != nil {
		return nil, err
	}
	files := r.files
	for _, p := range b.reused {
		if _, dup := files[p]; dup {
			return nil, errTwoPages(p)
		}
		files[p] = nil
	}
	if b.o.Language.Prefix != "" { // the first language writes the sitemap
		if b.o.Emit != nil {
			return nil, nil
		}
		return b.localise(files), nil
	}
	sitemap, err := b.sitemap(files)
	if err != nil {
		return nil, err
	}
	if b.o.Emit != nil {
		return nil, b.o.Emit("sitemap.xml", sitemap)
	}
	files["sitemap.xml"] = sitemap
	return files, nil
}

// runJobs runs jobs on every core and merges their files. The first error
// (in job order) wins, so errors are reproducible too.
// With emit, the paths of the files are added to emitted (under mu),
// which already holds those of earlier stages.
func runJobs(jobs []job, emit func(string, []byte) error, mu *sync.Mutex, emitted map[string][]byte) (map[string][]byte, error) {
	results := make([]map[string][]byte, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = jobs[i]()
				jobs[i] = nil // what the job captured can go
				if emit == nil || errs[i] != nil {
					continue
				}
				errs[i] = emitJob(results[i], emit, mu, emitted)
				results[i] = nil
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			return nil, errs[i]
		}
	}
	if emit != nil {
		return nil, nil
	}
	out := make(map[string][]byte)
	for _, r := range results {
		for p, b := range r {
			if _, dup := out[p]; dup {
				return nil, errTwoPages(p)
			}
			out[p] = b
		}
	}
	return out, nil
}

// emitJob hands one job's files to emit, in path order, and notes their
// paths in seen (under mu) to catch two pages writing the same file.
func emitJob(files map[string][]byte, emit func(string, []byte) error, mu *sync.Mutex, seen map[string][]byte) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	mu.Lock()
	for _, p := range paths {
		if _, dup := seen[p]; dup {
			mu.Unlock()
			return errTwoPages(p)
		}
		seen[p] = nil
	}
	mu.Unlock()
	for _, p := range paths {
		if err := emit(p, files[p]); err != nil {
			return err
		}
	}
	return nil
}

func errTwoPages(p string) error { return fmt.Errorf("render: two pages write %s", p) }

// page renders one template into a single-file result.
func (b *builder) page(path, tmpl string, data any) (map[string][]byte, error) {
	html, err := b.execute(tmpl, data)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", path, err)
	}
	return map[string][]byte{path: html}, nil
}

func (b *builder) assetsJob() job {
	return func() (map[string][]byte, error) {
		out := map[string][]byte{}
		for p, data := range b.o.Assets {
			out["assets/"+p] = data
		}
		return out, nil
	}
}

// rootFor is the relative path from the page at path to the site root.
func rootFor(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}

// layout makes the frame of the page written to path.
func (b *builder) layout(path, title, description, section string) Layout {
	s := &b.in.Site
	root := rootFor(path)
	dir := strings.TrimSuffix(path, "index.html")
	l := Layout{
		Lang: s.Language, SiteTitle: s.Title, Organisation: s.Organisation,
		Licence: s.Licence, LicenceURL: licenceURL(s.Licence), Contact: s.Contact, Notice: s.Notice,
		Title: title, Description: description, Root: root,
		Canonical:   b.abs(dir),
		LastUpdated: b.lang.Date(s.Published), NextUpdate: b.lang.Date(s.NextUpdate),
		UpdateDue: b.updateDue(),
		Generator: "kpisite " + b.o.Version,
		Path:      path, SharedRoot: b.sharedRoot(path), Alternates: b.alternates(path, dir),
	}
	l.Nav = append(l.Nav, Link{Href: root, Text: b.lang.T("nav.scorecard"), Current: section == "home", Primary: true})
	for _, c := range s.Committees {
		l.Nav = append(l.Nav, Link{Href: root + "committees/" + c.ID + "/", Text: b.lang.T("nav.committee"), Current: section == "committee:"+c.ID})
		if len(s.Committees) > 1 {
			l.Nav[len(l.Nav)-1].Text = c.Name
		}
	}
	if len(b.reports) > 0 {
		l.Nav = append(l.Nav, Link{Href: root + "reports/", Text: b.lang.T("nav.reports"), Current: section == "reports", Primary: true})
	}
	if len(b.in.Actions) > 0 {
		l.Nav = append(l.Nav, Link{Href: root + "actions/", Text: b.lang.T("nav.actions"), Current: section == "actions"})
	}
	if b.retired {
		l.Nav = append(l.Nav, Link{Href: root + "retired/", Text: b.lang.T("service.earlier_link"), Current: section == "retired"})
	}
	l.Nav = append(l.Nav, Link{Href: root + "data/", Text: b.lang.T("nav.data"), Current: section == "data"})
	l.Nav = append(l.Nav, Link{Href: root + "search/", Text: b.lang.T("nav.search"), Current: section == "search", Primary: true})
	for _, p := range b.in.Content.Pages {
		if p.Draft {
			continue
		}
		slug := pageSlug(p)
		l.Nav = append(l.Nav, Link{Href: root + slug + "/", Text: navTitle(p), Current: section == "page:"+slug})
	}
	if path != "index.html" {
		l.Breadcrumbs = []Link{{Href: root, Text: b.lang.T("nav.scorecard")}}
	}
	return l
}

// updateDue reports whether the site's next update is overdue on the
// build date.
func (b *builder) updateDue() bool {
	s := &b.in.Site
	return !s.NextUpdate.IsZero() && !b.o.BuildDate.IsZero() && b.o.BuildDate.After(s.NextUpdate)
}

func navTitle(p *model.Page) string {
	if p.Title != "" {
		return p.Title
	}
	return pageSlug(p)
}

// pageSlug is "about" for content/about.md.
func pageSlug(p *model.Page) string {
	s := strings.TrimPrefix(p.Path, "content/")
	return strings.TrimSuffix(s, ".md")
}

func licenceURL(l string) string {
	if strings.Contains(strings.ToLower(l), "open government licence") {
		return "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
	}
	return ""
}
