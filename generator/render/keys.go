package render

import (
	"crypto/sha256"
	"hash"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"kpisite/generator/model"
)

// Page keys (Options.Reuse, Options.Made). Every job of a build has a
// name and a Key: a hash of everything its files are made from, worked
// out from the model without rendering anything. A build with a cache
// keeps the files of a job whose key is unchanged instead of rendering
// them again. A key must never be too narrow (the page would be stale);
// it may be too broad (the page is rendered again for nothing). So:
//
//   - base: what every page shows or is rendered with: the options that
//     change bytes (KeySalt: kpisite's build and the theme; the version,
//     build date, current period, words, assets), site.toml, every
//     indicator definition, the home, service and action-plan Markdown,
//     the action plans, whether there are reports, and of the content
//     pages their paths, titles and drafts (the navigation);
//   - an indicator's page and files: base, its series (definition and
//     every computed point, breakdown and comparator), its commentary and
//     its notes page;
//   - an archived report (before the current period): base without what
//     only current pages show (the current period, site.toml's published
//     and next update dates, the build date: baseKey), the
//     indicators it shows, and of every series the points up to the
//     report's period, whether it has later ones, whether it has none at
//     all, and for a retired one the period of its last row (report
//     membership), and the commentary on periods up to the report's;
//   - a content page: base and the page; 404.html and assets: base;
//   - everything else (home, scorecards, the current report, reports
//     index, search, open data, changes, feed, retired, actions): global,
//     which is base, every series, all commentary, notes and content
//     pages, the release history and every report's indicators.

// caching reports whether this build works out page keys.
func (b *builder) caching() bool {
	return b.o.Emit != nil && (b.o.Reuse != nil || b.o.Made != nil)
}

// keys are the parts of page keys shared between pages.
type keys struct {
	base, global Key
	archive      Key // base for archived reports
	series       map[*model.Series]*seriesKey
	comments     []commentKey // of in.Content.Commentary[i]
	ends         []time.Time  // the end of each report's period, ascending
}

// seriesKey is one series hashed: all of it, and its points ordered by
// the day their period ends, hashed as one stream and summed at the end
// of each report's period, so that the hash of its points up to a
// report's period is a binary search away.
type seriesKey struct {
	all    Key
	ind    Key         // its indicator's definition
	static Key         // the series without its points
	ends   []time.Time // ascending
	// sums[k] is the hash of the first marks[k] points (in the order of
	// ends): marks are how many points end on or before each report's
	// period (keys.ends), and all of them.
	marks []int
	sums  []Key
	last  model.Period // a retired indicator's last row's
	// comment is each of the indicator's published commentary hashed
	// (any), in the order of builder.comments; comments is all of it.
	comment  []Key
	comments Key
}

// keyParts are the parts of the keys that do not depend on the history:
// worked out by hashAll while data/all.csv and the history are
// (openDataFirst), which they do not depend on.
type keyParts struct {
	base, archive Key
	series        []*seriesKey // of b.series[i]
	content       Key          // the content pages, commentary and notes, hashed
	assets        Key          // Options.Assets, hashed
	comments      []commentKey // of in.Content.Commentary[i]
}

// commentKey is one file of commentary hashed, and the day its period
// ends, for the keys of archived reports (reportKey).
type commentKey struct {
	key   Key
	end   time.Time
	dated bool // end is known: the indicator exists and the slug is its
}

