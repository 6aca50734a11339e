package render

import (
	"fmt"
	"html/template"
	"io"
	"sync"
	"time"

	"kpisite/generator/model"
)

// A build renders in two stages so that it never holds every
// indicator's charts and downloads at once. The first stage renders each
// indicator's page with its chart files and data files (and every page
// that needs nothing of the others'); the indicator's job writes them and
// keeps only what later pages need of it (indicatorParts). The second
// stage renders the pages that show many indicators: the scorecards, the
// reports, and in one job (openDataJob) data/all.csv, put together from
// the indicators' rows, what changed, the catalogue, the feed and the
// open data page.

// indicatorParts is what the second stage's pages need of an indicator
// once its own job is done.
type indicatorParts struct {
	desc      string // its chart's description, the alt text of a report's chart
	sparkline []byte // for scorecards
	// sparkHTML is sparkline as the scorecards show it, made once: each
	// of the home, service and committee pages showing it made a copy.
	sparkHTML template.HTML
	// hasReport: the chart has a report copy (Chart.Report), written by
	// the indicator's job for each report that shows the chart uncut.
	hasReport bool
	csvLen    int    // size of data.csv
	jsonLen   int    // size of data.json
	all       []byte // its rows of data/all.csv
}

// prepare makes room for every indicator's parts and notes which reports
// show which indicator, before the first stage.
func (b *builder) prepare() {
	b.parts = make(map[*model.Series]*indicatorParts, len(b.series))
	for i := range b.series {
		b.parts[&b.series[i]] = &indicatorParts{}
	}
	b.dims = siteDims(b.series)
	b.streamAll = b.streaming() && !b.o.ReleasesReadAll
	b.showing = map[*model.Series][]int{}
	for k, rp := range b.reports {
		for _, s := range rp.Series {
			b.showing[s] = append(b.showing[s], k)
		}
	}
	if len(b.reports) > 1 {
		// Rows shown by several reports are rendered once (tableRows).
		b.rows = make(map[*model.Series]*lazyRows, len(b.series))
		for i := range b.series {
			b.rows[&b.series[i]] = &lazyRows{}
		}
	}
}

// keepParts records what later pages need of s, from its chart and data
// files, and adds to out the report copies of its chart.
func (b *builder) keepParts(s *model.Series, c Chart, data dataFiles, out map[string][]byte) {
	p := b.parts[s]
	p.desc, p.sparkline, p.hasReport = c.Desc, c.Sparkline, c.Report != nil
	p.sparkHTML = template.HTML(c.Sparkline) // trusted: chart SVG, every string escaped by package chart
	p.csvLen, p.jsonLen = len(data.CSV), len(data.JSON)
	if !b.openDataReady && !b.streamAll {
		p.all = appendCompareRows(rowsBuffer(s), s, true, b.dims, &b.in.Site, &b.periodNames)
	}
	if c.Report == nil {
		return
	}
	for _, k := range b.showing[s] {
		rp := b.reports[k]
		if cutAt(s, rp.Period.End(b.fy), b.fy) {
			continue // the report draws its own chart, up to its period
		}
		out["reports/"+rp.Period.Slug()+"/charts/"+s.Indicator.ID+".svg"] = c.Report
	}
}

// joinAllCSV is data/all.csv: the header and every indicator's rows, in
// the order of the series.
func (b *builder) joinAllCSV() {
	head := writeCSV(append(csvHeader(true), compareColumns(b.dims)...), nil)
	n := len(head)
	for i := range b.series {
		n += len(b.parts[&b.series[i]].all)
	}
	all := make([]byte, 0, n)
	all = append(all, head...)
	for i := range b.series {
		p := b.parts[&b.series[i]]
		all = append(all, p.all...)
		p.all = nil
	}
	b.allCSV, b.allLen = all, len(all)
}

// writeAllCSV writes data/all.csv through Options.Create, the rows of
// each indicator made again from its series, one indicator at a time:
// the file is never held whole (streamAll).
func (b *builder) writeAllCSV() error {
	n := 0
	err := b.writeStreamed("data/all.csv", func(w io.Writer) error {
		buf := writeCSV(append(csvHeader(true), compareColumns(b.dims)...), nil)
		for i := 0; ; i++ {
			k, err := w.Write(buf)
			n += k
			if err != nil {
				return err
			}
			if i == len(b.series) {
				return nil
			}
			buf = appendCompareRows(buf[:0], &b.series[i], true, b.dims, &b.in.Site, &b.periodNames)
		}
	})
	if err != nil {
		return fmt.Errorf("render data/all.csv: %w", err)
	}
	b.allLen = n
	return nil
}

// cutAt reports whether seriesUpTo(s, end, fy) leaves anything out,
// without copying the series.
func cutAt(s *model.Series, end time.Time, fy int) bool {
	after := func(pts []model.Point) bool {
		for i := range pts {
			if pts[i].Period.End(fy).After(end) {
				return true
			}
		}
		return false
	}
	lines := func(ls []model.Line) bool {
		for _, l := range ls {
			if after(l.Points) {
				return true
			}
		}
		return false
	}
	if after(s.Points) || lines(s.Breakdowns) {
		return true
	}
	for _, c := range s.Comparators {
		if after(c.Points) || lines(c.Breakdowns) || lines(c.Members) {
			return true
		}
	}
	return false
}

