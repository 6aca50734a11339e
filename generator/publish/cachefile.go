package publish

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"sort"
)

// The build cache's file after its first line (cache.go): a compact binary
// encoding of cacheIndex, made for reading fast (a 1,000-indicator site's
// JSON took some 50 ms to parse and as long to write). Every number is a
// varint (encoding/binary: unsigned for counts, lengths, devices and
// inodes; signed for sizes and times); a string or a note is its length,
// then its bytes; a key its 32 bytes. In order:
//
//	identity, manifest (strings)
//	pages: a count, then for each (by name): name, key, note, files
//	  files: a count, then for each: path, identity
//	  identity: device, inode, size, modification time, change time
//	dirs: a count, then for each (by path): path, identity
//	spare: 0 (none), or 1 then manifest, dirs, pages, and Same (a count,
//	  then each name)
//
// Nothing may follow. Maps are written sorted, so that the same index is
// always the same bytes. A file that does not decode exactly is refused
// (its checksum protects it too): each file has one reading, the entries
// in order and every varint the shortest.

var errCacheFile = errors.New("damaged")

// encoder encodes an index into b, and, when w is set, writes b to w
// every flushAt bytes or so.
type encoder struct {
	b   []byte
	w   io.Writer
	err error
}

const flushAt = 64 << 10

func (e *encoder) flush(force bool) {
	if e.w == nil || e.err != nil || len(e.b) < flushAt && !force {
		return
	}
	_, e.err = e.w.Write(e.b)
	e.b = e.b[:0]
}

// encodeIndex appends idx, encoded, to b.
func encodeIndex(b []byte, idx *cacheIndex) []byte {
	e := &encoder{b: b}
	e.index(idx)
	return e.b
}

// writeEncoded writes idx, encoded, to w.
func writeEncoded(w io.Writer, idx *cacheIndex) error {
	e := &encoder{b: make([]byte, 0, flushAt+4<<10), w: w}
	e.index(idx)
	e.flush(true)
	return e.err
}

