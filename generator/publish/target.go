package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// refuseSource refuses an OUT that is the site folder or a folder above
// it: replacing it would delete the site's own files. Folders are compared
// with os.SameFile, so another spelling of the same folder (a link, a
// different case on macOS or Windows) is caught too.
func refuseSource(out, site string) error {
	if site == "" {
		return nil
	}
	outSt, err := os.Stat(out)
	if err != nil {
		return nil // OUT does not exist, so it holds nothing
	}
	siteAbs, err := filepath.Abs(site)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if s, err := filepath.EvalSymlinks(siteAbs); err == nil {
		siteAbs = s
	}
	for d := siteAbs; ; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && os.SameFile(st, outSt) {
			if d == siteAbs {
				return fmt.Errorf("publish: the output folder %s is the site folder itself; publishing replaces the output folder as a whole, which would delete the site's files. Leave out -o to build into SITE/public, or give another folder", out)
			}
			return fmt.Errorf("publish: the output folder %s holds the site folder %s; publishing replaces the output folder as a whole, which would delete the site. Leave out -o to build into SITE/public, or give a folder of its own", out, siteAbs)
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// isWorkName reports whether name is one of the names kpisite itself keeps
// inside a mount-point OUT while publishing.
func isWorkName(name string) bool {
	return name == lockSuffix || name == oldSuffix || name == parkSuffix || name == spareSuffix || strings.HasPrefix(name, newSuffix)
}

// generatorMark is in the head of every page kpisite has made, including
// outputs of versions that wrote no manifest.
var generatorMark = []byte(`<meta name="generator" content="kpisite`)

// checkTarget refuses to replace a folder that does not look like a
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
		return fmt.Errorf("publish: %s is a file; expected a folder for the site (give another -o, or remove the file)", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	empty := true
	for _, e := range entries {
		switch {
		case e.Name() == ".git" || e.Name() == "site.toml":
			return fmt.Errorf("publish: %s holds %s, so it is a site or a repository, not a folder kpisite built; refusing to replace it. Give -o a folder of its own, such as SITE/public (the default)", out, e.Name())
		case !isWorkName(e.Name()):
			empty = false
		}
	}
	if empty {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(out, ManifestName)); err == nil {
		return nil
	}
	if madeByKpisite(filepath.Join(out, "index.html")) {
		return nil // an output of a version that wrote no manifest
	}
	return fmt.Errorf("publish: %s is not empty and is not a folder kpisite built (it has no %s, and no index.html made by kpisite); refusing to replace it. Give -o another folder, or empty this one if nothing in it is needed", out, ManifestName)
}

// madeByKpisite reports whether the page at p has kpisite's generator
// meta tag in its first few kilobytes.
func madeByKpisite(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], generatorMark)
}
