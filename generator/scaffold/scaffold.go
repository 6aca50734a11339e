// Package scaffold writes the starting files of a site (kpisite new site)
// and of an indicator (kpisite new indicator). It never overwrites: every
// file is created exclusively, and each function checks all the files it
// would write before writing any.
//
// The files are embedded from files/: files/site/ is the starter site,
// files/indicator/ the indicator skeleton. A name ending in ".tmpl" is a
// text/template, executed and written without the suffix; other files are
// copied as they are.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"time"
)

//go:embed all:files
var embedded embed.FS

// ErrExists is returned (wrapped) when a file or folder scaffold would
// write already exists.
var ErrExists = errors.New("already exists")

// ErrInvalidID is returned (wrapped) for an indicator id that is not a slug.
var ErrInvalidID = errors.New("invalid id")

// file is one file to write: its path under the target folder
// (slash-separated) and its content.
type file struct {
	path string
	data []byte
}

// render executes or copies the embedded files under root.
func render(root string, data any) ([]file, error) {
	var out []file
	err := fs.WalkDir(embedded, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := embedded.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, root+"/")
		if strings.HasSuffix(rel, ".tmpl") {
			t, err := template.New(path.Base(p)).Option("missingkey=error").Parse(string(src))
			if err != nil {
				return fmt.Errorf("scaffold: %s: %w", p, err)
			}
			var b bytes.Buffer
			if err := t.Execute(&b, data); err != nil {
				return fmt.Errorf("scaffold: %s: %w", p, err)
			}
			rel, src = strings.TrimSuffix(rel, ".tmpl"), b.Bytes()
		}
		out = append(out, file{path: rel, data: src})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, err
}

// refuseExisting fails with ErrExists if any of files exists under dir.
func refuseExisting(dir string, files []file) error {
	var found []string
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.path))
		if _, err := os.Lstat(full); err == nil {
			found = append(found, full)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(found) > 0 {
		return fmt.Errorf("%s %w; kpisite never overwrites a file (remove it, or choose another id)", strings.Join(found, " and "), ErrExists)
	}
	return nil
}

// writeAll creates files under dir, each exclusively, and returns their
// paths. Folders are created as needed.
func writeAll(dir string, files []file) ([]string, error) {
	var written []string
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return written, err
		}
		w, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			if errors.Is(err, fs.ErrExist) {
				return written, fmt.Errorf("%s %w; kpisite never overwrites a file", full, ErrExists)
			}
			return written, err
		}
		_, err = w.Write(f.data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, err
		}
		written = append(written, full)
	}
	return written, nil
}

// date formats t as a TOML local date.
func date(t time.Time) string { return t.Format("2006-01-02") }