func (e *encoder) index(idx *cacheIndex) {
	e.string(idx.Identity)
	e.string(idx.Manifest)
	e.pages(idx.Pages)
	e.dirs(idx.Dirs)
	if idx.Spare == nil {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.string(idx.Spare.Manifest)
	e.dirs(idx.Spare.Dirs)
	e.pages(idx.Spare.Pages)
	e.b = binary.AppendUvarint(e.b, uint64(len(idx.Spare.Same)))
	for _, n := range idx.Spare.Same {
		e.string(n)
		e.flush(false)
	}
}

func (e *encoder) string(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) id(id fileID) {
	e.b = binary.AppendUvarint(e.b, id.Dev)
	e.b = binary.AppendUvarint(e.b, id.Ino)
	e.b = binary.AppendVarint(e.b, id.Size)
	e.b = binary.AppendVarint(e.b, id.Mtime)
	e.b = binary.AppendVarint(e.b, id.Ctime)
}

func (e *encoder) pages(pages map[string]cachePage) {
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	e.b = binary.AppendUvarint(e.b, uint64(len(names)))
	for _, n := range names {
		pg := pages[n]
		e.string(n)
		e.b = append(e.b, pg.Key[:]...)
		e.b = binary.AppendUvarint(e.b, uint64(len(pg.Note)))
		e.b = append(e.b, pg.Note...)
		e.b = binary.AppendUvarint(e.b, uint64(len(pg.Files)))
		for _, f := range pg.Files {
			e.string(f.Path)
			e.id(f.ID)
		}
		e.flush(false)
	}
}

func (e *encoder) dirs(dirs map[string]fileID) {
	paths := make([]string, 0, len(dirs))
	for d := range dirs {
		paths = append(paths, d)
	}
	sort.Strings(paths)
	e.b = binary.AppendUvarint(e.b, uint64(len(paths)))
	for _, d := range paths {
		e.string(d)
		e.id(dirs[d])
		e.flush(false)
	}
}

// decodeIndex decodes a whole cache file body. The notes it returns are
// slices of body itself, which the caller must not change afterwards.
func decodeIndex(body []byte) (*cacheIndex, error) {
	d := &decoder{b: body}
	idx := &cacheIndex{}
	idx.Identity = d.str()
	idx.Manifest = d.str()
	idx.Pages = d.pages()
	idx.Dirs = d.dirs()
	switch d.byte() {
	case 0:
	case 1:
		sp := &spareIndex{}
		sp.Manifest = d.str()
		sp.Dirs = d.dirs()
		sp.Pages = d.pages()
		n := d.count(1)
		if d.err == nil {
			sp.Same = make([]string, 0, n)
		}
		for i := 0; i < n && d.err == nil; i++ {
			sp.Same = append(sp.Same, d.str())
		}
		idx.Spare = sp
	default:
		d.fail()
	}
	if d.err == nil && d.off != len(d.b) {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	return idx, nil
}

// decoder reads body (b) from off; the first failure stops it.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCacheFile
	}
	d.off = len(d.b)
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 || n > 1 && d.b[d.off+n-1] == 0 { // none, or not the shortest
		d.fail()
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 || n > 1 && d.b[d.off+n-1] == 0 { // none, or not the shortest
		d.fail()
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) byte() byte {
	if d.err != nil || d.off >= len(d.b) {
		d.fail()
		return 0
	}
	d.off++
	return d.b[d.off-1]
}

// length reads a length of bytes that must all follow.
func (d *decoder) length() int {
	n := d.uvarint()
	if n > uint64(len(d.b)-d.off) {
		d.fail()
		return 0
	}
	return int(n)
}

// count reads a count of items each at least min bytes long, which must
// fit in what is left.
func (d *decoder) count(min int) int {
	n := d.uvarint()
	if n > math.MaxInt32 || int(n)*min > len(d.b)-d.off {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.length()
	if d.err != nil {
		return ""
	}
	s := string(d.b[d.off : d.off+n])
	d.off += n
	return s
}

func (d *decoder) id() fileID {
	return fileID{Dev: d.uvarint(), Ino: d.uvarint(), Size: d.varint(), Mtime: d.varint(), Ctime: d.varint()}
}

// The fewest bytes an entry takes: a page (name, key, note, files), a
// file or folder (path and identity).
const (
	minPage  = 1 + 32 + 1 + 1
	minEntry = 1 + 5
)

func (d *decoder) pages() map[string]cachePage {
	n := d.count(minPage)
	if d.err != nil {
		return nil
	}
	pages := make(map[string]cachePage, n)
	prev := ""
	for i := range n {
		name := d.str()
		if i > 0 && name <= prev {
			d.fail() // out of order, or twice
		}
		prev = name
		var pg cachePage
		if len(d.b)-d.off < len(pg.Key) {
			d.fail()
		}
		if d.err != nil {
			return nil
		}
		copy(pg.Key[:], d.b[d.off:])
		d.off += len(pg.Key)
		if l := d.length(); l > 0 {
			pg.Note = d.b[d.off : d.off+l : d.off+l]
			d.off += l
		}
		nf := d.count(minEntry)
		if d.err != nil {
			return nil
		}
		pg.Files = make([]cacheFile, nf)
		for i := range pg.Files {
			pg.Files[i] = cacheFile{Path: d.str(), ID: d.id()}
		}
		pages[name] = pg
	}
	return pages
}

func (d *decoder) dirs() map[string]fileID {
	n := d.count(minEntry)
	if d.err != nil {
		return nil
	}
	dirs := make(map[string]fileID, n)
	prev := ""
	for i := range n {
		p := d.str()
		if i > 0 && p <= prev {
			d.fail() // out of order, or twice
		}
		prev = p
		dirs[p] = d.id()
	}
	return dirs
}
