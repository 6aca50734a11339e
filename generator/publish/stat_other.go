//go:build !linux

package publish

// statID: outside Linux kpisite does not read file identities, so no
// page is ever kept from a previous build (every build is cold).
func statID(path string) (fileID, error) { return fileID{}, nil }

// dirID: no identities outside Linux, so no spare site is ever used.
func dirID(path string) (fileID, error) { return fileID{}, nil }