// hashAll starts working out the keyParts on other goroutines (every
// series hashed by hashSeries, the content, commentary and assets by
// hashContent) and returns the function that waits for them and works
// out base and archive (baseKey) from them. With rows, the same
// goroutines first make every indicator's rows of data/all.csv
// (openDataFirst, which waits for them with rowsDone): the rows are on
// the way to the history, which the keys wait for, so they go first.
func (b *builder) hashAll(rows bool) (wait func() *keyParts, rowsDone func()) {
	kp := &keyParts{series: make([]*seriesKey, len(b.series))}
	b.reportEnds()
	var wg, rowsWG sync.WaitGroup
	wg.Go(func() { b.hashContent(kp) })
	n := len(b.series)
	next := make(chan int, 2*n)
	if rows {
		rowsWG.Add(n)
		for i := range n {
			next <- -1 - i
		}
	}
	for i := range n {
		next <- i
	}
	close(next)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var sc keyScratch
			for i := range next {
				if i < 0 {
					s := &b.series[-1-i]
					b.parts[s].all = appendCompareRows(rowsBuffer(s), s, true, b.dims, &b.in.Site, &b.periodNames)
					rowsWG.Done()
					continue
				}
				kp.series[i] = b.hashSeries(&b.series[i], &sc)
			}
		})
	}
	return func() *keyParts {
		wg.Wait()
		inds := b.indicatorsKey(kp.series)
		kp.base = b.baseKey(false, inds, kp.assets)
		kp.archive = b.baseKey(true, inds, kp.assets)
		return kp
	}, rowsWG.Wait
}

// reportEnds sets keys.ends: the day each report's period ends, in order.
func (b *builder) reportEnds() {
	b.keys.ends = b.keys.ends[:0]
	for _, rp := range b.reports {
		b.keys.ends = append(b.keys.ends, rp.Period.End(b.fy))
	}
	slices.SortFunc(b.keys.ends, time.Time.Compare)
	b.keys.ends = slices.CompactFunc(b.keys.ends, time.Time.Equal)
}

// hashContent hashes the content pages, the commentary (each file on its
// own too, kp.comments) and the indicators' notes (kp.content), and the
// assets (kp.assets).
func (b *builder) hashContent(kp *keyParts) {
	c := streaming()
	c.pages(b.in.Content.Pages)
	cms := b.in.Content.Commentary
	kp.comments = make([]commentKey, len(cms))
	var one hasher
	c.int(len(cms))
	for i := range cms {
		cm := &cms[i]
		one.buf = one.buf[:0]
		one.commentary(cm)
		ck := &kp.comments[i]
		ck.key = one.sum()
		if s := b.byID[cm.Indicator]; s != nil {
			if per, err := s.Indicator.ParseSlug(cm.PeriodSlug); err == nil {
				ck.end, ck.dated = per.End(b.fy), true
			}
		}
		c.key(ck.key)
	}
	c.pageMap(b.in.Content.Indicators)
	kp.content = c.sum()

	a := streaming()
	assets := make([]string, 0, len(b.o.Assets))
	for p := range b.o.Assets {
		assets = append(assets, p)
	}
	sort.Strings(assets)
	for _, p := range assets {
		a.str(p)
		a.bytes(b.o.Assets[p])
	}
	kp.assets = a.sum()
}

// indicatorsKey is the indicator definitions (in.Indicators) hashed: from
// each series' hash of its indicator when the series are the indicators'
// in order (as kpi.All makes them), else hashed again.
func (b *builder) indicatorsKey(sks []*seriesKey) Key {
	h := hasher{}
	inds := b.in.Indicators
	aligned := len(inds) == len(b.series)
	for i := 0; aligned && i < len(inds); i++ {
		aligned = inds[i] == b.series[i].Indicator
	}
	if !aligned {
		s := streaming()
		s.indicators(inds)
		h.key(s.sum())
		return h.sum()
	}
	h.str("each")
	h.int(len(inds))
	for _, sk := range sks {
		h.key(sk.ind)
	}
	return h.sum()
}

// makeKeys works out the shared parts of the keys, after the history
// (b.history) is known, from the parts hashAll worked out.
func (b *builder) makeKeys(kp *keyParts) {
	b.keys.base = kp.base
	b.keys.archive = kp.archive
	b.keys.comments = kp.comments

	b.keys.series = make(map[*model.Series]*seriesKey, len(b.series))
	g := streaming()
	g.key(b.keys.base)
	for i := range b.series {
		b.keys.series[&b.series[i]] = kp.series[i]
		g.key(kp.series[i].all)
	}
	// The content pages, the commentary and the indicators' notes
	// (hashAll), then what changed.
	g.key(kp.content)
	g.any(b.history)
	for _, rp := range b.reports {
		reportMembers(g, rp)
	}
	b.keys.global = g.sum()
}

