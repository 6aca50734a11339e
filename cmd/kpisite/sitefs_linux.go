package main

import (
	"io/fs"
	"os"
	"path"
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
// size: no *os.File, no registering with the network poller.
type folders struct {
	mu   sync.Mutex
	open map[string]*folder
}

// folder is an open folder of the site, or why it could not be opened.
type folder struct {
	f  *os.File // kept, so that fd stays open
	fd int
	ok bool
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
func (fo *folders) dir(rfs fs.FS, dir string) (int, bool) {
	fo.mu.Lock()
	defer fo.mu.Unlock()
	if fo.open == nil {
		return 0, false // closed
	}
	if d, ok := fo.open[dir]; ok {
		return d.fd, d.ok
	}
	d := &folder{}
	fo.open[dir] = d
	f, err := rfs.Open(dir)
	if err != nil {
		return 0, false
	}
	of, isFile := f.(*os.File)
	if !isFile {
		f.Close()
		return 0, false
	}
	d.f = of
	if st, err := of.Stat(); err != nil || !st.IsDir() {
		return 0, false
	}
	rc, err := of.SyscallConn()
	if err != nil {
		return 0, false
	}
	if err := rc.Control(func(fd uintptr) { d.fd = int(fd) }); err != nil {
		return 0, false
	}
	d.ok = true
	return d.fd, true
}

func (fo *folders) readWhole(rfs fs.FS, name string, max int64) ([]byte, int64, bool) {
	if !fs.ValidPath(name) || name == "." {
		return nil, 0, false
	}
	dfd, ok := fo.dir(rfs, path.Dir(name))
	if !ok {
		return nil, 0, false
	}
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