// lazyRows are a series' table rows, rendered by the first page that
// shows them (renderRows) and shared with the others.
type lazyRows struct {
	once sync.Once
	tableRows
}

// runner runs the jobs of a build's stages on every core and gathers
// their files, or hands them to emit.
type runner struct {
	emit func(string, []byte) error
	mu   sync.Mutex
	// files are the files rendered, or with emit their paths only (to
	// catch two pages writing the same file and for the sitemap).
	files map[string][]byte
}

func newRunner(emit func(string, []byte) error) *runner {
	return &runner{emit: emit, files: map[string][]byte{}}
}

// run runs jobs. The first error (in job order) wins, so errors are
// reproducible too.
func (r *runner) run(jobs []job) error {
	got, err := runJobs(jobs, r.emit, &r.mu, r.files)
	if err != nil {
		return err
	}
	for p, data := range got {
		if _, dup := r.files[p]; dup {
			return errTwoPages(p)
		}
		r.files[p] = data
	}
	return nil
}

// replacedFrom maps the id of each indicator that replaces retired ones
// to the periods those were retired from, in the order of the series
// (reportStart), worked out once: reportStart is asked for every
// indicator, and a loop over every series each time would grow with the
// square of the site.
func (b *builder) replacedFrom() map[string][]model.Period {
	b.replacedOnce.Do(func() {
		b.replaced = map[string][]model.Period{}
		for i := range b.series {
			old := b.series[i].Indicator
			if old.IsActive() || old.RetiredFrom.IsZero() {
				continue
			}
			for _, id := range old.ReplacedBy {
				b.replaced[id] = append(b.replaced[id], old.RetiredFrom)
			}
		}
	})
	return b.replaced
}

// openDataJob puts data/all.csv together, works out what changed, the
// catalogue and the feed, and renders the files and pages that need them:
// one job of the second stage, so that the other pages need not wait for
// this work (it is sequential) before they start.
func (b *builder) openDataJob() job {
	return func() (map[string][]byte, error) {
		if b.streamAll {
			if err := b.writeAllCSV(); err != nil {
				return nil, err
			}
		} else if !b.openDataReady {
			b.joinAllCSV()
		}
		if !b.openDataReady {
			if err := b.releases(); err != nil {
				return nil, err
			}
		}
		// The feed is made on a goroutine of its own while the catalogue
		// is written: on a rebuild this job is among the last running,
		// and the two take about as long as each other.
		var feed []byte
		feedErr := make(chan error, 1)
		go func() {
			var err error
			feed, err = b.feed()
			feedErr <- err
		}()
		catalogue, catalogueLen, err := b.catalogueFile()
		if ferr := <-feedErr; err == nil {
			err = ferr
		}
		if err != nil {
			return nil, err
		}
		out := map[string][]byte{
			"data/all.csv": b.allCSV, "data/catalogue.json": catalogue,
			"feed.xml": feed, "robots.txt": b.robots(),
		}
		b.allCSV = nil // out holds it until it is written (nil: streamed)
		for _, j := range []job{b.dataPageJob(feed, catalogueLen), b.changesJob()} {
			files, err := j()
			if err != nil {
				return nil, err
			}
			for p, data := range files {
				out[p] = data
			}
		}
		return out, nil
	}
}

// openDataFirst puts data/all.csv together and works out what changed
// before the first stage, for a build that keeps a cache: the pages' keys
// hold the history (makeKeys). openDataJob then uses them as they are.
// rowsDone waits for every indicator's rows (hashAll makes them).
func (b *builder) openDataFirst(rowsDone func()) error {
	if b.streamAll { // the history does not read all.csv: written later
		if err := b.releases(); err != nil {
			return err
		}
		b.openDataReady = true
		return nil
	}
	rowsDone()
	b.joinAllCSV()
	if err := b.releases(); err != nil {
		return err
	}
	b.openDataReady = true
	return nil
}

// partsNote is what an indicator's job leaves for the second stage, as
// a note in the build cache: its chart's description and sparkline, and
// its data files' sizes. When the job's files are kept, the parts come
// from the note; a note that cannot be read (a cache of an older kpisite)
// is worked out again from the chart and data files, writing nothing.
func (b *builder) partsNote(s *model.Series) *noted {
	return &noted{
		note: func() []byte {
			p := b.parts[s]
			r := partsRecord{Desc: p.desc, Sparkline: p.sparkline, HasReport: p.hasReport, CSV: p.csvLen, JSON: p.jsonLen}
			return r.encode()
		},
		kept: func(note []byte) error {
			var r partsRecord
			if note != nil && r.decode(note) == nil && r.Sparkline != nil {
				p := b.parts[s]
				p.desc, p.sparkline, p.hasReport, p.csvLen, p.jsonLen = r.Desc, r.Sparkline, r.HasReport, r.CSV, r.JSON
				p.sparkHTML = template.HTML(r.Sparkline) // as keepParts
				return nil
			}
			data, err := b.dataFilesOf(s)
			if err != nil {
				return err
			}
			c, err := b.o.Chart(s)
			if err != nil {
				return fmt.Errorf("chart %s: %w", s.Indicator.ID, err)
			}
			b.keepParts(s, c, data, map[string][]byte{})
			return nil
		},
	}
}

// partsRecord is an indicator's parts as its note (partsnote.go).
type partsRecord struct {
	Desc      string
	Sparkline []byte
	HasReport bool
	CSV       int
	JSON      int
}
