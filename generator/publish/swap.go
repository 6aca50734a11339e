package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// errCannotRename: OUT cannot be renamed (a mount point).
var errCannotRename = errors.New("the output folder cannot be renamed")

// swap puts the complete site in tmp in place of out and removes the
// previous site, or, when spare is set and the folders could be exchanged
// atomically, moves it there (kept reports that it did).
func swap(out, tmp string, o *Options, spare string) (kept bool, err error) {
	if err := o.at("swap"); err != nil {
		return false, err
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			os.RemoveAll(tmp)
			return false, fmt.Errorf("publish: move the new site into place: %w", err)
		}
		return false, o.at("swapped")
	}
	if !o.noExchange {
		done, err := exchange(tmp, out)
		if err != nil {
			if cannotRename(err) {
				return false, errCannotRename // the caller removes tmp
			}
			os.RemoveAll(tmp)
			return false, fmt.Errorf("publish: swap in the new site: %w", err)
		}
		if done {
			// tmp now holds the previous site. If this is killed before it
			// is removed or kept, the next build removes it (removeStale).
			if err := o.at("swapped"); err != nil {
				return false, err
			}
			if spare != "" {
				os.RemoveAll(spare)
				if os.Rename(tmp, spare) == nil {
					return true, o.at("spared")
				}
			}
			os.RemoveAll(tmp)
			return false, nil
		}
	}
	return false, swapByRenames(out, tmp, o)
}

// swapByRenames is swap where folders cannot be exchanged: two renames.
func swapByRenames(out, tmp string, o *Options) error {
	old := out + oldSuffix
	if err := os.Rename(out, old); err != nil {
		if cannotRename(err) {
			return errCannotRename // the caller removes tmp
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: move the previous site aside: %w", err)
	}
	if err := o.at("parked"); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("publish: swap in the new site: %v; and putting the previous site back failed: %v (the next build puts it back from %s)", err, rerr, old)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: swap in the new site: %w", err)
	}
	if err := o.at("swapped"); err != nil {
		return err
	}
	// Rename before removing, so that a kill while removing leaves a
	// temporary folder (removed by the next build), never a half-removed
	// OUT.kpisite-old that step 1 would put back.
	if err := os.Rename(old, tmp); err == nil {
		os.RemoveAll(tmp)
	}
	return nil
}

// cannotRename reports whether err means a folder cannot be renamed
// because it is a mount point.
func cannotRename(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV)
}

// recoverSwap repairs a swap that a killed build left half done.
func recoverSwap(out string, o *Options) error {
	old := out + oldSuffix
	if _, err := os.Lstat(old); err != nil {
		return nil
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(old, out); err != nil {
			return fmt.Errorf("publish: an earlier build was interrupted, and putting its previous site back from %s failed: %w", old, err)
		}
		o.logf("publish: an earlier build was interrupted while publishing; put the previous site back into %s", out)
		return nil
	}
	// The new site was in place; only removing the old one was left.
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("publish: remove the previous site left by an interrupted build: %w", err)
	}
	return nil
}
