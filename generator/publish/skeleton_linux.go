package publish

import (
	"path"

	"golang.org/x/sys/unix"
)

const skeletonOK = true

// run makes the folders queued, each relative to an open descriptor of
// its parent and never through a symbolic link, until the skeleton is
// closed. A folder that cannot be made fails the skeleton (it is then
// removed, not kept).
func (k *skeleton) run() {
	root, err := openRetry(unix.AT_FDCWD, k.tmp, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		k.failed = true
	}
	fds := map[string]int{".": root}
	defer func() {
		for _, fd := range fds {
			if fd >= 0 {
				unix.Close(fd)
			}
		}
	}()
	// open is the descriptor of the folder d, made before.
	var open func(d string) (int, bool)
	open = func(d string) (int, bool) {
		if fd, ok := fds[d]; ok {
			return fd, fd >= 0
		}
		parent, ok := open(path.Dir(d))
		if !ok {
			return -1, false
		}
		fd, err := openRetry(parent, path.Base(d), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			fd = -1
		}
		fds[d] = fd
		return fd, fd >= 0
	}
	for {
		q := k.next()
		if len(q) == 0 {
			return
		}
		if k.failed {
			continue // taken and dropped, so that close does not wait
		}
		for _, d := range q {
			parent, ok := open(path.Dir(d))
			if !ok || k.made[d] {
				k.failed = true
				break
			}
			base := path.Base(d)
			if err := ignoringEINTR(func() error { return unix.Mkdirat(parent, base, 0o755) }); err != nil {
				k.failed = true
				break
			}
			k.made[d] = true
		}
	}
}