// baseKey is base (see the top of this file). For archived reports
// (archive true) it leaves out what they do not show, so that a new
// release (a new current period, published date and next update) keeps
// them: the current period (an archived report's is never it), site.toml's
// published and next update dates and current period, the build date and
// the due notice (an archived report shows its own date, no next update
// and no notice). inds is the indicator definitions hashed
// (indicatorsKey), assets the assets (hashContent).
func (b *builder) baseKey(archive bool, inds, assets Key) Key {
	h := streaming()
	h.str("kpisite page key 2")
	h.any(archive)
	h.bytes(b.o.KeySalt)
	h.str(b.o.Version)
	site := b.in.Site
	if archive {
		site.Published, site.NextUpdate, site.CurrentPeriod = time.Time{}, time.Time{}, ""
	} else {
		// The build date shows only as the "due for an update" notice,
		// and as the date of milestones and of the feed when site.toml
		// has no published date (actionsAsAt, feedDate): a key holds
		// only that much of it, so that building again the next day
		// keeps the pages.
		h.any(b.updateDue())
		if b.in.Site.Published.IsZero() {
			h.any(b.o.BuildDate)
		}
		h.any(b.o.Current)
	}
	h.any(b.o.ReportsFrom)
	h.any(b.o.Language)
	w := b.o.Words.Fingerprint()
	h.bytes(w[:])
	h.key(assets)
	in := b.in
	h.any(site)
	h.key(inds)
	h.any(in.Actions)
	h.pagePtr(in.Content.Home)
	h.pageMap(in.Content.Services)
	h.pageMap(in.Content.Actions)
	// Content pages: only what the navigation shows of them (a page's own
	// key, pageKey, has the rest).
	h.int(len(in.Content.Pages))
	for _, p := range in.Content.Pages {
		h.str(p.Path)
		h.str(p.Title)
		h.boolean(p.Draft)
	}
	h.boolean(len(b.reports) > 0) // the navigation's Reports
	h.boolean(b.retired)
	h.int(len(b.series))
	return h.sum()
}

// keyScratch is what hashSeries reuses from one series to the next.
type keyScratch struct {
	static, pt hasher
	entries    []pointEntry
	points     hash.Hash // the points' stream
}

// pointEntry is one point of a series, tagged with the line it belongs
// to, and the day its period ends.
type pointEntry struct {
	end time.Time
	tag string
	p   *model.Point
}

