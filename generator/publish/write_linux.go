package publish

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sync"

	"golang.org/x/sys/unix"
)

// On Linux a build's files are written with as few system calls and path
// walks as can be, since a large site writes thousands of small files:
// each file is created relative to an open descriptor of its folder, by
// its base name (openat O_CREAT|O_EXCL|O_NOFOLLOW), written with write(2)
// and closed, never through os.File (which would register the descriptor
// with the runtime's poller: fcntl and epoll_ctl calls for a file that
// cannot be polled). Each folder is made once (mkdirat relative to its
// parent's descriptor) and its descriptor kept while files are written
// into it; at most maxOpenDirs idle ones are kept, the least recently
// used closed first, so that a site with many folders never runs out of
// descriptors. Commit and Abort close them all.
//
// No path under the temporary folder is followed through a symbolic link:
// folders are opened and files created with O_NOFOLLOW, one name at a
// time, so a link planted there is refused rather than written through.

// maxOpenDirs bounds the folder descriptors kept while no file is being
// written into them. A build writes a folder's files together (an
// indicator's page, chart and data), so a few per worker are enough.
const maxOpenDirs = 128

// dirCache holds the descriptors of the folders made under the temporary
// folder. Its zero value is ready to use; the root (the temporary folder
// itself) is opened by the first file written.
type dirCache struct {
	mu     sync.Mutex
	root   *dirent
	m      map[string]*dirent // by slash-separated path under the root
	idle   dirent             // sentinel of the idle list: most recent at idle.next
	open   int                // descriptors open, the root's included
	max    int                // idle descriptors kept; 0 means maxOpenDirs
	closed bool               // Commit or Abort: no more folders are opened
}

// dirent is one folder under the temporary folder. fd, refs and the list
// links are guarded by dirCache.mu; made by mk.
type dirent struct {
	name       string // slash-separated, "." for the root
	fd         int    // -1: not open
	refs       int    // files being created in it, and children being opened
	prev, next *dirent

	mk   sync.Mutex // held while the folder is made and opened
	made bool
}

// acquire returns the open folder name (making it and its parents as
// needed), held open until release.
func (s *Stream) acquire(name string) (*dirent, error) {
	d := &s.dirs
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return nil, errDone
	}
	if d.m == nil {
		d.m = map[string]*dirent{}
		d.idle.prev, d.idle.next = &d.idle, &d.idle
	}
	e := d.m[name]
	if e == nil {
		e = &dirent{name: name, fd: -1}
		d.m[name] = e
		if name == "." {
			d.root = e
		}
	}
	e.refs++
	if e.fd >= 0 {
		if e.next != nil { // idle: in use again
			e.prev.next, e.next.prev = e.next, e.prev
			e.prev, e.next = nil, nil
		}
		d.mu.Unlock()
		return e, nil
	}
	d.mu.Unlock()

	e.mk.Lock()
	defer e.mk.Unlock()
	d.mu.Lock()
	fd := e.fd // opened by another Add meanwhile
	d.mu.Unlock()
	if fd >= 0 {
		return e, nil
	}
	fd, err := s.openDir(e)
	if err != nil {
		s.release(e)
		return nil, err
	}
	d.mu.Lock()
	e.fd = fd
	d.open++
	closed := d.closed
	d.mu.Unlock()
	if closed {
		s.release(e) // closes it
		return nil, errDone
	}
	return e, nil
}

