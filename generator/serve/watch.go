package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch rebuilds the site whenever its inputs change, until ctx is done.
//
// With Config.Dir set it waits for the operating system's file
// notifications (fsnotify) on the folders of the inputs, and once they
// have been quiet for Config.Settle it compares the inputs with the last
// build (Poll), so a burst of events (an editor's save is several, or a
// save-by-rename: write a temporary file, then rename it over the old one)
// gives one rebuild, and events on files that are not inputs (swap files,
// public/) give none. A folder created under a watched one is watched too.
//
// It polls every Config.Interval instead when Config.Poll is set, when
// Config.Dir is empty, or when notifications cannot be had (no support in
// the operating system, or its limit on watches reached). It says which
// on Config.Log.
func (s *Server) Watch(ctx context.Context) {
	if s.cfg.Inputs == nil {
		return
	}
	if s.cfg.Dir == "" || s.cfg.Poll {
		fmt.Fprintf(s.cfg.Log, "watching for changes: polling every %s\n", s.cfg.Interval)
		s.pollLoop(ctx)
		return
	}
	w, err := s.newWatcher()
	if err == nil {
		err = s.syncWatches(w)
		if err != nil {
			w.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(s.cfg.Log, "watching for changes: file notifications are not available (%v); polling every %s instead\n", err, s.cfg.Interval)
		s.pollLoop(ctx)
		return
	}
	defer w.Close()
	fmt.Fprintln(s.cfg.Log, "watching for changes: file notifications")
	s.notifyLoop(ctx, w)
}

// pollLoop polls the inputs every Config.Interval.
func (s *Server) pollLoop(ctx context.Context) {
	t := time.NewTicker(s.cfg.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.Poll()
		}
	}
}

// notifyLoop waits for notifications, and Settle after the last of a
// burst brings the watched folders up to date and polls. A burst that
// goes on (a program writing files without a pause) is polled at least
// every 10 × Settle. An error from the watcher (the kernel's queue
// overflowed) polls as well, so a lost event cannot leave the preview out
// of date.
func (s *Server) notifyLoop(ctx context.Context, w *fsnotify.Watcher) {
	settle := time.NewTimer(time.Hour)
	settle.Stop()
	defer settle.Stop()
	var burst time.Time // when the pending burst started; zero when none
	wake := func() {
		if burst.IsZero() {
			burst = time.Now()
		} else if time.Since(burst) > 10*s.cfg.Settle {
			return // let the timer fire
		}
		settle.Reset(s.cfg.Settle)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-w.Events:
			if !ok {
				return
			}
			wake()
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				fmt.Fprintf(s.cfg.Log, "watching for changes: %v\n", err)
			}
			wake()
		case <-settle.C:
			burst = time.Time{}
			// New folders are watched before the inputs are compared, so
			// a file saved in one after the comparison still notifies.
			if err := s.syncWatches(w); err != nil {
				fmt.Fprintf(s.cfg.Log, "watching for changes: %v\n", err)
			}
			s.Poll()
		}
	}
}

// syncWatches makes w watch exactly the folders of the inputs: Dir
// itself (where site.toml is made, replaced or removed), and every folder
// of Paths that is not hidden. A watch on a folder that no longer exists,
// or was renamed, is removed.
func (s *Server) syncWatches(w *fsnotify.Watcher) error {
	want := map[string]bool{s.cfg.Dir: true}
	for _, dir := range watchedDirs(s.cfg.Inputs, s.cfg.Paths) {
		want[filepath.Join(s.cfg.Dir, filepath.FromSlash(dir))] = true
	}
	for _, have := range w.WatchList() {
		if !want[have] {
			w.Remove(have) // the folder is gone: nothing to report
		}
		delete(want, have)
	}
	add := make([]string, 0, len(want))
	for dir := range want {
		add = append(add, dir)
	}
	sort.Strings(add)
	for _, dir := range add {
		// A folder removed since the walk needs no watch; Dir itself must
		// be there.
		if err := w.Add(dir); err != nil && (dir == s.cfg.Dir || !errors.Is(err, fs.ErrNotExist)) {
			return fmt.Errorf("watch %s: %w", dir, err)
		}
	}
	return nil
}

// watchedDirs are the folders of fsys to watch for changes to paths: each
// path that is a folder and every folder under it that is not hidden, and
// the parent folder of each path that is a file or does not exist yet.
func watchedDirs(fsys fs.FS, paths []string) []string {
	var dirs []string
	for _, root := range paths {
		info, err := fs.Stat(fsys, root)
		if err != nil || !info.IsDir() {
			if parent := path.Dir(root); parent != "." {
				if info, err := fs.Stat(fsys, parent); err == nil && info.IsDir() {
					dirs = append(dirs, parent)
				}
			}
			continue
		}
		fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			dirs = append(dirs, p)
			return nil
		})
	}
	return dirs
}
