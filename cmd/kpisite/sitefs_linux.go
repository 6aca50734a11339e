package main

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// folders keeps the site's folders open, each found once through os.Root,
// so that a file in one is opened by its own name relative to the folder
// (one openat) instead of os.Root opening and closing every folder on its
// path. The file is opened with O_NOFOLLOW: a file that is a symbolic
// link, and anything that is not a regular file, is left to os.Root (the
// caller reads it through Open), so links are followed, or refused, just
// as before. The file is read with plain system calls into a slice of its
// size: no *os.File, no registering with the network poller. A folder's
// entries are read from its handle too, their kinds from the entries
// themselves (os.Root's ReadDir asks the system about every entry).
type folders struct {
	mu   sync.Mutex
	open map[string]*folder
}

// folder is an open folder of the site, or why it could not be opened.
type folder struct {
	f  *os.File // kept, so that fd stays open
	fd int
	ok bool

	reading sync.Mutex // reading its entries moves the handle's offset
}

func newFolders() *folders { return &folders{open: map[string]*folder{}} }

func (fo *folders) close() {
	fo.mu.Lock()
	defer fo.mu.Unlock()
	for _, d := range fo.open {
		if d.f != nil {
			d.f.Close()
		}
	}
	fo.open = nil
}

// dir returns the folder dir opened through rfs (so inside the site).
func (fo *folders) dir(rfs fs.FS, dir string) (*folder, bool) {
	fo.mu.Lock()
	defer fo.mu.Unlock()
	if fo.open == nil {
		return nil, false // closed
	}
	if d, ok := fo.open[dir]; ok {
		return d, d.ok
	}
	d := &folder{}
	fo.open[dir] = d
	f, err := rfs.Open(dir)
	if err != nil {
		return nil, false
	}
	of, isFile := f.(*os.File)
	if !isFile {
		f.Close()
		return nil, false
	}
	d.f = of
	if st, err := of.Stat(); err != nil || !st.IsDir() {
		return nil, false
	}
	rc, err := of.SyscallConn()
	if err != nil {
		return nil, false
	}
	if err := rc.Control(func(fd uintptr) { d.fd = int(fd) }); err != nil {
		return nil, false
	}
	d.ok = true
	return d, true
}

// readDir reads the entries of the folder name as os.Root's ReadDir
// does, sorted by name; ok is false when it cannot (the caller then asks
// os.Root, which reports why).
func (fo *folders) readDir(rfs fs.FS, name string) ([]fs.DirEntry, bool) {
	if !fs.ValidPath(name) {
		return nil, false
	}
	d, ok := fo.dir(rfs, name)
	if !ok {
		return nil, false
	}
	d.reading.Lock()
	defer d.reading.Unlock()
	if _, err := syscall.Seek(d.fd, 0, 0); err != nil {
		return nil, false
	}
	var out []fs.DirEntry
	buf := make([]byte, 16<<10)
	for {
		n, err := syscall.ReadDirent(d.fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n <= 0 {
			break
		}
		// struct linux_dirent64: ino (8 bytes), offset (8), length of
		// the record (2), type (1), name (ending in a NUL byte).
		for b := buf[:n]; len(b) > 0; {
			if len(b) < 19 {
				return nil, false
			}
			size := int(binary.NativeEndian.Uint16(b[16:18]))
			if size < 19 || size > len(b) {
				return nil, false
			}
			ino, typ, nm := binary.NativeEndian.Uint64(b[0:8]), b[18], b[19:size]
			b = b[size:]
			if i := slices.Index(nm, 0); i >= 0 {
				nm = nm[:i]
			}
			e := &dirEntry{rfs: rfs, dir: name, name: string(nm)}
			if ino == 0 || e.name == "." || e.name == ".." {
				continue // as os skips them
			}
			if e.typ, ok = direntType(typ); !ok {
				info, err := fs.Lstat(rfs, e.path())
				if err != nil {
					return nil, false
				}
				e.typ = info.Mode().Type()
			}
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, true
}

// direntType is the kind of file of a d_type; false when it is unknown.
func direntType(t byte) (fs.FileMode, bool) {
	switch t {
	case syscall.DT_REG:
		return 0, true
	case syscall.DT_DIR:
		return fs.ModeDir, true
	case syscall.DT_LNK:
		return fs.ModeSymlink, true
	case syscall.DT_FIFO:
		return fs.ModeNamedPipe, true
	case syscall.DT_SOCK:
		return fs.ModeSocket, true
	case syscall.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, true
	case syscall.DT_BLK:
		return fs.ModeDevice, true
	}
	return 0, false
}

// dirEntry is an entry of a folder of the site; its Info is asked of
// os.Root when it is wanted.
type dirEntry struct {
	rfs       fs.FS
	dir, name string
	typ       fs.FileMode
}

func (e *dirEntry) path() string {
	if e.dir == "." {
		return e.name
	}
	return e.dir + "/" + e.name
}

func (e *dirEntry) Name() string               { return e.name }
func (e *dirEntry) IsDir() bool                { return e.typ.IsDir() }
func (e *dirEntry) Type() fs.FileMode          { return e.typ }
func (e *dirEntry) Info() (fs.FileInfo, error) { return fs.Lstat(e.rfs, e.path()) }
func (e *dirEntry) String() string             { return fs.FormatDirEntry(e) }

func (fo *folders) readWhole(rfs fs.FS, name string, max int64) ([]byte, int64, bool) {
	if !fs.ValidPath(name) || name == "." {
		return nil, 0, false
	}
	d, ok := fo.dir(rfs, path.Dir(name))
	if !ok {
		return nil, 0, false
	}
	dfd := d.fd
	var fd int
	var err error
	for {
		// O_NONBLOCK: a named pipe must not block the open (it is left
		// to os.Root, as every file that is not regular is).
		fd, err = syscall.Openat(dfd, path.Base(name), syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, 0, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, 0, false
	}
	if st.Size > max {
		return nil, st.Size, true
	}
	// Read up to the size found: a file that grows meanwhile is read as
	// it was when it was opened, never beyond max.
	b := make([]byte, st.Size)
	for n := 0; n < len(b); {
		m, err := syscall.Read(fd, b[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, 0, false
		case m == 0: // it has shrunk
			return b[:n], int64(n), true
		}
		n += m
	}
	return b, st.Size, true
}
