package publish

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps two folders atomically with renameat2(RENAME_EXCHANGE).
// done is false when the file system or kernel cannot do it.
func exchange(a, b string) (done bool, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) {
		return false, nil
	}
	return err == nil, err
}
