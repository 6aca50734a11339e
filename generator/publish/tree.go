package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// manifestHead starts .kpisite-manifest; the files of the output follow,
// one a line, sorted.
const manifestHead = "# Written by kpisite build: this folder is replaced as a whole by the next build.\n# Do not keep other files here. The files of this build:\n"

// manifest lists the paths of a build, so that the output is marked as
// kpisite's. It depends only on the paths: identical builds give
// identical bytes.
func manifest(paths []string) []byte {
	var b strings.Builder
	b.WriteString(manifestHead)
	for _, p := range paths {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// readManifestSum reads the manifest of the output folder dir and its
// SHA-256 in hex: what the build cache records of OUT and of the spare,
// to know each is the folder it was written for.
func readManifestSum(dir string) (data []byte, sum string, err error) {
	data, err = os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, "", err
	}
	h := sha256.Sum256(data)
	return data, hex.EncodeToString(h[:]), nil
}

// writeTree writes files under dir in sorted order, and the manifest.
func writeTree(dir string, files map[string][]byte, o *Options) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		if !fs.ValidPath(p) || strings.Contains(p, "\\") || p == "." || p == ManifestName || isWorkName(strings.SplitN(p, "/", 2)[0]) {
			return fmt.Errorf("publish: invalid output path %q", p)
		}
		paths = append(paths, p)
	}
	sort.Strings(paths)
	if err := os.Chmod(dir, 0o755); err != nil { // os.MkdirTemp makes it 0700
		return fmt.Errorf("publish: %w", err)
	}
	for i, p := range paths {
		if i == len(paths)/2 {
			if err := o.at("writing"); err != nil {
				return err
			}
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestName), manifest(paths), 0o644); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// removeStale removes the entries of dir whose names start with prefix
// (but the path keep: this build's own, or ""): temporary folders of
// builds that were killed. The caller holds the lock, so no running build
// owns them.
func removeStale(dir, prefix, keep string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && filepath.Join(dir, e.Name()) != keep {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("publish: remove the temporary folder of an interrupted build: %w", err)
			}
		}
	}
	return nil
}
