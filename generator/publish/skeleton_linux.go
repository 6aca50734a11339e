package publish

import (
	"path"
	"runtime"

	"golang.org/x/sys/unix"
)

const skeletonOK = true

// run makes the folders queued, each relative to an open descriptor of
// its parent and never through a symbolic link, until the skeleton is
// closed. A folder that cannot be made fails the skeleton (it is then
// removed, not kept). It runs on a thread of its own at the lowest
// priority (nice 19), so that it takes only what rendering leaves of the
// processor: making a folder is mostly the kernel's work, about as dear
// as rendering a small page, and the cold build must not wait for it.
// The thread is never given back to the Go runtime: the goroutine ends
// locked to it, and the runtime then ends the thread.
func (k *skeleton) run() {
	runtime.LockOSThread()
	_ = unix.Setpriority(unix.PRIO_PROCESS, unix.Gettid(), 19)
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
			if k.stop.Load() {
				break
			}
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
