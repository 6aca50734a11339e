package opensdg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// ErrExists is returned (wrapped) when the site folder already holds
// something: an import never writes over a site.
var ErrExists = errors.New("already exists")

// WriteSite writes files into dir, which must not exist or must be an
// empty folder. Every file is created exclusively. It returns the paths
// written, in order.
func WriteSite(dir string, files map[string][]byte) ([]string, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("%s %w and is a file; expected a new or empty folder for the site (an import never writes over a site)", dir, ErrExists)
	default:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		if len(entries) > 0 {
			return nil, fmt.Errorf("%s %w and is not empty; expected a new or empty folder for the site (an import never writes over a site: import into a new folder and copy what you need)", dir, ErrExists)
		}
	}
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	var written []string
	for _, p := range names {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return written, err
		}
		f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return written, err
		}
		_, err = f.Write(files[p])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, err
		}
		written = append(written, full)
	}
	return written, nil
}
