// Package publish writes a rendered site to disk so that a failure at any
// point leaves the previous output exactly as it was.
//
// The new site is written to a sibling directory of OUT
// (OUT.kpisite-new), then swapped in: OUT is renamed to OUT.kpisite-old,
// the new directory to OUT, and the old one removed. Files an earlier
// build wrote that this build does not produce are therefore gone. If the
// second rename fails the first is undone. Between the two renames (a few
// microseconds) OUT does not exist; a web server reading it then gets a
// 404, never a mixture of old and new files.
//
// To avoid replacing a directory that is not a site (say -o $HOME by
// mistake), an existing OUT must be empty or contain index.html.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Write publishes files (slash-separated paths relative to out) to out.
func Write(out string, files map[string][]byte) error {
	out = filepath.Clean(out)
	if err := checkTarget(out); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	tmp := out + ".kpisite-new"
	old := out + ".kpisite-old"
	for _, leftover := range []string{tmp, old} {
		if err := os.RemoveAll(leftover); err != nil {
			return fmt.Errorf("publish: remove leftover %s: %w", leftover, err)
		}
	}
	if err := writeTree(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	_, statErr := os.Stat(out)
	exists := statErr == nil
	if exists {
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("publish: move previous site aside: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if exists {
			if rerr := os.Rename(old, out); rerr != nil {
				return fmt.Errorf("publish: %v; and restoring the previous site failed: %v (it is in %s)", err, rerr, old)
			}
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: swap in new site: %w", err)
	}
	if exists {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("publish: remove previous site: %w", err)
		}
	}
	return nil
}

// checkTarget refuses to replace a directory that does not look like a
// kpisite output.
func checkTarget(out string) error {
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("publish: %s is a file; expected a directory for the site", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("publish: %s is not empty and has no index.html, so it does not look like a site kpisite built; refusing to replace it (choose another -o directory, or empty it)", out)
	}
	return nil
}

// writeTree writes files under dir in sorted order.
func writeTree(dir string, files map[string][]byte) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	for _, p := range paths {
		if !fs.ValidPath(p) || strings.Contains(p, "\\") {
			return fmt.Errorf("publish: invalid output path %q", p)
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	return nil
}
