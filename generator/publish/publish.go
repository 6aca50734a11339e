// Package publish writes a rendered site to disk so that OUT always holds
// one whole site: the previous one or the new one, never a mixture, never
// nothing, whatever fails and whenever the process is killed.
//
// Steps, all taken while holding a lock beside OUT (OUT.kpisite-lock, an
// flock on Unix, LockFileEx on Windows), so that two builds never publish
// over each other: the second waits (up to Options.Wait) and then
// publishes its own site, or fails saying which process holds the lock.
//
//  1. Recover: if an earlier build was killed in the middle of a swap, put
//     the previous site back (OUT.kpisite-old to OUT) before anything else.
//  2. Check OUT: it must not be the site folder, a folder above it, or hold
//     .git or site.toml; and when it is not empty it must be a kpisite
//     output (it has .kpisite-manifest, or an index.html kpisite made).
//  3. Remove the temporary folders of builds that were killed
//     (OUT.kpisite-new*: only a build holding the lock writes them).
//  4. Write the new site into a new temporary folder beside OUT, with
//     .kpisite-manifest listing its files. Each file is created new
//     (O_EXCL: a file kept from the previous build, a hard link into OUT,
//     is never written through). On Linux a Stream creates each file by
//     its name relative to an open descriptor of its folder, and never
//     through a symbolic link (write_linux.go), to spare the system calls
//     and path walks of os.File for thousands of small files.
//  5. Swap. On Linux one renameat2(RENAME_EXCHANGE) exchanges the two
//     folders atomically: OUT is at every instant a whole site. Elsewhere
//     (or on a file system without it) OUT is renamed to OUT.kpisite-old
//     and the new folder to OUT; between the two renames OUT does not
//     exist, and step 1 of the next build repairs a kill at that moment.
//  6. Remove the previous site, or, for a Stream with the build cache
//     after an exchange, keep it beside OUT as OUT.kpisite-spare: the next
//     such build renames it to a temporary folder's name and turns it into
//     its site in step 4, instead of writing a new folder (spare.go).
//
// OUT a symbolic link: the link is kept and the folder it points to is
// replaced. OUT a mount point (its device differs from its parent's, or
// renaming it fails with EBUSY or EXDEV) cannot be renamed, so its contents
// are replaced instead: the new site is written into OUT/.kpisite-new-*,
// the old entries are moved into OUT/.kpisite-parking, which is renamed
// OUT/.kpisite-old once complete, the new entries are moved in, and
// .kpisite-old is removed; step 1 undoes an interrupted replacement.
package publish

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Options adjust Write. The zero value is ready to use.
type Options struct {
	// Site is the site's folder. OUT may be neither it nor a folder
	// above it. Empty skips that check.
	Site string
	// Wait is how long to wait while another build publishes to the same
	// OUT. Zero means DefaultWait; a negative Wait does not wait.
	Wait time.Duration
	// Stop, when closed, stops a build waiting for another (Open fails
	// with ErrStopped). Nil never does.
	Stop <-chan struct{}
	// Log receives a line when the build waits for another or repairs an
	// interrupted one. Nil discards it.
	Log io.Writer

	// Cache keeps a build cache beside OUT (cache.go; Stream only): pages
	// whose key is unchanged are kept from the previous build. False
	// removes any cache, so that a cold build leaves none behind.
	Cache bool
	// CacheID identifies what made the cache (kpisite's build, the
	// theme): a cache with another is discarded.
	CacheID []byte

	// step, when set, is called at each step of publishing; an error
	// stops Write there at once, without any cleaning up, as a kill would.
	step func(name string) error
	// inPlace publishes as into a mount point (tests cannot mount).
	inPlace bool
	// noExchange skips renameat2, to test the two-rename swap on Linux.
	noExchange bool
}

// DefaultWait is how long a build waits for another build publishing to
// the same OUT.
const DefaultWait = 2 * time.Minute

// Names kpisite keeps beside OUT (OUT.<suffix>) or, for a mount point,
// inside it.
const (
	ManifestName = ".kpisite-manifest" // in every published output
	lockSuffix   = ".kpisite-lock"
	newSuffix    = ".kpisite-new" // temporary folders: .kpisite-new-<random>
	oldSuffix    = ".kpisite-old"
	parkSuffix   = ".kpisite-parking"
)

// stopped is an error from Options.step: Write returns it without
// cleaning up, as if the process had been killed.
type stopped struct{ error }

func (s stopped) Unwrap() error { return s.error }

func (o *Options) at(name string) error {
	if o.step == nil {
		return nil
	}
	if err := o.step(name); err != nil {
		return stopped{err}
	}
	return nil
}

func isStopped(err error) bool {
	var s stopped
	return errors.As(err, &s)
}

func (o *Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// Write publishes files (slash-separated paths relative to out) to out.
func Write(out string, files map[string][]byte, o Options) error {
	if o.Wait == 0 {
		o.Wait = DefaultWait
	}
	out, err := resolve(out)
	if err != nil {
		return err
	}
	if err := refuseSource(out, o.Site); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	inPlace := o.inPlace || isMountPoint(out)
	lockPath := out + lockSuffix
	if inPlace {
		lockPath = filepath.Join(out, lockSuffix)
	}
	l, err := acquire(lockPath, out, &o)
	if err != nil {
		return err
	}
	defer l.release()
	if err := o.at("locked"); err != nil {
		return err
	}
	os.Remove(out + cacheSuffix) // Write keeps no build cache, and no spare
	os.RemoveAll(out + spareSuffix)
	if inPlace {
		return writeInPlace(out, files, &o)
	}
	if err := recoverSwap(out, &o); err != nil {
		return err
	}
	if err := checkTarget(out); err != nil {
		return err
	}
	if err := removeStale(filepath.Dir(out), filepath.Base(out)+newSuffix, ""); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), filepath.Base(out)+newSuffix+"-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := writeTree(tmp, files, &o); err != nil {
		if !isStopped(err) {
			os.RemoveAll(tmp)
		}
		return err
	}
	_, err = swap(out, tmp, &o, "")
	if errors.Is(err, errCannotRename) {
		// A mount point that shares its parent's device (a bind mount).
		os.RemoveAll(tmp)
		return writeInPlace(out, files, &o)
	}
	return err
}

// resolve makes out absolute and follows it when it is a symbolic link,
// so that the link is kept and the folder it names is replaced.
func resolve(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	st, err := os.Lstat(abs)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		return abs, nil
	}
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("publish: %s is a link to a folder that does not exist (%v); create that folder, or remove the link", out, err)
	}
	return target, nil
}
