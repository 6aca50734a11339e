package serve

import (
	"errors"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// stat is what the watcher compares of a file.
type stat struct {
	size int64
	mod  time.Time
	mode fs.FileMode
	err  string // the file or folder could not be read
}

// snapshot is the stat of every input file, by path.
type snapshot map[string]stat

// scan walks paths of fsys. Hidden files and folders (".git", an editor's
// ".swp") are skipped, as the loader skips them; a path that does not
// exist is simply absent.
func scan(fsys fs.FS, paths []string) snapshot {
	snap := snapshot{}
	for _, root := range paths {
		fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					snap[p] = stat{err: err.Error()}
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil // adding or removing a file shows in its own path
			}
			info, err := d.Info()
			if err != nil {
				snap[p] = stat{err: err.Error()}
				return nil
			}
			snap[p] = stat{size: info.Size(), mod: info.ModTime(), mode: info.Mode()}
			return nil
		})
	}
	return snap
}

// diff returns the sorted paths that were added, removed or changed
// between old and now.
func diff(old, now snapshot) []string {
	var changed []string
	for p, st := range now {
		if o, ok := old[p]; !ok || !o.mod.Equal(st.mod) || o.size != st.size || o.mode != st.mode || o.err != st.err {
			changed = append(changed, p)
		}
	}
	for p := range old {
		if _, ok := now[p]; !ok {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
}
