package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// writeInPlace publishes into an OUT that cannot be renamed (a mount
// point) by replacing its entries. The caller holds the lock.
func writeInPlace(out string, files map[string][]byte, o *Options) error {
	if err := recoverInPlace(out, o); err != nil {
		return err
	}
	if err := checkTarget(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := removeStale(out, newSuffix, ""); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(out, newSuffix+"-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := writeTree(tmp, files, o); err != nil {
		if !isStopped(err) {
			os.RemoveAll(tmp)
		}
		return err
	}
	if err := o.at("swap"); err != nil {
		return err
	}
	park, old := filepath.Join(out, parkSuffix), filepath.Join(out, oldSuffix)
	if err := os.Mkdir(park, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	if err := moveEntries(out, park, o, "parking"); err != nil {
		if !isStopped(err) {
			os.RemoveAll(tmp)
			if rerr := recoverInPlace(out, o); rerr != nil {
				return fmt.Errorf("publish: move the previous site aside: %v; %v", err, rerr)
			}
		}
		return fmt.Errorf("publish: move the previous site aside: %w", err)
	}
	// Once every old entry is parked, the parking folder becomes
	// .kpisite-old in one rename: recovery then knows OUT holds only new
	// entries.
	if err := os.Rename(park, old); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := o.at("parked"); err != nil {
		return err
	}
	if err := moveEntries(tmp, out, o, "moving"); err != nil {
		if !isStopped(err) {
			if rerr := recoverInPlace(out, o); rerr != nil {
				return fmt.Errorf("publish: move the new site in: %v; %v", err, rerr)
			}
			os.RemoveAll(tmp)
		}
		return fmt.Errorf("publish: move the new site in: %w", err)
	}
	if err := o.at("swapped"); err != nil {
		return err
	}
	trash := tmp + "-old"
	if err := os.Rename(old, trash); err == nil {
		os.RemoveAll(trash)
	}
	os.RemoveAll(tmp)
	return nil
}

// moveEntries moves every entry of from, except kpisite's own working
// names, into to. It calls the step hook after the first entry.
func moveEntries(from, to string, o *Options, step string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	moved := 0
	for _, e := range entries {
		if isWorkName(e.Name()) {
			continue
		}
		if err := os.Rename(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return err
		}
		if moved++; moved == 1 {
			if err := o.at(step); err != nil {
				return err
			}
		}
	}
	return nil
}

// recoverInPlace undoes a replacement of OUT's entries that a killed
// build left half done.
func recoverInPlace(out string, o *Options) error {
	park, old := filepath.Join(out, parkSuffix), filepath.Join(out, oldSuffix)
	if _, err := os.Lstat(park); err == nil {
		// Killed while parking: OUT holds the rest of the old entries.
		if err := moveEntries(park, out, &Options{}, ""); err != nil {
			return fmt.Errorf("publish: an earlier build was interrupted, and putting its previous site back from %s failed: %w", park, err)
		}
		if err := os.Remove(park); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		o.logf("publish: an earlier build was interrupted while publishing; put the previous site back into %s", out)
		return nil
	}
	if _, err := os.Lstat(old); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	// Killed while moving the new entries in: remove them, put the old
	// ones back.
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	for _, e := range entries {
		if !isWorkName(e.Name()) {
			if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
				return fmt.Errorf("publish: an earlier build was interrupted: %w", err)
			}
		}
	}
	if err := moveEntries(old, out, &Options{}, ""); err != nil {
		return fmt.Errorf("publish: an earlier build was interrupted, and putting its previous site back from %s failed: %w", old, err)
	}
	if err := os.Remove(old); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	o.logf("publish: an earlier build was interrupted while publishing; put the previous site back into %s", out)
	return nil
}
