package publish

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// errBusy: another process holds the lock.
var errBusy = errors.New("locked by another process")

// ErrStopped: Options.Stop was closed while the build waited for another.
var ErrStopped = errors.New("publish: stopped while waiting for another build")

// pollEvery is how often a waiting build tries the lock again.
const pollEvery = 20 * time.Millisecond

// lock is a held lock on a file beside OUT.
type lock struct {
	f    *os.File
	path string
}

// release removes the lock file, then unlocks it. A build waiting on the
// removed file notices, once it has the lock, that the path no longer
// names that file, and starts again (see acquire).
func (l *lock) release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.path) // fails on Windows while open: the file then stays
	l.f.Close()       // closing releases the lock; so does the process ending
	l.f = nil         // once only: the path may be another build's lock next
}

// acquire takes the lock at path, waiting up to o.Wait while another
// build holds it, and writes this process's id into it.
func acquire(path, out string, o *Options) (*lock, error) {
	deadline := time.Now().Add(o.Wait)
	waiting := false
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("publish: create the lock file %s: %w", path, err)
		}
		err = tryLock(f)
		if err == nil {
			if lockedPath(f, path) {
				if err := f.Truncate(0); err == nil {
					f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
				}
				return &lock{f: f, path: path}, nil
			}
			f.Close() // the holder removed it as we locked it: start again
			continue
		}
		f.Close()
		if !errors.Is(err, errBusy) {
			return nil, fmt.Errorf("publish: lock %s: %w", path, err)
		}
		holder := lockHolder(path)
		if o.Wait < 0 {
			return nil, fmt.Errorf("publish: another kpisite build%s is publishing to %s; nothing was written. Run this build again when it has finished", holder, out)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("publish: another kpisite build%s was still publishing to %s after %v; nothing was written. Run this build again when it has finished", holder, out, o.Wait)
		}
		if !waiting {
			o.logf("another kpisite build%s is publishing to %s; waiting for it (up to %v)...", holder, out, o.Wait)
			waiting = true
		}
		select {
		case <-o.Stop:
			return nil, ErrStopped
		case <-time.After(pollEvery):
		}
	}
}

// lockedPath reports whether path still names the open file f.
func lockedPath(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// lockHolder is " (pid N)" for the process id the lock file names, or "".
func lockHolder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return ""
	}
	return fmt.Sprintf(" (pid %d)", pid)
}
