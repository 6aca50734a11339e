//go:build !linux

package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// dirCache records the folders made under the temporary folder, to spare
// a stat per file. (Linux keeps their descriptors: write_linux.go.)
type dirCache struct {
	m sync.Map
}

// writeFile creates the new file p (slash-separated, valid) under the
// temporary folder and writes data into it. A file that exists already is
// never written through (it may be a hard link to OUT's file, kept from
// the previous build): that is the error "two files write p".
func (s *Stream) writeFile(p string, data []byte) error {
	full := filepath.Join(s.tmp, filepath.FromSlash(p))
	if err := s.mkdirFor(full); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("publish: two files write %s", p)
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	s.count(0, 0, 1)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("publish: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// createFile is Create's file on disk.
func (s *Stream) createFile(p string) (io.WriteCloser, error) {
	full := filepath.Join(s.tmp, filepath.FromSlash(p))
	if err := s.mkdirFor(full); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("publish: two files write %s", p)
	}
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	s.count(0, 0, 1)
	return f, nil
}

// linkFile makes p under the temporary folder a hard link to src (a file
// of OUT), or a copy of it where links fail (copied reports which).
func (s *Stream) linkFile(src, p string) (copied bool, err error) {
	dst := filepath.Join(s.tmp, filepath.FromSlash(p))
	if err := s.mkdirFor(dst); err != nil {
		return false, err
	}
	if err := os.Link(src, dst); err != nil {
		return true, copyFile(src, dst)
	}
	return false, nil
}

// closeDirs does nothing: no folder is kept open.
func (s *Stream) closeDirs() {}

// mkdirFor makes the folder of a file under the temporary folder.
func (s *Stream) mkdirFor(full string) error {
	dir := filepath.Dir(full)
	if dir == s.tmp {
		return nil
	}
	if _, made := s.dirs.m.Load(dir); made {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s.dirs.m.Store(dir, true)
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	return out.Close()
}
