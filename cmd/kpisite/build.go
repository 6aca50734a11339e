package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	pathpkg "path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/publish"
	"kpisite/generator/render"
	"kpisite/generator/site"
)

const buildHelp = `Usage: kpisite build [-s SITE] [-o OUT] [--base-url URL] [--strict]
                     [--previous FILE] [--previous-releases FILE] [--no-cache]

Validates the site in SITE and, when there are no errors, builds it into OUT.
On any error nothing is written and the previous OUT stays as it was.
OUT is replaced as a whole, so it must be empty or a folder kpisite built,
and never SITE itself or a folder holding it. A build that finds another
publishing to the same OUT waits for it (up to 2 minutes).

"What changed" (changes/) compares the figures with the previous release's
data/all.csv and carries its changes/releases.json forward: read from OUT
before it is replaced, or from --previous (a CI job that builds from a fresh
clone downloads them from the live site first; see docs/publishing.md).

A build keeps a cache beside OUT (OUT.kpisite-cache, and the pieces of the
current report and the feed in OUT.kpisite-fragments) and renders again only
the pages whose inputs changed, keeping the others' files from OUT; the
output is the same as a build without it. On Linux the site it replaces is
kept beside OUT too (OUT.kpisite-spare), for the next build to change in
place. --no-cache renders every page and removes the cache and the spare.

Examples:
  kpisite build                              build ./ into ./public
  kpisite build -s ../council-kpis -o /tmp/site
  kpisite build --base-url https://example.gov.uk/kpis/
  kpisite build --previous previous/all.csv  with previous/releases.json beside it

Options:
`

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", buildHelp, stderr)
	siteDir := fs.String("s", ".", "site directory")
	out := fs.String("o", "", "output directory (default SITE/public)")
	baseURL := fs.String("base-url", "", "override site.toml base_url")
	strict := fs.Bool("strict", false, "fail on warnings too")
	prevFile := fs.String("previous", "", "the previous release's data/all.csv (default OUT/data/all.csv)")
	prevReleases := fs.String("previous-releases", "", "the previous release's changes/releases.json (default: releases.json beside --previous, else OUT/changes/releases.json)")
	noCache := fs.Bool("no-cache", false, "render every page, and remove the build cache and the spare site beside OUT")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(*siteDir, "public")
	}
	if err := checkDir(*siteDir); err != nil {
		return err
	}
	today, err := buildDate()
	if err != nil {
		return err
	}
	prev, err := readPrevious(*out, *prevFile, *prevReleases)
	if err != nil {
		return err
	}
	start := time.Now()
	fsys, err := openSite(*siteDir)
	if err != nil {
		return err
	}
	defer fsys.Close()
	// Files are written into the new site's temporary folder as they are
	// rendered (publish.Stream), so memory does not grow with the output.
	// A build with the cache takes the lock and reads the cache while the
	// site loads and is checked (streamer.open); the first file starts
	// publishing. A build that fails removes the folder
	// and leaves OUT, the cache and the spare as they were.
	pub := &streamer{out: *out, o: publish.Options{Site: *siteDir, Log: stderr}}
	so := site.Options{BaseURL: *baseURL, BuildDate: today, Version: version(), Strict: *strict, Previous: prev, Emit: pub.add, Create: pub.create}
	limitFactor := uint64(memLimitFactor)
	if !*noCache && publish.HasCache(*out) {
		setRebuildGC()
		limitFactor = rebuildLimitFactor
	}
	so.Rendering = func() {
		setMemoryLimit(stderr, limitFactor)
	}
	if !*noCache {
		// kpisite's identity (a hash of its executable) is worked out
		// while the site loads; the cache is used only once it is known
		// (streamer.start, site.Options.CacheID).
		go buildIdentity()
		pub.o.Cache = true
		so.Reuse, so.Made, so.CacheID = pub.reuse, pub.made, buildIdentity
		pub.frags = &lazyFragments{out: *out}
		so.Fragments = pub.frags
		// The lock, the cache and the spare (or, with none, the
		// folders made ahead) while the site loads: a first rebuild's
		// folders then have the load's time to be made.
		pub.open()
	}
	_, c, err := site.Build(fsys, so)
	if c != nil {
		for _, p := range c.Problems.Capped(maxPerFile) {
			fmt.Fprintln(stderr, problemLine(p))
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		pub.abort()
		if pub.frags != nil {
			pub.frags.Abort()
		}
		if perr := pub.failed(); perr != nil {
			return &exitError{code: exitInput, msg: perr.Error()}
		}
		if errors.Is(err, site.ErrInvalid) {
			e, w := c.Problems.Count()
			return &exitError{code: exitInput, msg: fmt.Sprintf("build failed: %s, %s; nothing was written", format.Count(e, "error", "errors"), format.Count(w, "warning", "warnings"))}
		}
		if ctx.Err() != nil {
			return &exitError{code: exitInput, msg: "build interrupted; nothing was written"}
		}
		return &exitError{code: exitInput, msg: fmt.Sprintf("build failed: %v; nothing was written", err)}
	}
	if err := pub.commit(); err != nil {
		if pub.frags != nil {
			pub.frags.Abort()
		}
		return &exitError{code: exitInput, msg: err.Error()}
	}
	if *noCache {
		_ = publish.RemoveFragments(*out)
	}
	pages, charts := pub.pages, pub.charts
	kept := ""
	if n := pub.s.Reused(); n > 0 {
		kept = fmt.Sprintf(" (%s unchanged, kept from the previous build)", format.Count(n, "page", "pages"))
	}
	fmt.Fprintf(stdout, "built %s and %s in %d ms into %s%s\n", format.Count(pages, "page", "pages"), format.Count(charts, "chart", "charts"), time.Since(start).Milliseconds(), *out, kept)
	return nil
}

