//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
)

// isMountPoint reports whether out is a folder on another device than its
// parent: it cannot be renamed, only its contents replaced.
func isMountPoint(out string) bool {
	st, err := os.Stat(out)
	if err != nil || !st.IsDir() {
		return false
	}
	pst, err := os.Stat(filepath.Dir(out))
	if err != nil {
		return false
	}
	a, ok1 := st.Sys().(*syscall.Stat_t)
	b, ok2 := pst.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && a.Dev != b.Dev
}