// openDir makes (once) and opens the folder of e, which the caller holds
// (e.mk and a reference).
func (s *Stream) openDir(e *dirent) (int, error) {
	if e.name == "." {
		fd, err := openRetry(unix.AT_FDCWD, s.tmp, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			return -1, &os.PathError{Op: "open", Path: s.tmp, Err: err}
		}
		return fd, nil
	}
	parent, err := s.acquire(path.Dir(e.name))
	if err != nil {
		return -1, err
	}
	defer s.release(parent)
	base := path.Base(e.name)
	const dirFlags = unix.O_RDONLY | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC
	var fd int
	if e.made || s.spare != nil {
		// Made before (closed while idle); or in a spare site, or where
		// the folders were made ahead (premake.go), most likely there.
		fd, err = openRetry(parent.fd, base, dirFlags, 0)
		if err == nil || !errors.Is(err, unix.ENOENT) {
			e.made = true
		}
	}
	if !e.made {
		s.touch(parent.name)
		s.touch(e.name)
		merr := ignoringEINTR(func() error { return unix.Mkdirat(parent.fd, base, 0o755) })
		// A name that exists already (a file, a link) is refused below:
		// it is opened only if it is a folder.
		if merr != nil && !errors.Is(merr, unix.EEXIST) {
			return -1, &os.PathError{Op: "mkdir", Path: s.full(e.name), Err: merr}
		}
		e.made = true
		fd, err = openRetry(parent.fd, base, dirFlags, 0)
	}
	if errors.Is(err, unix.ENOTDIR) && s.spare != nil && s.spare.takeFile(e.name) {
		// The spare's file where this build has a folder: removed.
		s.touch(parent.name)
		s.touch(e.name)
		if err := ignoringEINTR(func() error { return unix.Unlinkat(parent.fd, base, 0) }); err != nil {
			return -1, &os.PathError{Op: "remove", Path: s.full(e.name), Err: err}
		}
		if err := ignoringEINTR(func() error { return unix.Mkdirat(parent.fd, base, 0o755) }); err != nil {
			return -1, &os.PathError{Op: "mkdir", Path: s.full(e.name), Err: err}
		}
		fd, err = openRetry(parent.fd, base, dirFlags, 0)
	}
	if err != nil {
		return -1, refusedLink(&os.PathError{Op: "open", Path: s.full(e.name), Err: err})
	}
	return fd, nil
}

// release lets go of a folder acquired: when nothing holds it any more it
// becomes idle, and the least recently used idle folders beyond the bound
// are closed (all of them once the stream is closed).
func (s *Stream) release(e *dirent) {
	d := &s.dirs
	d.mu.Lock()
	defer d.mu.Unlock()
	e.refs--
	if e.refs > 0 || e.fd < 0 {
		return
	}
	if d.closed {
		d.closeFD(e)
		return
	}
	if e == d.root {
		return // kept until Commit or Abort
	}
	e.prev, e.next = &d.idle, d.idle.next
	e.prev.next, e.next.prev = e, e
	limit := d.max
	if limit == 0 {
		limit = maxOpenDirs
	}
	for d.open-1 > limit && d.idle.prev != &d.idle { // the root is not counted
		d.closeFD(d.idle.prev)
	}
}

// closeFD closes e's descriptor and takes it off the idle list (under mu).
func (d *dirCache) closeFD(e *dirent) {
	if e.next != nil {
		e.prev.next, e.next.prev = e.next, e.prev
		e.prev, e.next = nil, nil
	}
	unix.Close(e.fd)
	e.fd = -1
	d.open--
}

// closeDirs closes every folder descriptor; one still in use (an Add
// racing Commit or Abort) is closed when it is released. No folder is
// opened after.
func (s *Stream) closeDirs() {
	d := &s.dirs
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	for d.idle.next != nil && d.idle.next != &d.idle {
		d.closeFD(d.idle.next)
	}
	if r := d.root; r != nil && r.refs == 0 && r.fd >= 0 {
		d.closeFD(r)
	}
}

// writeFile creates the new file p (slash-separated, valid) under the
// temporary folder and writes data into it. A file that exists already is
// never written through (it may be a hard link to OUT's file, kept from
// the previous build): that is the error "two files write p".
func (s *Stream) writeFile(p string, data []byte) error {
	fd, done, err := s.openFile(p)
	if err != nil {
		return err
	}
	if err := writeAll(fd, data); err != nil {
		unix.Close(fd)
		done(false, fileID{})
		return fmt.Errorf("publish: %w", &os.PathError{Op: "write", Path: s.full(p), Err: err})
	}
	id := s.fdID(fd)
	// close(2) is not retried: on Linux the descriptor is gone whatever
	// it returns.
	if err := unix.Close(fd); err != nil && !errors.Is(err, unix.EINTR) {
		done(false, fileID{})
		return fmt.Errorf("publish: %w", &os.PathError{Op: "close", Path: s.full(p), Err: err})
	}
	return done(true, id)
}

