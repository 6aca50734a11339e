package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// outsideSite reports whether err is os.Root refusing a path that leads
// out of the site through a symbolic link (the CLI opens the site with
// os.Root). os.Root's error is not exported; its text is fixed.
func outsideSite(err error) bool {
	return err != nil && !errors.Is(err, fs.ErrNotExist) && strings.Contains(err.Error(), "path escapes from parent")
}

// errLinkOut is a theme file that links out of the site. Its message names
// the file and nothing of what it points to.
type errLinkOut struct{ path string }

func (e errLinkOut) Error() string {
	return fmt.Sprintf("%s: is a link to a file outside the site folder; kpisite reads only files inside the site folder, so copy the file into the theme instead", e.path)
}

func linkOut(dir, p string) error { return errLinkOut{path.Join(dir, p)} }