// hashSeries hashes one series (see seriesKey).
func (b *builder) hashSeries(s *model.Series, sc *keyScratch) *seriesKey {
	sk := &seriesKey{}
	if last := lastRow(s); last != nil && !s.Indicator.IsActive() {
		// A retired indicator's last row decides which reports show it
		// (inForce) and what they say of it (retiredRow).
		sk.last = last.Period
	}

	// The series without its points (static, which has its indicator's
	// definition hashed on its own: ind), and its points each tagged
	// with the line they belong to; all is both. The points are put in
	// order of the day their period ends, then hashed as one stream,
	// summed before the first point after each report's period ends
	// (marks) and at the end.
	static := &sc.static
	static.buf = static.buf[:0]
	static.indicatorPtr(s.Indicator)
	sk.ind = static.sum()
	static.buf = static.buf[:0]
	static.key(sk.ind)
	static.boolean(len(s.Points) == 0) // noOverall; how many points is not static
	entries := sc.entries[:0]
	add := func(tag string, pts []model.Point) {
		static.str(tag)
		for i := range pts {
			entries = append(entries, pointEntry{end: pts[i].Period.End(b.fy), tag: tag, p: &pts[i]})
		}
	}
	lines := func(tag string, ls []model.Line) {
		static.int(len(ls))
		for i, l := range ls {
			static.str(l.Area)
			static.any(l.Dims)
			add(tag+strconv.Itoa(i), l.Points)
		}
	}
	add("p", s.Points)
	lines("b", s.Breakdowns)
	static.int(len(s.Comparators))
	for i, c := range s.Comparators {
		static.any(c.Comparator)
		tag := "c" + strconv.Itoa(i)
		add(tag, c.Points)
		lines(tag+"b", c.Breakdowns)
		lines(tag+"m", c.Members)
	}
	sk.static = static.sum()
	slices.SortStableFunc(entries, func(a, b pointEntry) int { return a.end.Compare(b.end) })
	sk.ends = make([]time.Time, len(entries))
	if sc.points == nil {
		sc.points = sha256.New()
	}
	d, pt := sc.points, &sc.pt
	d.Reset()
	pt.buf = pt.buf[:0]
	mark := func(n int) {
		d.Write(pt.buf)
		pt.buf = pt.buf[:0]
		var k Key
		d.Sum(k[:0]) // the stream goes on
		sk.marks = append(sk.marks, n)
		sk.sums = append(sk.sums, k)
	}
	ends, j := b.keys.ends, 0
	for i := range entries {
		en := &entries[i]
		sk.ends[i] = en.end
		for ; j < len(ends) && en.end.After(ends[j]); j++ {
			if i > 0 && (len(sk.marks) == 0 || sk.marks[len(sk.marks)-1] != i) {
				mark(i)
			}
		}
		pt.str(en.tag)
		pt.point(en.p)
		if len(pt.buf) >= spillAt {
			d.Write(pt.buf)
			pt.buf = pt.buf[:0]
		}
	}
	mark(len(entries))
	clear(entries) // no pointers into this series kept for the next
	sc.entries = entries[:0]
	// All of it: the static part (every line) and every point, tagged
	// with its line (the stream's sum).
	var all hasher
	all.buf = static.buf[:0]
	all.key(sk.static)
	all.key(sk.sums[len(sk.sums)-1])
	all.int(len(entries))
	sk.all = all.sum()

	// Its commentary, hashed once for the indicator's key, its report
	// section's and its feed entries' (fragments.go).
	cms := b.comments[s.Indicator.ID]
	ch := &sc.static
	ch.buf = ch.buf[:0]
	ch.boolean(cms == nil)
	ch.int(len(cms))
	sk.comment = make([]Key, len(cms))
	for i := range cms {
		pt.buf = append(pt.buf[:0], '*')
		pt.commentary(&cms[i])
		sk.comment[i] = pt.sum()
		ch.key(sk.comment[i])
	}
	sk.comments = ch.sum()
	return sk
}

// pointsOf counts every point of a series: its own, its breakdowns' and
// its comparators'.
func pointsOf(s *model.Series) int {
	lines := func(ls []model.Line) (n int) {
		for _, l := range ls {
			n += len(l.Points)
		}
		return n
	}
	n := len(s.Points) + lines(s.Breakdowns)
	for _, c := range s.Comparators {
		n += len(c.Points) + lines(c.Breakdowns) + lines(c.Members)
	}
	return n
}

// upTo hashes the points of the series whose period ends on or before end,
// and whether there are later ones.
func (sk *seriesKey) upTo(h *hasher, end time.Time) {
	n := sort.Search(len(sk.ends), func(i int) bool { return sk.ends[i].After(end) })
	h.key(sk.static)
	h.int(n)
	h.boolean(n < len(sk.ends))
	if n > 0 {
		if k, ok := slices.BinarySearch(sk.marks, n); ok {
			h.key(sk.sums[k])
		} else {
			// Not a report's period (keys.ends): all of the series,
			// which is broader, never narrower.
			h.str("all")
			h.key(sk.all)
		}
	}
	h.period(sk.last)
}