// reuse keeps a page's files from the previous build when its key is
// unchanged (publish.Stream.Reuse), starting the stream like add.
func (p *streamer) reuse(name string, key render.Key) ([]string, []byte, bool) {
	p.mu.Lock()
	p.start()
	s, err := p.s, p.err
	p.mu.Unlock()
	if err != nil {
		return nil, nil, false
	}
	paths, note, ok := s.Reuse(name, key)
	if ok {
		p.mu.Lock()
		for _, path := range paths {
			p.count(path)
		}
		p.mu.Unlock()
	}
	return paths, note, ok
}

// made records a rendered page's files for the next build's cache.
func (p *streamer) made(name string, key render.Key, paths []string, note []byte) {
	p.mu.Lock()
	s := p.s
	p.mu.Unlock()
	if s != nil {
		s.Made(name, key, paths, note)
	}
}

// lazyFragments is the fragment store as render asks for it, opened on
// first use: it is valid only for kpisite's identity (buildIdentity),
// which is worked out while the site loads. Render uses it once the keys
// are made, after the identity is known; without an identity it stores
// and finds nothing.
type lazyFragments struct {
	out  string
	once sync.Once
	f    *publish.Fragments
}

func (l *lazyFragments) store() *publish.Fragments {
	l.once.Do(func() {
		if id := buildIdentity(); id != nil {
			l.f = publish.OpenFragments(l.out, id)
		}
	})
	return l.f
}

func (l *lazyFragments) Live(group string) {
	if f := l.store(); f != nil {
		f.Live(group)
	}
}

func (l *lazyFragments) Len(k render.Key) (int, bool) {
	if f := l.store(); f != nil {
		return f.Len(k)
	}
	return 0, false
}

func (l *lazyFragments) Get(k render.Key, buf []byte) ([]byte, bool) {
	if f := l.store(); f != nil {
		return f.Get(k, buf)
	}
	return nil, false
}

func (l *lazyFragments) Put(group string, k render.Key, data []byte) {
	if f := l.store(); f != nil {
		f.Put(group, k, data)
	}
}

// Abort drops this build's store, when it was opened.
func (l *lazyFragments) Abort() {
	if l.f != nil {
		l.f.Abort()
	}
}

// Commit writes this build's store, when it was opened.
func (l *lazyFragments) Commit() error {
	if l.f == nil {
		return nil
	}
	return l.f.Commit()
}

// count counts a file of the build as a page or a chart (under mu).
func (p *streamer) count(path string) {
	switch {
	case strings.HasSuffix(path, ".html"):
		p.pages++
	case pathpkg.Base(path) == "chart.svg":
		p.charts++
	}
}

