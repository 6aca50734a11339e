//go:build !unix

package publish

// isMountPoint cannot tell here; a rename that fails with EBUSY or EXDEV
// still leads to replacing the contents.
func isMountPoint(out string) bool { return false }
