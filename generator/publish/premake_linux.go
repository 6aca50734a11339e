package publish

import (
	"errors"
	"path"
	"sort"

	"golang.org/x/sys/unix"
)

// makeFolders makes, under the new temporary folder tmp, the folders dirs
// (slash-separated, "." excluded), parents first, each relative to an open
// descriptor of its parent and never through a symbolic link. It stops at
// once when stop reports true. A folder that cannot be made is left out
// with its subfolders (a build makes any it needs as it writes).
func makeFolders(tmp string, dirs []string, stop func() bool) {
	sort.Strings(dirs) // a parent sorts before its subfolders
	parents := map[string]bool{}
	for _, d := range dirs {
		parents[path.Dir(d)] = true
	}
	root, err := openRetry(unix.AT_FDCWD, tmp, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	fds := map[string]int{".": root}
	defer func() {
		for _, fd := range fds {
			unix.Close(fd)
		}
	}()
	for _, d := range dirs {
		if stop() {
			return
		}
		parent, ok := fds[path.Dir(d)]
		if !ok {
			continue
		}
		base := path.Base(d)
		err := ignoringEINTR(func() error { return unix.Mkdirat(parent, base, 0o755) })
		if err != nil && !errors.Is(err, unix.EEXIST) {
			continue
		}
		if parents[d] {
			fd, err := openRetry(parent, base, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
			if err == nil {
				fds[d] = fd
			}
		}
	}
}