// streamer publishes a build's files as they are rendered, starting
// (publish.Begin, which takes the lock) with the first.
type streamer struct {
	out string
	o   publish.Options

	frags *lazyFragments // pieces of pages kept between builds, or nil

	// The stream opened early (open): opened is closed once it is done,
	// stop stops it waiting for another build.
	opened   chan struct{}
	stop     chan struct{}
	stopOnce sync.Once
	early    *publish.Stream
	earlyErr error

	mu            sync.Mutex
	s             *publish.Stream
	err           error // the first failure to publish
	pages, charts int
}

func (p *streamer) add(path string, data []byte) error {
	s, err := p.begin(path)
	if err != nil {
		return err
	}
	return p.note(s.Add(path, data))
}

// create starts writing a large file into the stream (publish.Stream.
// Create), as add does.
func (p *streamer) create(path string) (io.WriteCloser, error) {
	s, err := p.begin(path)
	if err != nil {
		return nil, err
	}
	w, err := s.Create(path)
	if err != nil {
		return nil, p.note(err)
	}
	return w, nil
}

// begin starts publishing when the first file is ready (taking the
// lock), counts path, and returns the stream, or the first failure.
func (p *streamer) begin(path string) (*publish.Stream, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.start()
	if p.err != nil {
		return nil, p.err
	}
	p.count(path)
	return p.s, nil
}

// open starts, in the background, the first part of publishing, which
// changes nothing on disk (publish.Open: the lock, the cache and the spare
// read and verified), once kpisite's identity is known (it is worked out
// while the site loads); start waits for it. Without an identity it opens
// nothing, and start publishes without the cache.
func (p *streamer) open() {
	p.opened, p.stop = make(chan struct{}), make(chan struct{})
	o := p.o
	o.Stop = p.stop
	go func() {
		defer close(p.opened)
		id := buildIdentity()
		if id == nil {
			return
		}
		o.CacheID = id
		p.early, p.earlyErr = publish.Open(p.out, o)
	}()
}

// start starts publishing (under mu), once: with the build cache when
// kpisite's identity is known (buildIdentity), else without, as a build
// that keeps none.
func (p *streamer) start() {
	if p.s != nil || p.err != nil {
		return
	}
	if p.opened != nil {
		<-p.opened
		if p.earlyErr != nil {
			p.err = p.earlyErr
			return
		}
		if s := p.early; s != nil {
			p.early = nil
			if p.err = s.Start(); p.err == nil {
				p.s = s
			}
			return
		}
	}
	if p.o.Cache {
		if id := buildIdentity(); id != nil {
			p.o.CacheID = id
		} else {
			p.o.Cache = false
		}
	}
	p.s, p.err = publish.Begin(p.out, p.o)
}

// note keeps err as the first failure to publish, if it is one, and
// returns it.
func (p *streamer) note(err error) error {
	if err != nil {
		p.mu.Lock()
		if p.err == nil {
			p.err = err
		}
		p.mu.Unlock()
	}
	return err
}

// failed is the first failure to publish, if any.
func (p *streamer) failed() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

func (p *streamer) abort() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.opened != nil {
		// Stop waiting for another build; release the lock if taken.
		p.stopOnce.Do(func() { close(p.stop) })
		<-p.opened
		if p.early != nil {
			p.early.Abort()
			p.early = nil
		}
	}
	if p.s != nil {
		p.s.Abort()
	}
}

// commit publishes the build; a build that rendered no file still
// replaces OUT (with an empty site). The fragment store is committed
// first, while the stream holds the build lock (Stream.Commit releases
// it), since a build appends to the store in place; its pieces are
// content-addressed, so a publish that then fails leaves only pieces no
// page shows. The store is a cache: one that cannot be written is left
// out, and the next build renders those pieces.
func (p *streamer) commit() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.s == nil {
		p.err = nil
		p.start()
		if p.err != nil {
			return p.err
		}
	}
	if p.frags != nil {
		_ = p.frags.Commit()
	}
	return p.s.Commit()
}

// checkDir reports a missing site directory as a usage error.
func checkDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return usageErr("site directory %s: %v", dir, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return usageErr("site directory %s is not a directory", dir)
	}
	return nil
}
