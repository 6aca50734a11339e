package publish

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The fragment store (docs/decisions.md, Performance): the pieces of the
// pages that show every indicator (a report's indicator section, a feed
// entry), each under the key of exactly what it was rendered from, kept
// in OUT.kpisite-fragments beside OUT for the next build. A page that is
// rendered again asks for each piece by its key and renders only those it
// does not find.
//
// The file is content-addressed: a key names the bytes whatever page or
// build wrote them, so the store never has to agree with OUT and needs no
// lock (it is replaced by a rename, never written in place). It is:
//
//	kpisite-fragments 1\n           the format line
//	uvarint length, identity        the build that wrote it (Options.CacheID)
//	fragments' bytes, one after another
//	index: uvarint count, then per fragment uvarint length and its
//	       group's name, its 32-byte key, uvarint offset, uvarint length
//	8 bytes: the index's offset (little-endian)
//	4 bytes: CRC-32C of everything before them (little-endian)
//
// A store whose format line, checksum or identity does not match, or
// whose index points outside its data, is ignored (the build renders every
// piece, as without one). The checksum guards against corruption, not
// tampering: whoever can write beside OUT can write OUT.

const (
	fragmentsSuffix = ".kpisite-fragments"
	fragmentsFormat = "kpisite-fragments 1\n"
	fragmentsTail   = 12
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Fragments is one build's view of the store: the previous build's
// fragments to read, and this build's, written to a temporary file as they
// come and renamed over the store by Commit. Safe for concurrent use.
type Fragments struct {
	out string
	id  []byte

	old    *os.File
	index  map[[32]byte]fragSpan // the previous store's fragments
	groups map[string][]fragEntry

	mu      sync.Mutex
	tmp     *os.File
	w       *bufio.Writer
	crc     hash.Hash32
	off     int64
	entries []fragEntry
	put     map[string]bool // groups rendered by this build
	live    map[string]bool // groups this build shows
	err     error           // the first failure to write: nothing is stored
}

type fragSpan struct{ off, n int64 }

type fragEntry struct {
	group string
	key   [32]byte
	fragSpan
}

// OpenFragments reads the store beside out, when it is there and valid
// for the build identity id, and prepares this build's.
func OpenFragments(out string, id []byte) *Fragments {
	f := &Fragments{out: out, id: id, put: map[string]bool{}, live: map[string]bool{}}
	old, err := os.Open(out + fragmentsSuffix)
	if err != nil {
		return f
	}
	st, err := old.Stat()
	if err == nil && st.Mode().IsRegular() {
		var entries []fragEntry
		if entries, err = readFragments(old, st.Size(), id); err == nil {
			f.old = old
			f.index = make(map[[32]byte]fragSpan, len(entries))
			f.groups = map[string][]fragEntry{}
			for _, e := range entries {
				f.index[e.key] = e.fragSpan
				f.groups[e.group] = append(f.groups[e.group], e)
			}
			return f
		}
	}
	old.Close()
	return f
}

var errBadFragments = errors.New("fragment store: not valid")

// readFragments checks the store r of size bytes (its format line,
// checksum and identity) and returns its index.
func readFragments(r io.ReaderAt, size int64, id []byte) ([]fragEntry, error) {
	head := int64(len(fragmentsFormat))
	if size < head+fragmentsTail {
		return nil, errBadFragments
	}
	tail := make([]byte, fragmentsTail)
	if _, err := r.ReadAt(tail, size-fragmentsTail); err != nil {
		return nil, errBadFragments
	}
	crc := crc32.New(castagnoli)
	if _, err := io.Copy(crc, io.NewSectionReader(r, 0, size-4)); err != nil {
		return nil, errBadFragments
	}
	if crc.Sum32() != binary.LittleEndian.Uint32(tail[8:]) {
		return nil, errBadFragments
	}
	first := make([]byte, head+binary.MaxVarintLen64+int64(len(id)))
	first = first[:min(int64(len(first)), size-fragmentsTail)]
	if _, err := r.ReadAt(first, 0); err != nil {
		return nil, errBadFragments
	}
	if string(first[:head]) != fragmentsFormat {
		return nil, errBadFragments
	}
	rest := first[head:]
	n, k := binary.Uvarint(rest)
	if k <= 0 || n != uint64(len(id)) || len(rest)-k < len(id) || !bytes.Equal(rest[k:k+len(id)], id) {
		return nil, errBadFragments
	}
	dataStart := head + int64(k) + int64(len(id))
	indexOff := binary.LittleEndian.Uint64(tail)
	if indexOff < uint64(dataStart) || indexOff > uint64(size-fragmentsTail) {
		return nil, errBadFragments
	}
	idx := make([]byte, size-fragmentsTail-int64(indexOff))
	if _, err := r.ReadAt(idx, int64(indexOff)); err != nil {
		return nil, errBadFragments
	}
	return parseFragmentIndex(idx, uint64(dataStart), indexOff)
}

// parseFragmentIndex reads the index idx of a store whose fragments lie
// between start and end.
func parseFragmentIndex(idx []byte, start, end uint64) ([]fragEntry, error) {
	uv := func() (uint64, bool) {
		v, k := binary.Uvarint(idx)
		if k <= 0 {
			return 0, false
		}
		idx = idx[k:]
		return v, true
	}
	count, ok := uv()
	// Each entry takes at least 35 bytes: a bound before allocating.
	if !ok || count > uint64(len(idx))/35 {
		return nil, errBadFragments
	}
	entries := make([]fragEntry, 0, count)
	for range count {
		n, ok := uv()
		if !ok || n > uint64(len(idx)) || uint64(len(idx))-n < 32 {
			return nil, errBadFragments
		}
		e := fragEntry{group: string(idx[:n])}
		copy(e.key[:], idx[n:n+32])
		idx = idx[n+32:]
		off, ok1 := uv()
		size, ok2 := uv()
		if !ok1 || !ok2 || off < start || off > end || size > end-off {
			return nil, errBadFragments
		}
		e.off, e.n = int64(off), int64(size)
		entries = append(entries, e)
	}
	if len(idx) != 0 {
		return nil, errBadFragments
	}
	return entries, nil
}

// Live says that this build shows the page group: when the page is not
// rendered (its files are kept whole), its fragments are carried into the
// new store; a group that is neither live nor rendered is dropped.
func (f *Fragments) Live(group string) {
	f.mu.Lock()
	f.live[group] = true
	f.mu.Unlock()
}

// Get returns the fragment stored under key by the previous build.
func (f *Fragments) Get(key [32]byte) ([]byte, bool) {
	if f.old == nil {
		return nil, false
	}
	sp, ok := f.index[key]
	if !ok {
		return nil, false
	}
	data := make([]byte, sp.n)
	if _, err := f.old.ReadAt(data, sp.off); err != nil {
		return nil, false
	}
	return data, true
}

// Put records a fragment of the page group, rendered or kept by this
// build, for the next one: written to the new store as it comes.
func (f *Fragments) Put(group string, key [32]byte, data []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.put[group] = true
	f.add(group, key, data)
}

// add appends a fragment to the new store (under mu).
func (f *Fragments) add(group string, key [32]byte, data []byte) {
	if f.err != nil || !f.begin() {
		return
	}
	if _, err := f.w.Write(data); err != nil {
		f.err = err
		return
	}
	f.entries = append(f.entries, fragEntry{group: group, key: key, fragSpan: fragSpan{f.off, int64(len(data))}})
	f.off += int64(len(data))
}

// begin creates the new store's temporary file (under mu), once.
func (f *Fragments) begin() bool {
	if f.tmp != nil {
		return true
	}
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	tmp, err := os.OpenFile(f.out+fragmentsSuffix+"-"+hex.EncodeToString(rnd[:]), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		f.err = err
		return false
	}
	f.tmp, f.crc = tmp, crc32.New(castagnoli)
	f.w = bufio.NewWriterSize(io.MultiWriter(tmp, f.crc), 64<<10)
	head := append([]byte(fragmentsFormat), binary.AppendUvarint(nil, uint64(len(f.id)))...)
	head = append(head, f.id...)
	f.w.Write(head)
	f.off = int64(len(head))
	return true
}

// Commit writes the new store in place of the old, after the build was
// published: this build's fragments, and those of the previous store's
// groups that are live but were not rendered. A store that could not be
// written is left out, and the old one removed (its fragments may no
// longer be shown anywhere; they are never wrong, but would be kept for
// nothing).
func (f *Fragments) Commit() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	defer f.closeOld()
	for g, es := range f.groups {
		if !f.live[g] || f.put[g] {
			continue
		}
		for _, e := range es {
			data := make([]byte, e.n)
			if _, err := f.old.ReadAt(data, e.off); err != nil {
				f.err = err
				break
			}
			f.add(g, e.key, data)
		}
	}
	if f.err == nil && f.begin() {
		f.writeIndex()
	}
	if f.err != nil {
		f.abort()
		os.Remove(f.out + fragmentsSuffix)
		return f.err
	}
	name := f.tmp.Name()
	if err := f.tmp.Close(); err != nil {
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

// writeIndex ends the new store with its index and tail (under mu).
func (f *Fragments) writeIndex() {
	indexOff := f.off
	var buf []byte
	buf = binary.AppendUvarint(buf, uint64(len(f.entries)))
	for _, e := range f.entries {
		buf = binary.AppendUvarint(buf, uint64(len(e.group)))
		buf = append(buf, e.group...)
		buf = append(buf, e.key[:]...)
		buf = binary.AppendUvarint(buf, uint64(e.off))
		buf = binary.AppendUvarint(buf, uint64(e.n))
	}
	buf = binary.LittleEndian.AppendUint64(buf, uint64(indexOff))
	f.w.Write(buf)
	if err := f.w.Flush(); err != nil {
		f.err = err
		return
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], f.crc.Sum32())
	if _, err := f.tmp.Write(sum[:]); err != nil {
		f.err = err
	}
}

// Abort drops this build's store (a build that failed), leaving the old
// one as it was.
func (f *Fragments) Abort() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.abort()
	f.closeOld()
}

func (f *Fragments) abort() {
	if f.tmp != nil {
		name := f.tmp.Name()
		f.tmp.Close()
		os.Remove(name)
		f.tmp = nil
	}
	if f.err == nil {
		f.err = errBadFragments
	}
}

func (f *Fragments) closeOld() {
	if f.old != nil {
		f.old.Close()
		f.old = nil
	}
}

// RemoveFragments removes the store beside out (a build without a cache).
func RemoveFragments(out string) error {
	err := os.Remove(out + fragmentsSuffix)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// removeStaleFragmentTemps removes temporary stores that a killed build
// left, an hour after they were last written (a build running beside
// this one may still be writing a newer one).
func removeStaleFragmentTemps(out string) {
	entries, _ := os.ReadDir(filepath.Dir(out))
	prefix := filepath.Base(out) + fragmentsSuffix + "-"
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(filepath.Dir(out), e.Name()))
		}
	}
}
