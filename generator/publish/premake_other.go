//go:build !linux

package publish

// makeFolders makes nothing: outside Linux a build keeps no pages (there
// are no file identities), so it has no folders to make ahead.
func makeFolders(tmp string, dirs []string, stop func() bool) {}
