package main

import (
	"io/fs"
	"os"
)

// openSite opens the site folder as a boundary: files are read through
// os.Root, so a symbolic link that leads out of the folder cannot be
// followed (loading reports it where it is). Close the Root when done.
func openSite(dir string) (fs.FS, *os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, usageErr("site directory %s: %v", dir, err)
	}
	return root.FS(), root, nil
}
