package main

import (
	"io/fs"
	"os"
)

// openSite opens the site folder as a boundary: files are read through
// os.Root, so a symbolic link that leads out of the folder cannot be
// followed (loading reports it where it is). Close the site when done.
func openSite(dir string) (*siteFS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, usageErr("site directory %s: %v", dir, err)
	}
	return &siteFS{root: root, rfs: root.FS().(rootFS), folders: newFolders()}, nil
}

// rootFS is what os.Root's FS offers.
type rootFS interface {
	fs.StatFS
	fs.ReadFileFS
	fs.ReadDirFS
	fs.ReadLinkFS
}

// siteFS is the site folder's file system: os.Root's, and a quicker way
// to read a whole file (load.WholeFileReader) that keeps the folders it
// has opened. A folder renamed or replaced while it is kept would still
// be read as it was, so the open folders last one build: serve reads each
// build through a session of its own.
type siteFS struct {
	root    *os.Root // nil in a session
	rfs     rootFS
	folders *folders
}

// session is a view of s with its own open folders, closed by Close.
func (s *siteFS) session() *siteFS {
	return &siteFS{rfs: s.rfs, folders: newFolders()}
}

// Close closes the open folders, and the root unless s is a session.
func (s *siteFS) Close() error {
	s.folders.close()
	if s.root != nil {
		return s.root.Close()
	}
	return nil
}

func (s *siteFS) Open(name string) (fs.File, error) { return s.rfs.Open(name) }

// ReadDir reads a folder's entries, through the folder kept open where
// it can.
func (s *siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if es, ok := s.folders.readDir(s.rfs, name); ok {
		return es, nil
	}
	return s.rfs.ReadDir(name)
}
func (s *siteFS) ReadFile(name string) ([]byte, error)   { return s.rfs.ReadFile(name) }
func (s *siteFS) ReadLink(name string) (string, error)   { return s.rfs.ReadLink(name) }
func (s *siteFS) Stat(name string) (fs.FileInfo, error)  { return s.rfs.Stat(name) }
func (s *siteFS) Lstat(name string) (fs.FileInfo, error) { return s.rfs.Lstat(name) }

// ReadWhole reads a whole regular file (load.WholeFileReader).
func (s *siteFS) ReadWhole(name string, max int64) ([]byte, int64, bool) {
	return s.folders.readWhole(s.rfs, name, max)
}
