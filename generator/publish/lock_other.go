//go:build !unix && !windows

package publish

import "os"

// tryLock cannot lock on this system: builds are not kept apart.
func tryLock(f *os.File) error { return nil }
