package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Stream publishes a build file by file, as it is rendered, so that a
// large site's output never has to be held in memory at once: Begin takes
// the lock and makes the temporary folder beside OUT, Add writes each file
// into it, Commit writes the manifest and swaps the folder in (as Write
// does), and Abort removes the folder and leaves OUT as it was. Add may be
// called from several goroutines. Into a mount point, files are kept in
// memory and published by Commit as Write publishes them. On Linux the
// stream keeps its folders open while files are written into them (at
// most maxOpenDirs idle ones); Commit and Abort close them all.
type Stream struct {
	out, tmp string
	o        Options
	l        *lock
	inPlace  bool

	dirs dirCache // folders made under tmp (write_linux.go, write_other.go)

	cache  *buildCache // nil: no cache (Options.Cache false, or a mount point)
	spare  *spareSite  // the spare site, when tmp is it (spare.go)
	counts Counts      // under mu
	stop   error       // Options.at stopped Begin (tests)

	// What Open read, for Start to act on (cache.go): read, whether it
	// read the cache; pending, the spare site verified; why, the reasons
	// the cache and the spare were not used, logged by Start.
	read               bool
	pending            *spareSite
	cacheWhy, spareWhy string

	mu      sync.Mutex
	paths   []string
	files   map[string][]byte // in place only
	started bool              // Start was called
	done    bool

	writers  map[*fileWriter]bool // Create's files still open
	creating map[string]bool      // in place: Create's files not yet closed

	idMu sync.Mutex
	ids  map[string]notedFile // identities of files as made (noteID)

	touchMu sync.Mutex
	touched map[string]bool // the spare's folders changed (touch)

	outSame chan bool // OUT's folders are as recorded (readCache)
}

// Begin starts publishing to out: Open, then Start. The caller must end
// with Commit or Abort.
func Begin(out string, o Options) (*Stream, error) {
	s, err := Open(out, o)
	if err != nil {
		return nil, err
	}
	if err := s.Start(); err != nil {
		return nil, err
	}
	return s, nil
}

// Open is the first part of Begin, which changes nothing on disk: it
// takes the lock, and reads and verifies the build cache and the spare
// site (cache.go, spare.go). A build may Open before its pages are
// ready (kpisite does once its site is checked), and Start when the first
// is; one that fails meanwhile calls Abort, which releases the lock and leaves OUT, the
// cache and the spare exactly as they were. The caller must end with
// Start, then Commit or Abort; or with Abort.
func Open(out string, o Options) (*Stream, error) {
	if o.Wait == 0 {
		o.Wait = DefaultWait
	}
	out, err := resolve(out)
	if err != nil {
		return nil, err
	}
	if err := refuseSource(out, o.Site); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	s := &Stream{out: out, o: o, inPlace: o.inPlace || isMountPoint(out)}
	lockPath := out + lockSuffix
	if s.inPlace {
		lockPath = filepath.Join(out, lockSuffix)
	}
	if s.l, err = acquire(lockPath, out, &s.o); err != nil {
		return nil, err
	}
	if s.inPlace {
		s.files = map[string][]byte{}
		return s, nil // no build cache into a mount point
	}
	// An earlier build killed in the middle of a swap left OUT to be
	// repaired (Start): the cache is read only after that.
	if _, err := os.Lstat(out + oldSuffix); errors.Is(err, fs.ErrNotExist) {
		s.readCache()
	}
	if err := s.o.at("opened"); err != nil {
		s.l.release() // as a kill would
		return nil, err
	}
	s.premake()
	return s, nil
}

// Start is the second part of Begin, once Open has taken the lock: it
// repairs what a killed build left, takes the spare site (or removes
// it), and makes the temporary folder. When it fails the lock is
// released, and the stream is done (Abort does nothing).
func (s *Stream) Start() error {
	s.mu.Lock()
	if s.started || s.done {
		s.mu.Unlock()
		return nil
	}
	s.started = true
	s.mu.Unlock()
	if s.inPlace {
		return nil
	}
	fail := func(err error) error {
		s.mu.Lock()
		s.done = true
		s.mu.Unlock()
		if sp := s.spare; sp != nil && sp.ready != nil {
			// Folders made ahead (premake.go): removed.
			s.stopMaking()
			os.RemoveAll(s.tmp)
		}
		s.l.release()
		return err
	}
	if err := s.prepare(); err != nil {
		return fail(err)
	}
	if !s.read {
		s.readCache()
	}
	s.applyCache()
	if s.stop != nil {
		return fail(s.stop) // as a kill would
	}
	if s.tmp == "" {
		if err := s.makeTemp(); err != nil {
			return fail(err)
		}
	}
	return nil
}

func (s *Stream) prepare() error {
	if err := recoverSwap(s.out, &s.o); err != nil {
		return err
	}
	if err := checkTarget(s.out); err != nil {
		return err
	}
	if err := removeStale(filepath.Dir(s.out), filepath.Base(s.out)+newSuffix, s.tmp); err != nil {
		return err
	}
	removeCacheTemps(s.out)
	return nil
}

