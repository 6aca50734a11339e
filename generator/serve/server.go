// Package serve previews a site while it is being edited: it serves the
// files of a build from memory, rebuilds when an input file changes, and
// tells open browsers to reload.
//
// A Server holds the latest build. It never reads a file from disk to
// answer a request: every response comes from the map of files the build
// returned, so nothing outside the built site (site.toml, data/, a path
// with "..") can be served. URL paths map to files as a static web host
// maps them:
//
//	/                    index.html
//	/indicators/x/       indicators/x/index.html
//	/indicators/x        redirect to /indicators/x/ (pages use relative links)
//	/assets/style.css    assets/style.css
//	anything else        404.html, with status 404
//
// In every HTML response the Server inserts, before </body>, one script
// element that loads /_kpisite/reload.js. The script opens an EventSource
// on /_kpisite/events and reloads the page when the build it came from is
// no longer the latest. Published output (kpisite build) never has it.
//
// When the latest build failed, every HTML request gets an error page that
// lists the problems, positioned, instead of the last good pages (stale
// figures would mislead); other files get the same list as plain text.
// The error page carries the reload script, so it goes away by itself once
// the inputs are fixed.
//
// Watch rebuilds when an input file changes. It waits for the operating
// system's file notifications (fsnotify) and, once a burst of them has
// settled, compares every input file's path, size and modification time
// with the last build's, so only a real change to an input rebuilds.
// Where notifications are unreliable or cannot be had (some network
// drives; the operating system's limit on watches) it polls the same
// comparison every 250 ms instead: that needs nothing from the operating
// system and costs a few milliseconds for a few thousand files.
//
// Only requests whose Host header is localhost, a loopback address or one
// of Config.AllowHosts are answered (see host.go); others get 421.
package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"kpisite/generator/model"
)

// BuildFunc builds the whole site in memory. When err is not nil the
// build failed and problems (which may be empty) say why.
type BuildFunc func() (files map[string][]byte, problems model.Problems, err error)

// Config configures a Server. Build is required.
type Config struct {
	Build BuildFunc

	// Inputs is the site's file system, compared by Poll and Watch. Nil
	// disables watching.
	Inputs fs.FS
	// Paths are the files and folders of Inputs that are compared; nil
	// means site.toml, data, content and themes.
	Paths []string
	// Dir is the folder on disk that Inputs reads (Inputs is
	// os.DirFS(Dir)). When it is set, Watch waits for file notifications
	// in it; when it is empty, Watch polls.
	Dir string
	// Poll makes Watch poll even when Dir is set: for folders where
	// notifications do not arrive, such as some network drives.
	Poll bool
	// Interval is how often Watch polls; zero means 250 ms.
	Interval time.Duration
	// Settle is how long Watch waits after the last file notification
	// before it compares the inputs; zero means 100 ms.
	Settle time.Duration

	// Log receives one line for each build, and the problems of a failed
	// one. Nil discards them.
	Log io.Writer

	// AllowHosts are the host names (or addresses) that requests may
	// name in their Host header besides localhost, 127.0.0.1 and [::1].
	// Others get 421 Misdirected Request.
	AllowHosts []string
}

// DefaultInterval is how often Watch polls when Config.Interval is zero.
const DefaultInterval = 250 * time.Millisecond

// DefaultSettle is how long Watch lets file notifications settle when
// Config.Settle is zero.
const DefaultSettle = 100 * time.Millisecond

// defaultPaths are the inputs of a site (SPEC 2).
func defaultPaths() []string { return []string{"site.toml", "data", "content", "themes"} }

// Server serves the latest build of a site. It is an http.Handler.
type Server struct {
	cfg   Config
	epoch string // distinguishes this Server's versions from an earlier run's

	mu    sync.Mutex // serialises builds; guards snap and count
	snap  snapshot
	count int

	cur atomic.Pointer[state]

	events *broker

	newWatcher func() (*fsnotify.Watcher, error) // fsnotify.NewWatcher; tests replace it
}

// state is one build, as served.
type state struct {
	files    map[string][]byte // nil when the build failed
	problems model.Problems
	err      error
	version  string // changes whenever what is served changes
}

// Result describes one build.
type Result struct {
	Took     time.Duration
	Files    int            // files built (0 when the build failed)
	Pages    int            // HTML files built
	Problems model.Problems // errors and warnings
	Err      error          // the build failed
	Changed  []string       // the inputs that changed, when Watch started the build
	Reloaded bool           // browsers were told to reload (the output changed)
}