// openFile creates the new file p (slash-separated, valid) under the
// temporary folder, for writing; done, called once the file is closed,
// finishes it (or, not ok, abandons it), and notes its identity (id, read
// before it was closed; see noteID). Where the spare has a file p,
// the new file is made under a temporary name and done renames it over
// p: a file of the spare may share its inode with OUT's, and is never
// written through.
func (s *Stream) openFile(p string) (int, func(ok bool, id fileID) error, error) {
	name := path.Base(p)
	replace := false
	if sp := s.spare; sp != nil {
		s.touch(path.Dir(p))
		if sp.takeDir(p) {
			// The spare's folder where this build has a file: removed.
			if err := os.RemoveAll(s.full(p)); err != nil {
				return -1, nil, fmt.Errorf("publish: %w", err)
			}
		}
		if replace = sp.claim(p); replace {
			name = sp.tempFor(p)
		}
	}
	dir, err := s.acquire(path.Dir(p))
	if err != nil {
		if replace {
			s.spare.unclaim(p)
		}
		return -1, nil, err
	}
	fd, err := openRetry(dir.fd, name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o644)
	s.release(dir)
	if err != nil && replace {
		s.spare.unclaim(p)
	}
	if errors.Is(err, unix.EEXIST) {
		return -1, nil, fmt.Errorf("publish: two files write %s", p)
	}
	if err != nil {
		return -1, nil, fmt.Errorf("publish: %w", refusedLink(&os.PathError{Op: "open", Path: s.full(p), Err: err}))
	}
	s.count(0, 0, 1)
	if !replace {
		return fd, func(ok bool, id fileID) error {
			if ok {
				s.noteID(p, id, false)
			}
			return nil
		}, nil
	}
	// Renamed, the file has another change time: read again (renameOver).
	return fd, func(ok bool, _ fileID) error { return s.renameOver(name, p, ok) }, nil
}

// renameOver renames the temporary file tmp, in the folder of p, over p
// (or, not ok, removes it).
func (s *Stream) renameOver(tmp, p string, ok bool) error {
	dir, err := s.acquire(path.Dir(p))
	if err != nil {
		return err
	}
	defer s.release(dir)
	if !ok {
		unix.Unlinkat(dir.fd, tmp, 0)
		return nil
	}
	if err := ignoringEINTR(func() error { return unix.Renameat(dir.fd, tmp, dir.fd, path.Base(p)) }); err != nil {
		unix.Unlinkat(dir.fd, tmp, 0)
		return fmt.Errorf("publish: %w", &os.PathError{Op: "rename", Path: s.full(p), Err: err})
	}
	s.noteID(p, s.atID(dir.fd, path.Base(p)), false)
	return nil
}

// createFile is Create's file on disk: written with write(2), as Add
// writes.
func (s *Stream) createFile(p string) (io.WriteCloser, error) {
	fd, done, err := s.openFile(p)
	if err != nil {
		return nil, err
	}
	return &fdFile{s: s, fd: fd, path: s.full(p), done: done}, nil
}

// fdFile is a file being written through its descriptor. Its caller
// (fileWriter) serialises Write and Close.
type fdFile struct {
	s    *Stream
	fd   int
	path string
	done func(ok bool, id fileID) error // openFile's
}

func (f *fdFile) Write(b []byte) (int, error) {
	if err := writeAll(f.fd, b); err != nil {
		return 0, &os.PathError{Op: "write", Path: f.path, Err: err}
	}
	return len(b), nil
}

func (f *fdFile) Close() error {
	id := f.s.fdID(f.fd)
	if err := unix.Close(f.fd); err != nil && !errors.Is(err, unix.EINTR) {
		f.done(false, fileID{})
		return &os.PathError{Op: "close", Path: f.path, Err: err}
	}
	return f.done(true, id)
}

// abandon closes the file without finishing it.
func (f *fdFile) abandon() {
	unix.Close(f.fd)
	f.done(false, fileID{})
}

