package publish

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"hash/crc32"
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
// build wrote them, so the store never has to agree with OUT. It is:
//
//	kpisite-fragments 2\n           the format line
//	uvarint length, identity        the build that wrote it (Options.CacheID)
//	segments, one per build that wrote to it, each:
//	  pieces' bytes, one after another
//	  index: uvarint count of page groups, then per group uvarint
//	         length and its name, uvarint count of pieces, and per
//	         piece its 32-byte key, uvarint offset, uvarint length and
//	         the CRC-32C of its bytes (4 bytes, little-endian)
//	  8 bytes: the index's offset (little-endian)
//	  4 bytes: CRC-32C of the format line and identity, the index and
//	           its offset (little-endian)
//
// Only the last segment's index is read: it lists every piece of the
// store, in whichever segment its bytes are. A build that holds the build
// lock appends a segment with only its new pieces, and an index that
// lists the earlier pieces it keeps where they are; the earlier indexes
// and the pieces no index lists any more are dead space, never read. Each
// piece is checked against its checksum when it is read (Get), so opening
// the store reads only its head, its last index and its tail, however
// much dead space it has. When the dead space would grow past the live
// bytes and 64 KiB (or the build has more than fragmentsSpill bytes of new
// pieces, or the store changed since it was read), the build writes a
// whole new store to a temporary file instead, with only the live pieces
// (each checked as it is copied), and renames it over the old
// (compaction).
//
// The file only ever grows in place, or is replaced by a rename, so a
// build that read it without the lock keeps a valid view of the bytes it
// read. A build that reads it in the middle of an append, or after one
// that was cut short (a killed build, a full disk), finds no valid tail
// at its end (the last 12 bytes are not an index offset and a checksum
// that match) and ignores the store; it then writes a whole new one.
// A store whose format line, index checksum or identity does not match,
// or whose index points outside its data, is ignored in the same way (the
// build renders every piece, as without one), and a piece whose bytes do
// not match their checksum is not found. The checksums guard against
// corruption, not tampering: whoever can write beside OUT can write OUT.