// New returns a Server that has not built anything yet: until the first
// Rebuild, every request gets a page saying so.
func New(cfg Config) *Server {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Settle <= 0 {
		cfg.Settle = DefaultSettle
	}
	if cfg.Paths == nil {
		cfg.Paths = defaultPaths()
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	s := &Server{cfg: cfg, epoch: strconv.FormatInt(time.Now().UnixNano(), 36), events: newBroker(), newWatcher: fsnotify.NewWatcher}
	s.cur.Store(&state{err: errNotBuilt, version: s.epoch + "-0"})
	return s
}

var errNotBuilt = fmt.Errorf("the site has not been built yet")

// Rebuild builds the site now, whether or not its inputs changed, and
// serves the result.
func (s *Server) Rebuild() Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.Inputs != nil {
		s.snap = scan(s.cfg.Inputs, s.cfg.Paths)
	}
	return s.build(nil)
}

// Poll rebuilds the site if any input changed since the last build, and
// reports whether it did.
func (s *Server) Poll() (Result, bool) {
	if s.cfg.Inputs == nil {
		return Result{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := scan(s.cfg.Inputs, s.cfg.Paths)
	changed := diff(s.snap, now)
	if len(changed) == 0 {
		return Result{}, false
	}
	// The snapshot is taken before the build, so a change saved while
	// the build runs is seen by the next poll.
	s.snap = now
	return s.build(changed), true
}

// Close ends every open event stream, so that http.Server.Shutdown does
// not wait for them (register it with http.Server.RegisterOnShutdown).
// The Server still answers other requests.
func (s *Server) Close() { s.events.close() }

// build runs the build and swaps in its result. s.mu is held.
func (s *Server) build(changed []string) Result {
	start := time.Now()
	files, problems, err := s.cfg.Build()
	r := Result{Took: time.Since(start), Problems: problems, Err: err, Changed: changed}
	next := &state{problems: problems, err: err}
	if err == nil {
		next.files = files
		r.Files = len(files)
		for p := range files {
			if isHTML(p) {
				r.Pages++
			}
		}
	}
	prev := s.cur.Load()
	if sameOutput(prev, next) {
		next.version = prev.version
	} else {
		s.count++
		next.version = s.epoch + "-" + strconv.Itoa(s.count)
		r.Reloaded = true
	}
	s.cur.Store(next)
	if r.Reloaded {
		s.events.notify()
	}
	s.log(r)
	return r
}

// sameOutput reports whether serving b instead of a would change nothing,
// so that saving a file without changing it does not reload browsers.
func sameOutput(a, b *state) bool {
	if (a.err == nil) != (b.err == nil) {
		return false
	}
	if a.err != nil {
		return a.err.Error() == b.err.Error() && a.problems.String() == b.problems.String()
	}
	if len(a.files) != len(b.files) {
		return false
	}
	for p, data := range a.files {
		other, ok := b.files[p]
		if !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}

func (s *Server) log(r Result) {
	w := s.cfg.Log
	what := "built"
	if r.Changed != nil {
		what = "rebuilt after a change to " + describeChanges(r.Changed)
	}
	if r.Err != nil {
		for _, p := range r.Problems {
			fmt.Fprintln(w, p)
		}
		if e, warn := r.Problems.Count(); e+warn > 0 {
			fmt.Fprintf(w, "%s in %d ms: failed with %s, %s; the browser shows them until they are fixed\n", what, r.Took.Milliseconds(), plural(e, "error"), plural(warn, "warning"))
		} else {
			fmt.Fprintf(w, "%s in %d ms: failed: %v; the browser shows this until it is fixed\n", what, r.Took.Milliseconds(), r.Err)
		}
		return
	}
	for _, p := range r.Problems {
		fmt.Fprintln(w, p)
	}
	note := ""
	if !r.Reloaded {
		note = "; the output did not change"
	}
	fmt.Fprintf(w, "%s in %d ms: %s, %s%s\n", what, r.Took.Milliseconds(), plural(r.Pages, "page"), plural(r.Files, "file"), note)
}

func describeChanges(changed []string) string {
	switch len(changed) {
	case 1:
		return changed[0]
	case 2:
		return changed[0] + " and " + changed[1]
	}
	return changed[0] + " and " + plural(len(changed)-1, "other file")
}
