package load

import (
	"errors"
	"io/fs"
	"strings"

	"kpisite/generator/model"
)

// The site folder is a boundary: the CLI opens it with os.Root, whose
// file system refuses any path that leads out of the folder through a
// symbolic link. Such a file is reported where it is, and nothing of what
// it points to is read or quoted.

// outsideSite reports whether err is os.Root refusing a path that leads
// out of the site. os.Root's error is not exported; its text is fixed.
func outsideSite(err error) bool {
	return err != nil && !errors.Is(err, fs.ErrNotExist) && strings.Contains(err.Error(), "path escapes from parent")
}

// readError reports a file or folder that cannot be read.
func readError(ps *model.Problems, name, what string, err error) {
	if outsideSite(err) {
		ps.Errorf(model.Position{Path: name}, "is a link to a %s outside the site folder; kpisite reads only files inside the site folder, so copy the %s into the site instead", what, what)
		return
	}
	ps.Errorf(model.Position{Path: name}, "cannot read %s: %v; expected a readable %s", what, err, what)
}
