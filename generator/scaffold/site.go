package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// Site writes a starter site into dir: site.toml with one committee and
// one service, one indicator with every field explained, a few quarters of
// example figures, a home page, an about page and an accessibility
// statement to fill in. dir must not exist or must be empty. today is the
// site's "published" date. It returns the files written.
func Site(dir string, today time.Time) ([]string, error) {
	files, err := render("files/site", struct{ Published string }{date(today)})
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("%s %w and is a file; expected a new or empty folder for the site", dir, ErrExists)
	default:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		if len(entries) > 0 {
			return nil, fmt.Errorf("%s %w and is not empty; expected a new or empty folder for the site", dir, ErrExists)
		}
	}
	return writeAll(dir, files)
}