// makeTemp makes a new, empty temporary folder for the site.
func (s *Stream) makeTemp() error {
	tmp, err := os.MkdirTemp(filepath.Dir(s.out), filepath.Base(s.out)+newSuffix+"-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	s.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil { // os.MkdirTemp makes it 0700
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// Add writes one file (a slash-separated path relative to OUT).
func (s *Stream) Add(p string, data []byte) error {
	if !fs.ValidPath(p) || strings.Contains(p, "\\") || p == "." || p == ManifestName || isWorkName(strings.SplitN(p, "/", 2)[0]) {
		return fmt.Errorf("publish: invalid output path %q", p)
	}
	s.mu.Lock()
	if s.done || !s.started {
		s.mu.Unlock()
		return errors.New("publish: file added before the build was started, or after it was published or abandoned")
	}
	s.paths = append(s.paths, p)
	if s.inPlace {
		if s.creating[p] {
			s.mu.Unlock()
			return fmt.Errorf("publish: two files write %s", p)
		}
		s.files[p] = data
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	return s.writeFile(p, data)
}

// Commit publishes the files added and releases the lock (starting the
// stream first when it was only opened: an empty site).
func (s *Stream) Commit() error {
	if err := s.Start(); err != nil {
		return err
	}
	s.mu.Lock()
	if s.done {
		s.mu.Unlock()
		return errors.New("publish: already published or abandoned")
	}
	s.done = true
	s.mu.Unlock()
	unfinished := s.closeWriters()
	s.closeDirs()
	if s.spare != nil {
		s.spare.wait() // the folders made ahead (premake.go)
	}
	defer s.l.release()
	if unfinished {
		if s.tmp != "" {
			os.RemoveAll(s.tmp)
		}
		return errors.New("publish: a file was still being written when the build was published")
	}
	// The cache describes the OUT about to be replaced: gone before it is
	// (writeCache writes this build's after).
	if err := os.Remove(s.out + cacheSuffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
		os.RemoveAll(s.tmp)
		return fmt.Errorf("publish: remove the build cache: %w", err)
	}
	if s.inPlace {
		return writeInPlace(s.out, s.files, &s.o)
	}
	sort.Strings(s.paths)
	for i := 1; i < len(s.paths); i++ {
		if s.paths[i] == s.paths[i-1] {
			os.RemoveAll(s.tmp)
			return fmt.Errorf("publish: two files write %s", s.paths[i])
		}
	}
	dirs := folders(s.paths)
	for _, p := range s.paths {
		if dirs[p] {
			os.RemoveAll(s.tmp)
			return fmt.Errorf("publish: %s is both a file and a folder of files", p)
		}
	}
	spared := ""
	if c := s.cache; c != nil && c.old != nil && <-s.outSame {
		// OUT holds exactly its manifest's files: keep it as the spare.
		s.verifyOut()
		spared = s.out + spareSuffix
	}
	if s.spare != nil {
		if err := s.trimSpare(dirs); err != nil {
			os.RemoveAll(s.tmp)
			return err
		}
		if err := s.o.at("trimmed"); err != nil {
			return err
		}
	}
	if err := writeNew(filepath.Join(s.tmp, ManifestName), manifest(s.paths)); err != nil {
		os.RemoveAll(s.tmp)
		return fmt.Errorf("publish: %w", err)
	}
	kept, err := swap(s.out, s.tmp, &s.o, spared)
	if errors.Is(err, errCannotRename) {
		// A mount point that shares its parent's device (a bind mount):
		// read the files back and publish them in place.
		files := make(map[string][]byte, len(s.paths))
		for _, p := range s.paths {
			b, rerr := os.ReadFile(filepath.Join(s.tmp, filepath.FromSlash(p)))
			if rerr != nil {
				os.RemoveAll(s.tmp)
				return fmt.Errorf("publish: %w", rerr)
			}
			files[p] = b
		}
		os.RemoveAll(s.tmp)
		return writeInPlace(s.out, files, &s.o)
	}
	if err == nil && s.cache != nil {
		if cerr := s.writeCache(dirs, kept); cerr != nil {
			s.o.logf("publish: the build cache could not be written (%v); the next build renders every page", cerr)
		}
	}
	return err
}

// writeNew creates the new file name (never through a file or link of
// that name) and writes data into it, part after part.
func writeNew(name string, data ...[]byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	for _, b := range data {
		if _, err := f.Write(b); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// Abort abandons the build: its temporary folder is removed, OUT is left
// as it was, and the lock is released. After Commit it does nothing.
func (s *Stream) Abort() {
	s.mu.Lock()
	if s.done {
		s.mu.Unlock()
		return
	}
	s.done = true
	s.mu.Unlock()
	s.closeWriters()
	s.closeDirs()
	s.stopMaking()
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	s.l.release()
}