const (
	fragmentsSuffix = ".kpisite-fragments"
	fragmentsFormat = "kpisite-fragments 2\n"
	fragmentsTail   = 12
	// fragmentsSpill is how many bytes of new pieces a build keeps in
	// memory: past it they are written to a new store as they come (a
	// cold build), which then replaces the old one whole.
	fragmentsSpill = 1 << 20
	// fragmentsSlack is the dead space a store may always have, however
	// small its live pieces (a small site's store is not rewritten on
	// every build because each index is dead after the next).
	fragmentsSlack = 64 << 10
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Fragments is one build's view of the store: the previous build's
// fragments to read, and this build's, kept to be appended to the store or
// written into a new one by Commit. Safe for concurrent use, except that
// Get must not be called once Commit or Abort has been.
type Fragments struct {
	out string
	id  []byte

	// The store as this build read it, when it was valid.
	old       *os.File
	oldInfo   os.FileInfo
	oldSize   int64
	dataStart int64 // where its pieces start: the length of the head
	index     map[[32]byte]fragSpan
	groups    map[string][]fragEntry

	mu      sync.Mutex
	fresh   int64                  // bytes of new pieces so far
	pending []byte                 // the new pieces, until spilled
	tmp     *os.File               // spilled: a new store being written
	w       *bufio.Writer          // into tmp
	spans   map[[32]byte]fragSpan  // the pieces this build put
	entries map[string][]fragEntry // per group this build put
	live    map[string]bool        // groups this build shows
	bad     map[[32]byte]bool      // pieces of the old store Get found damaged
	err     error                  // the first failure to write: nothing is stored
}

// fragSpan is where a piece's bytes are: in the old store, or (fresh) at
// an offset among this build's new pieces; and their CRC-32C.
type fragSpan struct {
	off, n int64
	crc    uint32
	fresh  bool
}

type fragEntry struct {
	group string
	key   [32]byte
	fragSpan
}

// OpenFragments reads the store beside out, when it is there and valid
// for the build identity id, and prepares this build's. It needs no lock:
// a store in the middle of an append is not valid, and is ignored.
func OpenFragments(out string, id []byte) *Fragments {
	f := &Fragments{out: out, id: id, spans: map[[32]byte]fragSpan{}, entries: map[string][]fragEntry{}, live: map[string]bool{}}
	old, err := os.Open(out + fragmentsSuffix)
	if err != nil {
		return f
	}
	st, err := old.Stat()
	if err == nil && st.Mode().IsRegular() {
		if s, err := readFragments(old, st.Size(), id); err == nil {
			f.old, f.oldInfo, f.oldSize, f.dataStart = old, st, st.Size(), s.dataStart
			f.index = make(map[[32]byte]fragSpan, len(s.entries))
			f.groups = map[string][]fragEntry{}
			for _, e := range s.entries {
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

// Live says that this build shows the page group: when the page is not
// rendered (its files are kept whole), its fragments are kept in the
// store; a group that is neither live nor rendered is dropped.
func (f *Fragments) Live(group string) {
	f.mu.Lock()
	f.live[group] = true
	f.mu.Unlock()
}

// Len is the length of the fragment the previous build stored under
// key, when there is one (Get may still not find it, when its bytes are
// damaged).
func (f *Fragments) Len(key [32]byte) (int, bool) {
	sp, ok := f.index[key]
	if !ok || f.old == nil {
		return 0, false
	}
	return int(sp.n), true
}

// Get reads the fragment stored under key by the previous build into buf
// (grown when it is too short), and returns it, when its bytes match their
// checksum.
func (f *Fragments) Get(key [32]byte, buf []byte) ([]byte, bool) {
	if f.old == nil {
		return nil, false
	}
	sp, ok := f.index[key]
	if !ok {
		return nil, false
	}
	buf, ok = readPiece(f.old, sp, buf)
	if !ok {
		// Damaged: the piece rendered again is kept anew (Put).
		f.mu.Lock()
		if f.bad == nil {
			f.bad = map[[32]byte]bool{}
		}
		f.bad[key] = true
		f.mu.Unlock()
	}
	return buf, ok
}

// Put records a fragment of the page group, rendered or got by this
// build, for the next one. A piece the old store holds (its key is there,
// and Get did not find its bytes damaged) is only listed; a new one is
// kept.
func (f *Fragments) Put(group string, key [32]byte, data []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	sp, ok := f.spans[key]
	if !ok {
		if sp, ok = f.index[key]; !ok || f.bad[key] {
			if !f.keep(data) {
				return
			}
			sp = fragSpan{off: f.fresh, n: int64(len(data)), crc: crc32.Checksum(data, castagnoli), fresh: true}
			f.fresh += sp.n
		}
		f.spans[key] = sp
	}
	f.entries[group] = append(f.entries[group], fragEntry{group: group, key: key, fragSpan: sp})
}

// keep keeps the bytes of a new piece (under mu): in memory up to
// fragmentsSpill, then in a new store written as they come.
func (f *Fragments) keep(data []byte) bool {
	if f.err != nil {
		return false
	}
	if f.tmp == nil && len(f.pending)+len(data) <= fragmentsSpill {
		f.pending = append(f.pending, data...)
		return true
	}
	if f.tmp == nil && !f.begin() {
		return false
	}
	if _, err := f.w.Write(data); err != nil {
		f.err = err
		return false
	}
	return true
}

// begin creates a new store's temporary file (under mu) with its head and
// the new pieces kept so far, once.
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
	f.tmp = tmp
	f.w = bufio.NewWriterSize(tmp, 64<<10)
	f.w.Write(fragmentsHead(f.id))
	f.w.Write(f.pending)
	f.pending = nil
	return true
}

// Abort drops this build's fragments (a build that failed), leaving the
// store as it was.
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
	f.pending = nil
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
