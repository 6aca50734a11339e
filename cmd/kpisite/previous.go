package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"kpisite/generator/site"
)

// readPrevious reads the previous release's data/all.csv and
// changes/releases.json, for "What changed": from --previous FILE (and
// --previous-releases FILE, else releases.json beside FILE) when given,
// else from OUT before this build replaces it. A file that is not there
// is no previous release; a --previous file that is not there is a usage
// error (a typo must not start the history again).
func readPrevious(out, prevFile, prevReleases string) (site.Previous, error) {
	var p site.Previous
	all, releases := filepath.Join(out, "data", "all.csv"), filepath.Join(out, "changes", "releases.json")
	if prevFile != "" {
		all = prevFile
		releases = filepath.Join(filepath.Dir(prevFile), "releases.json")
	}
	if prevReleases != "" {
		releases = prevReleases
	}
	var err error
	if p.AllCSV, err = readOptional(all); err != nil {
		return p, err
	}
	if p.AllCSV == nil && prevFile != "" {
		return p, usageErr("--previous %s: no such file; expected the previous release's data/all.csv", prevFile)
	}
	if p.Releases, err = readOptional(releases); err != nil {
		return p, err
	}
	if p.Releases == nil && prevReleases != "" {
		return p, usageErr("--previous-releases %s: no such file; expected the previous release's changes/releases.json", prevReleases)
	}
	p.AllCSVName, p.ReleasesName = filepath.ToSlash(all), filepath.ToSlash(releases)
	return p, nil
}

// readOptional reads a file; nil when there is none.
func readOptional(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &exitError{code: exitInput, msg: "read the previous release: " + err.Error()}
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}