// cutAt is cutAt(s, end, b.fy), from the series' key when the build has
// one: whether any of its points ends after end.
func (b *builder) cutAt(s *model.Series, end time.Time) bool {
	if sk := b.keys.series[s]; sk != nil {
		return len(sk.ends) > 0 && sk.ends[len(sk.ends)-1].After(end)
	}
	return cutAt(s, end, b.fy)
}

// reportMembers hashes which indicators a report shows, in order.
func reportMembers(h *hasher, rp reportPeriod) {
	h.any(rp.Period)
	h.any(len(rp.Series))
	for _, s := range rp.Series {
		h.str(s.Indicator.ID)
	}
}

func (b *builder) nameKey(name string) func() Key {
	return func() Key {
		h := hasher{}
		h.key(b.keys.base)
		h.str(name)
		return h.sum()
	}
}

func (b *builder) globalKey(name string) func() Key {
	return func() Key {
		h := hasher{}
		h.key(b.keys.global)
		h.str(name)
		return h.sum()
	}
}

// pageKey is the key of a content page.
func (b *builder) pageKey(name string, p *model.Page) func() Key {
	return func() Key {
		h := hasher{}
		h.key(b.keys.base)
		h.str(name)
		h.any(p)
		return h.sum()
	}
}

// indicatorKey is the key of an indicator's page and files.
func (b *builder) indicatorKey(name string, s *model.Series) func() Key {
	return func() Key {
		h := hasher{}
		h.key(b.keys.base)
		h.str(name)
		sk := b.keys.series[s]
		h.key(sk.all)
		h.key(sk.comments)
		h.any(b.in.Content.Indicators[s.Indicator.ID])
		return h.sum()
	}
}

// reportKey is the key of the report of period p: global for the
// current period's, else the figures up to p (see the top of this file).
func (b *builder) reportKey(name string, p model.Period) func() Key {
	if p == b.o.Current {
		return b.globalKey(name)
	}
	var rp reportPeriod
	for _, r := range b.reports {
		if r.Period == p {
			rp = r
		}
	}
	return func() Key {
		h := hasher{}
		h.key(b.keys.archive)
		h.str(name)
		reportMembers(&h, rp)
		end := p.End(b.fy)
		for i := range b.series {
			b.keys.series[&b.series[i]].upTo(&h, end)
		}
		slug := p.Slug()
		for i := range b.in.Content.Commentary {
			ck := &b.keys.comments[i]
			if ck.dated && ck.end.After(end) && b.in.Content.Commentary[i].PeriodSlug != slug {
				continue // a later period's: not shown
			}
			h.key(ck.key)
		}
		return h.sum()
	}
}

// keyed wraps a job so that, when the build keeps a cache, its files are
// kept from the previous build when its key is unchanged (Options.Reuse)
// and are recorded when rendered (Options.Made).
func (b *builder) keyed(name string, key func() Key, run job) job {
	return b.keyedParts(name, key, run, nil)
}

// keyedParts is keyed for a job that leaves something for later pages
// (an indicator's parts): its note is recorded with its files, and when
// the files are kept, kept works out the same from the recorded note.
func (b *builder) keyedParts(name string, key func() Key, run job, n *noted) job {
	if !b.caching() {
		return run
	}
	return func() (map[string][]byte, error) {
		k := key()
		if b.o.Reuse != nil {
			if paths, note, ok := b.o.Reuse(name, k); ok {
				b.reusedMu.Lock()
				b.reused = append(b.reused, paths...)
				b.reusedMu.Unlock()
				if n != nil {
					return nil, n.kept(note)
				}
				return nil, nil
			}
		}
		files, err := run()
		if err == nil && b.o.Made != nil {
			paths := make([]string, 0, len(files))
			for p := range files {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			var note []byte
			if n != nil {
				note = n.note()
			}
			b.o.Made(name, k, paths, note)
		}
		return files, err
	}
}

// noted is what a job leaves for later pages, as a note kept in the
// build cache: note writes it after the job has run; kept works it out
// again when the job's files are kept, from the note when it can be read.
type noted struct {
	note func() []byte
	kept func(note []byte) error
}
