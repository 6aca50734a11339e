package site

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"

	"kpisite/themes"
)

// keySalt is what goes into every page's key besides the model and the
// render options (render.Options.KeySalt): kpisite's own build (id,
// from Options.CacheID), every file under the site's themes/ folder and every
// file of the built-in theme (templates, assets, i18n words), and the
// build options that change bytes but are not in the model.
func keySalt(fsys fs.FS, o Options, id []byte) ([]byte, error) {
	var buf []byte
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	str("kpisite key salt 1")
	str(string(id))
	str(fmt.Sprint(o.SkipPNG))
	tree := func(name string, f fs.FS, root string) error {
		str(name)
		err := fs.WalkDir(f, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			str(p)
			if d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(f, p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			buf = append(buf, sum[:]...)
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) && root != "." {
			str("none")
			return nil
		}
		return err
	}
	if err := tree("site themes", fsys, "themes"); err != nil {
		return nil, fmt.Errorf("theme files: %w", err)
	}
	if err := tree("built-in theme", themes.Default(), "."); err != nil {
		return nil, fmt.Errorf("built-in theme: %w", err)
	}
	sum := sha256.Sum256(buf)
	return sum[:], nil
}
