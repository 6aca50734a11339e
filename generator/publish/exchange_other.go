//go:build !linux

package publish

// exchange is not available: the two-rename swap is used.
func exchange(a, b string) (done bool, err error) { return false, nil }