// linkFile makes p under the temporary folder a hard link to src (a file
// of OUT), or a copy of it where links fail (copied reports which).
func (s *Stream) linkFile(src, p string) (copied bool, err error) {
	name := path.Base(p)
	replace := false
	if sp := s.spare; sp != nil {
		s.touch(path.Dir(p))
		if sp.takeDir(p) {
			if err := os.RemoveAll(s.full(p)); err != nil {
				return false, err
			}
		}
		if replace = sp.claim(p); replace {
			name = sp.tempFor(p)
		}
	}
	dir, err := s.acquire(path.Dir(p))
	if err != nil {
		if replace {
			s.spare.unclaim(p)
		}
		return false, err
	}
	err = ignoringEINTR(func() error { return unix.Linkat(unix.AT_FDCWD, src, dir.fd, name, 0) })
	if err == nil && replace {
		err = ignoringEINTR(func() error { return unix.Renameat(dir.fd, name, dir.fd, path.Base(p)) })
		if err != nil {
			unix.Unlinkat(dir.fd, name, 0)
		}
	}
	if err == nil {
		// Linked, OUT's file has another change time: read again.
		s.noteID(p, s.atID(dir.fd, path.Base(p)), true)
	}
	s.release(dir)
	if replace && err != nil {
		s.spare.unclaim(p) // still the spare's file: the copy replaces it
	}
	if err == nil {
		return false, nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return true, err
	}
	return true, s.writeFile(p, data)
}

// writeAll writes b to fd, however many write(2) calls it takes.
func writeAll(fd int, b []byte) error {
	const most = 1 << 30 // as os.File: some systems refuse larger writes
	for len(b) > 0 {
		chunk := b
		if len(chunk) > most {
			chunk = chunk[:most]
		}
		n, err := unix.Write(fd, chunk)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return err
		}
		if n <= 0 {
			return io.ErrShortWrite
		}
		b = b[n:]
	}
	return nil
}

func openRetry(dirfd int, name string, flags int, mode uint32) (int, error) {
	for {
		fd, err := unix.Openat(dirfd, name, flags, mode)
		if !errors.Is(err, unix.EINTR) {
			return fd, err
		}
	}
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); !errors.Is(err, unix.EINTR) {
			return err
		}
	}
}

// refusedLink says plainly why a name that is a symbolic link was not
// followed (open with O_NOFOLLOW fails with ELOOP, or ENOTDIR for a
// folder's name).
func refusedLink(err *os.PathError) error {
	if errors.Is(err.Err, unix.ELOOP) || errors.Is(err.Err, unix.ENOTDIR) {
		if st, lerr := os.Lstat(err.Path); lerr == nil && st.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link, which a build never writes through", err.Path)
		}
	}
	return err
}

// full is p's path on disk, for messages.
func (s *Stream) full(p string) string {
	return filepath.Join(s.tmp, filepath.FromSlash(p))
}

// fdID is the identity of the open file fd, when the build keeps a cache
// (noteID); none when it cannot be read.
func (s *Stream) fdID(fd int) fileID {
	if s.cache == nil {
		return fileID{}
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return fileID{}
	}
	return idOfStat(&st)
}

// atID is the identity of the file name in the open folder dirfd (not
// followed if a link), when the build keeps a cache (noteID).
func (s *Stream) atID(dirfd int, name string) fileID {
	if s.cache == nil {
		return fileID{}
	}
	var st unix.Stat_t
	if err := ignoringEINTR(func() error { return unix.Fstatat(dirfd, name, &st, unix.AT_SYMLINK_NOFOLLOW) }); err != nil {
		return fileID{}
	}
	return idOfStat(&st)
}

// idOfStat is a regular file's identity as lstatID reads it (none for
// anything else).
func idOfStat(st *unix.Stat_t) fileID {
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return fileID{}
	}
	return fileID{
		Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size,
		Mtime: st.Mtim.Sec*1e9 + st.Mtim.Nsec, Ctime: st.Ctim.Sec*1e9 + st.Ctim.Nsec,
		Valid: true,
	}
}
