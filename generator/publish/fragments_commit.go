package publish

import (
	"errors"
	"os"
	"slices"
)

// How a build stores its fragments for the next (fragments.go): by
// appending to the store in place, or by writing a whole new one.

// Commit stores this build's fragments, and those of the previous
// store's groups that are live but were not rendered, for the next build:
// by appending to the store, or by writing a new one (see the format in
// fragments.go). The build must hold the build lock (publish.Open), so that no
// other build appends at the same time; pieces are content-addressed, so
// a build that commits its store and then fails to publish leaves only
// pieces no page shows. A store that could not be written is removed (its
// fragments are never wrong, but might no longer be shown anywhere).
func (f *Fragments) Commit() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	defer f.closeOld()
	groups := f.entries
	for g, es := range f.groups {
		if f.live[g] && len(f.entries[g]) == 0 {
			groups[g] = es
		}
	}
	if f.err == nil && f.tmp == nil && f.unchanged(groups) {
		return nil
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	slices.Sort(names)
	if f.err == nil && f.tmp == nil && f.appendable(groups) {
		err := f.append(names, groups)
		if err == nil {
			removeStaleFragmentTemps(f.out)
			return nil
		}
		f.err = nil
	}
	if f.err == nil {
		f.rewrite(names, groups)
	}
	if f.err != nil {
		f.abort()
		os.Remove(f.out + fragmentsSuffix)
		return f.err
	}
	name := f.tmp.Name()
	if err := f.tmp.Close(); err != nil {
		f.tmp = nil
		os.Remove(name)
		return err
	}
	f.tmp = nil
	if err := os.Rename(name, f.out+fragmentsSuffix); err != nil {
		os.Remove(name)
		return err
	}
	removeStaleFragmentTemps(f.out)
	return nil
}

// unchanged says whether the old store already lists exactly the pieces
// of groups, in any order (under mu): a build that rendered nothing new and dropped no
// group leaves it as it is.
func (f *Fragments) unchanged(groups map[string][]fragEntry) bool {
	if f.old == nil || f.fresh != 0 || len(groups) != len(f.groups) {
		return false
	}
	in := map[string]map[[32]byte]bool{}
	for g, es := range f.groups {
		in[g] = make(map[[32]byte]bool, len(es))
		for _, e := range es {
			in[g][e.key] = true
		}
	}
	for g, es := range groups {
		if len(es) != len(in[g]) {
			return false
		}
		for _, e := range es {
			if !in[g][e.key] {
				return false
			}
		}
	}
	return true
}

// appendable says whether this build appends to the old store (under
// mu): when there is one, and the dead space after the append (the old
// store's bytes no index lists any more, and its index) would not exceed
// the live bytes, or fragmentsSlack.
func (f *Fragments) appendable(groups map[string][]fragEntry) bool {
	if f.old == nil {
		return false
	}
	// The pieces this build put, each once (spans), and those of the
	// groups it keeps without rendering them.
	live := f.dataStart + f.fresh
	for _, sp := range f.spans {
		if !sp.fresh {
			live += sp.n
		}
	}
	var seen map[[32]byte]bool
	for g, es := range groups {
		if len(f.entries[g]) != 0 {
			continue
		}
		for _, e := range es {
			if _, put := f.spans[e.key]; put || seen[e.key] {
				continue
			}
			if seen == nil {
				seen = map[[32]byte]bool{}
			}
			seen[e.key] = true
			live += e.n
		}
	}
	return f.oldSize+f.fresh-live <= max(live, fragmentsSlack)
}

// append appends this build's new pieces, its index and the tail to the
// old store, when the file is still the one this build read (under mu).
// An append that fails is cut off again; the caller then writes a new
// store.
func (f *Fragments) append(names []string, groups map[string][]fragEntry) error {
	w, err := os.OpenFile(f.out+fragmentsSuffix, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	st, err := w.Stat()
	if err != nil {
		return err
	}
	if !os.SameFile(st, f.oldInfo) || st.Size() != f.oldSize {
		return errors.New("fragment store: changed since it was read")
	}
	index := appendFragmentIndex(nil, names, groups, func(e fragEntry) (int64, bool) {
		if e.fresh {
			return f.oldSize + e.off, true
		}
		return e.off, true
	})
	buf := append(f.pending, appendSegmentTail(index, fragmentsHead(f.id), f.oldSize+int64(len(f.pending)))...)
	if _, err := w.WriteAt(buf, f.oldSize); err != nil {
		w.Truncate(f.oldSize)
		return err
	}
	return nil
}

// rewrite writes a whole new store into tmp (under mu): this build's new
// pieces (already there when it spilled), the old store's pieces it keeps,
// copied (a piece whose bytes do not match their checksum is left out),
// the index and the tail.
func (f *Fragments) rewrite(names []string, groups map[string][]fragEntry) {
	if !f.begin() {
		return
	}
	head := fragmentsHead(f.id)
	base := int64(len(head))
	at := base + f.fresh
	moved := map[[32]byte]int64{} // where a kept piece went; -1: damaged
	var buf []byte
	for _, g := range names {
		for _, e := range groups[g] {
			if e.fresh || f.old == nil {
				continue
			}
			if _, ok := moved[e.key]; ok {
				continue
			}
			data, ok := readPiece(f.old, e.fragSpan, buf)
			if !ok {
				moved[e.key] = -1
				continue
			}
			buf = data
			if _, err := f.w.Write(data); err != nil {
				f.err = err
				return
			}
			moved[e.key] = at
			at += e.n
		}
	}
	index := appendFragmentIndex(nil, names, groups, func(e fragEntry) (int64, bool) {
		if e.fresh {
			return base + e.off, true
		}
		off := moved[e.key]
		return off, off >= 0
	})
	f.w.Write(appendSegmentTail(index, head, at))
	if err := f.w.Flush(); err != nil {
		f.err = err
	}
}
