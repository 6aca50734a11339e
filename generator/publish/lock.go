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

// pollEvery is how often a waiting build tries the lock again.
const pollEvery = 20 * time.Millisecond

// lock is a held lock on a file beside OUT. The file is never removed:
// removing it would let two builds lock two different files.
type lock struct{ f *os.File }

func (l *lock) release() {
	if l != nil && l.f != nil {
		l.f.Close() // closing releases the lock; so does the process ending
	}
}

// acquire takes the lock at path, waiting up to o.Wait while another
// build holds it, and writes this process's id into it.
func acquire(path, out string, o *Options) (*lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("publish: create the lock file %s: %w", path, err)
	}
	deadline := time.Now().Add(o.Wait)
	waiting := false
	for {
		err := tryLock(f)
		if err == nil {
			break
		}
		if !errors.Is(err, errBusy) {
			f.Close()
			return nil, fmt.Errorf("publish: lock %s: %w", path, err)
		}
		holder := lockHolder(path)
		if o.Wait < 0 || time.Now().After(deadline) {
			f.Close()
			if o.Wait < 0 {
				return nil, fmt.Errorf("publish: another kpisite build%s is publishing to %s; nothing was written. Run this build again when it has finished", holder, out)
			}
			return nil, fmt.Errorf("publish: another kpisite build%s was still publishing to %s after %v; nothing was written. Run this build again when it has finished", holder, out, o.Wait)
		}
		if !waiting {
			o.logf("another kpisite build%s is publishing to %s; waiting for it (up to %v)...", holder, out, o.Wait)
			waiting = true
		}
		time.Sleep(pollEvery)
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &lock{f: f}, nil
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
